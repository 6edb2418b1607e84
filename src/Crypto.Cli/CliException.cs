using System;

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

    /// <summary>The process exit code.</summary>
    public int ExitCode { get; }

    /// <summary>An algorithm or command that cli.md names and that belongs to a later release.</summary>
    public static CliException NotImplemented(string what) => new($"'{what}' is not implemented yet");
}
