using System;
using System.Security.Cryptography;
using Xunit;

namespace FintechCrypto.Tests.Api;

/// <summary>The SigningKey / VerificationKey contract, run over every signature parameter set.</summary>
public class SignatureContractTests
{
    private static readonly byte[] Message = System.Text.Encoding.UTF8.GetBytes("pacs.008 credit transfer 12345.67 EUR");

    [Theory]
    [MemberData(nameof(Registry.SignatureNames), MemberType = typeof(Registry))]
    public void SignThenVerify_RoundTrips_AndTamperingFails(string name)
    {
        SignatureAlgorithm algorithm = Registry.Signature(name);
        SigningKey key = Registry.SharedKey(algorithm);
        byte[] signature = key.Sign(Message);
        Assert.True(signature.Length <= algorithm.SignatureSize);
        Assert.True(key.PublicKey.Verify(Message, signature));

        byte[] tamperedMessage = (byte[])Message.Clone();
        tamperedMessage[3] ^= 0x01;
        Assert.False(key.PublicKey.Verify(tamperedMessage, signature));

        byte[] tamperedSignature = (byte[])signature.Clone();
        tamperedSignature[signature.Length / 2] ^= 0x80;
        Assert.False(key.PublicKey.Verify(Message, tamperedSignature));
    }

    [Theory]
    [MemberData(nameof(Registry.SignatureNames), MemberType = typeof(Registry))]
    public void Verify_WrongLengthSignature_IsFalseNotAnException(string name)
    {
        SignatureAlgorithm algorithm = Registry.Signature(name);
        SigningKey key = Registry.SharedKey(algorithm);
        byte[] signature = key.Sign(Message);
        Assert.False(key.PublicKey.Verify(Message, Array.Empty<byte>()));
        Assert.False(key.PublicKey.Verify(Message, signature.AsSpan(0, signature.Length - 1)));
        byte[] longer = new byte[signature.Length + 1];
        signature.CopyTo(longer, 0);
        Assert.False(key.PublicKey.Verify(Message, longer));
    }

    [Theory]
    [MemberData(nameof(Registry.SignatureNames), MemberType = typeof(Registry))]
    public void Sign_DestinationTooSmall_ThrowsArgumentExceptionNamingSignature(string name)
    {
        SigningKey key = Registry.SharedKey(Registry.Signature(name));
        byte[] small = new byte[key.SignatureSize - 1];
        ArgumentException e = Assert.Throws<ArgumentException>(() => key.Sign(Message, small));
        Assert.Equal("signature", e.ParamName);
    }

    [Theory]
    [MemberData(nameof(Registry.SignatureNames), MemberType = typeof(Registry))]
    public void Context_IsRefusedByClassicalAlgorithms(string name)
    {
        SigningKey key = Registry.SharedKey(Registry.Signature(name));
        Assert.False(key.Algorithm.SupportsContext);
        ArgumentException e = Assert.Throws<ArgumentException>(() => key.Sign(Message, new byte[] { 1 }, SigningMode.Default));
        Assert.Equal("context", e.ParamName);
        ArgumentException v = Assert.Throws<ArgumentException>(() => key.PublicKey.Verify(Message, new byte[64], new byte[] { 1 }));
        Assert.Equal("context", v.ParamName);
    }

    [Theory]
    [MemberData(nameof(Registry.SignatureNames), MemberType = typeof(Registry))]
    public void ExportImport_RoundTripsInEveryFormat(string name)
    {
        SignatureAlgorithm algorithm = Registry.Signature(name);
        SigningKey key = Registry.SharedKey(algorithm);
        byte[] signature = key.Sign(Message);
        foreach (KeyBlobFormat format in new[] { KeyBlobFormat.RawPrivateKey, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.PemPkcs8PrivateKey })
        {
            byte[] blob = key.Export(format);
            using SigningKey imported = SigningKey.Import(algorithm, blob, format);
            Assert.Equal(key.Export(KeyBlobFormat.RawPublicKey), imported.Export(KeyBlobFormat.RawPublicKey));
            Assert.True(key.PublicKey.Verify(Message, imported.Sign(Message)));
        }

        foreach (KeyBlobFormat format in new[] { KeyBlobFormat.RawPublicKey, KeyBlobFormat.SubjectPublicKeyInfo, KeyBlobFormat.PemSubjectPublicKeyInfo })
        {
            byte[] blob = key.PublicKey.Export(format);
            using VerificationKey imported = VerificationKey.Import(algorithm, blob, format);
            Assert.True(imported.Verify(Message, signature));
            Assert.Equal(blob, imported.Export(format));
        }
    }

    [Theory]
    [MemberData(nameof(Registry.SignatureNames), MemberType = typeof(Registry))]
    public void TryExport_TooSmallDestination_ReturnsFalse(string name)
    {
        SigningKey key = Registry.SharedKey(Registry.Signature(name));
        byte[] spki = key.PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo);
        Assert.False(key.PublicKey.TryExport(KeyBlobFormat.SubjectPublicKeyInfo, new byte[spki.Length - 1], out int written));
        Assert.Equal(0, written);
        byte[] destination = new byte[spki.Length + 10];
        Assert.True(key.PublicKey.TryExport(KeyBlobFormat.SubjectPublicKeyInfo, destination, out written));
        Assert.Equal(spki, destination.AsSpan(0, written).ToArray());
    }

    [Theory]
    [MemberData(nameof(Registry.SignatureNames), MemberType = typeof(Registry))]
    public void WrongDirectionFormats_AreArgumentExceptions(string name)
    {
        SignatureAlgorithm algorithm = Registry.Signature(name);
        SigningKey key = Registry.SharedKey(algorithm);
        Assert.Throws<ArgumentException>(() => SigningKey.Import(algorithm, key.Export(KeyBlobFormat.SubjectPublicKeyInfo), KeyBlobFormat.SubjectPublicKeyInfo));
        Assert.Throws<ArgumentException>(() => VerificationKey.Import(algorithm, key.Export(KeyBlobFormat.Pkcs8PrivateKey), KeyBlobFormat.Pkcs8PrivateKey));
        Assert.Throws<ArgumentException>(() => key.PublicKey.Export(KeyBlobFormat.Pkcs8PrivateKey));
        Assert.Throws<ArgumentException>(() => key.Export(KeyBlobFormat.None));
    }

    [Fact]
    public void DisposedKeys_ThrowObjectDisposedException_AndDisposeTwiceIsHarmless()
    {
        SigningKey key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        VerificationKey publicKey = key.PublicKey;
        byte[] signature = key.Sign(Message);
        key.Dispose();
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Sign(Message));
        Assert.Throws<ObjectDisposedException>(() => key.Sign(Message, new byte[64]));
        Assert.Throws<ObjectDisposedException>(() => key.Export(KeyBlobFormat.RawPrivateKey));
        Assert.Throws<ObjectDisposedException>(() => key.PublicKey);
        Assert.Throws<ObjectDisposedException>(() => key.SignatureSize);
        Assert.Throws<ObjectDisposedException>(() => publicKey.Verify(Message, signature));
        Assert.Equal(SignatureAlgorithm.Ed25519, key.Algorithm);
    }

    [Fact]
    public void NullArguments_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => SigningKey.Generate(null!));
        Assert.Throws<ArgumentNullException>(() => SigningKey.Import(null!, new byte[32], KeyBlobFormat.RawPrivateKey));
        Assert.Throws<ArgumentNullException>(() => VerificationKey.Import(null!, new byte[32], KeyBlobFormat.RawPublicKey));
        using SigningKey key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        Assert.Throws<ArgumentNullException>(() => key.Sign((byte[])null!));
        Assert.Throws<ArgumentNullException>(() => key.PublicKey.Verify(null!, new byte[64]));
        Assert.Throws<ArgumentNullException>(() => key.PublicKey.Verify(Message, null!));
        Assert.Throws<ArgumentNullException>(() => SignatureAlgorithm.FromName(null!));
    }

    [Fact]
    public void ToString_NeverShowsKeyMaterial()
    {
        using SigningKey key = SigningKey.Import(SignatureAlgorithm.Ed25519, new byte[32], KeyBlobFormat.RawPrivateKey);
        Assert.Equal("SigningKey(Ed25519)", key.ToString());
        Assert.Equal("VerificationKey(Ed25519)", key.PublicKey.ToString());
    }

    [Fact]
    public void Sign_OverlappingBuffers_AreRefused()
    {
        using SigningKey key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        byte[] buffer = new byte[128];
        ArgumentException e = Assert.Throws<ArgumentException>(() => key.Sign(buffer.AsSpan(0, 64), buffer.AsSpan(32, 64)));
        Assert.Equal("signature", e.ParamName);
    }

    [Fact]
    public void FromName_KnowsEveryCliName_AndRefusesOthers()
    {
        foreach (string name in new[] { "Ed25519", "ECDSA-P256-SHA256", "RSA-PSS-2048-SHA256", "RSA-PSS-3072-SHA256", "RSA-PSS-4096-SHA256" })
        {
            Assert.Equal(name, SignatureAlgorithm.FromName(name).Name);
        }

        ArgumentException e = Assert.Throws<ArgumentException>(() => SignatureAlgorithm.FromName("ed25519"));
        Assert.Equal("name", e.ParamName);
    }

    [Fact]
    public void RsaPss_Factory_ReturnsPredefinedInstances_AndValidatesParameters()
    {
        Assert.Same(SignatureAlgorithm.RsaPss3072Sha256, SignatureAlgorithm.RsaPss(3072, HashAlgorithmName.SHA256, HashAlgorithmName.SHA256, 32));
        SignatureAlgorithm custom = SignatureAlgorithm.RsaPss(2048, HashAlgorithmName.SHA256, HashAlgorithmName.SHA1, 0);
        Assert.Equal(custom, SignatureAlgorithm.RsaPss(2048, HashAlgorithmName.SHA256, HashAlgorithmName.SHA1, 0));
        Assert.NotEqual(custom, SignatureAlgorithm.RsaPss(2048, HashAlgorithmName.SHA256, HashAlgorithmName.SHA1, 1));
        Assert.Equal(256, custom.SignatureSize);
        Assert.Throws<ArgumentOutOfRangeException>(() => SignatureAlgorithm.RsaPss(1000, HashAlgorithmName.SHA256, HashAlgorithmName.SHA256, 32));
        Assert.Throws<ArgumentOutOfRangeException>(() => SignatureAlgorithm.RsaPss(2048, HashAlgorithmName.SHA256, HashAlgorithmName.SHA256, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SignatureAlgorithm.RsaPss(2048, HashAlgorithmName.SHA512, HashAlgorithmName.SHA512, 256 - 64 - 1));
        Assert.Throws<ArgumentException>(() => SignatureAlgorithm.RsaPss(2048, HashAlgorithmName.MD5, HashAlgorithmName.SHA256, 32));
    }

    [Fact]
    public void RsaPss_DeterministicMode_RefusedWithSalt_AllowedWithoutSalt()
    {
        SigningKey key = Registry.SharedKey(SignatureAlgorithm.RsaPss2048Sha256);
        ArgumentException e = Assert.Throws<ArgumentException>(() => key.Sign(Message, SigningMode.Deterministic));
        Assert.Equal("mode", e.ParamName);

        SignatureAlgorithm saltless = SignatureAlgorithm.RsaPss(2048, HashAlgorithmName.SHA256, HashAlgorithmName.SHA256, 0);
        using SigningKey saltlessKey = SigningKey.Import(saltless, key.Export(KeyBlobFormat.Pkcs8PrivateKey), KeyBlobFormat.Pkcs8PrivateKey);
        byte[] first = saltlessKey.Sign(Message, SigningMode.Deterministic);
        Assert.Equal(first, saltlessKey.Sign(Message, SigningMode.Deterministic));
        Assert.True(saltlessKey.PublicKey.Verify(Message, first));
    }

    [Fact]
    public void RsaPss_KeyOfAnotherSize_IsRefused()
    {
        SigningKey key2048 = Registry.SharedKey(SignatureAlgorithm.RsaPss2048Sha256);
        Assert.Throws<InvalidKeyEncodingException>(() =>
            VerificationKey.Import(SignatureAlgorithm.RsaPss3072Sha256, key2048.PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo), KeyBlobFormat.SubjectPublicKeyInfo));
    }

    [Fact]
    public void Ecdsa_DeterministicMode_IsRfc6979_StableAndVerifiable()
    {
        SigningKey key = Registry.SharedKey(SignatureAlgorithm.EcdsaP256Sha256);
        byte[] first = key.Sign(Message, SigningMode.Deterministic);
        Assert.Equal(first, key.Sign(Message, SigningMode.Deterministic));
        Assert.NotEqual(first, key.Sign(Message));
        Assert.True(key.PublicKey.Verify(Message, first));
    }

    [Fact]
    public void Ecdsa_P1363AndDerKeys_Interoperate()
    {
        SigningKey p1363 = Registry.SharedKey(SignatureAlgorithm.EcdsaP256Sha256);
        using VerificationKey der = VerificationKey.Import(SignatureAlgorithm.EcdsaP256Sha256Der, p1363.PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo), KeyBlobFormat.SubjectPublicKeyInfo);
        using SigningKey derSigner = SigningKey.Import(SignatureAlgorithm.EcdsaP256Sha256Der, p1363.Export(KeyBlobFormat.RawPrivateKey), KeyBlobFormat.RawPrivateKey);
        byte[] derSignature = derSigner.Sign(Message);
        Assert.Equal(0x30, derSignature[0]);
        Assert.True(der.Verify(Message, derSignature));
        Assert.False(p1363.PublicKey.Verify(Message, derSignature));
    }
}
