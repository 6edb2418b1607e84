using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;

namespace FintechCrypto.Cli;

/// <summary>
/// The parsed options of one command, as its code asks for them by name (<c>a.Hex("seed")</c>). System.CommandLine has
/// parsed them from <see cref="CommandTable"/> and <see cref="CommandLineErrors"/> has refused what does not parse
/// (unknown and repeated options, missing values, missing required options), so here only values are read: hex
/// options (<c>--x HEX</c>) decoded, or read from their <c>--x-file PATH</c> twin (cli.md, "Encoding rules").
/// </summary>
internal sealed class Arguments
{
    private readonly ParseResult _parse;
    private readonly CliCommand _command;

    internal Arguments(ParseResult parse, CliCommand command)
    {
        _parse = parse;
        _command = command;
    }

    /// <summary>The command words, for messages (e.g. <c>sign keygen</c>).</summary>
    public string Command => _command.Spec.Path;

    /// <summary>The positional argument, or null.</summary>
    public string? Positional => _parse.GetValue((Argument<string>)Symbol("file", OptionKind.Argument));

    /// <summary>True when the option (or, for a hex option, its <c>-file</c> form) was given.</summary>
    public bool Has(string name) => Given(name) || (_command.Spec.Option(name).Kind == OptionKind.Hex && Given(name + "-file"));

    /// <summary>True when the flag was given.</summary>
    public bool Flag(string name) => _parse.GetValue((Option<bool>)Symbol(name, OptionKind.Flag));

    /// <summary>The option's value, or null.</summary>
    public string? Value(string name) => _parse.GetValue((Option<string>)Symbol(name, OptionKind.Value));

    /// <summary>The values of a repeated option, in command-line order (empty when it is not given).</summary>
    public IReadOnlyList<string> Values(string name) => _parse.GetValue((Option<string[]>)Symbol(name, OptionKind.Repeated)) ?? [];

    /// <summary>The option's value; a missing option is bad input.</summary>
    public string RequiredValue(string name) =>
        Value(name) ?? throw new CliException($"'{Command}' needs --{name}");

    /// <summary>The option's bytes (from hex, or from the hex in the <c>-file</c>), or null.</summary>
    public byte[]? Hex(string name) =>
        HexText(name) is (string text, bool fromFile) ? Cli.Hex.Decode(text, fromFile ? $"the hex in --{name}-file" : $"--{name}") : null;

    /// <summary>
    /// The option's comma-separated list of byte strings (<c>HEX,HEX,...</c>, or the same text in the <c>-file</c>), or
    /// null. An empty value is the empty list; an empty item is bad input.
    /// </summary>
    public List<byte[]>? HexList(string name)
    {
        if (HexText(name) is not (string text, bool fromFile))
        {
            return null;
        }

        string what = fromFile ? $"--{name}-file" : $"--{name}";
        var items = new List<byte[]>();
        if (text.Length == 0)
        {
            return items;
        }

        string[] parts = text.Split(',');
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
            {
                throw new CliException($"item {i + 1} of {what} is empty (the form is HEX,HEX,...)");
            }

            items.Add(Cli.Hex.Decode(parts[i], $"item {i + 1} of {what}"));
        }

        return items;
    }

    /// <summary>The option's bytes; a missing option is bad input.</summary>
    public byte[] RequiredHex(string name) =>
        Hex(name) ?? throw new CliException($"'{Command}' needs --{name} (or --{name}-file)");

    /// <summary>Reads a whole text file; failures are bad input naming the path.</summary>
    public static string ReadFile(string path, string what) => ReadFileAs(path, what, File.ReadAllText);

    /// <summary>Reads a whole file's bytes; failures are bad input naming the path.</summary>
    public static byte[] ReadFileBytes(string path, string what) => ReadFileAs(path, what, File.ReadAllBytes);

    /// <summary>
    /// Echoes a user-supplied word in a message only when it looks like an option or command name, never
    /// when it could be key material.
    /// </summary>
    public static string Describe(string text)
    {
        string trimmed = text.TrimStart('-');
        bool wordLike = text.Length <= 40 && trimmed.Length > 0 && char.IsAsciiLetter(trimmed[0]) &&
            trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
        return wordLike ? $"'{text}'" : "(not shown)";
    }

    private static T ReadFileAs<T>(string path, string what, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read the file of {what} ('{path}'): {e.GetType().Name}", e);
        }
    }

    /// <summary>The text of a hex option, or the trimmed content of its <c>-file</c> (then FromFile), or null.</summary>
    private (string Text, bool FromFile)? HexText(string name)
    {
        if (_parse.GetValue((Option<string>)Symbol(name, OptionKind.Hex)) is string text)
        {
            return (text, false);
        }

        return _parse.GetValue((Option<string>)_command.Symbol(name + "-file")) is string path
            ? (ReadFile(path, $"--{name}-file").Trim(), true)
            : null;
    }

    private bool Given(string name) => _parse.GetResult(_command.Symbol(name)) is OptionResult { Implicit: false };

    /// <summary>The option's symbol, checking that the table declares it with the kind the code reads it as.</summary>
    private Symbol Symbol(string name, OptionKind kind)
    {
        OptionKind declared = _command.Spec.Option(name).Kind;
        return declared == kind
            ? _command.Symbol(name)
            : throw new InvalidOperationException($"--{name} of '{Command}' is a {declared} option in the command table, read as {kind}");
    }
}
