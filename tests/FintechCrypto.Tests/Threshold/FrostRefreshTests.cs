using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The public share refresh (FrostRefresh): by a trusted dealer and by a DKG, the group key stays, every share
/// changes, the new shares sign, participants left out are removed, and bad refreshes are refused.
/// frost-core's check_refresh_shares_with_dealer and check_refresh_shares_with_dkg, through the public API.
/// </summary>
public sealed class FrostRefreshTests
{
    public static TheoryData<string> Suites => KeyGenSuites.Names;

    [Theory]
    [MemberData(nameof(Suites))]
    public void DealerRefresh_KeepsTheGroupKey_ChangesTheShares_RemovesTheLeftOut(string name)
    {
        FrostCiphersuite suite = KeyGenSuites.Ciphersuite(name);
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 3, 5);
        FrostKeyPackage[] keys = [.. dealt.SecretShares.Select(s => s.ToKeyPackage())];

        // Participant 3 is left out.
        FrostKeyPackage[] kept = [keys[4], keys[0], keys[1], keys[3]];
        (IReadOnlyList<FrostSecretShare> refreshing, FrostPublicKeyPackage refreshedPublic) =
            FrostRefresh.ComputeRefreshingShares(dealt.PublicKeyPackage, [.. kept.Select(k => k.Identifier)]);
        Assert.Equal(kept.Select(k => k.Identifier), refreshing.Select(s => s.Identifier));
        Assert.Equal(2, refreshing[0].Commitment.MinSigners); // t - 1 elements: the zero constant term is left out
        Assert.Equal(dealt.PublicKeyPackage.GroupVerifyingKey.ToArray(), refreshedPublic.GroupVerifyingKey.ToArray());
        Assert.Equal(kept.Select(k => k.Identifier).Order(), refreshedPublic.Identifiers);
        Assert.Null(refreshedPublic.GetVerifyingShare(keys[2].Identifier));

        var refreshed = new FrostKeyPackage[kept.Length];
        for (int i = 0; i < kept.Length; i++)
        {
            FrostSecretShare share = FrostSecretShare.FromBytes(refreshing[i].ToBytes());
            refreshed[i] = FrostRefresh.RefreshShare(share, kept[i]);
            Assert.Equal(kept[i].GroupVerifyingKey.ToArray(), refreshed[i].GroupVerifyingKey.ToArray());
            Assert.Equal(kept[i].Identifier, refreshed[i].Identifier);
            Assert.NotEqual(kept[i].VerifyingShare.ToArray(), refreshed[i].VerifyingShare.ToArray());
            Assert.Equal(refreshedPublic.GetVerifyingShare(kept[i].Identifier), refreshed[i].VerifyingShare.ToArray());
        }

        byte[] sig = FrostKeyGenFlows.Sign(refreshed[..3], refreshedPublic, "after refresh");
        Assert.True(dealt.PublicKeyPackage.Verify(Encoding.UTF8.GetBytes("after refresh"), sig));

        // Old and new shares do not combine: the coordinator names the stale signer.
        var e = Assert.Throws<FrostProtocolException>(() => FrostKeyGenFlows.Sign([refreshed[0], refreshed[1], kept[2]], refreshedPublic, "mixed"));
        Assert.Equal([kept[2].Identifier], e.Culprits);

        // Refusals: a tampered refreshing share, one for another participant, too few or unknown identifiers.
        byte[] bytes = refreshing[0].ToBytes();
        ScalarBump(suite, bytes, 3 + suite.Name.Length + suite.ScalarLength); // header || identifier || share
        using (FrostSecretShare bad = FrostSecretShare.FromBytes(bytes))
        {
            Assert.Throws<FrostProtocolException>(() => FrostRefresh.RefreshShare(bad, kept[0]));
        }

        Assert.Throws<ArgumentException>(() => FrostRefresh.RefreshShare(refreshing[1], kept[0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostRefresh.ComputeRefreshingShares(dealt.PublicKeyPackage, [keys[0].Identifier, keys[1].Identifier]));
        Assert.Throws<ArgumentException>(() => FrostRefresh.ComputeRefreshingShares(dealt.PublicKeyPackage, [keys[0].Identifier, keys[1].Identifier, FrostIdentifier.FromInteger(suite, 9)]));
        Assert.Throws<ArgumentException>(() => FrostRefresh.ComputeRefreshingShares(dealt.PublicKeyPackage, [keys[0].Identifier, keys[1].Identifier, keys[1].Identifier]));

        // A refreshing share from a dealer with another threshold is refused.
        using FrostTrustedDealerResult wide = FrostTrustedDealer.Generate(suite, 4, 5);
        (IReadOnlyList<FrostSecretShare> wider, _) = FrostRefresh.ComputeRefreshingShares(wide.PublicKeyPackage, [.. wide.PublicKeyPackage.Identifiers]);
        Assert.Throws<FrostProtocolException>(() => FrostRefresh.RefreshShare(wider[0], keys[0]));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void DkgRefresh_KeepsTheGroupKey_ChangesTheShares_RemovesTheLeftOut(string name)
    {
        FrostCiphersuite suite = KeyGenSuites.Ciphersuite(name);
        FrostIdentifier[] ids = [.. Enumerable.Range(1, 5).Select(i => FrostIdentifier.FromInteger(suite, (ulong)i))];
        using FrostKeyGenFlows.DkgRun run = FrostKeyGenFlows.RunDkg(ids, 3, json: false);
        FrostPublicKeyPackage oldPublic = run.PublicKeyPackages[0];

        // Participants 1, 2, 4, 5 refresh; 3 is removed.
        int[] keptIndex = [0, 1, 3, 4];
        FrostIdentifier[] kept = [.. keptIndex.Select(i => ids[i])];
        int n = kept.Length;
        var s1 = new FrostDkgRound1SecretPackage[n];
        var round1 = new Dictionary<FrostIdentifier, FrostRefreshRound1Package>();
        for (int i = 0; i < n; i++)
        {
            (FrostDkgRound1SecretPackage secret, FrostRefreshRound1Package package) = FrostRefresh.DkgPart1(kept[i], 3, n);
            Assert.True(secret.IsRefresh);
            Assert.Equal(3, package.MinSigners);
            s1[i] = FrostKeyGenFlows.Hop(secret, json: i % 2 == 0);
            round1[kept[i]] = i % 2 == 0 ? FrostRefreshRound1Package.FromJson(package.ToJson()) : FrostRefreshRound1Package.FromBytes(package.ToBytes());
            Assert.Equal(package, round1[kept[i]]);
        }

        var s2 = new FrostDkgRound2SecretPackage[n];
        var inbox = kept.ToDictionary(id => id, _ => new Dictionary<FrostIdentifier, FrostDkgRound2Package>());
        for (int i = 0; i < n; i++)
        {
            (FrostDkgRound2SecretPackage secret, IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> packages) = FrostRefresh.DkgPart2(s1[i], FrostKeyGenFlows.Others(round1, kept[i]));
            Assert.True(secret.IsRefresh);
            s2[i] = FrostKeyGenFlows.Hop(secret, json: i % 2 == 1);
            foreach ((FrostIdentifier to, FrostDkgRound2Package p) in packages)
            {
                inbox[to][kept[i]] = FrostDkgRound2Package.FromBytes(p.ToBytes());
            }
        }

        // A DKG state is refused by the refresh and the other way round.
        Assert.Throws<ArgumentException>(() => FrostDkg.Part3(s2[0], new Dictionary<FrostIdentifier, FrostDkgRound1Package>(), inbox[kept[0]]));

        var keys = new FrostKeyPackage[n];
        var publics = new FrostPublicKeyPackage[n];
        for (int i = 0; i < n; i++)
        {
            FrostKeyPackage old = run.KeyPackages[keptIndex[i]];
            (keys[i], publics[i]) = FrostRefresh.DkgPart3(s2[i], FrostKeyGenFlows.Others(round1, kept[i]), inbox[kept[i]], oldPublic, old);
            Assert.Equal(old.GroupVerifyingKey.ToArray(), keys[i].GroupVerifyingKey.ToArray());
            Assert.NotEqual(old.VerifyingShare.ToArray(), keys[i].VerifyingShare.ToArray());
            Assert.Equal(publics[0].ToBytes(), publics[i].ToBytes());
            Assert.Equal(publics[i].GetVerifyingShare(kept[i]), keys[i].VerifyingShare.ToArray());
        }

        Assert.Equal(oldPublic.GroupVerifyingKey.ToArray(), publics[0].GroupVerifyingKey.ToArray());
        Assert.Equal(kept, publics[0].Identifiers);
        Assert.Equal(3, publics[0].MinSigners);

        byte[] sig = FrostKeyGenFlows.Sign([keys[3], keys[1], keys[2]], publics[0], "after DKG refresh");
        Assert.True(oldPublic.Verify(Encoding.UTF8.GetBytes("after DKG refresh"), sig));

        // A tampered refresh share names its sender; a key package of another participant is refused.
        var tampered = new Dictionary<FrostIdentifier, FrostDkgRound2Package>(inbox[kept[0]]);
        byte[] bytes = tampered[kept[2]].ToBytes();
        ScalarBump(suite, bytes, bytes.Length - suite.ScalarLength);
        tampered[kept[2]] = FrostDkgRound2Package.FromBytes(bytes);
        var e = Assert.Throws<FrostProtocolException>(() => FrostRefresh.DkgPart3(s2[0], FrostKeyGenFlows.Others(round1, kept[0]), tampered, oldPublic, run.KeyPackages[0]));
        Assert.Equal([kept[2]], e.Culprits);
        Assert.Throws<ArgumentException>(() => FrostRefresh.DkgPart3(s2[0], FrostKeyGenFlows.Others(round1, kept[0]), inbox[kept[0]], oldPublic, run.KeyPackages[1]));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void DkgRefresh_CannotChangeTheThreshold(string name)
    {
        FrostCiphersuite suite = KeyGenSuites.Ciphersuite(name);
        FrostIdentifier[] ids = [.. Enumerable.Range(1, 3).Select(i => FrostIdentifier.FromInteger(suite, (ulong)i))];
        using FrostKeyGenFlows.DkgRun run = FrostKeyGenFlows.RunDkg(ids, 3, json: true);

        // Everyone runs a refresh with threshold 2 (frost-core check_refresh_shares_with_dkg_smaller_threshold).
        var s1 = new FrostDkgRound1SecretPackage[3];
        var round1 = new Dictionary<FrostIdentifier, FrostRefreshRound1Package>();
        for (int i = 0; i < 3; i++)
        {
            (s1[i], round1[ids[i]]) = FrostRefresh.DkgPart1(ids[i], 2, 3);
        }

        var s2 = new FrostDkgRound2SecretPackage[3];
        var inbox = ids.ToDictionary(id => id, _ => new Dictionary<FrostIdentifier, FrostDkgRound2Package>());
        for (int i = 0; i < 3; i++)
        {
            (s2[i], IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> packages) = FrostRefresh.DkgPart2(s1[i], FrostKeyGenFlows.Others(round1, ids[i]));
            foreach ((FrostIdentifier to, FrostDkgRound2Package p) in packages)
            {
                inbox[to][ids[i]] = p;
            }
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.Throws<FrostProtocolException>(() => FrostRefresh.DkgPart3(s2[i], FrostKeyGenFlows.Others(round1, ids[i]), inbox[ids[i]], run.PublicKeyPackages[0], run.KeyPackages[i]));
        }

        // Mixed thresholds in part 2 are refused too.
        (FrostDkgRound1SecretPackage wide, _) = FrostRefresh.DkgPart1(ids[0], 3, 3);
        Assert.Throws<FrostProtocolException>(() => FrostRefresh.DkgPart2(wide, FrostKeyGenFlows.Others(round1, ids[0])));
    }

    // Adds 1 to the scalar encoded at the offset.
    private static void ScalarBump(FrostCiphersuite suite, byte[] encoded, int offset)
    {
        ScalarField f = suite.Suite.Scalars;
        Span<byte> s = encoded.AsSpan(offset, suite.ScalarLength);
        f.Encode(f.Add(f.Decode(s, "scalar"), f.One), s);
    }
}
