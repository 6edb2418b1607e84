// QkdInitiatorKey: the initiator's ML-DSA verification key, authenticated by the responder (pinned key, pinned SHA-256
// fingerprint, or an ML-DSA-signed InitiatorKeyCertificate), the mirror of QkdResponderKey. With it a responder checks
// the initiator's signature over the first handshake (issue 11 defect 1), which the KEM alone does not authenticate.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// The initiator SAE's ML-DSA verification key (FIPS 204), as the responder authenticated it. Set it as
/// <see cref="QkdSessionOptions.TrustedInitiatorKey"/> of a responder: the first handshake must then carry a valid
/// signature by it; the initiator signs with <see cref="QkdSessionOptions.InitiatorSigningKey"/>.
/// </summary>
public sealed class QkdInitiatorKey
{
    private readonly byte[] _publicKey;
    private readonly byte[] _fingerprint;

    private QkdInitiatorKey(SignatureAlgorithm algorithm, byte[] publicKey, QkdKeyAuthentication authentication, string? saeId)
    {
        Algorithm = algorithm;
        _publicKey = publicKey;
        _fingerprint = SHA256.HashData(publicKey);
        Authentication = authentication;
        SaeId = saeId;
    }

    /// <summary>The ML-DSA parameter set of the key.</summary>
    public SignatureAlgorithm Algorithm { get; }

    /// <summary>The raw verification key (public).</summary>
    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    /// <summary>SHA-256 of the raw verification key.</summary>
    public ReadOnlyMemory<byte> Fingerprint => _fingerprint;

    /// <summary>How the key was authenticated.</summary>
    public QkdKeyAuthentication Authentication { get; }

    /// <summary>The SAE ID the key is bound to by its certificate, or null for a pinned key (bound by configuration).</summary>
    public string? SaeId { get; }

    /// <summary>A key whose bytes were pre-distributed to the responder (pinned).</summary>
    /// <param name="key">The initiator's ML-DSA verification key.</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not ML-DSA-44, -65 or -87.</exception>
    public static QkdInitiatorKey Pinned(VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckMlDsa(key.Algorithm, nameof(key));
        return new QkdInitiatorKey(key.Algorithm, key.Export(KeyBlobFormat.RawPublicKey), QkdKeyAuthentication.PinnedKey, null);
    }

    /// <summary>A key presented by the initiator (or a directory) and checked against a pinned SHA-256 fingerprint.</summary>
    /// <param name="algorithm">The ML-DSA parameter set of the key.</param>
    /// <param name="publicKey">The raw verification key presented.</param>
    /// <param name="expectedFingerprint">The pinned SHA-256 of the raw key (32 bytes).</param>
    /// <returns>The authenticated key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="expectedFingerprint"/> is not 32 bytes, or the algorithm is not ML-DSA.</exception>
    /// <exception cref="QkdSessionException">The key does not match the fingerprint (<see cref="QkdSessionError.UntrustedInitiatorKey"/>).</exception>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed.</exception>
    public static QkdInitiatorKey PinnedFingerprint(SignatureAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> expectedFingerprint)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        CheckMlDsa(algorithm, nameof(algorithm));
        if (!QkdKeyCertificateCodec.MatchesFingerprint(publicKey, expectedFingerprint, nameof(expectedFingerprint)))
        {
            throw new QkdSessionException(QkdSessionError.UntrustedInitiatorKey, $"The {algorithm.Name} verification key presented does not match the pinned SHA-256 fingerprint.");
        }

        return new QkdInitiatorKey(algorithm, CheckedKey(algorithm, publicKey), QkdKeyAuthentication.PinnedFingerprint, null);
    }

    /// <summary>A key from an <see cref="InitiatorKeyCertificate"/> signed by <paramref name="trustedSigner"/>.</summary>
    /// <param name="certificate">The encoded certificate.</param>
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
        ArgumentNullException.ThrowIfNull(trustedSigner);
        ArgumentNullException.ThrowIfNull(expectedSaeId);
        InitiatorKeyCertificate decoded = InitiatorKeyCertificate.Decode(certificate);
        QkdKeyCertificateCodec.CheckTrusted(decoded.Inner, trustedSigner, expectedSaeId, timeProvider, context ?? InitiatorKeyCertificate.DefaultContext, Untrusted);
        return new QkdInitiatorKey(decoded.KeyAlgorithm, CheckedKey(decoded.KeyAlgorithm, decoded.VerificationKey.Span), QkdKeyAuthentication.Certificate, decoded.SaeId);
    }

    /// <summary>The SHA-256 fingerprint to pin for <paramref name="publicKey"/>.</summary>
    /// <param name="publicKey">The raw verification key.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] ComputeFingerprint(ReadOnlySpan<byte> publicKey) => SHA256.HashData(publicKey);

    /// <summary>Names the algorithm, how it was authenticated and the fingerprint.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"QkdInitiatorKey({Algorithm.Name}, {Authentication}, SHA-256 {Convert.ToHexStringLower(_fingerprint)})";

    /// <summary>The raw public key size of an ML-DSA parameter set (FIPS 204 Table 2).</summary>
    internal static int PublicKeySize(SignatureAlgorithm algorithm) =>
        algorithm == SignatureAlgorithm.MlDsa44 ? 1312 : algorithm == SignatureAlgorithm.MlDsa65 ? 1952 : 2592;

    /// <summary>Whether <paramref name="signature"/> is this key's over <paramref name="data"/> with the session's context.</summary>
    internal bool Verify(ReadOnlySpan<byte> data, SignatureAlgorithm? signatureAlgorithm, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context)
    {
        if (signatureAlgorithm != Algorithm)
        {
            return false;
        }

        using VerificationKey key = FintechCrypto.VerificationKey.Import(Algorithm, _publicKey, KeyBlobFormat.RawPublicKey);
        return key.Verify(data, signature, context);
    }

    internal static void CheckMlDsa(SignatureAlgorithm algorithm, string paramName)
    {
        if (QkdKeyCertificateCodec.MlDsaId(algorithm) is null)
        {
            throw Error.Argument_KeyAlgorithmMismatch(paramName, algorithm.Name, "ML-DSA-44, ML-DSA-65 or ML-DSA-87");
        }
    }

    private static byte[] CheckedKey(SignatureAlgorithm algorithm, ReadOnlySpan<byte> publicKey)
    {
        using VerificationKey imported = FintechCrypto.VerificationKey.Import(algorithm, publicKey, KeyBlobFormat.RawPublicKey);
        return publicKey.ToArray();
    }

    private static QkdSessionException Untrusted(string reason) =>
        new(QkdSessionError.UntrustedInitiatorKey, $"The initiator's key certificate is not acceptable: {reason}.");
}
