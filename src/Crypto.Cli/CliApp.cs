using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using FintechCrypto.Testing;

namespace FintechCrypto.Cli;

/// <summary>
/// The command dispatcher, callable in-process by tests. It guarantees cli.md's output contract: exactly one
/// JSON object on stdout (a command's output is buffered and discarded when the command fails, so a failure
/// prints only <c>{"error": ...}</c>), human text on stderr, exit codes 0/1/2/3, and never a stack trace. The command
/// line is parsed by System.CommandLine from <see cref="CommandTable"/>.
/// </summary>
internal static class CliApp
{
    /// <summary>
    /// cli.md's parsing rules: no response files (an argument starting with '@' is a value, not a file to expand) and no
    /// bundling of one-letter options.
    /// </summary>
    private static readonly ParserConfiguration s_parser = new() { EnablePosixBundling = false, ResponseFileTokenReplacer = null };

    /// <summary>Runs one command.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Receives the one JSON object.</param>
    /// <param name="stderr">Receives text for people.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var buffer = new StringWriter();
        int code;
        try
        {
            code = Dispatch(args, stdout, buffer, stderr);
            stdout.Write(buffer.ToString());
        }
        catch (CliException e)
        {
            code = Fail(stdout, stderr, e.Message, e.ExitCode, e.Details);
        }
        catch (FintechCrypto.Qkd.KeySourceException e)
        {
            // cli.md: a remote party (a KME) failed: exit 3 with the HTTP status and the KME's message, or nulls.
            code = Fail(stdout, stderr, e.Message, ExitCodes.RemoteFailure, w =>
            {
                if (e.HttpStatus is int status)
                {
                    w.WriteNumber("status", status);
                }
                else
                {
                    w.WriteNull("status");
                }

                w.WriteString("message", e.KmeMessage);
            });
        }
        catch (VectorFileException e)
        {
            code = Fail(stdout, stderr, e.Message, ExitCodes.BadInput);
        }
        catch (CryptographicException e)
        {
            // FintechCryptoException and InvalidKeyEncodingException: the library's messages never hold secrets.
            code = Fail(stdout, stderr, e.Message, ExitCodes.BadInput);
        }
        catch (ArgumentException e)
        {
            code = Fail(stdout, stderr, WithoutParameterSuffix(e), ExitCodes.BadInput);
        }
        catch (JsonException e)
        {
            code = Fail(stdout, stderr, $"invalid JSON input (line {e.LineNumber + 1})", ExitCodes.BadInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            code = Fail(stdout, stderr, $"file error: {e.GetType().Name}", ExitCodes.BadInput);
        }
#pragma warning disable CA1031 // The contract is "never a stack trace": anything unforeseen is still reported as JSON.
        catch (Exception e)
#pragma warning restore CA1031
        {
            code = Fail(stdout, stderr, $"internal error ({e.GetType().Name}); please report it", ExitCodes.BadInput);
        }

        stdout.Flush();
        stderr.Flush();
        return code;
    }

    /// <summary>
    /// Parses the command line with the tree of <see cref="CommandTable"/> and runs the command. <c>--help</c> (or
    /// <c>help</c> first) prints the generated help; <c>[suggest:N] "LINE"</c> (the directive that shells' completion
    /// scripts call) prints completions, one a line; a command line that does not parse is exit 2 with
    /// <c>{"error"}</c> (<see cref="CommandLineErrors"/>), never System.CommandLine's own text and exit code.
    /// </summary>
    private static int Dispatch(string[] args, TextWriter stdout, StringWriter buffer, TextWriter stderr)
    {
        if (args is ["help", .. string[] rest])
        {
            args = [.. rest, "--help"];
        }

        RootCommand root = CliCommand.BuildRoot();
        ParseResult parse = root.Parse(CliCommand.ForParser(args), s_parser);
        if (parse.Action is HelpAction)
        {
            return HelpText.Write(parse.CommandResult.Command, buffer);
        }

        if (Completion.TryWrite(root, parse, s_parser, stdout))
        {
            return ExitCodes.Success;
        }

        if (args.Length == 0)
        {
            HelpText.WriteText(root, stderr);
            throw new CliException("no command given; run 'fintechcrypto --help'");
        }

        if (parse.CommandResult.Command is CliCommand { Spec.Later: true } later)
        {
            // cli.md names it for a later release: whatever its arguments, it answers that.
            throw CliException.NotImplemented(later.Spec.Words[0]);
        }

        if (CommandLineErrors.Find(parse) is string problem)
        {
            throw new CliException(problem);
        }

        if (parse.CommandResult.Command is not CliCommand command)
        {
            if (parse.Action is null || parse.Action != root.Options.OfType<VersionOption>().Single().Action)
            {
                throw new CliException("no command given; run 'fintechcrypto --help'");
            }

            // The root with nothing but --version: text for people on stdout (cli.md), "fintechcrypto 0.1.0+<commit>".
            string version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            buffer.WriteLine($"fintechcrypto {version}");
            return ExitCodes.Success;
        }

        if (parse.Action != command.Action)
        {
            // Never System.CommandLine's own error action (its text on stdout, exit 1): a problem Find did not name.
            throw new CliException($"the command line does not parse; run 'fintechcrypto {command.Spec.Path} --help'");
        }

        // A long-running command (kme serve) prints its one JSON line when it is ready, not when it returns.
        var invocation = new InvocationConfiguration
        {
            Output = command.Spec.Streaming ? stdout : buffer,
            Error = stderr,
            EnableDefaultExceptionHandler = false, // exceptions reach Run's handlers: JSON, never a stack trace
            ProcessTerminationTimeout = null, // kme serve handles SIGINT and SIGTERM itself
        };
        return parse.Invoke(invocation);
    }

    private static int Fail(TextWriter stdout, TextWriter stderr, string message, int code, Action<Utf8JsonWriter>? details = null)
    {
        stderr.WriteLine($"fintechcrypto: {message}");
        JsonOutput.WriteError(stdout, message, details);
        return code;
    }

    /// <summary>ArgumentException appends " (Parameter 'x')", which names a library parameter, not an option.</summary>
    private static string WithoutParameterSuffix(ArgumentException e)
    {
        string message = e.Message;
        int index = e.ParamName is null ? -1 : message.LastIndexOf($" (Parameter '{e.ParamName}')", StringComparison.Ordinal);
        return index > 0 ? message[..index] : message;
    }
}
