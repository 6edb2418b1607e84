// FrostSigningPackage: what the coordinator sends every chosen signer in round two: the message and the
// commitment list of the signers (RFC 9591 §5.2 inputs msg and commitment_list, sorted by identifier).
//
// References: RFC 9591 §4.3 (commitment lists sorted in ascending identifier order, no duplicates), §5.2;
// frost-core lib.rs SigningPackage.
// Wire format (docs/frost-wire.md): header(type 2) || count (2 bytes) ||
//   count x (identifier (Ns) || hiding (Ne) || binding (Ne)), ascending identifiers || message (4-byte length || bytes).

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// The signing package of one FROST signing session (RFC 9591 §5.2): the message and each chosen signer's
/// <see cref="FrostSigningCommitments"/>, sorted by identifier.
/// </summary>
public sealed class FrostSigningPackage : FrostPublicMessage<FrostSigningPackage>
{
    private readonly CommitmentListEntry[] _commitmentList;
    private readonly byte[] _message;
    private IReadOnlyList<FrostIdentifier>? _identifiers;

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
                throw Error.Frost_NullEntry(nameof(commitments), "An identifier or a commitment");
            }

            suite ??= pair.Key.Ciphersuite;
            if (pair.Key.Ciphersuite != suite || pair.Value.Ciphersuite != suite)
            {
                throw Error.Frost_MixedCiphersuites(nameof(commitments), "The commitments");
            }

            entries.Add(new CommitmentListEntry(pair.Key, pair.Value.Hiding, pair.Value.Binding));
        }

        if (suite is null)
        {
            throw Error.Frost_Empty(nameof(commitments), "a signing package needs at least one signer's commitments");
        }

        entries.Sort((a, b) => a.Identifier.CompareTo(b.Identifier));
        for (int i = 1; i < entries.Count; i++)
        {
            if (entries[i].Identifier == entries[i - 1].Identifier)
            {
                throw Error.Frost_DuplicateIdentifier(nameof(commitments), entries[i].Identifier.ToString());
            }
        }

        _ciphersuite = suite;
        _commitmentList = [.. entries];
        _message = message.ToArray();
    }

    private FrostSigningPackage(FrostCiphersuite ciphersuite, CommitmentListEntry[] sortedList, byte[] message)
    {
        _ciphersuite = ciphersuite;
        _commitmentList = sortedList;
        _message = message;
    }

    /// <summary>The message to sign.</summary>
    public ReadOnlyMemory<byte> Message => _message;

    /// <summary>The signers' identifiers in ascending order.</summary>
    public IReadOnlyList<FrostIdentifier> Identifiers => _identifiers ??= Array.AsReadOnly(Array.ConvertAll(_commitmentList, e => e.Identifier));

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

    /// <inheritdoc/>
    public override string ToString() => $"FrostSigningPackage({Ciphersuite.Name}, {_commitmentList.Length} signers)";

    internal override void WriteFields(FrostFieldWriter writer)
    {
        writer.BeginList("commitments", _commitmentList.Length);
        foreach (CommitmentListEntry entry in _commitmentList)
        {
            writer.BeginEntry();
            writer.Identifier("identifier", entry.Identifier);
            writer.Element("hiding", entry.Hiding);
            writer.Element("binding", entry.Binding);
            writer.EndEntry();
        }

        writer.EndList();
        writer.Bytes("message", _message);
    }

    internal static FrostSigningPackage ReadFields(FrostFieldReader reader)
    {
        int count = reader.BeginList("commitments");
        var entries = new CommitmentListEntry[count];
        var identifiers = new FrostIdentifier[count];
        for (int i = 0; i < count; i++)
        {
            reader.BeginEntry();
            identifiers[i] = reader.Identifier("identifier");
            entries[i] = new CommitmentListEntry(identifiers[i], reader.Element("hiding"), reader.Element("binding"));
            reader.EndEntry();
        }

        reader.EndList();
        byte[] message = reader.Bytes("message");
        reader.RequireAscending(identifiers, "it holds no commitments");
        return new FrostSigningPackage(reader.Ciphersuite, entries, message);
    }
}
