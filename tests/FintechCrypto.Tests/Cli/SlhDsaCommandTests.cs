using System;
using FintechCrypto.Testing;
using Xunit;

namespace FintechCrypto.Tests.Cli;

/// <summary>
/// `fintechcrypto sign keygen|sign|verify` for SLH-DSA (cli.md, "Signatures": the seed is SK.seed ‖ SK.prf ‖ PK.seed,
/// the keys the FIPS 205 pk / sk, --ctx 0-255 bytes, --deterministic opt_rand = PK.seed), and `acvp` on the SLH-DSA
/// sets. Mostly on the fast 'f' sets; one keygen per family of the small sets.
/// </summary>
public sealed class SlhDsaCommandTests
{
    [Theory]
    [InlineData("SLH-DSA-SHAKE-128f", 16)]
    [InlineData("SLH-DSA-SHA2-128f", 16)]
    [InlineData("SLH-DSA-SHA2-192f", 24)]
    public void KeygenSignVerify_RoundTrip(string alg, int n)
    {
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", alg);
        string pk = keys.String("publicKey");
        string sk = keys.String("privateKey");
        string seed = keys.String("seed");
        Assert.Equal((2 * n, 4 * n, 3 * n), (pk.Length / 2, sk.Length / 2, seed.Length / 2));
        Assert.Equal(seed, sk[..(6 * n)]);
        Assert.Equal(pk, sk[(4 * n)..]);

        // Keygen from the printed seed reproduces the key pair (hex input in either case).
        CliResult again = CliRunner.Ok("sign", "keygen", "--alg", alg, "--seed", seed.ToUpperInvariant());
        Assert.Equal((pk, sk, seed), (again.String("publicKey"), again.String("privateKey"), again.String("seed")));

        string msg = "706163732e303038";
        string ctx = "0102";
        string signature = CliRunner.Ok("sign", "sign", "--alg", alg, "--sk", sk, "--msg", msg, "--ctx", ctx).String("signature");
        Assert.Equal(SignatureAlgorithm.FromName(alg).SignatureSize, signature.Length / 2);
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", msg, "--sig", signature, "--ctx", ctx).Bool("valid"));

        // The context is part of what is signed; a wrong-length signature is "valid": false, not an error.
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", msg, "--sig", signature).Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", msg, "--sig", signature[2..], "--ctx", ctx).Bool("valid"));
        Assert.False(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", "00", "--sig", signature, "--ctx", ctx).Bool("valid"));

        // Hedged by default: two signatures differ. --deterministic: equal, and the same from the seed as --sk.
        Assert.NotEqual(signature, CliRunner.Ok("sign", "sign", "--alg", alg, "--sk", sk, "--msg", msg, "--ctx", ctx).String("signature"));
        string d1 = CliRunner.Ok("sign", "sign", "--alg", alg, "--sk", sk, "--msg", msg, "--deterministic").String("signature");
        string d2 = CliRunner.Ok("sign", "sign", "--alg", alg, "--sk", seed, "--msg", msg, "--deterministic").String("signature");
        Assert.Equal(d1, d2);
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", msg, "--sig", d1).Bool("valid"));

        // The deterministic variant is the library's (and so BouncyCastle's, see SlhDsaDifferentialTests).
        using SigningKey key = SigningKey.Import(SignatureAlgorithm.FromName(alg), Convert.FromHexString(sk), KeyBlobFormat.RawPrivateKey);
        Assert.Equal(Convert.FromHexString(d1), key.Sign(Convert.FromHexString(msg), SigningMode.Deterministic));
    }

    [Theory]
    [InlineData("SLH-DSA-SHA2-128s")]
    [InlineData("SLH-DSA-SHAKE-128s")]
    public void SmallSets_KeygenFromSeed_MatchesTheLibrary(string alg)
    {
        byte[] seed = new byte[48];
        new Random(alg.Length).NextBytes(seed);
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", alg, "--seed", Convert.ToHexString(seed));
        using SigningKey key = SigningKey.Import(SignatureAlgorithm.FromName(alg), seed, KeyBlobFormat.PrivateKeySeed);
        Assert.Equal(key.PublicKey.Export(KeyBlobFormat.RawPublicKey), keys.Bytes("publicKey"));
        Assert.Equal(key.Export(KeyBlobFormat.RawPrivateKey), keys.Bytes("privateKey"));
    }

    [Fact]
    public void BadInput_IsExit2_WithAClearMessage()
    {
        const string alg = "SLH-DSA-SHAKE-128f";
        CliResult keys = CliRunner.Ok("sign", "keygen", "--alg", alg);
        string sk = keys.String("privateKey");
        string pk = keys.String("publicKey");

        Assert.Contains("48 bytes", CliRunner.BadInput("sign", "keygen", "--alg", alg, "--seed", new string('0', 94)).Error, StringComparison.Ordinal);
        Assert.Contains("--sk", CliRunner.BadInput("sign", "sign", "--alg", alg, "--sk", sk[2..], "--msg", "").Error, StringComparison.Ordinal);
        Assert.Contains("--ctx", CliRunner.BadInput("sign", "sign", "--alg", alg, "--sk", sk, "--msg", "", "--ctx", new string('a', 512)).Error, StringComparison.Ordinal);
        Assert.Contains("--ctx", CliRunner.BadInput("sign", "verify", "--alg", alg, "--pk", pk, "--msg", "", "--sig", "", "--ctx", new string('a', 512)).Error, StringComparison.Ordinal);
        Assert.Contains("--pk", CliRunner.BadInput("sign", "verify", "--alg", alg, "--pk", pk + "00", "--msg", "", "--sig", "").Error, StringComparison.Ordinal);
        Assert.Contains("unknown signature algorithm", CliRunner.BadInput("sign", "keygen", "--alg", "SLH-DSA-SHAKE-128F").Error, StringComparison.Ordinal);

        // A 255-byte context is accepted; an empty --ctx is the empty context.
        string signature = CliRunner.Ok("sign", "sign", "--alg", alg, "--sk", sk, "--msg", "", "--ctx", new string('a', 510)).String("signature");
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", "", "--sig", signature, "--ctx", new string('a', 510)).Bool("valid"));
        string empty = CliRunner.Ok("sign", "sign", "--alg", alg, "--sk", sk, "--msg", "", "--ctx", "").String("signature");
        Assert.True(CliRunner.Ok("sign", "verify", "--alg", alg, "--pk", pk, "--msg", "", "--sig", empty).Bool("valid"));
    }

    [Fact]
    [Trait("Category", "KnownAnswer")]
    public void AcvpSigVer_PrintsZeroFailures()
    {
        // The keyGen set's 120 cases run through the same runner in SlhDsaVectorTests (and AcvpVectorTests).
        CliResult result = CliRunner.Ok("acvp", VectorFiles.Resolve("acvp/SLH-DSA-sigVer-FIPS205/internalProjection.json"));
        Assert.Equal((45, 0, 0), (result.Json.GetProperty("passed").GetInt32(), result.Json.GetProperty("failed").GetInt32(), result.Json.GetProperty("skipped").GetInt32()));
    }
}
