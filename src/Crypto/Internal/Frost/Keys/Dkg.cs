// Dkg: FROST distributed key generation in three parts, Pedersen's DKG with Schnorr proofs of knowledge of
// each participant's constant term (FROST paper, eprint 2020/852, Figure 1), exactly as the Zcash Foundation's
// frost-core keys/dkg.rs computes it at commit 0966bd15, whose vectors_dkg.json files pin it down.
// docs/frost-keygen.md §a states every step; the comments below name the paper's steps as frost-core does.
//
// Identifiers are non-zero scalars here; the public layer (src/Crypto/Threshold/FrostDkg.cs) maps them,
// decodes and encodes packages, and turns KeyGenCulpritException into FrostProtocolException.
//
// Secrets: polynomial coefficients, the proof nonce and all shares are only touched by constant-time field
// operations and Group.MultiplyBase. Identifiers, commitments and proofs are public and may take variable-time
// paths.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>A check of the round-1 messages of part 2; throws <see cref="KeyGenCulpritException"/> naming the senders at
/// fault.</summary>
internal delegate void Round1Check(FrostSuite suite, ReadOnlySpan<Scalar> senders, IReadOnlyList<DkgRound1Broadcast> messages);

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
    internal static DkgRound1Secret Part1(FrostSuite suite, in Scalar identifier, int maxSigners, int minSigners, out DkgRound1Broadcast broadcast)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ValidateSignerCounts(minSigners, maxSigners);
        ScalarField field = suite.Scalars;

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
            return Part1Derandomized(suite, identifier, maxSigners, minSigners, coefficients, nonce, out broadcast);
        }
        catch
        {
            Array.Clear(coefficients);
            throw;
        }
        finally
        {
            nonce.Clear();
        }
    }

    /// <summary>
    /// Part 1 with the polynomial and the proof nonce given: known-answer tests only. Takes ownership of
    /// <paramref name="coefficients"/> (a_0 first; a_0 must be non-zero).
    /// </summary>
    internal static DkgRound1Secret Part1Derandomized(
        FrostSuite suite,
        in Scalar identifier,
        int maxSigners,
        int minSigners,
        Scalar[] coefficients,
        in Scalar nonce,
        out DkgRound1Broadcast broadcast)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(coefficients);
        ScalarField field = suite.Scalars;
        ValidatePart1Inputs(field, identifier, minSigners, maxSigners);
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
        (GroupElement r, Scalar mu) = ProveKnowledge(suite, identifier, coefficients[0], commitment[0], nonce);
        broadcast = new DkgRound1Broadcast((GroupElement[])commitment.Clone(), r, mu);
        return new DkgRound1Secret(identifier, coefficients, commitment, minSigners, maxSigners);
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
    /// Part 2: checks the other participants' round-1 messages, verifies their proofs of knowledge (Round 1,
    /// step 5) and computes the shares f_i(l) to send to each (Round 2, step 1).
    /// </summary>
    /// <param name="suite">The ciphersuite.</param>
    /// <param name="secret">This participant's part-1 state.</param>
    /// <param name="senders">The other participants' identifiers, one per message.</param>
    /// <param name="messages">Their round-1 messages.</param>
    /// <param name="outgoingShares">f_i(senders[k]) for each k, to be sent confidentially to senders[k].</param>
    /// <exception cref="FintechCryptoException">The message set is malformed.</exception>
    /// <param name="checkSenders">The check of the senders' messages beyond their counts: by default their proofs of
    /// knowledge (a DKG); a refresh checks their sharings of zero instead.</param>
    /// <exception cref="KeyGenCulpritException">Some proofs of knowledge do not verify; their senders are named.</exception>
    internal static DkgRound2Secret Part2(
        FrostSuite suite,
        DkgRound1Secret secret,
        ReadOnlySpan<Scalar> senders,
        IReadOnlyList<DkgRound1Broadcast> messages,
        out Scalar[] outgoingShares,
        Round1Check? checkSenders = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(messages);
        CheckRound1Messages(suite.Scalars, secret, senders, messages);
        (checkSenders ?? VerifyProofsOfKnowledge)(suite, senders, messages);
        return DistributeShares(suite.Scalars, secret, senders, out outgoingShares);
    }

    /// <summary>Round 1, step 5 for every sender: all whose proof of knowledge does not verify are named.</summary>
    /// <exception cref="KeyGenCulpritException">Some proofs do not verify.</exception>
    private static void VerifyProofsOfKnowledge(FrostSuite suite, ReadOnlySpan<Scalar> senders, IReadOnlyList<DkgRound1Broadcast> messages)
    {
        var culprits = new List<Scalar>();
        for (int k = 0; k < senders.Length; k++)
        {
            DkgRound1Broadcast message = messages[k];
            if (message.ProofR is null || !VerifyProofOfKnowledge(suite, senders[k], message.Commitment, message.ProofR, message.ProofZ))
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
    /// <exception cref="FintechCryptoException">The message sets are malformed or inconsistent.</exception>
    /// <exception cref="KeyGenCulpritException">Some shares do not verify; their senders are named.</exception>
    internal static KeyGenOutput Part3(
        FrostSuite suite,
        DkgRound2Secret secret,
        ReadOnlySpan<Scalar> round1Senders,
        IReadOnlyList<DkgRound1Broadcast> round1Messages,
        ReadOnlySpan<Scalar> round2Senders,
        ReadOnlySpan<Scalar> receivedShares)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(round1Messages);
        PrimeOrderGroup group = suite.Group;
        CheckRound1Messages(suite.Scalars, secret, round1Senders, round1Messages);
        GroupElement[][] senderCommitments = MatchRound2Senders(suite.Scalars, secret.Identifier, round1Senders, round1Messages, round2Senders, receivedShares);

        Scalar signingShare = CombineShares(group, secret.Identifier, secret.OwnShare, round2Senders, receivedShares, senderCommitments);
        GroupElement verifyingShare = group.MultiplyBase(signingShare);

        Scalar[] participants = Participants(secret, round1Senders, round1Messages, out GroupElement[][] commitments);
        GroupElement[] groupCommitment = SumCommitments(group, commitments);
        if (group.IsIdentity(groupCommitment[0]))
        {
            signingShare.Clear();
            throw new FintechCryptoException("The DKG commitments sum to the identity: the group verifying key would be the identity.");
        }

        (Scalar[] sorted, GroupElement[] verifyingShares) = VerifyingShares(group, participants, groupCommitment);
        return new KeyGenOutput(secret.Identifier, signingShare, verifyingShare, groupCommitment[0], secret.MinSigners, sorted, verifyingShares);
    }

    /// <summary>
    /// Round 2, step 1: f_i(l) for each recipient l, and f_i(i) kept in the round-2 state.
    /// </summary>
    internal static DkgRound2Secret DistributeShares(ScalarField field, DkgRound1Secret secret, ReadOnlySpan<Scalar> recipients, out Scalar[] shares)
    {
        shares = new Scalar[recipients.Length];
        for (int k = 0; k < recipients.Length; k++)
        {
            shares[k] = Polynomial.Evaluate(field, recipients[k], secret.Coefficients);
        }

        Scalar own = Polynomial.Evaluate(field, secret.Identifier, secret.Coefficients);
        return new DkgRound2Secret(secret.Identifier, (GroupElement[])secret.Commitment.Clone(), own, secret.MinSigners, secret.MaxSigners);
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
        DkgState state,
        ReadOnlySpan<Scalar> round1Senders,
        IReadOnlyList<DkgRound1Broadcast> round1Messages,
        out GroupElement[][] commitments)
    {
        var participants = new Scalar[round1Senders.Length + 1];
        commitments = new GroupElement[participants.Length][];
        participants[0] = state.Identifier;
        commitments[0] = state.Commitment;
        for (int k = 0; k < round1Senders.Length; k++)
        {
            participants[k + 1] = round1Senders[k];
            commitments[k + 1] = round1Messages[k].Commitment;
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
    internal static void CheckRound1Messages(ScalarField field, DkgState state, ReadOnlySpan<Scalar> senders, IReadOnlyList<DkgRound1Broadcast> messages)
    {
        Scalar identifier = state.Identifier;
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
            if (messages[k] is null || messages[k].Commitment.Length != minSigners)
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
        IReadOnlyList<DkgRound1Broadcast> round1Messages,
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

            commitments[k] = round1Messages[index].Commitment;
        }

        return commitments;
    }
}
