using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.Linq;

namespace FintechCrypto.Cli;

/// <summary>
/// A System.CommandLine command made from one <see cref="CommandSpec"/> of <see cref="CommandTable"/>: one option per
/// <see cref="OptionSpec"/> (two for a hex option: <c>--x</c> and <c>--x-file</c>), the values offered to tab
/// completion, and the handler as its action.
/// </summary>
internal sealed class CliCommand : Command
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);

    private CliCommand(CommandSpec spec)
        : base(ParserName(spec), spec.Description)
    {
        Spec = spec;

        // A later release's command takes any arguments and answers "not implemented yet" (CliApp checks nothing else).
        TreatUnmatchedTokensAsErrors = !spec.Later;
        foreach (OptionSpec option in spec.Options)
        {
            switch (option.Kind)
            {
                case OptionKind.Argument:
                    Argument<string> argument = new(option.Name) { HelpName = option.HelpName, Description = option.Description, Arity = ArgumentArity.ExactlyOne };
                    Add(argument);
                    _symbols[option.Name] = argument;
                    break;
                case OptionKind.Flag:
                    AddOption(option.Name, new Option<bool>(option.Token) { Description = option.Description, Arity = ArgumentArity.Zero });
                    break;
                case OptionKind.Repeated:
                    AddOption(option.Name, new Option<string[]>(option.Token) { HelpName = option.HelpName, Description = option.Description, Arity = ArgumentArity.OneOrMore }, option.Values);
                    break;
                case OptionKind.Hex:
                    AddOption(option.Name, new Option<string>(option.Token) { HelpName = option.HelpName, Description = option.Description });
                    AddOption(option.Name + "-file", new Option<string>(option.FileToken) { HelpName = "PATH", Description = $"{option.Token}, read from a file" });
                    break;
                default:
                    AddOption(option.Name, new Option<string>(option.Token) { HelpName = option.HelpName, Description = option.Description }, option.Values);
                    break;
            }
        }

        if (spec.Run is CommandHandler run)
        {
            // CliApp invokes with stdout (or its buffer) and stderr as the invocation's Output and Error.
            SetAction(parse => run(new Arguments(parse, this), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        }
    }

    /// <summary>The table entry this command was made from.</summary>
    public CommandSpec Spec { get; }

    /// <summary>
    /// The whole command tree from <see cref="CommandTable"/>, with <c>--help</c>/<c>-h</c> on every command,
    /// <c>--version</c> and the <c>[suggest]</c> directive (tab completion) on the root.
    /// </summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("fintechcrypto: the FintechCrypto library on the command line (cli.md).");

        // Only --help and -h (not System.CommandLine's /h, -? and /?, which could be a path or a value).
        foreach (HelpOption defaultHelp in root.Options.OfType<HelpOption>().ToList())
        {
            root.Options.Remove(defaultHelp);
        }

        root.Options.Add(new HelpOption("--help", "-h"));
        var groups = new Dictionary<string, Command>(StringComparer.Ordinal) { [""] = root };
        foreach (CommandSpec spec in CommandTable.Commands)
        {
            var command = new CliCommand(spec);
            string parent = string.Join(' ', spec.Words[..^1]);
            groups[parent].Add(command);
            groups[spec.Path] = command;
        }

        return root;
    }

    /// <summary>The command words as System.CommandLine's tree names them (<see cref="ParserName"/>).</summary>
    public static string[] ForParser(string[] args)
    {
        foreach (CommandSpec spec in CommandTable.Commands.Where(IsRenamed))
        {
            if (args.Length >= spec.Words.Length && args.AsSpan(0, spec.Words.Length).SequenceEqual(spec.Words))
            {
                string[] renamed = [.. args];
                renamed[spec.Words.Length - 1] = ParserName(spec);
                return renamed;
            }
        }

        return args;
    }

    /// <summary>
    /// A command line typed so far, as System.CommandLine's tree names its commands, with the cursor position moved to
    /// match (for tab completion).
    /// </summary>
    public static (string Line, int Position) ForParser(string line, int position)
    {
        foreach (CommandSpec spec in CommandTable.Commands.Where(IsRenamed))
        {
            if (line == spec.Path || line.StartsWith(spec.Path + " ", StringComparison.Ordinal))
            {
                int start = spec.Path.Length - spec.Words[^1].Length;
                int shift = position > spec.Path.Length ? 2 : position > start ? 1 : 0;
                return (line[..start] + ParserName(spec) + line[spec.Path.Length..], position + shift);
            }
        }

        return (line, position);
    }

    /// <summary>The word a user types for a command that the tree names <paramref name="name"/>.</summary>
    public static string Word(string name) => name is ['(', .. string word, ')'] ? word : name;

    /// <summary>The System.CommandLine symbol of an option (<c>seed</c>, <c>seed-file</c>) or of the positional argument.</summary>
    public Symbol Symbol(string name) => _symbols[name];

    /// <summary>
    /// The name System.CommandLine's tree gives a command: its last word, except for a command named like its group
    /// (<c>sign sign</c>), which System.CommandLine 2.0.0 cannot parse (its tokenizer puts a command and its subcommands in
    /// one dictionary: dotnet/command-line-api issue 2260). That one is <c>(sign)</c> in the tree; <see cref="ForParser(string[])"/>
    /// renames its word on the command line and <see cref="Word"/> turns it back for completions.
    /// </summary>
    private static string ParserName(CommandSpec spec) => IsRenamed(spec) ? $"({spec.Words[^1]})" : spec.Words[^1];

    private static bool IsRenamed(CommandSpec spec) => spec.Words is [.., string group, string word] && group == word;

    private void AddOption(string name, Option option, IReadOnlyList<string>? values = null)
    {
        if (values is not null)
        {
            option.CompletionSources.Add(values.ToArray());
        }

        Add(option);
        _symbols[name] = option;
    }
}
