using System;
using System.Collections.Generic;
using System.Linq;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Keys;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// Whole runs of the internal DKG, repair and refresh (src/Crypto/Internal/Frost/Keys) with fresh randomness:
/// the properties frost-core's check_sign_with_dkg, check_rts, check_repair_share_part1 and
/// check_refresh_shares_with_* test, checked by interpolation in the exponent.
/// </summary>
public sealed class KeyGenProtocolTests
{
    public static TheoryData<string> Suites => KeyGenSuites.Names;

    [Theory]
    [MemberData(nameof(Suites))]
    public void DkgGivesConsistentKeysWhoseGroupKeyIsTheSumOfTheConstants(string name)
    {
        FrostCiphersuite cs = KeyGenSuites.Ciphersuite(name);
        FrostSuite suite = cs.Suite;
        PrimeOrderGroup g = suite.Group;
        ScalarField f = suite.Scalars;
        Scalar[] ids = [f.FromUInt64(7), f.FromUInt64(1), f.FromUInt64(300), f.FromUInt64(2), f.FromUInt64(65535)];
        (Output[] outputs, FrostDkgRound1Package[] broadcasts) = RunDkg(cs, ids, 3);

        GroupElement constants = g.Identity;
        foreach (FrostDkgRound1Package b in broadcasts)
        {
            Assert.Equal(3, b.CommitmentElements.Length);
            constants = g.Add(constants, b.CommitmentElements[0]);
        }

        AssertConsistent(suite, outputs, constants, [1, 2, 7, 300, 65535]);
        Assert.All(outputs, o => Assert.Equal(3, o.Key.MinSigners));
        Assert.All(outputs, o => Assert.Equal(3, o.Public.MinSigners));

        // Any 3 shares interpolate to the group secret (checked in the exponent); 2 do not.
        Assert.True(g.ElementEquals(constants, InterpolateInExponent(suite, outputs[..3])));
        Assert.True(g.ElementEquals(constants, InterpolateInExponent(suite, outputs[2..])));
        Assert.False(g.ElementEquals(constants, InterpolateInExponent(suite, outputs[1..3])));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Part1RejectsBadCounts_Part2AndPart3RejectMalformedSets(string name)
    {
        FrostCiphersuite cs = KeyGenSuites.Ciphersuite(name);
        ScalarField f = cs.Suite.Scalars;
        FrostIdentifier id1 = FrostIdentifier.FromScalar(cs, f.One);
        Assert.Throws<ArgumentOutOfRangeException>(() => Dkg.Part1(id1, 3, 1, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dkg.Part1(id1, 1, 2, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dkg.Part1(id1, 2, 3, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dkg.Part1(id1, 65536, 2, out _));
        Assert.Throws<ArgumentException>(() => Dkg.ValidatePart1Inputs(f, f.Zero, 2, 3));

        Scalar one = f.FromUInt64(1), two = f.FromUInt64(2), three = f.FromUInt64(3);
        FrostDkgRound1SecretPackage s1 = Dkg.Part1(FrostIdentifier.FromScalar(cs, one), 3, 2, out _);
        Dkg.Part1(FrostIdentifier.FromScalar(cs, two), 3, 2, out FrostDkgRound1Package b2);
        Dkg.Part1(FrostIdentifier.FromScalar(cs, three), 3, 2, out FrostDkgRound1Package b3);
        Dkg.Part1(FrostIdentifier.FromScalar(cs, three), 3, 3, out FrostDkgRound1Package b3Wide);

        Assert.Throws<FintechCryptoException>(() => Dkg.Part2(s1, [two], [b2], out _));
        Assert.Throws<FintechCryptoException>(() => Dkg.Part2(s1, [two, two], [b2, b2], out _));
        Assert.Throws<FintechCryptoException>(() => Dkg.Part2(s1, [two, one], [b2, b3], out _));
        Assert.Throws<FintechCryptoException>(() => Dkg.Part2(s1, [two, three], [b2, b3Wide], out _));

        FrostDkgRound2SecretPackage r2 = Dkg.Part2(s1, [two, three], [b2, b3], out _);
        Assert.Throws<FintechCryptoException>(() => Dkg.Part3(r2, [two, three], [b2, b3], [two], [f.One]));
        Assert.Throws<FintechCryptoException>(() => Dkg.Part3(r2, [two, three], [b2, b3], [two, one], [f.One, f.One]));
        Assert.Throws<FintechCryptoException>(() => Dkg.Part3(r2, [two, three], [b2, b3], [two, f.FromUInt64(4)], [f.One, f.One]));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void RepairRebuildsExactlyTheLostShare(string name)
    {
        FrostCiphersuite cs = KeyGenSuites.Ciphersuite(name);
        ScalarField f = cs.Suite.Scalars;
        (Output[] outputs, _) = RunDkg(cs, Ids(f, 5), 3);
        Output lost = outputs[1]; // participant 2
        Output[] helpers = [outputs[3], outputs[0], outputs[4]]; // 4, 1, 5: not in identifier order
        Scalar[] helperIds = helpers.Select(h => h.Identifier).ToArray();

        // Part 1: each helper's deltas sum to lambda_h(r) s_h (frost-core check_repair_share_part1).
        var deltas = new Scalar[helpers.Length][];
        for (int h = 0; h < helpers.Length; h++)
        {
            deltas[h] = Repair.Part1(f, helperIds, helpers[h].Identifier, helpers[h].SigningShare, 3, lost.Identifier);
            Scalar lambda = Repair.LagrangeCoefficientAt(f, helperIds, helpers[h].Identifier, lost.Identifier);
            Assert.True(f.Equal(f.Multiply(lambda, helpers[h].SigningShare), Repair.Part2(f, deltas[h])));
        }

        // Part 2: helper j sums the deltas addressed to it; part 3: the participant sums the sigmas.
        Scalar[] sigmas = Enumerable.Range(0, helpers.Length)
            .Select(j => Repair.Part2(f, helpers.Select((_, h) => deltas[h][j]).ToArray()))
            .ToArray();
        Scalar repaired = Repair.Part3(f, sigmas);
        Assert.True(f.Equal(lost.SigningShare, repaired));

        // A sigma missing: not the share.
        Assert.False(f.Equal(lost.SigningShare, Repair.Part3(f, sigmas[..2])));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void RepairPart1RejectsBadHelperSets(string name)
    {
        FrostSuite suite = KeyGenSuites.Get(name);
        ScalarField f = suite.Scalars;
        Scalar one = f.FromUInt64(1), two = f.FromUInt64(2), three = f.FromUInt64(3), four = f.FromUInt64(4);
        Scalar share = f.FromUInt64(12345);
        Assert.Throws<FintechCryptoException>(() => Repair.Part1(f, [one, three], one, share, 3, two));
        Assert.Throws<FintechCryptoException>(() => Repair.Part1(f, [one, three, three], one, share, 3, two));
        Assert.Throws<FintechCryptoException>(() => Repair.Part1(f, [one, three, four], f.FromUInt64(5), share, 3, two));
        Assert.Throws<FintechCryptoException>(() => Repair.Part1(f, [one, three, four], one, share, 3, three));
        Assert.Equal(3, Repair.Part1(f, [one, three, four], one, share, 3, two).Length);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void DealerRefreshKeepsTheGroupKeyAndChangesEveryShare(string name)
    {
        FrostCiphersuite cs = KeyGenSuites.Ciphersuite(name);
        FrostSuite suite = cs.Suite;
        PrimeOrderGroup g = suite.Group;
        ScalarField f = suite.Scalars;
        (Output[] outputs, _) = RunDkg(cs, Ids(f, 4), 3);

        // Participant 3 is left out of the refresh.
        Output[] kept = [outputs[0], outputs[1], outputs[3]];
        Scalar[] keptIds = kept.Select(o => o.Identifier).ToArray();
        Scalar[] refreshing = Refresh.ComputeRefreshingShares(suite, 3, keptIds, out GroupElement[] commitment);
        Assert.True(g.IsIdentity(commitment[0]));
        Assert.Equal(3, commitment.Length);

        var refreshed = new Output[kept.Length];
        for (int k = 0; k < kept.Length; k++)
        {
            Scalar s = Refresh.RefreshShare(suite, kept[k].Identifier, kept[k].SigningShare, 3, refreshing[k], commitment);
            Assert.False(f.Equal(s, kept[k].SigningShare));
            int old = Array.FindIndex(outputs[0].Participants, id => f.Equal(id, kept[k].Identifier));
            GroupElement y = Refresh.RefreshVerifyingShare(g, kept[k].Identifier, outputs[0].VerifyingShares[old], commitment);
            Assert.True(g.ElementEquals(g.MultiplyBase(s), y));
            refreshed[k] = new Output(new FrostKeyPackage(kept[k].Key.Identifier, s, y, kept[k].VerifyingKey, 3), outputs[0].Public);
        }

        Assert.True(g.ElementEquals(outputs[0].VerifyingKey, InterpolateInExponent(suite, refreshed)));

        // A tampered refreshing share, a commitment that is not a sharing of zero, or a threshold change is refused.
        Assert.Throws<FintechCryptoException>(() => Refresh.RefreshShare(suite, keptIds[0], kept[0].SigningShare, 3, f.Add(refreshing[0], f.One), commitment));
        GroupElement[] notZero = [g.Generator, commitment[1], commitment[2]];
        Assert.Throws<FintechCryptoException>(() => Refresh.RefreshShare(suite, keptIds[0], kept[0].SigningShare, 3, refreshing[0], notZero));
        Assert.Throws<FintechCryptoException>(() => Refresh.RefreshShare(suite, keptIds[0], kept[0].SigningShare, 2, refreshing[0], commitment));
        Assert.Throws<ArgumentOutOfRangeException>(() => Refresh.ComputeRefreshingShares(suite, 3, keptIds[..2], out _));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void DkgRefreshKeepsTheGroupKeyAndChangesEveryShare(string name)
    {
        FrostCiphersuite cs = KeyGenSuites.Ciphersuite(name);
        FrostSuite suite = cs.Suite;
        PrimeOrderGroup g = suite.Group;
        ScalarField f = suite.Scalars;
        (Output[] outputs, _) = RunDkg(cs, Ids(f, 5), 3);

        // Participants 1, 2, 4, 5 refresh; 3 is removed.
        Output[] kept = [outputs[0], outputs[1], outputs[3], outputs[4]];
        int n = kept.Length;
        var run = new PartsRun<FrostRefreshRound1Package>(
            [.. kept.Select(k => k.Identifier)],
            (Scalar id, out FrostRefreshRound1Package broadcast) => Refresh.DkgPart1(FrostIdentifier.FromScalar(cs, id), n, 3, out broadcast),
            (FrostDkgRound1SecretPackage secret, Scalar[] senders, List<FrostRefreshRound1Package> round1, out FrostDkgRound2Package[] sent) =>
                Refresh.DkgPart2(secret, senders, round1, out sent));
        Assert.All(run.Broadcasts, b => Assert.DoesNotContain("proof", b.ToJson(), StringComparison.Ordinal));

        // Part 3 of participant i, with the shares it received and a threshold.
        Output Part3(int i, Scalar[] received, int minSigners)
        {
            using FrostKeyPackage key = new(kept[i].Key.Identifier, kept[i].SigningShare, kept[i].VerifyingShare, kept[i].VerifyingKey, minSigners);
            return new(Refresh.DkgPart3(run.Secrets2[i], run.Senders(i), run.Round1(i), run.Senders(i), received, key, outputs[0].Public));
        }

        Output[] refreshed = [.. Enumerable.Range(0, n).Select(i => Part3(i, run.Received(i), 3))];

        AssertConsistent(suite, refreshed, outputs[0].VerifyingKey, [1, 2, 4, 5]);
        for (int i = 0; i < n; i++)
        {
            Assert.False(f.Equal(kept[i].SigningShare, refreshed[i].SigningShare));
        }

        Assert.True(g.ElementEquals(outputs[0].VerifyingKey, InterpolateInExponent(suite, refreshed[..3])));
        Assert.True(g.ElementEquals(outputs[0].VerifyingKey, InterpolateInExponent(suite, refreshed[1..])));

        // A share tampered in the refresh names its sender; a different threshold is refused.
        Scalar[] bad = run.Received(0);
        bad[2] = f.Add(bad[2], f.One);
        var e = Assert.Throws<KeyGenCulpritException>(() => Part3(0, bad, 3));
        Assert.True(f.Equal(run.Senders(0)[2], Assert.Single(e.Culprits)));
        Assert.Throws<FintechCryptoException>(() => Part3(0, bad, 2));
    }

    /// <summary>Runs a full internal DKG among <paramref name="ids"/> with threshold <paramref name="t"/>.</summary>
    internal static (Output[] Outputs, FrostDkgRound1Package[] Broadcasts) RunDkg(FrostCiphersuite cs, Scalar[] ids, int t)
    {
        var run = new PartsRun<FrostDkgRound1Package>(
            ids,
            (Scalar id, out FrostDkgRound1Package broadcast) => Dkg.Part1(FrostIdentifier.FromScalar(cs, id), ids.Length, t, out broadcast),
            (FrostDkgRound1SecretPackage secret, Scalar[] senders, List<FrostDkgRound1Package> round1, out FrostDkgRound2Package[] sent) =>
                Dkg.Part2(secret, senders, round1, out sent));
        Output[] outputs = [.. Enumerable.Range(0, ids.Length).Select(i =>
            new Output(Dkg.Part3(run.Secrets2[i], run.Senders(i), run.Round1(i), run.Senders(i), run.Received(i))))];
        return (outputs, run.Broadcasts);
    }

    /// <summary>The identifiers 1..n.</summary>
    private static Scalar[] Ids(ScalarField f, int n) => [.. Enumerable.Range(1, n).Select(i => f.FromUInt64((ulong)i))];

    /// <summary>
    /// The outputs of one run agree: the group key, each signing share with its verifying share, the participants
    /// (<paramref name="participants"/>, in increasing order) and their verifying shares.
    /// </summary>
    private static void AssertConsistent(FrostSuite suite, Output[] outputs, GroupElement verifyingKey, int[] participants)
    {
        PrimeOrderGroup g = suite.Group;
        ScalarField f = suite.Scalars;
        foreach (Output o in outputs)
        {
            Assert.True(g.ElementEquals(verifyingKey, o.VerifyingKey));
            Assert.True(g.ElementEquals(g.MultiplyBase(o.SigningShare), o.VerifyingShare));
            Assert.Equal(participants, o.Participants.Select(id => (int)f.ToBigInteger(id)).ToArray());
            Assert.Equal(Encode(g, outputs[0].VerifyingShares), Encode(g, o.VerifyingShares));
            int mine = Array.FindIndex(o.Participants, id => f.Equal(id, o.Identifier));
            Assert.True(g.ElementEquals(o.VerifyingShare, o.VerifyingShares[mine]));
        }
    }

    /// <summary>(sum of lambda_i(0) s_i) B over the given outputs: the group key when they are at least t.</summary>
    internal static GroupElement InterpolateInExponent(FrostSuite suite, IReadOnlyList<Output> outputs)
    {
        ScalarField f = suite.Scalars;
        Scalar[] ids = outputs.Select(o => o.Identifier).ToArray();
        Scalar secret = f.Zero;
        foreach (Output o in outputs)
        {
            secret = f.Add(secret, f.Multiply(Polynomial.DeriveInterpolatingValue(f, ids, o.Identifier), o.SigningShare));
        }

        return suite.Group.MultiplyBase(secret);
    }

    private static string[] Encode(PrimeOrderGroup g, IEnumerable<GroupElement> elements) =>
        elements.Select(e => Hex.Encode(g.SerializeElement(e))).ToArray();

    /// <summary>
    /// Parts 1 and 2 of a DKG or a DKG refresh among <see cref="Ids"/>, every participant's messages delivered to every
    /// other in identifier-list order; part 3 is left to the caller (<see cref="Senders"/>, <see cref="Round1"/>,
    /// <see cref="Received"/>).
    /// </summary>
    private sealed class PartsRun<TPackage>
    {
        internal PartsRun(Scalar[] ids, Part1Step part1, Part2Step part2)
        {
            Ids = ids;
            int n = ids.Length;
            var secrets1 = new FrostDkgRound1SecretPackage[n];
            Broadcasts = new TPackage[n];
            for (int i = 0; i < n; i++)
            {
                secrets1[i] = part1(ids[i], out Broadcasts[i]);
            }

            Secrets2 = new FrostDkgRound2SecretPackage[n];
            Sent = new Scalar[n][];
            for (int i = 0; i < n; i++)
            {
                Secrets2[i] = part2(secrets1[i], Senders(i), Round1(i), out FrostDkgRound2Package[] sent);
                Sent[i] = [.. sent.Select(p => p.GetValue())];
                secrets1[i].Dispose();
            }
        }

        internal delegate FrostDkgRound1SecretPackage Part1Step(Scalar id, out TPackage broadcast);

        internal delegate FrostDkgRound2SecretPackage Part2Step(FrostDkgRound1SecretPackage secret, Scalar[] senders, List<TPackage> round1, out FrostDkgRound2Package[] sent);

        internal Scalar[] Ids { get; }

        internal TPackage[] Broadcasts { get; }

        internal FrostDkgRound2SecretPackage[] Secrets2 { get; }

        /// <summary>Sent[j][k]: the share participant j sent to the k-th of its others.</summary>
        internal Scalar[][] Sent { get; }

        /// <summary>Everyone but participant <paramref name="i"/>, in list order.</summary>
        internal Scalar[] Senders(int i) => [.. Others(i).Select(j => Ids[j])];

        /// <summary>The round-1 messages participant <paramref name="i"/> receives, aligned with <see cref="Senders"/>.</summary>
        internal List<TPackage> Round1(int i) => [.. Others(i).Select(j => Broadcasts[j])];

        /// <summary>The shares participant <paramref name="i"/> receives, aligned with <see cref="Senders"/>.</summary>
        internal Scalar[] Received(int i) => [.. Others(i).Select(j => Sent[j][Array.IndexOf(Others(j), i)])];

        private int[] Others(int i) => [.. Enumerable.Range(0, Ids.Length).Where(j => j != i)];
    }

    /// <summary>
    /// A participant's key package and the public key package of its run, with the values the tests read (the
    /// signing share, the verifying shares in identifier order).
    /// </summary>
    internal sealed record Output(FrostKeyPackage Key, FrostPublicKeyPackage Public)
    {
        internal Output((FrostKeyPackage Key, FrostPublicKeyPackage Public) packages)
            : this(packages.Key, packages.Public)
        {
        }

        internal Scalar Identifier => Key.Identifier.Scalar;

        internal Scalar SigningShare => Key.GetSigningShare();

        internal GroupElement VerifyingShare => Key.VerifyingShareElement;

        internal GroupElement VerifyingKey => Key.VerifyingKeyElement;

        internal Scalar[] Participants => [.. Public.Identifiers.Select(id => id.Scalar)];

        internal GroupElement[] VerifyingShares => [.. Public.Identifiers.Select(id => Public.FindVerifyingShare(id)!)];
    }
}
