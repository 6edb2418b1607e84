// `fintechcrypto wycheproof FILE` and `fintechcrypto acvp FILE [--expected FILE]` (cli.md, "Vector runners").
// The runners live in FintechCrypto.Testing; this file only maps their results to the command's contract.

using System;
using System.IO;
using System.Text.Json;
using FintechCrypto.Testing;

namespace FintechCrypto.Cli.Commands;

/// <summary>The vector-runner commands.</summary>
internal static class VectorCommands
{
    public static int Wycheproof(Arguments a, TextWriter stdout, TextWriter stderr)
    {
        string path = RequireFile(a);
        VectorRunResult result = RunGuarded(path, () => WycheproofRunner.Run(path, stderr));
        return Report(result, stdout); // the runner wrote the per-group counts to stderr
    }

    public static int Acvp(Arguments a, TextWriter stdout, TextWriter stderr)
    {
        string path = RequireFile(a);
        string? expected = a.Value("expected");
        if (expected is not null && !File.Exists(expected))
        {
            throw new CliException($"cannot read the --expected file '{expected}': it does not exist");
        }

        VectorRunResult result = RunGuarded(path, () => AcvpRunner.Run(path, expected, stderr));
        return Report(result, stdout); // the runner wrote the per-group counts to stderr
    }

    private static string RequireFile(Arguments a)
    {
        string path = a.Positional ?? throw new CliException($"'{a.Command}' needs the path of a vector file: fintechcrypto {a.Command} FILE.json");
        if (!File.Exists(path))
        {
            throw new CliException($"cannot read the vector file '{path}': it does not exist");
        }

        return path;
    }

    private static VectorRunResult RunGuarded(string path, Func<VectorRunResult> run)
    {
        try
        {
            return run();
        }
        catch (VectorFileException e)
        {
            throw new CliException(e.Message, e);
        }
        catch (JsonException e)
        {
            throw new CliException($"'{path}' is not valid JSON (line {e.LineNumber + 1})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the vector file '{path}': {e.GetType().Name}", e);
        }
    }

    private static int Report(VectorRunResult result, TextWriter stdout)
    {
        JsonOutput.WriteObject(stdout, w =>
        {
            w.WriteNumber("passed", result.Passed);
            w.WriteNumber("failed", result.Failed);
            w.WriteNumber("skipped", result.Skipped);
        });
        return result.Failed > 0 ? ExitCodes.VectorFailures : ExitCodes.Success;
    }
}
