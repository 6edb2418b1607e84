using System;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>The responder's KEM key must be authenticated: pinned, pinned fingerprint, or an ML-DSA KEM key certificate.</summary>
public sealed class QkdSessionAuthenticationTests
{
    private static readonly DateTimeOffset s_notAfter = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> SignersAndKems => new()
    {
        { "ML-DSA-44", "ML-KEM-768" },
        { "ML-DSA-65", "X-Wing" },
        { "ML-DSA-87", "ML-KEM-1024" },
    };

    [Fact]
    public void BothCertificatesAreTheDocumentedLayout()
    {
        // magic | version 1 | signature algorithm | key type (2) | SAE ID (2 + n) | not after (8) | key (2 + n) | signature (2 + n).
        using SigningKey authority = SigningKey.Generate(SignatureAlgorithm.MlDsa44);
        using DecapsulationKey dk = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        using SigningKey initiator = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        byte[] ek = dk.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey);
        byte[] pk = initiator.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        foreach ((byte[] certificate, string magic, byte[] keyType, byte[] key) in new[]
        {
            (KemKeyCertificate.Create(authority, "SAE-B", KemAlgorithm.MlKem768, ek, s_notAfter).ToBytes(), "QKDC", new byte[] { 0x00, 0x41 }, ek),
            (InitiatorKeyCertificate.Create(authority, "SAE-B", SignatureAlgorithm.MlDsa65, pk, s_notAfter).ToBytes(), "QKDI", new byte[] { 0x00, 0x02 }, pk),
        })
        {
            int at = 0;
            Assert.Equal(System.Text.Encoding.ASCII.GetBytes(magic), certificate[at..(at += 4)]);
            Assert.Equal(1, certificate[at++]);                                      // version
            Assert.Equal(1, certificate[at++]);                                      // ML-DSA-44 signs
            Assert.Equal(keyType, certificate[at..(at += 2)]);                       // ML-KEM-768 (HPKE 0x0041) or ML-DSA-65 (2)
            Assert.Equal(new byte[] { 0, 5 }, certificate[at..(at += 2)]);
            Assert.Equal("SAE-B"u8.ToArray(), certificate[at..(at += 5)]);
            Assert.Equal(s_notAfter.ToUnixTimeSeconds(), System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(certificate.AsSpan(at, 8)));
            at += 8;
            Assert.Equal(key.Length, System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(certificate.AsSpan(at, 2)));
            Assert.Equal(key, certificate[(at + 2)..(at += 2 + key.Length)]);
            Assert.Equal(SignatureAlgorithm.MlDsa44.SignatureSize, System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(certificate.AsSpan(at, 2)));
            Assert.Equal(certificate.Length, at + 2 + SignatureAlgorithm.MlDsa44.SignatureSize);
            Assert.True(authority.PublicKey.Verify(certificate.AsSpan(0, at), certificate.AsSpan(at + 2), magic == "QKDC" ? KemKeyCertificate.DefaultContext : InitiatorKeyCertificate.DefaultContext));
        }
    }

    [Theory]
    [MemberData(nameof(SignersAndKems))]
    public async Task ACertifiedKeyStartsASession(string signerName, string kemName)
    {
        KemAlgorithm kem = KemAlgorithm.FromName(kemName);
        using SigningKey authority = SigningKey.Generate(SignatureAlgorithm.FromName(signerName));
        using var pair = new QkdSessionPair(kem);
        byte[] certificate = KemKeyCertificate.Create(authority, pair.ResponderSaeId, pair.DecapsulationKey.EncapsulationKey.Algorithm, pair.DecapsulationKey.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), s_notAfter).ToBytes();

        KemKeyCertificate decoded = KemKeyCertificate.FromBytes(certificate);
        Assert.Equal(pair.ResponderSaeId, decoded.SaeId);
        Assert.Equal(kem, decoded.KeyAlgorithm);
        Assert.Equal(s_notAfter, decoded.NotAfter);
        Assert.True(decoded.Verify(authority.PublicKey));

        var clock = new ManualTimeProvider();
        QkdResponderKey key = QkdResponderKey.FromCertificate(certificate, authority.PublicKey, pair.ResponderSaeId, clock);
        Assert.Equal(QkdKeyAuthentication.Certificate, key.Authentication);
        Assert.Equal(pair.ResponderSaeId, key.SaeId);
        Assert.Equal(pair.ResponderKey.Fingerprint.ToArray(), key.Fingerprint.ToArray());

        using QkdSession initiator = QkdSession.CreateInitiator(pair.InitiatorOptions, key);
        await pair.Responder.AcceptAsync(await initiator.InitiateAsync());
        byte[] record = initiator.Protect([42]);
        Assert.True(pair.Responder.TryUnprotect(record, out byte[]? opened));
        Assert.Equal([42], opened);
    }

    [Fact]
    public void UnauthenticatedKeysAreRefused()
    {
        using SigningKey authority = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        using SigningKey stranger = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        using SigningKey weaker = SigningKey.Generate(SignatureAlgorithm.MlDsa44);
        using DecapsulationKey responder = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        using DecapsulationKey other = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        byte[] ek = responder.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey);
        var clock = new ManualTimeProvider();

        // Pinned fingerprint: another key does not match.
        byte[] pin = QkdResponderKey.ComputeFingerprint(ek);
        Assert.Equal(QkdKeyAuthentication.PinnedFingerprint, QkdResponderKey.PinnedFingerprint(KemAlgorithm.MlKem768, ek, pin).Authentication);
        Assert.Equal(QkdSessionError.UntrustedKemKey, Assert.Throws<QkdSessionException>(() => QkdResponderKey.PinnedFingerprint(KemAlgorithm.MlKem768, other.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), pin)).Error);
        Assert.Throws<ArgumentException>(() => QkdResponderKey.PinnedFingerprint(KemAlgorithm.MlKem768, ek, pin.AsSpan(1)));

        byte[] certificate = KemKeyCertificate.Create(authority, "SAE-B", responder.EncapsulationKey.Algorithm, responder.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), s_notAfter).ToBytes();
        Assert.NotNull(QkdResponderKey.FromCertificate(certificate, authority.PublicKey, "SAE-B", clock));

        // Signed by a key the initiator does not trust, or of another parameter set.
        byte[] byStranger = KemKeyCertificate.Create(stranger, "SAE-B", responder.EncapsulationKey.Algorithm, responder.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), s_notAfter).ToBytes();
        Assert.Equal(QkdSessionError.UntrustedKemKey, Assert.Throws<QkdSessionException>(() => QkdResponderKey.FromCertificate(byStranger, authority.PublicKey, "SAE-B", clock)).Error);
        Assert.Equal(QkdSessionError.UntrustedKemKey, Assert.Throws<QkdSessionException>(() => QkdResponderKey.FromCertificate(certificate, weaker.PublicKey, "SAE-B", clock)).Error);

        // For another SAE, expired, or signed with another context string.
        Assert.Equal(QkdSessionError.UntrustedKemKey, Assert.Throws<QkdSessionException>(() => QkdResponderKey.FromCertificate(certificate, authority.PublicKey, "SAE-C", clock)).Error);
        byte[] expired = KemKeyCertificate.Create(authority, "SAE-B", responder.EncapsulationKey.Algorithm, responder.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), clock.GetUtcNow().AddSeconds(-1)).ToBytes();
        Assert.Equal(QkdSessionError.UntrustedKemKey, Assert.Throws<QkdSessionException>(() => QkdResponderKey.FromCertificate(expired, authority.PublicKey, "SAE-B", clock)).Error);
        byte[] otherContext = KemKeyCertificate.Create(authority, "SAE-B", responder.EncapsulationKey.Algorithm, responder.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), s_notAfter, "bank-x kem keys"u8.ToArray()).ToBytes();
        Assert.Equal(QkdSessionError.UntrustedKemKey, Assert.Throws<QkdSessionException>(() => QkdResponderKey.FromCertificate(otherContext, authority.PublicKey, "SAE-B", clock)).Error);
        Assert.NotNull(QkdResponderKey.FromCertificate(otherContext, authority.PublicKey, "SAE-B", clock, "bank-x kem keys"u8.ToArray()));

        // Every flipped byte and every truncation of a certificate is refused with our exception.
        for (int i = 0; i < certificate.Length; i += 7)
        {
            byte[] tampered = (byte[])certificate.Clone();
            tampered[i] ^= 0x20;
            Assert.ThrowsAny<FintechCryptoException>(() => QkdResponderKey.FromCertificate(tampered, authority.PublicKey, "SAE-B", clock));
        }

        for (int length = 0; length < certificate.Length; length += 5)
        {
            Assert.Equal(QkdSessionError.MalformedMessage, Assert.Throws<QkdSessionException>(() => QkdResponderKey.FromCertificate(certificate.AsSpan(0, length), authority.PublicKey, "SAE-B", clock)).Error);
        }

        Assert.Equal(QkdSessionError.MalformedMessage, Assert.Throws<QkdSessionException>(() => KemKeyCertificate.FromBytes([.. certificate, 0])).Error);

        // Only ML-DSA signs certificates.
        using SigningKey ed25519 = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        Assert.ThrowsAny<ArgumentException>(() => KemKeyCertificate.Create(ed25519, "SAE-B", responder.EncapsulationKey.Algorithm, responder.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), s_notAfter));
    }

    [Fact]
    public void ACertificateForAnotherPeerCannotBuildAnInitiator()
    {
        using SigningKey authority = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        byte[] certificate = KemKeyCertificate.Create(authority, "SAE-SOMEONE-ELSE", pair.DecapsulationKey.EncapsulationKey.Algorithm, pair.DecapsulationKey.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), s_notAfter).ToBytes();
        QkdResponderKey key = QkdResponderKey.FromCertificate(certificate, authority.PublicKey, "SAE-SOMEONE-ELSE", new ManualTimeProvider());
        Assert.Equal(QkdSessionError.UntrustedKemKey, Assert.Throws<QkdSessionException>(() => QkdSession.CreateInitiator(pair.InitiatorOptions, key)).Error);

        QkdResponderKey xwing;
        using (DecapsulationKey x = DecapsulationKey.Generate(KemAlgorithm.XWing))
        {
            xwing = QkdResponderKey.Pinned(KemAlgorithm.XWing, x.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey));
        }

        Assert.ThrowsAny<ArgumentException>(() => QkdSession.CreateInitiator(pair.InitiatorOptions, xwing)); // options say ML-KEM-768
        Assert.ThrowsAny<FintechCryptoException>(() => QkdResponderKey.Pinned(KemAlgorithm.MlKem768, new byte[100]));
        byte[] outOfRange = new byte[1184];
        Array.Fill(outOfRange, (byte)0xFF); // 12-bit coefficients 4095 >= q: fails the FIPS 203 §7.2 modulus check
        Assert.ThrowsAny<FintechCryptoException>(() => QkdResponderKey.Pinned(KemAlgorithm.MlKem768, outOfRange));
    }
}
