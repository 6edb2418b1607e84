using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;

namespace FintechCrypto.Cli;

/// <summary>
/// Tab completion: System.CommandLine's <c>[suggest:POSITION] "COMMAND LINE"</c> directive, which shells' completion
/// scripts call (the README shows them; <c>dotnet-suggest</c> speaks it too). The answer is System.CommandLine's
/// completions for the word at the cursor (commands, options, the accepted values of <see cref="CommandTable"/>), one
/// a line on stdout: text for a shell, not a call of the contract.
/// </summary>
internal static class Completion
{
    private const string CommandName = "fintechcrypto";

    /// <summary>Writes the completions when <paramref name="parse"/> holds the <c>[suggest]</c> directive.</summary>
    /// <returns>Whether it did.</returns>
    public static bool TryWrite(RootCommand root, ParseResult parse, ParserConfiguration configuration, TextWriter stdout)
    {
        SuggestDirective directive = root.Directives.OfType<SuggestDirective>().Single();
        if (parse.GetResult(directive) is not DirectiveResult suggest)
        {
            return false;
        }

        string line = parse.Tokens.LastOrDefault(t => t.Type != TokenType.Directive)?.Value ?? "";
        int position = int.TryParse(suggest.Values.SingleOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out int at)
            ? System.Math.Min(at, line.Length)
            : line.Length;

        // A shell passes the whole line, the command's own name first: complete what follows it.
        int start = line.Length - line.TrimStart().Length;
        string first = line[start..].Split(' ')[0];
        if (first == CommandName || first.EndsWith("/" + CommandName, System.StringComparison.Ordinal))
        {
            int end = start + first.Length;
            int removed = line.Length - line[end..].TrimStart().Length;
            line = line[removed..];
            position = System.Math.Max(0, position - removed);
        }

        (line, position) = CliCommand.ForParser(line, position);
        foreach (CompletionItem item in root.Parse(line, configuration).GetCompletions(position))
        {
            stdout.WriteLine(CliCommand.Word(item.Label));
        }

        return true;
    }
}
