using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FintechCrypto.Cli;

/// <summary>
/// The options of one command, parsed strictly: every option must be declared, none may be given twice,
/// value options need a value, and hex options (<c>--x HEX</c>) may instead be given as <c>--x-file PATH</c>
/// (cli.md, "Encoding rules"). Option names match case-sensitively.
/// </summary>
internal sealed class Arguments
{
    private readonly string _command;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fromFile = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = new();

    private Arguments(string command)
    {
        _command = command;
    }

    /// <summary>The positional arguments, in order.</summary>
    public IReadOnlyList<string> Positionals => _positionals;

    /// <summary>Parses <paramref name="args"/> from index <paramref name="start"/>.</summary>
    /// <param name="args">All command-line arguments.</param>
    /// <param name="start">The index of the first argument after the command words.</param>
    /// <param name="command">The command words, for messages (e.g. <c>sign keygen</c>).</param>
    /// <param name="spec">What the command accepts.</param>
    public static Arguments Parse(IReadOnlyList<string> args, int start, string command, CommandSpec spec)
    {
        var result = new Arguments(command);
        for (int i = start; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                string name = arg.Substring(2);
                if (spec.Flags.Contains(name))
                {
                    if (!result._flags.Add(name))
                    {
                        throw new CliException($"option --{name} is given twice");
                    }

                    continue;
                }

                string key;
                bool fromFile = false;
                if (spec.Values.Contains(name) || spec.HexValues.Contains(name))
                {
                    key = name;
                }
                else if (name.EndsWith("-file", StringComparison.Ordinal) && spec.HexValues.Contains(name[..^5]))
                {
                    key = name[..^5];
                    fromFile = true;
                }
                else
                {
                    throw new CliException($"unknown option {Describe(arg)} for '{command}'");
                }

                if (result._values.ContainsKey(key))
                {
                    throw new CliException($"option --{key} is given twice (or both as --{key} and --{key}-file)");
                }

                if (i + 1 >= args.Count)
                {
                    throw new CliException($"option {arg} needs a value");
                }

                result._values[key] = args[++i];
                if (fromFile)
                {
                    result._fromFile.Add(key);
                }
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                throw new CliException($"unknown option {Describe(arg)} for '{command}'");
            }
            else
            {
                if (result._positionals.Count >= spec.MaxPositionals)
                {
                    throw new CliException($"unexpected argument at position {i + 1} for '{command}'");
                }

                result._positionals.Add(arg);
            }
        }

        return result;
    }

    /// <summary>True when the option (or its <c>-file</c> form) was given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>True when the flag was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The option's value, or null.</summary>
    public string? Value(string name) => _values.TryGetValue(name, out string? value) ? value : null;

    /// <summary>The option's value; a missing option is bad input.</summary>
    public string RequiredValue(string name) =>
        Value(name) ?? throw new CliException($"'{_command}' needs --{name}");

    /// <summary>The option's bytes (from hex, or from the hex in the <c>-file</c>), or null.</summary>
    public byte[]? Hex(string name)
    {
        if (!_values.TryGetValue(name, out string? value))
        {
            return null;
        }

        if (_fromFile.Contains(name))
        {
            string text = ReadFile(value, $"--{name}-file");
            return Cli.Hex.Decode(text.Trim(), $"the hex in --{name}-file");
        }

        return Cli.Hex.Decode(value, $"--{name}");
    }

    /// <summary>
    /// The option's comma-separated list of byte strings (<c>HEX,HEX,...</c>, or the same text in the <c>-file</c>), or
    /// null. An empty value is the empty list; an empty item is bad input.
    /// </summary>
    public List<byte[]>? HexList(string name)
    {
        if (!_values.TryGetValue(name, out string? value))
        {
            return null;
        }

        bool fromFile = _fromFile.Contains(name);
        string text = fromFile ? ReadFile(value, $"--{name}-file").Trim() : value;
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
        Hex(name) ?? throw new CliException($"'{_command}' needs --{name} (or --{name}-file)");

    /// <summary>Reads a whole text file; failures are bad input naming the path.</summary>
    public static string ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read the file of {what} ('{path}'): {e.GetType().Name}", e);
        }
    }

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
}

/// <summary>The options one command accepts.</summary>
/// <param name="Values">Options that take a free-form value (paths, names, numbers).</param>
/// <param name="HexValues">Options that take hex, also accepted as <c>--name-file PATH</c>.</param>
/// <param name="Flags">Options without a value.</param>
/// <param name="MaxPositionals">How many positional arguments the command takes.</param>
internal sealed record CommandSpec(
    IReadOnlySet<string> Values,
    IReadOnlySet<string> HexValues,
    IReadOnlySet<string> Flags,
    int MaxPositionals = 0)
{
    public static CommandSpec Of(string[]? values = null, string[]? hex = null, string[]? flags = null, int maxPositionals = 0) =>
        new(
            new HashSet<string>(values ?? Array.Empty<string>(), StringComparer.Ordinal),
            new HashSet<string>(hex ?? Array.Empty<string>(), StringComparer.Ordinal),
            new HashSet<string>(flags ?? Array.Empty<string>(), StringComparer.Ordinal),
            maxPositionals);
}
