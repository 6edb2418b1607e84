using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using Xunit;

namespace FintechCrypto.Tests.Api;

/// <summary>
/// What the shared key lifecycle and encoding layer (issue 12) promise every family: PKCS#8 and SPKI exactly as the OS
/// writes them, TryExport on every key type, seeds named one way, and the output-span convention of docs/algorithms.md.
/// </summary>
public class KeyLifecycleContractTests
{
    public static TheoryData<string> OsBackedSignatures => new() { "ECDSA-P256-SHA256", "ECDSA-P256-SHA256-DER", "RSA-PSS-2048-SHA256" };

    [Theory]
    [MemberData(nameof(OsBackedSignatures))]
    public void Pkcs8AndSpki_AreTheBytesTheOsWrites(string name)
    {
        SigningKey key = Registry.SharedKey(SignatureAlgorithm.FromName(name));
        byte[] pkcs8 = key.Export(KeyBlobFormat.Pkcs8PrivateKey);
        using AsymmetricAlgorithm os = name.StartsWith("RSA", StringComparison.Ordinal) ? RSA.Create() : ECDsa.Create();
        os.ImportPkcs8PrivateKey(pkcs8, out int read);
        Assert.Equal(pkcs8.Length, read);
        Assert.Equal(os.ExportPkcs8PrivateKey(), pkcs8);
        Assert.Equal(os.ExportSubjectPublicKeyInfo(), key.Export(KeyBlobFormat.SubjectPublicKeyInfo));
        Assert.Equal(os.ExportSubjectPublicKeyInfo(), key.PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo));
    }

    [Fact]
    public void EcdhP256_Pkcs8_IsTheBytesTheOsWrites()
    {
        using KeyAgreementKey key = KeyAgreementKey.Generate(KeyAgreementAlgorithm.EcdhP256);
        byte[] pkcs8 = key.Export(KeyBlobFormat.Pkcs8PrivateKey);
        using ECDiffieHellman os = ECDiffieHellman.Create();
        os.ImportPkcs8PrivateKey(pkcs8, out _);
        Assert.Equal(os.ExportPkcs8PrivateKey(), pkcs8);
        Assert.Equal(os.ExportSubjectPublicKeyInfo(), key.PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo));
    }

    [Fact]
    public void P256_Pkcs8_WithoutThePublicKey_Imports_AndWithAnotherPublicKey_IsRefused()
    {
        using ECDsa os = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using ECDsa other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        ECParameters p = os.ExportParameters(true);
        byte[] withoutPublicKey = Pkcs8(p.D!, publicKey: null);
        using SigningKey imported = SigningKey.Import(SignatureAlgorithm.EcdsaP256Sha256, withoutPublicKey, KeyBlobFormat.Pkcs8PrivateKey);
        Assert.Equal(os.ExportPkcs8PrivateKey(), imported.Export(KeyBlobFormat.Pkcs8PrivateKey));

        ECParameters q = other.ExportParameters(false);
        byte[] otherPoint = [0x04, .. q.Q.X!, .. q.Q.Y!];
        Assert.Throws<InvalidKeyEncodingException>(() => SigningKey.Import(SignatureAlgorithm.EcdsaP256Sha256, Pkcs8(p.D!, otherPoint), KeyBlobFormat.Pkcs8PrivateKey));
        Assert.Throws<InvalidKeyEncodingException>(() => KeyAgreementKey.Import(KeyAgreementAlgorithm.EcdhP256, Pkcs8(p.D!, otherPoint), KeyBlobFormat.Pkcs8PrivateKey));
    }

    [Fact]
    public void TryExport_OnEveryKeyType_WritesExactlyTheExport_OrNothingWhenTooSmall()
    {
        using AeadKey aead = AeadKey.Generate(AeadAlgorithm.Aes256Gcm);
        using DecapsulationKey kem = DecapsulationKey.Generate(KemAlgorithm.MlKem512);
        using KeyAgreementKey agreement = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        using SigningKey signing = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        CheckTryExport(aead.Export(KeyBlobFormat.RawPrivateKey), (d, out n) => aead.TryExport(KeyBlobFormat.RawPrivateKey, d, out n));
        CheckTryExport(kem.Export(KeyBlobFormat.PrivateKeySeed), (d, out n) => kem.TryExport(KeyBlobFormat.PrivateKeySeed, d, out n));
        CheckTryExport(kem.Export(KeyBlobFormat.SubjectPublicKeyInfo), (d, out n) => kem.EncapsulationKey.TryExport(KeyBlobFormat.SubjectPublicKeyInfo, d, out n));
        CheckTryExport(agreement.Export(KeyBlobFormat.PemPkcs8PrivateKey), (d, out n) => agreement.TryExport(KeyBlobFormat.PemPkcs8PrivateKey, d, out n));
        CheckTryExport(agreement.Export(KeyBlobFormat.RawPublicKey), (d, out n) => agreement.PublicKey.TryExport(KeyBlobFormat.RawPublicKey, d, out n));
        CheckTryExport(signing.Export(KeyBlobFormat.Pkcs8PrivateKey), (d, out n) => signing.TryExport(KeyBlobFormat.Pkcs8PrivateKey, d, out n));
        CheckTryExport(signing.Export(KeyBlobFormat.PemSubjectPublicKeyInfo), (d, out n) => signing.PublicKey.TryExport(KeyBlobFormat.PemSubjectPublicKeyInfo, d, out n));
        Assert.Throws<ArgumentException>(() => aead.TryExport(KeyBlobFormat.RawPublicKey, new byte[64], out _));
        Assert.Throws<ArgumentException>(() => aead.TryExport(KeyBlobFormat.Pkcs8PrivateKey, new byte[64], out _));
        aead.Dispose();
        Assert.Throws<ObjectDisposedException>(() => aead.TryExport(KeyBlobFormat.RawPrivateKey, new byte[64], out _));
    }

    [Fact]
    public void Seeds_AreNamedOneWay_KemIncluded()
    {
        Assert.True(KemAlgorithm.MlKem768.SupportsSeed);
        Assert.Equal(64, KemAlgorithm.MlKem768.SeedSize);
        Assert.True(KemAlgorithm.XWing.SupportsSeed);
        Assert.Equal(32, KemAlgorithm.XWing.SeedSize);
        Assert.True(SignatureAlgorithm.MlDsa65.SupportsSeed);
        Assert.Equal(32, SignatureAlgorithm.MlDsa65.SeedSize);
        Assert.False(SignatureAlgorithm.EcdsaP256Sha256.SupportsSeed);
        Assert.Equal(0, SignatureAlgorithm.EcdsaP256Sha256.SeedSize);
        using KeyAgreementKey x = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        Assert.Equal("format", Assert.Throws<ArgumentException>(() => x.Export(KeyBlobFormat.PrivateKeySeed)).ParamName);
    }

    [Fact]
    public void OutputSpans_MayBeLonger_TheCountWrittenIsReturned()
    {
        byte[] nonce = new byte[12];
        byte[] message = [1, 2, 3, 4, 5];
        using AeadKey aead = AeadKey.Generate(AeadAlgorithm.ChaCha20Poly1305);
        byte[] sealedBox = new byte[message.Length + 16 + 7];
        Assert.Equal(message.Length + 16, aead.Encrypt(nonce, message, default, sealedBox));
        byte[] opened = new byte[40];
        Assert.True(aead.TryDecrypt(nonce, sealedBox.AsSpan(0, message.Length + 16), default, opened, out int openedLength));
        Assert.Equal(message, opened.AsSpan(0, openedLength).ToArray());

        using DecapsulationKey dk = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        byte[] ciphertext = new byte[KemAlgorithm.MlKem768.CiphertextSize + 3];
        byte[] secret = new byte[40];
        Assert.Equal(KemAlgorithm.MlKem768.CiphertextSize, dk.EncapsulationKey.Encapsulate(ciphertext, secret));
        byte[] recovered = new byte[33];
        Assert.Equal(32, dk.Decapsulate(ciphertext.AsSpan(0, KemAlgorithm.MlKem768.CiphertextSize), recovered));
        Assert.Equal(secret.AsSpan(0, 32).ToArray(), recovered.AsSpan(0, 32).ToArray());

        using KeyAgreementKey alice = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        using KeyAgreementKey bob = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        byte[] shared = new byte[64];
        Assert.Equal(32, alice.Agree(bob.PublicKey, shared));
        Assert.Equal(bob.Agree(alice.PublicKey), shared.AsSpan(0, 32).ToArray());

        byte[] tag = new byte[50];
        Assert.Equal(32, MacAlgorithm.HmacSha256.Compute(message, message, tag));
        Assert.Equal(MacAlgorithm.HmacSha256.Compute(message, message), tag.AsSpan(0, 32).ToArray());
        byte[] prk = new byte[70];
        Assert.Equal(48, KdfAlgorithm.HkdfSha384.Extract(message, default, prk));
        Assert.Equal(20, KdfAlgorithm.HkdfSha384.DeriveKey(message, default, default, new byte[20]));
    }

    [Fact]
    public void EveryFamily_FindsItsParameterSetsByName()
    {
        Assert.Same(KdfAlgorithm.HkdfSha384, KdfAlgorithm.FromName("HKDF-SHA384"));
        Assert.Same(MacAlgorithm.HmacSha512, MacAlgorithm.FromName("HMAC-SHA512"));
        Assert.Same(SignatureAlgorithm.SlhDsaShake_256f, SignatureAlgorithm.FromName("SLH-DSA-SHAKE-256f"));
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => MacAlgorithm.FromName("hmac-sha256")).ParamName);
        Assert.Throws<ArgumentNullException>(() => KdfAlgorithm.FromName(null!));
    }

    private delegate bool TryExportFunc(Span<byte> destination, out int bytesWritten);

    private static void CheckTryExport(byte[] expected, TryExportFunc tryExport)
    {
        byte[] exact = new byte[expected.Length + 5];
        Assert.True(tryExport(exact, out int written));
        Assert.Equal(expected, exact.AsSpan(0, written).ToArray());
        byte[] small = new byte[expected.Length - 1];
        Assert.False(tryExport(small, out written));
        Assert.Equal(0, written);
        Assert.All(small, b => Assert.Equal(0, b));
    }

    // PrivateKeyInfo { 0, { id-ecPublicKey, secp256r1 }, ECPrivateKey { 1, d, [1] publicKey } } (RFC 5915).
    private static byte[] Pkcs8(byte[] d, byte[]? publicKey)
    {
        var inner = new AsnWriter(AsnEncodingRules.DER);
        using (inner.PushSequence())
        {
            inner.WriteInteger(1);
            inner.WriteOctetString(d);
            if (publicKey is not null)
            {
                using (inner.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true)))
                {
                    inner.WriteBitString(publicKey);
                }
            }
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.10045.2.1");
                writer.WriteObjectIdentifier("1.2.840.10045.3.1.7");
            }

            writer.WriteOctetString(inner.Encode());
        }

        return writer.Encode();
    }
}
