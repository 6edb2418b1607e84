// Dkg: FROST distributed key generation in three parts, Pedersen's DKG with Schnorr proofs of knowledge of
// each participant's constant term (FROST paper, eprint 2020/852, Figure 1), exactly as the Zcash Foundation's
// frost-core keys/dkg.rs computes it at commit 0966bd15, whose vectors_dkg.json files pin it down.
// docs/frost-keygen.md §a states every step; the comments below name the paper's steps as frost-core does.
//
// The parts take and return the public packages (src/Crypto/Threshold/FrostDkg*.cs) and read their scalars and
// elements through internal members: there is one representation of each DKG message and state. Sender lists are
// identifier scalars here; the public layer (FrostDkg.cs) checks the maps it is given and turns
// KeyGenCulpritException into FrostProtocolException.
//
// Secrets: polynomial coefficients, the proof nonce and all shares are only touched by constant-time field
// operations and Group.MultiplyBase. Identifiers, commitments and proofs are public and may take variable-time
// paths.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>A check of the round-1 messages of part 2; throws <see cref="KeyGenCulpritException"/> naming the senders at
/// fault.</summary>
internal delegate void Round1Check(FrostSuite suite, ReadOnlySpan<Scalar> senders, IReadOnlyList<GroupElement[]> commitments);

/// <summary>The three parts of the frost-core DKG (docs/frost-keygen.md §a).</summary>
internal static class Dkg
{
    /// <summary>The largest number of participants (frost-core counts them in a u16).</summary>
    internal const int MaxParticipants = ushort.MaxValue;

    /// <summary>
    /// frost-core validate_num_of_signers: 2 &lt;= min_signers &lt;= max_signers, and max_signers fits the
    /// u16 that the wire formats carry.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    internal static void ValidateSignerCounts(int minSigners, int maxSigners)
    {
        if (minSigners < 2)
        {
            throw Error.ArgumentOutOfRange(nameof(minSigners), "the threshold must be at least 2");
        }

        if (maxSigners < 2 || maxSigners > MaxParticipants)
        {
            throw Error.ArgumentOutOfRange(nameof(maxSigners), $"the number of participants must be between 2 and {MaxParticipants}");
        }

        if (minSigners > maxSigners)
        {
            throw Error.ArgumentOutOfRange(nameof(minSigners), "the threshold must not exceed the number of participants");
        }
    }

    /// <summary>The checks of part 1, of a DKG and of a refresh: the signer counts, and a non-zero identifier.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    /// <exception cref="ArgumentException">The identifier is zero.</exception>
    internal static void ValidatePart1Inputs(ScalarField field, in Scalar identifier, int minSigners, int maxSigners)
    {
        ValidateSignerCounts(minSigners, maxSigners);
        if (field.IsZero(identifier))
        {
            throw Error.Frost_Argument(nameof(identifier), "A participant identifier must not be zero (RFC 9591 §3.2).");
        }
    }

    /// <summary>
    /// Part 1 (Round 1, steps 1-4): draws a secret polynomial of degree t - 1 with a non-zero constant term,
    /// commits to it and proves knowledge of the constant term.
    /// </summary>
    internal static FrostDkgRound1SecretPackage Part1(FrostIdentifier identifier, int maxSigners, int minSigners, out FrostDkgRound1Package package)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ValidateSignerCounts(minSigners, maxSigners);
        ScalarField field = identifier.Ciphersuite.Suite.Scalars;

        // Round 1, step 1: a_{i0} (frost-core SigningKey::new, non-zero) and a_{i1}..a_{i(t-1)}. frost-core draws
        // the latter with Field::random, which can be zero with probability about t/q; a zero would make a
        // commitment element the identity, which has no encoding, so they are drawn non-zero here.
        var coefficients = new Scalar[minSigners];
        for (int k = 0; k < coefficients.Length; k++)
        {
            coefficients[k] = field.RandomNonZero();
        }

        Scalar nonce = field.RandomNonZero();
        try
        {
            return Part1Derandomized(identifier, maxSigners, minSigners, coefficients, nonce, out package);
        }
        finally
        {
            nonce.Clear();
        }
    }

    /// <summary>
    /// Part 1 with the polynomial and the proof nonce given: known-answer tests only. Clears
    /// <paramref name="coefficients"/> (a_0 first; a_0 must be non-zero) once the secret package holds them.
    /// </summary>
    internal static FrostDkgRound1SecretPackage Part1Derandomized(
        FrostIdentifier identifier,
        int maxSigners,
        int minSigners,
        Scalar[] coefficients,
        in Scalar nonce,
        out FrostDkgRound1Package package)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(coefficients);
        try
        {
            FrostSuite suite = identifier.Ciphersuite.Suite;
            ScalarField field = suite.Scalars;
            ValidatePart1Inputs(field, identifier.Scalar, minSigners, maxSigners);
            if (coefficients.Length != minSigners)
            {
                throw Error.Frost_Count(nameof(coefficients), "coefficients (one per degree below the threshold)", minSigners, minSigners, coefficients.Length);
            }

            if (field.IsZero(coefficients[0]))
            {
                throw Error.Frost_Argument(nameof(coefficients), "The DKG secret (coefficient 0) must not be zero.");
            }

            // Round 1, step 3: C_i = [a_{ik} B] (frost-core generate_secret_polynomial).
            GroupElement[] commitment = Vss.Commit(suite.Group, coefficients);

            // Round 1, step 2: sigma_i = (R_i, mu_i).
            (GroupElement r, Scalar mu) = ProveKnowledge(suite, identifier.Scalar, coefficients[0], commitment[0], nonce);
            package = new FrostDkgRound1Package(identifier.Ciphersuite, (GroupElement[])commitment.Clone(), r, mu);
            return new FrostDkgRound1SecretPackage(identifier, KeyGenPurpose.Dkg, coefficients, commitment, minSigners, maxSigners);
        }
        finally
        {
            Array.Clear(coefficients);
        }
    }

    /// <summary>
    /// The proof-of-knowledge challenge (frost-core dkg.rs challenge):
    /// c = HDKG(SerializeScalar(identifier) || SerializeElement(verifyingKey) || SerializeElement(R)).
    /// </summary>
    internal static Scalar Challenge(FrostSuite suite, in Scalar identifier, GroupElement verifyingKey, GroupElement r)
    {
        PrimeOrderGroup group = suite.Group;
        int ns = suite.Scalars.Length;
        int ne = group.ElementLength;
        byte[] preimage = new byte[ns + (2 * ne)];
        suite.Scalars.Encode(identifier, preimage.AsSpan(0, ns));
        group.SerializeElement(verifyingKey, preimage.AsSpan(ns, ne));
        group.SerializeElement(r, preimage.AsSpan(ns + ne, ne));
        return suite.HDkg(preimage);
    }

    /// <summary>
    /// Round 1, step 2 (frost-core compute_proof_of_knowledge): R = k B, c = challenge(i, a_0 B, R),
    /// mu = k + a_0 c. Constant time in <paramref name="secret"/> and <paramref name="nonce"/>.
    /// </summary>
    internal static (GroupElement R, Scalar Mu) ProveKnowledge(FrostSuite suite, in Scalar identifier, in Scalar secret, GroupElement verifyingKey, in Scalar nonce)
    {
        ScalarField field = suite.Scalars;
        GroupElement r = suite.Group.MultiplyBase(nonce);
        Scalar c = Challenge(suite, identifier, verifyingKey, r);
        Scalar mu = field.Add(nonce, field.Multiply(secret, c));
        return (r, mu);
    }

    /// <summary>
    /// Round 1, step 5 (frost-core verify_proof_of_knowledge): true when R == mu B - c C[0] with
    /// c = challenge(identifier, C[0], R). Public inputs, variable time.
    /// </summary>
    internal static bool VerifyProofOfKnowledge(FrostSuite suite, in Scalar identifier, ReadOnlySpan<GroupElement> commitment, GroupElement r, in Scalar mu)
    {
        PrimeOrderGroup group = suite.Group;
        if (commitment.IsEmpty || group.IsIdentity(commitment[0]) || group.IsIdentity(r))
        {
            return false;
        }

        Scalar c = Challenge(suite, identifier, commitment[0], r);
        GroupElement expected = group.MultiScalarMultiplyVartime(
            [mu, suite.Scalars.Negate(c)],
            [group.Generator, commitment[0]]);
        return group.ElementEquals(r, expected);
    }

    /// <summary>
    /// Part 2: checks the other participants' round-1 packages, verifies their proofs of knowledge (Round 1,
    /// step 5) and computes the shares f_i(l) to send to each (Round 2, step 1).
    /// </summary>
    /// <param name="secret">This participant's part-1 state (not consumed).</param>
    /// <param name="senders">The other participants' identifiers, one per package.</param>
    /// <param name="packages">Their round-1 packages.</param>
    /// <param name="outgoing">f_i(senders[k]) for each k, to be sent confidentially to senders[k].</param>
    /// <exception cref="FintechCryptoException">The package set is malformed.</exception>
    /// <exception cref="KeyGenCulpritException">Some proofs of knowledge do not verify; their senders are named.</exception>
    /// <exception cref="ObjectDisposedException">The secret package was disposed.</exception>
    internal static FrostDkgRound2SecretPackage Part2(
        FrostDkgRound1SecretPackage secret,
        ReadOnlySpan<Scalar> senders,
        IReadOnlyList<FrostDkgRound1Package> packages,
        out FrostDkgRound2Package[] outgoing)
    {
        ArgumentNullException.ThrowIfNull(packages);
        return Part2(secret, senders, Commitments(packages, p => p.CommitmentElements), (suite, ids, _) => VerifyProofsOfKnowledge(suite, ids, packages), out outgoing);
    }

    /// <summary>
    /// Part 2 of a DKG or a refresh: checks the round-1 commitments' counts, runs <paramref name="checkSenders"/> on
    /// them (proofs of knowledge for a DKG, sharings of zero for a refresh) and distributes the shares.
    /// </summary>
    internal static FrostDkgRound2SecretPackage Part2(
        FrostDkgRound1SecretPackage secret,
        ReadOnlySpan<Scalar> senders,
        IReadOnlyList<GroupElement[]> commitments,
        Round1Check checkSenders,
        out FrostDkgRound2Package[] outgoing)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(commitments);
        Scalar[] coefficients = secret.GetCoefficients();
        try
        {
            FrostSuite suite = secret.Ciphersuite.Suite;
            CheckRound1Messages(suite.Scalars, secret.Header, senders, commitments);
            checkSenders(suite, senders, commitments);
            return DistributeShares(secret, coefficients, senders, out outgoing);
        }
        finally
        {
            Array.Clear(coefficients);
        }
    }

    /// <summary>The whole commitment of each round-1 package (null for a null package).</summary>
    internal static GroupElement[][] Commitments<T>(IReadOnlyList<T> packages, Func<T, GroupElement[]> commitment)
        where T : class
    {
        var commitments = new GroupElement[packages.Count][];
        for (int k = 0; k < commitments.Length; k++)
        {
            commitments[k] = packages[k] is T package ? commitment(package) : null!;
        }

        return commitments;
    }

    /// <summary>Round 1, step 5 for every sender: all whose proof of knowledge does not verify are named.</summary>
    /// <exception cref="KeyGenCulpritException">Some proofs do not verify.</exception>
    private static void VerifyProofsOfKnowledge(FrostSuite suite, ReadOnlySpan<Scalar> senders, IReadOnlyList<FrostDkgRound1Package> packages)
    {
        var culprits = new List<Scalar>();
        for (int k = 0; k < senders.Length; k++)
        {
            FrostDkgRound1Package package = packages[k];
            if (!VerifyProofOfKnowledge(suite, senders[k], package.Commitment.Coefficients, package.ProofR, package.ProofMu))
            {
                culprits.Add(senders[k]);
            }
        }

        if (culprits.Count > 0)
        {
            throw new KeyGenCulpritException("The DKG proof of knowledge of some participants does not verify.", culprits);
        }
    }

    /// <summary>
    /// Part 3: verifies each received share f_l(i) against its sender's commitment (Round 2, step 2), sums
    /// them into s_i (step 3), computes Y_i = s_i B (step 4) and the group's public key package.
    /// </summary>
    /// <exception cref="FintechCryptoException">The package sets are malformed or inconsistent.</exception>
    /// <exception cref="KeyGenCulpritException">Some shares do not verify; their senders are named.</exception>
    /// <exception cref="ObjectDisposedException">The secret package was disposed.</exception>
    internal static (FrostKeyPackage KeyPackage, FrostPublicKeyPackage PublicKeyPackage) Part3(
        FrostDkgRound2SecretPackage secret,
        ReadOnlySpan<Scalar> round1Senders,
        IReadOnlyList<FrostDkgRound1Package> round1Packages,
        ReadOnlySpan<Scalar> round2Senders,
        ReadOnlySpan<Scalar> receivedShares)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(round1Packages);
        FrostCiphersuite ciphersuite = secret.Ciphersuite;
        PrimeOrderGroup group = ciphersuite.Suite.Group;
        GroupElement[][] round1Commitments = Commitments(round1Packages, p => p.CommitmentElements);
        CheckRound1Messages(group.Scalars, secret.Header, round1Senders, round1Commitments);
        Scalar identifier = secret.Identifier.Scalar;
        GroupElement[][] senderCommitments = MatchRound2Senders(group.Scalars, identifier, round1Senders, round1Commitments, round2Senders, receivedShares);

        Scalar ownShare = secret.GetOwnShare();
        Scalar signingShare = default;
        try
        {
            signingShare = CombineShares(group, identifier, ownShare, round2Senders, receivedShares, senderCommitments);
            GroupElement verifyingShare = group.MultiplyBase(signingShare);

            Scalar[] participants = Participants(identifier, secret.CommitmentElements, round1Senders, round1Commitments, out GroupElement[][] commitments);
            GroupElement[] groupCommitment = SumCommitments(group, commitments);
            if (group.IsIdentity(groupCommitment[0]))
            {
                throw new FintechCryptoException("The DKG commitments sum to the identity: the group verifying key would be the identity.");
            }

            (Scalar[] sorted, GroupElement[] verifyingShares) = VerifyingShares(group, participants, groupCommitment);
            return (
                new FrostKeyPackage(secret.Identifier, signingShare, verifyingShare, groupCommitment[0], secret.MinSigners),
                KeyGenInputs.PublicKeyPackage(ciphersuite, sorted, verifyingShares, groupCommitment[0], secret.MinSigners));
        }
        finally
        {
            ownShare.Clear();
            signingShare.Clear();
        }
    }

    /// <summary>
    /// Round 2, step 1: a round-2 package f_i(l) for each recipient l, and f_i(i) kept in the round-2 secret package.
    /// </summary>
    private static FrostDkgRound2SecretPackage DistributeShares(FrostDkgRound1SecretPackage secret, Scalar[] coefficients, ReadOnlySpan<Scalar> recipients, out FrostDkgRound2Package[] outgoing)
    {
        FrostCiphersuite ciphersuite = secret.Ciphersuite;
        ScalarField field = ciphersuite.Suite.Scalars;
        var packages = new FrostDkgRound2Package[recipients.Length];
        Scalar share = default;
        try
        {
            for (int k = 0; k < recipients.Length; k++)
            {
                share = Polynomial.Evaluate(field, recipients[k], coefficients);
                packages[k] = new FrostDkgRound2Package(ciphersuite, share);
            }

            share = Polynomial.Evaluate(field, secret.Identifier.Scalar, coefficients);
            outgoing = packages;
            return new FrostDkgRound2SecretPackage(secret.Identifier, secret.Purpose, (GroupElement[])secret.CommitmentElements.Clone(), share, secret.MinSigners, secret.MaxSigners);
        }
        catch
        {
            foreach (FrostDkgRound2Package? package in packages)
            {
                package?.Dispose();
            }

            throw;
        }
        finally
        {
            share.Clear();
        }
    }

    /// <summary>
    /// Round 2, steps 2-3: verifies every received share against its sender's commitment and returns
    /// own + sum of received shares. All failing senders are collected before throwing.
    /// </summary>
    internal static Scalar CombineShares(
        PrimeOrderGroup group,
        in Scalar identifier,
        in Scalar ownShare,
        ReadOnlySpan<Scalar> senders,
        ReadOnlySpan<Scalar> shares,
        ReadOnlySpan<GroupElement[]> senderCommitments)
    {
        ScalarField field = group.Scalars;
        var culprits = new List<Scalar>();
        Scalar sum = ownShare;
        for (int k = 0; k < senders.Length; k++)
        {
            if (!Vss.Verify(group, identifier, shares[k], senderCommitments[k]))
            {
                culprits.Add(senders[k]);
            }

            sum = field.Add(sum, shares[k]);
        }

        if (culprits.Count > 0)
        {
            sum.Clear();
            throw new KeyGenCulpritException("Some DKG secret shares do not match their sender's commitment.", culprits);
        }

        return sum;
    }

    /// <summary>
    /// frost-core PublicKeyPackage::from_commitment: each participant's verifying share E(C, id) under the
    /// group commitment C, with the participants in increasing identifier order.
    /// </summary>
    internal static (Scalar[] Participants, GroupElement[] VerifyingShares) VerifyingShares(
        PrimeOrderGroup group,
        ReadOnlySpan<Scalar> participants,
        ReadOnlySpan<GroupElement> groupCommitment)
    {
        int[] order = IdentifierSet.OrderByValue(group.Scalars, participants);
        var sorted = new Scalar[participants.Length];
        var shares = new GroupElement[participants.Length];
        for (int k = 0; k < order.Length; k++)
        {
            sorted[k] = participants[order[k]];
            shares[k] = Vss.Evaluate(group, sorted[k], groupCommitment);
        }

        return (sorted, shares);
    }

    /// <summary>
    /// Every participant of the run, this one first and then the round-1 senders, with the commitment of each (its
    /// own, or the one it broadcast): the inputs of <see cref="SumCommitments"/> and <see cref="VerifyingShares"/>.
    /// </summary>
    internal static Scalar[] Participants(
        in Scalar identifier,
        GroupElement[] ownCommitment,
        ReadOnlySpan<Scalar> round1Senders,
        IReadOnlyList<GroupElement[]> round1Commitments,
        out GroupElement[][] commitments)
    {
        var participants = new Scalar[round1Senders.Length + 1];
        commitments = new GroupElement[participants.Length][];
        participants[0] = identifier;
        commitments[0] = ownCommitment;
        for (int k = 0; k < round1Senders.Length; k++)
        {
            participants[k + 1] = round1Senders[k];
            commitments[k + 1] = round1Commitments[k];
        }

        return participants;
    }

    /// <summary>
    /// The element-wise sum of commitments of equal length (frost-core keys.rs sum_commitments): the commitment
    /// to the sum of the polynomials, whose element 0 is the group verifying key after a DKG.
    /// </summary>
    /// <exception cref="FintechCryptoException">There are no commitments, or their lengths differ.</exception>
    internal static GroupElement[] SumCommitments(PrimeOrderGroup group, ReadOnlySpan<GroupElement[]> commitments)
    {
        if (commitments.IsEmpty)
        {
            throw new FintechCryptoException("There are no VSS commitments to sum.");
        }

        int length = commitments[0].Length;
        var sum = new GroupElement[length];
        Array.Fill(sum, group.Identity);
        foreach (GroupElement[] commitment in commitments)
        {
            if (commitment.Length != length)
            {
                throw new FintechCryptoException("The VSS commitments to sum have different lengths (different thresholds).");
            }

            for (int k = 0; k < length; k++)
            {
                sum[k] = group.Add(sum[k], commitment[k]);
            }
        }

        return sum;
    }

    /// <summary>
    /// The checks of frost-core part2/part3 on the round-1 messages: exactly n - 1 of them, none from this
    /// participant, no sender twice, and each commitment of t elements.
    /// </summary>
    internal static void CheckRound1Messages(ScalarField field, KeyGenStateHeader state, ReadOnlySpan<Scalar> senders, IReadOnlyList<GroupElement[]> messages)
    {
        Scalar identifier = state.Identifier.Scalar;
        int minSigners = state.MinSigners;
        int maxSigners = state.MaxSigners;
        if (senders.Length != messages.Count)
        {
            throw Error.Crypto_InternalError("round-1 senders and messages differ in number");
        }

        if (senders.Length != maxSigners - 1)
        {
            throw new FintechCryptoException($"A DKG with {maxSigners} participants needs {maxSigners - 1} round-1 packages from the others, but {senders.Length} were given.");
        }

        IdentifierSet.RequireDistinct(field, senders, "The round-1 package senders");
        if (IdentifierSet.IndexOf(field, senders, identifier) >= 0)
        {
            throw new FintechCryptoException("The round-1 packages include one from this participant itself.");
        }

        for (int k = 0; k < messages.Count; k++)
        {
            if (messages[k] is null || messages[k].Length != minSigners)
            {
                throw new FintechCryptoException($"A round-1 package's commitment does not have {minSigners} elements (threshold {minSigners}).");
            }
        }
    }

    /// <summary>
    /// The checks of frost-core part3 on the round-2 packages: as many as round-1 packages, none from this
    /// participant, and from exactly the same senders. Returns each round-2 sender's commitment.
    /// </summary>
    internal static GroupElement[][] MatchRound2Senders(
        ScalarField field,
        in Scalar identifier,
        ReadOnlySpan<Scalar> round1Senders,
        IReadOnlyList<GroupElement[]> round1Commitments,
        ReadOnlySpan<Scalar> round2Senders,
        ReadOnlySpan<Scalar> receivedShares)
    {
        if (round2Senders.Length != receivedShares.Length)
        {
            throw Error.Crypto_InternalError("round-2 senders and shares differ in number");
        }

        if (round2Senders.Length != round1Senders.Length)
        {
            throw new FintechCryptoException($"There are {round1Senders.Length} round-1 packages but {round2Senders.Length} round-2 packages.");
        }

        IdentifierSet.RequireDistinct(field, round2Senders, "The round-2 package senders");
        if (IdentifierSet.IndexOf(field, round2Senders, identifier) >= 0)
        {
            throw new FintechCryptoException("The round-2 packages include one from this participant itself.");
        }

        var commitments = new GroupElement[round2Senders.Length][];
        for (int k = 0; k < round2Senders.Length; k++)
        {
            int index = IdentifierSet.IndexOf(field, round1Senders, round2Senders[k]);
            if (index < 0)
            {
                throw new FintechCryptoException("A round-2 package comes from a participant that sent no round-1 package.");
            }

            commitments[k] = round1Commitments[index];
        }

        return commitments;
    }
}
