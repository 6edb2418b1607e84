using System;

namespace FintechCrypto.Testing;

/// <summary>
/// A vector set named by the manifest is missing, or its SHA-256 does not match. The message names the file and
/// every place that was searched. Tests let it fail the run: a missing set is never a silent skip.
/// </summary>
public sealed class VectorSetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VectorSetException()
    {
    }

    /// <summary>Creates the exception with a message naming the file and where it was looked for.</summary>
    /// <param name="message">The message.</param>
    public VectorSetException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public VectorSetException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
