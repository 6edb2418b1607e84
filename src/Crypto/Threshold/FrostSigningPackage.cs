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
    private readonly IdentifierMap<CommitmentListEntry> _commitmentList;
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

        CommitmentListEntry[] sorted = [.. entries];
        FrostIdentifier[] identifiers = Array.ConvertAll(sorted, e => e.Identifier);
        IdentifierMap.SortDistinct(identifiers, sorted, static id => Error.Frost_DuplicateIdentifier(nameof(commitments), id.ToString()));
        _ciphersuite = suite;
        _commitmentList = new IdentifierMap<CommitmentListEntry>(identifiers, sorted);
        _message = message.ToArray();
    }

    private FrostSigningPackage(FrostCiphersuite ciphersuite, IdentifierMap<CommitmentListEntry> sortedList, byte[] message)
    {
        _ciphersuite = ciphersuite;
        _commitmentList = sortedList;
        _message = message;
    }

    /// <summary>The message to sign.</summary>
    public ReadOnlyMemory<byte> Message => _message;

    /// <summary>The signers' identifiers in ascending order.</summary>
    public IReadOnlyList<FrostIdentifier> Identifiers => _commitmentList.Identifiers;

    /// <summary>The number of signers.</summary>
    public int Count => _commitmentList.Count;

    internal ReadOnlySpan<CommitmentListEntry> CommitmentList => _commitmentList.Values;

    internal ReadOnlySpan<byte> MessageSpan => _message;

    /// <summary>The commitments of one signer.</summary>
    /// <param name="identifier">The signer's identifier.</param>
    /// <returns>The commitments, or null when the identifier is not in the package.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is null.</exception>
    public FrostSigningCommitments? GetCommitments(FrostIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        int index = _commitmentList.IndexOf(identifier);
        return index < 0 ? null : new FrostSigningCommitments(Ciphersuite, _commitmentList[index].Hiding, _commitmentList[index].Binding);
    }

    /// <inheritdoc/>
    public override string ToString() => $"FrostSigningPackage({Ciphersuite.Name}, {_commitmentList.Count} signers)";

    internal override void WriteFields(FrostFieldWriter writer)
    {
        _commitmentList.Write(writer, "commitments", static (writer, entry) =>
        {
            writer.Element("hiding", entry.Hiding);
            writer.Element("binding", entry.Binding);
        });
        writer.Bytes("message", _message);
    }

    internal static FrostSigningPackage ReadFields(FrostFieldReader reader)
    {
        IdentifierMap<CommitmentListEntry> entries = IdentifierMap.Read(
            reader, "commitments", static (reader, identifier) => new CommitmentListEntry(identifier, reader.Element("hiding"), reader.Element("binding")));
        byte[] message = reader.Bytes("message");
        entries.RequireAscending(reader, "it holds no commitments");
        return new FrostSigningPackage(reader.Ciphersuite, entries, message);
    }
}
