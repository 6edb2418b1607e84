using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FintechCrypto.Cli;

/// <summary>What a command does with its parsed options: writes one JSON object to stdout and returns the exit code.</summary>
/// <param name="a">The parsed options.</param>
/// <param name="stdout">Receives the one JSON object (buffered by <see cref="CliApp"/> unless the command streams).</param>
/// <param name="stderr">Receives text for people.</param>
internal delegate int CommandHandler(Arguments a, TextWriter stdout, TextWriter stderr);

/// <summary>How an option takes its value (cli.md, "Encoding rules").</summary>
internal enum OptionKind
{
    /// <summary><c>--name VALUE</c>, once: a name, a number, a path.</summary>
    Value,

    /// <summary><c>--name HEX</c>, once, or its twin <c>--name-file PATH</c> (a file holding the hex).</summary>
    Hex,

    /// <summary><c>--name</c> alone, once.</summary>
    Flag,

    /// <summary><c>--name VALUE</c>, any number of times (<c>--sae A --sae B</c>).</summary>
    Repeated,

    /// <summary>A positional argument (<c>FILE.json</c>).</summary>
    Argument,
}

/// <summary>One option (or the positional argument) of a command in <see cref="CommandTable"/>.</summary>
/// <param name="Name">The name without dashes, as the command's code asks for it (<c>seed</c> for <c>--seed</c>).</param>
/// <param name="Kind">How it takes its value.</param>
/// <param name="HelpName">The value's placeholder in usage lines (<c>HEX</c>, <c>ALG</c>, <c>FILE.json</c>).</param>
/// <param name="Description">One line for <c>--help</c>.</param>
/// <param name="Required">Whether the command line must give it (for a hex option: either form).</param>
/// <param name="Values">The accepted values, offered to tab completion and listed in <c>--help</c>; null for free values.</param>
internal sealed record OptionSpec(
    string Name,
    OptionKind Kind,
    string HelpName,
    string Description,
    bool Required = false,
    IReadOnlyList<string>? Values = null)
{
    /// <summary>The option as typed: <c>--seed</c> (a positional argument: its placeholder).</summary>
    public string Token => Kind == OptionKind.Argument ? HelpName : "--" + Name;

    /// <summary>The file twin of a hex option (<c>--seed-file</c>).</summary>
    public string FileToken => "--" + Name + "-file";

    /// <summary>How the usage line shows it: <c>--alg ALG</c>, <c>[--seed HEX]</c>, <c>--sae ID [--sae ID ...]</c>.</summary>
    public string Synopsis
    {
        get
        {
            string one = Kind switch
            {
                OptionKind.Flag => Token,
                OptionKind.Argument => HelpName,
                _ => $"{Token} {HelpName}",
            };
            return (Kind, Required) switch
            {
                (OptionKind.Repeated, true) => $"{one} [{one} ...]",
                (OptionKind.Repeated, false) => $"[{one} ...]",
                (_, true) => one,
                _ => $"[{one}]",
            };
        }
    }
}

/// <summary>
/// One entry of <see cref="CommandTable"/>: a command (<c>sign keygen</c>), or a group of commands (<c>sign</c>, without
/// a handler), with its options in the order the usage line lists them.
/// </summary>
/// <param name="Path">The command words, space-separated.</param>
/// <param name="Description">What the command does and prints, for <c>--help</c>.</param>
/// <param name="Run">The handler; null for a group, and for a command of a later release.</param>
/// <param name="Options">The options (and positional argument).</param>
/// <param name="Streaming">Whether stdout is written through rather than buffered (<c>kme serve</c> prints its line when ready).</param>
/// <param name="Later">A command (or group) cli.md names for a later release: any arguments, always "not implemented yet" (exit 2).</param>
internal sealed record CommandSpec(
    string Path,
    string Description,
    CommandHandler? Run,
    IReadOnlyList<OptionSpec> Options,
    bool Streaming = false,
    bool Later = false)
{
    /// <summary>The command words.</summary>
    public string[] Words => Path.Split(' ');

    /// <summary>The usage line after <c>fintechcrypto</c>: <c>sign keygen --alg ALG [--seed HEX]</c>.</summary>
    public string Synopsis => string.Join(' ', Options.Select(o => o.Synopsis).Prepend(Path));

    /// <summary>The option of that name; an unknown name is a bug in a handler.</summary>
    public OptionSpec Option(string name) =>
        Options.FirstOrDefault(o => o.Name == name) ?? throw new InvalidOperationException($"'{Path}' has no option --{name} in the command table");
}
