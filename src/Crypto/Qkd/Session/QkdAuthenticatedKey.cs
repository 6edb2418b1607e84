// QkdAuthenticatedKey: a peer's public key as the other end of a QKD session authenticated it: pinned, checked against a
// pinned SHA-256 fingerprint, or taken from an ML-DSA-signed certificate (QkdKeyCertificate). The one shape of the
// responder's KEM key (QkdResponderKey) and the initiator's ML-DSA key (QkdInitiatorKey); the only way to make either is
// to authenticate it, so a session never runs against an unauthenticated key.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// A peer's public key, authenticated: <see cref="QkdResponderKey"/> (the responder's KEM encapsulation key) or
/// <see cref="QkdInitiatorKey"/> (the initiator's ML-DSA verification key). Each is made by its static
/// <c>Pinned</c>, <c>PinnedFingerprint</c> or <c>FromCertificate</c>.
/// </summary>
/// <typeparam name="TAlgorithm">The key's parameter-set type: <see cref="KemAlgorithm"/> or <see cref="SignatureAlgorithm"/>.</typeparam>
public abstract class QkdAuthenticatedKey<TAlgorithm>
    where TAlgorithm : Algorithm
{
    private readonly byte[] _publicKey;
    private readonly byte[] _fingerprint;

    private protected QkdAuthenticatedKey(QkdKeyKind<TAlgorithm> kind, TAlgorithm algorithm, ReadOnlySpan<byte> publicKey, QkdKeyAuthentication authentication, string? saeId)
    {
        kind.CheckPublicKey(algorithm, publicKey);
        Algorithm = algorithm;
        _publicKey = publicKey.ToArray();
        _fingerprint = SHA256.HashData(publicKey);
        Authentication = authentication;
        SaeId = saeId;
    }

    /// <summary>The key's parameter set.</summary>
    public TAlgorithm Algorithm { get; }

    /// <summary>The raw public key: the FIPS 203 encapsulation key (X-Wing's public key) or the FIPS 204 verification key.</summary>
    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    /// <summary>SHA-256 of the raw public key.</summary>
    public ReadOnlyMemory<byte> Fingerprint => _fingerprint;

    /// <summary>How the key was authenticated.</summary>
    public QkdKeyAuthentication Authentication { get; }

    /// <summary>The SAE ID the key is bound to by its certificate, or null for a pinned key (bound by configuration).</summary>
    public string? SaeId { get; }

    /// <summary>The SHA-256 fingerprint to pin for <paramref name="publicKey"/>.</summary>
    /// <param name="publicKey">The raw public key.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] ComputeFingerprint(ReadOnlySpan<byte> publicKey) => SHA256.HashData(publicKey);

    /// <summary>Names the type, the algorithm, how the key was authenticated and the fingerprint.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{GetType().Name}({Algorithm.Name}, {Authentication}, SHA-256 {Convert.ToHexStringLower(_fingerprint)})";

    /// <summary>The arguments of a pinned key, checked: the algorithm first, then (by the constructor) the key.</summary>
    private protected static TAlgorithm Pinned(QkdKeyKind<TAlgorithm> kind, TAlgorithm algorithm, string paramName)
    {
        ArgumentNullException.ThrowIfNull(algorithm, paramName);
        kind.CheckAlgorithm(algorithm, paramName);
        return algorithm;
    }

    /// <summary>The arguments of a key checked against a pinned fingerprint: the algorithm, then the fingerprint.</summary>
    /// <exception cref="QkdSessionException">The key does not match the fingerprint (the kind's untrusted-key error).</exception>
    private protected static TAlgorithm PinnedFingerprint(QkdKeyKind<TAlgorithm> kind, TAlgorithm algorithm, string paramName, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> expectedFingerprint)
    {
        _ = Pinned(kind, algorithm, paramName);
        if (!QkdKeyCertificateCodec.MatchesFingerprint(publicKey, expectedFingerprint, nameof(expectedFingerprint)))
        {
            throw kind.Untrusted($"The {algorithm.Name} {kind.KeyRole} key presented does not match the pinned SHA-256 fingerprint.");
        }

        return algorithm;
    }

    /// <summary>A certificate decoded and checked against the trusted signer, the expected SAE ID and the time.</summary>
    /// <exception cref="QkdSessionException">The certificate is malformed, or its signature, signer, SAE ID or expiry is not acceptable.</exception>
    private protected static QkdKeyCertificateCodec.Decoded<TAlgorithm> Certified(
        QkdKeyKind<TAlgorithm> kind, ReadOnlySpan<byte> certificate, VerificationKey trustedSigner, string expectedSaeId, TimeProvider? timeProvider, byte[]? context)
    {
        ArgumentNullException.ThrowIfNull(trustedSigner);
        ArgumentNullException.ThrowIfNull(expectedSaeId);
        QkdKeyCertificateCodec.Decoded<TAlgorithm> decoded = QkdKeyCertificateCodec.Decode(kind, certificate);
        QkdKeyCertificateCodec.CheckTrusted(kind, decoded, trustedSigner, expectedSaeId, timeProvider, context is null ? kind.DefaultContext : context);
        return decoded;
    }

    /// <summary>The raw public key.</summary>
    internal ReadOnlySpan<byte> PublicKeySpan => _publicKey;
}
