using System;
using System.Text.Json;

namespace FintechCrypto.Cli;

/// <summary>
/// A failure the command reports as <c>{"error": message}</c> with an exit code. Messages name options,
/// algorithms, sizes and file paths, never the bytes of an argument (which may be a secret key).
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.BadInput)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException(string message, Exception innerException, int exitCode = ExitCodes.BadInput)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>
    /// A failure whose error object carries more fields than <c>"error"</c> (cli.md names them per command, such as
    /// FROST's <c>"culprits"</c>), written by <paramref name="details"/> after the message.
    /// </summary>
    public CliException(string message, Action<Utf8JsonWriter> details, int exitCode = ExitCodes.BadInput)
        : base(message)
    {
        ExitCode = exitCode;
        Details = details;
    }

    /// <summary>The process exit code.</summary>
    public int ExitCode { get; }

    /// <summary>Writes the error object's fields beyond <c>"error"</c>, or null when there are none.</summary>
    public Action<Utf8JsonWriter>? Details { get; }

    /// <summary>An algorithm or command that cli.md names and that belongs to a later release.</summary>
    public static CliException NotImplemented(string what) => new($"'{what}' is not implemented yet");
}
