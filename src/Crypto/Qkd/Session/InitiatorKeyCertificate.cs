// InitiatorKeyCertificate: an initiator SAE's ML-DSA verification key signed with an ML-DSA key (FIPS 204) the responder
// trusts, so that a responder can authenticate the initiator of a first handshake (issue 11 defect 1). The same small
// structure as KemKeyCertificate (QkdKeyCertificateCodec), with another magic and the key type an ML-DSA parameter set.

using System;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// An "initiator key certificate": the initiator SAE's ID, its ML-DSA verification key and an expiry, signed with
/// ML-DSA-44, -65 or -87 (FIPS 204, with a context string). The responder checks it with
/// <see cref="QkdInitiatorKey.FromCertificate"/>.
/// </summary>
/// <remarks>
/// Layout, every integer big-endian:
/// <code>
/// magic "QKDI" (4) | version 0x01 (1) | signature algorithm (1: 1 ML-DSA-44, 2 ML-DSA-65, 3 ML-DSA-87)
/// | certified key's algorithm (2: 1 ML-DSA-44, 2 ML-DSA-65, 3 ML-DSA-87) | SAE ID (2-byte length, 1..256 bytes UTF-8)
/// | not after (8, Unix time in seconds) | verification key (2-byte length, exactly the algorithm's public key size)
/// | signature (2-byte length, exactly the algorithm's size)
/// </code>
/// The signature covers every byte before its length field. Nothing may follow it. The layout is the one of
/// <see cref="KemKeyCertificate"/> with another magic and key type.
/// </remarks>
public sealed class InitiatorKeyCertificate
{
    /// <summary>The version this library writes and reads.</summary>
    public const byte CurrentVersion = QkdKeyCertificateCodec.Version;

    private static readonly byte[] s_magic = "QKDI"u8.ToArray();
    private static readonly byte[] s_defaultContext = "FintechCrypto QKD initiator key certificate v1"u8.ToArray();

    private readonly QkdKeyCertificateCodec.Decoded _decoded;

    private InitiatorKeyCertificate(QkdKeyCertificateCodec.Decoded decoded, SignatureAlgorithm keyAlgorithm)
    {
        _decoded = decoded;
        KeyAlgorithm = keyAlgorithm;
    }

    /// <summary>The context string used when none is given: the ASCII bytes of <c>FintechCrypto QKD initiator key certificate v1</c>.</summary>
    public static ReadOnlySpan<byte> DefaultContext => s_defaultContext;

    /// <summary>The ML-DSA parameter set of the certificate's signature.</summary>
    public SignatureAlgorithm SignatureAlgorithm => _decoded.SignatureAlgorithm;

    /// <summary>The ML-DSA parameter set of the certified verification key.</summary>
    public SignatureAlgorithm KeyAlgorithm { get; }

    /// <summary>The initiator SAE that holds the matching signing key.</summary>
    public string SaeId => _decoded.SaeId;

    /// <summary>The time after which the certificate is no longer valid (whole seconds).</summary>
    public DateTimeOffset NotAfter => _decoded.NotAfter;

    /// <summary>The raw ML-DSA verification key (FIPS 204 pk).</summary>
    public ReadOnlyMemory<byte> VerificationKey => _decoded.Key;

    /// <summary>The signature.</summary>
    public ReadOnlyMemory<byte> Signature => _decoded.Signature;

    internal QkdKeyCertificateCodec.Decoded Inner => _decoded;

    /// <summary>Signs a certificate for <paramref name="initiatorKey"/>.</summary>
    /// <param name="signer">An ML-DSA-44, -65 or -87 signing key (the authority).</param>
    /// <param name="saeId">The initiator SAE ID the key belongs to.</param>
    /// <param name="initiatorKey">The initiator's ML-DSA verification key.</param>
    /// <param name="notAfter">The expiry (rounded down to whole seconds).</param>
    /// <param name="context">The FIPS 204 context string (at most 255 bytes), or null for <see cref="DefaultContext"/>.</param>
    /// <returns>The encoded certificate.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="signer"/> or <paramref name="initiatorKey"/> is not ML-DSA, <paramref name="saeId"/> is empty or too long, or the context is too long.</exception>
    public static byte[] Create(SigningKey signer, string saeId, VerificationKey initiatorKey, DateTimeOffset notAfter, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(saeId);
        ArgumentNullException.ThrowIfNull(initiatorKey);
        byte keyType = QkdKeyCertificateCodec.MlDsaId(initiatorKey.Algorithm)
            ?? throw Error.Argument_KeyAlgorithmMismatch(nameof(initiatorKey), initiatorKey.Algorithm.Name, "ML-DSA-44, ML-DSA-65 or ML-DSA-87");
        byte[] key = initiatorKey.Export(KeyBlobFormat.RawPublicKey);
        return QkdKeyCertificateCodec.Create(s_magic, signer, keyType, saeId, key, notAfter, context ?? s_defaultContext);
    }

    /// <summary>Decodes a certificate strictly (the signature is not checked here; see <see cref="Verify"/>).</summary>
    /// <param name="certificate">The encoded certificate.</param>
    /// <returns>The decoded certificate.</returns>
    /// <exception cref="QkdSessionException">The certificate is malformed or names an unknown algorithm (<see cref="QkdSessionError.MalformedMessage"/>).</exception>
    public static InitiatorKeyCertificate Decode(ReadOnlySpan<byte> certificate)
    {
        QkdKeyCertificateCodec.Decoded decoded = QkdKeyCertificateCodec.Decode(
            s_magic,
            certificate,
            keyType => keyType <= byte.MaxValue && QkdKeyCertificateCodec.MlDsaOf((byte)keyType) is SignatureAlgorithm a ? (a.Name + " verification", QkdInitiatorKey.PublicKeySize(a)) : null,
            "initiator key certificate");
        return new InitiatorKeyCertificate(decoded, QkdKeyCertificateCodec.MlDsaOf((byte)decoded.KeyType)!);
    }

    /// <summary>Checks the signature with <paramref name="trustedSigner"/>.</summary>
    /// <param name="trustedSigner">The ML-DSA public key the responder trusts to certify initiator keys.</param>
    /// <param name="context">The context string the certificate was signed with, or null for <see cref="DefaultContext"/>.</param>
    /// <returns>True when the signature is valid and made with a key of the certificate's algorithm; false otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trustedSigner"/> is null.</exception>
    public bool Verify(VerificationKey trustedSigner, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(trustedSigner);
        return _decoded.Verify(trustedSigner, context ?? s_defaultContext);
    }

    /// <summary>Names the SAE, the algorithms and the expiry.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"InitiatorKeyCertificate({SaeId}, {KeyAlgorithm.Name}, signed with {SignatureAlgorithm.Name}, not after {NotAfter:O})";
}
