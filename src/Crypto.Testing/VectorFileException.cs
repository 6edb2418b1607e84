using System;

namespace FintechCrypto.Testing;

/// <summary>
/// The file cannot be run: it cannot be read, it is not a vector file of the expected format, a field is malformed,
/// or its algorithm is unknown. (The CLI maps this to exit code 2.) Failing cases are never reported this way.
/// </summary>
public sealed class VectorFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VectorFileException()
    {
    }

    /// <summary>Creates the exception with a message naming the file and the problem.</summary>
    /// <param name="message">The message.</param>
    public VectorFileException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public VectorFileException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
