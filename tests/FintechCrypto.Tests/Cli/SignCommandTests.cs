using System;
using System.Formats.Asn1;
using System.IO;
using System.Text;
using Xunit;

namespace FintechCrypto.Tests.Cli;

/// <summary>`fintechcrypto sign keygen|sign|verify` (cli.md, "Signatures").</summary>
public sealed class SignCommandTests
{
    private const string Message = "706163732e303038207061796d656e74"; // "pacs.008 payment"

    public static TheoryData<string> Algorithms => new()
    {
        "Ed25519", "ECDSA-P256-SHA256", "RSA-PSS-2048-SHA256", "RSA-PSS-3072-SHA256", "RSA-PSS-4096-SHA256",
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void KeygenSignVerify_RoundTrip(string alg)
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", alg);
        string pk = keys.String("publicKey");
        string sk = keys.String("privateKey");
        Assert.Equal(pk.ToLowerInvariant(), pk);
        Assert.Equal(sk.ToLowerInvariant(), sk);
        Assert.Equal(alg == "Ed25519", keys.Has("seed"));

        string sig = CliRunner.Ok("sign", "sign", "--alg", alg, "--sk", sk, "--msg", Message).String("signature");
        Assert.Equal(ExpectedSignatureSize(alg), sig.Length / 2);
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", Message, "--sig", sig).Bool("valid"));

        // Input hex is accepted in either case.
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk.ToUpperInvariant(), "--msg", Message.ToUpperInvariant(), "--sig", sig.ToUpperInvariant()).Bool("valid"));

        // A changed message, a changed signature, a signature of the wrong length: valid false, exit 0.
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", Message + "00", "--sig", sig).Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", Message, "--sig", FlipFirstByte(sig)).Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", Message, "--sig", sig[..^2]).Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", Message, "--sig", sig + "00").Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", Message, "--sig", "").Bool("valid"));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void SignsTheEmptyMessage(string alg)
    {
        if (alg == "RSA-PSS-4096-SHA256")
        {
            alg = "RSA-PSS-2048-SHA256"; // same path, quicker key generation
        }

        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", alg);
        string sig = CliRunner.Ok("sign", "sign", "--alg", alg, "--sk", keys.String("privateKey"), "--msg", "").String("signature");
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", keys.String("publicKey"), "--msg", "", "--sig", sig).Bool("valid"));
    }

    // RFC 8032 §7.1, TEST 1, TEST 2 and TEST 3: secret key, public key, message, signature.
    [Theory]
    [InlineData(
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData(
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    [InlineData(
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a")]
    public void Ed25519_Rfc8032Vectors(string secretKey, string publicKey, string message, string signature)
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", "Ed25519", "--seed", secretKey);
        Assert.Equal(publicKey, keys.String("publicKey"));
        Assert.Equal(secretKey, keys.String("privateKey"));
        Assert.Equal(secretKey, keys.String("seed"));

        Assert.Equal(signature, CliRunner.Ok("sign", "sign", "--alg", "Ed25519", "--sk", secretKey, "--msg", message).String("signature"));

        // --deterministic is accepted and changes nothing (Ed25519 is always deterministic).
        Assert.Equal(signature, CliRunner.Ok("sign", "sign", "--alg", "Ed25519", "--sk", secretKey.ToUpperInvariant(), "--msg", message, "--deterministic").String("signature"));

        Assert.True(CliRunner.Ok("sign", "verify", "--alg", "Ed25519", "--pk", publicKey, "--msg", message, "--sig", signature).Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", "Ed25519", "--pk", publicKey, "--msg", message + "00", "--sig", signature).Bool("valid"));
    }

    [Fact]
    public void Ed25519_KeygenWithoutSeed_SeedIsThePrivateKey()
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", "Ed25519");
        Assert.Equal(32, keys.Bytes("privateKey").Length);
        Assert.Equal(32, keys.Bytes("publicKey").Length);
        Assert.Equal(keys.String("privateKey"), keys.String("seed"));
        CliResult again = CliRunner.Ok("sign", "keygen", "--alg", "Ed25519", "--seed", keys.String("seed"));
        Assert.Equal(keys.String("publicKey"), again.String("publicKey"));
    }

    [Fact]
    public void Ecdsa_Deterministic_IsRepeatableAndRandomizedIsNot()
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", "ECDSA-P256-SHA256");
        string sk = keys.String("privateKey");
        string first = CliRunner.Ok("sign", "sign", "--alg", "ECDSA-P256-SHA256", "--sk", sk, "--msg", Message, "--deterministic").String("signature");
        string second = CliRunner.Ok("sign", "sign", "--alg", "ECDSA-P256-SHA256", "--sk", sk, "--msg", Message, "--deterministic").String("signature");
        Assert.Equal(first, second);
        Assert.Equal(128, first.Length); // IEEE P1363 r || s

        string randomized1 = CliRunner.Ok("sign", "sign", "--alg", "ECDSA-P256-SHA256", "--sk", sk, "--msg", Message).String("signature");
        string randomized2 = CliRunner.Ok("sign", "sign", "--alg", "ECDSA-P256-SHA256", "--sk", sk, "--msg", Message).String("signature");
        Assert.NotEqual(randomized1, randomized2);
        foreach (string sig in new[] { first, randomized1, randomized2 })
        {
            Assert.True(CliRunner.Ok("sign", "verify", "--alg", "ECDSA-P256-SHA256", "--pk", keys.String("publicKey"), "--msg", Message, "--sig", sig).Bool("valid"));
        }
    }

    [Fact]
    public void Ecdsa_KeysAreSpkiAndPkcs8()
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", "ECDSA-P256-SHA256");
        using VerificationKey pk = VerificationKey.Import(SignatureAlgorithm.EcdsaP256Sha256, keys.Bytes("publicKey"), KeyBlobFormat.SubjectPublicKeyInfo);
        using SigningKey sk = SigningKey.Import(SignatureAlgorithm.EcdsaP256Sha256, keys.Bytes("privateKey"), KeyBlobFormat.Pkcs8PrivateKey);
        Assert.Equal(pk.Export(KeyBlobFormat.SubjectPublicKeyInfo), sk.PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo));
    }

    [Fact]
    public void RsaPss_PublicKeyIsRsaEncryption_AndIdRsassaPssIsAcceptedOnInput()
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", "RSA-PSS-2048-SHA256");
        byte[] spki = keys.Bytes("publicKey");
        (string oid, ReadOnlyMemory<byte> bits) = ReadSpki(spki);
        Assert.Equal("1.2.840.113549.1.1.1", oid); // rsaEncryption (RFC 8017 Appendix A.1)

        string sig = CliRunner.Ok("sign", "sign", "--alg", "RSA-PSS-2048-SHA256", "--sk", keys.String("privateKey"), "--msg", Message).String("signature");
        Assert.Equal(256, sig.Length / 2);

        // The same key under id-RSASSA-PSS (RFC 4055 §3.1, parameters absent) verifies the same signature.
        string pssSpki = Convert.ToHexString(WriteSpki("1.2.840.113549.1.1.10", bits.Span));
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", "RSA-PSS-2048-SHA256", "--pk", pssSpki, "--msg", Message, "--sig", sig).Bool("valid"));

        // A key of another size is refused for the 3072-bit parameter set.
        CliRunner.BadInput("sign", "verify", "--alg", "RSA-PSS-3072-SHA256", "--pk", keys.String("publicKey"), "--msg", Message, "--sig", sig);
        CliRunner.BadInput("sign", "sign", "--alg", "RSA-PSS-3072-SHA256", "--sk", keys.String("privateKey"), "--msg", Message);
    }

    [Fact]
    public void FileVariants_AreAccepted_WithWhiteSpaceTrimmed()
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", "ECDSA-P256-SHA256");
        string skFile = CliRunner.TempFile(keys.String("privateKey") + "\n");
        string pkFile = CliRunner.TempFile("  " + keys.String("publicKey").ToUpperInvariant() + " \r\n");
        string msgFile = CliRunner.TempFile(Message + "\n");
        string emptyFile = CliRunner.TempFile("\n");
        string seedFile = CliRunner.TempFile("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60\n");
        string? sigFile = null;
        try
        {
            string sig = CliRunner.Ok("sign", "sign", "--alg", "ECDSA-P256-SHA256", "--sk-file", skFile, "--msg-file", msgFile).String("signature");
            sigFile = CliRunner.TempFile(sig + "\n");
            Assert.True(CliRunner.Ok("sign", "verify", "--alg", "ECDSA-P256-SHA256", "--pk-file", pkFile, "--msg-file", msgFile, "--sig-file", sigFile).Bool("valid"));
            Assert.True(CliRunner.Ok("sign", "verify", "--alg", "ECDSA-P256-SHA256", "--pk-file", pkFile, "--msg", Message, "--sig-file", sigFile).Bool("valid"));
            Assert.False(CliRunner.Ok("sign", "verify", "--alg", "ECDSA-P256-SHA256", "--pk-file", pkFile, "--msg-file", emptyFile, "--sig-file", sigFile).Bool("valid"));

            Assert.Equal(
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                CliRunner.Ok("sign", "keygen", "--alg", "Ed25519", "--seed-file", seedFile).String("publicKey"));

            // Both forms at once, a missing file, and bad hex inside a file are bad input.
            CliRunner.BadInput("sign", "sign", "--alg", "ECDSA-P256-SHA256", "--sk", keys.String("privateKey"), "--sk-file", skFile, "--msg", Message);
            CliRunner.BadInput("sign", "sign", "--alg", "ECDSA-P256-SHA256", "--sk-file", skFile + ".missing", "--msg", Message);
            string badFile = CliRunner.TempFile("0x" + Message);
            try
            {
                CliRunner.BadInput("sign", "sign", "--alg", "ECDSA-P256-SHA256", "--sk-file", skFile, "--msg-file", badFile);
            }
            finally
            {
                File.Delete(badFile);
            }
        }
        finally
        {
            foreach (string? path in new[] { skFile, pkFile, msgFile, emptyFile, seedFile, sigFile })
            {
                if (path is not null)
                {
                    File.Delete(path);
                }
            }
        }
    }

    [Fact]
    public void Errors_AreExit2WithAMessage_AndNeverEchoTheKey()
    {
        const string Ed25519Sk = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        const string Ed25519Pk = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
        string sig = new('0', 128);
        CliResult ecdsa = CliRunner.Ok("sign", "keygen", "--alg", "ECDSA-P256-SHA256");
        string ecSk = ecdsa.String("privateKey");
        CliResult rsa = CliRunner.Ok("sign", "keygen", "--alg", "RSA-PSS-2048-SHA256");

        CliResult[] errors =
        [
            // malformed hex, 0x prefix, odd length
            CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", Ed25519Sk[..^2] + "zz", "--msg", ""),
            CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", "0x" + Ed25519Sk, "--msg", ""),
            CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", Ed25519Sk, "--msg", "0x"),
            CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", Ed25519Sk, "--msg", "abc"),
            CliRunner.BadInput("sign", "verify", "--alg", "Ed25519", "--pk", Ed25519Pk, "--msg", "", "--sig", "0" + sig),
            CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", " " + Ed25519Sk, "--msg", ""),

            // wrong key sizes and malformed keys
            CliRunner.BadInput("sign", "keygen", "--alg", "Ed25519", "--seed", Ed25519Sk[..^2]),
            CliRunner.BadInput("sign", "keygen", "--alg", "Ed25519", "--seed", Ed25519Sk + "00"),
            CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", Ed25519Sk + "00", "--msg", ""),
            CliRunner.BadInput("sign", "verify", "--alg", "Ed25519", "--pk", Ed25519Pk[..^2], "--msg", "", "--sig", sig),
            CliRunner.BadInput("sign", "verify", "--alg", "ECDSA-P256-SHA256", "--pk", Ed25519Pk, "--msg", "", "--sig", sig),
            CliRunner.BadInput("sign", "verify", "--alg", "ECDSA-P256-SHA256", "--pk", ecdsa.String("publicKey")[..^2], "--msg", "", "--sig", sig),
            CliRunner.BadInput("sign", "sign", "--alg", "ECDSA-P256-SHA256", "--sk", ecSk[..^2], "--msg", ""),
            CliRunner.BadInput("sign", "sign", "--alg", "ECDSA-P256-SHA256", "--sk", Ed25519Sk, "--msg", ""),
            CliRunner.BadInput("sign", "sign", "--alg", "RSA-PSS-2048-SHA256", "--sk", ecSk, "--msg", ""),
            CliRunner.BadInput("sign", "verify", "--alg", "RSA-PSS-2048-SHA256", "--pk", ecdsa.String("publicKey"), "--msg", "", "--sig", sig),
            CliRunner.BadInput("sign", "verify", "--alg", "ECDSA-P256-SHA256", "--pk", rsa.String("publicKey"), "--msg", "", "--sig", sig),

            // unknown algorithm (names are case-sensitive), unknown option, missing option or value
            CliRunner.BadInput("sign", "keygen", "--alg", "ed25519"),
            CliRunner.BadInput("sign", "keygen", "--alg", "ECDSA-P384-SHA384"),
            CliRunner.BadInput("sign", "keygen", "--alg", "ECDSA-P256-SHA256-DER"),
            CliRunner.BadInput("sign", "keygen", "--alg", "Ed25519", "--colour", "blue"),
            CliRunner.BadInput("sign", "keygen", "--alg", "Ed25519", "-v"),
            CliRunner.BadInput("sign", "keygen", "--alg", "Ed25519", "extra"),
            CliRunner.BadInput("sign", "keygen", "--ALG", "Ed25519"),
            CliRunner.BadInput("sign", "keygen"),
            CliRunner.BadInput("sign", "keygen", "--alg"),
            CliRunner.BadInput("sign", "keygen", "--alg", "Ed25519", "--alg", "Ed25519"),
            CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--msg", ""),
            CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", Ed25519Sk),
            CliRunner.BadInput("sign", "verify", "--alg", "Ed25519", "--pk", Ed25519Pk, "--msg", ""),
            CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", Ed25519Sk, "--msg", "", "--pk", Ed25519Pk),
            CliRunner.BadInput("sign", "verify", "--alg", "Ed25519", "--pk", Ed25519Pk, "--msg", "", "--sig", sig, "--deterministic"),
            CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", Ed25519Sk, "--msg", "", "--deterministic", "--deterministic"),
            CliRunner.BadInput("sign"),
            CliRunner.BadInput("sign", "frobnicate"),

            // --ctx refused for all three families; --seed refused for ECDSA and RSA-PSS; --deterministic for RSA-PSS
            CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", Ed25519Sk, "--msg", "", "--ctx", "00"),
            CliRunner.BadInput("sign", "verify", "--alg", "Ed25519", "--pk", Ed25519Pk, "--msg", "", "--sig", sig, "--ctx", "00"),
            CliRunner.BadInput("sign", "sign", "--alg", "ECDSA-P256-SHA256", "--sk", ecSk, "--msg", "", "--ctx", "00"),
            CliRunner.BadInput("sign", "sign", "--alg", "RSA-PSS-2048-SHA256", "--sk", rsa.String("privateKey"), "--msg", "", "--ctx", "00"),
            CliRunner.BadInput("sign", "keygen", "--alg", "ECDSA-P256-SHA256", "--seed", Ed25519Sk),
            CliRunner.BadInput("sign", "keygen", "--alg", "RSA-PSS-2048-SHA256", "--seed", Ed25519Sk),
            CliRunner.BadInput("sign", "sign", "--alg", "RSA-PSS-2048-SHA256", "--sk", rsa.String("privateKey"), "--msg", "", "--deterministic"),
        ];

        foreach (CliResult error in errors)
        {
            Assert.DoesNotContain(Ed25519Sk, error.Stdout + error.Stderr, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ecSk, error.Stdout + error.Stderr, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(rsa.String("privateKey"), error.Stdout + error.Stderr, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void ErrorMessages_NameTheProblem()
    {
        Assert.Contains("0x", CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", "0x00", "--msg", "").Error, StringComparison.Ordinal);
        Assert.Contains("odd", CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", "000", "--msg", "").Error, StringComparison.Ordinal);
        Assert.Contains("--ctx", CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", "--sk", new string('1', 64), "--msg", "", "--ctx", "01").Error, StringComparison.Ordinal);
        Assert.Contains("--colour", CliRunner.BadInput("sign", "keygen", "--alg", "Ed25519", "--colour", "x").Error, StringComparison.Ordinal);
        Assert.Contains("unknown signature algorithm", CliRunner.BadInput("sign", "keygen", "--alg", "ed25519").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ML-KEM-768")]
    [InlineData("X-Wing")]
    public void KemNames_AreNotSignatureAlgorithms(string alg)
    {
        Assert.Contains("is a KEM", CliRunner.BadInput("sign", "keygen", "--alg", alg).Error, StringComparison.Ordinal);
        Assert.Contains("is a KEM", CliRunner.BadInput("sign", "sign", "--alg", alg, "--sk", "00", "--msg", "").Error, StringComparison.Ordinal);
        Assert.Contains("is a KEM", CliRunner.BadInput("sign", "verify", "--alg", alg, "--pk", "00", "--msg", "", "--sig", "").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ed25519_MalformedPublicKey_IsBadInput()
    {
        // y = 2^255 - 1 (not below p): no point of edwards25519 encodes this way (RFC 8032 §5.1.3).
        string pk = new string('f', 62) + "7f";
        CliRunner.BadInput("sign", "verify", "--alg", "Ed25519", "--pk", pk, "--msg", "", "--sig", new string('0', 128));
    }

    private static int ExpectedSignatureSize(string alg) => alg switch
    {
        "Ed25519" => 64,
        "ECDSA-P256-SHA256" => 64,
        "RSA-PSS-2048-SHA256" => 256,
        "RSA-PSS-3072-SHA256" => 384,
        "RSA-PSS-4096-SHA256" => 512,
        _ => throw new ArgumentException(alg),
    };

    private static string FlipFirstByte(string hex) =>
        Convert.ToHexStringLower([(byte)(Convert.ToByte(hex[..2], 16) ^ 0x80)]) + hex[2..];

    private static (string Oid, ReadOnlyMemory<byte> PublicKey) ReadSpki(byte[] spki)
    {
        var reader = new AsnReader(spki, AsnEncodingRules.DER);
        AsnReader seq = reader.ReadSequence();
        AsnReader alg = seq.ReadSequence();
        string oid = alg.ReadObjectIdentifier();
        byte[] bits = seq.ReadBitString(out int unused);
        Assert.Equal(0, unused);
        return (oid, bits);
    }

    private static byte[] WriteSpki(string oid, ReadOnlySpan<byte> publicKey)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(oid);
            }

            writer.WriteBitString(publicKey);
        }

        return writer.Encode();
    }
}
