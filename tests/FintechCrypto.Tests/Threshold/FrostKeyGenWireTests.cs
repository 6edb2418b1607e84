using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using FintechCrypto.Threshold;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The wire forms of the key-generation messages (docs/frost-wire.md, types 8-14): byte and JSON round trips for
/// every suite, DKG and refresh alike; the header and purpose bytes; refusal of other types, inconsistent counts and
/// zero secrets; and FsCheck garbage and mutations into every FromBytes and FromJson, which may only succeed or throw
/// FintechCryptoException.
/// </summary>
public sealed class FrostKeyGenWireTests
{
    private sealed record Codec(string Name, byte Type, Func<byte[], object> FromBytes, Func<string, object> FromJson, Func<object, byte[]> ToBytes, Func<object, string> ToJson);

    private static readonly Codec[] Codecs =
    [
        new("round-1 secret package", 8, b => FrostDkgRound1SecretPackage.FromBytes(b), j => FrostDkgRound1SecretPackage.FromJson(j), o => ((FrostDkgRound1SecretPackage)o).ToBytes(), o => ((FrostDkgRound1SecretPackage)o).ToJson()),
        new("round-1 package", 9, b => FrostDkgRound1Package.FromBytes(b), j => FrostDkgRound1Package.FromJson(j), o => ((FrostDkgRound1Package)o).ToBytes(), o => ((FrostDkgRound1Package)o).ToJson()),
        new("round-2 secret package", 10, b => FrostDkgRound2SecretPackage.FromBytes(b), j => FrostDkgRound2SecretPackage.FromJson(j), o => ((FrostDkgRound2SecretPackage)o).ToBytes(), o => ((FrostDkgRound2SecretPackage)o).ToJson()),
        new("round-2 package", 11, b => FrostDkgRound2Package.FromBytes(b), j => FrostDkgRound2Package.FromJson(j), o => ((FrostDkgRound2Package)o).ToBytes(), o => ((FrostDkgRound2Package)o).ToJson()),
        new("refresh round-1 package", 12, b => FrostRefreshRound1Package.FromBytes(b), j => FrostRefreshRound1Package.FromJson(j), o => ((FrostRefreshRound1Package)o).ToBytes(), o => ((FrostRefreshRound1Package)o).ToJson()),
        new("repair delta", 13, b => FrostRepairDelta.FromBytes(b), j => FrostRepairDelta.FromJson(j), o => ((FrostRepairDelta)o).ToBytes(), o => ((FrostRepairDelta)o).ToJson()),
        new("repair sigma", 14, b => FrostRepairSigma.FromBytes(b), j => FrostRepairSigma.FromJson(j), o => ((FrostRepairSigma)o).ToBytes(), o => ((FrostRepairSigma)o).ToJson()),
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

    public static TheoryData<string> Suites() => FrostTestSuites.Names();

    [Theory]
    [MemberData(nameof(Suites))]
    public void EveryMessage_RoundTripsThroughBytesAndJson(string suiteName)
    {
        (FrostCiphersuite suite, (int, object)[] messages) = s_samples.Value.Single(s => s.Suite.Name == suiteName);
        Assert.Equal(Codecs.Length, messages.Select(m => m.Item1).Distinct().Count());
        foreach ((int index, object message) in messages)
        {
            Codec codec = Codecs[index];
            byte[] bytes = codec.ToBytes(message);
            string json = codec.ToJson(message);

            // Header: version 1, the message type, the suite's context string.
            Assert.Equal(1, bytes[0]);
            Assert.Equal(codec.Type, bytes[1]);
            Assert.Equal(suite.Name, Encoding.ASCII.GetString(bytes, 3, bytes[2]));
            Assert.Contains($"\"ciphersuite\":\"{suite.Name}\"", json, StringComparison.Ordinal);

            object fromBytes = codec.FromBytes(bytes);
            object fromJson = codec.FromJson(json);
            Assert.Equal(bytes, codec.ToBytes(fromBytes));
            Assert.Equal(bytes, codec.ToBytes(fromJson));
            Assert.Equal(json, codec.ToJson(fromBytes));
            Assert.Equal(message.ToString(), fromJson.ToString());

            // Trailing bytes and truncation are refused; so is every other type's decoder.
            Assert.Throws<FintechCryptoException>(() => codec.FromBytes([.. bytes, 0]));
            Assert.Throws<FintechCryptoException>(() => codec.FromBytes(bytes[..^1]));
            foreach (Codec other in Codecs.Where(c => c != codec))
            {
                Assert.Throws<FintechCryptoException>(() => other.FromBytes(bytes));
                Assert.Throws<FintechCryptoException>(() => other.FromJson(json));
            }
        }
    }

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

    private static void MustBeOurs(Action action)
    {
        try
        {
            action();
        }
        catch (FintechCryptoException)
        {
        }
    }

    [Property(MaxTest = 200)]
    public void GarbageBytes_GiveFintechCryptoExceptionOnly(byte[] garbage, byte typeByte, bool withHeader)
    {
        garbage ??= [];
        foreach ((FrostCiphersuite suite, _) in s_samples.Value)
        {
            // Half the time behind a valid header, so the field decoders see the garbage.
            byte[] input = withHeader ? [1, (byte)(8 + (typeByte % 7)), (byte)suite.Name.Length, .. Encoding.ASCII.GetBytes(suite.Name), .. garbage] : garbage;
            foreach (Codec codec in Codecs)
            {
                MustBeOurs(() => codec.FromBytes(input));
            }
        }
    }

    [Property(MaxTest = 300)]
    public void MutatedValidBytes_GiveFintechCryptoExceptionOnly(PositiveInt position, byte xor, bool truncate)
    {
        foreach ((_, (int, object)[] messages) in s_samples.Value)
        {
            foreach ((int index, object message) in messages)
            {
                byte[] bytes = Codecs[index].ToBytes(message);
                int at = position.Get % bytes.Length;
                byte[] mutated = truncate ? bytes[..at] : (byte[])bytes.Clone();
                if (!truncate)
                {
                    mutated[at] ^= xor == 0 ? (byte)1 : xor;
                }

                MustBeOurs(() => Codecs[index].FromBytes(mutated));
            }
        }
    }

    [Property(MaxTest = 200)]
    public void GarbageJson_GivesFintechCryptoExceptionOnly(string garbage)
    {
        garbage ??= string.Empty;
        foreach (Codec codec in Codecs)
        {
            MustBeOurs(() => codec.FromJson(garbage));
        }
    }

    [Property(MaxTest = 300)]
    public void MutatedValidJson_GivesFintechCryptoExceptionOnly(PositiveInt position, char replacement, bool truncate)
    {
        foreach ((_, (int, object)[] messages) in s_samples.Value)
        {
            foreach ((int index, object message) in messages)
            {
                string json = Codecs[index].ToJson(message);
                int at = position.Get % json.Length;
                string mutated = truncate ? json[..at] : json[..at] + replacement + json[(at + 1)..];
                MustBeOurs(() => Codecs[index].FromJson(mutated));
            }
        }
    }

    [Property(MaxTest = 150)]
    public void StructurallyValidJsonWithWrongValues_GivesFintechCryptoExceptionOnly(NonNegativeInt field, string value, int number)
    {
        value ??= string.Empty;
        string[] properties =
        [
            "version", "type", "ciphersuite", "purpose", "identifier", "min_signers", "max_signers", "coefficients", "commitment",
            "proof_of_knowledge", "secret_share", "signing_share", "delta", "sigma",
        ];
        foreach ((_, (int, object)[] messages) in s_samples.Value)
        {
            foreach ((int index, object message) in messages)
            {
                JsonObject node = JsonNode.Parse(Codecs[index].ToJson(message))!.AsObject();
                string property = properties[field.Get % properties.Length];
                node[property] = (number & 3) switch
                {
                    0 => JsonValue.Create(value),
                    1 => JsonValue.Create(number),
                    2 => new JsonArray(JsonValue.Create(value)),
                    _ => new JsonObject(),
                };
                MustBeOurs(() => Codecs[index].FromJson(node.ToJsonString()));
            }
        }
    }

    [Property(MaxTest = 100)]
    public void ValidHexOfAnyLengthInEveryField_GivesFintechCryptoExceptionOnly(NonNegativeInt field, byte[] bytes)
    {
        bytes ??= [];
        string hex = Convert.ToHexStringLower(bytes);
        foreach ((_, (int, object)[] messages) in s_samples.Value)
        {
            foreach ((int index, object message) in messages)
            {
                JsonObject node = JsonNode.Parse(Codecs[index].ToJson(message))!.AsObject();
                string[] names = [.. node.Select(p => p.Key).Where(k => k is not ("version" or "type" or "ciphersuite"))];
                string property = names[field.Get % names.Length];
                node[property] = node[property] is JsonArray ? new JsonArray(JsonValue.Create(hex), JsonValue.Create(hex)) : JsonValue.Create(hex);
                MustBeOurs(() => Codecs[index].FromJson(node.ToJsonString()));
            }
        }
    }
}
