using System;
using System.IO;
using System.Security.Cryptography;
using FintechCrypto.Testing;
using Xunit;

namespace FintechCrypto.Tests.Vectors;

/// <summary>The runner's own semantics on small hand-made files, so that a runner that passes everything would be caught.</summary>
[Trait("Category", "KnownAnswer")]
public sealed class WycheproofRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fintechcrypto-wycheproof-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ValidInvalidAndAcceptableAreJudged()
    {
        byte[] key = new byte[32];
        byte[] msg = { 1, 2, 3 };
        string good = Convert.ToHexStringLower(HMACSHA256.HashData(key, msg));
        string bad = "00" + good[2..];
        string file = Write("HMACSHA256", "mac_test_schema_v1.json", 5, $$"""
            [{ "type": "MacTest", "keySize": 256, "tagSize": 256, "tests": [
              { "tcId": 1, "comment": "", "flags": [], "key": "{{Hex(key)}}", "msg": "010203", "tag": "{{good}}", "result": "valid" },
              { "tcId": 2, "comment": "wrong tag marked valid", "flags": [], "key": "{{Hex(key)}}", "msg": "010203", "tag": "{{bad}}", "result": "valid" },
              { "tcId": 3, "comment": "right tag marked invalid", "flags": [], "key": "{{Hex(key)}}", "msg": "010203", "tag": "{{good}}", "result": "invalid" },
              { "tcId": 4, "comment": "", "flags": ["Odd"], "key": "{{Hex(key)}}", "msg": "010203", "tag": "{{bad}}", "result": "acceptable" },
              { "tcId": 5, "comment": "", "flags": [], "key": "{{Hex(key)}}", "msg": "010203", "tag": "{{bad}}", "result": "invalid" }
            ]}]
            """);

        var log = new StringWriter();
        VectorRunResult result = WycheproofRunner.Run(file, log);

        Assert.Equal(3, result.Passed);
        Assert.Equal(2, result.Failed);
        Assert.Equal(0, result.Skipped);
        Assert.Contains("FAILED tcId 2", log.ToString());
        Assert.Contains("FAILED tcId 3", log.ToString());
        Assert.Contains("acceptable tcId 4 [Odd]: rejected", log.ToString());
    }

    [Fact]
    public void WrongOutputOfAnAcceptedCaseFails()
    {
        string file = Write("HKDF-SHA-256", "hkdf_test_schema_v1.json", 1, """
            [{ "type": "HkdfTest", "keySize": 128, "tests": [
              { "tcId": 1, "comment": "", "flags": [], "ikm": "00", "salt": "", "info": "", "size": 4, "okm": "00000000", "result": "valid" }
            ]}]
            """);

        var log = new StringWriter();
        VectorRunResult result = WycheproofRunner.Run(file, log);

        Assert.Equal(1, result.Failed);
        Assert.Contains("another output", log.ToString());
    }

    [Fact]
    public void PostQuantumFamilyIsSkippedWithTheIssue()
    {
        string file = Write("SLH-DSA-SHA2-128s", "slhdsa_verify_schema.json", 1, """
            [{ "type": "SlhDsaVerify", "tests": [ { "tcId": 1, "flags": [], "result": "valid" } ]}]
            """);

        var log = new StringWriter();
        VectorRunResult result = WycheproofRunner.Run(file, log);

        Assert.Equal((0, 0, 1), (result.Passed, result.Failed, result.Skipped));
        Assert.Contains("SLH-DSA is not implemented yet (issue 4)", log.ToString());
    }

    [Fact]
    public void UnknownAlgorithmIsAVectorFileException()
    {
        string file = Write("SIPHASH", "mac_test_schema_v1.json", 0, "[]");
        VectorFileException e = Assert.Throws<VectorFileException>(() => WycheproofRunner.Run(file, TextWriter.Null));
        Assert.Contains("SIPHASH", e.Message);
    }

    [Fact]
    public void NonVectorFilesAreVectorFileExceptions()
    {
        string notJson = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(notJson, "# not JSON");
        string otherJson = Path.Combine(_directory, "other.json");
        File.WriteAllText(otherJson, """{ "vectors": [] }""");
        string badHex = Write("HMACSHA256", "mac_test_schema_v1.json", 1, """
            [{ "type": "MacTest", "keySize": 256, "tagSize": 256, "tests": [
              { "tcId": 1, "comment": "", "flags": [], "key": "zz", "msg": "", "tag": "", "result": "valid" } ]}]
            """);

        Assert.Throws<VectorFileException>(() => WycheproofRunner.Run(notJson, TextWriter.Null));
        Assert.Throws<VectorFileException>(() => WycheproofRunner.Run(otherJson, TextWriter.Null));
        Assert.Throws<VectorFileException>(() => WycheproofRunner.Run(Path.Combine(_directory, "missing.json"), TextWriter.Null));
        VectorFileException e = Assert.Throws<VectorFileException>(() => WycheproofRunner.Run(badHex, TextWriter.Null));
        Assert.Contains("tcId 1", e.Message);
    }

    [Fact]
    public void EcdhPrivateKeysAreNormalisedToThirtyTwoBytes()
    {
        Assert.Equal(32, KeyAgreementFamily.NormaliseScalar(new byte[] { 3 }).Length);
        Assert.Equal(3, KeyAgreementFamily.NormaliseScalar(new byte[] { 3 })[31]);
        byte[] withSignByte = new byte[33];
        withSignByte[1] = 0xE4;
        Assert.Equal(0xE4, KeyAgreementFamily.NormaliseScalar(withSignByte)[0]);
        Assert.Equal(32, KeyAgreementFamily.NormaliseScalar(withSignByte).Length);
    }

    private static string Hex(byte[] b) => Convert.ToHexStringLower(b);

    private string Write(string algorithm, string schema, int numberOfTests, string groups)
    {
        string path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""{ "algorithm": "{{algorithm}}", "schema": "{{schema}}", "numberOfTests": {{numberOfTests}}, "testGroups": {{groups}} }""");
        return path;
    }
}
