// KemKeyCertificate: a responder's KEM encapsulation key signed with an ML-DSA key (FIPS 204) the initiator trusts, so
// that a QKD session never starts against an unauthenticated KEM key. A deliberately small structure, not X.509.

using System;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// A "KEM key certificate": the responder SAE's ID, its KEM algorithm and encapsulation key, and an expiry, signed with
/// ML-DSA-44, -65 or -87 (FIPS 204, with a context string). The initiator checks it with
/// <see cref="QkdResponderKey.FromCertificate"/>.
/// </summary>
/// <remarks>
/// Layout, every integer big-endian:
/// <code>
/// magic "QKDC" (4) | version 0x01 (1) | signature algorithm (1: 1 ML-DSA-44, 2 ML-DSA-65, 3 ML-DSA-87) | KEM id (2)
/// | SAE ID (2-byte length, 1..256 bytes UTF-8) | not after (8, Unix time in seconds)
/// | encapsulation key (2-byte length, exactly the KEM's size) | signature (2-byte length, exactly the algorithm's size)
/// </code>
/// The signature covers every byte before its length field. Nothing may follow it.
/// </remarks>
public sealed class KemKeyCertificate
{
    /// <summary>The version this library writes and reads.</summary>
    public const byte CurrentVersion = 1;

    private static readonly byte[] s_magic = "QKDC"u8.ToArray();
    private static readonly byte[] s_defaultContext = "FintechCrypto QKD KEM key certificate v1"u8.ToArray();

    private readonly QkdKeyCertificateCodec.Decoded _decoded;

    private KemKeyCertificate(QkdKeyCertificateCodec.Decoded decoded, KemAlgorithm kem)
    {
        _decoded = decoded;
        Kem = kem;
    }

    /// <summary>The decoded fields, for the shared trust checks.</summary>
    internal QkdKeyCertificateCodec.Decoded Inner => _decoded;

    /// <summary>The context string used when none is given: the ASCII bytes of <c>FintechCrypto QKD KEM key certificate v1</c>.</summary>
    public static ReadOnlySpan<byte> DefaultContext => s_defaultContext;

    /// <summary>The ML-DSA parameter set of the signature.</summary>
    public SignatureAlgorithm SignatureAlgorithm => _decoded.SignatureAlgorithm;

    /// <summary>The KEM of the certified key.</summary>
    public KemAlgorithm Kem { get; }

    /// <summary>The SAE that holds the matching decapsulation key.</summary>
    public string SaeId => _decoded.SaeId;

    /// <summary>The time after which the certificate is no longer valid (whole seconds).</summary>
    public DateTimeOffset NotAfter => _decoded.NotAfter;

    /// <summary>The raw encapsulation key.</summary>
    public ReadOnlyMemory<byte> EncapsulationKey => _decoded.Key;

    /// <summary>The signature.</summary>
    public ReadOnlyMemory<byte> Signature => _decoded.Signature;

    /// <summary>Signs a certificate for <paramref name="encapsulationKey"/>.</summary>
    /// <param name="signer">An ML-DSA-44, -65 or -87 signing key.</param>
    /// <param name="saeId">The responder SAE ID the key belongs to.</param>
    /// <param name="encapsulationKey">The responder's KEM encapsulation key.</param>
    /// <param name="notAfter">The expiry (rounded down to whole seconds).</param>
    /// <param name="context">The FIPS 204 context string (at most 255 bytes), or null for <see cref="DefaultContext"/>.</param>
    /// <returns>The encoded certificate.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="signer"/> is not ML-DSA, the KEM is not one a session supports, <paramref name="saeId"/> is empty or too long, or the context is too long.</exception>
    public static byte[] Create(SigningKey signer, string saeId, EncapsulationKey encapsulationKey, DateTimeOffset notAfter, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(saeId);
        ArgumentNullException.ThrowIfNull(encapsulationKey);
        ushort kemId = QkdSuiteIds.OfKem(encapsulationKey.Algorithm);
        byte[] key = encapsulationKey.Export(KeyBlobFormat.RawPublicKey);
        return QkdKeyCertificateCodec.Create(s_magic, signer, kemId, saeId, key, notAfter, context ?? s_defaultContext);
    }

    /// <summary>Decodes a certificate strictly (the signature is not checked here; see <see cref="Verify"/>).</summary>
    /// <param name="certificate">The encoded certificate.</param>
    /// <returns>The decoded certificate.</returns>
    /// <exception cref="QkdSessionException">The certificate is malformed or names an unknown algorithm.</exception>
    public static KemKeyCertificate Decode(ReadOnlySpan<byte> certificate)
    {
        QkdKeyCertificateCodec.Decoded decoded = QkdKeyCertificateCodec.Decode(
            s_magic,
            certificate,
            kemId => QkdSuiteIds.KemOf(kemId) is KemAlgorithm kem ? (kem.Name + " encapsulation", kem.EncapsulationKeySize) : null,
            "KEM key certificate");
        return new KemKeyCertificate(decoded, QkdSuiteIds.KemOf(decoded.KeyType)!);
    }

    /// <summary>Checks the signature with <paramref name="trustedSigner"/>.</summary>
    /// <param name="trustedSigner">The ML-DSA public key the initiator trusts.</param>
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
    public override string ToString() => $"KemKeyCertificate({SaeId}, {Kem.Name}, signed with {SignatureAlgorithm.Name}, not after {NotAfter:O})";
}
