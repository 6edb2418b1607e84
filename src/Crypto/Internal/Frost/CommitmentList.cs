// CommitmentList: the signers' round-one commitments, sorted by identifier, and their encoding (RFC 9591 §4.3).
//
// References: RFC 9591 §4.3 (encode_group_commitment_list: SerializeScalar(identifier) ||
// SerializeElement(hiding_nonce_commitment) || SerializeElement(binding_nonce_commitment) for each entry, in
// identifier order; participants_from_commitment_list).

using System;
using System.IO;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost;

/// <summary>One entry of a commitment list: (identifier, hiding_nonce_commitment, binding_nonce_commitment).</summary>
internal readonly record struct CommitmentListEntry(FrostIdentifier Identifier, GroupElement Hiding, GroupElement Binding);

/// <summary>Operations on commitment lists (RFC 9591 §4.3).</summary>
internal static class CommitmentList
{
    /// <summary>Implements encode_group_commitment_list(commitment_list) (RFC 9591 §4.3).</summary>
    internal static byte[] Encode(FrostSuite suite, ReadOnlySpan<CommitmentListEntry> commitmentList)
    {
        int ns = suite.Scalars.Length;
        int ne = suite.Group.ElementLength;
        byte[] encoded = new byte[commitmentList.Length * (ns + ne + ne)];
        int offset = 0;
        foreach (CommitmentListEntry entry in commitmentList)
        {
            entry.Identifier.Encoded.CopyTo(encoded.AsSpan(offset, ns));
            offset += ns;
            suite.Group.SerializeElement(entry.Hiding, encoded.AsSpan(offset, ne));
            offset += ne;
            suite.Group.SerializeElement(entry.Binding, encoded.AsSpan(offset, ne));
            offset += ne;
        }

        if (offset != encoded.Length)
        {
            throw new InvalidDataException("The commitment list encoding has an unexpected length.");
        }

        return encoded;
    }

    /// <summary>Implements participants_from_commitment_list(commitment_list) (RFC 9591 §4.3).</summary>
    internal static Scalar[] Participants(ReadOnlySpan<CommitmentListEntry> commitmentList)
    {
        var identifiers = new Scalar[commitmentList.Length];
        for (int i = 0; i < commitmentList.Length; i++)
        {
            identifiers[i] = commitmentList[i].Identifier.Scalar;
        }

        return identifiers;
    }

    /// <summary>The index of <paramref name="identifier"/> in the list, or -1.</summary>
    internal static int IndexOf(ReadOnlySpan<CommitmentListEntry> commitmentList, FrostIdentifier identifier)
    {
        for (int i = 0; i < commitmentList.Length; i++)
        {
            if (commitmentList[i].Identifier == identifier)
            {
                return i;
            }
        }

        return -1;
    }
}
