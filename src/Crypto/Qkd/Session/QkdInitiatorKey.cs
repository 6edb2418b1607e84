// QkdInitiatorKey: the initiator's ML-DSA verification key, authenticated by the responder (pinned key, pinned SHA-256
// fingerprint, or an ML-DSA-signed InitiatorKeyCertificate), the mirror of QkdResponderKey (one shape:
// QkdAuthenticatedKey). With it a responder checks the initiator's signature over the first handshake (issue 11 defect
// 1), which the KEM alone does not authenticate.

using System;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// The initiator SAE's ML-DSA verification key (FIPS 204 pk), as the responder authenticated it. Set it as
/// <see cref="QkdSessionOptions.TrustedInitiatorKey"/> of a responder: the first handshake must then carry a valid
/// signature by it; the initiator signs with <see cref="QkdSessionOptions.InitiatorSigningKey"/>.
/// </summary>
public sealed class QkdInitiatorKey : QkdAuthenticatedKey<SignatureAlgorithm>
{
    private QkdInitiatorKey(SignatureAlgorithm algorithm, ReadOnlySpan<byte> publicKey, QkdKeyAuthentication authentication, string? saeId)
        : base(QkdMlDsaKeyKind.Instance, algorithm, publicKey, authentication, saeId)
    {
    }

    /// <summary>A key whose bytes were pre-distributed to the responder (pinned).</summary>
    /// <param name="algorithm">The ML-DSA parameter set of the key.</param>
    /// <param name="publicKey">The raw verification key.</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> is not ML-DSA-44, -65 or -87.</exception>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed.</exception>
    public static QkdInitiatorKey Pinned(SignatureAlgorithm algorithm, ReadOnlySpan<byte> publicKey) =>
        new(Pinned(QkdMlDsaKeyKind.Instance, algorithm, nameof(algorithm)), publicKey, QkdKeyAuthentication.PinnedKey, null);

    /// <summary>A key presented by the initiator (or a directory) and checked against a pinned SHA-256 fingerprint.</summary>
    /// <param name="algorithm">The ML-DSA parameter set of the key.</param>
    /// <param name="publicKey">The raw verification key presented.</param>
    /// <param name="expectedFingerprint">The pinned SHA-256 of the raw key (32 bytes; <see cref="QkdAuthenticatedKey{TAlgorithm}.ComputeFingerprint"/>).</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="expectedFingerprint"/> is not 32 bytes, or the algorithm is not ML-DSA.</exception>
    /// <exception cref="QkdSessionException">The key does not match the fingerprint (<see cref="QkdSessionError.UntrustedInitiatorKey"/>).</exception>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed.</exception>
    public static QkdInitiatorKey PinnedFingerprint(SignatureAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> expectedFingerprint) =>
        new(PinnedFingerprint(QkdMlDsaKeyKind.Instance, algorithm, nameof(algorithm), publicKey, expectedFingerprint), publicKey, QkdKeyAuthentication.PinnedFingerprint, null);

    /// <summary>A key from an <see cref="InitiatorKeyCertificate"/> signed by <paramref name="trustedSigner"/>.</summary>
    /// <param name="certificate">The encoded certificate (<see cref="QkdKeyCertificate{TAlgorithm}.ToBytes"/>).</param>
    /// <param name="trustedSigner">The ML-DSA public key the responder trusts to certify initiator keys.</param>
    /// <param name="expectedSaeId">The initiator SAE ID the certificate must name.</param>
    /// <param name="timeProvider">The clock for the expiry check, or null for the system clock.</param>
    /// <param name="context">The signature context string, or null for <see cref="InitiatorKeyCertificate.DefaultContext"/>.</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trustedSigner"/> or <paramref name="expectedSaeId"/> is null.</exception>
    /// <exception cref="QkdSessionException">The certificate is malformed (<see cref="QkdSessionError.MalformedMessage"/>), or its signature, signer, SAE ID or expiry is not acceptable (<see cref="QkdSessionError.UntrustedInitiatorKey"/>).</exception>
    /// <exception cref="InvalidKeyEncodingException">The certified key is malformed.</exception>
    public static QkdInitiatorKey FromCertificate(ReadOnlySpan<byte> certificate, VerificationKey trustedSigner, string expectedSaeId, TimeProvider? timeProvider = null, byte[]? context = null)
    {
        QkdKeyCertificateCodec.Decoded<SignatureAlgorithm> decoded = Certified(QkdMlDsaKeyKind.Instance, certificate, trustedSigner, expectedSaeId, timeProvider, context);
        return new QkdInitiatorKey(decoded.KeyAlgorithm, decoded.Key, QkdKeyAuthentication.Certificate, decoded.SaeId);
    }

    /// <summary>Whether <paramref name="signature"/> is this key's over <paramref name="data"/> with the session's context.</summary>
    internal bool Verify(ReadOnlySpan<byte> data, SignatureAlgorithm? signatureAlgorithm, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context)
    {
        if (signatureAlgorithm != Algorithm)
        {
            return false;
        }

        using VerificationKey key = VerificationKey.Import(Algorithm, PublicKeySpan, KeyBlobFormat.RawPublicKey);
        return key.Verify(data, signature, context);
    }
}
