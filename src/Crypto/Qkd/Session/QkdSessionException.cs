// QkdSessionException: a QKD session refused a handshake message or an operation (the exception family's session member).

using System;

namespace FintechCrypto.Qkd;

/// <summary>
/// A QKD session refused a handshake message, could not establish or renew its keys, or refused to protect a record.
/// <see cref="QkdException{TError}.Error"/> says why.
/// </summary>
/// <remarks>The message names SAE IDs, key IDs, epochs, algorithms and sizes; it never contains key material.</remarks>
public sealed class QkdSessionException : QkdException<QkdSessionError>
{
    /// <summary>Creates an exception of the given kind.</summary>
    /// <param name="error">The kind of failure.</param>
    /// <param name="message">A description of the failure, free of key material.</param>
    /// <param name="innerException">The cause, if any.</param>
    public QkdSessionException(QkdSessionError error, string? message, Exception? innerException = null)
        : base(error, message, innerException)
    {
    }
}
