using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FintechCrypto.Testing;
using Xunit;

namespace FintechCrypto.Tests.Cli;

/// <summary>`fintechcrypto kem keygen|encaps|decaps` (cli.md, "KEM").</summary>
public sealed class KemCommandTests
{
    public static TheoryData<string, int, int, int, int> Algorithms => new()
    {
        // name, encapsulation key, decapsulation key, seed, ciphertext sizes (FIPS 203 Table 3; the X-Wing draft)
        { "ML-KEM-512", 800, 1632, 64, 768 },
        { "ML-KEM-768", 1184, 2400, 64, 1088 },
        { "ML-KEM-1024", 1568, 3168, 64, 1568 },
        { "X-Wing", 1216, 32, 32, 1120 },
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void KeygenEncapsDecaps_RoundTrip(string alg, int ekSize, int dkSize, int seedSize, int ctSize)
    {
        CliResult keys = CliRunner.Ok("kem", "keygen", "--alg", alg);
        string ek = keys.String("encapsulationKey");
        string dk = keys.String("decapsulationKey");
        string seed = keys.String("seed");
        Assert.Equal((ekSize, dkSize, seedSize), (ek.Length / 2, dk.Length / 2, seed.Length / 2));
        Assert.Equal(ek.ToLowerInvariant(), ek);
        Assert.Equal(dk.ToLowerInvariant(), dk);

        CliResult encaps = CliRunner.Ok("kem", "encaps", "--alg", alg, "--ek", ek);
        string ct = encaps.String("ciphertext");
        string ss = encaps.String("sharedSecret");
        Assert.Equal((ctSize, 32), (ct.Length / 2, ss.Length / 2));

        // --dk takes the expanded key or the seed; hex input in either case.
        Assert.Equal(ss, CliRunner.Ok("kem", "decaps", "--alg", alg, "--dk", dk, "--ct", ct).String("sharedSecret"));
        Assert.Equal(ss, CliRunner.Ok("kem", "decaps", "--alg", alg, "--dk", seed.ToUpperInvariant(), "--ct", ct.ToUpperInvariant()).String("sharedSecret"));

        // A second encapsulation draws fresh randomness.
        Assert.NotEqual(ct, CliRunner.Ok("kem", "encaps", "--alg", alg, "--ek", ek).String("ciphertext"));

        // Keygen from the printed seed reproduces the same key pair.
        CliResult again = CliRunner.Ok("kem", "keygen", "--alg", alg, "--seed", seed);
        Assert.Equal((ek, dk, seed), (again.String("encapsulationKey"), again.String("decapsulationKey"), again.String("seed")));

        // A changed ciphertext is not an error: ML-KEM's implicit rejection (and X-Wing's) gives another secret.
        string tampered = (ct[0] == '0' ? "1" : "0") + ct[1..];
        Assert.NotEqual(ss, CliRunner.Ok("kem", "decaps", "--alg", alg, "--dk", dk, "--ct", tampered).String("sharedSecret"));
    }

    [Theory]
    [InlineData("ML-KEM-512")]
    [InlineData("ML-KEM-768")]
    [InlineData("ML-KEM-1024")]
    [InlineData("X-Wing")]
    public void Entropy_MakesEncapsulationDeterministic(string alg)
    {
        string ek = CliRunner.Ok("kem", "keygen", "--alg", alg).String("encapsulationKey");
        string entropy = new string('a', alg == "X-Wing" ? 128 : 64);
        CliResult first = CliRunner.Ok("kem", "encaps", "--alg", alg, "--ek", ek, "--entropy", entropy);
        CliResult second = CliRunner.Ok("kem", "encaps", "--alg", alg, "--ek", ek, "--entropy", entropy);
        Assert.Equal(first.String("ciphertext"), second.String("ciphertext"));
        Assert.Equal(first.String("sharedSecret"), second.String("sharedSecret"));
    }

    [Fact]
    public void MlKem768_AcvpKeyGen_KnownAnswers()
    {
        using JsonDocument doc = LoadAcvp("acvp/ML-KEM-keyGen-FIPS203/internalProjection.json");
        foreach (JsonElement test in Group(doc, g => g.GetProperty("parameterSet").GetString() == "ML-KEM-768").GetProperty("tests").EnumerateArray().Take(3))
        {
            string seed = Field(test, "d") + Field(test, "z"); // FIPS 203 KeyGen_internal(d, z)
            CliResult keys = CliRunner.Ok("kem", "keygen", "--alg", "ML-KEM-768", "--seed", seed);
            Assert.Equal(Field(test, "ek"), keys.String("encapsulationKey"));
            Assert.Equal(Field(test, "dk"), keys.String("decapsulationKey"));
            Assert.Equal(seed, keys.String("seed"));
        }
    }

    [Fact]
    public void MlKem768_AcvpEncapsulation_KnownAnswers()
    {
        using JsonDocument doc = LoadAcvp("acvp/ML-KEM-encapDecap-FIPS203/internalProjection.json");
        JsonElement group = Group(doc, g => g.GetProperty("parameterSet").GetString() == "ML-KEM-768" && g.GetProperty("function").GetString() == "encapsulation");
        foreach (JsonElement test in group.GetProperty("tests").EnumerateArray().Take(3))
        {
            CliResult encaps = CliRunner.Ok("kem", "encaps", "--alg", "ML-KEM-768", "--ek", Field(test, "ek"), "--entropy", Field(test, "m"));
            Assert.Equal(Field(test, "c"), encaps.String("ciphertext"));
            Assert.Equal(Field(test, "k"), encaps.String("sharedSecret"));
            Assert.Equal(Field(test, "k"), CliRunner.Ok("kem", "decaps", "--alg", "ML-KEM-768", "--dk", Field(test, "dk"), "--ct", Field(test, "c")).String("sharedSecret"));
        }
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("expanded")]
    public void MlKem768_AcvpDecapsulation_KnownAnswers(string keyFormat)
    {
        using JsonDocument doc = LoadAcvp("acvp/ML-KEM-encapDecap-FIPS203/internalProjection.json");
        JsonElement group = Group(doc, g => g.GetProperty("parameterSet").GetString() == "ML-KEM-768"
            && g.GetProperty("function").GetString() == "decapsulation" && g.GetProperty("keyFormat").GetString() == keyFormat);
        foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
        {
            string dk = keyFormat == "seed" ? Field(test, "d") + Field(test, "z") : Field(test, "dk");
            CliResult decaps = CliRunner.Ok("kem", "decaps", "--alg", "ML-KEM-768", "--dk", dk, "--ct", Field(test, "c"));
            Assert.Equal(Field(test, "k"), decaps.String("sharedSecret"));
        }
    }

    [Fact]
    public void XWing_DraftVector1()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(VectorFiles.Resolve("xwing/test-vectors.json")));
        JsonElement v = doc.RootElement[0];
        CliResult keys = CliRunner.Ok("kem", "keygen", "--alg", "X-Wing", "--seed", Field(v, "seed"));
        Assert.Equal(Field(v, "pk"), keys.String("encapsulationKey"));
        Assert.Equal(Field(v, "sk"), keys.String("decapsulationKey"));
        Assert.Equal(Field(v, "sk"), keys.String("seed"));

        CliResult encaps = CliRunner.Ok("kem", "encaps", "--alg", "X-Wing", "--ek", Field(v, "pk"), "--entropy", Field(v, "eseed"));
        Assert.Equal(Field(v, "ct"), encaps.String("ciphertext"));
        Assert.Equal(Field(v, "ss"), encaps.String("sharedSecret"));
        Assert.Equal(Field(v, "ss"), CliRunner.Ok("kem", "decaps", "--alg", "X-Wing", "--dk", Field(v, "sk"), "--ct", Field(v, "ct")).String("sharedSecret"));
    }

    [Fact]
    public void HexOptions_MayComeFromFiles()
    {
        CliResult keys = CliRunner.Ok("kem", "keygen", "--alg", "ML-KEM-512");
        string ekFile = CliRunner.TempFile(keys.String("encapsulationKey") + "\n");
        string dkFile = CliRunner.TempFile("  " + keys.String("decapsulationKey") + "\n");
        try
        {
            CliResult encaps = CliRunner.Ok("kem", "encaps", "--alg", "ML-KEM-512", "--ek-file", ekFile);
            string ctFile = CliRunner.TempFile(encaps.String("ciphertext"));
            try
            {
                Assert.Equal(encaps.String("sharedSecret"), CliRunner.Ok("kem", "decaps", "--alg", "ML-KEM-512", "--dk-file", dkFile, "--ct-file", ctFile).String("sharedSecret"));
            }
            finally
            {
                File.Delete(ctFile);
            }
        }
        finally
        {
            File.Delete(ekFile);
            File.Delete(dkFile);
        }
    }

    [Fact]
    public void WrongSizes_AreBadInput()
    {
        CliResult keys = CliRunner.Ok("kem", "keygen", "--alg", "ML-KEM-768");
        string ek = keys.String("encapsulationKey");
        string dk = keys.String("decapsulationKey");
        string ct = CliRunner.Ok("kem", "encaps", "--alg", "ML-KEM-768", "--ek", ek).String("ciphertext");

        Assert.Contains("--seed", CliRunner.BadInput("kem", "keygen", "--alg", "ML-KEM-768", "--seed", new string('1', 62)).Error, StringComparison.Ordinal);
        Assert.Contains("--seed", CliRunner.BadInput("kem", "keygen", "--alg", "X-Wing", "--seed", new string('1', 128)).Error, StringComparison.Ordinal);
        Assert.Contains("--ek", CliRunner.BadInput("kem", "encaps", "--alg", "ML-KEM-768", "--ek", ek[..^2]).Error, StringComparison.Ordinal);
        Assert.Contains("--ek", CliRunner.BadInput("kem", "encaps", "--alg", "ML-KEM-512", "--ek", ek).Error, StringComparison.Ordinal);
        Assert.Contains("--entropy", CliRunner.BadInput("kem", "encaps", "--alg", "ML-KEM-768", "--ek", ek, "--entropy", new string('1', 128)).Error, StringComparison.Ordinal);
        Assert.Contains("--entropy", CliRunner.BadInput("kem", "encaps", "--alg", "ML-KEM-768", "--ek", ek, "--entropy", "").Error, StringComparison.Ordinal);
        Assert.Contains("--dk", CliRunner.BadInput("kem", "decaps", "--alg", "ML-KEM-768", "--dk", dk[..^2], "--ct", ct).Error, StringComparison.Ordinal);
        Assert.Contains("--dk", CliRunner.BadInput("kem", "decaps", "--alg", "X-Wing", "--dk", dk, "--ct", ct).Error, StringComparison.Ordinal);
        Assert.Contains("--ct", CliRunner.BadInput("kem", "decaps", "--alg", "ML-KEM-768", "--dk", dk, "--ct", ct[..^2]).Error, StringComparison.Ordinal);
        Assert.Contains("--ct", CliRunner.BadInput("kem", "decaps", "--alg", "ML-KEM-768", "--dk", dk, "--ct", ct + "00").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedKeys_AreBadInput_WithoutEchoingThem()
    {
        CliResult keys = CliRunner.Ok("kem", "keygen", "--alg", "ML-KEM-768");
        string ek = keys.String("encapsulationKey");
        string dk = keys.String("decapsulationKey");
        string ct = CliRunner.Ok("kem", "encaps", "--alg", "ML-KEM-768", "--ek", ek).String("ciphertext");

        // FIPS 203 §7.2 modulus check: the first 12-bit coefficient of t̂ set to 4095 (≥ q = 3329).
        // ByteDecode_12: c0 = b0 | (b1 & 0x0F) << 8, so b0 = ff and the low nibble of b1 = f (hex digit 3).
        string unreduced = "ff" + ek[2] + "f" + ek[4..];
        CliResult modulus = CliRunner.BadInput("kem", "encaps", "--alg", "ML-KEM-768", "--ek", unreduced);
        Assert.Contains("modulus", modulus.Error, StringComparison.OrdinalIgnoreCase);

        // FIPS 203 §7.3 hash check: one byte of the stored H(ek) changed (dk = dk_PKE ‖ ek ‖ H(ek) ‖ z).
        int hashOffset = (1152 + 1184) * 2;
        string badHash = dk[..hashOffset] + (dk[hashOffset] == '0' ? '1' : '0') + dk[(hashOffset + 1)..];
        CliResult hash = CliRunner.BadInput("kem", "decaps", "--alg", "ML-KEM-768", "--dk", badHash, "--ct", ct);
        Assert.Contains("hash", hash.Error, StringComparison.OrdinalIgnoreCase);

        foreach (CliResult r in new[] { modulus, hash })
        {
            Assert.DoesNotContain(dk[..32], r.Stdout + r.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(ek[4..36], r.Stdout + r.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UsageErrors_AreBadInput()
    {
        Assert.Contains("subcommand", CliRunner.BadInput("kem").Error, StringComparison.Ordinal);
        Assert.Contains("unknown subcommand", CliRunner.BadInput("kem", "encrypt", "--alg", "ML-KEM-768").Error, StringComparison.Ordinal);
        Assert.Contains("unknown KEM algorithm", CliRunner.BadInput("kem", "keygen", "--alg", "ml-kem-768").Error, StringComparison.Ordinal);
        Assert.Contains("unknown KEM algorithm", CliRunner.BadInput("kem", "keygen", "--alg", "Ed25519").Error, StringComparison.Ordinal);
        Assert.Contains("--alg", CliRunner.BadInput("kem", "keygen").Error, StringComparison.Ordinal);
        Assert.Contains("--ek", CliRunner.BadInput("kem", "encaps", "--alg", "X-Wing").Error, StringComparison.Ordinal);
        Assert.Contains("--ct", CliRunner.BadInput("kem", "decaps", "--alg", "X-Wing", "--dk", new string('0', 64)).Error, StringComparison.Ordinal);
        Assert.Contains("--ctx", CliRunner.BadInput("kem", "keygen", "--alg", "X-Wing", "--ctx", "00").Error, StringComparison.Ordinal);
        Assert.Contains("0x", CliRunner.BadInput("kem", "keygen", "--alg", "X-Wing", "--seed", "0x" + new string('0', 64)).Error, StringComparison.Ordinal);
        Assert.Contains("odd", CliRunner.BadInput("kem", "keygen", "--alg", "X-Wing", "--seed", new string('0', 63)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AcvpEncapDecap_ThroughTheCommand_HasNoFailures()
    {
        CliResult result = CliRunner.Ok("acvp", VectorFiles.Resolve("acvp/ML-KEM-encapDecap-FIPS203/internalProjection.json"));
        Assert.Equal((195, 0, 0), Counts(result));
    }

    [Fact]
    public void WycheproofMlKem768_ThroughTheCommand_HasNoFailures()
    {
        CliResult result = CliRunner.Ok("wycheproof", VectorFiles.Resolve("wycheproof/mlkem_768_test.json"));
        Assert.Equal((193, 0, 0), Counts(result));
        Assert.Contains("passed", result.Stderr, StringComparison.Ordinal); // per-group counts for people
    }

    private static (int, int, int) Counts(CliResult result) =>
        (result.Json.GetProperty("passed").GetInt32(), result.Json.GetProperty("failed").GetInt32(), result.Json.GetProperty("skipped").GetInt32());

    private static JsonDocument LoadAcvp(string manifestPath) => JsonDocument.Parse(File.ReadAllBytes(VectorFiles.Resolve(manifestPath)));

    private static JsonElement Group(JsonDocument doc, Func<JsonElement, bool> predicate) =>
        doc.RootElement.GetProperty("testGroups").EnumerateArray().First(predicate);

    /// <summary>A hex field, lowercased (the command's output case).</summary>
    private static string Field(JsonElement test, string name) => test.GetProperty(name).GetString()!.ToLowerInvariant();
}
