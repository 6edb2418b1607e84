using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The wire forms of the key-generation messages (docs/frost-wire.md, types 8-14): the checks of
/// <see cref="WireCodecTests"/> for every message and suite, DKG and refresh alike, plus the purpose byte, refusal of
/// inconsistent counts and zero secrets, and a pinned layout.
/// </summary>
public sealed class FrostKeyGenWireTests : WireCodecTests
{
    private static readonly WireCodec[] s_codecs =
    [
        WireCodec.Of("round-1 secret package", 8, b => FrostDkgRound1SecretPackage.FromBytes(b), FrostDkgRound1SecretPackage.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("round-1 package", 9, b => FrostDkgRound1Package.FromBytes(b), FrostDkgRound1Package.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("round-2 secret package", 10, b => FrostDkgRound2SecretPackage.FromBytes(b), FrostDkgRound2SecretPackage.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("round-2 package", 11, b => FrostDkgRound2Package.FromBytes(b), FrostDkgRound2Package.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("refresh round-1 package", 12, b => FrostRefreshRound1Package.FromBytes(b), FrostRefreshRound1Package.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("repair delta", 13, b => FrostRepairDelta.FromBytes(b), FrostRepairDelta.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("repair sigma", 14, b => FrostRepairSigma.FromBytes(b), FrostRepairSigma.FromJson, m => m.ToBytes(), m => m.ToJson()),
    ];

    // Valid messages per suite: (codec index, message), with both purposes of the secret packages, made once.
    private static readonly Lazy<List<(FrostCiphersuite Suite, (int Codec, object Message)[] Messages)>> s_samples = new(() =>
    {
        var list = new List<(FrostCiphersuite, (int, object)[])>();
        foreach (FrostCiphersuite suite in FrostTestSuites.Suites())
        {
            FrostIdentifier one = FrostIdentifier.FromInteger(suite, 1), two = FrostIdentifier.FromInteger(suite, 2), three = FrostIdentifier.FromInteger(suite, 3);
            var messages = new List<(int, object)>();

            (FrostDkgRound1SecretPackage d1, FrostDkgRound1Package p1) = FrostDkg.Part1(one, 2, 3);
            (_, FrostDkgRound1Package p2) = FrostDkg.Part1(two, 2, 3);
            (_, FrostDkgRound1Package p3) = FrostDkg.Part1(three, 2, 3);
            (FrostDkgRound2SecretPackage d2, IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> sent) =
                FrostDkg.Part2(d1, new Dictionary<FrostIdentifier, FrostDkgRound1Package> { [two] = p2, [three] = p3 });

            (FrostDkgRound1SecretPackage r1, FrostRefreshRound1Package q1) = FrostRefresh.DkgPart1(one, 3, 3);
            (_, FrostRefreshRound1Package q2) = FrostRefresh.DkgPart1(two, 3, 3);
            (_, FrostRefreshRound1Package q3) = FrostRefresh.DkgPart1(three, 3, 3);
            (FrostDkgRound2SecretPackage r2, _) = FrostRefresh.DkgPart2(r1, new Dictionary<FrostIdentifier, FrostRefreshRound1Package> { [two] = q2, [three] = q3 });

            FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
            FrostKeyPackage k1 = dealt.SecretShares[0].ToKeyPackage();
            IReadOnlyDictionary<FrostIdentifier, FrostRepairDelta> deltas = FrostRepair.Part1([one, two], k1, three);
            FrostRepairSigma sigma = FrostRepair.Part2([deltas[one], deltas[two]]);

            messages.Add((0, d1));
            messages.Add((0, r1));
            messages.Add((1, p1));
            messages.Add((2, d2));
            messages.Add((2, r2));
            messages.Add((3, sent[two]));
            messages.Add((4, q1));
            messages.Add((5, deltas[one]));
            messages.Add((6, sigma));
            list.Add((suite, [.. messages]));
        }

        return list;
    });

    private protected override IReadOnlyList<WireCodec> Codecs => s_codecs;

    private protected override IReadOnlyList<(FrostCiphersuite Suite, (WireCodec Codec, object Message)[] Messages)> Samples =>
        [.. s_samples.Value.Select(s => (s.Suite, s.Messages.Select(m => (s_codecs[m.Codec], m.Message)).ToArray()))];

    private protected override string[] JsonPropertyNames =>
    [
        "version", "type", "ciphersuite", "purpose", "identifier", "min_signers", "max_signers", "coefficients", "commitment",
        "proof_of_knowledge", "secret_share", "signing_share", "delta", "sigma",
    ];

    [Theory]
    [MemberData(nameof(Suites))]
    public void SecretPackages_CarryTheirPurpose_AndRefuseInconsistentContent(string suiteName)
    {
        (FrostCiphersuite suite, (int, object)[] messages) = s_samples.Value.Single(s => s.Suite.Name == suiteName);
        var dkg1 = (FrostDkgRound1SecretPackage)messages[0].Item2;
        var refresh1 = (FrostDkgRound1SecretPackage)messages[1].Item2;
        int header = 3 + suite.Name.Length;
        int ns = suite.ScalarLength;

        // Layout: purpose || identifier || min || max || coefficients (t for a DKG, t - 1 for a refresh).
        byte[] d = dkg1.ToBytes();
        Assert.Equal(0, d[header]);
        Assert.Equal(FrostIdentifier.FromInteger(suite, 1).ToBytes(), d[(header + 1)..(header + 1 + ns)]);
        Assert.Equal(new byte[] { 0, 2, 0, 3 }, d[(header + 1 + ns)..(header + 5 + ns)]);
        Assert.Equal(header + 5 + (3 * ns), d.Length);
        byte[] r = refresh1.ToBytes();
        Assert.Equal(1, r[header]);
        Assert.Equal(header + 5 + (3 * ns), r.Length); // threshold 3: two stored coefficients
        Assert.Contains("\"purpose\":\"refresh\"", refresh1.ToJson(), StringComparison.Ordinal);
        Assert.True(FrostDkgRound1SecretPackage.FromBytes(r).IsRefresh);

        // Flipping the purpose leaves a coefficient count that does not fit; an unknown purpose is refused.
        byte[] flipped = (byte[])d.Clone();
        flipped[header] = 1;
        Assert.Throws<FintechCryptoException>(() => FrostDkgRound1SecretPackage.FromBytes(flipped));
        flipped[header] = 2;
        Assert.Throws<FintechCryptoException>(() => FrostDkgRound1SecretPackage.FromBytes(flipped));

        // A zero DKG secret, and min > max, are refused.
        byte[] zeroSecret = (byte[])d.Clone();
        zeroSecret.AsSpan(header + 5 + ns, ns).Clear();
        Assert.Throws<FintechCryptoException>(() => FrostDkgRound1SecretPackage.FromBytes(zeroSecret));
        byte[] counts = (byte[])d.Clone();
        counts[header + 2 + ns] = 4;
        Assert.Throws<FintechCryptoException>(() => FrostDkgRound1SecretPackage.FromBytes(counts));

        // The round-2 secret package: a commitment of the wrong length for its purpose is refused.
        var refresh2 = (FrostDkgRound2SecretPackage)messages[4].Item2;
        Assert.True(refresh2.IsRefresh);
        JsonObject node = JsonNode.Parse(refresh2.ToJson())!.AsObject();
        node["purpose"] = "dkg";
        Assert.Throws<FintechCryptoException>(() => FrostDkgRound2SecretPackage.FromJson(node.ToJsonString()));

        // A round-1 package's proof of the wrong length is refused.
        JsonObject package = JsonNode.Parse(((FrostDkgRound1Package)messages[2].Item2).ToJson())!.AsObject();
        package["proof_of_knowledge"] = package["proof_of_knowledge"]!.GetValue<string>()[2..];
        Assert.Throws<FintechCryptoException>(() => FrostDkgRound1Package.FromJson(package.ToJsonString()));
    }

    [Fact]
    public void RepairDelta_HasThePinnedLayout()
    {
        // header(version 1, type 13, "FROST-P256-SHA256-v1") || delta (32 bytes, big-endian): the vector's random_scalar_1.
        const string deltaHex = "72deefbbf904c44fe6bb41ad8fcd23e6de2bd950aa2bdd03a8d84fcf29a86e21";
        byte[] expected = [1, 13, 20, .. Encoding.ASCII.GetBytes("FROST-P256-SHA256-v1"), .. Hex.Decode(deltaHex)];
        using FrostRepairDelta delta = FrostRepairDelta.FromBytes(expected);
        Assert.Equal(expected, delta.ToBytes());
        Assert.Equal("{\"version\":1,\"type\":\"repair_delta\",\"ciphersuite\":\"FROST-P256-SHA256-v1\",\"delta\":\"" + deltaHex + "\"}", delta.ToJson());
    }
}
