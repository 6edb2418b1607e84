// FrostRefresh: share refresh as the Zcash Foundation's frost-core keys/refresh.rs computes it (commit 0966bd15;
// docs/frost-keygen.md §c). Every participant adds its share of a fresh polynomial g with g(0) = 0: the shares and
// verifying shares change, the group verifying key and the threshold do not. Refresh limits the damage of a leaked
// share (an old share is useless with new ones) and removes participants (those left out keep only old shares).
//
// Two ways, matching how the keys were made:
//   trusted dealer: ComputeRefreshingShares (dealer) -> RefreshShare (each participant);
//   DKG: DkgPart1 -> DkgPart2 -> DkgPart3, the same flow as FrostDkg, with a sharing of zero and no proof of
//        knowledge (frost-core's refresh proof cannot verify and is never checked; it is left out).
// The internal algorithms are in src/Crypto/Internal/Frost/Keys/Refresh.cs.

using System;
using System.Collections.Generic;
using System.Linq;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost.Keys;

namespace FintechCrypto.Threshold;

/// <summary>
/// FROST share refresh (frost-core keys/refresh.rs): new signing shares for the same group verifying key, by a
/// trusted dealer or by a DKG among the participants.
/// </summary>
/// <remarks>
/// After a refresh every participant must delete its old key package: old and new shares do not combine. The
/// threshold cannot change. Participants left out of a refresh are removed from the group.
/// </remarks>
public static class FrostRefresh
{
    /// <summary>
    /// Trusted dealer: computes a refreshing share for each listed participant and the refreshed public key package
    /// (frost-core <c>compute_refreshing_shares</c>).
    /// </summary>
    /// <param name="publicKeyPackage">The group's current public key package (gives the threshold and the verifying shares).</param>
    /// <param name="identifiers">
    /// The participants to refresh: distinct members of <paramref name="publicKeyPackage"/>, at least the threshold
    /// many. Members not listed are removed from the group.
    /// </param>
    /// <returns>
    /// The refreshing shares (in the order of <paramref name="identifiers"/>; send each confidentially to its
    /// participant, then dispose them) and the refreshed public key package. Each refreshing share's
    /// <see cref="FrostSecretShare.Commitment"/> holds the commitments to coefficients 1..t-1 only (the constant term
    /// is zero): pass the share to <see cref="RefreshShare"/>, not to <see cref="FrostSecretShare.ToKeyPackage"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument or identifier is null.</exception>
    /// <exception cref="ArgumentException">An identifier repeats, is not in the package, or belongs to another ciphersuite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer identifiers than the threshold.</exception>
    public static (IReadOnlyList<FrostSecretShare> RefreshingShares, FrostPublicKeyPackage PublicKeyPackage) ComputeRefreshingShares(
        FrostPublicKeyPackage publicKeyPackage,
        IReadOnlyList<FrostIdentifier> identifiers)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPackage);
        ArgumentNullException.ThrowIfNull(identifiers);
        FrostCiphersuite ciphersuite = publicKeyPackage.Ciphersuite;
        PrimeOrderGroup group = ciphersuite.Suite.Group;
        var oldShares = new GroupElement[identifiers.Count];
        var seen = new HashSet<FrostIdentifier>();
        for (int k = 0; k < identifiers.Count; k++)
        {
            FrostIdentifier id = identifiers[k] ?? throw Error.Frost_NullEntry(nameof(identifiers), "An identifier");
            KeyGenInputs.RequireSuite(ciphersuite, id.Ciphersuite, nameof(identifiers));
            if (!seen.Add(id))
            {
                throw Error.Frost_DuplicateIdentifier(nameof(identifiers), id.ToString());
            }

            oldShares[k] = publicKeyPackage.FindVerifyingShare(id)
                ?? throw Error.Frost_NotAParticipant(nameof(identifiers), id.ToString());
        }

        if (identifiers.Count < publicKeyPackage.MinSigners)
        {
            throw Error.ArgumentOutOfRange(nameof(identifiers), $"a refresh needs at least the threshold ({publicKeyPackage.MinSigners}) of participants");
        }

        Scalar[] ids = KeyGenInputs.Scalars(identifiers);
        Scalar[] shares = Refresh.ComputeRefreshingShares(ciphersuite.Suite, publicKeyPackage.MinSigners, ids, out GroupElement[] commitment);
        var refreshing = new List<FrostSecretShare>(ids.Length);
        try
        {
            // The identity (element 0) has no encoding; frost-core leaves it out of the refreshing shares too.
            var wireCommitment = FrostVssCommitment.Create(ciphersuite, commitment[1..]);
            var newShares = new GroupElement[ids.Length];
            for (int k = 0; k < ids.Length; k++)
            {
                refreshing.Add(new FrostSecretShare(identifiers[k], shares[k], wireCommitment));
                newShares[k] = Refresh.RefreshVerifyingShare(group, ids[k], oldShares[k], commitment);
            }

            FrostIdentifier[] sorted = [.. identifiers];
            Array.Sort(sorted, newShares);
            var refreshed = new FrostPublicKeyPackage(ciphersuite, sorted, newShares, publicKeyPackage.VerifyingKeyElement, publicKeyPackage.MinSigners);
            return (refreshing, refreshed);
        }
        catch
        {
            foreach (FrostSecretShare share in refreshing)
            {
                share.Dispose();
            }

            throw;
        }
        finally
        {
            Array.Clear(shares);
        }
    }

    /// <summary>
    /// Participant, trusted-dealer refresh: verifies the refreshing share against the dealer's commitment and adds it
    /// to the current signing share (frost-core <c>refresh_share</c>).
    /// </summary>
    /// <param name="refreshingShare">The share from <see cref="ComputeRefreshingShares"/> for this participant.</param>
    /// <param name="keyPackage">The participant's current key package (not changed; dispose it once the new one is stored).</param>
    /// <returns>The refreshed key package, with the same identifier, group verifying key and threshold.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The share is for another participant or ciphersuite.</exception>
    /// <exception cref="FrostProtocolException">
    /// The share does not match the dealer's commitment, or the commitment's threshold is not the key package's.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The share or key package was disposed.</exception>
    public static FrostKeyPackage RefreshShare(FrostSecretShare refreshingShare, FrostKeyPackage keyPackage)
    {
        ArgumentNullException.ThrowIfNull(refreshingShare);
        ArgumentNullException.ThrowIfNull(keyPackage);
        FrostCiphersuite ciphersuite = keyPackage.Ciphersuite;
        KeyGenInputs.RequireSuite(ciphersuite, refreshingShare.Ciphersuite, nameof(refreshingShare));
        if (refreshingShare.Identifier != keyPackage.Identifier)
        {
            throw Error.Frost_Argument(nameof(refreshingShare), $"The refreshing share is for participant {refreshingShare.Identifier}, not {keyPackage.Identifier}.");
        }

        PrimeOrderGroup group = ciphersuite.Suite.Group;
        GroupElement[] commitment = [group.Identity, .. refreshingShare.Commitment.Coefficients];
        Scalar current = keyPackage.GetSigningShare();
        Scalar refreshing = refreshingShare.GetSigningShare();
        Scalar refreshed = default;
        try
        {
            refreshed = KeyGenInputs.Run(ciphersuite, () =>
                Refresh.RefreshShare(ciphersuite.Suite, keyPackage.Identifier.Scalar, current, keyPackage.MinSigners, refreshing, commitment));
            return new FrostKeyPackage(keyPackage.Identifier, refreshed, group.MultiplyBase(refreshed), keyPackage.VerifyingKeyElement, keyPackage.MinSigners);
        }
        finally
        {
            current.Clear();
            refreshing.Clear();
            refreshed.Clear();
        }
    }

    /// <summary>
    /// DKG refresh, part 1: draws a random polynomial with constant term zero and commits to it (frost-core
    /// <c>refresh_dkg_part1</c>).
    /// </summary>
    /// <param name="identifier">This participant's identifier.</param>
    /// <param name="minSigners">The group's threshold t (a refresh cannot change it).</param>
    /// <param name="maxSigners">The number of participants in this refresh (at least t; members left out are removed).</param>
    /// <returns>The secret package to keep, and the package to broadcast.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not 2 &lt;= t &lt;= n &lt;= 65535.</exception>
    public static (FrostDkgRound1SecretPackage SecretPackage, FrostRefreshRound1Package Package) DkgPart1(FrostIdentifier identifier, int minSigners, int maxSigners)
    {
        FrostDkgRound1SecretPackage secretPackage = Refresh.DkgPart1(identifier, maxSigners, minSigners, out FrostRefreshRound1Package package);
        return (secretPackage, package);
    }

    /// <summary>
    /// DKG refresh, part 2: checks the other participants' commitments and computes the share of this participant's
    /// zero polynomial for each of them (frost-core <c>refresh_dkg_part2</c>).
    /// </summary>
    /// <param name="secretPackage">The round-1 secret package from <see cref="DkgPart1"/>.</param>
    /// <param name="round1Packages">The round-1 package of each of the n - 1 other participants, keyed by sender.</param>
    /// <returns>The secret package to keep, and one round-2 package per other participant (send confidentially).</returns>
    /// <exception cref="ArgumentNullException">An argument, key or package is null.</exception>
    /// <exception cref="ArgumentException">Another ciphersuite, or a DKG (not refresh) secret package.</exception>
    /// <exception cref="FrostProtocolException">Not exactly n - 1 packages, one from this participant, or a commitment of the wrong threshold.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="secretPackage"/> was disposed.</exception>
    public static (FrostDkgRound2SecretPackage SecretPackage, IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> Packages) DkgPart2(
        FrostDkgRound1SecretPackage secretPackage,
        IReadOnlyDictionary<FrostIdentifier, FrostRefreshRound1Package> round1Packages)
    {
        ArgumentNullException.ThrowIfNull(secretPackage);
        FrostDkg.RequirePurpose(secretPackage.Purpose, KeyGenPurpose.Refresh, nameof(secretPackage));
        FrostCiphersuite ciphersuite = secretPackage.Ciphersuite;
        (FrostIdentifier[] senders, FrostRefreshRound1Package[] packages) = KeyGenInputs.Split(ciphersuite, round1Packages, p => p.Ciphersuite, nameof(round1Packages));
        return FrostDkg.Part2Core(secretPackage, senders, (Scalar[] ids, out FrostDkgRound2Package[] outgoing) =>
            Refresh.DkgPart2(secretPackage, ids, packages, out outgoing));
    }

    /// <summary>
    /// DKG refresh, part 3: verifies the received shares, adds them to the current signing share, and refreshes the
    /// public key package (frost-core <c>refresh_dkg_shares</c>).
    /// </summary>
    /// <param name="secretPackage">The round-2 secret package from <see cref="DkgPart2"/>.</param>
    /// <param name="round1Packages">The same round-1 packages as in <see cref="DkgPart2"/>.</param>
    /// <param name="round2Packages">The round-2 package received from each of the n - 1 others, keyed by sender.</param>
    /// <param name="publicKeyPackage">The group's current public key package; it must list every participant of the refresh.</param>
    /// <param name="keyPackage">This participant's current key package (not changed; dispose it once the new one is stored).</param>
    /// <returns>
    /// The refreshed key package and public key package: same group verifying key and threshold, new shares, and only
    /// the participants of the refresh.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument, key or package is null.</exception>
    /// <exception cref="ArgumentException">Another ciphersuite, another participant's key package, or a DKG (not refresh) secret package.</exception>
    /// <exception cref="FrostProtocolException">
    /// The package sets do not match, the thresholds differ, the key packages do not match each other, a participant
    /// is not in the old public key package, or shares do not match their senders' commitments (the senders are the
    /// <see cref="FrostProtocolException.Culprits"/>).
    /// </exception>
    /// <exception cref="ObjectDisposedException">A secret package, round-2 package or key package was disposed.</exception>
    public static (FrostKeyPackage KeyPackage, FrostPublicKeyPackage PublicKeyPackage) DkgPart3(
        FrostDkgRound2SecretPackage secretPackage,
        IReadOnlyDictionary<FrostIdentifier, FrostRefreshRound1Package> round1Packages,
        IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> round2Packages,
        FrostPublicKeyPackage publicKeyPackage,
        FrostKeyPackage keyPackage)
    {
        ArgumentNullException.ThrowIfNull(secretPackage);
        ArgumentNullException.ThrowIfNull(publicKeyPackage);
        ArgumentNullException.ThrowIfNull(keyPackage);
        FrostDkg.RequirePurpose(secretPackage.Purpose, KeyGenPurpose.Refresh, nameof(secretPackage));
        FrostCiphersuite ciphersuite = secretPackage.Ciphersuite;
        KeyGenInputs.RequireSuite(ciphersuite, publicKeyPackage.Ciphersuite, nameof(publicKeyPackage));
        KeyGenInputs.RequireSuite(ciphersuite, keyPackage.Ciphersuite, nameof(keyPackage));
        if (keyPackage.Identifier != secretPackage.Identifier)
        {
            throw Error.Frost_Argument(nameof(keyPackage), $"The key package is participant {keyPackage.Identifier}'s, not {secretPackage.Identifier}'s.");
        }

        if (!ciphersuite.Suite.Group.ElementEquals(keyPackage.VerifyingKeyElement, publicKeyPackage.VerifyingKeyElement))
        {
            throw Error.Frost_Argument(nameof(keyPackage), "The key package and the public key package have different group verifying keys.");
        }

        (FrostIdentifier[] senders1, FrostRefreshRound1Package[] packages1) = KeyGenInputs.Split(ciphersuite, round1Packages, p => p.Ciphersuite, nameof(round1Packages));
        return FrostDkg.Part3Core(secretPackage, round2Packages, (senders2, shares) =>
            Refresh.DkgPart3(secretPackage, KeyGenInputs.Scalars(senders1), packages1, senders2, shares, keyPackage, publicKeyPackage));
    }
}
