using System;
using System.Collections.Generic;
using System.Linq;
using FintechCrypto.Groups;
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

        foreach (KeyGenOutput o in outputs)
        {
            Assert.True(g.ElementEquals(constants, o.VerifyingKey));
            Assert.True(g.ElementEquals(g.MultiplyBase(o.SigningShare), o.VerifyingShare));
            Assert.Equal(3, o.MinSigners);
            Assert.Equal(new[] { 1, 2, 7, 300, 65535 }, o.Participants.Select(id => (int)f.ToBigInteger(id)).ToArray());
            Assert.Equal(Encode(g, outputs[0].VerifyingShares), Encode(g, o.VerifyingShares));
            int mine = Array.FindIndex(o.Participants, id => f.Equal(id, o.Identifier));
            Assert.True(g.ElementEquals(o.VerifyingShare, o.VerifyingShares[mine]));
        }

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
        Scalar[] ids = Enumerable.Range(1, 5).Select(i => f.FromUInt64((ulong)i)).ToArray();
        (KeyGenOutput[] outputs, _) = RunDkg(suite, ids, 3);
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
        Scalar[] ids = Enumerable.Range(1, 4).Select(i => f.FromUInt64((ulong)i)).ToArray();
        (KeyGenOutput[] outputs, _) = RunDkg(suite, ids, 3);

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
        Scalar[] ids = Enumerable.Range(1, 5).Select(i => f.FromUInt64((ulong)i)).ToArray();
        (KeyGenOutput[] outputs, _) = RunDkg(suite, ids, 3);

        // Participants 1, 2, 4, 5 refresh; 3 is removed.
        KeyGenOutput[] kept = [outputs[0], outputs[1], outputs[3], outputs[4]];
        int n = kept.Length;
        var secrets1 = new DkgRound1Secret[n];
        var broadcasts = new DkgRound1Broadcast[n];
        for (int i = 0; i < n; i++)
        {
            secrets1[i] = Refresh.DkgPart1(suite, kept[i].Identifier, n, 3, out broadcasts[i]);
            Assert.Null(broadcasts[i].ProofR);
        }

        var secrets2 = new DkgRound2Secret[n];
        var sent = new Scalar[n][];
        for (int i = 0; i < n; i++)
        {
            int[] others = Others(n, i);
            secrets2[i] = Refresh.DkgPart2(suite, secrets1[i], others.Select(j => kept[j].Identifier).ToArray(), others.Select(j => broadcasts[j]).ToList(), out sent[i]);
        }

        var refreshed = new KeyGenOutput[n];
        for (int i = 0; i < n; i++)
        {
            int[] others = Others(n, i);
            Scalar[] senders = others.Select(j => kept[j].Identifier).ToArray();
            Scalar[] received = others.Select(j => sent[j][Array.IndexOf(Others(n, j), i)]).ToArray();
            refreshed[i] = Refresh.DkgPart3(
                suite, secrets2[i], senders, others.Select(j => broadcasts[j]).ToList(), senders, received,
                kept[i].SigningShare, 3, kept[i].VerifyingKey, outputs[0].Participants, outputs[0].VerifyingShares);
        }

        foreach (KeyGenOutput r in refreshed)
        {
            KeyGenOutput before = kept.Single(k => f.Equal(k.Identifier, r.Identifier));
            Assert.False(f.Equal(before.SigningShare, r.SigningShare));
            Assert.True(g.ElementEquals(g.MultiplyBase(r.SigningShare), r.VerifyingShare));
            Assert.True(g.ElementEquals(before.VerifyingKey, r.VerifyingKey));
            Assert.Equal(new[] { 1, 2, 4, 5 }, r.Participants.Select(id => (int)f.ToBigInteger(id)).ToArray());
            Assert.Equal(Encode(g, refreshed[0].VerifyingShares), Encode(g, r.VerifyingShares));
            int mine = Array.FindIndex(r.Participants, id => f.Equal(id, r.Identifier));
            Assert.True(g.ElementEquals(r.VerifyingShare, r.VerifyingShares[mine]));
        }

        Assert.True(g.ElementEquals(outputs[0].VerifyingKey, InterpolateInExponent(suite, refreshed[..3])));
        Assert.True(g.ElementEquals(outputs[0].VerifyingKey, InterpolateInExponent(suite, refreshed[1..])));

        // A share tampered in the refresh names its sender; a different threshold is refused.
        int[] o0 = Others(n, 0);
        Scalar[] s0 = o0.Select(j => kept[j].Identifier).ToArray();
        Scalar[] bad = o0.Select(j => sent[j][Array.IndexOf(Others(n, j), 0)]).ToArray();
        bad[2] = f.Add(bad[2], f.One);
        var e = Assert.Throws<KeyGenCulpritException>(() => Refresh.DkgPart3(
            suite, secrets2[0], s0, o0.Select(j => broadcasts[j]).ToList(), s0, bad,
            kept[0].SigningShare, 3, kept[0].VerifyingKey, outputs[0].Participants, outputs[0].VerifyingShares));
        Assert.True(f.Equal(s0[2], Assert.Single(e.Culprits)));
        Assert.Throws<FintechCryptoException>(() => Refresh.DkgPart3(
            suite, secrets2[0], s0, o0.Select(j => broadcasts[j]).ToList(), s0, bad,
            kept[0].SigningShare, 2, kept[0].VerifyingKey, outputs[0].Participants, outputs[0].VerifyingShares));
    }

    /// <summary>Runs a full internal DKG among <paramref name="ids"/> with threshold <paramref name="t"/>.</summary>
    internal static (KeyGenOutput[] Outputs, DkgRound1Broadcast[] Broadcasts) RunDkg(FrostSuite suite, Scalar[] ids, int t)
    {
        int n = ids.Length;
        var secrets1 = new DkgRound1Secret[n];
        var broadcasts = new DkgRound1Broadcast[n];
        for (int i = 0; i < n; i++)
        {
            secrets1[i] = Dkg.Part1(suite, ids[i], n, t, out broadcasts[i]);
        }

        var secrets2 = new DkgRound2Secret[n];
        var sent = new Scalar[n][];
        for (int i = 0; i < n; i++)
        {
            int[] others = Others(n, i);
            secrets2[i] = Dkg.Part2(suite, secrets1[i], others.Select(j => ids[j]).ToArray(), others.Select(j => broadcasts[j]).ToList(), out sent[i]);
            secrets1[i].Clear();
        }

        var outputs = new KeyGenOutput[n];
        for (int i = 0; i < n; i++)
        {
            int[] others = Others(n, i);
            Scalar[] senders = others.Select(j => ids[j]).ToArray();
            Scalar[] received = others.Select(j => sent[j][Array.IndexOf(Others(n, j), i)]).ToArray();
            outputs[i] = Dkg.Part3(suite, secrets2[i], senders, others.Select(j => broadcasts[j]).ToList(), senders, received);
        }

        return (outputs, broadcasts);
    }

    internal static int[] Others(int n, int i) => Enumerable.Range(0, n).Where(j => j != i).ToArray();

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
}
