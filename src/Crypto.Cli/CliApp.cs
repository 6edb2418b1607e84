using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using FintechCrypto.Cli.Commands;
using FintechCrypto.Testing;

namespace FintechCrypto.Cli;

/// <summary>
/// The command dispatcher, callable in-process by tests. It guarantees cli.md's output contract: exactly one
/// JSON object on stdout (a command's output is buffered and discarded when the command fails, so a failure
/// prints only <c>{"error": ...}</c>), human text on stderr, exit codes 0/1/2, and never a stack trace.
/// </summary>
internal static class CliApp
{
    private const string Usage =
        """
        Usage: fintechcrypto <command> [options]   (one JSON object on stdout, people's text on stderr)

          sign keygen --alg ALG [--seed HEX]
          sign sign   --alg ALG --sk HEX --msg HEX [--ctx HEX] [--deterministic]
          sign verify --alg ALG --pk HEX --msg HEX --sig HEX [--ctx HEX]
                ALG: Ed25519, ECDSA-P256-SHA256, RSA-PSS-2048-SHA256, RSA-PSS-3072-SHA256, RSA-PSS-4096-SHA256,
                     ML-DSA-44, ML-DSA-65, ML-DSA-87, SLH-DSA-SHA2-128s ... SLH-DSA-SHAKE-256f (--ctx: ML-DSA, SLH-DSA)
          kem keygen --alg ALG [--seed HEX]
          kem encaps --alg ALG --ek HEX [--entropy HEX]
          kem decaps --alg ALG --dk HEX --ct HEX
                ALG: ML-KEM-512, ML-KEM-768, ML-KEM-1024, X-Wing
          frost dealer --suite S --threshold T --participants N [--secret HEX [--coefficients HEX,HEX,...]]
          frost sign   --suite S --group-public-key HEX --shares FILE --signers 1,3,... --msg HEX
                S: the RFC 9591 context strings, such as FROST-ED25519-SHA512-v1 or FROST-P256-SHA256-v1
          wycheproof FILE.json
          acvp FILE.json [--expected expectedResults.json]
          demo
          kme init-pki --out DIR --sae ID [--sae ID ...] [--host 127.0.0.1]
          kme serve --listen HOST:PORT --kme-id ID [--listen HOST:PORT --kme-id ID] --cert PFX --client-ca PEM
                    [--key-rate BITS/S] [--max-keys N] [--key-size BITS]
                (serve prints {"listening": [...]} when ready and runs until SIGINT/SIGTERM)
          kme status   --kme URL --slave-sae ID [--cert PFX | --cert PEM --key PEM] [--ca PEM]
          kme enc-keys --kme URL --slave-sae ID --number N --size BITS [--cert PFX | --cert PEM --key PEM] [--ca PEM]
          kme dec-keys --kme URL --master-sae ID --key-id UUID [--key-id UUID ...] [--cert PFX | --cert PEM --key PEM] [--ca PEM]
                the ETSI GS QKD 014 client (POST forms); --cert: the calling SAE's client certificate (a PFX,
                or a PEM certificate with its PEM private key in --key), --ca: the KME's CA; prints the 014
                Status or Key container (snake_case, base64 keys); a request outside the KME's advertised
                limits is refused before it is sent (exit 2)

        Every --x HEX option may be given as --x-file PATH. Exit codes: 0 ok, 1 vector failures, 2 bad input,
        3 a KME failed ({"error", "status", "message"}).
        Not implemented yet: blindrsa, paillier, cms, bench.
        """;

    private static readonly string[] s_implemented = ["sign keygen", "sign sign", "sign verify", "kem keygen", "kem encaps", "kem decaps", "frost dealer", "frost sign", "wycheproof", "acvp", "demo", "kme init-pki", "kme serve", "kme status", "kme enc-keys", "kme dec-keys"];

    private static readonly HashSet<string> s_later = new(StringComparer.Ordinal)
    {
        "blindrsa", "paillier", "cms", "bench",
    };

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
            // A long-running command (kme serve) prints its one JSON line when it is ready, not when it returns.
            bool streaming = IsStreaming(args);
            code = Dispatch(args, streaming ? stdout : buffer, stderr);
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

    /// <summary>Whether the command writes through to stdout (cli.md: <c>kme serve</c> prints its line when ready).</summary>
    private static bool IsStreaming(string[] args) =>
        args.Length > 1 && args[0] == "kme" && args[1] == "serve" && Array.IndexOf(args, "--help") < 0;

    private static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine(Usage);
            throw new CliException("no command given; run 'fintechcrypto --help'");
        }

        if (Array.IndexOf(args, "--help") >= 0 || args[0] is "-h" or "help")
        {
            stderr.WriteLine(Usage);
            JsonOutput.WriteObject(stdout, w =>
            {
                w.WriteStartArray("commands");
                foreach (string command in s_implemented)
                {
                    w.WriteStringValue(command);
                }

                w.WriteEndArray();
            });
            return ExitCodes.Success;
        }

        string name = args[0];
        switch (name)
        {
            case "sign":
                return SignCommands.Run(args, stdout);
            case "kem":
                return KemCommands.Run(args, stdout);
            case "frost":
                return FrostCommands.Run(args, stdout);
            case "wycheproof":
                return VectorCommands.Wycheproof(args, stdout, stderr);
            case "acvp":
                return VectorCommands.Acvp(args, stdout, stderr);
            case "demo":
                return DemoCommand.Run(args, stdout, stderr);
            case "kme":
                return KmeCommands.Run(args, stdout, stderr);
        }

        if (s_later.Contains(name))
        {
            throw CliException.NotImplemented(name);
        }

        throw new CliException($"unknown command {Arguments.Describe(name)}; run 'fintechcrypto --help'");
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
