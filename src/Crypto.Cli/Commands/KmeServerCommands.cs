using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Qkd.Simulator;

namespace FintechCrypto.Cli.Commands;

/// <summary>
/// <c>fintechcrypto kme init-pki</c> and <c>kme serve</c> (cli.md "QKD"): a lab PKI for the KME simulator and its
/// SAEs, and the ETSI GS QKD 014 KME simulator itself on HTTPS with mutual TLS.
/// </summary>
internal static class KmeServerCommands
{
    /// <summary><c>kme init-pki --out DIR --sae ID [--sae ID ...] [--host 127.0.0.1]</c>.</summary>
    public static int InitPki(Arguments a, TextWriter stdout, TextWriter stderr)
    {
        string directory = a.RequiredValue("out");
        string host = a.Value("host") ?? "127.0.0.1";
        IReadOnlyList<string> saes = a.Values("sae");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string sae in saes)
        {
            try
            {
                KmePki.ValidateSaeId(sae);
            }
            catch (ArgumentException)
            {
                throw new CliException($"--sae {Arguments.Describe(sae)} is not an SAE ID: 1 to 64 characters of A-Z a-z 0-9 _ -");
            }

            if (!seen.Add(sae))
            {
                throw new CliException($"--sae '{sae}' is given twice");
            }
        }

        using KmePki pki = KmePki.Create(host, saes);
        KmePkiFiles files = pki.WriteTo(directory);
        stderr.WriteLine($"wrote a test CA, a KME certificate for {host} and {saes.Count} SAE certificate(s) to {directory}");
        JsonOutput.WriteObject(stdout, w =>
        {
            w.WriteString("ca", files.CaPath);
            w.WriteString("kme", files.KmePath);
            w.WriteStartObject("saes");
            foreach (KeyValuePair<string, string> sae in files.SaePaths)
            {
                w.WriteString(sae.Key, sae.Value);
            }

            w.WriteEndObject();
        });
        return ExitCodes.Success;
    }

    /// <summary>
    /// <c>kme serve --listen HOST:PORT --kme-id ID [--listen HOST:PORT --kme-id ID] --cert PFX --client-ca PEM
    /// [--key-rate BITS/S] [--max-keys N] [--key-size BITS]</c>: prints <c>{"listening": [...]}</c> as soon as it is
    /// ready, logs one line a request on stderr, and serves until SIGINT or SIGTERM (then exit 0). CliApp streams this
    /// command's stdout instead of buffering it.
    /// </summary>
    public static int Serve(Arguments a, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<string> listens = a.Values("listen");
        IReadOnlyList<string> kmeIds = a.Values("kme-id");
        if (listens.Count is < 1 or > 2 || listens.Count != kmeIds.Count)
        {
            throw new CliException("'kme serve' needs one or two pairs of --listen HOST:PORT --kme-id ID");
        }

        var link = new QkdLinkOptions();
        if (a.Value("key-rate") is string rate)
        {
            link.KeyRateBitsPerSecond = double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out double r) && r >= 0 && double.IsFinite(r)
                ? r
                : throw new CliException("--key-rate must be a number of bits per second, 0 or more (0: unlimited)");
        }

        if (a.Value("max-keys") is string maxKeys)
        {
            link.MaxKeyCount = int.TryParse(maxKeys, NumberStyles.None, CultureInfo.InvariantCulture, out int m) && m >= 1
                ? m
                : throw new CliException("--max-keys must be a whole number, 1 or more");
        }

        if (a.Value("key-size") is string keySize)
        {
            int size = int.TryParse(keySize, NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s >= 8 && s % 8 == 0 && s <= 65536
                ? s
                : throw new CliException("--key-size must be a multiple of 8 bits from 8 to 65536");
            link.KeySize = size;
            link.MinKeySize = Math.Min(link.MinKeySize, size);
            link.MaxKeySize = Math.Max(link.MaxKeySize, size);
        }

        var simulatorOptions = new KmeSimulatorOptions { Link = link, Log = stderr };
        for (int i = 0; i < listens.Count; i++)
        {
            simulatorOptions.Endpoints.Add(KmeEndpoint.Parse(listens[i], kmeIds[i]));
        }

        using X509Certificate2 server = LoadPfx(a.RequiredValue("cert"));
        using X509Certificate2 ca = LoadPem(a.RequiredValue("client-ca"));
        simulatorOptions.ServerCertificate = server;
        simulatorOptions.ClientCertificateAuthority = ca;
        return ServeAsync(simulatorOptions, stdout, stderr).GetAwaiter().GetResult();
    }

    private static async Task<int> ServeAsync(KmeSimulatorOptions options, TextWriter stdout, TextWriter stderr)
    {
        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // we stop cleanly ourselves
            stop.Cancel();
        }

        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        await using var simulator = new KmeSimulator(options);
        IReadOnlyList<Uri> urls;
        try
        {
            urls = await simulator.StartAsync(stop.Token).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // Kestrel's bind failure ("address already in use") names the address, nothing secret.
            throw new CliException($"cannot listen: {e.Message}", e);
        }

        JsonOutput.WriteObject(stdout, w =>
        {
            w.WriteStartArray("listening");
            foreach (Uri url in urls)
            {
                w.WriteStringValue(url.GetLeftPart(UriPartial.Authority));
            }

            w.WriteEndArray();
        });
        stdout.Flush();
        stderr.WriteLine($"KME simulator ({string.Join(", ", System.Linq.Enumerable.Select(options.Endpoints, e => e.KmeId))}) ready; stop with SIGINT or SIGTERM");

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // SIGINT or SIGTERM: a clean stop.
        }

        await simulator.StopAsync(CancellationToken.None).ConfigureAwait(false);
        stderr.WriteLine("KME simulator stopped");
        return ExitCodes.Success;
    }

    private static X509Certificate2 LoadPfx(string path)
    {
        byte[] pfx = Arguments.ReadFileBytes(path, "--cert");
        try
        {
            // cli.md: a PFX without a password (null and empty are tried: tools write either).
            foreach (string? password in new[] { null, "" })
            {
                try
                {
                    X509Certificate2 certificate = X509CertificateLoader.LoadPkcs12(pfx, password);
                    if (!certificate.HasPrivateKey)
                    {
                        certificate.Dispose();
                        throw new CliException($"--cert ('{path}') holds no private key");
                    }

                    return certificate;
                }
                catch (CryptographicException) when (password is null)
                {
                    // try the empty password
                }
            }
        }
        catch (CryptographicException e)
        {
            throw new CliException($"--cert ('{path}') is not a PFX without a password", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pfx);
        }

        throw new CliException($"--cert ('{path}') is not a PFX without a password");
    }

    private static X509Certificate2 LoadPem(string path)
    {
        string text = Arguments.ReadFile(path, "--client-ca");
        try
        {
            return X509Certificate2.CreateFromPem(text);
        }
        catch (CryptographicException e)
        {
            throw new CliException($"--client-ca ('{path}') is not a PEM certificate", e);
        }
    }
}
