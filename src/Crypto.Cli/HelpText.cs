using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace FintechCrypto.Cli;

/// <summary>
/// <c>--help</c>, generated from <see cref="CommandTable"/> for the root, each group and each command: the usage line
/// in cli.md's notation, what the command prints, and its options with their accepted values. The text goes to stderr
/// (it is for people) and stdout gets the call's one JSON object, <c>{"commands": [...]}</c>.
/// </summary>
internal static class HelpText
{
    private const string Footer =
        "Every --x HEX option may be given as --x-file PATH (a file holding the hex). One JSON object on stdout, text for people on stderr.";

    private const int Width = 100;

    /// <summary>
    /// Writes the help of <paramref name="command"/> as text for people to <paramref name="stdout"/> (cli.md: "--help
    /// (on any command) and --version print text for people on stdout and exit 0").
    /// </summary>
    public static int Write(Command command, TextWriter stdout)
    {
        WriteText(command, stdout);
        return ExitCodes.Success;
    }

    /// <summary>Writes the help of <paramref name="command"/> (the root, a group or a command) as text.</summary>
    public static void WriteText(Command command, TextWriter output)
    {
        CommandSpec? spec = (command as CliCommand)?.Spec;
        if (spec is not null && CommandTable.Members(spec).Count == 0)
        {
            output.WriteLine($"Usage: fintechcrypto {spec.Synopsis}");
            output.WriteLine();
            WriteWrapped(output, spec.Description, "");
            output.WriteLine();
            output.WriteLine("Options:");
            WriteRows(output, Rows(spec));
        }
        else
        {
            output.WriteLine(spec is null
                ? "Usage: fintechcrypto <command> [options]   (one JSON object on stdout, people's text on stderr)"
                : $"Usage: fintechcrypto {spec.Path} <command> [options]");
            output.WriteLine();
            WriteWrapped(output, spec?.Description ?? command.Description ?? "", "");
            output.WriteLine();
            foreach (IGrouping<bool, CommandSpec> part in CommandTable.Leaves(spec).GroupBy(c => c.Later))
            {
                output.WriteLine(part.Key ? "Not implemented yet (cli.md names them for a later release):" : "Commands:");
                foreach (CommandSpec member in part)
                {
                    WriteWrapped(output, member.Synopsis, "  ", "      ");
                }
            }

            output.WriteLine();
            output.WriteLine(spec is null
                ? "'fintechcrypto COMMAND --help' shows a command's options, --version the version; the README says how to turn on tab completion."
                : $"'fintechcrypto {spec.Path} COMMAND --help' shows a command's options.");
        }

        output.WriteLine();
        WriteWrapped(output, Footer, "");
        output.WriteLine("Exit codes:");
        WriteRows(output, ExitCodes.Meanings.Select(m => (m.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Meaning)));
    }

    /// <summary>The option rows of a command: placeholder and description, accepted values, the -file twins, --help.</summary>
    private static IEnumerable<(string Left, string Right)> Rows(CommandSpec spec)
    {
        foreach (OptionSpec option in spec.Options)
        {
            string left = option.Kind switch
            {
                OptionKind.Argument => option.HelpName,
                OptionKind.Flag => option.Token,
                OptionKind.Repeated => $"{option.Token} {option.HelpName} ...",
                _ => $"{option.Token} {option.HelpName}",
            };
            string values = option.Values is null ? "" : $"; one of: {string.Join(", ", option.Values)}";
            yield return (left, option.Description + (option.Required ? " (required)" : "") + values);
            if (option.Kind == OptionKind.Hex)
            {
                yield return ($"{option.FileToken} PATH", $"{option.Token}, read from a file");
            }
        }

        yield return ("-h, --help", "this help");
    }

    private static void WriteRows(TextWriter output, IEnumerable<(string Left, string Right)> rows)
    {
        const int column = 30;
        foreach ((string left, string right) in rows)
        {
            if (left.Length + 4 > column)
            {
                output.WriteLine("  " + left);
                WriteWrapped(output, right, new string(' ', column));
            }
            else
            {
                WriteWrapped(output, right, "  " + left.PadRight(column - 2), new string(' ', column));
            }
        }
    }

    /// <summary>Writes words wrapped at <see cref="Width"/>, the first line after <paramref name="first"/>, the others after <paramref name="rest"/>.</summary>
    private static void WriteWrapped(TextWriter output, string text, string first, string? rest = null)
    {
        string line = first;
        bool empty = true;
        foreach (string word in text.Split(' '))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                output.WriteLine(line);
                line = rest ?? first;
                empty = true;
            }

            line += (empty ? "" : " ") + word;
            empty = false;
        }

        output.WriteLine(line);
    }
}
