// QkdSessionEventKind: what a QkdSession announces through QkdSession.SessionEvent.

namespace FintechCrypto.Qkd;

/// <summary>The kinds of <see cref="QkdSessionEventArgs"/>.</summary>
public enum QkdSessionEventKind
{
    /// <summary>The first keys (epoch 0) are established.</summary>
    Established = 1,

    /// <summary>A rekey installed the keys of a new epoch.</summary>
    Rekeyed = 2,

    /// <summary>A rekey limit (messages, bytes or time) of the current epoch is reached: the initiator should rekey now.</summary>
    RekeyDue = 3,

    /// <summary>
    /// The exhaustion policy was applied instead of failing: the current keys are kept until a deadline
    /// (<see cref="QkdExhaustionPolicyKind.KeepCurrentKeyUntil"/>) or a handshake went ahead with the KEM alone
    /// (<see cref="QkdExhaustionPolicyKind.ContinuePostQuantumOnly"/>). Raised every time.
    /// </summary>
    PolicyFallback = 4,

    /// <summary>A handshake, a rekey or the key source failed, or the session refused to protect a record.</summary>
    Failure = 5,

    /// <summary>The previous epoch's receive keys were cleared after their grace period.</summary>
    EpochRetired = 6,
}
