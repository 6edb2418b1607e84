using System;
using System.Security.Cryptography;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.MlDsa;

/// <summary>The signature contract for ML-DSA: contexts, tampering, sizes, disposal and formats.</summary>
public class MlDsaContractTests
{
    public static TheoryData<string> Names => new() { "ML-DSA-44", "ML-DSA-65", "ML-DSA-87" };

    [Theory]
    [MemberData(nameof(Names))]
    public void AnyFlippedBit_InSignatureMessageContextOrPublicKey_GivesFalse(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        using SigningKey key = SigningKey.Generate(algorithm);
        byte[] message = RandomNumberGenerator.GetBytes(100);
        byte[] context = RandomNumberGenerator.GetBytes(20);
        byte[] signature = key.Sign(message, context, SigningMode.Default);
        Assert.Equal(algorithm.SignatureSize, signature.Length);
        Assert.True(key.PublicKey.Verify(message, signature, context));
        var rng = new Random(name.Length);
        for (int i = 0; i < 40; i++)
        {
            byte[] s = (byte[])signature.Clone();
            s[rng.Next(s.Length)] ^= (byte)(1 << rng.Next(8));
            Assert.False(key.PublicKey.Verify(message, s, context));
            byte[] m = (byte[])message.Clone();
            m[rng.Next(m.Length)] ^= (byte)(1 << rng.Next(8));
            Assert.False(key.PublicKey.Verify(m, signature, context));
            byte[] c = (byte[])context.Clone();
            c[rng.Next(c.Length)] ^= (byte)(1 << rng.Next(8));
            Assert.False(key.PublicKey.Verify(message, signature, c));
            byte[] pk = key.Export(KeyBlobFormat.RawPublicKey);
            pk[rng.Next(pk.Length)] ^= (byte)(1 << rng.Next(8));
            using VerificationKey tampered = VerificationKey.Import(algorithm, pk, KeyBlobFormat.RawPublicKey);
            Assert.False(tampered.Verify(message, signature, context));
        }

        Assert.False(key.PublicKey.Verify(message, signature));
        Assert.False(key.PublicKey.Verify(message, signature.AsSpan(1), context));
        Assert.False(key.PublicKey.Verify(message, Array.Empty<byte>(), context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DeterministicMode_IsStable_HedgedModeIsNot(string name)
    {
        using SigningKey key = SigningKey.Generate(SignatureAlgorithm.FromName(name));
        byte[] message = { 1, 2, 3 };
        Assert.Equal(key.Sign(message, SigningMode.Deterministic), key.Sign(message, SigningMode.Deterministic));
        Assert.NotEqual(key.Sign(message), key.Sign(message));
    }

    [Fact]
    public void ContextLongerThan255_IsAnArgumentException()
    {
        using SigningKey key = SigningKey.Generate(SignatureAlgorithm.MlDsa44);
        Assert.True(key.Algorithm.SupportsContext);
        Assert.Equal(255, key.Algorithm.MaxContextSize);
        byte[] signature = key.Sign(new byte[1], new byte[255], SigningMode.Default);
        Assert.True(key.PublicKey.Verify(new byte[1], signature, new byte[255]));
        Assert.Equal("context", Assert.Throws<ArgumentException>(() => key.Sign(new byte[1], new byte[256], SigningMode.Default)).ParamName);
        Assert.Equal("context", Assert.Throws<ArgumentException>(() => key.PublicKey.Verify(new byte[1], signature, new byte[256])).ParamName);
    }

    [Fact]
    public void PreHash_ChecksTheHashLengthAndName()
    {
        using SigningKey key = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        byte[] sig = new byte[key.SignatureSize];
        Assert.Equal("hash", Assert.Throws<ArgumentException>(() => key.SignPreHash(new byte[31], HashAlgorithmName.SHA256, sig)).ParamName);
        Assert.Equal("hashAlgorithm", Assert.Throws<ArgumentException>(() => key.SignPreHash(new byte[16], HashAlgorithmName.MD5, sig)).ParamName);
        foreach (string hash in new[] { "SHA224", "SHA256", "SHA384", "SHA512", "SHA512/224", "SHA512/256", "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512", "SHAKE128", "SHAKE256" })
        {
            var name = new HashAlgorithmName(hash);
            (_, int length) = PreHash.Describe(name, "x");
            byte[] digest = new byte[length];
            PreHash.Compute(name, new byte[] { 1, 2, 3 }, digest);
            key.SignPreHash(digest, name, sig);
            Assert.True(key.PublicKey.VerifyPreHash(digest, name, sig));
        }

        using SigningKey ed = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        Assert.Throws<ArgumentException>(() => ed.SignPreHash(new byte[32], HashAlgorithmName.SHA256, new byte[64]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Formats_RoundTrip_AndExpandedKeysCannotExportASeed(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        using SigningKey key = SigningKey.Generate(algorithm);
        byte[] message = { 5 };
        foreach (KeyBlobFormat format in new[] { KeyBlobFormat.PrivateKeySeed, KeyBlobFormat.RawPrivateKey, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.PemPkcs8PrivateKey })
        {
            using SigningKey imported = SigningKey.Import(algorithm, key.Export(format), format);
            Assert.Equal(key.Sign(message, SigningMode.Deterministic), imported.Sign(message, SigningMode.Deterministic));
        }

        using SigningKey expanded = SigningKey.Import(algorithm, key.Export(KeyBlobFormat.RawPrivateKey), KeyBlobFormat.RawPrivateKey);
        Assert.Throws<ArgumentException>(() => expanded.Export(KeyBlobFormat.PrivateKeySeed));
        foreach (KeyBlobFormat format in new[] { KeyBlobFormat.RawPublicKey, KeyBlobFormat.SubjectPublicKeyInfo, KeyBlobFormat.PemSubjectPublicKeyInfo })
        {
            using VerificationKey imported = VerificationKey.Import(algorithm, key.Export(format), format);
            Assert.True(imported.Verify(message, key.Sign(message)));
        }
    }

    [Fact]
    public void MalformedExpandedKeys_AreRefused()
    {
        using SigningKey key = SigningKey.Generate(SignatureAlgorithm.MlDsa44);
        byte[] sk = key.Export(KeyBlobFormat.RawPrivateKey);
        byte[] badTr = (byte[])sk.Clone();
        badTr[64] ^= 1;
        Assert.Throws<InvalidKeyEncodingException>(() => SigningKey.Import(SignatureAlgorithm.MlDsa44, badTr, KeyBlobFormat.RawPrivateKey));
        byte[] badS1 = (byte[])sk.Clone();
        badS1[128] = 0xFF; // 3-bit fields of 7 give η − 7 = −5, outside [−2, 2]
        Assert.Throws<InvalidKeyEncodingException>(() => SigningKey.Import(SignatureAlgorithm.MlDsa44, badS1, KeyBlobFormat.RawPrivateKey));
        Assert.Throws<InvalidKeyEncodingException>(() => SigningKey.Import(SignatureAlgorithm.MlDsa44, sk.AsSpan(1), KeyBlobFormat.RawPrivateKey));
        Assert.Throws<InvalidKeyEncodingException>(() => VerificationKey.Import(SignatureAlgorithm.MlDsa44, new byte[1311], KeyBlobFormat.RawPublicKey));
    }

    [Fact]
    public void Disposed_ThrowsObjectDisposedException()
    {
        SigningKey key = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        VerificationKey pk = key.PublicKey;
        byte[] sig = key.Sign(new byte[1]);
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Sign(new byte[1]));
        Assert.Throws<ObjectDisposedException>(() => key.SignPreHash(new byte[32], HashAlgorithmName.SHA256, new byte[4000]));
        Assert.Throws<ObjectDisposedException>(() => pk.Verify(new byte[1], sig));
    }

    [Property(MaxTest = 60)]
    public void Import_Garbage_ThrowsOnlyOurExceptions(byte[] garbage)
    {
        garbage ??= Array.Empty<byte>();
        foreach (KeyBlobFormat format in new[] { KeyBlobFormat.PrivateKeySeed, KeyBlobFormat.RawPrivateKey, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.RawPublicKey, KeyBlobFormat.SubjectPublicKeyInfo })
        {
            try
            {
                if (format < 0)
                {
                    SigningKey.Import(SignatureAlgorithm.MlDsa44, garbage, format).Dispose();
                }
                else
                {
                    VerificationKey.Import(SignatureAlgorithm.MlDsa44, garbage, format).Dispose();
                }
            }
            catch (FintechCryptoException)
            {
            }
            catch (ArgumentException)
            {
            }
        }
    }
}
