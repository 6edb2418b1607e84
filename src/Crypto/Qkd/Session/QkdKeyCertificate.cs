// QkdKeyCertificate: a peer key signed with an ML-DSA key (FIPS 204) that the other end trusts, bound to an SAE ID and
// an expiry. The one shape of KemKeyCertificate (a responder's KEM key) and InitiatorKeyCertificate (an initiator's
// ML-DSA key): one layout (QkdKeyCertificateCodec), with another magic and key type each. Deliberately small, not X.509.

using System;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// A key certificate: an SAE's ID, the algorithm and raw bytes of its public key, and an expiry, signed with ML-DSA-44,
/// -65 or -87 (FIPS 204, with a context string).
/// </summary>
/// <remarks>
/// Layout, every integer big-endian:
/// <code>
/// magic (4: "QKDC" KEM key, "QKDI" initiator key) | version 0x01 (1) | signature algorithm (1: 1 ML-DSA-44, 2 ML-DSA-65, 3 ML-DSA-87)
/// | key type (2: the KEM's HPKE id; or 1, 2, 3 for ML-DSA-44, -65, -87) | SAE ID (2-byte length, 1..256 bytes UTF-8)
/// | not after (8, Unix time in seconds) | public key (2-byte length, exactly the key type's size)
/// | signature (2-byte length, exactly the algorithm's size)
/// </code>
/// The signature covers every byte before its length field. Nothing may follow it.
/// </remarks>
/// <typeparam name="TAlgorithm">The certified key's parameter-set type: <see cref="KemAlgorithm"/> or <see cref="SignatureAlgorithm"/>.</typeparam>
public abstract class QkdKeyCertificate<TAlgorithm>
    where TAlgorithm : Algorithm
{
    /// <summary>The version this library writes and reads.</summary>
    public const byte CurrentVersion = QkdKeyCertificateCodec.Version;

    private readonly QkdKeyKind<TAlgorithm> _kind;
    private readonly QkdKeyCertificateCodec.Decoded<TAlgorithm> _decoded;

    private protected QkdKeyCertificate(QkdKeyKind<TAlgorithm> kind, QkdKeyCertificateCodec.Decoded<TAlgorithm> decoded)
    {
        _kind = kind;
        _decoded = decoded;
    }

    /// <summary>The ML-DSA parameter set of the certificate's signature.</summary>
    public SignatureAlgorithm SignatureAlgorithm => _decoded.SignatureAlgorithm;

    /// <summary>The parameter set of the certified key.</summary>
    public TAlgorithm KeyAlgorithm => _decoded.KeyAlgorithm;

    /// <summary>The SAE that holds the matching private key.</summary>
    public string SaeId => _decoded.SaeId;

    /// <summary>The time after which the certificate is no longer valid (whole seconds).</summary>
    public DateTimeOffset NotAfter => _decoded.NotAfter;

    /// <summary>The certified raw public key (the FIPS 203 encapsulation key, or the FIPS 204 verification key).</summary>
    public ReadOnlyMemory<byte> PublicKey => _decoded.Key;

    /// <summary>The signature.</summary>
    public ReadOnlyMemory<byte> Signature => _decoded.Signature;

    /// <summary>The encoded certificate.</summary>
    /// <returns>A new array holding the encoding.</returns>
    public byte[] ToBytes() => (byte[])_decoded.Encoding.Clone();

    /// <summary>Checks the signature with <paramref name="trustedSigner"/>.</summary>
    /// <param name="trustedSigner">The ML-DSA public key trusted to certify such keys.</param>
    /// <param name="context">The context string the certificate was signed with, or null for the type's <c>DefaultContext</c>.</param>
    /// <returns>True when the signature is valid and made with a key of the certificate's algorithm; false otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trustedSigner"/> is null.</exception>
    public bool Verify(VerificationKey trustedSigner, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(trustedSigner);
        return _decoded.Verify(trustedSigner, context is null ? _kind.DefaultContext : context);
    }

    /// <summary>Names the type, the SAE, the algorithms and the expiry.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{GetType().Name}({SaeId}, {KeyAlgorithm.Name}, signed with {SignatureAlgorithm.Name}, not after {NotAfter:O})";

    /// <summary>Signs a certificate; the caller checked that no argument is null.</summary>
    private protected static QkdKeyCertificateCodec.Decoded<TAlgorithm> Sign(
        QkdKeyKind<TAlgorithm> kind, SigningKey signer, string saeId, TAlgorithm keyAlgorithm, string keyParamName, byte[] publicKey, DateTimeOffset notAfter, byte[]? context) =>
        QkdKeyCertificateCodec.Create(kind, signer, saeId, keyAlgorithm, keyParamName, publicKey, notAfter, context is null ? kind.DefaultContext : context);
}
