// KemKeyCertificate: a responder's KEM encapsulation key signed with an ML-DSA key (FIPS 204) the initiator trusts, so
// that a QKD session never starts against an unauthenticated KEM key (QkdResponderKey.FromCertificate). The layout is
// QkdKeyCertificate's with the magic "QKDC" and the KEM's HPKE id as the key type.

using System;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// A "KEM key certificate": the responder SAE's ID, its KEM and encapsulation key, and an expiry, signed with ML-DSA
/// (see <see cref="QkdKeyCertificate{TAlgorithm}"/> for the layout). The initiator checks it with
/// <see cref="QkdResponderKey.FromCertificate"/>.
/// </summary>
public sealed class KemKeyCertificate : QkdKeyCertificate<KemAlgorithm>
{
    private KemKeyCertificate(QkdKeyCertificateCodec.Decoded<KemAlgorithm> decoded)
        : base(QkdKemKeyKind.Instance, decoded)
    {
    }

    /// <summary>The context string used when none is given: the ASCII bytes of <c>FintechCrypto QKD KEM key certificate v1</c>.</summary>
    public static ReadOnlySpan<byte> DefaultContext => QkdKemKeyKind.Instance.DefaultContext;

    /// <summary>Signs a certificate for <paramref name="encapsulationKey"/>.</summary>
    /// <param name="signer">An ML-DSA-44, -65 or -87 signing key (the authority).</param>
    /// <param name="saeId">The responder SAE ID the key belongs to.</param>
    /// <param name="encapsulationKey">The responder's KEM encapsulation key.</param>
    /// <param name="notAfter">The expiry (rounded down to whole seconds).</param>
    /// <param name="context">The FIPS 204 context string (at most 255 bytes), or null for <see cref="DefaultContext"/>.</param>
    /// <returns>The certificate; <see cref="QkdKeyCertificate{TAlgorithm}.ToBytes"/> encodes it.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="signer"/> is not ML-DSA, the KEM is not one a session supports, <paramref name="saeId"/> is empty or too long, or the context is too long.</exception>
    public static KemKeyCertificate Create(SigningKey signer, string saeId, EncapsulationKey encapsulationKey, DateTimeOffset notAfter, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(saeId);
        ArgumentNullException.ThrowIfNull(encapsulationKey);
        byte[] key = encapsulationKey.Export(KeyBlobFormat.RawPublicKey);
        return new(Sign(QkdKemKeyKind.Instance, signer, saeId, encapsulationKey.Algorithm, nameof(encapsulationKey), key, notAfter, context));
    }

    /// <summary>Decodes a certificate strictly (the signature is not checked here; see <see cref="QkdKeyCertificate{TAlgorithm}.Verify"/>).</summary>
    /// <param name="certificate">The encoded certificate.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="QkdSessionException">The certificate is malformed or names an unknown algorithm (<see cref="QkdSessionError.MalformedMessage"/>).</exception>
    public static KemKeyCertificate FromBytes(ReadOnlySpan<byte> certificate) => new(QkdKeyCertificateCodec.Decode(QkdKemKeyKind.Instance, certificate));
}
