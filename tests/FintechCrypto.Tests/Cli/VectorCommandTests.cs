using System;
using System.IO;
using System.Text.Json.Nodes;
using FintechCrypto.Testing;
using Xunit;

namespace FintechCrypto.Tests.Cli;

/// <summary>`fintechcrypto wycheproof` and `fintechcrypto acvp` (cli.md, "Vector runners").</summary>
public sealed class VectorCommandTests
{
    [Theory]
    [InlineData("wycheproof/ed25519_test.json")]
    [InlineData("wycheproof/ecdsa_secp256r1_sha256_p1363_test.json")]
    public void Wycheproof_RealFile_PassesWithoutFailures(string manifestPath)
    {
        string path = VectorFiles.Resolve(manifestPath);
        CliResult result = CliRunner.Ok("wycheproof", path);
        Assert.Equal(0, result.Json.GetProperty("failed").GetInt32());
        Assert.True(result.Json.GetProperty("passed").GetInt32() > 0);
        Assert.True(result.Json.GetProperty("skipped").GetInt32() >= 0);
        Assert.False(string.IsNullOrWhiteSpace(result.Stderr)); // per-group counts for people
    }

    [Fact]
    public void Wycheproof_FileWithAContradictedCase_IsExit1()
    {
        var root = JsonNode.Parse(File.ReadAllText(VectorFiles.Resolve("wycheproof/ed25519_test.json")))!;
        JsonNode test = FirstTestWithResult(root, "valid");
        test["result"] = "invalid"; // the library (rightly) accepts this signature, so the case now fails
        string path = WriteTemp(root.ToJsonString());
        try
        {
            CliResult result = CliRunner.Run("wycheproof", path);
            Assert.Equal(1, result.ExitCode);
            Assert.Equal(1, result.Json.GetProperty("failed").GetInt32());
            Assert.True(result.Json.GetProperty("passed").GetInt32() > 0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{\"hello\": 1}")]
    [InlineData("[]")]
    [InlineData("this is not JSON")]
    [InlineData("")]
    [InlineData("{\"algorithm\": \"ROT13\", \"testGroups\": []}")]
    public void Wycheproof_NotAVectorFile_IsExit2(string content)
    {
        string path = WriteTemp(content);
        try
        {
            CliRunner.BadInput("wycheproof", path);
            CliRunner.BadInput("acvp", path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingOrUnreadableFiles_AreExit2()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"fc-missing-{Guid.NewGuid():N}.json");
        Assert.Contains("does not exist", CliRunner.BadInput("wycheproof", missing).Error, StringComparison.Ordinal);
        CliRunner.BadInput("acvp", missing);
        CliRunner.BadInput("wycheproof", Path.GetTempPath());
        CliRunner.BadInput("wycheproof");
        CliRunner.BadInput("acvp");
        string real = VectorFiles.Resolve("acvp/ML-KEM-keyGen-FIPS203/prompt.json");
        CliRunner.BadInput("acvp", real, "--expected", missing);
        CliRunner.BadInput("wycheproof", real, real);
        CliRunner.BadInput("wycheproof", real, "--expected", real);
    }

    [Fact]
    public void Acvp_InternalProjection_RunsWithoutFailures()
    {
        CliResult result = CliRunner.Ok("acvp", VectorFiles.Resolve("acvp/ML-KEM-keyGen-FIPS203/internalProjection.json"));
        Assert.Equal(0, result.Json.GetProperty("failed").GetInt32());
        Assert.True(result.Json.GetProperty("passed").GetInt32() + result.Json.GetProperty("skipped").GetInt32() > 0);
    }

    [Fact]
    public void Acvp_PromptWithExpected_RunsWithoutFailures()
    {
        CliResult result = CliRunner.Ok(
            "acvp", VectorFiles.Resolve("acvp/ML-KEM-keyGen-FIPS203/prompt.json"),
            "--expected", VectorFiles.Resolve("acvp/ML-KEM-keyGen-FIPS203/expectedResults.json"));
        Assert.Equal(0, result.Json.GetProperty("failed").GetInt32());
        Assert.True(result.Json.GetProperty("passed").GetInt32() + result.Json.GetProperty("skipped").GetInt32() > 0);
    }

    private static JsonNode FirstTestWithResult(JsonNode root, string expected)
    {
        foreach (JsonNode? group in root["testGroups"]!.AsArray())
        {
            foreach (JsonNode? test in group!["tests"]!.AsArray())
            {
                if ((string?)test!["result"] == expected)
                {
                    return test;
                }
            }
        }

        throw new InvalidOperationException($"no test with result {expected}");
    }

    private static string WriteTemp(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"fc-vectors-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }
}
