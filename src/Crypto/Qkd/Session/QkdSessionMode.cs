// QkdSessionMode: whether the current epoch's keys include a QKD key (TS 103 744 CatKDF psk) or rest on the KEM alone.

namespace FintechCrypto.Qkd;

/// <summary>What the traffic keys of the current epoch were derived from.</summary>
public enum QkdSessionMode
{
    /// <summary>No keys yet.</summary>
    None = 0,

    /// <summary>QKD key(s) as the CatKDF pre-shared key together with the KEM shared secret (ETSI TS 103 744 §8.2): the normal mode.</summary>
    Hybrid = 1,

    /// <summary>
    /// The KEM shared secret alone, because the QKD key source failed and the policy is
    /// <see cref="QkdExhaustionPolicyKind.ContinuePostQuantumOnly"/>. Always visible here and announced by an event.
    /// </summary>
    PostQuantumOnly = 2,
}
