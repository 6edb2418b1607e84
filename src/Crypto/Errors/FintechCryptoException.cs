using System;
using System.Security.Cryptography;

namespace FintechCrypto;

/// <summary>
/// The base of FintechCrypto's exception family: malformed keys, ciphertexts and protocol messages, and
/// cryptographic failures that are not a caller's mistake with arguments.
/// </summary>
/// <remarks>
/// Messages name algorithms, formats, parameter names and lengths; they never contain key bytes, nonces,
/// plaintext or intermediate values.
/// </remarks>
public class FintechCryptoException : CryptographicException
{
    /// <summary>Creates an exception with a default message.</summary>
    public FintechCryptoException()
        : base("A FintechCrypto operation failed.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">A description of the failure, free of secret material.</param>
    public FintechCryptoException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">A description of the failure, free of secret material.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public FintechCryptoException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
