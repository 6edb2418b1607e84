using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The public share repair (FrostRepair, FrostRepairDelta, FrostRepairSigma): a lost share is rebuilt exactly and
/// signs; wrong inputs are refused. frost-core's check_rts, through the public API and the wire forms.
/// </summary>
public sealed class FrostRepairTests
{
    public static TheoryData<string> Suites => KeyGenSuites.Names;

    [Theory]
    [MemberData(nameof(Suites))]
    public void Repair_RebuildsExactlyTheLostShare_AfterADealer(string name)
    {
        FrostCiphersuite suite = KeyGenSuites.Ciphersuite(name);
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 3, 5);
        FrostKeyPackage[] keys = [.. dealt.SecretShares.Select(s => s.ToKeyPackage())];

        // Participant 2 lost its share; helpers 1, 4 and 5 (given out of order) rebuild it.
        FrostKeyPackage lost = keys[1];
        FrostKeyPackage[] helpers = [keys[4], keys[0], keys[3]];
        using FrostKeyPackage repaired = RunRepair(helpers, lost.Identifier, dealt.PublicKeyPackage, json: false);
        Assert.Equal(lost.ToBytes(), repaired.ToBytes());

        // The repaired share signs with two others.
        byte[] sig = FrostKeyGenFlows.Sign([repaired, keys[2], keys[4]], dealt.PublicKeyPackage, "after repair");
        Assert.True(dealt.PublicKeyPackage.Verify(Encoding.UTF8.GetBytes("after repair"), sig));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Repair_RebuildsExactlyTheLostShare_AfterADkg(string name)
    {
        FrostCiphersuite suite = KeyGenSuites.Ciphersuite(name);
        FrostIdentifier[] ids = [.. new ulong[] { 10, 20, 30, 40 }.Select(i => FrostIdentifier.FromInteger(suite, i))];
        using FrostKeyGenFlows.DkgRun run = FrostKeyGenFlows.RunDkg(ids, 2, json: false);
        FrostKeyPackage lost = run.KeyPackages[3];
        using FrostKeyPackage repaired = RunRepair([run.KeyPackages[0], run.KeyPackages[2], run.KeyPackages[1]], lost.Identifier, run.PublicKeyPackages[0], json: true);
        Assert.Equal(lost.ToBytes(), repaired.ToBytes());
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Repair_RefusesBadInputs(string name)
    {
        FrostCiphersuite suite = KeyGenSuites.Ciphersuite(name);
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 3, 5);
        FrostKeyPackage[] keys = [.. dealt.SecretShares.Select(s => s.ToKeyPackage())];
        FrostIdentifier[] ids = [.. keys.Select(k => k.Identifier)];
        FrostIdentifier lost = ids[1];

        // Too few helpers, a repeated helper, a helper not in the list, the lost participant among the helpers.
        Assert.Throws<FrostProtocolException>(() => FrostRepair.Part1([ids[0], ids[3]], keys[0], lost));
        Assert.Throws<FrostProtocolException>(() => FrostRepair.Part1([ids[0], ids[3], ids[3]], keys[0], lost));
        Assert.Throws<FrostProtocolException>(() => FrostRepair.Part1([ids[2], ids[3], ids[4]], keys[0], lost));
        Assert.Throws<FrostProtocolException>(() => FrostRepair.Part1([ids[0], ids[1], ids[3]], keys[0], lost));
        Assert.Throws<ArgumentNullException>(() => FrostRepair.Part1(null!, keys[0], lost));
        Assert.Throws<ArgumentException>(() => FrostRepair.Part2([]));

        // A wrong sigma (or too few) is caught against the verifying share.
        FrostIdentifier[] helpers = [ids[0], ids[3], ids[4]];
        var deltas = helpers.Select(h => FrostRepair.Part1(helpers, keys[Array.IndexOf(ids, h)], lost)).ToArray();
        FrostRepairSigma[] sigmas = [.. helpers.Select(j => FrostRepair.Part2([.. deltas.Select(d => d[j])]))];
        using (FrostKeyPackage ok = FrostRepair.Part3(sigmas, lost, dealt.PublicKeyPackage))
        {
            Assert.Equal(keys[1].ToBytes(), ok.ToBytes());
        }

        Assert.Throws<FrostProtocolException>(() => FrostRepair.Part3(sigmas[..2], lost, dealt.PublicKeyPackage));
        FrostRepairSigma wrong = FrostRepair.Part2([deltas[0][ids[0]], deltas[1][ids[0]]]);
        Assert.Throws<FrostProtocolException>(() => FrostRepair.Part3([wrong, sigmas[1], sigmas[2]], lost, dealt.PublicKeyPackage));
        Assert.Throws<FrostProtocolException>(() => FrostRepair.Part3(sigmas, ids[2], dealt.PublicKeyPackage));
        Assert.Throws<ArgumentException>(() => FrostRepair.Part3(sigmas, FrostIdentifier.FromInteger(suite, 77), dealt.PublicKeyPackage));

        // Secrets are redacted; disposal clears.
        Assert.Contains("<redacted>", sigmas[0].ToString(), StringComparison.Ordinal);
        sigmas[0].Dispose();
        Assert.Throws<ObjectDisposedException>(() => sigmas[0].ToBytes());
        Assert.Throws<ObjectDisposedException>(() => FrostRepair.Part3(sigmas, lost, dealt.PublicKeyPackage));
    }

    /// <summary>Runs the three repair parts, passing deltas and sigmas through their wire forms.</summary>
    internal static FrostKeyPackage RunRepair(FrostKeyPackage[] helpers, FrostIdentifier lost, FrostPublicKeyPackage publicKeyPackage, bool json)
    {
        FrostIdentifier[] ids = [.. helpers.Select(h => h.Identifier)];
        var inbox = ids.ToDictionary(id => id, _ => new List<FrostRepairDelta>());
        foreach (FrostKeyPackage helper in helpers)
        {
            IReadOnlyDictionary<FrostIdentifier, FrostRepairDelta> deltas = FrostRepair.Part1(ids, helper, lost);
            Assert.Equal(ids.Order(), deltas.Keys.Order());
            foreach ((FrostIdentifier to, FrostRepairDelta delta) in deltas)
            {
                inbox[to].Add(json ? FrostRepairDelta.FromJson(delta.ToJson()) : FrostRepairDelta.FromBytes(delta.ToBytes()));
                delta.Dispose();
            }
        }

        var sigmas = new List<FrostRepairSigma>();
        foreach (FrostIdentifier helper in ids)
        {
            using FrostRepairSigma sigma = FrostRepair.Part2(inbox[helper]);
            sigmas.Add(json ? FrostRepairSigma.FromJson(sigma.ToJson()) : FrostRepairSigma.FromBytes(sigma.ToBytes()));
        }

        return FrostRepair.Part3(sigmas, lost, publicKeyPackage);
    }
}
