// KeySourceError: the kinds of key-source failure, mapped from ETSI GS QKD 014 §7 status codes and messages.

namespace FintechCrypto.Qkd;

/// <summary>Why a QKD key source refused or failed (see <see cref="KeySourceException"/>).</summary>
public enum KeySourceError
{
    /// <summary>A failure that fits no other kind (an unexpected HTTP status, for example).</summary>
    Unknown = 0,

    /// <summary>The request was malformed or not acceptable (014: 400 Bad request), and no more specific kind applies.</summary>
    BadRequest,

    /// <summary>A requested key ID is unknown, was already delivered, or is not yet known to this KME (014: 400, "one or more keys specified are not found on KME").</summary>
    KeyNotFound,

    /// <summary>The key size is not a multiple of 8 or is outside the source's limits (014: 400, "size shall be a multiple of 8"; Status <c>min_key_size</c>/<c>max_key_size</c>).</summary>
    InvalidKeySize,

    /// <summary>More keys or more additional slaves were asked for than the source allows (Status <c>max_key_per_request</c>, <c>max_SAE_ID_count</c>).</summary>
    RequestTooLarge,

    /// <summary>A mandatory extension is not supported or could not be met (014: 400, the extension messages).</summary>
    ExtensionNotSupported,

    /// <summary>The caller is not authorised: no or a wrong client certificate, or a key that was not issued to it (014: 401).</summary>
    Unauthorized,

    /// <summary>The source has too few keys for the request (exhaustion).</summary>
    KeysExhausted,

    /// <summary>The source reported a server-side error (014: 503).</summary>
    ServiceUnavailable,

    /// <summary>The source did not answer within the time allowed.</summary>
    Timeout,

    /// <summary>
    /// The source could not be reached: connection refused, DNS, or a TLS handshake cut off without a permanent cause
    /// (see <see cref="TlsAuthenticationFailed"/>). Transient.
    /// </summary>
    Unreachable,

    /// <summary>The source answered with something that is not a valid response (garbage or truncated JSON, bad base64, a bad UUID, the wrong keys).</summary>
    InvalidResponse,

    /// <summary>
    /// The TLS connection to the source was refused for a reason that stays until a certificate or setting changes: the
    /// source's certificate was not accepted (unknown CA or untrusted root, expired, host name not in its subjectAltName,
    /// public-key pin mismatch), or the source refused the client certificate or shares no TLS version with the client
    /// (a TLS alert such as unknown_ca, certificate_required or handshake_failure). Not transient; the message names the cause.
    /// </summary>
    TlsAuthenticationFailed,
}
