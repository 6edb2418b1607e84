namespace FintechCrypto.Cli;

/// <summary>The exit codes of cli.md ("Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Success, including a verification that answers <c>"valid": false</c>.</summary>
    public const int Success = 0;

    /// <summary>A vector run with at least one failure.</summary>
    public const int VectorFailures = 1;

    /// <summary>
    /// Bad input: malformed hex, wrong key size, unknown algorithm or option, unreadable file, a protocol failure; and a
    /// KME request the client refuses before sending it (outside the limits the KME's Status advertises).
    /// </summary>
    public const int BadInput = 2;

    /// <summary>A remote party (a KME) failed: it answered an error, or could not be reached (TLS refusals included).</summary>
    public const int RemoteFailure = 3;
}
