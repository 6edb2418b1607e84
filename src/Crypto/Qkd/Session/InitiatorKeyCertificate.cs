// InitiatorKeyCertificate: an initiator SAE's ML-DSA verification key signed with an ML-DSA key (FIPS 204) the responder
// trusts, so that a responder can authenticate the initiator of a first handshake (issue 11 defect 1;
// QkdInitiatorKey.FromCertificate). The layout is QkdKeyCertificate's with the magic "QKDI" and the ML-DSA parameter set
// (1, 2, 3) as the key type.

using System;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// An "initiator key certificate": the initiator SAE's ID, its ML-DSA verification key and an expiry, signed with
/// ML-DSA (see <see cref="QkdKeyCertificate{TAlgorithm}"/> for the layout). The responder checks it with
/// <see cref="QkdInitiatorKey.FromCertificate"/>.
/// </summary>
public sealed class InitiatorKeyCertificate : QkdKeyCertificate<SignatureAlgorithm>
{
    private InitiatorKeyCertificate(QkdKeyCertificateCodec.Decoded<SignatureAlgorithm> decoded)
        : base(QkdMlDsaKeyKind.Instance, decoded)
    {
    }

    /// <summary>The context string used when none is given: the ASCII bytes of <c>FintechCrypto QKD initiator key certificate v1</c>.</summary>
    public static ReadOnlySpan<byte> DefaultContext => QkdMlDsaKeyKind.Instance.DefaultContext;

    /// <summary>Signs a certificate for <paramref name="initiatorKey"/>.</summary>
    /// <param name="signer">An ML-DSA-44, -65 or -87 signing key (the authority).</param>
    /// <param name="saeId">The initiator SAE ID the key belongs to.</param>
    /// <param name="initiatorKey">The initiator's ML-DSA verification key.</param>
    /// <param name="notAfter">The expiry (rounded down to whole seconds).</param>
    /// <param name="context">The FIPS 204 context string (at most 255 bytes), or null for <see cref="DefaultContext"/>.</param>
    /// <returns>The certificate; <see cref="QkdKeyCertificate{TAlgorithm}.ToBytes"/> encodes it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="signer"/> or <paramref name="initiatorKey"/> is not ML-DSA, <paramref name="saeId"/> is empty or too long, or the context is too long.</exception>
    public static InitiatorKeyCertificate Create(SigningKey signer, string saeId, VerificationKey initiatorKey, DateTimeOffset notAfter, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(saeId);
        ArgumentNullException.ThrowIfNull(initiatorKey);
        byte[] key = initiatorKey.Export(KeyBlobFormat.RawPublicKey);
        return new(Sign(QkdMlDsaKeyKind.Instance, signer, saeId, initiatorKey.Algorithm, nameof(initiatorKey), key, notAfter, context));
    }

    /// <summary>Decodes a certificate strictly (the signature is not checked here; see <see cref="QkdKeyCertificate{TAlgorithm}.Verify"/>).</summary>
    /// <param name="certificate">The encoded certificate.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="QkdSessionException">The certificate is malformed or names an unknown algorithm (<see cref="QkdSessionError.MalformedMessage"/>).</exception>
    public static InitiatorKeyCertificate FromBytes(ReadOnlySpan<byte> certificate) => new(QkdKeyCertificateCodec.Decode(QkdMlDsaKeyKind.Instance, certificate));
}
