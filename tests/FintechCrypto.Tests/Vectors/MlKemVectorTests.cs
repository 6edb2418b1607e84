using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using FintechCrypto.Testing;
using Xunit;

namespace FintechCrypto.Tests.Vectors;

/// <summary>
/// ML-KEM (FIPS 203) known answers: the NIST ACVP sets and the 12 Wycheproof mlkem_* files, with exact counts, the
/// reason each invalid case is refused, and proof that the runners fail on a tampered case.
/// </summary>
[Trait("Category", "KnownAnswer")]
public sealed class MlKemVectorTests : IDisposable
{
    /// <summary>The tgIds of the decapsulationKeyCheck groups, whose prompt.json cases carry only a tcId (SOURCES.md).</summary>
    private static readonly int[] s_promptDefectGroups = { 10, 12, 14 };

    private readonly string _directory = Directory.CreateTempSubdirectory("fintechcrypto-mlkem-").FullName;

    /// <summary>Every mlkem_* file and its number of cases (each must pass).</summary>
    public static TheoryData<string, int> WycheproofFiles => new()
    {
        { "wycheproof/mlkem_512_test.json", 193 },
        { "wycheproof/mlkem_768_test.json", 193 },
        { "wycheproof/mlkem_1024_test.json", 193 },
        { "wycheproof/mlkem_512_encaps_test.json", 261 },
        { "wycheproof/mlkem_768_encaps_test.json", 265 },
        { "wycheproof/mlkem_1024_encaps_test.json", 269 },
        { "wycheproof/mlkem_512_keygen_seed_test.json", 100 },
        { "wycheproof/mlkem_768_keygen_seed_test.json", 100 },
        { "wycheproof/mlkem_1024_keygen_seed_test.json", 100 },
        { "wycheproof/mlkem_512_semi_expanded_decaps_test.json", 9 },
        { "wycheproof/mlkem_768_semi_expanded_decaps_test.json", 9 },
        { "wycheproof/mlkem_1024_semi_expanded_decaps_test.json", 9 },
    };

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("acvp/ML-KEM-keyGen-FIPS203/internalProjection.json", 75)]
    [InlineData("acvp/ML-KEM-encapDecap-FIPS203/internalProjection.json", 195)]
    public void AcvpInternalProjection_EveryCasePasses(string manifestPath, int cases)
    {
        var log = new StringWriter();
        VectorRunResult result = AcvpRunner.Run(VectorFiles.Resolve(manifestPath), null, log);

        Assert.True(result.Failed == 0, $"{result.Failed} failure(s):\n{log}");
        Assert.Equal((cases, 0, 0), (result.Passed, result.Failed, result.Skipped));
    }

    [Fact]
    public void AcvpKeyGenPrompt_JoinedWithExpectedResults_EveryCasePasses()
    {
        VectorRunResult result = AcvpRunner.Run(
            VectorFiles.Resolve("acvp/ML-KEM-keyGen-FIPS203/prompt.json"),
            VectorFiles.Resolve("acvp/ML-KEM-keyGen-FIPS203/expectedResults.json"),
            TextWriter.Null);

        Assert.Equal((75, 0, 0), (result.Passed, result.Failed, result.Skipped));
    }

    [Fact]
    public void AcvpEncapDecapPrompt_SkipsExactlyTheDecapsulationKeyCheckCasesWithoutInputs()
    {
        string prompt = VectorFiles.Resolve("acvp/ML-KEM-encapDecap-FIPS203/prompt.json");
        var log = new StringWriter();
        VectorRunResult result = AcvpRunner.Run(prompt, VectorFiles.Resolve("acvp/ML-KEM-encapDecap-FIPS203/expectedResults.json"), log);

        Assert.Equal((165, 0, 30), (result.Passed, result.Failed, result.Skipped));
        using AcvpVectorSet set = AcvpVectorSet.Load(prompt);
        for (int i = 0; i < set.Groups.Count; i++)
        {
            AcvpGroup group = set.Groups[i];
            bool defect = s_promptDefectGroups.Contains(group.TgId);
            Assert.Equal(defect, group.GetString("function") == "decapsulationKeyCheck");
            Assert.Equal(defect, group.Tests.All(t => !t.HasInputs));
            Assert.Equal(defect ? (0, 10) : (group.Tests.Count, 0), (result.Groups[i].Passed, result.Groups[i].Skipped));
        }

        Assert.Equal(30, CountOccurrences(log.ToString(), "carries no inputs (a known prompt.json defect"));
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
    public void EveryWycheproofMlKemFileOfTheManifestIsCounted()
    {
        string[] listed = WycheproofFiles.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(listed, VectorSets.MlKemWycheproofPaths().Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// Each invalid case is refused for the reason the file gives: a malformed key at import
    /// (InvalidKeyEncodingException: wrong seed or key length, the §7.2 modulus check, the §7.3 hash check) or a
    /// ciphertext of the wrong length at Decapsulate (ArgumentException).
    /// </summary>
    [Theory]
    [MemberData(nameof(WycheproofFiles))]
    public void WycheproofInvalidCase_IsRefusedForItsReason(string manifestPath, int cases)
    {
        using WycheproofFile file = WycheproofFile.Load(VectorFiles.Resolve(manifestPath));
        Assert.Equal(cases, file.TestCount);
        IWycheproofFamily family = WycheproofFamilies.Find(file.Algorithm, file.Schema)!;
        foreach (WycheproofGroup group in file.Groups)
        {
            foreach (WycheproofTest test in group.Tests.Where(t => t.Result == WycheproofExpectation.Invalid))
            {
                Type expected = ExpectedRefusal(test);
                Exception? thrown = Record.Exception(() => family.Run(group, test));
                Assert.True(thrown is not null && thrown.GetType() == expected, $"{manifestPath} tcId {test.TcId} \"{test.Comment}\": expected {expected.Name}, got {thrown?.GetType().Name ?? "no exception"}");
            }
        }
    }

    [Fact]
    public void WycheproofRunner_FailsTamperedMlKemCases()
    {
        var root = JsonNode.Parse(File.ReadAllText(VectorFiles.Resolve("wycheproof/mlkem_768_encaps_test.json")))!;
        JsonNode valid = Tests(root).First(t => (string?)t["result"] == "valid");
        valid["K"] = FlipLastHexDigit((string)valid["K"]!);                      // a wrong shared secret
        JsonNode overflow = Tests(root).First(t => t["flags"]!.AsArray().Any(f => (string?)f == "ModulusOverflow"));
        overflow["result"] = "valid";                                              // the library must refuse this key
        string path = Path.Combine(_directory, "encaps.json");
        File.WriteAllText(path, root.ToJsonString());

        var log = new StringWriter();
        VectorRunResult result = WycheproofRunner.Run(path, log);

        Assert.Equal((263, 2, 0), (result.Passed, result.Failed, result.Skipped));
        Assert.Contains($"FAILED tcId {(int)valid["tcId"]!}", log.ToString(), StringComparison.Ordinal);
        Assert.Contains($"FAILED tcId {(int)overflow["tcId"]!}", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AcvpRunner_FailsTamperedMlKemCases()
    {
        var root = JsonNode.Parse(File.ReadAllText(VectorFiles.Resolve("acvp/ML-KEM-encapDecap-FIPS203/internalProjection.json")))!;
        JsonArray groups = root["testGroups"]!.AsArray();
        JsonNode Group(string function) => groups.First(g => (string?)g!["function"] == function)!;
        JsonNode encaps = Group("encapsulation")["tests"]![0]!;
        encaps["c"] = FlipLastHexDigit((string)encaps["c"]!);
        JsonNode decaps = Group("decapsulation")["tests"]![0]!;
        decaps["k"] = FlipLastHexDigit((string)decaps["k"]!);
        JsonNode check = Group("encapsulationKeyCheck")["tests"]![0]!;
        check["testPassed"] = !(bool)check["testPassed"]!;
        string path = Path.Combine(_directory, "internalProjection.json");
        File.WriteAllText(path, root.ToJsonString());

        VectorRunResult result = AcvpRunner.Run(path, null, TextWriter.Null);

        Assert.Equal((192, 3, 0), (result.Passed, result.Failed, result.Skipped));
    }

    private static Type ExpectedRefusal(WycheproofTest test)
    {
        if (test.Flags.Contains("IncorrectCiphertextLength") || test.Comment.StartsWith("Ciphertext too", StringComparison.Ordinal))
        {
            return typeof(ArgumentException);
        }

        return typeof(InvalidKeyEncodingException);
    }

    private static IEnumerable<JsonNode> Tests(JsonNode root) =>
        root["testGroups"]!.AsArray().SelectMany(g => g!["tests"]!.AsArray()).Select(t => t!);

    private static string FlipLastHexDigit(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');

    private static int CountOccurrences(string text, string what)
    {
        int count = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
