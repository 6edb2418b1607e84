// FrostRefreshRound1Package: what a participant of a DKG share refresh broadcasts after part 1: the commitment to
// its polynomial g_i with g_i(0) = 0, without element 0 (the identity, which has no encoding) (frost-core
// keys/refresh.rs refresh_dkg_part1, whose round1::Package holds the same commitment).
//
// References: frost-core refresh_dkg_part1, refresh_dkg_part2; docs/frost-keygen.md §c. frost-core also attaches a
// "proof of knowledge" that cannot verify and that it never checks; it is left out here.
// Wire format: header(type 12) || count t - 1 (2 bytes) || (t - 1) x element (Ne).
// JSON: { header, "commitment": [hex, ...] }.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A round-1 package of a DKG share refresh (<see cref="FrostRefresh.DkgPart1"/>): the commitment
/// [a_1 B, ..., a_(t-1) B] to the sender's sharing of zero (its constant term is zero, so element 0 is left out).
/// Public; every participant must receive the same package from each sender (broadcast).
/// </summary>
public sealed class FrostRefreshRound1Package : FrostPublicMessage<FrostRefreshRound1Package>
{
    internal FrostRefreshRound1Package(FrostCiphersuite ciphersuite, GroupElement[] nonConstantCommitment)
    {
        _ciphersuite = ciphersuite;
        Commitment = FrostVssCommitment.Create(ciphersuite, nonConstantCommitment);
    }

    /// <summary>
    /// The commitments to coefficients 1..t-1 of the sender's sharing of zero (t - 1 elements; the commitment to the
    /// zero constant term, the identity, is implicit).
    /// </summary>
    public FrostVssCommitment Commitment { get; }

    /// <summary>The threshold t of the refresh: one more than the number of commitment elements.</summary>
    public int MinSigners => Commitment.MinSigners + 1;

    /// <inheritdoc/>
    public override string ToString() => $"FrostRefreshRound1Package({Ciphersuite.Name}, threshold {MinSigners})";

    /// <summary>The whole commitment, in a new array: the identity put back in front of the elements sent.</summary>
    internal GroupElement[] CommitmentElements => [Ciphersuite.Suite.Group.Identity, .. Commitment.Coefficients];

    internal override void WriteFields(FrostFieldWriter writer)
        => writer.Elements("commitment", Commitment.Coefficients);

    internal static FrostRefreshRound1Package ReadFields(FrostFieldReader reader)
    {
        GroupElement[] commitment = reader.Elements("commitment");
        return commitment.Length < ushort.MaxValue
            ? new(reader.Ciphersuite, commitment)
            : throw reader.Malformed("the threshold would exceed 65535");
    }
}
