using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Xunit;

namespace FintechCrypto.Tests.SlhDsa;

/// <summary>
/// SLH-DSA against BouncyCastle 2.7.0: identical keys from the same seeds (all twelve sets), identical deterministic
/// signatures (pure with a context, and HashSLH-DSA), and cross-verification of randomized signatures both ways.
/// Signing with the 's' sets takes seconds (BouncyCastle's more than ours), so the default run signs with the 'f'
/// sets and makes one deterministic signature with SLH-DSA-SHAKE-128s; the full check of the 's' sets runs under the
/// Slow trait.
/// </summary>
[Trait("Category", "KnownAnswer")]
public class SlhDsaDifferentialTests
{
    public static TheoryData<string> AllNames => SlhDsaSets.All;

    public static TheoryData<string> FastNames => SlhDsaSets.Fast;

    public static TheoryData<string> SmallNames => SlhDsaSets.Small;

    [Theory]
    [MemberData(nameof(AllNames))]
    public void KeysFromTheSameSeed_AreIdentical(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        var rng = new Random(name.GetHashCode(StringComparison.Ordinal));
        int count = name.EndsWith('f') ? 3 : 1;
        for (int i = 0; i < count; i++)
        {
            byte[] seed = new byte[algorithm.SeedSize];
            rng.NextBytes(seed);
            (byte[] bcPk, byte[] bcSk) = BouncyCastleSlhDsa.KeyGen(name, seed);
            using SigningKey key = SigningKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
            Assert.Equal(bcPk, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
            Assert.Equal(bcSk, key.Export(KeyBlobFormat.RawPrivateKey));
            Assert.Equal(seed, key.Export(KeyBlobFormat.PrivateKeySeed));
        }
    }

    [Theory]
    [MemberData(nameof(FastNames))]
    public void DeterministicSignatures_AreIdentical_AndCrossVerify(string name) => DeterministicAndCross(name);

    [Fact]
    public void OneSmallSetSignature_IsIdentical()
    {
        const string name = "SLH-DSA-SHAKE-128s";
        byte[] seed = new byte[48];
        new Random(128).NextBytes(seed);
        using SigningKey key = SigningKey.Import(SignatureAlgorithm.FromName(name), seed, KeyBlobFormat.PrivateKeySeed);
        byte[] message = { 0x63, 0x61, 0x6d, 0x74, 0x2e, 0x30, 0x35, 0x33 };
        byte[] context = { 0xC0 };
        byte[] ours = key.Sign(message, context, SigningMode.Deterministic);
        Assert.Equal(BouncyCastleSlhDsa.Sign(name, key.Export(KeyBlobFormat.RawPrivateKey), message, context, deterministic: true), ours);
        Assert.True(BouncyCastleSlhDsa.Verify(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), message, context, ours));
    }

    [Theory]
    [MemberData(nameof(SmallNames))]
    [Trait("Category", "Slow")]
    public void DeterministicSignatures_AreIdentical_AndCrossVerify_SmallSets(string name) => DeterministicAndCross(name);

    [Theory]
    [InlineData("SLH-DSA-SHA2-128f")]
    [InlineData("SLH-DSA-SHAKE-128f")]
    [InlineData("SLH-DSA-SHA2-192f")]
    [InlineData("SLH-DSA-SHAKE-256f")]
    public void DeterministicPreHashSignatures_AreIdentical_AndCrossVerify(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        (_, string hashName) = BouncyCastleSlhDsa.PreHashParameters(name);
        var hashAlgorithm = new HashAlgorithmName(hashName);
        var rng = new Random(17);
        byte[] seed = new byte[algorithm.SeedSize];
        byte[] message = new byte[300];
        byte[] context = new byte[7];
        rng.NextBytes(seed);
        rng.NextBytes(message);
        rng.NextBytes(context);
        using SigningKey key = SigningKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        byte[] sk = key.Export(KeyBlobFormat.RawPrivateKey);
        byte[] pk = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        byte[] hash = PreHash(hashName, message);

        byte[] ours = new byte[algorithm.SignatureSize];
        Assert.Equal(ours.Length, key.SignPreHash(hash, hashAlgorithm, ours, context, SigningMode.Deterministic));
        Assert.Equal(BouncyCastleSlhDsa.SignPreHash(name, sk, message, context), ours);
        Assert.True(key.PublicKey.VerifyPreHash(hash, hashAlgorithm, ours, context));
        Assert.True(BouncyCastleSlhDsa.VerifyPreHash(name, pk, message, context, ours));

        // A pre-hash signature is not a pure signature of the message, nor of its hash.
        Assert.False(key.PublicKey.Verify(message, ours, context));
        Assert.False(key.PublicKey.Verify(hash, ours, context));

        // Hedged pre-hash signatures differ each time and verify on both sides.
        byte[] hedged = new byte[algorithm.SignatureSize];
        key.SignPreHash(hash, hashAlgorithm, hedged, context);
        Assert.NotEqual(ours, hedged);
        Assert.True(BouncyCastleSlhDsa.VerifyPreHash(name, pk, message, context, hedged));
    }

    private static void DeterministicAndCross(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        var rng = new Random(name.GetHashCode(StringComparison.Ordinal) ^ 0x5A5A);
        byte[] seed = new byte[algorithm.SeedSize];
        rng.NextBytes(seed);
        using SigningKey key = SigningKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        byte[] sk = key.Export(KeyBlobFormat.RawPrivateKey);
        byte[] pk = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

        // Pure SLH-DSA, deterministic variant, with an empty and a 255-byte context.
        byte[]? first = null;
        byte[] m = Array.Empty<byte>();
        byte[] ctx = Array.Empty<byte>();
        foreach (int contextLength in new[] { 0, 255 })
        {
            byte[] message = new byte[1 + rng.Next(200)];
            byte[] context = new byte[contextLength];
            rng.NextBytes(message);
            rng.NextBytes(context);
            byte[] ours = key.Sign(message, context, SigningMode.Deterministic);
            Assert.Equal(BouncyCastleSlhDsa.Sign(name, sk, message, context, deterministic: true), ours);
            Assert.True(BouncyCastleSlhDsa.Verify(name, pk, message, context, ours));
            if (first is null)
            {
                (first, m, ctx) = (ours, message, context);
            }
        }

        // Randomized: ours verifies under BouncyCastle, BouncyCastle's under ours.
        byte[] hedged = key.Sign(m, ctx, SigningMode.Default);
        Assert.NotEqual(first, hedged);
        Assert.True(BouncyCastleSlhDsa.Verify(name, pk, m, ctx, hedged));
        byte[] theirs = BouncyCastleSlhDsa.Sign(name, sk, m, ctx, deterministic: false);
        Assert.True(key.PublicKey.Verify(m, theirs, ctx));
        Assert.False(key.PublicKey.Verify(m, theirs, new byte[] { 1, 2 }));
        Assert.True(key.PublicKey.Verify(m, first!, ctx));
    }

    private static byte[] PreHash(string hashName, byte[] message)
    {
        switch (hashName)
        {
            case "SHA256":
                return SHA256.HashData(message);
            case "SHA512":
                return SHA512.HashData(message);
            default:
            {
                // SHAKE128 with a 256-bit output and SHAKE256 with a 512-bit output (FIPS 205 §10.2.2).
                int bits = hashName == "SHAKE128" ? 128 : 256;
                var shake = new ShakeDigest(bits);
                shake.BlockUpdate(message);
                byte[] output = new byte[bits / 4];
                shake.OutputFinal(output);
                return output;
            }
        }
    }
}
