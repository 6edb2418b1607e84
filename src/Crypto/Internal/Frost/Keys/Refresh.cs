// Refresh: share refresh as frost-core keys/refresh.rs computes it at commit 0966bd15 (docs/frost-keygen.md
// §c): every participant adds a share g(i) of a fresh polynomial with g(0) = 0, so the shares change and the
// group verifying key does not. Two ways to make g: a trusted dealer, or a DKG whose participants each
// share zero and add up.
//
// The commitments of a sharing of zero start with the identity. They are kept whole here; the public layer
// leaves element 0 out on the wire (it has no encoding) and puts the identity back when decoding.
//
// One difference from frost-core: its DKG refresh attaches a "proof of knowledge" made with the constant
// term 0 against commitment element 1, which cannot verify and which it never checks. It is left out here.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>Share refresh by a trusted dealer or by a DKG (frost-core keys/refresh.rs).</summary>
internal static class Refresh
{
    /// <summary>
    /// Dealer, frost-core compute_refreshing_shares: draws g with g(0) = 0 and degree t - 1, returns g(id) for
    /// each identifier (aligned) and the commitment to g (element 0 the identity).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer identifiers than the threshold, or a bad threshold.</exception>
    /// <exception cref="FintechCryptoException">A repeated or zero identifier.</exception>
    internal static Scalar[] ComputeRefreshingShares(FrostSuite suite, int minSigners, ReadOnlySpan<Scalar> identifiers, out GroupElement[] commitment)
    {
        ArgumentNullException.ThrowIfNull(suite);
        Dkg.ValidateSignerCounts(minSigners, identifiers.Length);
        ScalarField field = suite.Scalars;
        IdentifierSet.RequireDistinct(field, identifiers, "The list of participants to refresh");

        Scalar[] coefficients = ZeroPolynomial(field, minSigners);
        try
        {
            commitment = Vss.Commit(suite.Group, coefficients);
            var shares = new Scalar[identifiers.Length];
            for (int k = 0; k < identifiers.Length; k++)
            {
                shares[k] = Polynomial.Evaluate(field, identifiers[k], coefficients);
            }

            return shares;
        }
        finally
        {
            Array.Clear(coefficients);
        }
    }

    /// <summary>
    /// Participant, frost-core refresh_share: verifies the refreshing share against the dealer's commitment (whose
    /// element 0 must be the identity and whose length must be the participant's threshold) and returns
    /// s_i + g(i).
    /// </summary>
    /// <exception cref="FintechCryptoException">The commitment is not a sharing of zero with this threshold, or the share does not verify.</exception>
    internal static Scalar RefreshShare(
        FrostSuite suite,
        in Scalar identifier,
        in Scalar currentShare,
        int minSigners,
        in Scalar refreshingShare,
        GroupElement[] commitment)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(commitment);
        RequireZeroSharing(suite.Group, commitment, minSigners);
        if (!Vss.Verify(suite.Group, identifier, refreshingShare, commitment))
        {
            throw new FintechCryptoException("The refreshing share does not match the dealer's commitment.");
        }

        return suite.Scalars.Add(currentShare, refreshingShare);
    }

    /// <summary>
    /// The verifying share after a refresh: the old one plus g(id) B, computed from the public commitment.
    /// </summary>
    internal static GroupElement RefreshVerifyingShare(PrimeOrderGroup group, in Scalar identifier, GroupElement oldVerifyingShare, GroupElement[] commitment) =>
        group.Add(oldVerifyingShare, Vss.Evaluate(group, identifier, commitment));

    /// <summary>
    /// DKG refresh, part 1 (frost-core refresh_dkg_part1): DKG part 1 with the constant term fixed to zero and no
    /// proof of knowledge. <paramref name="maxSigners"/> is the number of participants in this refresh.
    /// </summary>
    internal static DkgRound1Secret DkgPart1(FrostSuite suite, in Scalar identifier, int maxSigners, int minSigners, out DkgRound1Broadcast broadcast)
    {
        ArgumentNullException.ThrowIfNull(suite);
        Dkg.ValidatePart1Inputs(suite.Scalars, identifier, minSigners, maxSigners);
        Scalar[] coefficients = ZeroPolynomial(suite.Scalars, minSigners);
        GroupElement[] commitment = Vss.Commit(suite.Group, coefficients);
        broadcast = new DkgRound1Broadcast((GroupElement[])commitment.Clone(), null, suite.Scalars.Zero);
        return new DkgRound1Secret(identifier, coefficients, commitment, minSigners, maxSigners);
    }

    /// <summary>
    /// DKG refresh, part 2 (frost-core refresh_dkg_part2): checks the other participants' commitments (each a
    /// sharing of zero of length t) and computes the shares g_i(l) to send.
    /// </summary>
    internal static DkgRound2Secret DkgPart2(FrostSuite suite, DkgRound1Secret secret, ReadOnlySpan<Scalar> senders, IReadOnlyList<DkgRound1Broadcast> messages, out Scalar[] outgoingShares)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(secret);
        RequireZeroSharing(suite.Group, secret.Commitment, secret.MinSigners);
        return Dkg.Part2(suite, secret, senders, messages, out outgoingShares, RequireZeroSharings);
    }

    /// <summary>
    /// DKG refresh, part 3 (frost-core refresh_dkg_shares): verifies the received shares, adds them to the old
    /// signing share, and adds each participant's zero-sharing verifying share to its old verifying share. The
    /// old public key package must list every participant of the refresh; those left out of the refresh are
    /// left out of the result.
    /// </summary>
    /// <exception cref="FintechCryptoException">Inconsistent packages, thresholds or participants.</exception>
    /// <exception cref="KeyGenCulpritException">Some shares do not verify; their senders are named.</exception>
    internal static KeyGenOutput DkgPart3(
        FrostSuite suite,
        DkgRound2Secret secret,
        ReadOnlySpan<Scalar> round1Senders,
        IReadOnlyList<DkgRound1Broadcast> round1Messages,
        ReadOnlySpan<Scalar> round2Senders,
        ReadOnlySpan<Scalar> receivedShares,
        in Scalar oldSigningShare,
        int oldMinSigners,
        GroupElement verifyingKey,
        ReadOnlySpan<Scalar> oldParticipants,
        ReadOnlySpan<GroupElement> oldVerifyingShares)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(round1Messages);
        PrimeOrderGroup group = suite.Group;
        ScalarField field = suite.Scalars;
        if (secret.MinSigners != oldMinSigners)
        {
            throw new FintechCryptoException($"The refresh uses a threshold of {secret.MinSigners}, but the key package's threshold is {oldMinSigners}; a refresh cannot change it.");
        }

        RequireZeroSharing(group, secret.Commitment, secret.MinSigners);
        Dkg.CheckRound1Messages(field, secret, round1Senders, round1Messages);
        RequireZeroSharings(suite, round1Senders, round1Messages);
        GroupElement[][] senderCommitments = Dkg.MatchRound2Senders(field, secret.Identifier, round1Senders, round1Messages, round2Senders, receivedShares);

        int ownOld = IdentifierSet.IndexOf(field, oldParticipants, secret.Identifier);
        if (ownOld < 0 || !group.ElementEquals(group.MultiplyBase(oldSigningShare), oldVerifyingShares[ownOld]))
        {
            throw new FintechCryptoException("The key package being refreshed does not match the public key package.");
        }

        Scalar zeroShare = Dkg.CombineShares(group, secret.Identifier, secret.OwnShare, round2Senders, receivedShares, senderCommitments);
        Scalar signingShare = field.Add(oldSigningShare, zeroShare);
        zeroShare.Clear();

        Scalar[] participants = Dkg.Participants(secret, round1Senders, round1Messages, out GroupElement[][] commitments);
        GroupElement[] zeroCommitment = Dkg.SumCommitments(group, commitments);
        (Scalar[] sorted, GroupElement[] zeroVerifyingShares) = Dkg.VerifyingShares(group, participants, zeroCommitment);
        var verifyingShares = new GroupElement[sorted.Length];
        for (int k = 0; k < sorted.Length; k++)
        {
            int old = IdentifierSet.IndexOf(field, oldParticipants, sorted[k]);
            if (old < 0)
            {
                signingShare.Clear();
                throw new FintechCryptoException("A participant of the refresh is not in the public key package being refreshed.");
            }

            verifyingShares[k] = group.Add(oldVerifyingShares[old], zeroVerifyingShares[k]);
        }

        GroupElement verifyingShare = group.MultiplyBase(signingShare);
        return new KeyGenOutput(secret.Identifier, signingShare, verifyingShare, verifyingKey, secret.MinSigners, sorted, verifyingShares);
    }

    // [0, a_1, ..., a_{t-1}] with the a_k non-zero, so that no commitment element past 0 is the identity.
    private static Scalar[] ZeroPolynomial(ScalarField field, int minSigners)
    {
        var coefficients = new Scalar[minSigners];
        coefficients[0] = field.Zero;
        for (int k = 1; k < minSigners; k++)
        {
            coefficients[k] = field.RandomNonZero();
        }

        return coefficients;
    }

    private static void RequireZeroSharing(PrimeOrderGroup group, GroupElement[] commitment, int minSigners)
    {
        if (commitment.Length != minSigners)
        {
            throw new FintechCryptoException($"A refresh commitment for threshold {minSigners} must have {minSigners} elements (the identity first), but it has {commitment.Length}.");
        }

        if (!group.IsIdentity(commitment[0]))
        {
            throw new FintechCryptoException("A refresh commitment must commit to a polynomial with constant term zero.");
        }
    }

    private static void RequireZeroSharings(FrostSuite suite, ReadOnlySpan<Scalar> senders, IReadOnlyList<DkgRound1Broadcast> messages)
    {
        PrimeOrderGroup group = suite.Group;
        for (int k = 0; k < senders.Length; k++)
        {
            if (!group.IsIdentity(messages[k].Commitment[0]))
            {
                throw new KeyGenCulpritException("A refresh commitment does not commit to a polynomial with constant term zero.", [senders[k]]);
            }
        }
    }
}
