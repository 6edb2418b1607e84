using System;
using System.Collections.Generic;
using System.Linq;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Keys;
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
        FrostSuite suite = KeyGenSuites.Get(name);
        PrimeOrderGroup g = suite.Group;
        ScalarField f = suite.Scalars;
        Scalar[] ids = [f.FromUInt64(7), f.FromUInt64(1), f.FromUInt64(300), f.FromUInt64(2), f.FromUInt64(65535)];
        (KeyGenOutput[] outputs, DkgRound1Broadcast[] broadcasts) = RunDkg(suite, ids, 3);

        GroupElement constants = g.Identity;
        foreach (DkgRound1Broadcast b in broadcasts)
        {
            Assert.Equal(3, b.Commitment.Length);
            constants = g.Add(constants, b.Commitment[0]);
        }

        AssertConsistent(suite, outputs, constants, [1, 2, 7, 300, 65535]);
        Assert.All(outputs, o => Assert.Equal(3, o.MinSigners));

        // Any 3 shares interpolate to the group secret (checked in the exponent); 2 do not.
        Assert.True(g.ElementEquals(constants, InterpolateInExponent(suite, outputs[..3])));
        Assert.True(g.ElementEquals(constants, InterpolateInExponent(suite, outputs[2..])));
        Assert.False(g.ElementEquals(constants, InterpolateInExponent(suite, outputs[1..3])));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Part1RejectsBadCounts_Part2AndPart3RejectMalformedSets(string name)
    {
        FrostSuite suite = KeyGenSuites.Get(name);
        ScalarField f = suite.Scalars;
        Assert.Throws<ArgumentOutOfRangeException>(() => Dkg.Part1(suite, f.One, 3, 1, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dkg.Part1(suite, f.One, 1, 2, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dkg.Part1(suite, f.One, 2, 3, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dkg.Part1(suite, f.One, 65536, 2, out _));
        Assert.Throws<ArgumentException>(() => Dkg.Part1(suite, f.Zero, 3, 2, out _));

        Scalar one = f.FromUInt64(1), two = f.FromUInt64(2), three = f.FromUInt64(3);
        DkgRound1Secret s1 = Dkg.Part1(suite, one, 3, 2, out _);
        Dkg.Part1(suite, two, 3, 2, out DkgRound1Broadcast b2);
        Dkg.Part1(suite, three, 3, 2, out DkgRound1Broadcast b3);
        Dkg.Part1(suite, three, 3, 3, out DkgRound1Broadcast b3Wide);

        Assert.Throws<FintechCryptoException>(() => Dkg.Part2(suite, s1, [two], [b2], out _));
        Assert.Throws<FintechCryptoException>(() => Dkg.Part2(suite, s1, [two, two], [b2, b2], out _));
        Assert.Throws<FintechCryptoException>(() => Dkg.Part2(suite, s1, [two, one], [b2, b3], out _));
        Assert.Throws<FintechCryptoException>(() => Dkg.Part2(suite, s1, [two, three], [b2, b3Wide], out _));

        DkgRound2Secret r2 = Dkg.Part2(suite, s1, [two, three], [b2, b3], out _);
        Assert.Throws<FintechCryptoException>(() => Dkg.Part3(suite, r2, [two, three], [b2, b3], [two], [f.One]));
        Assert.Throws<FintechCryptoException>(() => Dkg.Part3(suite, r2, [two, three], [b2, b3], [two, one], [f.One, f.One]));
        Assert.Throws<FintechCryptoException>(() => Dkg.Part3(suite, r2, [two, three], [b2, b3], [two, f.FromUInt64(4)], [f.One, f.One]));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void RepairRebuildsExactlyTheLostShare(string name)
    {
        FrostSuite suite = KeyGenSuites.Get(name);
        ScalarField f = suite.Scalars;
        (KeyGenOutput[] outputs, _) = RunDkg(suite, Ids(f, 5), 3);
        KeyGenOutput lost = outputs[1]; // participant 2
        KeyGenOutput[] helpers = [outputs[3], outputs[0], outputs[4]]; // 4, 1, 5: not in identifier order
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
        FrostSuite suite = KeyGenSuites.Get(name);
        PrimeOrderGroup g = suite.Group;
        ScalarField f = suite.Scalars;
        (KeyGenOutput[] outputs, _) = RunDkg(suite, Ids(f, 4), 3);

        // Participant 3 is left out of the refresh.
        KeyGenOutput[] kept = [outputs[0], outputs[1], outputs[3]];
        Scalar[] keptIds = kept.Select(o => o.Identifier).ToArray();
        Scalar[] refreshing = Refresh.ComputeRefreshingShares(suite, 3, keptIds, out GroupElement[] commitment);
        Assert.True(g.IsIdentity(commitment[0]));
        Assert.Equal(3, commitment.Length);

        var refreshed = new KeyGenOutput[kept.Length];
        for (int k = 0; k < kept.Length; k++)
        {
            Scalar s = Refresh.RefreshShare(suite, kept[k].Identifier, kept[k].SigningShare, 3, refreshing[k], commitment);
            Assert.False(f.Equal(s, kept[k].SigningShare));
            int old = Array.FindIndex(outputs[0].Participants, id => f.Equal(id, kept[k].Identifier));
            GroupElement y = Refresh.RefreshVerifyingShare(g, kept[k].Identifier, outputs[0].VerifyingShares[old], commitment);
            Assert.True(g.ElementEquals(g.MultiplyBase(s), y));
            refreshed[k] = new KeyGenOutput(kept[k].Identifier, s, y, kept[k].VerifyingKey, 3, [], []);
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
        FrostSuite suite = KeyGenSuites.Get(name);
        PrimeOrderGroup g = suite.Group;
        ScalarField f = suite.Scalars;
        (KeyGenOutput[] outputs, _) = RunDkg(suite, Ids(f, 5), 3);

        // Participants 1, 2, 4, 5 refresh; 3 is removed.
        KeyGenOutput[] kept = [outputs[0], outputs[1], outputs[3], outputs[4]];
        int n = kept.Length;
        var run = new PartsRun(
            [.. kept.Select(k => k.Identifier)],
            (Scalar id, out DkgRound1Broadcast broadcast) => Refresh.DkgPart1(suite, id, n, 3, out broadcast),
            (DkgRound1Secret secret, Scalar[] senders, List<DkgRound1Broadcast> round1, out Scalar[] sent) =>
                Refresh.DkgPart2(suite, secret, senders, round1, out sent));
        Assert.All(run.Broadcasts, b => Assert.Null(b.ProofR));

        // Part 3 of participant i, with the shares it received and a threshold.
        KeyGenOutput Part3(int i, Scalar[] received, int minSigners) => Refresh.DkgPart3(
            suite, run.Secrets2[i], run.Senders(i), run.Round1(i), run.Senders(i), received,
            kept[i].SigningShare, minSigners, kept[i].VerifyingKey, outputs[0].Participants, outputs[0].VerifyingShares);

        KeyGenOutput[] refreshed = [.. Enumerable.Range(0, n).Select(i => Part3(i, run.Received(i), 3))];

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
    internal static (KeyGenOutput[] Outputs, DkgRound1Broadcast[] Broadcasts) RunDkg(FrostSuite suite, Scalar[] ids, int t)
    {
        var run = new PartsRun(
            ids,
            (Scalar id, out DkgRound1Broadcast broadcast) => Dkg.Part1(suite, id, ids.Length, t, out broadcast),
            (DkgRound1Secret secret, Scalar[] senders, List<DkgRound1Broadcast> round1, out Scalar[] sent) =>
                Dkg.Part2(suite, secret, senders, round1, out sent));
        KeyGenOutput[] outputs = [.. Enumerable.Range(0, ids.Length).Select(i =>
            Dkg.Part3(suite, run.Secrets2[i], run.Senders(i), run.Round1(i), run.Senders(i), run.Received(i)))];
        return (outputs, run.Broadcasts);
    }

    /// <summary>The identifiers 1..n.</summary>
    private static Scalar[] Ids(ScalarField f, int n) => [.. Enumerable.Range(1, n).Select(i => f.FromUInt64((ulong)i))];

    /// <summary>
    /// The outputs of one run agree: the group key, each signing share with its verifying share, the participants
    /// (<paramref name="participants"/>, in increasing order) and their verifying shares.
    /// </summary>
    private static void AssertConsistent(FrostSuite suite, KeyGenOutput[] outputs, GroupElement verifyingKey, int[] participants)
    {
        PrimeOrderGroup g = suite.Group;
        ScalarField f = suite.Scalars;
        foreach (KeyGenOutput o in outputs)
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
    internal static GroupElement InterpolateInExponent(FrostSuite suite, IReadOnlyList<KeyGenOutput> outputs)
    {
        ScalarField f = suite.Scalars;
        Scalar[] ids = outputs.Select(o => o.Identifier).ToArray();
        Scalar secret = f.Zero;
        foreach (KeyGenOutput o in outputs)
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
    private sealed class PartsRun
    {
        internal PartsRun(Scalar[] ids, Part1Step part1, Part2Step part2)
        {
            Ids = ids;
            int n = ids.Length;
            var secrets1 = new DkgRound1Secret[n];
            Broadcasts = new DkgRound1Broadcast[n];
            for (int i = 0; i < n; i++)
            {
                secrets1[i] = part1(ids[i], out Broadcasts[i]);
            }

            Secrets2 = new DkgRound2Secret[n];
            Sent = new Scalar[n][];
            for (int i = 0; i < n; i++)
            {
                Secrets2[i] = part2(secrets1[i], Senders(i), Round1(i), out Sent[i]);
                secrets1[i].Clear();
            }
        }

        internal delegate DkgRound1Secret Part1Step(Scalar id, out DkgRound1Broadcast broadcast);

        internal delegate DkgRound2Secret Part2Step(DkgRound1Secret secret, Scalar[] senders, List<DkgRound1Broadcast> round1, out Scalar[] sent);

        internal Scalar[] Ids { get; }

        internal DkgRound1Broadcast[] Broadcasts { get; }

        internal DkgRound2Secret[] Secrets2 { get; }

        /// <summary>Sent[j][k]: the share participant j sent to the k-th of its others.</summary>
        internal Scalar[][] Sent { get; }

        /// <summary>Everyone but participant <paramref name="i"/>, in list order.</summary>
        internal Scalar[] Senders(int i) => [.. Others(i).Select(j => Ids[j])];

        /// <summary>The round-1 messages participant <paramref name="i"/> receives, aligned with <see cref="Senders"/>.</summary>
        internal List<DkgRound1Broadcast> Round1(int i) => [.. Others(i).Select(j => Broadcasts[j])];

        /// <summary>The shares participant <paramref name="i"/> receives, aligned with <see cref="Senders"/>.</summary>
        internal Scalar[] Received(int i) => [.. Others(i).Select(j => Sent[j][Array.IndexOf(Others(j), i)])];

        private int[] Others(int i) => [.. Enumerable.Range(0, Ids.Length).Where(j => j != i)];
    }
}
