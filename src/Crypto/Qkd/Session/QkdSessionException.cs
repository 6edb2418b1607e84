// QkdSessionException: a QKD session refused a handshake message or an operation (the exception family's session member).

using System;

namespace FintechCrypto.Qkd;

/// <summary>
/// A QKD session refused a handshake message, could not establish or renew its keys, or refused to protect a record.
/// <see cref="Error"/> says why.
/// </summary>
/// <remarks>The message names SAE IDs, key IDs, epochs, algorithms and sizes; it never contains key material.</remarks>
public sealed class QkdSessionException : FintechCryptoException
{
    /// <summary>Creates an exception of kind <see cref="QkdSessionError.Unknown"/> with a default message.</summary>
    public QkdSessionException()
        : this(QkdSessionError.Unknown, "The QKD session failed.")
    {
    }

    /// <summary>Creates an exception of kind <see cref="QkdSessionError.Unknown"/>.</summary>
    /// <param name="message">A description of the failure, free of key material.</param>
    public QkdSessionException(string? message)
        : this(QkdSessionError.Unknown, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="QkdSessionError.Unknown"/> with a cause.</summary>
    /// <param name="message">A description of the failure, free of key material.</param>
    /// <param name="innerException">The cause.</param>
    public QkdSessionException(string? message, Exception? innerException)
        : this(QkdSessionError.Unknown, message, innerException)
    {
    }

    /// <summary>Creates an exception of the given kind.</summary>
    /// <param name="error">The kind of failure.</param>
    /// <param name="message">A description of the failure, free of key material.</param>
    /// <param name="innerException">The cause, if any.</param>
    public QkdSessionException(QkdSessionError error, string? message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>The kind of failure.</summary>
    public QkdSessionError Error { get; }
}
