using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace FintechCrypto.Tests.Packaging;

/// <summary>The result of one child process: exit code and everything it wrote.</summary>
internal sealed record CommandResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>A description for assertion messages: the command, its exit code, stdout and stderr.</summary>
    public string Describe() =>
        $"`{Command}` exited {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{StandardOutput}"
        + $"{Environment.NewLine}--- stderr ---{Environment.NewLine}{StandardError}";
}

/// <summary>
/// Runs <c>dotnet</c> (or an installed tool) as a child process for the packaging tests, with a generous timeout,
/// no MSBuild node reuse or build servers (a lingering node would hold the output pipes open), and without the
/// MSBuild variables that <c>dotnet test</c> puts in the test host's environment.
/// </summary>
internal static class DotnetCommand
{
    /// <summary>Five minutes: a cold restore through the proxy on a 2-core CI machine can be slow.</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The dotnet host that runs the tests, so the child uses the same SDK installation.</summary>
    internal static string DotnetPath
    {
        get
        {
            string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }

    /// <summary>The repository root: the nearest folder above the test binaries that holds FintechCrypto.sln.</summary>
    internal static string RepositoryRoot
    {
        get
        {
            DirectoryInfo? dir = new(AppContext.BaseDirectory);
            while (dir is not null)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FintechCrypto.sln")))
                {
                    return dir.FullName;
                }

                dir = dir.Parent;
            }

            throw new InvalidOperationException($"FintechCrypto.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>Runs <c>dotnet</c> with the arguments in <paramref name="workingDirectory"/>.</summary>
    internal static CommandResult Dotnet(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Run(DotnetPath, workingDirectory, environment, arguments);

    /// <summary>Runs an executable with the arguments, waiting at most <see cref="Timeout"/>.</summary>
    internal static CommandResult Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // dotnet test sets MSBuild variables (MSBuildSDKsPath, MSBUILD_EXE_PATH, ...) for the test host; a child
        // SDK command must discover its own. The SIMD switches of the known-answer runs do not concern packaging.
        var inherited = new List<string>();
        foreach (string key in start.Environment.Keys)
        {
            inherited.Add(key);
        }

        foreach (string key in inherited)
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DOTNET_HOST_PATH", StringComparison.Ordinal)
                || key.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        if (environment is not null)
        {
            foreach (KeyValuePair<string, string> pair in environment)
            {
                start.Environment[pair.Key] = pair.Value;
            }
        }

        string command = fileName + " " + string.Join(" ", arguments);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }

            process.WaitForExit(TimeSpan.FromSeconds(10));
            lock (stdout)
            {
                lock (stderr)
                {
                    return new CommandResult(command + $" [killed after {Timeout.TotalMinutes} minutes]", -1, stdout.ToString(), stderr.ToString());
                }
            }
        }

        // The process has exited. Only the parameterless WaitForExit also waits for the asynchronous readers to reach
        // the end of the redirected pipes; the timed overload may return before the last line has been delivered,
        // which under load left stdout empty for a command that had printed its JSON.
        process.WaitForExit();
        lock (stdout)
        {
            lock (stderr)
            {
                return new CommandResult(command, process.ExitCode, stdout.ToString(), stderr.ToString());
            }
        }
    }
}
