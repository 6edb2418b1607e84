using System;

namespace FintechCrypto;

/// <summary>
/// A key blob (raw, SubjectPublicKeyInfo, PKCS#8 or PEM) is malformed, is for another algorithm, or holds a
/// value that the algorithm's standard forbids (a point off the curve, a non-canonical encoding, a wrong size).
/// </summary>
public sealed class InvalidKeyEncodingException : FintechCryptoException
{
    /// <summary>Creates an exception with a default message.</summary>
    public InvalidKeyEncodingException()
        : base("The key encoding is invalid.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">A description of what is wrong with the encoding, free of key material.</param>
    public InvalidKeyEncodingException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">A description of what is wrong with the encoding, free of key material.</param>
    /// <param name="innerException">The decoder exception that caused this one.</param>
    public InvalidKeyEncodingException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
