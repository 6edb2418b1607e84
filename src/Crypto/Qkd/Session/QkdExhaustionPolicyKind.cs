// QkdExhaustionPolicyKind: the explicit choices for a QKD key source that is exhausted or fails (qkd.md §6, §8 item 5).

namespace FintechCrypto.Qkd;

/// <summary>The kinds of <see cref="QkdExhaustionPolicy"/>.</summary>
public enum QkdExhaustionPolicyKind
{
    /// <summary>The handshake or rekey throws; once the rekey limits are passed the session refuses to protect records.</summary>
    FailClosed = 0,

    /// <summary>Keep the current traffic keys (sequence numbers go on, no nonce repeats) until a deadline, never beyond.</summary>
    KeepCurrentKeyUntil = 1,

    /// <summary>Rekey with the KEM alone (no QKD key), visible in <see cref="QkdSession.Mode"/> and announced by an event each time.</summary>
    ContinuePostQuantumOnly = 2,
}
