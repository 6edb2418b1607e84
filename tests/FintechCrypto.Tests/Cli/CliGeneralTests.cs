using System;
using System.Text.Json;
using Xunit;

namespace FintechCrypto.Tests.Cli;

/// <summary>Dispatch, help, and the commands of later releases.</summary>
public sealed class CliGeneralTests
{
    [Fact]
    public void NoArguments_IsExit2_WithUsageOnStderr()
    {
        CliResult result = CliRunner.BadInput();
        Assert.Contains("Usage:", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_IsExit0_WithUsageAsTextOnStdout(string flag)
    {
        CliResult result = CliRunner.Text(flag);
        Assert.Contains("sign keygen", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_AfterACommand_IsExit0()
    {
        CliResult result = CliRunner.Text("sign", "keygen", "--help");
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("blindrsa")]
    [InlineData("paillier")]
    [InlineData("cms")]
    [InlineData("bench")]
    public void LaterCommands_AreNotImplementedYet(string command)
    {
        Assert.Equal($"'{command}' is not implemented yet", CliRunner.BadInput(command).Error);
        Assert.Equal($"'{command}' is not implemented yet", CliRunner.BadInput(command, "keygen", "--alg", "ML-KEM-768").Error);
    }

    [Theory]
    [InlineData("Sign")]
    [InlineData("signature")]
    [InlineData("--version")]
    [InlineData("")]
    public void UnknownCommands_AreBadInput(string command)
    {
        Assert.Contains("unknown command", CliRunner.BadInput(command, "keygen").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_ThatLooksLikeKeyMaterial_IsNotEchoed()
    {
        string secret = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        CliResult result = CliRunner.BadInput(secret);
        Assert.DoesNotContain(secret, result.Stdout + result.Stderr, StringComparison.Ordinal);
        CliResult positional = CliRunner.BadInput("sign", "sign", "--alg", "Ed25519", secret);
        Assert.DoesNotContain(secret, positional.Stdout + positional.Stderr, StringComparison.Ordinal);
    }
}
