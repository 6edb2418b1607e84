// QkdKeyAuthentication: how an initiator authenticated the responder's KEM encapsulation key.

namespace FintechCrypto.Qkd;

/// <summary>How a <see cref="QkdResponderKey"/> was authenticated.</summary>
public enum QkdKeyAuthentication
{
    /// <summary>The encapsulation key bytes were pre-distributed to the initiator (pinned).</summary>
    PinnedKey = 1,

    /// <summary>The key's SHA-256 fingerprint was pre-distributed, and the key presented matches it.</summary>
    PinnedFingerprint = 2,

    /// <summary>The key came in a <see cref="KemKeyCertificate"/> signed with an ML-DSA key the initiator trusts.</summary>
    Certificate = 3,
}
