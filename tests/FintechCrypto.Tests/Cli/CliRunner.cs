using System;
using System.IO;
using System.Text.Json;
using FintechCrypto.Cli;
using Xunit;

namespace FintechCrypto.Tests.Cli;

/// <summary>The outcome of one in-process run of the command.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr, JsonElement Json)
{
    public string String(string name) => Json.GetProperty(name).GetString()!;

    public byte[] Bytes(string name) => Convert.FromHexString(String(name));

    public bool Bool(string name) => Json.GetProperty(name).GetBoolean();

    public string Error => String("error");

    public bool Has(string name) => Json.TryGetProperty(name, out _);
}

/// <summary>Runs <see cref="CliApp"/> in process and checks the output contract of cli.md on every call.</summary>
internal static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        string output = stdout.ToString();
        string errors = stderr.ToString();
        JsonElement json = AssertContract(code, output, errors);
        return new CliResult(code, output, errors, json);
    }

    /// <summary>Runs and asserts success (exit 0).</summary>
    public static CliResult Ok(params string[] args)
    {
        CliResult result = Run(args);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stdout}");
        return result;
    }

    /// <summary>
    /// Runs <c>--help</c> or <c>--version</c> and asserts cli.md's rule for them: exit 0 and text for people on stdout
    /// (not JSON), nothing on stderr, no stack trace. <see cref="CliResult.Json"/> is left default.
    /// </summary>
    public static CliResult Text(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        string output = stdout.ToString();
        string errors = stderr.ToString();
        Assert.True(code == 0, $"exit {code}: {output}{errors}");
        Assert.False(string.IsNullOrWhiteSpace(output), "help and version print their text on stdout");
        Assert.False(output.TrimStart().StartsWith('{'), "help and version print text, not JSON: " + output);
        Assert.Equal(string.Empty, errors);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", output, StringComparison.Ordinal);
        return new CliResult(code, output, errors, default);
    }

    /// <summary>Runs and asserts bad input: exit 2 and {"error": "..."}.</summary>
    public static CliResult BadInput(params string[] args)
    {
        CliResult result = Run(args);
        Assert.True(result.ExitCode == 2, $"expected exit 2, got {result.ExitCode}: {result.Stdout}");
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        return result;
    }

    /// <summary>Runs and asserts a remote failure: exit 3 and {"error", "status", "message"}.</summary>
    public static CliResult RemoteFailure(params string[] args)
    {
        CliResult result = Run(args);
        Assert.True(result.ExitCode == 3, $"expected exit 3, got {result.ExitCode}: {result.Stdout}");
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.True(result.Has("status") && result.Has("message"), result.Stdout);
        return result;
    }

    /// <summary>
    /// The contract: exit 0, 1, 2 or 3; stdout is exactly one JSON object; errors carry an "error" string;
    /// no stack trace anywhere.
    /// </summary>
    public static JsonElement AssertContract(int code, string stdout, string stderr)
    {
        Assert.True(code is 0 or 1 or 2 or 3, $"unexpected exit code {code}");
        JsonElement root;
        using (JsonDocument doc = JsonDocument.Parse(stdout)) // throws on zero or several values
        {
            root = doc.RootElement.Clone();
        }

        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.EndsWith("\n", stdout, StringComparison.Ordinal);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        if (code is 2 or 3)
        {
            Assert.Equal(JsonValueKind.String, root.GetProperty("error").ValueKind);
        }

        foreach (string text in new[] { stdout, stderr })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", text, StringComparison.Ordinal);
        }

        return root;
    }

    /// <summary>A temporary file holding <paramref name="content"/>; deleted by the caller.</summary>
    public static string TempFile(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"fc-cli-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        return path;
    }
}
