using System;
using Xunit;

namespace FintechCrypto.Tests.Api;

public class KeyAgreementContractTests
{
    [Theory]
    [MemberData(nameof(Registry.KeyAgreementNames), MemberType = typeof(Registry))]
    public void BothSides_AgreeOnTheSameSecret(string name)
    {
        KeyAgreementAlgorithm algorithm = KeyAgreementAlgorithm.FromName(name);
        using KeyAgreementKey alice = KeyAgreementKey.Generate(algorithm);
        using KeyAgreementKey bob = KeyAgreementKey.Generate(algorithm);
        byte[] ab = alice.Agree(bob.PublicKey);
        byte[] ba = bob.Agree(alice.PublicKey);
        Assert.Equal(algorithm.SharedSecretSize, ab.Length);
        Assert.Equal(ab, ba);
        Assert.NotEqual(new byte[ab.Length], ab);
    }

    [Theory]
    [MemberData(nameof(Registry.KeyAgreementNames), MemberType = typeof(Registry))]
    public void ExportImport_RoundTripsInEveryFormat(string name)
    {
        KeyAgreementAlgorithm algorithm = KeyAgreementAlgorithm.FromName(name);
        using KeyAgreementKey alice = KeyAgreementKey.Generate(algorithm);
        using KeyAgreementKey bob = KeyAgreementKey.Generate(algorithm);
        byte[] expected = alice.Agree(bob.PublicKey);
        foreach (KeyBlobFormat format in new[] { KeyBlobFormat.RawPrivateKey, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.PemPkcs8PrivateKey })
        {
            using KeyAgreementKey imported = KeyAgreementKey.Import(algorithm, alice.Export(format), format);
            Assert.Equal(expected, imported.Agree(bob.PublicKey));
        }

        foreach (KeyBlobFormat format in new[] { KeyBlobFormat.RawPublicKey, KeyBlobFormat.SubjectPublicKeyInfo, KeyBlobFormat.PemSubjectPublicKeyInfo })
        {
            using KeyAgreementPublicKey imported = KeyAgreementPublicKey.Import(algorithm, bob.PublicKey.Export(format), format);
            Assert.Equal(expected, alice.Agree(imported));
            Assert.Equal(bob.PublicKey.Export(format), imported.Export(format));
        }
    }

    [Fact]
    public void Agree_WithKeyOfAnotherAlgorithm_IsArgumentException()
    {
        using KeyAgreementKey x = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        using KeyAgreementKey p = KeyAgreementKey.Generate(KeyAgreementAlgorithm.EcdhP256);
        ArgumentException e = Assert.Throws<ArgumentException>(() => x.Agree(p.PublicKey));
        Assert.Equal("peer", e.ParamName);
    }

    [Fact]
    public void Agree_WrongDestinationLength_IsArgumentException()
    {
        using KeyAgreementKey x = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        ArgumentException e = Assert.Throws<ArgumentException>(() => x.Agree(x.PublicKey, new byte[31]));
        Assert.Equal("sharedSecret", e.ParamName);
    }

    [Fact]
    public void X25519_LowOrderPoint_IsRefusedWithOurException()
    {
        // u = 0 has order 1 (RFC 7748 §6.1: the all-zero output is checked for and refused).
        using KeyAgreementKey x = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        using KeyAgreementPublicKey zero = KeyAgreementPublicKey.Import(KeyAgreementAlgorithm.X25519, new byte[32], KeyBlobFormat.RawPublicKey);
        Assert.Throws<FintechCryptoException>(() => x.Agree(zero));
    }

    [Fact]
    public void EcdhP256_PointOffTheCurve_IsRefusedAtImport()
    {
        using KeyAgreementKey p = KeyAgreementKey.Generate(KeyAgreementAlgorithm.EcdhP256);
        byte[] point = p.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        point[^1] ^= 1;
        Assert.Throws<InvalidKeyEncodingException>(() => KeyAgreementPublicKey.Import(KeyAgreementAlgorithm.EcdhP256, point, KeyBlobFormat.RawPublicKey));
    }

    [Fact]
    public void EcdhP256_CompressedPoint_IsAcceptedAndEquivalent()
    {
        using KeyAgreementKey alice = KeyAgreementKey.Generate(KeyAgreementAlgorithm.EcdhP256);
        using KeyAgreementKey bob = KeyAgreementKey.Generate(KeyAgreementAlgorithm.EcdhP256);
        byte[] uncompressed = bob.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        byte[] compressed = new byte[33];
        compressed[0] = (byte)(0x02 | (uncompressed[64] & 1));
        Array.Copy(uncompressed, 1, compressed, 1, 32);
        using KeyAgreementPublicKey imported = KeyAgreementPublicKey.Import(KeyAgreementAlgorithm.EcdhP256, compressed, KeyBlobFormat.RawPublicKey);
        Assert.Equal(alice.Agree(bob.PublicKey), alice.Agree(imported));
    }

    [Fact]
    public void EcdhP256_PrivateScalarOutOfRange_IsRefused()
    {
        Assert.Throws<InvalidKeyEncodingException>(() => KeyAgreementKey.Import(KeyAgreementAlgorithm.EcdhP256, new byte[32], KeyBlobFormat.RawPrivateKey));
        byte[] n = Hex.Decode("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
        Assert.Throws<InvalidKeyEncodingException>(() => KeyAgreementKey.Import(KeyAgreementAlgorithm.EcdhP256, n, KeyBlobFormat.RawPrivateKey));
    }

    [Fact]
    public void Disposed_ThrowsObjectDisposedException()
    {
        KeyAgreementKey key = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        KeyAgreementPublicKey pk = key.PublicKey;
        key.Dispose();
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Export(KeyBlobFormat.RawPrivateKey));
        Assert.Throws<ObjectDisposedException>(() => pk.Export(KeyBlobFormat.RawPublicKey));
        using KeyAgreementKey other = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        Assert.Throws<ObjectDisposedException>(() => other.Agree(pk));
        Assert.Throws<ObjectDisposedException>(() => key.Agree(other.PublicKey));
    }
}
