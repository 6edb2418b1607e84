// QkdException: the one base of the QKD components' exceptions that carry a kind of failure (KeySourceException with
// KeySourceError, QkdSessionException with QkdSessionError), in the library's exception family.

using System;

namespace FintechCrypto.Qkd;

/// <summary>
/// A QKD component refused or failed; <see cref="Error"/> says what kind of failure it was. Catch
/// <see cref="KeySourceException"/> or <see cref="QkdSessionException"/>, or <see cref="FintechCryptoException"/> for all.
/// </summary>
/// <typeparam name="TError">The component's kinds of failure (<see cref="KeySourceError"/>, <see cref="QkdSessionError"/>).</typeparam>
/// <remarks>The message names SAE IDs, key IDs, epochs, algorithms, sizes and counts; it never contains key material.</remarks>
public abstract class QkdException<TError> : FintechCryptoException
    where TError : struct, Enum
{
    private protected QkdException(TError error, string? message, Exception? innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>The kind of failure.</summary>
    public TError Error { get; }
}
