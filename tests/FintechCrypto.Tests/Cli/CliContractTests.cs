using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FintechCrypto.Cli;
using FintechCrypto.Testing;
using Xunit;

namespace FintechCrypto.Tests.Cli;

/// <summary>
/// cli.md's contract for every command, driven from the command table (src/Crypto.Cli/CommandTable.cs) and checked
/// against the contract page (docs/cli-contract.md): each documented command has a valid invocation that exits 0 with
/// the documented fields, and an unknown option, a missing required option, an option without its value or given
/// twice, an unexpected argument and a bad value are each exit 2 with one JSON object holding "error".
/// </summary>
public sealed class CliContractTests : IClassFixture<CliContractTests.Lines>
{
    /// <summary>The commands whose valid invocation is run elsewhere: the demo by DemoCommandTests, the KME ones by
    /// <see cref="KmeCommands_AgainstTheSimulator_AreValidEndToEnd"/> (a server in a subprocess).</summary>
    private static readonly string[] s_runElsewhere = ["demo", "kme init-pki", "kme serve", "kme status", "kme enc-keys", "kme dec-keys"];

    /// <summary>The members of each valid invocation's output (cli.md).</summary>
    private static readonly Dictionary<string, string[]> s_fields = new(StringComparer.Ordinal)
    {
        ["acvp"] = ["passed", "failed", "skipped"],
        ["wycheproof"] = ["passed", "failed", "skipped"],
        ["kem keygen"] = ["encapsulationKey", "decapsulationKey", "seed"],
        ["kem encaps"] = ["ciphertext", "sharedSecret"],
        ["kem decaps"] = ["sharedSecret"],
        ["sign keygen"] = ["publicKey", "privateKey", "seed"],
        ["sign sign"] = ["signature"],
        ["sign verify"] = ["valid"],
        ["frost dealer"] = ["groupPublicKey", "threshold", "commitments", "verifyingShares", "signingShares"],
        ["frost sign"] = ["signature", "signers"],
    };

    private readonly Lines _lines;

    public CliContractTests(Lines lines)
    {
        _lines = lines;
    }

    public static TheoryData<string> Commands() => Data(CommandTable.Implemented);

    public static TheoryData<string> ValidRuns() => Data(CommandTable.Implemented.Where(c => !s_runElsewhere.Contains(c.Path)));

    public static TheoryData<string> LaterCommands() => Data(CommandTable.Leaves(null).Where(c => c.Later));

    public static TheoryData<string> Groups() => Data(CommandTable.Commands.Where(c => !c.Later && CommandTable.Members(c).Count > 0));

    /// <summary>A bad value for each command: the option, the value, and a word the error must hold.</summary>
    public static TheoryData<string, string, string, string> BadValues() => new()
    {
        { "acvp", "file", "/nonexistent/prompt.json", "does not exist" },
        { "wycheproof", "file", "/nonexistent/test.json", "does not exist" },
        { "kem keygen", "alg", "ML-KEM-513", "unknown KEM algorithm" },
        { "kem encaps", "ek", "zz", "--ek" },
        { "kem decaps", "ct", "00", "--ct" },
        { "sign keygen", "seed", "000", "odd" },
        { "sign sign", "msg", "0x00", "0x" },
        { "sign verify", "alg", "ml-dsa-44", "unknown signature algorithm" },
        { "frost dealer", "threshold", "1", "--threshold" },
        { "frost sign", "signers", "1,1", "named twice" },
        { "kme init-pki", "sae", "has space", "not an SAE ID" },
        { "kme serve", "key-size", "100", "--key-size" },
        { "kme status", "kme", "http://127.0.0.1:1", "https" },
        { "kme enc-keys", "size", "100", "multiple of 8" },
        { "kme dec-keys", "key-id", "not-a-uuid", "not a UUID" },
    };

    [Fact]
    public void ContractPage_AndCommandTable_NameTheSameCommandsAndOptions()
    {
        string root = VectorFiles.FindRepositoryRoot(out _) ?? throw new InvalidOperationException("no repository root");
        string page = File.ReadAllText(Path.Combine(root, "docs", "cli-contract.md"));
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string line, string options) in DocumentedCommandLines(page))
        {
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            CommandSpec? spec = CommandTable.Leaves(null)
                .Where(c => words.Take(c.Words.Length).SequenceEqual(c.Words))
                .MaxBy(c => c.Words.Length);
            Assert.True(spec is not null, $"cli-contract.md documents 'fintechcrypto {line}', which the command table lacks");
            documented.Add(spec.Path);
            foreach (Match option in Regex.Matches(options, "--[a-z][a-z0-9-]*"))
            {
                Assert.True(
                    spec.Options.Any(o => o.Token == option.Value || (o.Kind == OptionKind.Hex && o.FileToken == option.Value)),
                    $"cli-contract.md gives '{spec.Path}' the option {option.Value}, which the command table lacks");
            }
        }

        Assert.Equal(CommandTable.Leaves(null).Select(c => c.Path).Order(), documented.Order());
    }

    [Fact]
    public void EveryImplementedCommand_HasAValidInvocation()
    {
        Assert.Equal(
            CommandTable.Implemented.Select(c => c.Path).Order(),
            ValidRuns().Select((object[] row) => (string)row[0]).Concat(s_runElsewhere).Order());
        Assert.All(CommandTable.Implemented, c => Assert.True(_lines.For(c.Path).Args.Length > 0));
    }

    [Theory]
    [MemberData(nameof(ValidRuns))]
    public void ValidInvocation_IsExit0_WithTheDocumentedFields(string command)
    {
        Line line = _lines.For(command);
        CliResult result = CliRunner.Ok(line.Args);
        Assert.Equal(s_fields[command].Order(), result.Json.EnumerateObject().Select(p => p.Name).Order());

        // cli.md: any --x HEX may be given as --x-file PATH; the same call then answers the same (but FROST's fresh nonces).
        CliResult fromFiles = CliRunner.Ok(_lines.WithHexFiles(line).Args);
        if (command != "frost sign")
        {
            Assert.Equal(result.Stdout, fromFiles.Stdout);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void UnknownOption_IsExit2(string command)
    {
        Line line = _lines.For(command);
        CliResult result = CliRunner.BadInput([.. line.Args, "--no-such-option", "1"]);
        Assert.Equal($"unknown option '--no-such-option' for '{command}'", result.Error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void UnexpectedArgument_IsExit2(string command)
    {
        CliResult result = CliRunner.BadInput([.. _lines.For(command).Args, "extra"]);
        Assert.Equal($"unexpected argument 'extra' for '{command}'", result.Error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void MissingRequiredOption_IsExit2_NamingIt(string command)
    {
        Line line = _lines.For(command);
        foreach (OptionSpec option in Spec(command).Options.Where(o => o.Required))
        {
            CliResult result = CliRunner.BadInput(line.Without(option.Token).Args);
            Assert.StartsWith($"'{command}' needs {option.Token}", result.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void OptionWithoutItsValue_IsExit2(string command)
    {
        Line line = _lines.For(command);
        foreach (OptionSpec option in Spec(command).Options.Where(o => o.Kind is not (OptionKind.Flag or OptionKind.Argument) && line.Has(o.Token)))
        {
            // Each occurrence but the last keeps its value; the option then ends the command line without one.
            CliResult result = CliRunner.BadInput([.. line.WithoutLast(option.Token).Args, option.Token]);
            Assert.Equal($"option {option.Token} needs a value", result.Error);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void OptionGivenTwice_IsExit2(string command)
    {
        Line line = _lines.For(command);
        foreach (OptionSpec option in Spec(command).Options.Where(o => o.Kind is not (OptionKind.Repeated or OptionKind.Argument) && line.Has(o.Token)))
        {
            (string token, string? value) = line.Options.First(o => o.Option == option.Token);
            CliResult twice = CliRunner.BadInput([.. line.Args, .. value is null ? new[] { token } : [token, value]]);
            Assert.StartsWith($"option {option.Token} is given twice", twice.Error, StringComparison.Ordinal);
            if (option.Kind == OptionKind.Hex)
            {
                CliResult both = CliRunner.BadInput([.. line.Args, option.FileToken, "/nonexistent/x.hex"]);
                Assert.Equal($"option {option.Token} is given twice (or both as {option.Token} and {option.FileToken})", both.Error);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void BadValue_IsExit2_WithAClearMessage(string command, string option, string value, string expected)
    {
        CliResult result = CliRunner.BadInput(_lines.For(command).With(Spec(command).Option(option).Token, value).Args);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(result.Has("culprits"));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_IsExit0_WithTheGeneratedUsage(string command)
    {
        foreach (string flag in new[] { "--help", "-h" })
        {
            CliResult help = CliRunner.Text([.. _lines.For(command).Args, flag]);
            Assert.Contains($"Usage: fintechcrypto {Spec(command).Synopsis}", help.Stdout, StringComparison.Ordinal);
            Assert.All(Spec(command).Options, o => Assert.Contains(o.Token, help.Stdout, StringComparison.Ordinal));
        }

        Assert.Contains(command, CliRunner.Text("--help").Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Group_WithoutOrWithAnUnknownSubcommand_IsExit2(string group)
    {
        string members = string.Join(", ", CommandTable.Members(Spec(group)).Select(m => m.Words[^1]));
        Assert.StartsWith($"'{group}' needs a subcommand: expected ", CliRunner.BadInput(group.Split(' ')).Error, StringComparison.Ordinal);
        Assert.StartsWith($"unknown subcommand 'nope' of '{group}'; expected ", CliRunner.BadInput([.. group.Split(' '), "nope"]).Error, StringComparison.Ordinal);
        Assert.Contains(group + " ", CliRunner.Text([.. group.Split(' '), "--help"]).Stdout, StringComparison.Ordinal);
        Assert.NotEmpty(members);
    }

    [Theory]
    [MemberData(nameof(LaterCommands))]
    public void LaterCommands_AnswerNotImplemented_WhateverTheirArguments(string command)
    {
        string expected = $"'{command.Split(' ')[0]}' is not implemented yet";
        Assert.Equal(expected, CliRunner.BadInput(command.Split(' ')).Error);
        Assert.Equal(expected, CliRunner.BadInput([.. command.Split(' '), "--no-such-option", "--alg"]).Error);
        Assert.Contains($"Usage: fintechcrypto {Spec(command).Synopsis}", CliRunner.Text([.. command.Split(' '), "--help"]).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_IsExit0_WithTheVersionAsTextOnStdout()
    {
        CliResult result = CliRunner.Text("--version");
        Assert.Matches("^fintechcrypto [0-9]+\\.[0-9]+\\.[0-9]+", result.Stdout);
        Assert.Contains("unknown command 'keygen'", CliRunner.BadInput("--version", "keygen").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "sign")]
    [InlineData("fintechcrypto ", "kem")]
    [InlineData("/usr/local/bin/fintechcrypto k", "kme")]
    [InlineData("sign ", "keygen")]
    [InlineData("sign ", "sign")]
    [InlineData("fintechcrypto sign s", "sign")]
    [InlineData("sign sign --", "--sk-file")]
    [InlineData("sign sign --alg ML-D", "ML-DSA-65")]
    [InlineData("fintechcrypto kem keygen --alg ", "X-Wing")]
    [InlineData("frost dealer --suite FROST-E", "FROST-ED448-SHAKE256-v1")]
    [InlineData("kme dec-keys --k", "--key-id")]
    public void SuggestDirective_CompletesCommandsOptionsAndValues(string line, string expected)
    {
        foreach (string directive in new[] { $"[suggest:{line.Length}]", "[suggest]" })
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(0, CliApp.Run([directive, line], stdout, stderr));
            string[] completions = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Contains(expected, completions);
            Assert.DoesNotContain(completions, c => c.StartsWith('('));
        }
    }

    [Fact]
    public void SuggestDirective_InTheMiddleOfTheLine_CompletesTheWordAtTheCursor()
    {
        using var stdout = new StringWriter();
        Assert.Equal(0, CliApp.Run(["[suggest:6]", "sign k --alg Ed25519"], stdout, TextWriter.Null));
        Assert.Equal("keygen", stdout.ToString().Trim());
    }

    [Fact]
    public async Task KmeCommands_AgainstTheSimulator_AreValidEndToEnd()
    {
        Assert.False(OperatingSystem.IsWindows(), "this test sends SIGTERM");
        Line initPki = _lines.For("kme init-pki");
        CliResult pki = CliRunner.Ok(initPki.Args);
        Assert.Equal(["ca", "kme", "saes"], pki.Json.EnumerateObject().Select(p => p.Name));
        string ca = pki.String("ca");
        string saeA = pki.Json.GetProperty("saes").GetProperty("SAE_A").GetString()!;
        string saeB = pki.Json.GetProperty("saes").GetProperty("SAE_B").GetString()!;

        Line serveLine = _lines.For("kme serve").With("--cert", pki.String("kme")).With("--client-ca", ca);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (string arg in serveLine.Args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process serve = Process.Start(start)!;
        Task<string> log = serve.StandardError.ReadToEndAsync();
        try
        {
            string? ready = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.False(ready is null, "kme serve exited before it was ready: " + (serve.HasExited ? await log : ""));
            string kme;
            using (JsonDocument listening = JsonDocument.Parse(ready!))
            {
                kme = listening.RootElement.GetProperty("listening")[0].GetString()!;
            }

            CliResult status = CliRunner.Ok(_lines.For("kme status").With("--kme", kme).With("--cert", saeA).With("--ca", ca).Args);
            Assert.Equal(256, status.Json.GetProperty("key_size").GetInt32());
            CliResult sent = CliRunner.Ok(_lines.For("kme enc-keys").With("--kme", kme).With("--cert", saeA).With("--ca", ca).Args);
            JsonElement[] keys = [.. sent.Json.GetProperty("keys").EnumerateArray()];
            Assert.Equal(2, keys.Length);
            Line decKeys = _lines.For("kme dec-keys").With("--kme", kme).With("--cert", saeB).With("--ca", ca).Without("--key-id");
            CliResult got = CliRunner.Ok([.. decKeys.Args, .. keys.SelectMany(k => new[] { "--key-id", k.GetProperty("key_ID").GetString()! })]);
            Assert.Equal(
                keys.Select(k => k.GetProperty("key").GetString()),
                got.Json.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("key").GetString()));

            using (Process kill = Process.Start("kill", ["-TERM", serve.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await serve.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(0, serve.ExitCode);
            Assert.Null(await serve.StandardOutput.ReadLineAsync()); // the one JSON line, nothing more
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill(entireProcessTree: true);
            }
        }
    }

    private static CommandSpec Spec(string command) => CommandTable.Commands.Single(c => c.Path == command);

    private static TheoryData<string> Data(IEnumerable<CommandSpec> commands)
    {
        var data = new TheoryData<string>();
        foreach (CommandSpec command in commands)
        {
            data.Add(command.Path);
        }

        return data;
    }

    /// <summary>
    /// The command lines of the page's usage blocks (indented <c>fintechcrypto ...</c>, with their indented continuation
    /// lines), without the output after <c>-&gt;</c>: the words, and the text that names the options.
    /// </summary>
    private static IEnumerable<(string Line, string Options)> DocumentedCommandLines(string page)
    {
        string? current = null;
        foreach (string raw in page.Split('\n'))
        {
            string text = raw.TrimEnd();
            int arrow = text.IndexOf("->", StringComparison.Ordinal);
            string usage = arrow >= 0 ? text[..arrow] : text;
            if (usage.StartsWith("    fintechcrypto ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    yield return (current["fintechcrypto ".Length..].Trim(), current);
                }

                current = usage.Trim();
            }
            else if (current is not null && usage.StartsWith("        ", StringComparison.Ordinal) && usage.TrimStart().StartsWith('['))
            {
                current += " " + usage.Trim();
            }
            else if (current is not null && !usage.StartsWith("        ", StringComparison.Ordinal))
            {
                yield return (current["fintechcrypto ".Length..].Trim(), current);
                current = null;
            }
        }

        if (current is not null)
        {
            yield return (current["fintechcrypto ".Length..].Trim(), current);
        }
    }

    /// <summary>
    /// One command line: the command words, then options in order, each with its value (null for a flag); the positional
    /// argument is the "option" named by its placeholder (<c>FILE.json</c>), which stands for its value alone.
    /// </summary>
    public sealed record Line(string[] Words, IReadOnlyList<(string Option, string? Value)> Options)
    {
        public string[] Args =>
            [.. Words, .. Options.SelectMany(o => !o.Option.StartsWith("--", StringComparison.Ordinal) ? [o.Value!] : o.Value is null ? new[] { o.Option } : [o.Option, o.Value])];

        public bool Has(string option) => Options.Any(o => o.Option == option);

        public Line With(string option, string value) =>
            this with { Options = [.. Options.Select(o => o.Option == option ? (o.Option, value) : o)] };

        public Line Without(string option) => this with { Options = [.. Options.Where(o => o.Option != option)] };

        public Line WithoutLast(string option)
        {
            int last = Options.Select((o, i) => (o, i)).Last(x => x.o.Option == option).i;
            return this with { Options = [.. Options.Where((_, i) => i != last)] };
        }
    }

    /// <summary>
    /// A complete, valid command line for every implemented command, with every option it documents where one line can
    /// hold them all; keys and files made once by the command itself.
    /// </summary>
    public sealed class Lines : IDisposable
    {
        private const string Message = "7061637308";
        private readonly string _directory = Path.Combine(Path.GetTempPath(), $"fc-cli-contract-{Guid.NewGuid():N}");
        private readonly Dictionary<string, Line> _lines = new(StringComparer.Ordinal);
        private int _files;

        public Lines()
        {
            System.IO.Directory.CreateDirectory(_directory);
            Add("acvp", ("FILE.json", VectorFiles.Resolve("acvp/ML-KEM-keyGen-FIPS203/prompt.json")), ("--expected", VectorFiles.Resolve("acvp/ML-KEM-keyGen-FIPS203/expectedResults.json")));
            Add("wycheproof", ("FILE.json", VectorFiles.Resolve("wycheproof/ed25519_test.json")));
            Add("demo");

            // ML-KEM-512 from a fixed seed, encapsulated with fixed entropy: deterministic, so the -file forms answer the same.
            Add("kem keygen", ("--alg", "ML-KEM-512"), ("--seed", new string('1', 128)));
            CliResult kem = Run("kem keygen");
            Add("kem encaps", ("--alg", "ML-KEM-512"), ("--ek", kem.String("encapsulationKey")), ("--entropy", new string('2', 64)));
            Add("kem decaps", ("--alg", "ML-KEM-512"), ("--dk", kem.String("decapsulationKey")), ("--ct", Run("kem encaps").String("ciphertext")));

            // ML-DSA-44 takes every option of the three (a seed, a context, the deterministic variant).
            Add("sign keygen", ("--alg", "ML-DSA-44"), ("--seed", new string('3', 64)));
            CliResult keys = Run("sign keygen");
            Add("sign sign", ("--alg", "ML-DSA-44"), ("--sk", keys.String("privateKey")), ("--msg", Message), ("--ctx", "70616373"), ("--deterministic", null));
            Add("sign verify", ("--alg", "ML-DSA-44"), ("--pk", keys.String("publicKey")), ("--msg", Message), ("--sig", Run("sign sign").String("signature")), ("--ctx", "70616373"));

            // Scalars 1 and 2 (little-endian, canonical for Ed25519) as RFC 9591 Appendix C's secret and coefficient.
            string one = "01" + new string('0', 62), two = "02" + new string('0', 62);
            Add("frost dealer", ("--suite", "FROST-ED25519-SHA512-v1"), ("--threshold", "2"), ("--participants", "3"), ("--secret", one), ("--coefficients", two));
            CliResult dealt = Run("frost dealer");
            Add("frost sign", ("--suite", "FROST-ED25519-SHA512-v1"), ("--group-public-key", dealt.String("groupPublicKey")), ("--shares", File(dealt.Stdout)), ("--signers", "1,3"), ("--msg", Message));

            // The KME commands' lines parse; KmeCommands_AgainstTheSimulator_AreValidEndToEnd fills in the live values. kme
            // serve's certificate does not exist, so that a line that parsed by mistake would fail at once, not serve.
            Add("kme init-pki", ("--out", Path.Combine(_directory, "pki")), ("--sae", "SAE_A"), ("--sae", "SAE_B"), ("--host", "127.0.0.1"));
            Add("kme serve", ("--listen", "127.0.0.1:0"), ("--kme-id", "KME_A"), ("--cert", "/nonexistent/kme.pfx"), ("--client-ca", "/nonexistent/ca.pem"), ("--key-rate", "0"), ("--max-keys", "10"), ("--key-size", "256"));
            Add("kme status", ("--kme", "https://127.0.0.1:1"), ("--slave-sae", "SAE_B"), ("--cert", "/nonexistent/SAE_A.pfx"), ("--ca", "/nonexistent/ca.pem"));
            Add("kme enc-keys", ("--kme", "https://127.0.0.1:1"), ("--slave-sae", "SAE_B"), ("--number", "2"), ("--size", "256"), ("--cert", "/nonexistent/SAE_A.pfx"), ("--ca", "/nonexistent/ca.pem"));
            Add("kme dec-keys", ("--kme", "https://127.0.0.1:1"), ("--master-sae", "SAE_A"), ("--key-id", "bc490419-7d60-487f-adc1-4ddcc177c139"), ("--key-id", "3fa85f64-5717-4562-b3fc-2c963f66afa6"), ("--cert", "/nonexistent/SAE_B.pfx"), ("--ca", "/nonexistent/ca.pem"));
        }

        public Line For(string command) => _lines[command];

        /// <summary>The line with every hex option given as its <c>-file</c> twin, the hex in a file with a trailing newline.</summary>
        public Line WithHexFiles(Line line)
        {
            CommandSpec spec = Spec(string.Join(' ', line.Words));
            return line with
            {
                Options = [.. line.Options.Select(o => spec.Options.FirstOrDefault(s => s.Token == o.Option) is { Kind: OptionKind.Hex } hex ? (hex.FileToken, File(o.Value + "\n")) : o)],
            };
        }

        public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

        private void Add(string command, params (string Option, string? Value)[] options) =>
            _lines[command] = new Line(command.Split(' '), options);

        private CliResult Run(string command) => CliRunner.Ok(_lines[command].Args);

        private string File(string? content)
        {
            string path = Path.Combine(_directory, $"input-{_files++}.txt");
            System.IO.File.WriteAllText(path, content);
            return path;
        }
    }
}
