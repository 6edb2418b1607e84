using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FintechCrypto.Testing;
using FintechCrypto.Tests.Interop;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Cli;

/// <summary>`fintechcrypto frost dealer|sign` (cli.md, "Threshold (FROST, RFC 9591)").</summary>
public sealed class FrostCommandTests
{
    private const string Message = "706163732e303038207061796d656e74"; // "pacs.008 payment"
    private const string Ed25519Suite = "FROST-ED25519-SHA512-v1";

    /// <summary>Every suite the library lists (a suite added to FrostCiphersuite.All is tested here without a change).</summary>
    public static TheoryData<string> Suites()
    {
        var data = new TheoryData<string>();
        foreach (FrostCiphersuite suite in FrostCiphersuite.All)
        {
            data.Add(suite.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void DealerThenSign_GivesAGroupSignatureThatVerifies(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        CliResult dealt = Dealer(suiteName, "2", "3");
        string gpk = dealt.String("groupPublicKey");
        Assert.Equal(suite.ElementLength * 2, gpk.Length);
        Assert.Equal(gpk.ToLowerInvariant(), gpk);
        Assert.Equal(2, dealt.Json.GetProperty("threshold").GetInt32());
        string[] commitments = Strings(dealt.Json.GetProperty("commitments"));
        Assert.Equal(2, commitments.Length);
        Assert.Equal(gpk, commitments[0]);
        Assert.All(commitments, c => Assert.Equal(suite.ElementLength * 2, c.Length));
        Assert.Equal(["1", "2", "3"], Keys(dealt.Json.GetProperty("verifyingShares")));
        Assert.Equal(["1", "2", "3"], Keys(dealt.Json.GetProperty("signingShares")));
        Assert.All(dealt.Json.GetProperty("verifyingShares").EnumerateObject(), p => Assert.Equal(suite.ElementLength * 2, p.Value.GetString()!.Length));
        Assert.All(dealt.Json.GetProperty("signingShares").EnumerateObject(), p => Assert.Equal(suite.ScalarLength * 2, p.Value.GetString()!.Length));

        using var shares = new TempFile(dealt.Stdout);
        foreach (string signers in new[] { "1,3", "3,2", "1,2,3" })
        {
            CliResult signed = CliRunner.Ok(SignArgs(suiteName, gpk, shares.Path, signers, Message));
            byte[] signature = signed.Bytes("signature");
            Assert.Equal(suite.SignatureLength, signature.Length);
            Assert.Equal(signers.Split(',').Select(int.Parse).Order().ToArray(), Ints(signed.Json.GetProperty("signers")));
            Assert.True(suite.Verify(Hex.Decode(gpk), Hex.Decode(Message), signature));
            Assert.False(suite.Verify(Hex.Decode(gpk), Hex.Decode(Message + "00"), signature));
        }

        // The empty message, and the hex options given as files, upper-case hex included.
        using var gpkFile = new TempFile(gpk.ToUpperInvariant() + "\n");
        using var msgFile = new TempFile("  \n");
        byte[] empty = CliRunner.Ok("frost", "sign", "--suite", suiteName, "--group-public-key-file", gpkFile.Path, "--shares", shares.Path, "--signers", "2,3", "--msg-file", msgFile.Path).Bytes("signature");
        Assert.True(suite.Verify(Hex.Decode(gpk), [], empty));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void SevenOfTen_SignsWithAnySevenAndRefusesSix(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        CliResult dealt = Dealer(suiteName, "7", "10");
        Assert.Equal(7, Strings(dealt.Json.GetProperty("commitments")).Length);
        string gpk = dealt.String("groupPublicKey");
        using var shares = new TempFile(dealt.Stdout);
        byte[] signature = CliRunner.Ok(SignArgs(suiteName, gpk, shares.Path, "10,2,4,5,7,8,9", Message)).Bytes("signature");
        Assert.True(suite.Verify(Hex.Decode(gpk), Hex.Decode(Message), signature));

        CliResult tooFew = CliRunner.BadInput(SignArgs(suiteName, gpk, shares.Path, "1,2,3,4,5,6", Message));
        Assert.Empty(Ints(tooFew.Json.GetProperty("culprits")));
    }

    /// <summary>RFC 9591 Appendix E: the dealer reproduces the vectors' group key and participant shares from
    /// group_secret_key and share_polynomial_coefficients; signing with the vector's participants verifies.</summary>
    [Theory]
    [Trait("Category", "KnownAnswer")]
    [MemberData(nameof(Suites))]
    public void Dealer_ReproducesTheRfc9591Shares(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        using JsonDocument vector = JsonDocument.Parse(File.ReadAllText(VectorFiles.Resolve(RfcVectorPath(suiteName))));
        JsonElement config = vector.RootElement.GetProperty("config");
        JsonElement inputs = vector.RootElement.GetProperty("inputs");
        string maxParticipants = config.GetProperty("MAX_PARTICIPANTS").GetString()!;
        string minParticipants = config.GetProperty("MIN_PARTICIPANTS").GetString()!;
        string secret = inputs.GetProperty("group_secret_key").GetString()!;
        string coefficients = string.Join(',', Strings(inputs.GetProperty("share_polynomial_coefficients")));
        string expectedGpk = inputs.GetProperty("group_public_key").GetString()!;

        CliResult dealt = Dealer(suiteName, minParticipants, maxParticipants, "--secret", secret, "--coefficients", coefficients);
        Assert.Equal(expectedGpk, dealt.String("groupPublicKey"));
        Assert.Equal(int.Parse(minParticipants, System.Globalization.CultureInfo.InvariantCulture), dealt.Json.GetProperty("threshold").GetInt32());
        Assert.Equal(expectedGpk, Strings(dealt.Json.GetProperty("commitments"))[0]);
        JsonElement signingShares = dealt.Json.GetProperty("signingShares");
        int checkedShares = 0;
        foreach (JsonElement share in inputs.GetProperty("participant_shares").EnumerateArray())
        {
            string id = share.GetProperty("identifier").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(share.GetProperty("participant_share").GetString(), signingShares.GetProperty(id).GetString());
            checkedShares++;
        }

        Assert.Equal(int.Parse(maxParticipants, System.Globalization.CultureInfo.InvariantCulture), checkedShares);
        Assert.Equal(checkedShares, signingShares.EnumerateObject().Count());

        // The same inputs, once more: deterministic. The coefficients may come from a file too.
        using (var coefficientsFile = new TempFile(coefficients.ToUpperInvariant() + "\n"))
        {
            CliResult again = Dealer(suiteName, minParticipants, maxParticipants, "--secret", secret, "--coefficients-file", coefficientsFile.Path);
            Assert.Equal(dealt.Stdout, again.Stdout);
        }

        // Signing with the RFC's participant list gives a (randomized) signature that verifies under the RFC's key,
        // as does the RFC's own final signature.
        using (var shares = new TempFile(dealt.Stdout))
        {
            string signers = string.Join(',', inputs.GetProperty("participant_list").EnumerateArray().Select(p => p.GetInt32()));
            string message = inputs.GetProperty("message").GetString()!;
            byte[] signature = CliRunner.Ok(SignArgs(suiteName, expectedGpk, shares.Path, signers, message)).Bytes("signature");
            Assert.True(suite.Verify(Hex.Decode(expectedGpk), Hex.Decode(message), signature));
            string rfcSignature = vector.RootElement.GetProperty("final_output").GetProperty("sig").GetString()!;
            Assert.True(suite.Verify(Hex.Decode(expectedGpk), Hex.Decode(message), Hex.Decode(rfcSignature)));
        }

        // --secret alone shares the same key with fresh coefficients: same group key, other shares.
        CliResult split = Dealer(suiteName, minParticipants, maxParticipants, "--secret", secret);
        Assert.Equal(expectedGpk, split.String("groupPublicKey"));
        Assert.NotEqual(signingShares.GetProperty("1").GetString(), split.Json.GetProperty("signingShares").GetProperty("1").GetString());
    }

    [Fact]
    public void Ed25519Suite_SignatureIsAPlainEd25519Signature_ForTheCliAndOpenSsl()
    {
        CliResult dealt = Dealer(Ed25519Suite, "2", "3");
        string gpk = dealt.String("groupPublicKey");
        string signature;
        using (var shares = new TempFile(dealt.Stdout))
        {
            signature = CliRunner.Ok(SignArgs(Ed25519Suite, gpk, shares.Path, "1,3", Message)).String("signature");
        }

        // RFC 8032 verification by `sign verify --alg Ed25519` and by the library's Ed25519 verifier.
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", "Ed25519", "--pk", gpk, "--msg", Message, "--sig", signature).Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", "Ed25519", "--pk", gpk, "--msg", Message + "00", "--sig", signature).Bool("valid"));
        using VerificationKey key = VerificationKey.Import(SignatureAlgorithm.Ed25519, Hex.Decode(gpk), KeyBlobFormat.RawPublicKey);
        Assert.True(key.Verify(Hex.Decode(Message), Hex.Decode(signature)));

        // And by OpenSSL (pkeyutl -rawin: PureEdDSA), given the key as a SubjectPublicKeyInfo (RFC 8410).
        using var ossl = new OpenSsl();
        ossl.Write("pub.der", Hex.Decode("302a300506032b6570032100" + gpk));
        ossl.Write("msg.bin", Hex.Decode(Message));
        ossl.Write("tampered.bin", Hex.Decode(Message + "00"));
        ossl.Write("sig.bin", Hex.Decode(signature));
        string output = ossl.Ok("pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", "pub.der", "-rawin", "-in", "msg.bin", "-sigfile", "sig.bin");
        Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);
        (int code, _) = ossl.Run("pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", "pub.der", "-rawin", "-in", "tampered.bin", "-sigfile", "sig.bin");
        Assert.NotEqual(0, code);
    }

    [Fact]
    public void TooFewSigners_IsExit2_WithNoCulprits()
    {
        CliResult dealt = Dealer(Ed25519Suite, "3", "5");
        using var shares = new TempFile(dealt.Stdout);
        foreach (string signers in new[] { "1,2", "5" })
        {
            CliResult result = CliRunner.BadInput(SignArgs(Ed25519Suite, dealt.String("groupPublicKey"), shares.Path, signers, Message));
            Assert.Contains("threshold is 3", result.Error, StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Array, result.Json.GetProperty("culprits").ValueKind);
            Assert.Empty(Ints(result.Json.GetProperty("culprits")));
            Assert.False(result.Has("signature"));
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void CorruptedSigningShare_IsExit2_NamingTheCulprit(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        CliResult dealt = Dealer(suiteName, "2", "3");
        string gpk = dealt.String("groupPublicKey");
        string share1 = dealt.Json.GetProperty("signingShares").GetProperty("1").GetString()!;
        string share2 = dealt.Json.GetProperty("signingShares").GetProperty("2").GetString()!;
        string notCanonical = new('f', suite.ScalarLength * 2); // above every group order

        // Participant 3's share replaced by another valid scalar, by a non-canonical one, or by a short one; with and
        // without the dealer's commitment in the file.
        foreach (bool withCommitments in new[] { true, false })
        {
            foreach (string bad in new[] { share2, notCanonical, share1[..^2] })
            {
                AssertCulprits(dealt.Stdout, suiteName, gpk, "1,3", [3], file =>
                {
                    file["signingShares"]!["3"] = bad;
                    if (!withCommitments)
                    {
                        file.AsObject().Remove("commitments");
                    }
                });
            }
        }

        // Two bad signers are both named; a non-signer's bad share does not matter.
        AssertCulprits(dealt.Stdout, suiteName, gpk, "1,2,3", [1, 3], file =>
        {
            file["signingShares"]!["1"] = share2;
            file["signingShares"]!["3"] = share2;
        });
        using TempFile shares = Modified(dealt.Stdout, file => file["signingShares"]!["2"] = share1);
        byte[] signature = CliRunner.Ok(SignArgs(suiteName, gpk, shares.Path, "1,3", Message)).Bytes("signature");
        Assert.True(suite.Verify(Hex.Decode(gpk), Hex.Decode(Message), signature));
    }

    [Fact]
    public void ShareThatDoesNotMatchTheVerifyingShareOrTheCommitment_IsNamed()
    {
        // Two dealings of the same suite: a share that is consistent in itself but belongs to the other group.
        CliResult dealt = Dealer(Ed25519Suite, "2", "3");
        CliResult other = Dealer(Ed25519Suite, "2", "3");
        string gpk = dealt.String("groupPublicKey");
        string otherShare = other.Json.GetProperty("signingShares").GetProperty("2").GetString()!;
        string otherVerifying = other.Json.GetProperty("verifyingShares").GetProperty("2").GetString()!;

        // Signing share and verifying share both swapped: sk_i B = PK_i holds, but PK_i is not the commitment at i.
        AssertCulprits(dealt.Stdout, Ed25519Suite, gpk, "2,3", [2], file =>
        {
            file["signingShares"]!["2"] = otherShare;
            file["verifyingShares"]!["2"] = otherVerifying;
        });

        // Only the verifying share swapped: sk_i B != PK_i (with or without the commitment).
        AssertCulprits(dealt.Stdout, Ed25519Suite, gpk, "2,3", [2], file => file["verifyingShares"]!["2"] = otherVerifying);
        AssertCulprits(dealt.Stdout, Ed25519Suite, gpk, "2,3", [2], file =>
        {
            file["verifyingShares"]!["2"] = otherVerifying;
            file.AsObject().Remove("commitments");
        });
    }

    [Theory]
    [InlineData("FROST-ed25519-SHA512-v1")]
    [InlineData("frost-ed25519-sha512-v1")]
    [InlineData("Ed25519")]
    [InlineData("FROST-ED25519-SHA512-v2")]
    [InlineData("")]
    public void UnknownSuite_IsBadInput(string suite)
    {
        CliResult dealer = CliRunner.BadInput("frost", "dealer", "--suite", suite, "--threshold", "2", "--participants", "3");
        Assert.Contains("unknown FROST suite", dealer.Error, StringComparison.Ordinal);
        Assert.Contains(Ed25519Suite, dealer.Error, StringComparison.Ordinal); // the known names are listed
        Assert.False(dealer.Has("culprits"));
        CliResult sign = CliRunner.BadInput(SignArgs(suite, "00", "x.json", "1,2", ""));
        Assert.Contains("unknown FROST suite", sign.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadHex_IsBadInput_AndNeverEchoed()
    {
        CliResult dealt = Dealer(Ed25519Suite, "2", "3");
        string gpk = dealt.String("groupPublicKey");
        string secret = "7b1c33d3f5291d85de664833beb1ad469f7fb6025a0ec78b3a790c6e13a98304";
        string coefficient = "178199860edd8c62f5212ee91eff1295d0d670ab4ed4506866bae57e7030b204";
        using var shares = new TempFile(dealt.Stdout);
        string[] sign = ["frost", "sign", "--suite", Ed25519Suite, "--shares", shares.Path, "--signers", "1,2"];
        Assert.Contains("--msg", CliRunner.BadInput([.. sign, "--group-public-key", gpk, "--msg", "zz"]).Error, StringComparison.Ordinal);
        Assert.Contains("--msg", CliRunner.BadInput([.. sign, "--group-public-key", gpk, "--msg", "abc"]).Error, StringComparison.Ordinal);
        Assert.Contains("0x", CliRunner.BadInput([.. sign, "--group-public-key", "0x" + gpk, "--msg", Message]).Error, StringComparison.Ordinal);
        Assert.Contains("does not match", CliRunner.BadInput([.. sign, "--group-public-key", gpk[..^2] + "00", "--msg", Message]).Error, StringComparison.Ordinal);

        string[] dealer = ["frost", "dealer", "--suite", Ed25519Suite, "--threshold", "2", "--participants", "3"];
        foreach (string[] args in new string[][]
        {
            [.. dealer, "--secret", secret + "g0"],
            [.. dealer, "--secret", secret[..^1]],
            [.. dealer, "--secret", secret[..^2]],
            [.. dealer, "--secret", "0x" + secret],
            [.. dealer, "--secret", secret, "--coefficients", coefficient + ",zz"],
            [.. dealer, "--secret", secret, "--coefficients", coefficient + ","],
            [.. dealer, "--secret", secret, "--coefficients", "," + coefficient],
            ["frost", "dealer", "--suite", Ed25519Suite, "--threshold", "3", "--participants", "3", "--secret", secret, "--coefficients", coefficient + ",," + coefficient],
        })
        {
            CliResult result = CliRunner.BadInput(args);
            Assert.DoesNotContain(secret, result.Stdout + result.Stderr, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(coefficient, result.Stdout + result.Stderr, StringComparison.OrdinalIgnoreCase);
        }

        // A secret or coefficient that is not a canonical scalar (the Ed25519 group order is below 2^253).
        string tooBig = new('f', 64);
        CliRunner.BadInput([.. dealer, "--secret", tooBig]);
        CliRunner.BadInput([.. dealer, "--secret", new string('0', 64)]);
        CliRunner.BadInput([.. dealer, "--secret", secret, "--coefficients", tooBig]);

        // Bad hex inside the --shares file.
        using TempFile badFile = Modified(dealt.Stdout, file => file["signingShares"]!["1"] = "xyz");
        CliResult bad = CliRunner.BadInput(SignArgs(Ed25519Suite, gpk, badFile.Path, "1,2", "zz"));
        Assert.Contains("--msg", bad.Error, StringComparison.Ordinal);
        CliResult badShare = CliRunner.BadInput(SignArgs(Ed25519Suite, gpk, badFile.Path, "1,2", Message));
        Assert.Contains("signingShares", badShare.Error, StringComparison.Ordinal);
        Assert.False(badShare.Has("culprits"));
    }

    [Fact]
    public void MissingArguments_AreBadInput()
    {
        Assert.Contains("subcommand", CliRunner.BadInput("frost").Error, StringComparison.Ordinal);
        Assert.Contains("unknown subcommand", CliRunner.BadInput("frost", "keygen").Error, StringComparison.Ordinal);

        Assert.Contains("--suite", CliRunner.BadInput("frost", "dealer", "--threshold", "2", "--participants", "3").Error, StringComparison.Ordinal);
        Assert.Contains("--threshold", CliRunner.BadInput("frost", "dealer", "--suite", Ed25519Suite, "--participants", "3").Error, StringComparison.Ordinal);
        Assert.Contains("--participants", CliRunner.BadInput("frost", "dealer", "--suite", Ed25519Suite, "--threshold", "2").Error, StringComparison.Ordinal);
        Assert.Contains("needs a value", CliRunner.BadInput("frost", "dealer", "--suite", Ed25519Suite, "--threshold", "2", "--participants").Error, StringComparison.Ordinal);

        CliResult dealt = Dealer(Ed25519Suite, "2", "3");
        using var shares = new TempFile(dealt.Stdout);
        var full = new Dictionary<string, string>
        {
            ["--suite"] = Ed25519Suite,
            ["--group-public-key"] = dealt.String("groupPublicKey"),
            ["--shares"] = shares.Path,
            ["--signers"] = "1,2",
            ["--msg"] = Message,
        };
        Assert.NotEmpty(CliRunner.Ok(Args(full, except: null)).String("signature"));
        foreach (string option in full.Keys)
        {
            Assert.Contains(option, CliRunner.BadInput(Args(full, except: option)).Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OtherBadInput_IsExit2()
    {
        string[] suite = ["frost", "dealer", "--suite", Ed25519Suite];
        foreach ((string t, string n) in new[] { ("1", "3"), ("4", "3"), ("2", "1"), ("0", "3"), ("2", "0"), ("x", "3"), ("2", "-3"), ("02", "3"), ("2", "65536"), ("2", "3.0"), ("", "3") })
        {
            CliRunner.BadInput([.. suite, "--threshold", t, "--participants", n]);
        }

        string secret = "7b1c33d3f5291d85de664833beb1ad469f7fb6025a0ec78b3a790c6e13a98304";
        string coefficient = "178199860edd8c62f5212ee91eff1295d0d670ab4ed4506866bae57e7030b204";
        Assert.Contains("needs --secret", CliRunner.BadInput([.. suite, "--threshold", "2", "--participants", "3", "--coefficients", coefficient]).Error, StringComparison.Ordinal);
        Assert.Contains("threshold - 1", CliRunner.BadInput([.. suite, "--threshold", "3", "--participants", "3", "--secret", secret, "--coefficients", coefficient]).Error, StringComparison.Ordinal);
        Assert.Contains("threshold - 1", CliRunner.BadInput([.. suite, "--threshold", "2", "--participants", "3", "--secret", secret, "--coefficients", coefficient + "," + coefficient]).Error, StringComparison.Ordinal);
        Assert.Contains("threshold - 1", CliRunner.BadInput([.. suite, "--threshold", "2", "--participants", "3", "--secret", secret, "--coefficients", ""]).Error, StringComparison.Ordinal);
        Assert.Contains("unknown option", CliRunner.BadInput([.. suite, "--threshold", "2", "--participants", "3", "--seed", secret]).Error, StringComparison.Ordinal);
        CliRunner.BadInput([.. suite, "--threshold", "2", "--threshold", "2", "--participants", "3"]);

        CliResult dealt = Dealer(Ed25519Suite, "2", "3");
        string gpk = dealt.String("groupPublicKey");
        using var shares = new TempFile(dealt.Stdout);
        using var notJson = new TempFile("{\"groupPublicKey\": ");
        using var notAnObject = new TempFile("[1, 2]");
        string[] sign = ["frost", "sign", "--suite", Ed25519Suite, "--group-public-key", gpk, "--msg", Message];
        foreach (string signers in new[] { "1,1", "0,1", "1,x", "1,4", "1, 2", "", ",", "1,2,", "01,2", "-1,2" })
        {
            CliResult result = CliRunner.BadInput([.. sign, "--shares", shares.Path, "--signers", signers]);
            Assert.False(result.Has("culprits"), signers);
        }

        Assert.Contains("not in the group", CliRunner.BadInput([.. sign, "--shares", shares.Path, "--signers", "1,4"]).Error, StringComparison.Ordinal);
        Assert.Contains("named twice", CliRunner.BadInput([.. sign, "--shares", shares.Path, "--signers", "2,2"]).Error, StringComparison.Ordinal);
        Assert.Contains("cannot read", CliRunner.BadInput([.. sign, "--shares", shares.Path + ".missing", "--signers", "1,2"]).Error, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", CliRunner.BadInput([.. sign, "--shares", notJson.Path, "--signers", "1,2"]).Error, StringComparison.Ordinal);
        Assert.Contains("not a JSON object", CliRunner.BadInput([.. sign, "--shares", notAnObject.Path, "--signers", "1,2"]).Error, StringComparison.Ordinal);

        // A structurally wrong file is bad input without culprits.
        foreach (Action<JsonNode> damage in new Action<JsonNode>[]
        {
            f => f.AsObject().Remove("groupPublicKey"),
            f => f.AsObject().Remove("verifyingShares"),
            f => f.AsObject().Remove("signingShares"),
            f => f.AsObject().Remove("threshold"),
            f => f["threshold"] = 1,
            f => f["threshold"] = 4,
            f => f["threshold"] = "2",
            f => f["commitments"]!.AsArray().RemoveAt(1),
            f => f["commitments"]![0] = f["commitments"]![1]!.GetValue<string>(),
            f => f["verifyingShares"]!["1"] = "00",
            f => f["verifyingShares"]!.AsObject().Remove("1"),
            f => f["signingShares"]!.AsObject().Remove("1"),
            f => f["signingShares"]!["1"] = 5,
            f => f["verifyingShares"] = new JsonArray(),
        })
        {
            using TempFile damaged = Modified(dealt.Stdout, damage);
            Assert.False(CliRunner.BadInput([.. sign, "--shares", damaged.Path, "--signers", "1,2"]).Has("culprits"));
        }

        // A file of another suite: its elements do not have this suite's size, or do not decode.
        using var p256 = new TempFile(Dealer("FROST-P256-SHA256-v1", "2", "3").Stdout);
        CliResult wrongSuite = CliRunner.BadInput(SignArgs("FROST-RISTRETTO255-SHA512-v1", gpk, p256.Path, "1,2", Message));
        Assert.False(wrongSuite.Has("signature"));
    }

    private static void AssertCulprits(string dealerOutput, string suite, string gpk, string signers, int[] culprits, Action<JsonNode> damage)
    {
        using TempFile shares = Modified(dealerOutput, damage);
        CliResult result = CliRunner.BadInput(SignArgs(suite, gpk, shares.Path, signers, Message));
        Assert.Equal(culprits, Ints(result.Json.GetProperty("culprits")));
        Assert.False(result.Has("signature"));

        // Never a share in the answer.
        using JsonDocument file = JsonDocument.Parse(File.ReadAllText(shares.Path));
        foreach (JsonProperty share in file.RootElement.GetProperty("signingShares").EnumerateObject())
        {
            string value = share.Value.ValueKind == JsonValueKind.String ? share.Value.GetString()! : "(none)";
            Assert.DoesNotContain(value, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
    }

    // `frost dealer` for a suite, threshold and number of participants, plus other options; must succeed.
    private static CliResult Dealer(string suite, string threshold, string participants, params string[] options) =>
        CliRunner.Ok(["frost", "dealer", "--suite", suite, "--threshold", threshold, "--participants", participants, .. options]);

    // The arguments of `frost sign` with every required option.
    private static string[] SignArgs(string suite, string gpk, string shares, string signers, string message) =>
        ["frost", "sign", "--suite", suite, "--group-public-key", gpk, "--shares", shares, "--signers", signers, "--msg", message];

    // The dealer's output with some damage done, in a temporary file.
    private static TempFile Modified(string dealerOutput, Action<JsonNode> damage)
    {
        JsonNode file = JsonNode.Parse(dealerOutput)!;
        damage(file);
        return new TempFile(file.ToJsonString());
    }

    private static string[] Args(Dictionary<string, string> options, string? except) =>
        ["frost", "sign", .. options.Where(p => p.Key != except).SelectMany(p => new[] { p.Key, p.Value })];

    private static string RfcVectorPath(string suiteName)
    {
        // RFC 9591 context string -> the CFRG vector file: FROST-P256-SHA256-v1 -> frost-p256-sha256.json.
        Assert.EndsWith("-v1", suiteName, StringComparison.Ordinal);
        return "frost/rfc9591/" + suiteName[..^3].ToLowerInvariant() + ".json";
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static string[] Keys(JsonElement obj) => [.. obj.EnumerateObject().Select(p => p.Name)];
}
