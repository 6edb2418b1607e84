using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FintechCrypto.Testing;
using Xunit;

namespace FintechCrypto.Tests.Cli;

/// <summary>`fintechcrypto sign keygen|sign|verify` for ML-DSA (cli.md, "Signatures", the ML-DSA-* row), and the vector runners on ML-DSA files.</summary>
public sealed class MlDsaCommandTests
{
    public static TheoryData<string, int, int, int> Algorithms => new()
    {
        // name, public key, private key, signature sizes (FIPS 204 Table 2)
        { "ML-DSA-44", 1312, 2560, 2420 },
        { "ML-DSA-65", 1952, 4032, 3309 },
        { "ML-DSA-87", 2592, 4896, 4627 },
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void KeygenSignVerify_RoundTrip(string alg, int pkSize, int skSize, int sigSize)
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", alg);
        string pk = keys.String("publicKey");
        string sk = keys.String("privateKey");
        string seed = keys.String("seed");
        Assert.Equal((pkSize, skSize, 32), (pk.Length / 2, sk.Length / 2, seed.Length / 2));
        Assert.Equal(pk.ToLowerInvariant(), pk);

        // Hedged by default: two signatures differ, both verify; --sk takes the sk or the seed, in either case.
        string sig1 = CliRunner.Ok("sign", "sign", "--alg", alg, "--sk", sk, "--msg", "48656c6c6f").String("signature");
        string sig2 = CliRunner.Ok("sign", "sign", "--alg", alg, "--sk", seed.ToUpperInvariant(), "--msg", "48656c6c6f").String("signature");
        Assert.Equal(sigSize, sig1.Length / 2);
        Assert.NotEqual(sig1, sig2);
        foreach (string sig in new[] { sig1, sig2 })
        {
            Assert.True(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", "48656c6c6f", "--sig", sig).Bool("valid"));
            Assert.False(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", "48656c6c6e", "--sig", sig).Bool("valid"));
        }

        // The empty message.
        string empty = CliRunner.Ok("sign", "sign", "--alg", alg, "--sk", sk, "--msg", "").String("signature");
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", "", "--sig", empty).Bool("valid"));

        // Keygen from the printed seed reproduces the key pair.
        CliResult again = CliRunner.Ok("sign", "keygen", "--alg", alg, "--seed", seed);
        Assert.Equal((pk, sk, seed), (again.String("publicKey"), again.String("privateKey"), again.String("seed")));
    }

    [Theory]
    [InlineData("ML-DSA-44")]
    [InlineData("ML-DSA-65")]
    [InlineData("ML-DSA-87")]
    public void AcvpKeyGen_KnownAnswers_ViaSeed(string alg)
    {
        using JsonDocument doc = Load("acvp/ML-DSA-keyGen-FIPS204/internalProjection.json");
        JsonElement group = doc.RootElement.GetProperty("testGroups").EnumerateArray().Single(g => g.GetProperty("parameterSet").GetString() == alg);
        foreach (JsonElement test in group.GetProperty("tests").EnumerateArray().Take(3))
        {
            CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", alg, "--seed", Field(test, "seed"));
            Assert.Equal(Field(test, "pk"), keys.String("publicKey"));
            Assert.Equal(Field(test, "sk"), keys.String("privateKey"));
            Assert.Equal(Field(test, "seed"), keys.String("seed"));
        }
    }

    [Fact]
    public void Deterministic_IsStable_AndMatchesWycheproof()
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", "ML-DSA-65");
        string sk = keys.String("privateKey");
        string first = CliRunner.Ok("sign", "sign", "--alg", "ML-DSA-65", "--sk", sk, "--msg", "01020304", "--deterministic").String("signature");
        Assert.Equal(first, CliRunner.Ok("sign", "sign", "--alg", "ML-DSA-65", "--sk", keys.String("seed"), "--msg", "01020304", "--deterministic").String("signature"));
        Assert.NotEqual(first, CliRunner.Ok("sign", "sign", "--alg", "ML-DSA-65", "--sk", sk, "--msg", "01020304").String("signature"));

        // Wycheproof's deterministic signatures (rnd = 0), from the seed and from the expanded sk, with contexts.
        foreach ((string file, string keyField) in new[] { ("wycheproof/mldsa_65_sign_seed_test.json", "privateSeed"), ("wycheproof/mldsa_44_sign_noseed_test.json", "privateKey") })
        {
            using JsonDocument doc = Load(file);
            string alg = doc.RootElement.GetProperty("algorithm").GetString()!;
            int checkedCases = 0;
            foreach (JsonElement group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
            {
                foreach (JsonElement test in group.GetProperty("tests").EnumerateArray().Where(t =>
                    t.GetProperty("result").GetString() == "valid" && t.TryGetProperty("msg", out _) && !t.TryGetProperty("rnd", out _)).Take(4))
                {
                    string[] ctx = test.TryGetProperty("ctx", out JsonElement c) ? ["--ctx", c.GetString()!] : [];
                    CliResult signed = CliRunner.Ok(["sign", "sign", "--alg", alg, "--sk", Field(group, keyField), "--msg", Field(test, "msg"), .. ctx, "--deterministic"]);
                    Assert.Equal(Field(test, "sig"), signed.String("signature"));
                    checkedCases++;
                }

                if (checkedCases >= 4)
                {
                    break;
                }
            }

            Assert.Equal(4, checkedCases);
        }
    }

    [Fact]
    public void Context_IsBoundToTheSignature()
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", "ML-DSA-44");
        string pk = keys.String("publicKey");
        string sk = keys.String("privateKey");
        string sig = CliRunner.Ok("sign", "sign", "--alg", "ML-DSA-44", "--sk", sk, "--msg", "aa", "--ctx", "0102").String("signature");
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", "ML-DSA-44", "--pk", pk, "--msg", "aa", "--sig", sig, "--ctx", "0102").Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", "ML-DSA-44", "--pk", pk, "--msg", "aa", "--sig", sig).Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", "ML-DSA-44", "--pk", pk, "--msg", "aa", "--sig", sig, "--ctx", "0103").Bool("valid"));

        // An empty --ctx is the empty context (the default); 255 bytes is the longest.
        string plain = CliRunner.Ok("sign", "sign", "--alg", "ML-DSA-44", "--sk", sk, "--msg", "aa", "--ctx", "").String("signature");
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", "ML-DSA-44", "--pk", pk, "--msg", "aa", "--sig", plain).Bool("valid"));
        string longest = new('7', 510);
        string sig255 = CliRunner.Ok("sign", "sign", "--alg", "ML-DSA-44", "--sk", sk, "--msg", "aa", "--ctx", longest).String("signature");
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", "ML-DSA-44", "--pk", pk, "--msg", "aa", "--sig", sig255, "--ctx", longest).Bool("valid"));

        Assert.Contains("--ctx", CliRunner.BadInput("sign", "sign", "--alg", "ML-DSA-44", "--sk", sk, "--msg", "aa", "--ctx", longest + "77").Error, StringComparison.Ordinal);
        Assert.Contains("--ctx", CliRunner.BadInput("sign", "verify", "--alg", "ML-DSA-44", "--pk", pk, "--msg", "aa", "--sig", sig255, "--ctx", longest + "77").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongLengthSignature_IsValidFalse()
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", "ML-DSA-87");
        string pk = keys.String("publicKey");
        string sig = CliRunner.Ok("sign", "sign", "--alg", "ML-DSA-87", "--sk", keys.String("privateKey"), "--msg", "00").String("signature");
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", "ML-DSA-87", "--pk", pk, "--msg", "00", "--sig", sig[..^2]).Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", "ML-DSA-87", "--pk", pk, "--msg", "00", "--sig", sig + "00").Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", "ML-DSA-87", "--pk", pk, "--msg", "00", "--sig", "").Bool("valid"));
    }

    [Fact]
    public void MalformedKeysAndSeeds_AreBadInput_WithoutEchoingThem()
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", "ML-DSA-65");
        string pk = keys.String("publicKey");
        string sk = keys.String("privateKey");
        string sig = CliRunner.Ok("sign", "sign", "--alg", "ML-DSA-65", "--sk", sk, "--msg", "00").String("signature");

        Assert.Contains("public key", CliRunner.BadInput("sign", "verify", "--alg", "ML-DSA-65", "--pk", pk[..^2], "--msg", "00", "--sig", sig).Error, StringComparison.Ordinal);
        CliResult otherSet = CliRunner.BadInput("sign", "verify", "--alg", "ML-DSA-44", "--pk", pk, "--msg", "00", "--sig", sig);
        Assert.Contains("ML-DSA-44", otherSet.Error, StringComparison.Ordinal);
        Assert.Contains("--seed", CliRunner.BadInput("sign", "keygen", "--alg", "ML-DSA-65", "--seed", new string('1', 62)).Error, StringComparison.Ordinal);
        CliResult shortSk = CliRunner.BadInput("sign", "sign", "--alg", "ML-DSA-65", "--sk", sk[..^2], "--msg", "00");

        // An sk whose s1 is out of range (Wycheproof's InvalidPrivateKey case; FIPS 204 skDecode range check).
        using JsonDocument doc = Load("wycheproof/mldsa_44_sign_noseed_test.json");
        JsonElement bad = doc.RootElement.GetProperty("testGroups").EnumerateArray()
            .First(g => g.GetProperty("tests").EnumerateArray().Any(t => t.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == "InvalidPrivateKey")));
        string badSk = Field(bad, "privateKey");
        CliResult outOfRange = CliRunner.BadInput("sign", "sign", "--alg", "ML-DSA-44", "--sk", badSk, "--msg", "00");

        foreach (CliResult r in new[] { shortSk, outOfRange })
        {
            Assert.DoesNotContain(sk[64..128], r.Stdout + r.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(badSk[64..128], r.Stdout + r.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Acvp_SigVerPromptWithExpectedResults_PassesThroughTheCli()
    {
        CliResult result = CliRunner.Ok(
            "acvp", VectorFiles.Resolve("acvp/ML-DSA-sigVer-FIPS204/prompt.json"),
            "--expected", VectorFiles.Resolve("acvp/ML-DSA-sigVer-FIPS204/expectedResults.json"));
        Assert.Equal((180, 0, 0), Counts(result));
    }

    [Theory]
    [InlineData("acvp/ML-DSA-keyGen-FIPS204/internalProjection.json", 75)]
    [InlineData("acvp/ML-DSA-sigGen-FIPS204/internalProjection.json", 60)]
    public void Acvp_InternalProjections_PassThroughTheCli(string manifestPath, int cases)
    {
        Assert.Equal((cases, 0, 0), Counts(CliRunner.Ok("acvp", VectorFiles.Resolve(manifestPath))));
    }

    [Fact]
    public void Wycheproof_Mldsa65Verify_PassesThroughTheCli()
    {
        CliResult result = CliRunner.Ok("wycheproof", VectorFiles.Resolve("wycheproof/mldsa_65_verify_test.json"));
        Assert.Equal((210, 0, 0), Counts(result));
        Assert.Contains("total: passed 210, failed 0, skipped 0", result.Stderr, StringComparison.Ordinal);
    }

    private static (int, int, int) Counts(CliResult result) =>
        (result.Json.GetProperty("passed").GetInt32(), result.Json.GetProperty("failed").GetInt32(), result.Json.GetProperty("skipped").GetInt32());

    private static JsonDocument Load(string manifestPath) => JsonDocument.Parse(File.ReadAllBytes(VectorFiles.Resolve(manifestPath)));

    /// <summary>A hex field, lowercased as the command prints hex (ACVP writes uppercase).</summary>
    private static string Field(JsonElement e, string name) => e.GetProperty(name).GetString()!.ToLowerInvariant();
}
