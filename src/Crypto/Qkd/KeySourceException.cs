// KeySourceException: a QKD key source refused or failed (style.md: the exception family's QKD member).

using System;

namespace FintechCrypto.Qkd;

/// <summary>
/// A QKD key source refused a request or failed. <see cref="QkdException{TError}.Error"/> says what kind of failure it
/// was, <see cref="HttpStatus"/> and <see cref="KmeMessage"/> carry what an ETSI GS QKD 014 KME answered.
/// </summary>
/// <remarks>The message names SAE IDs, key IDs, sizes and counts; it never contains key material.</remarks>
public sealed class KeySourceException : QkdException<KeySourceError>
{
    /// <summary>Creates an exception of the given kind.</summary>
    /// <param name="error">The kind of failure.</param>
    /// <param name="message">A description of the failure, free of key material.</param>
    /// <param name="httpStatus">The HTTP status the KME answered, if any.</param>
    /// <param name="kmeMessage">The <c>message</c> of the KME's Error object, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public KeySourceException(KeySourceError error, string? message, int? httpStatus = null, string? kmeMessage = null, Exception? innerException = null)
        : base(error, message, innerException)
    {
        HttpStatus = httpStatus;
        KmeMessage = kmeMessage;
    }

    /// <summary>The HTTP status the KME answered, or null when there was no HTTP answer.</summary>
    public int? HttpStatus { get; }

    /// <summary>The <c>message</c> of the KME's Error object, or null.</summary>
    public string? KmeMessage { get; }

    /// <summary>
    /// Whether trying again later may succeed: exhaustion, a 503, a time-out, an unreachable source, or a key not yet
    /// replicated to this KME. False for everything else, among them <see cref="KeySourceError.TlsAuthenticationFailed"/>
    /// (a wrong CA, an expired certificate, a host name or pin mismatch, a refused client certificate): these are permanent.
    /// </summary>
    public bool IsTransient => Error is KeySourceError.KeysExhausted or KeySourceError.ServiceUnavailable
        or KeySourceError.Timeout or KeySourceError.Unreachable or KeySourceError.KeyNotFound;
}
