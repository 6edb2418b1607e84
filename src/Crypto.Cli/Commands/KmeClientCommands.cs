// `fintechcrypto kme status|enc-keys|dec-keys` (cli.md, "QKD"): the library's ETSI GS QKD 014 client in its POST
// forms. The output is the 014 JSON object itself (§6.1 Status, §6.3 Key container: snake_case names, base64 keys);
// a KME error is exit 3 (CliApp maps KeySourceException), bad options exit 2.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading.Tasks;
using FintechCrypto.Qkd;

namespace FintechCrypto.Cli.Commands;

/// <summary>The KME client commands.</summary>
internal static class KmeClientCommands
{
    private const string KeyIdOption = "--key-id";

    private static readonly CommandSpec s_statusSpec = CommandSpec.Of(values: ["kme", "slave-sae", "cert", "ca"]);
    private static readonly CommandSpec s_encKeysSpec = CommandSpec.Of(values: ["kme", "slave-sae", "number", "size", "cert", "ca"]);
    private static readonly CommandSpec s_decKeysSpec = CommandSpec.Of(values: ["kme", "master-sae", "cert", "ca"]);

    /// <summary><c>kme status --kme URL --slave-sae ID [--cert PFX] [--ca PEM]</c>: 014 §5.2 Get status.</summary>
    public static int Status(string[] args, TextWriter stdout, TextWriter stderr)
    {
        Arguments a = Arguments.Parse(args, 2, "kme status", s_statusSpec);
        string slave = a.RequiredValue("slave-sae");
        QkdKeySourceStatus status = WithKeySource(a, source => source.GetStatusAsync(slave));
        JsonOutput.WriteObject(stdout, w => Qkd.Simulator.KmeJson.WriteStatusMembers(w, status));
        return ExitCodes.Success;
    }

    /// <summary><c>kme enc-keys --kme URL --slave-sae ID --number N --size BITS [--cert PFX] [--ca PEM]</c>: 014 §5.3 Get key (POST).</summary>
    public static int EncKeys(string[] args, TextWriter stdout, TextWriter stderr)
    {
        Arguments a = Arguments.Parse(args, 2, "kme enc-keys", s_encKeysSpec);
        string slave = a.RequiredValue("slave-sae");
        int number = PositiveInt(a, "number");
        int size = PositiveInt(a, "size");
        if (size % 8 != 0)
        {
            throw new CliException($"--size must be a multiple of 8 bits (ETSI GS QKD 014 §6.2), not {size}");
        }

        using QkdKeyContainer keys = WithKeySource(a, source => source.GetKeysAsync(slave, QkdKeyRequest.For(number, size)));
        JsonOutput.WriteObject(stdout, w => WriteKeyContainer(w, keys));
        return ExitCodes.Success;
    }

    /// <summary><c>kme dec-keys --kme URL --master-sae ID --key-id UUID [--key-id UUID ...] [--cert PFX] [--ca PEM]</c>: 014 §5.4 (POST).</summary>
    public static int DecKeys(string[] args, TextWriter stdout, TextWriter stderr)
    {
        (List<Guid> keyIds, List<string> rest) = TakeKeyIds(args);
        Arguments a = Arguments.Parse(rest, 2, "kme dec-keys", s_decKeysSpec);
        string master = a.RequiredValue("master-sae");
        if (keyIds.Count == 0)
        {
            throw new CliException("'kme dec-keys' needs at least one --key-id");
        }

        using QkdKeyContainer keys = WithKeySource(a, source => source.GetKeysWithIdsAsync(master, keyIds));
        JsonOutput.WriteObject(stdout, w => WriteKeyContainer(w, keys));
        return ExitCodes.Success;
    }

    /// <summary>Runs one call on a key source built from <c>--kme</c>, <c>--cert</c> and <c>--ca</c> (POST forms).</summary>
    private static T WithKeySource<T>(Arguments a, Func<Etsi014KeySource, Task<T>> call)
    {
        string url = a.RequiredValue("kme");
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? kme) || kme.Scheme != Uri.UriSchemeHttps)
        {
            throw new CliException("--kme must be an https URL such as https://127.0.0.1:8443");
        }

        using X509Certificate2? certificate = a.Value("cert") is string pfx ? LoadClientCertificate(pfx) : null;
        X509Certificate2Collection? roots = a.Value("ca") is string pem ? LoadRoots(pem) : null;
        try
        {
            var options = new Etsi014ClientOptions
            {
                KmeUri = kme,
                ClientCertificate = certificate,
                TrustedRoots = roots,
                UsePostForms = true,
            };
            using var source = new Etsi014KeySource(options);

            // Each exchange is time-bounded by the client (RequestTimeout, bounded retries).
            return Task.Run(() => call(source)).GetAwaiter().GetResult();
        }
        finally
        {
            if (roots is not null)
            {
                foreach (X509Certificate2 root in roots)
                {
                    root.Dispose();
                }
            }
        }
    }

    private static X509Certificate2 LoadClientCertificate(string path)
    {
        try
        {
            return Etsi014ClientCertificate.FromPfxFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new CliException($"cannot load the client certificate of --cert ('{path}'): a PKCS#12 file without password and with a private key is expected ({e.GetType().Name})", e);
        }
    }

    private static X509Certificate2Collection LoadRoots(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new CliException($"cannot load the CA certificates of --ca ('{path}'): a PEM file is expected ({e.GetType().Name})", e);
        }

        if (roots.Count == 0)
        {
            throw new CliException($"--ca ('{path}') holds no PEM certificate");
        }

        return roots;
    }

    private static int PositiveInt(Arguments a, string name)
    {
        string text = a.RequiredValue(name);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
        {
            throw new CliException($"--{name} must be a positive integer");
        }

        return value;
    }

    /// <summary>Takes every <c>--key-id UUID</c> out of the arguments (the option repeats); the rest is parsed as usual.</summary>
    private static (List<Guid> KeyIds, List<string> Others) TakeKeyIds(string[] args)
    {
        var ids = new List<Guid>();
        var rest = new List<string>(args.Length);
        for (int i = 0; i < args.Length; i++)
        {
            if (i < 2 || args[i] != KeyIdOption)
            {
                rest.Add(args[i]);
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new CliException($"option {KeyIdOption} needs a value");
            }

            // 014 §6.4: key_ID is a UUID; any letter case on input.
            if (!Guid.TryParseExact(args[++i], "D", out Guid id))
            {
                throw new CliException($"{KeyIdOption} number {ids.Count + 1} is not a UUID (such as 3fa85f64-5717-4562-b3fc-2c963f66afa6)");
            }

            if (ids.Contains(id))
            {
                throw new CliException($"{KeyIdOption} {id:D} is given twice");
            }

            ids.Add(id);
        }

        return (ids, rest);
    }

    /// <summary>014 §6.3 Key container: <c>keys</c> with <c>key_ID</c>, <c>key</c> (base64) and the extensions the KME sent.</summary>
    private static void WriteKeyContainer(Utf8JsonWriter w, QkdKeyContainer container)
    {
        w.WriteStartArray("keys");
        foreach (QkdKey key in container.Keys)
        {
            w.WriteStartObject();
            w.WriteString("key_ID", key.KeyId.ToString("D", CultureInfo.InvariantCulture));
            WriteExtension(w, "key_ID_extension", key.KeyIdExtension);
            w.WriteBase64String("key", key.Key);
            WriteExtension(w, "key_extension", key.KeyExtension);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteExtension(w, "key_container_extension", container.KeyContainerExtension);
    }

    private static void WriteExtension(Utf8JsonWriter w, string name, JsonElement? extension)
    {
        if (extension is JsonElement value)
        {
            w.WritePropertyName(name);
            value.WriteTo(w);
        }
    }
}
