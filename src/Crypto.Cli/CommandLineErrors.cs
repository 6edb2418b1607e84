using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

namespace FintechCrypto.Cli;

/// <summary>
/// The first problem of a command line that does not parse, in the command's own words (cli.md: exit 2 with
/// <c>{"error"}</c>). System.CommandLine's messages are not used: they quote the tokens they refuse, which may be key
/// material; here a token is named only when it looks like a word (<see cref="Arguments.Describe"/>).
/// </summary>
internal static class CommandLineErrors
{
    /// <summary>The problem, or null when the command line parses.</summary>
    /// <param name="parse">System.CommandLine's result for the command line.</param>
    public static string? Find(ParseResult parse)
    {
        Command command = parse.CommandResult.Command;
        CommandSpec? spec = (command as CliCommand)?.Spec;
        if (parse.UnmatchedTokens.Count > 0)
        {
            return Unmatched(spec, parse.UnmatchedTokens[0]);
        }

        if (spec is null)
        {
            return parse.Errors.Count > 0 ? "no command given; run 'fintechcrypto --help'" : null;
        }

        if (spec.Run is null)
        {
            return $"'{spec.Path}' needs a subcommand: expected {Subcommands(spec)}";
        }

        var cli = (CliCommand)command;
        return spec.Options.Select(o => Syntax(parse, cli, o)).FirstOrDefault(m => m is not null)
            ?? spec.Options.Select(o => Missing(parse, cli, o)).FirstOrDefault(m => m is not null)
            ?? (parse.Errors.Count > 0 ? $"the command line does not parse; run 'fintechcrypto {spec.Path} --help'" : null);
    }

    /// <summary>A token that is no command, option or argument of the command it follows.</summary>
    private static string Unmatched(CommandSpec? spec, string token)
    {
        if (spec is null)
        {
            return $"unknown command {Arguments.Describe(token)}; run 'fintechcrypto --help'";
        }

        if (spec.Run is null)
        {
            return $"unknown subcommand {Arguments.Describe(token)} of '{spec.Path}'; expected {Subcommands(spec)}";
        }

        return token.Length > 1 && token[0] == '-'
            ? $"unknown option {Arguments.Describe(token)} for '{spec.Path}'"
            : $"unexpected argument {Arguments.Describe(token)} for '{spec.Path}'";
    }

    /// <summary>An option given twice, or without its value.</summary>
    private static string? Syntax(ParseResult parse, CliCommand command, OptionSpec option)
    {
        if (option.Kind == OptionKind.Argument)
        {
            return null;
        }

        OptionResult? given = Given(parse, command, option.Name);
        OptionResult? file = option.Kind == OptionKind.Hex ? Given(parse, command, option.Name + "-file") : null;
        if (given is not null && file is not null)
        {
            return $"option {option.Token} is given twice (or both as {option.Token} and {option.FileToken})";
        }

        (OptionResult? result, string token) = file is null ? (given, option.Token) : (file, option.FileToken);
        if (result is null)
        {
            return null;
        }

        if (option.Kind != OptionKind.Repeated && result.IdentifierTokenCount > 1)
        {
            return $"option {token} is given twice";
        }

        return option.Kind != OptionKind.Flag && result.Tokens.Count < result.IdentifierTokenCount
            ? $"option {token} needs a value"
            : null;
    }

    /// <summary>A required option (or argument) that is not given.</summary>
    private static string? Missing(ParseResult parse, CliCommand command, OptionSpec option)
    {
        if (!option.Required)
        {
            return null;
        }

        return option.Kind switch
        {
            OptionKind.Argument when parse.GetResult(command.Symbol(option.Name)) is not ArgumentResult { Tokens.Count: > 0 } =>
                $"'{command.Spec.Path}' needs {option.HelpName}: fintechcrypto {command.Spec.Synopsis}",
            OptionKind.Hex when Given(parse, command, option.Name) is null && Given(parse, command, option.Name + "-file") is null =>
                $"'{command.Spec.Path}' needs {option.Token} (or {option.FileToken})",
            OptionKind.Value or OptionKind.Repeated when Given(parse, command, option.Name) is null =>
                $"'{command.Spec.Path}' needs {option.Token}",
            _ => null,
        };
    }

    private static OptionResult? Given(ParseResult parse, CliCommand command, string name) =>
        parse.GetResult(command.Symbol(name)) is OptionResult { Implicit: false } result ? result : null;

    /// <summary>The subcommands of a group, for messages: <c>keygen, encaps or decaps</c>.</summary>
    private static string Subcommands(CommandSpec group)
    {
        List<string> names = [.. CommandTable.Members(group).Select(c => c.Words[^1])];
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}
