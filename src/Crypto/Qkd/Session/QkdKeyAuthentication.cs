// QkdKeyAuthentication: how one end of a QKD session authenticated the other's public key (QkdResponderKey, QkdInitiatorKey).

namespace FintechCrypto.Qkd;

/// <summary>How a <see cref="QkdResponderKey"/> or a <see cref="QkdInitiatorKey"/> was authenticated.</summary>
public enum QkdKeyAuthentication
{
    /// <summary>The public key bytes were pre-distributed to the other end (pinned).</summary>
    PinnedKey = 1,

    /// <summary>The key's SHA-256 fingerprint was pre-distributed, and the key presented matches it.</summary>
    PinnedFingerprint = 2,

    /// <summary>The key came in a <see cref="KemKeyCertificate"/> or an <see cref="InitiatorKeyCertificate"/> signed with an ML-DSA key the other end trusts.</summary>
    Certificate = 3,
}
