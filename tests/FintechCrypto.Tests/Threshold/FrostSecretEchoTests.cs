using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using FintechCrypto.Tests.Properties;
using FintechCrypto.Threshold;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// Issue 11, defect 6: a malformed FROST message that holds a secret (key package, secret share, DKG round-1 and
/// round-2 secret packages, DKG round-2 package, repair delta and sigma) is refused with an exception whose whole chain
/// carries no part of the secret (<see cref="SecretEcho"/>). Every position of each valid JSON and byte encoding is
/// deleted and replaced; FsCheck adds random multi-character mutations.
/// </summary>
public sealed class FrostSecretEchoTests
{
    private static readonly char[] s_replacements = ['"', '0', 'x', ' ', '}', ',', '\\', ':'];
    private static readonly byte[] s_byteReplacements = [0x00, 0x01, 0x20, 0x41, 0x7f, 0xff];

    /// <summary>One secret-bearing message type: its decoders and the JSON fields that hold its secrets.</summary>
    private sealed record SecretCodec(string Name, Func<string, object> FromJson, Func<byte[], object> FromBytes, string[] SecretFields);

    private static readonly SecretCodec KeyPackage = new("key package", FrostKeyPackage.FromJson, b => FrostKeyPackage.FromBytes(b), ["signing_share"]);
    private static readonly SecretCodec SecretShare = new("secret share", FrostSecretShare.FromJson, b => FrostSecretShare.FromBytes(b), ["signing_share"]);
    private static readonly SecretCodec Round1Secret = new("DKG round-1 secret package", FrostDkgRound1SecretPackage.FromJson, b => FrostDkgRound1SecretPackage.FromBytes(b), ["coefficients"]);
    private static readonly SecretCodec Round2Secret = new("DKG round-2 secret package", FrostDkgRound2SecretPackage.FromJson, b => FrostDkgRound2SecretPackage.FromBytes(b), ["secret_share"]);
    private static readonly SecretCodec Round2 = new("DKG round-2 package", FrostDkgRound2Package.FromJson, b => FrostDkgRound2Package.FromBytes(b), ["signing_share"]);
    private static readonly SecretCodec Delta = new("repair delta", FrostRepairDelta.FromJson, b => FrostRepairDelta.FromBytes(b), ["delta"]);
    private static readonly SecretCodec Sigma = new("repair sigma", FrostRepairSigma.FromJson, b => FrostRepairSigma.FromBytes(b), ["sigma"]);

    private sealed record Sample(FrostCiphersuite Suite, SecretCodec Codec, string Json, byte[] Bytes, byte[][] Secrets);

    // Valid secret-bearing messages of every type, per suite, made once.
    private static readonly Lazy<List<Sample>> s_samples = new(() =>
    {
        var list = new List<Sample>();
        foreach ((FrostCiphersuite suite, _, _) in FrostTestSuites.All)
        {
            FrostIdentifier one = FrostIdentifier.FromInteger(suite, 1), two = FrostIdentifier.FromInteger(suite, 2), three = FrostIdentifier.FromInteger(suite, 3);
            FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
            FrostKeyPackage k1 = dealt.SecretShares[0].ToKeyPackage();
            (FrostDkgRound1SecretPackage d1, _) = FrostDkg.Part1(one, 2, 3);
            (_, FrostDkgRound1Package p2) = FrostDkg.Part1(two, 2, 3);
            (_, FrostDkgRound1Package p3) = FrostDkg.Part1(three, 2, 3);
            (FrostDkgRound1SecretPackage d1Again, FrostDkgRound1Package p1) = FrostDkg.Part1(one, 2, 3);
            (FrostDkgRound2SecretPackage d2, IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> sent) =
                FrostDkg.Part2(d1Again, new Dictionary<FrostIdentifier, FrostDkgRound1Package> { [two] = p2, [three] = p3 });
            _ = p1;
            IReadOnlyDictionary<FrostIdentifier, FrostRepairDelta> deltas = FrostRepair.Part1([one, two], k1, three);
            FrostRepairSigma sigma = FrostRepair.Part2([deltas[one], deltas[two]]);

            Add(list, suite, KeyPackage, k1.ToJson(), k1.ToBytes());
            Add(list, suite, SecretShare, dealt.SecretShares[1].ToJson(), dealt.SecretShares[1].ToBytes());
            Add(list, suite, Round1Secret, d1.ToJson(), d1.ToBytes());
            Add(list, suite, Round2Secret, d2.ToJson(), d2.ToBytes());
            Add(list, suite, Round2, sent[two].ToJson(), sent[two].ToBytes());
            Add(list, suite, Delta, deltas[one].ToJson(), deltas[one].ToBytes());
            Add(list, suite, Sigma, sigma.ToJson(), sigma.ToBytes());
        }

        return list;
    });

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach ((FrostCiphersuite suite, _, _) in FrostTestSuites.All)
        {
            foreach (SecretCodec codec in new[] { KeyPackage, SecretShare, Round1Secret, Round2Secret, Round2, Delta, Sigma })
            {
                data.Add(suite.Name, codec.Name);
            }
        }

        return data;
    }

    /// <summary>
    /// The reproduction: the opening quote of "signing_share" removed. The JsonException (whose message
    /// quoted a hex digit of the share) must not ride along, and nothing of the share may appear.
    /// </summary>
    [Fact]
    public void KeyPackage_WithoutTheOpeningQuoteOfSigningShare_DoesNotEchoTheShare()
    {
        Sample sample = s_samples.Value.First(s => s.Suite == FrostCiphersuite.Ed25519 && s.Codec == KeyPackage);
        string secretHex = Convert.ToHexStringLower(sample.Secrets[0]);
        int quote = sample.Json.IndexOf("\"" + secretHex, StringComparison.Ordinal);
        Assert.True(quote > 0);
        string malformed = sample.Json.Remove(quote, 1);

        FintechCryptoException e = Assert.ThrowsAny<FintechCryptoException>(() => FrostKeyPackage.FromJson(malformed));
        SecretEcho.AssertClean(e, sample.Secrets, malformed, [.. Mask(sample.Json, sample.Secrets).Take(quote), .. Mask(sample.Json, sample.Secrets).Skip(quote + 1)], "key package without the opening quote", quote);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MalformedJson_AtEveryPosition_DoesNotEchoTheSecret(string suiteName, string codecName)
    {
        Sample sample = Find(suiteName, codecName);
        bool[] mask = Mask(sample.Json, sample.Secrets);
        for (int i = 0; i < sample.Json.Length; i++)
        {
            Check(sample, sample.Json.Remove(i, 1), [.. mask.Take(i), .. mask.Skip(i + 1)], $"delete {i}", i);
            foreach (char c in s_replacements)
            {
                if (sample.Json[i] != c)
                {
                    Check(sample, sample.Json[..i] + c + sample.Json[(i + 1)..], mask, $"replace {i} with '{c}'", i);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MalformedBytes_AtEveryPosition_DoesNotEchoTheSecret(string suiteName, string codecName)
    {
        Sample sample = Find(suiteName, codecName);
        for (int i = 0; i < sample.Bytes.Length; i++)
        {
            CheckBytes(sample, [.. sample.Bytes.Take(i), .. sample.Bytes.Skip(i + 1)], $"delete byte {i}");
            foreach (byte b in s_byteReplacements)
            {
                byte[] replaced = (byte[])sample.Bytes.Clone();
                replaced[i] = b;
                CheckBytes(sample, replaced, $"replace byte {i} with {b:x2}");
            }
        }
    }

    /// <summary>FsCheck: one to four random deletions or replacements anywhere in the JSON of any type and suite.</summary>
    [Property(MaxTest = 300)]
    public Property RandomlyMutatedJson_DoesNotEchoTheSecret() => Prop.ForAll(
        SecretEcho.ByteEdits,
        input =>
        {
            Sample sample = s_samples.Value[input.Pick % s_samples.Value.Count];
            CheckBytes(sample, SecretEcho.ApplyEdits(sample.Bytes, input.Edits), "random edits");
        });

    private static void Add(List<Sample> list, FrostCiphersuite suite, SecretCodec codec, string json, byte[] bytes)
    {
        JsonNode root = JsonNode.Parse(json)!;
        var secrets = new List<byte[]>();
        foreach (string field in codec.SecretFields)
        {
            JsonNode node = root[field]!;
            IEnumerable<JsonNode?> values = node is JsonArray array ? array : new JsonNode?[] { node };
            secrets.AddRange(values.Select(v => Convert.FromHexString(v!.GetValue<string>())));
        }

        Assert.NotEmpty(secrets);
        list.Add(new Sample(suite, codec, json, bytes, [.. secrets]));
    }

    private static Sample Find(string suiteName, string codecName) =>
        s_samples.Value.First(s => s.Suite.Name == suiteName && s.Codec.Name == codecName);

    // Marks the characters of the JSON text that belong to a secret's hex.
    private static bool[] Mask(string json, byte[][] secrets)
    {
        bool[] mask = new bool[json.Length];
        foreach (byte[] secret in secrets)
        {
            string hex = Convert.ToHexStringLower(secret);
            int at = json.IndexOf(hex, StringComparison.Ordinal);
            if (at >= 0)
            {
                Array.Fill(mask, true, at, hex.Length);
            }
        }

        return mask;
    }

    private static void Check(Sample sample, string malformed, bool[] mask, string what, int mutationAt = -1)
    {
        string where = $"{sample.Suite.Name} {sample.Codec.Name} JSON, {what}";
        try
        {
            (sample.Codec.FromJson(malformed) as IDisposable)?.Dispose();
        }
        catch (Exception e)
        {
            SecretEcho.AssertClean(e, sample.Secrets, malformed, mask, where, mutationAt);
        }
    }

    private static void CheckBytes(Sample sample, byte[] malformed, string what)
    {
        string where = $"{sample.Suite.Name} {sample.Codec.Name} bytes, {what}";
        try
        {
            (sample.Codec.FromBytes(malformed) as IDisposable)?.Dispose();
        }
        catch (Exception e)
        {
            SecretEcho.AssertClean(e, sample.Secrets, null, null, where);
        }
    }
}
