// QkdAuthenticatedKey: a peer's public key as the other end of a QKD session authenticated it: pinned, checked against a
// pinned SHA-256 fingerprint, or taken from an ML-DSA-signed certificate (QkdKeyCertificate). The one shape of the
// responder's KEM key (QkdResponderKey) and the initiator's ML-DSA key (QkdInitiatorKey), written once; the only way to
// make either is to authenticate it, so a session never runs against an unauthenticated key.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// A peer's public key, authenticated: <see cref="QkdResponderKey"/> (the responder's KEM encapsulation key, which an
/// initiator needs) or <see cref="QkdInitiatorKey"/> (the initiator's ML-DSA verification key, which a responder may
/// require). Made only by <see cref="Pinned"/>, <see cref="PinnedFingerprint"/> or <see cref="FromCertificate"/>.
/// </summary>
/// <typeparam name="TSelf">The key type itself.</typeparam>
/// <typeparam name="TAlgorithm">The key's parameter-set type: <see cref="KemAlgorithm"/> or <see cref="SignatureAlgorithm"/>.</typeparam>
public abstract class QkdAuthenticatedKey<TSelf, TAlgorithm>
    where TSelf : QkdAuthenticatedKey<TSelf, TAlgorithm>
    where TAlgorithm : Algorithm
{
    private static readonly QkdKeyKind<TAlgorithm> s_kind = QkdKeyKinds.Of<TAlgorithm>(typeof(TSelf));

    private readonly byte[] _publicKey;
    private readonly byte[] _fingerprint;

    private protected QkdAuthenticatedKey(TAlgorithm algorithm, byte[] publicKey, QkdKeyAuthentication authentication, string? saeId)
    {
        Algorithm = algorithm;
        _publicKey = publicKey;
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

    /// <summary>The raw public key.</summary>
    internal ReadOnlySpan<byte> PublicKeySpan => _publicKey;

    /// <summary>A key whose bytes were pre-distributed to this end (pinned).</summary>
    /// <param name="algorithm">The key's parameter set: a KEM a session supports, or ML-DSA-44, -65 or -87.</param>
    /// <param name="publicKey">The raw public key.</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> is not one a session supports for this kind of key.</exception>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed (FIPS 203 §7.2, FIPS 204 input checks).</exception>
    public static TSelf Pinned(TAlgorithm algorithm, ReadOnlySpan<byte> publicKey)
    {
        CheckAlgorithm(algorithm);
        return s_kind.NewKey<TSelf>(algorithm, publicKey, QkdKeyAuthentication.PinnedKey, null);
    }

    /// <summary>A key presented by the peer (or a directory) and checked against a pinned SHA-256 fingerprint.</summary>
    /// <param name="algorithm">The key's parameter set.</param>
    /// <param name="publicKey">The raw public key presented.</param>
    /// <param name="expectedFingerprint">The pinned SHA-256 of the raw key (32 bytes; <see cref="ComputeFingerprint"/>).</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="expectedFingerprint"/> is not 32 bytes, or the algorithm is not supported.</exception>
    /// <exception cref="QkdSessionException">The key does not match the fingerprint (<see cref="QkdSessionError.UntrustedKemKey"/> or <see cref="QkdSessionError.UntrustedInitiatorKey"/>).</exception>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed.</exception>
    public static TSelf PinnedFingerprint(TAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> expectedFingerprint)
    {
        CheckAlgorithm(algorithm);
        if (!QkdKeyCertificateCodec.MatchesFingerprint(publicKey, expectedFingerprint, nameof(expectedFingerprint)))
        {
            throw s_kind.Untrusted($"The {algorithm.Name} {s_kind.KeyRole} key presented does not match the pinned SHA-256 fingerprint.");
        }

        return s_kind.NewKey<TSelf>(algorithm, publicKey, QkdKeyAuthentication.PinnedFingerprint, null);
    }

    /// <summary>A key from a certificate (<see cref="KemKeyCertificate"/> or <see cref="InitiatorKeyCertificate"/>) signed by <paramref name="trustedSigner"/>.</summary>
    /// <param name="certificate">The encoded certificate (<see cref="QkdKeyCertificate{TSelf, TAlgorithm}.ToBytes"/>).</param>
    /// <param name="trustedSigner">The ML-DSA public key this end trusts to certify the peer's keys.</param>
    /// <param name="expectedSaeId">The peer SAE ID the certificate must name.</param>
    /// <param name="timeProvider">The clock for the expiry check, or null for the system clock.</param>
    /// <param name="context">The signature context string, or null for the certificate type's <c>DefaultContext</c>.</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trustedSigner"/> or <paramref name="expectedSaeId"/> is null.</exception>
    /// <exception cref="QkdSessionException">The certificate is malformed (<see cref="QkdSessionError.MalformedMessage"/>), or its signature, signer, SAE ID or expiry is not acceptable (<see cref="QkdSessionError.UntrustedKemKey"/> or <see cref="QkdSessionError.UntrustedInitiatorKey"/>).</exception>
    /// <exception cref="InvalidKeyEncodingException">The certified key is malformed.</exception>
    public static TSelf FromCertificate(ReadOnlySpan<byte> certificate, VerificationKey trustedSigner, string expectedSaeId, TimeProvider? timeProvider = null, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(trustedSigner);
        ArgumentNullException.ThrowIfNull(expectedSaeId);
        QkdKeyCertificateCodec.Decoded<TAlgorithm> decoded = QkdKeyCertificateCodec.Decode(s_kind, certificate);
        QkdKeyCertificateCodec.CheckTrusted(s_kind, decoded, trustedSigner, expectedSaeId, timeProvider, context is null ? s_kind.DefaultContext : context);
        return s_kind.NewKey<TSelf>(decoded.KeyAlgorithm, decoded.Key, QkdKeyAuthentication.Certificate, decoded.SaeId);
    }

    /// <summary>The SHA-256 fingerprint to pin for <paramref name="publicKey"/>.</summary>
    /// <param name="publicKey">The raw public key.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] ComputeFingerprint(ReadOnlySpan<byte> publicKey) => SHA256.HashData(publicKey);

    /// <summary>Names the type, the algorithm, how the key was authenticated and the fingerprint.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{GetType().Name}({Algorithm.Name}, {Authentication}, SHA-256 {Convert.ToHexStringLower(_fingerprint)})";

    private static void CheckAlgorithm(TAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        s_kind.CheckAlgorithm(algorithm, nameof(algorithm));
    }
}
