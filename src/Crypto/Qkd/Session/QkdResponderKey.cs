// QkdResponderKey: the responder's KEM encapsulation key, authenticated, so an initiator never starts a session,
// hybrid or post-quantum-only, against an unauthenticated key. Everything is QkdAuthenticatedKey's.

namespace FintechCrypto.Qkd;

/// <summary>
/// The responder SAE's KEM encapsulation key (FIPS 203 ek; X-Wing's public key), as the initiator authenticated it:
/// pinned, by a pinned fingerprint, or from a <see cref="KemKeyCertificate"/>. Pass it to
/// <see cref="QkdSession.CreateInitiator"/>.
/// </summary>
public sealed class QkdResponderKey : QkdAuthenticatedKey<QkdResponderKey, KemAlgorithm>
{
    internal QkdResponderKey(KemAlgorithm kem, byte[] encapsulationKey, QkdKeyAuthentication authentication, string? saeId)
        : base(kem, encapsulationKey, authentication, saeId)
    {
    }
}
