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
using FintechCrypto.Threshold;

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
    internal static FrostDkgRound1SecretPackage DkgPart1(FrostIdentifier identifier, int maxSigners, int minSigners, out FrostRefreshRound1Package package)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        FrostSuite suite = identifier.Ciphersuite.Suite;
        Dkg.ValidatePart1Inputs(suite.Scalars, identifier.Scalar, minSigners, maxSigners);
        Scalar[] coefficients = ZeroPolynomial(suite.Scalars, minSigners);
        try
        {
            GroupElement[] commitment = Vss.Commit(suite.Group, coefficients);

            // The identity (element 0) has no encoding: the package carries elements 1..t-1.
            package = new FrostRefreshRound1Package(identifier.Ciphersuite, commitment[1..]);
            return new FrostDkgRound1SecretPackage(identifier, KeyGenPurpose.Refresh, coefficients, commitment, minSigners, maxSigners);
        }
        finally
        {
            Array.Clear(coefficients);
        }
    }

    /// <summary>
    /// DKG refresh, part 2 (frost-core refresh_dkg_part2): checks the other participants' commitments (each a
    /// sharing of zero of length t) and computes the shares g_i(l) to send.
    /// </summary>
    internal static FrostDkgRound2SecretPackage DkgPart2(
        FrostDkgRound1SecretPackage secret, ReadOnlySpan<Scalar> senders, IReadOnlyList<FrostRefreshRound1Package> packages, out FrostDkgRound2Package[] outgoing)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(packages);
        RequireZeroSharing(secret.Ciphersuite.Suite.Group, secret.CommitmentElements, secret.MinSigners);
        return Dkg.Part2(secret, senders, Dkg.Commitments(packages, p => p.CommitmentElements), RequireZeroSharings, out outgoing);
    }

    /// <summary>
    /// DKG refresh, part 3 (frost-core refresh_dkg_shares): verifies the received shares, adds them to the old
    /// signing share, and adds each participant's zero-sharing verifying share to its old verifying share. The
    /// old public key package must list every participant of the refresh; those left out of the refresh are
    /// left out of the result.
    /// </summary>
    /// <exception cref="FintechCryptoException">Inconsistent packages, thresholds or participants.</exception>
    /// <exception cref="KeyGenCulpritException">Some shares do not verify; their senders are named.</exception>
    /// <exception cref="ObjectDisposedException">The secret package or the key package was disposed.</exception>
    internal static (FrostKeyPackage KeyPackage, FrostPublicKeyPackage PublicKeyPackage) DkgPart3(
        FrostDkgRound2SecretPackage secret,
        ReadOnlySpan<Scalar> round1Senders,
        IReadOnlyList<FrostRefreshRound1Package> round1Packages,
        ReadOnlySpan<Scalar> round2Senders,
        ReadOnlySpan<Scalar> receivedShares,
        FrostKeyPackage keyPackage,
        FrostPublicKeyPackage publicKeyPackage)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(round1Packages);
        ArgumentNullException.ThrowIfNull(keyPackage);
        ArgumentNullException.ThrowIfNull(publicKeyPackage);
        FrostCiphersuite ciphersuite = secret.Ciphersuite;
        PrimeOrderGroup group = ciphersuite.Suite.Group;
        ScalarField field = group.Scalars;
        if (secret.MinSigners != keyPackage.MinSigners)
        {
            throw new FintechCryptoException($"The refresh uses a threshold of {secret.MinSigners}, but the key package's threshold is {keyPackage.MinSigners}; a refresh cannot change it.");
        }

        Scalar identifier = secret.Identifier.Scalar;
        GroupElement[][] round1Commitments = Dkg.Commitments(round1Packages, p => p.CommitmentElements);
        RequireZeroSharing(group, secret.CommitmentElements, secret.MinSigners);
        Dkg.CheckRound1Messages(field, secret.Header, round1Senders, round1Commitments);
        RequireZeroSharings(ciphersuite.Suite, round1Senders, round1Commitments);
        GroupElement[][] senderCommitments = Dkg.MatchRound2Senders(field, identifier, round1Senders, round1Commitments, round2Senders, receivedShares);

        IReadOnlyList<FrostIdentifier> oldIdentifiers = publicKeyPackage.Identifiers;
        Scalar[] oldParticipants = KeyGenInputs.Scalars(oldIdentifiers);
        int ownOld = IdentifierSet.IndexOf(field, oldParticipants, identifier);
        Scalar oldSigningShare = keyPackage.GetSigningShare();
        Scalar ownShare = secret.GetOwnShare();
        Scalar signingShare = default;
        try
        {
            if (ownOld < 0 || !group.ElementEquals(group.MultiplyBase(oldSigningShare), publicKeyPackage.FindVerifyingShare(oldIdentifiers[ownOld])!))
            {
                throw new FintechCryptoException("The key package being refreshed does not match the public key package.");
            }

            Scalar zeroShare = Dkg.CombineShares(group, identifier, ownShare, round2Senders, receivedShares, senderCommitments);
            signingShare = field.Add(oldSigningShare, zeroShare);
            zeroShare.Clear();

            Scalar[] participants = Dkg.Participants(identifier, secret.CommitmentElements, round1Senders, round1Commitments, out GroupElement[][] commitments);
            GroupElement[] zeroCommitment = Dkg.SumCommitments(group, commitments);
            (Scalar[] sorted, GroupElement[] zeroVerifyingShares) = Dkg.VerifyingShares(group, participants, zeroCommitment);
            var verifyingShares = new GroupElement[sorted.Length];
            for (int k = 0; k < sorted.Length; k++)
            {
                int old = IdentifierSet.IndexOf(field, oldParticipants, sorted[k]);
                if (old < 0)
                {
                    throw new FintechCryptoException("A participant of the refresh is not in the public key package being refreshed.");
                }

                verifyingShares[k] = group.Add(publicKeyPackage.FindVerifyingShare(oldIdentifiers[old])!, zeroVerifyingShares[k]);
            }

            GroupElement verifyingKey = publicKeyPackage.VerifyingKeyElement;
            return (
                new FrostKeyPackage(secret.Identifier, signingShare, group.MultiplyBase(signingShare), verifyingKey, secret.MinSigners),
                KeyGenInputs.PublicKeyPackage(ciphersuite, sorted, verifyingShares, verifyingKey, secret.MinSigners));
        }
        finally
        {
            oldSigningShare.Clear();
            ownShare.Clear();
            signingShare.Clear();
        }
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

    private static void RequireZeroSharings(FrostSuite suite, ReadOnlySpan<Scalar> senders, IReadOnlyList<GroupElement[]> commitments)
    {
        PrimeOrderGroup group = suite.Group;
        for (int k = 0; k < senders.Length; k++)
        {
            if (!group.IsIdentity(commitments[k][0]))
            {
                throw new KeyGenCulpritException("A refresh commitment does not commit to a polynomial with constant term zero.", [senders[k]]);
            }
        }
    }
}
