using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FintechCrypto.Testing;
using FintechCrypto.Tests.Vectors;
using Xunit;

namespace FintechCrypto.Tests.MlDsa;

/// <summary>
/// ML-DSA (FIPS 204) known answers: the NIST ACVP keyGen, sigGen and sigVer sets and the 9 Wycheproof mldsa_* files,
/// with exact counts, the reason each invalid case is refused, proof that the runners fail on tampered cases, and the
/// contract of the testing-only entry points of <see cref="MlDsaTesting"/>.
/// </summary>
[Trait("Category", "KnownAnswer")]
public sealed class MlDsaVectorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fintechcrypto-mldsa-").FullName;

    /// <summary>Every mldsa_* file and its number of cases (each must pass).</summary>
    public static TheoryData<string, int> WycheproofFiles => new()
    {
        { "wycheproof/mldsa_44_sign_seed_test.json", 86 },
        { "wycheproof/mldsa_65_sign_seed_test.json", 105 },
        { "wycheproof/mldsa_87_sign_seed_test.json", 96 },
        { "wycheproof/mldsa_44_sign_noseed_test.json", 73 },
        { "wycheproof/mldsa_65_sign_noseed_test.json", 78 },
        { "wycheproof/mldsa_87_sign_noseed_test.json", 69 },
        { "wycheproof/mldsa_44_verify_test.json", 180 },
        { "wycheproof/mldsa_65_verify_test.json", 210 },
        { "wycheproof/mldsa_87_verify_test.json", 241 },
    };

    public static TheoryData<string> Names => new() { "ML-DSA-44", "ML-DSA-65", "ML-DSA-87" };

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("acvp/ML-DSA-keyGen-FIPS204/internalProjection.json", 75)]
    [InlineData("acvp/ML-DSA-sigGen-FIPS204/internalProjection.json", 60)]
    public void AcvpInternalProjection_EveryCasePasses(string manifestPath, int cases)
    {
        var log = new StringWriter();
        VectorRunResult result = AcvpRunner.Run(VectorFiles.Resolve(manifestPath), null, log);

        Assert.True(result.Failed == 0, $"{result.Failed} failure(s):\n{log}");
        Assert.Equal((cases, 0, 0), (result.Passed, result.Failed, result.Skipped));
    }

    [Theory]
    [InlineData("ML-DSA-keyGen-FIPS204", 75)]
    [InlineData("ML-DSA-sigGen-FIPS204", 60)]
    [InlineData("ML-DSA-sigVer-FIPS204", 180)]
    public void AcvpPrompt_JoinedWithExpectedResults_EveryCasePasses(string set, int cases)
    {
        var log = new StringWriter();
        VectorRunResult result = AcvpRunner.Run(
            VectorFiles.Resolve($"acvp/{set}/prompt.json"), VectorFiles.Resolve($"acvp/{set}/expectedResults.json"), log);

        Assert.True(result.Failed == 0, $"{result.Failed} failure(s):\n{log}");
        Assert.Equal((cases, 0, 0), (result.Passed, result.Failed, result.Skipped));
    }

    /// <summary>sigVer covers every interface: external pure and preHash (all 12 hashAlgs), internal with and without μ.</summary>
    [Fact]
    public void AcvpSigVer_CoversEveryInterfaceAndPreHash_WithBothVerdicts()
    {
        string prompt = VectorFiles.Resolve("acvp/ML-DSA-sigVer-FIPS204/prompt.json");
        string expected = VectorFiles.Resolve("acvp/ML-DSA-sigVer-FIPS204/expectedResults.json");
        using AcvpVectorSet set = AcvpVectorSet.Load(prompt, expected);
        var kinds = set.Groups.Select(g => g.GetString("signatureInterface") == "external"
            ? $"external/{g.GetString("preHash")}"
            : $"internal/externalMu={g.Json.GetProperty("externalMu").GetBoolean()}").ToHashSet();
        Assert.Equal(new HashSet<string> { "external/pure", "external/preHash", "internal/externalMu=True", "internal/externalMu=False" }, kinds);

        var hashes = set.Groups.SelectMany(g => g.Tests).Where(t => t.TryGet("hashAlg", out _))
            .Select(t => { t.TryGet("hashAlg", out var h); return h.GetString()!; }).ToHashSet();
        Assert.Equal(12, hashes.Count);
        Assert.All(hashes, h => Assert.NotNull(MlDsaAcvpHandler.PreHashName(h)));

        var verdicts = set.Groups.SelectMany(g => g.Tests).Select(t => { t.TryGet("testPassed", out var p); return p.GetBoolean(); }).ToList();
        Assert.Equal((36, 144), (verdicts.Count(v => v), verdicts.Count(v => !v)));

        VectorRunResult result = AcvpRunner.Run(prompt, expected, TextWriter.Null);
        Assert.Equal(12, result.Groups.Count);
        Assert.All(result.Groups, g => Assert.Equal((15, 0, 0), (g.Passed, g.Failed, g.Skipped)));
    }

    [Theory]
    [MemberData(nameof(WycheproofFiles))]
    public void WycheproofFile_EveryCasePasses(string manifestPath, int cases)
    {
        string path = VectorFiles.Resolve(manifestPath);
        var log = new StringWriter();
        VectorRunResult result = WycheproofRunner.Run(path, log);

        Assert.True(result.Failed == 0, $"{result.Failed} failure(s) in {manifestPath}:\n{log}");
        Assert.Equal(VectorSets.NumberOfTests(path), cases);
        Assert.Equal((cases, 0, 0), (result.Passed, result.Failed, result.Skipped));
    }

    [Fact]
    public void EveryWycheproofMlDsaFileOfTheManifestIsCounted()
    {
        string[] listed = WycheproofFiles.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToArray();
        string[] manifest = VectorFiles.Manifest.Files
            .Where(f => f.Kind == "wycheproof" && f.Path.StartsWith("wycheproof/mldsa_", StringComparison.Ordinal))
            .Select(f => f.Path).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(listed, manifest);
    }

    /// <summary>
    /// Each invalid case is refused for the reason its flags give: a malformed key at import
    /// (InvalidKeyEncodingException: a seed, sk or pk of the wrong length, an sk with s1 or s2 out of range), a context
    /// over 255 bytes by Sign / Verify (ArgumentException), and every bad signature by Verify returning false.
    /// </summary>
    [Theory]
    [MemberData(nameof(WycheproofFiles))]
    public void WycheproofInvalidCase_IsRefusedForItsReason(string manifestPath, int cases)
    {
        using WycheproofFile file = WycheproofFile.Load(VectorFiles.Resolve(manifestPath));
        Assert.Equal(cases, file.TestCount);
        IWycheproofFamily family = WycheproofFamilies.Find(file.Algorithm, file.Schema)!;
        int invalid = 0;
        foreach (WycheproofGroup group in file.Groups)
        {
            foreach (WycheproofTest test in group.Tests.Where(t => t.Result == WycheproofExpectation.Invalid))
            {
                invalid++;
                Type? expected = ExpectedRefusal(test);
                CaseOutcome outcome = default;
                Exception? thrown = Record.Exception(() => outcome = family.Run(group, test));
                string what = $"{manifestPath} tcId {test.TcId} \"{test.Comment}\"";
                if (expected is null)
                {
                    Assert.True(thrown is null, $"{what}: expected Verify to say false, got {thrown?.GetType().Name}");
                    Assert.Equal((CaseVerdict.Rejected, "the signature did not verify"), (outcome.Verdict, outcome.Detail));
                }
                else
                {
                    Assert.True(thrown?.GetType() == expected, $"{what}: expected {expected.Name}, got {thrown?.GetType().Name ?? "no exception"}");
                }
            }
        }

        Assert.True(invalid > 0);
    }

    [Fact]
    public void WycheproofRunner_FailsTamperedSigningCases()
    {
        var root = JsonNode.Parse(File.ReadAllText(VectorFiles.Resolve("wycheproof/mldsa_65_sign_seed_test.json")))!;
        JsonNode Find(string flag) => Tests(root).First(t => t["flags"]!.AsArray().Any(f => (string?)f == flag) && (string?)t["result"] == "valid");
        JsonNode randomized = Find("Randomized");
        randomized["rnd"] = FlipLastHexDigit((string)randomized["rnd"]!);        // another rnd: another signature
        JsonNode internalCase = Find("Internal");
        internalCase["mu"] = FlipLastHexDigit((string)internalCase["mu"]!);        // another μ
        JsonNode deterministic = Tests(root).First(t => (string?)t["result"] == "valid" && t["msg"] is not null && t["rnd"] is null);
        deterministic["mu"] = FlipLastHexDigit((string)deterministic["mu"]!);      // μ must be H(tr ‖ M', 64)
        JsonNode context = Tests(root).Last(t => (string?)t["result"] == "valid" && t["msg"] is not null && t["rnd"] is null);
        context["ctx"] = "00";                                                      // μ and the signature cover the context
        string path = Path.Combine(_directory, "sign.json");
        File.WriteAllText(path, root.ToJsonString());

        var log = new StringWriter();
        VectorRunResult result = WycheproofRunner.Run(path, log);

        Assert.Equal((101, 4, 0), (result.Passed, result.Failed, result.Skipped));
        foreach (JsonNode t in new[] { randomized, internalCase, deterministic, context })
        {
            Assert.Contains($"FAILED tcId {(int)t["tcId"]!}", log.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WycheproofRunner_FailsTamperedVerificationCases()
    {
        var root = JsonNode.Parse(File.ReadAllText(VectorFiles.Resolve("wycheproof/mldsa_44_verify_test.json")))!;
        JsonNode valid = Tests(root).First(t => (string?)t["result"] == "valid");
        valid["msg"] = FlipLastHexDigit((string)valid["msg"]!);
        JsonNode norm = Tests(root).First(t => t["flags"]!.AsArray().Any(f => (string?)f == "InfinityNormViolation"));
        norm["result"] = "valid";                                                   // the library must refuse it
        string path = Path.Combine(_directory, "verify.json");
        File.WriteAllText(path, root.ToJsonString());

        var log = new StringWriter();
        VectorRunResult result = WycheproofRunner.Run(path, log);

        Assert.Equal((178, 2, 0), (result.Passed, result.Failed, result.Skipped));
        Assert.Contains($"FAILED tcId {(int)valid["tcId"]!}", log.ToString(), StringComparison.Ordinal);
        Assert.Contains($"FAILED tcId {(int)norm["tcId"]!}", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AcvpRunner_FailsTamperedCases()
    {
        var keyGen = JsonNode.Parse(File.ReadAllText(VectorFiles.Resolve("acvp/ML-DSA-keyGen-FIPS204/internalProjection.json")))!;
        JsonNode key = keyGen["testGroups"]![2]!["tests"]![0]!;
        key["sk"] = FlipLastHexDigit((string)key["sk"]!);
        Assert.Equal((74, 1, 0), Run(keyGen, "keyGen.json"));

        var sigGen = JsonNode.Parse(File.ReadAllText(VectorFiles.Resolve("acvp/ML-DSA-sigGen-FIPS204/internalProjection.json")))!;
        JsonArray groups = sigGen["testGroups"]!.AsArray();
        JsonNode deterministic = groups.First(g => (bool)g!["deterministic"]!)!["tests"]![0]!;
        deterministic["message"] = FlipLastHexDigit((string)deterministic["message"]!);
        JsonNode hedged = groups.First(g => !(bool)g!["deterministic"]!)!["tests"]![0]!;
        hedged["rnd"] = FlipLastHexDigit((string)hedged["rnd"]!);
        Assert.Equal((58, 2, 0), Run(sigGen, "sigGen.json"));

        var sigVer = JsonNode.Parse(File.ReadAllText(VectorFiles.Resolve("acvp/ML-DSA-sigVer-FIPS204/expectedResults.json")))!;
        foreach (JsonNode? group in sigVer["testGroups"]!.AsArray())
        {
            JsonNode test = group!["tests"]![0]!;
            test["testPassed"] = !(bool)test["testPassed"]!;
        }

        string expected = Path.Combine(_directory, "expectedResults.json");
        File.WriteAllText(expected, sigVer.ToJsonString());
        VectorRunResult result = AcvpRunner.Run(VectorFiles.Resolve("acvp/ML-DSA-sigVer-FIPS204/prompt.json"), expected, TextWriter.Null);
        Assert.Equal((168, 12, 0), (result.Passed, result.Failed, result.Skipped));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TestingEntryPoints_AgreeWithThePublicApi(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        using SigningKey key = SigningKey.Generate(algorithm);
        byte[] message = RandomNumberGenerator.GetBytes(77);
        byte[] context = RandomNumberGenerator.GetBytes(9);
        byte[] zero = new byte[MlDsaTesting.RandomnessSize];
        byte[] deterministic = key.Sign(message, context, SigningMode.Deterministic);

        // rnd = 0³² is the deterministic variant (FIPS 204 §3.4) ...
        Assert.Equal(deterministic, MlDsaTesting.SignWithRandomnessForTesting(key, message, context, zero));

        // ... Sign is Sign_internal on M' = 0 ‖ |ctx| ‖ ctx ‖ M (Algorithm 2 step 10) ...
        byte[] messagePrime = [0, (byte)context.Length, .. context, .. message];
        Assert.Equal(deterministic, MlDsaTesting.SignInternalForTesting(key, messagePrime, zero));
        Assert.True(MlDsaTesting.VerifyInternalForTesting(key.PublicKey, messagePrime, deterministic));

        // ... and Sign_internal is the external-μ signature of μ = H(tr ‖ M', 64).
        byte[] mu = MlDsaTesting.ComputeMuForTesting(key.PublicKey, message, context);
        Assert.Equal(deterministic, MlDsaTesting.SignExternalMuForTesting(key, mu, zero));
        Assert.True(MlDsaTesting.VerifyExternalMuForTesting(key.PublicKey, mu, deterministic));
        mu[0] ^= 1;
        Assert.False(MlDsaTesting.VerifyExternalMuForTesting(key.PublicKey, mu, deterministic));

        // Another rnd: another signature (hedged), still valid.
        byte[] rnd = RandomNumberGenerator.GetBytes(32);
        byte[] hedged = MlDsaTesting.SignWithRandomnessForTesting(key, message, context, rnd);
        Assert.NotEqual(deterministic, hedged);
        Assert.Equal(hedged, MlDsaTesting.SignWithRandomnessForTesting(key, message, context, rnd));
        Assert.True(key.PublicKey.Verify(message, hedged, context));

        // HashML-DSA (Algorithm 4) with rnd = 0³² is SignPreHash's deterministic variant.
        foreach (string hashName in new[] { "SHA256", "SHA512/224", "SHA3-384", "SHAKE128", "SHAKE256" })
        {
            var hash = new HashAlgorithmName(hashName);
            (_, int length) = PreHash.Describe(hash, "hash");
            byte[] ph = new byte[length];
            PreHash.Compute(hash, message, ph);
            byte[] expected = new byte[algorithm.SignatureSize];
            key.SignPreHash(ph, hash, expected, context, SigningMode.Deterministic);
            Assert.Equal(expected, MlDsaTesting.SignPreHashWithRandomnessForTesting(key, ph, hash, context, zero));
        }
    }

    [Fact]
    public void TestingEntryPoints_RefuseBadArguments()
    {
        using SigningKey key = SigningKey.Generate(SignatureAlgorithm.MlDsa44);
        using SigningKey ed25519 = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        byte[] rnd = new byte[32];
        byte[] mu = new byte[64];
        Assert.Throws<ArgumentException>(() => MlDsaTesting.SignInternalForTesting(key, [1, 2], new byte[31]));
        Assert.Throws<ArgumentException>(() => MlDsaTesting.SignExternalMuForTesting(key, new byte[63], rnd));
        Assert.Throws<ArgumentException>(() => MlDsaTesting.SignExternalMuForTesting(key, mu, new byte[33]));
        Assert.Throws<ArgumentException>(() => MlDsaTesting.SignWithRandomnessForTesting(key, [1], new byte[256], rnd));
        Assert.Throws<ArgumentException>(() => MlDsaTesting.ComputeMuForTesting(key.PublicKey, [1], new byte[256]));
        Assert.Throws<ArgumentException>(() => MlDsaTesting.SignPreHashWithRandomnessForTesting(key, new byte[31], HashAlgorithmName.SHA256, default, rnd));
        Assert.Throws<ArgumentException>(() => MlDsaTesting.SignPreHashWithRandomnessForTesting(key, new byte[32], HashAlgorithmName.MD5, default, rnd));
        Assert.Throws<ArgumentException>(() => MlDsaTesting.SignInternalForTesting(ed25519, [1], rnd));
        Assert.Throws<ArgumentException>(() => MlDsaTesting.VerifyInternalForTesting(ed25519.PublicKey, [1], new byte[64]));
        Assert.Throws<ArgumentNullException>(() => MlDsaTesting.SignInternalForTesting(null!, [1], rnd));

        // A wrong μ or signature length is simply invalid.
        byte[] signature = MlDsaTesting.SignExternalMuForTesting(key, mu, rnd);
        Assert.False(MlDsaTesting.VerifyExternalMuForTesting(key.PublicKey, new byte[63], signature));
        Assert.False(MlDsaTesting.VerifyExternalMuForTesting(key.PublicKey, mu, signature[..^1]));
        Assert.True(MlDsaTesting.VerifyExternalMuForTesting(key.PublicKey, mu, signature));
    }

    /// <summary>The exception an invalid case must raise, or null when Verify must simply say false.</summary>
    private static Type? ExpectedRefusal(WycheproofTest test)
    {
        if (test.Flags.Contains("InvalidContext"))
        {
            return typeof(ArgumentException);
        }

        if (test.Flags.Any(f => f is "IncorrectPrivateKeyLength" or "InvalidPrivateKey" or "IncorrectPublicKeyLength"))
        {
            return typeof(InvalidKeyEncodingException);
        }

        return null;
    }

    private (int, int, int) Run(JsonNode root, string name)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, root.ToJsonString());
        VectorRunResult result = AcvpRunner.Run(path, null, TextWriter.Null);
        return (result.Passed, result.Failed, result.Skipped);
    }

    private static IEnumerable<JsonNode> Tests(JsonNode root) =>
        root["testGroups"]!.AsArray().SelectMany(g => g!["tests"]!.AsArray()).Select(t => t!);

    private static string FlipLastHexDigit(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');
}
