using System.Collections.Generic;

namespace FintechCrypto.Cli;

/// <summary>The exit codes of cli.md ("Exit codes"), each described once in <see cref="Meanings"/>, which <c>--help</c> prints.</summary>
internal static class ExitCodes
{
    public const int Success = 0, VectorFailures = 1, BadInput = 2, RemoteFailure = 3;

    /// <summary>What each code means.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Meanings =
    [
        (Success, "success (a verification answering \"valid\": false too)"),
        (VectorFailures, "a vector run (or the demo) with failures"),
        (BadInput, "bad input: malformed hex, a wrong size, an unknown algorithm, command or option, an unreadable file, a protocol failure, a KME request refused before it is sent ({\"error\"})"),
        (RemoteFailure, "a KME answered an error or could not be reached ({\"error\", \"status\", \"message\"})"),
    ];
}
