// QkdResponderKey: the responder's KEM encapsulation key, authenticated. The only way to make one is to authenticate
// it (pinned key, pinned SHA-256 fingerprint, or an ML-DSA-signed KemKeyCertificate), so an initiator can never start
// a session, hybrid or post-quantum-only, against an unauthenticated key.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// The responder SAE's KEM encapsulation key, as the initiator authenticated it. Pass it to
/// <see cref="QkdSession.CreateInitiator"/>.
/// </summary>
public sealed class QkdResponderKey
{
    private readonly byte[] _encapsulationKey;
    private readonly byte[] _fingerprint;

    private QkdResponderKey(KemAlgorithm kem, byte[] encapsulationKey, QkdKeyAuthentication authentication, string? saeId)
    {
        Kem = kem;
        _encapsulationKey = encapsulationKey;
        _fingerprint = SHA256.HashData(encapsulationKey);
        Authentication = authentication;
        SaeId = saeId;
    }

    /// <summary>The KEM of the key.</summary>
    public KemAlgorithm Kem { get; }

    /// <summary>The raw encapsulation key (public).</summary>
    public ReadOnlyMemory<byte> EncapsulationKey => _encapsulationKey;

    /// <summary>SHA-256 of the raw encapsulation key.</summary>
    public ReadOnlyMemory<byte> Fingerprint => _fingerprint;

    /// <summary>How the key was authenticated.</summary>
    public QkdKeyAuthentication Authentication { get; }

    /// <summary>The SAE ID the key is bound to by its certificate, or null for a pinned key (bound by configuration).</summary>
    public string? SaeId { get; }

    /// <summary>A key whose bytes were pre-distributed to the initiator (pinned).</summary>
    /// <param name="kem">The KEM of the key.</param>
    /// <param name="encapsulationKey">The raw encapsulation key.</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kem"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="kem"/> is not a KEM a session supports.</exception>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed (FIPS 203 §7.2 input checks).</exception>
    public static QkdResponderKey Pinned(KemAlgorithm kem, ReadOnlySpan<byte> encapsulationKey)
    {
        ArgumentNullException.ThrowIfNull(kem);
        return new QkdResponderKey(kem, CheckedKey(kem, encapsulationKey), QkdKeyAuthentication.PinnedKey, null);
    }

    /// <summary>A key presented by the responder (or a directory) and checked against a pinned SHA-256 fingerprint.</summary>
    /// <param name="kem">The KEM of the key.</param>
    /// <param name="encapsulationKey">The raw encapsulation key presented.</param>
    /// <param name="expectedFingerprint">The pinned SHA-256 of the raw key (32 bytes).</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kem"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="expectedFingerprint"/> is not 32 bytes, or the KEM is not supported.</exception>
    /// <exception cref="QkdSessionException">The key does not match the fingerprint (<see cref="QkdSessionError.UntrustedKemKey"/>).</exception>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed.</exception>
    public static QkdResponderKey PinnedFingerprint(KemAlgorithm kem, ReadOnlySpan<byte> encapsulationKey, ReadOnlySpan<byte> expectedFingerprint)
    {
        ArgumentNullException.ThrowIfNull(kem);
        if (!QkdKeyCertificateCodec.MatchesFingerprint(encapsulationKey, expectedFingerprint, nameof(expectedFingerprint)))
        {
            throw new QkdSessionException(QkdSessionError.UntrustedKemKey, $"The {kem.Name} encapsulation key presented does not match the pinned SHA-256 fingerprint.");
        }

        return new QkdResponderKey(kem, CheckedKey(kem, encapsulationKey), QkdKeyAuthentication.PinnedFingerprint, null);
    }

    /// <summary>A key from a <see cref="KemKeyCertificate"/> signed by <paramref name="trustedSigner"/>.</summary>
    /// <param name="certificate">The encoded certificate.</param>
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
        ArgumentNullException.ThrowIfNull(trustedSigner);
        ArgumentNullException.ThrowIfNull(expectedSaeId);
        KemKeyCertificate decoded = KemKeyCertificate.Decode(certificate);
        QkdKeyCertificateCodec.CheckTrusted(decoded.Inner, trustedSigner, expectedSaeId, timeProvider, context ?? KemKeyCertificate.DefaultContext, Untrusted);
        return new QkdResponderKey(decoded.Kem, CheckedKey(decoded.Kem, decoded.EncapsulationKey.Span), QkdKeyAuthentication.Certificate, decoded.SaeId);
    }

    /// <summary>The SHA-256 fingerprint to pin for <paramref name="encapsulationKey"/>.</summary>
    /// <param name="encapsulationKey">The raw encapsulation key.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] ComputeFingerprint(ReadOnlySpan<byte> encapsulationKey) => SHA256.HashData(encapsulationKey);

    /// <summary>Names the KEM, how it was authenticated and the fingerprint.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"QkdResponderKey({Kem.Name}, {Authentication}, SHA-256 {Convert.ToHexStringLower(_fingerprint)})";

    private static byte[] CheckedKey(KemAlgorithm kem, ReadOnlySpan<byte> encapsulationKey)
    {
        _ = QkdSuiteIds.OfKem(kem);
        using EncapsulationKey imported = FintechCrypto.EncapsulationKey.Import(kem, encapsulationKey, KeyBlobFormat.RawPublicKey);
        return encapsulationKey.ToArray();
    }

    private static QkdSessionException Untrusted(string reason) =>
        new(QkdSessionError.UntrustedKemKey, $"The responder's KEM key certificate is not acceptable: {reason}.");
}
