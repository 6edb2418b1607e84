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
/// <typeparam name="TSelf">The certificate type itself.</typeparam>
/// <typeparam name="TAlgorithm">The certified key's parameter-set type: <see cref="KemAlgorithm"/> or <see cref="SignatureAlgorithm"/>.</typeparam>
public abstract class QkdKeyCertificate<TSelf, TAlgorithm>
    where TSelf : QkdKeyCertificate<TSelf, TAlgorithm>
    where TAlgorithm : Algorithm
{
    /// <summary>The version this library writes and reads.</summary>
    public const byte CurrentVersion = QkdKeyCertificateCodec.Version;

    private static readonly QkdKeyKind<TAlgorithm> s_kind = QkdKeyKinds.Of<TAlgorithm>(typeof(TSelf));

    private readonly QkdKeyCertificateCodec.Decoded<TAlgorithm> _decoded;

    private protected QkdKeyCertificate(QkdKeyCertificateCodec.Decoded<TAlgorithm> decoded)
    {
        _decoded = decoded;
    }

    /// <summary>
    /// The context string used when none is given: the ASCII bytes of <c>FintechCrypto QKD KEM key certificate v1</c>
    /// (<see cref="KemKeyCertificate"/>) or <c>FintechCrypto QKD initiator key certificate v1</c> (<see cref="InitiatorKeyCertificate"/>).
    /// </summary>
    public static ReadOnlySpan<byte> DefaultContext => s_kind.DefaultContext;

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
    /// <param name="context">The context string the certificate was signed with, or null for <see cref="DefaultContext"/>.</param>
    /// <returns>True when the signature is valid and made with a key of the certificate's algorithm; false otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trustedSigner"/> is null.</exception>
    public bool Verify(VerificationKey trustedSigner, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(trustedSigner);
        return _decoded.Verify(trustedSigner, context is null ? DefaultContext : context);
    }

    /// <summary>Names the type, the SAE, the algorithms and the expiry.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{GetType().Name}({SaeId}, {KeyAlgorithm.Name}, signed with {SignatureAlgorithm.Name}, not after {NotAfter:O})";

    /// <summary>Signs a certificate for the raw <paramref name="publicKey"/> of <paramref name="keyAlgorithm"/>.</summary>
    /// <param name="signer">An ML-DSA-44, -65 or -87 signing key (the authority).</param>
    /// <param name="saeId">The SAE ID the key belongs to.</param>
    /// <param name="keyAlgorithm">The key's parameter set: a KEM a session supports (<see cref="KemKeyCertificate"/>), or ML-DSA-44, -65 or -87 (<see cref="InitiatorKeyCertificate"/>).</param>
    /// <param name="publicKey">The raw public key (<c>Export(KeyBlobFormat.RawPublicKey)</c> of the key).</param>
    /// <param name="notAfter">The expiry (rounded down to whole seconds).</param>
    /// <param name="context">The FIPS 204 context string (at most 255 bytes), or null for <see cref="DefaultContext"/>.</param>
    /// <returns>The certificate; <see cref="ToBytes"/> encodes it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="signer"/> is not ML-DSA, <paramref name="keyAlgorithm"/> is not of this kind of key, <paramref name="saeId"/> is empty or too long, or the context is too long.</exception>
    /// <exception cref="InvalidKeyEncodingException"><paramref name="publicKey"/> is malformed.</exception>
    public static TSelf Create(SigningKey signer, string saeId, TAlgorithm keyAlgorithm, ReadOnlySpan<byte> publicKey, DateTimeOffset notAfter, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(saeId);
        ArgumentNullException.ThrowIfNull(keyAlgorithm);
        s_kind.CheckAlgorithm(keyAlgorithm, nameof(keyAlgorithm));
        s_kind.CheckPublicKey(keyAlgorithm, publicKey);
        return s_kind.NewCertificate<TSelf>(
            QkdKeyCertificateCodec.Create(s_kind, signer, saeId, keyAlgorithm, nameof(keyAlgorithm), publicKey, notAfter, context is null ? DefaultContext : context));
    }

    /// <summary>Decodes a certificate strictly (the signature is not checked here; see <see cref="Verify"/>).</summary>
    /// <param name="certificate">The encoded certificate.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="QkdSessionException">The certificate is malformed or names an unknown algorithm (<see cref="QkdSessionError.MalformedMessage"/>).</exception>
    public static TSelf FromBytes(ReadOnlySpan<byte> certificate) => s_kind.NewCertificate<TSelf>(QkdKeyCertificateCodec.Decode(s_kind, certificate));
}
