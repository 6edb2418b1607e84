// `fintechcrypto kme status|enc-keys|dec-keys` (cli.md, "QKD"): the library's ETSI GS QKD 014 client in its POST
// forms. The output is the 014 JSON object itself (§6.1 Status, §6.3 Key container: snake_case names, base64 keys);
// a KME error is exit 3 (CliApp maps KeySourceException); bad options, and a request the client refuses before sending
// it (against the KME's advertised limits), exit 2. The SAE's certificate is a PFX, or a PEM certificate with --key.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi014;

namespace FintechCrypto.Cli.Commands;

/// <summary>The KME client commands.</summary>
internal static class KmeClientCommands
{
    /// <summary><c>kme status --kme URL --slave-sae ID [--cert PFX | --cert PEM --key PEM] [--ca PEM]</c>: 014 §5.2 Get status.</summary>
    public static int Status(Arguments a, TextWriter stdout, TextWriter stderr)
    {
        string slave = a.RequiredValue("slave-sae");
        QkdKeySourceStatus status = WithKeySource(a, source => source.GetStatusAsync(slave));
        JsonOutput.WriteObject(stdout, w => Qkd.Simulator.KmeJson.WriteStatusMembers(w, status));
        return ExitCodes.Success;
    }

    /// <summary><c>kme enc-keys --kme URL --slave-sae ID --number N --size BITS [--cert PFX | --cert PEM --key PEM] [--ca PEM]</c>: 014 §5.3 Get key (POST).</summary>
    public static int EncKeys(Arguments a, TextWriter stdout, TextWriter stderr)
    {
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

    /// <summary><c>kme dec-keys --kme URL --master-sae ID --key-id UUID [--key-id UUID ...] [--cert PFX | --cert PEM --key PEM] [--ca PEM]</c>: 014 §5.4 (POST).</summary>
    public static int DecKeys(Arguments a, TextWriter stdout, TextWriter stderr)
    {
        List<Guid> keyIds = KeyIds(a.Values("key-id"));
        string master = a.RequiredValue("master-sae");

        using QkdKeyContainer keys = WithKeySource(a, source => source.GetKeysWithIdsAsync(master, keyIds));
        JsonOutput.WriteObject(stdout, w => WriteKeyContainer(w, keys));
        return ExitCodes.Success;
    }

    /// <summary>
    /// Runs one call on a key source built from <c>--kme</c>, <c>--cert</c> (and <c>--key</c>) and <c>--ca</c> (POST
    /// forms). cli.md: a request the client refuses before sending it (a size outside the KME's advertised
    /// <c>min_key_size</c>..<c>max_key_size</c>, more keys than <c>max_key_per_request</c>, more slaves than
    /// <c>max_SAE_ID_count</c>) is bad input, exit 2; only what the KME answered, or its not answering, is exit 3.
    /// </summary>
    private static T WithKeySource<T>(Arguments a, Func<Etsi014KeySource, Task<T>> call)
    {
        string url = a.RequiredValue("kme");
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? kme) || kme.Scheme != Uri.UriSchemeHttps)
        {
            throw new CliException("--kme must be an https URL such as https://127.0.0.1:8443");
        }

        using X509Certificate2? certificate = LoadClientCertificate(a.Value("cert"), a.Value("key"));
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
        catch (KeySourceException e) when (e.HttpStatus is null && e.Error is KeySourceError.InvalidKeySize or KeySourceError.RequestTooLarge)
        {
            // Etsi014KeySource's pre-checks against the Status (014 §5.2, §6.1) throw these kinds with no HTTP status:
            // no key request was sent. The same kinds from a KME's 400 carry the status and stay exit 3.
            throw new CliException(e.Message, ExitCodes.BadInput);
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

    /// <summary>
    /// <c>--cert</c>: a PKCS#12 (PFX) file without password, or a PEM certificate whose PEM private key (PKCS#8, SEC1 or
    /// PKCS#1) is in <c>--key</c>; the file's content says which. Null without <c>--cert</c>.
    /// </summary>
    private static X509Certificate2? LoadClientCertificate(string? certPath, string? keyPath)
    {
        if (certPath is null)
        {
            return keyPath is null ? null : throw new CliException("--key needs --cert: give the PEM certificate of the private key");
        }

        bool pem = IsPem(certPath);
        if (pem && keyPath is null)
        {
            throw new CliException($"--cert ('{certPath}') is a PEM certificate: give its PEM private key with --key FILE");
        }

        if (!pem && keyPath is not null)
        {
            throw new CliException($"--key is only for a PEM --cert; --cert ('{certPath}') is not PEM (a PFX holds its own private key)");
        }

        try
        {
            return pem ? Etsi014ClientCertificate.FromPemFiles(certPath, keyPath) : Etsi014ClientCertificate.FromPfxFile(certPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            // The type name only: a loader's message is not ours to vouch for (it must never quote key bytes).
            throw new CliException(
                pem
                    ? $"cannot load the client certificate of --cert ('{certPath}') with the private key of --key ('{keyPath}'): a PEM certificate and its matching unencrypted PEM private key are expected ({e.GetType().Name})"
                    : $"cannot load the client certificate of --cert ('{certPath}'): a PKCS#12 file without password and with a private key, or a PEM certificate with --key, is expected ({e.GetType().Name})",
                e);
        }
    }

    /// <summary>Whether the file is PEM text (RFC 7468: "-----BEGIN" after optional white space) rather than DER.</summary>
    private static bool IsPem(string path)
    {
        try
        {
            using FileStream file = File.OpenRead(path);
            Span<byte> start = stackalloc byte[64];
            int read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            ReadOnlySpan<byte> text = start[..read];
            int i = 0;
            while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }

            return text[i..].StartsWith("-----BEGIN"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read --cert ('{path}') ({e.GetType().Name})", e);
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

    /// <summary>The <c>--key-id UUID</c> values (the option repeats), distinct UUIDs in any letter case (014 §6.4).</summary>
    private static List<Guid> KeyIds(IReadOnlyList<string> values)
    {
        var ids = new List<Guid>();
        foreach (string value in values)
        {
            if (!Guid.TryParseExact(value, "D", out Guid id))
            {
                throw new CliException($"--key-id number {ids.Count + 1} is not a UUID (such as 3fa85f64-5717-4562-b3fc-2c963f66afa6)");
            }

            if (ids.Contains(id))
            {
                throw new CliException($"--key-id {id:D} is given twice");
            }

            ids.Add(id);
        }

        return ids;
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
