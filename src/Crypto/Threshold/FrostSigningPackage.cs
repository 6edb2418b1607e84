// FrostSigningPackage: what the coordinator sends every chosen signer in round two: the message and the
// commitment list of the signers (RFC 9591 §5.2 inputs msg and commitment_list, sorted by identifier).
//
// References: RFC 9591 §4.3 (commitment lists sorted in ascending identifier order, no duplicates), §5.2;
// frost-core lib.rs SigningPackage.
// Wire format (docs/frost-wire.md): header(type 2) || count (2 bytes) ||
//   count x (identifier (Ns) || hiding (Ne) || binding (Ne)), ascending identifiers || message (4-byte length || bytes).

using System;
using System.Collections.Generic;
using System.Text.Json;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// The signing package of one FROST signing session (RFC 9591 §5.2): the message and each chosen signer's
/// <see cref="FrostSigningCommitments"/>, sorted by identifier.
/// </summary>
public sealed class FrostSigningPackage
{
    private const string What = "FROST signing package";
    private readonly CommitmentListEntry[] _commitmentList;
    private readonly byte[] _message;

    /// <summary>Creates a signing package from the commitments the coordinator received and the message.</summary>
    /// <param name="commitments">Each chosen signer's identifier and round-one commitments, in any order.</param>
    /// <param name="message">The message to sign.</param>
    /// <exception cref="ArgumentNullException"><paramref name="commitments"/> or an entry in it is null.</exception>
    /// <exception cref="ArgumentException">The list is empty, names an identifier twice, or mixes ciphersuites.</exception>
    public FrostSigningPackage(IEnumerable<KeyValuePair<FrostIdentifier, FrostSigningCommitments>> commitments, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var entries = new List<CommitmentListEntry>();
        FrostCiphersuite? suite = null;
        foreach (KeyValuePair<FrostIdentifier, FrostSigningCommitments> pair in commitments)
        {
            if (pair.Key is null || pair.Value is null)
            {
                throw new ArgumentNullException(nameof(commitments), "An identifier or a commitment in the list is null.");
            }

            suite ??= pair.Key.Ciphersuite;
            if (pair.Key.Ciphersuite != suite || pair.Value.Ciphersuite != suite)
            {
                throw new ArgumentException("The commitments mix ciphersuites.", nameof(commitments));
            }

            entries.Add(new CommitmentListEntry(pair.Key, pair.Value.Hiding, pair.Value.Binding));
        }

        if (suite is null)
        {
            throw new ArgumentException("A signing package needs at least one signer's commitments.", nameof(commitments));
        }

        entries.Sort((a, b) => a.Identifier.CompareTo(b.Identifier));
        for (int i = 1; i < entries.Count; i++)
        {
            if (entries[i].Identifier == entries[i - 1].Identifier)
            {
                throw new ArgumentException($"The identifier {entries[i].Identifier} appears twice in the commitments.", nameof(commitments));
            }
        }

        Ciphersuite = suite;
        _commitmentList = [.. entries];
        _message = message.ToArray();
    }

    private FrostSigningPackage(FrostCiphersuite ciphersuite, CommitmentListEntry[] sortedList, byte[] message)
    {
        Ciphersuite = ciphersuite;
        _commitmentList = sortedList;
        _message = message;
    }

    /// <summary>The ciphersuite.</summary>
    public FrostCiphersuite Ciphersuite { get; }

    /// <summary>The message to sign.</summary>
    public ReadOnlyMemory<byte> Message => _message;

    /// <summary>The signers' identifiers in ascending order.</summary>
    public IReadOnlyList<FrostIdentifier> Identifiers
    {
        get
        {
            var identifiers = new FrostIdentifier[_commitmentList.Length];
            for (int i = 0; i < identifiers.Length; i++)
            {
                identifiers[i] = _commitmentList[i].Identifier;
            }

            return identifiers;
        }
    }

    /// <summary>The number of signers.</summary>
    public int Count => _commitmentList.Length;

    internal ReadOnlySpan<CommitmentListEntry> CommitmentList => _commitmentList;

    internal ReadOnlySpan<byte> MessageSpan => _message;

    /// <summary>The commitments of one signer.</summary>
    /// <param name="identifier">The signer's identifier.</param>
    /// <returns>The commitments, or null when the identifier is not in the package.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is null.</exception>
    public FrostSigningCommitments? GetCommitments(FrostIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        int index = Internal.Frost.CommitmentList.IndexOf(_commitmentList, identifier);
        return index < 0 ? null : new FrostSigningCommitments(Ciphersuite, _commitmentList[index].Hiding, _commitmentList[index].Binding);
    }

    /// <summary>Decodes a signing package from its wire format.</summary>
    /// <param name="encoded">The bytes <see cref="ToBytes"/> produced.</param>
    /// <returns>The signing package.</returns>
    /// <exception cref="FintechCryptoException">
    /// The bytes are malformed, the list is empty, or its identifiers are not strictly ascending (a duplicate or an
    /// unsorted list).
    /// </exception>
    public static FrostSigningPackage FromBytes(ReadOnlySpan<byte> encoded)
    {
        var reader = new WireReader(encoded, FrostMessageType.SigningPackage, What);
        int count = reader.ReadUInt16();
        var entries = new CommitmentListEntry[count];
        for (int i = 0; i < count; i++)
        {
            FrostIdentifier identifier = reader.ReadIdentifier();
            GroupElement hiding = reader.ReadElement("hiding nonce commitment");
            GroupElement binding = reader.ReadElement("binding nonce commitment");
            entries[i] = new CommitmentListEntry(identifier, hiding, binding);
        }

        byte[] message = reader.ReadByteString().ToArray();
        reader.End();
        if (SortProblem(entries) is string problem)
        {
            throw reader.Malformed(problem);
        }

        return new FrostSigningPackage(reader.Ciphersuite, entries, message);
    }

    /// <summary>Decodes a signing package from its JSON form.</summary>
    /// <param name="json">The text <see cref="ToJson"/> produced.</param>
    /// <returns>The signing package.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The JSON is malformed, the list is empty, or its identifiers are not strictly ascending.</exception>
    public static FrostSigningPackage FromJson(string json)
    {
        using var reader = new FrostJson.Reader(json, FrostMessageType.SigningPackage, What, "commitments", "message");
        JsonElement list = reader.GetArray(reader.Root, "commitments", ushort.MaxValue);
        var entries = new List<CommitmentListEntry>();
        foreach (JsonElement item in list.EnumerateArray())
        {
            reader.ExpectProperties(item, "identifier", "hiding", "binding");
            entries.Add(new CommitmentListEntry(reader.GetIdentifier(item, "identifier"), reader.GetElement(item, "hiding"), reader.GetElement(item, "binding")));
        }

        byte[] message = reader.GetHex(reader.Root, "message");
        CommitmentListEntry[] sorted = [.. entries];
        if (SortProblem(sorted) is string problem)
        {
            throw reader.Malformed(problem);
        }

        return new FrostSigningPackage(reader.Ciphersuite, sorted, message);
    }

    /// <summary>Encodes the signing package in the versioned wire format.</summary>
    /// <returns>The encoding.</returns>
    public byte[] ToBytes() => WireWriter.Encode(FrostMessageType.SigningPackage, Ciphersuite, w =>
    {
        w.WriteUInt16(_commitmentList.Length);
        foreach (CommitmentListEntry entry in _commitmentList)
        {
            w.WriteIdentifier(entry.Identifier);
            w.WriteElement(entry.Hiding);
            w.WriteElement(entry.Binding);
        }

        w.WriteByteString(_message);
    });

    /// <summary>Encodes the signing package as JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => FrostJson.Write(FrostMessageType.SigningPackage, Ciphersuite, w =>
    {
        w.WriteStartArray("commitments");
        foreach (CommitmentListEntry entry in _commitmentList)
        {
            w.WriteStartObject();
            FrostJson.WriteHex(w, "identifier", entry.Identifier.Encoded);
            FrostJson.WriteElement(w, "hiding", Ciphersuite, entry.Hiding);
            FrostJson.WriteElement(w, "binding", Ciphersuite, entry.Binding);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        FrostJson.WriteHex(w, "message", _message);
    });

    /// <inheritdoc/>
    public override string ToString() => $"FrostSigningPackage({Ciphersuite.Name}, {_commitmentList.Length} signers)";

    private static string? SortProblem(CommitmentListEntry[] entries)
    {
        if (entries.Length == 0)
        {
            return "it holds no commitments";
        }

        for (int i = 1; i < entries.Length; i++)
        {
            if (entries[i].Identifier.CompareTo(entries[i - 1].Identifier) <= 0)
            {
                return "its identifiers are not strictly ascending (a duplicate or an unsorted list)";
            }
        }

        return null;
    }
}
