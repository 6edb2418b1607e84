// QkdResponderKey: the responder's KEM encapsulation key, authenticated (pinned key, pinned SHA-256 fingerprint, or an
// ML-DSA-signed KemKeyCertificate), so an initiator never starts a session, hybrid or post-quantum-only, against an
// unauthenticated key. The shape is QkdAuthenticatedKey's, shared with QkdInitiatorKey.

using System;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// The responder SAE's KEM encapsulation key (FIPS 203 ek; X-Wing's public key), as the initiator authenticated it.
/// Pass it to <see cref="QkdSession.CreateInitiator"/>.
/// </summary>
public sealed class QkdResponderKey : QkdAuthenticatedKey<KemAlgorithm>
{
    private QkdResponderKey(KemAlgorithm kem, ReadOnlySpan<byte> encapsulationKey, QkdKeyAuthentication authentication, string? saeId)
        : base(QkdKemKeyKind.Instance, kem, encapsulationKey, authentication, saeId)
    {
    }

    /// <summary>A key whose bytes were pre-distributed to the initiator (pinned).</summary>
    /// <param name="kem">The KEM of the key.</param>
    /// <param name="encapsulationKey">The raw encapsulation key.</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kem"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kem"/> is not a KEM a session supports.</exception>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed (FIPS 203 §7.2 input checks).</exception>
    public static QkdResponderKey Pinned(KemAlgorithm kem, ReadOnlySpan<byte> encapsulationKey) =>
        new(Pinned(QkdKemKeyKind.Instance, kem, nameof(kem)), encapsulationKey, QkdKeyAuthentication.PinnedKey, null);

    /// <summary>A key presented by the responder (or a directory) and checked against a pinned SHA-256 fingerprint.</summary>
    /// <param name="kem">The KEM of the key.</param>
    /// <param name="encapsulationKey">The raw encapsulation key presented.</param>
    /// <param name="expectedFingerprint">The pinned SHA-256 of the raw key (32 bytes; <see cref="QkdAuthenticatedKey{TAlgorithm}.ComputeFingerprint"/>).</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kem"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="expectedFingerprint"/> is not 32 bytes, or the KEM is not supported.</exception>
    /// <exception cref="QkdSessionException">The key does not match the fingerprint (<see cref="QkdSessionError.UntrustedKemKey"/>).</exception>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed.</exception>
    public static QkdResponderKey PinnedFingerprint(KemAlgorithm kem, ReadOnlySpan<byte> encapsulationKey, ReadOnlySpan<byte> expectedFingerprint) =>
        new(PinnedFingerprint(QkdKemKeyKind.Instance, kem, nameof(kem), encapsulationKey, expectedFingerprint), encapsulationKey, QkdKeyAuthentication.PinnedFingerprint, null);

    /// <summary>A key from a <see cref="KemKeyCertificate"/> signed by <paramref name="trustedSigner"/>.</summary>
    /// <param name="certificate">The encoded certificate (<see cref="QkdKeyCertificate{TAlgorithm}.ToBytes"/>).</param>
    /// <param name="trustedSigner">The ML-DSA public key the initiator trusts to certify responder KEM keys.</param>
    /// <param name="expectedSaeId">The responder SAE ID the certificate must name.</param>
    /// <param name="timeProvider">The clock for the expiry check, or null for the system clock.</param>
    /// <param name="context">The signature context string, or null for <see cref="KemKeyCertificate.DefaultContext"/>.</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trustedSigner"/> or <paramref name="expectedSaeId"/> is null.</exception>
    /// <exception cref="QkdSessionException">The certificate is malformed (<see cref="QkdSessionError.MalformedMessage"/>), or its signature, signer, SAE ID or expiry is not acceptable (<see cref="QkdSessionError.UntrustedKemKey"/>).</exception>
    /// <exception cref="InvalidKeyEncodingException">The certified key is malformed.</exception>
    public static QkdResponderKey FromCertificate(ReadOnlySpan<byte> certificate, VerificationKey trustedSigner, string expectedSaeId, TimeProvider? timeProvider = null, byte[]? context = null)
    {
        QkdKeyCertificateCodec.Decoded<KemAlgorithm> decoded = Certified(QkdKemKeyKind.Instance, certificate, trustedSigner, expectedSaeId, timeProvider, context);
        return new QkdResponderKey(decoded.KeyAlgorithm, decoded.Key, QkdKeyAuthentication.Certificate, decoded.SaeId);
    }
}
