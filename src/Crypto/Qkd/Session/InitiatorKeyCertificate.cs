// InitiatorKeyCertificate: an initiator SAE's ML-DSA verification key signed with an ML-DSA key (FIPS 204) the responder
// trusts, so that a responder can authenticate the initiator of a first handshake (issue 11 defect 1;
// QkdInitiatorKey.FromCertificate). Everything is QkdKeyCertificate's; the magic is "QKDI" and the key type the ML-DSA
// parameter set (1, 2, 3).

using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// An "initiator key certificate": the initiator SAE's ID, its ML-DSA verification key and an expiry, signed with ML-DSA
/// (see <see cref="QkdKeyCertificate{TSelf, TAlgorithm}"/> for the layout). The responder checks it with
/// <see cref="QkdAuthenticatedKey{TSelf, TAlgorithm}.FromCertificate"/> of <see cref="QkdInitiatorKey"/>.
/// </summary>
public sealed class InitiatorKeyCertificate : QkdKeyCertificate<InitiatorKeyCertificate, SignatureAlgorithm>
{
    internal InitiatorKeyCertificate(QkdKeyCertificateCodec.Decoded<SignatureAlgorithm> decoded)
        : base(decoded)
    {
    }
}
