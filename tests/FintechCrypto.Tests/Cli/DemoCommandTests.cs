using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace FintechCrypto.Tests.Cli;

/// <summary>`fintechcrypto demo` (cli.md, "Demo").</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_RunsEveryStep_AndAllAreOk()
    {
        CliResult result = CliRunner.Ok("demo");
        JsonElement[] steps = result.Json.GetProperty("steps").EnumerateArray().ToArray();
        Assert.True(steps.Length >= 9);
        foreach (JsonElement step in steps)
        {
            Assert.False(string.IsNullOrEmpty(step.GetProperty("name").GetString()));
            Assert.True(step.GetProperty("ok").GetBoolean(), step.GetProperty("name").GetString());
        }

        string[] names = steps.Select(s => s.GetProperty("name").GetString()!).ToArray();
        foreach (string capability in new[] { "Ed25519", "ECDSA", "RSA-PSS", "X25519", "ECDH-P256", "AES-256-GCM", "ChaCha20-Poly1305", "HMAC", "PEM", "FROST(Ed25519)", "QKD + ML-KEM-768" })
        {
            Assert.Contains(names, n => n.Contains(capability, StringComparison.Ordinal));
        }

        Assert.Contains("All steps ok.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("a one-bit change of the message verifies: False", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("its replay is refused: True", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("a changed ciphertext is rejected: True", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("verifies as a plain Ed25519 signature under the group key: True", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_TakesNoArguments()
    {
        CliRunner.BadInput("demo", "--fast");
        CliRunner.BadInput("demo", "extra");
    }
}
