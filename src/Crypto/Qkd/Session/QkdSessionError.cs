// QkdSessionError: why a QKD session refused a handshake, a record or an operation (see QkdSessionException).

namespace FintechCrypto.Qkd;

/// <summary>The kinds of <see cref="QkdSessionException"/>.</summary>
public enum QkdSessionError
{
    /// <summary>A failure that fits no other kind.</summary>
    Unknown = 0,

    /// <summary>A handshake message or a KEM key certificate is malformed: bad magic or version, a truncated or over-long field, trailing bytes, an invalid UTF-8 string.</summary>
    MalformedMessage,

    /// <summary>The message names a KEM, a KDF, a mode or QKD key parameters that this session is not configured for.</summary>
    SuiteMismatch,

    /// <summary>The SAE IDs in the message are not this session's local and peer SAE IDs.</summary>
    WrongSaeId,

    /// <summary>The epoch of a handshake message is not the one expected (a replayed or out-of-order handshake).</summary>
    UnexpectedEpoch,

    /// <summary>The responder's KEM key could not be authenticated (fingerprint mismatch, bad or expired certificate, wrong signer or SAE ID).</summary>
    UntrustedKemKey,

    /// <summary>A post-quantum-only handshake arrived but this session's policy is not <see cref="QkdExhaustionPolicyKind.ContinuePostQuantumOnly"/>.</summary>
    DowngradeRefused,

    /// <summary>The QKD key source failed or refused (the inner exception is the <see cref="KeySourceException"/>), and the policy did not allow going on without new keys.</summary>
    KeySourceFailed,

    /// <summary>The rekey limits of the current epoch are passed (and any grace the policy gave has ended): the session refuses to protect until it is rekeyed.</summary>
    RekeyRequired,

    /// <summary>The 64-bit record sequence number of the epoch is exhausted; a nonce would repeat.</summary>
    SequenceExhausted,

    /// <summary>
    /// The handshake's key confirmation does not match the keys this end derived: the message was altered, or the two
    /// ends hold different QKD keys or KEM keys.
    /// </summary>
    KeyConfirmationFailed,

    /// <summary>The 32-bit epoch counter is exhausted; start a new session.</summary>
    EpochExhausted,

    /// <summary>
    /// A rekey's authenticator does not verify under the current epoch's rekey authentication key: the message was not
    /// made by the peer of this session's current epoch (an injected or altered rekey). Nothing in the session changed.
    /// </summary>
    RekeyNotAuthenticated,

    /// <summary>
    /// The responder requires an initiator signature (<see cref="QkdSessionOptions.TrustedInitiatorKey"/>) and the first
    /// handshake carries none, or one that does not verify with the trusted key.
    /// </summary>
    InitiatorNotAuthenticated,

    /// <summary>The initiator's ML-DSA key could not be authenticated (fingerprint mismatch, bad or expired certificate, wrong signer or SAE ID).</summary>
    UntrustedInitiatorKey,
}
