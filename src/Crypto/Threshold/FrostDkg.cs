// FrostDkg: distributed key generation for FROST without a trusted dealer, in three parts, exactly as the Zcash
// Foundation's frost-core keys/dkg.rs computes it (commit 0966bd15; its vectors_dkg.json files reproduce here). It
// is Pedersen's DKG in which every participant proves knowledge of its secret with a Schnorr proof (FROST paper,
// eprint 2020/852, Figure 1). RFC 9591 defines no DKG; docs/frost-keygen.md states every step.
//
// Flow, for each participant i of n (threshold t):
//   Part1 -> keep the round-1 secret package; BROADCAST the round-1 package to all others.
//   Part2(round-1 packages from the n - 1 others) -> keep the round-2 secret package; send each round-2 package to
//          its recipient only, over a CONFIDENTIAL and AUTHENTICATED channel.
//   Part3(same round-1 packages, round-2 packages from the n - 1 others) -> key package and public key package.
// The internal algorithms are in src/Crypto/Internal/Frost/Keys/Dkg.cs.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost.Keys;

namespace FintechCrypto.Threshold;

/// <summary>
/// FROST distributed key generation (the Zcash Foundation frost-core DKG): n participants make a t-of-n key with no
/// trusted dealer; nobody ever holds the group secret.
/// </summary>
/// <remarks>
/// <para>
/// The round-1 packages must reach every participant identically (a broadcast channel, or an echo check comparing
/// packages with <see cref="FrostPublicMessage{TSelf}.Equals(TSelf)"/>); the round-2 packages are secret
/// and each goes to one participant over a confidential, authenticated channel. The maps passed to
/// <see cref="Part2"/> and <see cref="Part3"/> are keyed by the identifier of the authenticated sender.
/// </para>
/// <para>
/// A participant whose proof of knowledge or share fails is named in <see cref="FrostProtocolException.Culprits"/>.
/// The secret packages can be saved between parts (<see cref="FrostMessage{TSelf}.ToBytes"/>,
/// <see cref="FrostMessage{TSelf}.ToBytes"/>); those encodings are secret.
/// </para>
/// </remarks>
public static class FrostDkg
{
    /// <summary>
    /// Part 1: draws a random polynomial of degree t - 1, commits to it and proves knowledge of its constant term
    /// (frost-core <c>dkg::part1</c>).
    /// </summary>
    /// <param name="identifier">This participant's identifier (its ciphersuite is the DKG's).</param>
    /// <param name="minSigners">The threshold t, at least 2.</param>
    /// <param name="maxSigners">The number of participants n, at least t and at most 65535.</param>
    /// <returns>The secret package to keep, and the package to broadcast.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not 2 &lt;= t &lt;= n &lt;= 65535.</exception>
    public static (FrostDkgRound1SecretPackage SecretPackage, FrostDkgRound1Package Package) Part1(FrostIdentifier identifier, int minSigners, int maxSigners)
    {
        FrostDkgRound1SecretPackage secretPackage = Dkg.Part1(identifier, maxSigners, minSigners, out FrostDkgRound1Package package);
        return (secretPackage, package);
    }

    /// <summary>
    /// Part 1 with the polynomial and the proof nonce given: known-answer tests only.
    /// </summary>
    internal static (FrostDkgRound1SecretPackage SecretPackage, FrostDkgRound1Package Package) Part1ForTesting(
        FrostIdentifier identifier, int minSigners, int maxSigners, Scalar[] coefficients, in Scalar nonce)
    {
        FrostDkgRound1SecretPackage secretPackage = Dkg.Part1Derandomized(identifier, maxSigners, minSigners, coefficients, nonce, out FrostDkgRound1Package package);
        return (secretPackage, package);
    }

    /// <summary>
    /// Part 2: verifies the other participants' proofs of knowledge and computes the secret share for each of them
    /// (frost-core <c>dkg::part2</c>).
    /// </summary>
    /// <param name="secretPackage">This participant's round-1 secret package (not consumed; dispose it afterwards).</param>
    /// <param name="round1Packages">The round-1 package of each of the n - 1 other participants, keyed by sender.</param>
    /// <returns>
    /// The secret package to keep for part 3, and one round-2 package per other participant, keyed by recipient; send
    /// each confidentially to its recipient and dispose them.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument, key or package is null.</exception>
    /// <exception cref="ArgumentException">
    /// A package or identifier belongs to another ciphersuite, or <paramref name="secretPackage"/> is a refresh state
    /// (use <see cref="FrostRefresh.DkgPart2"/>).
    /// </exception>
    /// <exception cref="FrostProtocolException">
    /// Not exactly n - 1 packages, a package from this participant itself, a commitment whose length is not the
    /// threshold, or proofs of knowledge that do not verify (their senders are the <see cref="FrostProtocolException.Culprits"/>).
    /// </exception>
    /// <exception cref="ObjectDisposedException"><paramref name="secretPackage"/> was disposed.</exception>
    public static (FrostDkgRound2SecretPackage SecretPackage, IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> Packages) Part2(
        FrostDkgRound1SecretPackage secretPackage,
        IReadOnlyDictionary<FrostIdentifier, FrostDkgRound1Package> round1Packages)
    {
        (FrostIdentifier[] senders, FrostDkgRound1Package[] packages) = DkgRound1Inputs(secretPackage, round1Packages);
        return Part2Core(secretPackage, senders, (Scalar[] ids, out FrostDkgRound2Package[] outgoing) => Dkg.Part2(secretPackage, ids, packages, out outgoing));
    }

    /// <summary>
    /// Part 3: verifies each received share against its sender's commitment and computes this participant's key
    /// package and the group's public key package (frost-core <c>dkg::part3</c>).
    /// </summary>
    /// <param name="secretPackage">This participant's round-2 secret package (not consumed; dispose it afterwards).</param>
    /// <param name="round1Packages">The same round-1 packages as in <see cref="Part2"/>.</param>
    /// <param name="round2Packages">The round-2 package received from each of the n - 1 others, keyed by sender.</param>
    /// <returns>
    /// This participant's key package (secret; dispose it when done) and the public key package, whose group verifying
    /// key is the sum of the commitments' first elements.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument, key or package is null.</exception>
    /// <exception cref="ArgumentException">
    /// A package or identifier belongs to another ciphersuite, or <paramref name="secretPackage"/> is a refresh state.
    /// </exception>
    /// <exception cref="FrostProtocolException">
    /// The package sets do not match (count, senders, this participant among them), or shares do not match their
    /// senders' commitments (the senders are the <see cref="FrostProtocolException.Culprits"/>).
    /// </exception>
    /// <exception cref="ObjectDisposedException">A secret package or round-2 package was disposed.</exception>
    public static (FrostKeyPackage KeyPackage, FrostPublicKeyPackage PublicKeyPackage) Part3(
        FrostDkgRound2SecretPackage secretPackage,
        IReadOnlyDictionary<FrostIdentifier, FrostDkgRound1Package> round1Packages,
        IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> round2Packages)
    {
        (FrostIdentifier[] senders1, FrostDkgRound1Package[] packages) = DkgRound1Inputs(secretPackage, round1Packages);
        return Part3Core(secretPackage, round2Packages, (senders2, shares) =>
            Dkg.Part3(secretPackage, KeyGenInputs.Scalars(senders1), packages, senders2, shares));
    }

    // The checks parts 2 and 3 of a DKG share: a DKG (not refresh) state, round-1 packages of its suite.
    private static (FrostIdentifier[] Senders, FrostDkgRound1Package[] Packages) DkgRound1Inputs<TState>(
        FrostDkgSecretPackage<TState> secretPackage, IReadOnlyDictionary<FrostIdentifier, FrostDkgRound1Package> round1Packages)
        where TState : FrostDkgSecretPackage<TState>
    {
        ArgumentNullException.ThrowIfNull(secretPackage);
        RequirePurpose(secretPackage.Purpose, KeyGenPurpose.Dkg, nameof(secretPackage));
        return KeyGenInputs.Split(secretPackage.Ciphersuite, round1Packages, p => p.Ciphersuite, nameof(round1Packages));
    }

    internal delegate FrostDkgRound2SecretPackage Part2Step(Scalar[] recipients, out FrostDkgRound2Package[] outgoing);

    /// <summary>Part 2 around an internal step (DKG or refresh): the step's round-2 packages keyed by recipient.</summary>
    internal static (FrostDkgRound2SecretPackage SecretPackage, IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> Packages) Part2Core(
        FrostDkgRound1SecretPackage secretPackage, FrostIdentifier[] senders, Part2Step step)
    {
        Scalar[] recipients = KeyGenInputs.Scalars(senders);
        FrostDkgRound2Package[]? outgoing = null;
        FrostDkgRound2SecretPackage next = KeyGenInputs.Run(secretPackage.Ciphersuite, () => step(recipients, out outgoing));
        var packages = new Dictionary<FrostIdentifier, FrostDkgRound2Package>(senders.Length);
        for (int k = 0; k < senders.Length; k++)
        {
            packages.Add(senders[k], outgoing![k]);
        }

        return (next, packages);
    }

    /// <summary>Part 3 around an internal step (DKG or refresh): the received shares read out, and cleared afterwards.</summary>
    internal static (FrostKeyPackage KeyPackage, FrostPublicKeyPackage PublicKeyPackage) Part3Core(
        FrostDkgRound2SecretPackage secretPackage,
        IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> round2Packages,
        Func<Scalar[], Scalar[], (FrostKeyPackage, FrostPublicKeyPackage)> step)
    {
        FrostCiphersuite ciphersuite = secretPackage.Ciphersuite;
        (FrostIdentifier[] senders2, FrostDkgRound2Package[] packages2) = KeyGenInputs.Split(ciphersuite, round2Packages, p => p.Ciphersuite, nameof(round2Packages));
        var shares = new Scalar[packages2.Length];
        try
        {
            for (int k = 0; k < shares.Length; k++)
            {
                shares[k] = packages2[k].GetValue();
            }

            Scalar[] senders = KeyGenInputs.Scalars(senders2);
            return KeyGenInputs.Run(ciphersuite, () => step(senders, shares));
        }
        finally
        {
            Array.Clear(shares);
        }
    }

    internal static void RequirePurpose(KeyGenPurpose actual, KeyGenPurpose expected, string paramName)
    {
        if (actual != expected)
        {
            throw Error.Frost_Argument(
                paramName,
                expected == KeyGenPurpose.Dkg
                    ? "This secret package belongs to a share refresh: continue it with FrostRefresh."
                    : "This secret package belongs to a DKG: continue it with FrostDkg.");
        }
    }
}
