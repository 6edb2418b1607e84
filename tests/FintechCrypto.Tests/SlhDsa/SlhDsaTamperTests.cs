using System;
using Xunit;

namespace FintechCrypto.Tests.SlhDsa;

/// <summary>
/// Any flipped bit in the signature (in R, SIG_FORS and every hypertree layer), the message, the context or the
/// public key makes verification false, for pure and pre-hash signatures, on one SHA2 and one SHAKE set.
/// </summary>
public class SlhDsaTamperTests
{
    public static TheoryData<string> Names => new() { "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f" };

    [Theory]
    [MemberData(nameof(Names))]
    public void FlippedBits_NeverVerify(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        var rng = new Random(name.Length * 7919);
        using SigningKey key = SigningKey.Generate(algorithm);
        VerificationKey publicKey = key.PublicKey;
        byte[] message = new byte[64];
        byte[] context = new byte[5];
        rng.NextBytes(message);
        rng.NextBytes(context);
        byte[] signature = key.Sign(message, context, SigningMode.Default);
        Assert.True(publicKey.Verify(message, signature, context));

        // Signature: the first and last bit, bits in R and at the start of SIG_FORS and SIG_HT, then random ones.
        int n = algorithm.SeedSize / 3;
        var positions = new System.Collections.Generic.List<int> { 0, (8 * signature.Length) - 1, 8 * (n - 1), 8 * n, 8 * (signature.Length - (n * 40)) };
        for (int i = 0; i < 60; i++)
        {
            positions.Add(rng.Next(8 * signature.Length));
        }

        foreach (int bit in positions)
        {
            Assert.False(publicKey.Verify(message, Flip(signature, bit), context), $"signature bit {bit}");
        }

        for (int i = 0; i < 8; i++)
        {
            Assert.False(publicKey.Verify(Flip(message, rng.Next(8 * message.Length)), signature, context), "message");
            Assert.False(publicKey.Verify(message, signature, Flip(context, rng.Next(8 * context.Length))), "context");
        }

        Assert.False(publicKey.Verify(message, signature, ReadOnlySpan<byte>.Empty));
        Assert.False(publicKey.Verify(message, signature, new byte[6]));
        Assert.False(publicKey.Verify(message[..^1], signature, context));

        byte[] pk = publicKey.Export(KeyBlobFormat.RawPublicKey);
        for (int i = 0; i < 12; i++)
        {
            int bit = i < 2 ? (i == 0 ? 0 : (8 * pk.Length) - 1) : rng.Next(8 * pk.Length);
            using VerificationKey tampered = VerificationKey.Import(algorithm, Flip(pk, bit), KeyBlobFormat.RawPublicKey);
            Assert.False(tampered.Verify(message, signature, context), $"public key bit {bit}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void FlippedBits_NeverVerify_PreHash(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        var sha256 = System.Security.Cryptography.HashAlgorithmName.SHA256;
        var rng = new Random(name.Length * 104729);
        using SigningKey key = SigningKey.Generate(algorithm);
        byte[] hash = new byte[32];
        rng.NextBytes(hash);
        byte[] signature = new byte[algorithm.SignatureSize];
        key.SignPreHash(hash, sha256, signature);
        Assert.True(key.PublicKey.VerifyPreHash(hash, sha256, signature));
        Assert.False(key.PublicKey.VerifyPreHash(hash, System.Security.Cryptography.HashAlgorithmName.SHA3_256, signature));
        Assert.False(key.PublicKey.VerifyPreHash(hash, sha256, signature, new byte[] { 0 }));
        for (int i = 0; i < 20; i++)
        {
            Assert.False(key.PublicKey.VerifyPreHash(hash, sha256, Flip(signature, rng.Next(8 * signature.Length))));
            Assert.False(key.PublicKey.VerifyPreHash(Flip(hash, rng.Next(256)), sha256, signature));
        }
    }

    private static byte[] Flip(byte[] data, int bit)
    {
        byte[] copy = (byte[])data.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
