// KemKeyCertificate: a responder's KEM encapsulation key signed with an ML-DSA key (FIPS 204) the initiator trusts, so
// that a QKD session never starts against an unauthenticated KEM key (QkdResponderKey.FromCertificate). Everything is
// QkdKeyCertificate's; the magic is "QKDC" and the key type the KEM's HPKE id.

using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// A "KEM key certificate": the responder SAE's ID, its KEM and encapsulation key, and an expiry, signed with ML-DSA
/// (see <see cref="QkdKeyCertificate{TSelf, TAlgorithm}"/> for the layout). The initiator checks it with
/// <see cref="QkdAuthenticatedKey{TSelf, TAlgorithm}.FromCertificate"/> of <see cref="QkdResponderKey"/>.
/// </summary>
public sealed class KemKeyCertificate : QkdKeyCertificate<KemKeyCertificate, KemAlgorithm>
{
    internal KemKeyCertificate(QkdKeyCertificateCodec.Decoded<KemAlgorithm> decoded)
        : base(decoded)
    {
    }
}
