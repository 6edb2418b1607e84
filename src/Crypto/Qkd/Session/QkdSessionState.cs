// QkdSessionState: the life cycle of a QkdSession.

namespace FintechCrypto.Qkd;

/// <summary>The state of a <see cref="QkdSession"/>.</summary>
public enum QkdSessionState
{
    /// <summary>Created; no handshake yet. Records cannot be protected or opened.</summary>
    Created = 0,

    /// <summary>Keys are established and within their rekey limits (or a rekey is due but the limits are not yet passed).</summary>
    Established = 1,

    /// <summary>
    /// The rekey limits are passed, or a rekey failed, and the policy is
    /// <see cref="QkdExhaustionPolicyKind.KeepCurrentKeyUntil"/>: the current keys stay in use until the deadline, never beyond.
    /// </summary>
    KeepingCurrentKeys = 2,

    /// <summary>The rekey limits are passed and no policy allows going on: records are refused until a rekey succeeds.</summary>
    RekeyRequired = 3,

    /// <summary>Disposed: every traffic key is cleared.</summary>
    Disposed = 4,
}
