using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading.Tasks;
using FintechCrypto.Cli;
using FintechCrypto.Qkd.Simulator;
using FintechCrypto.Tests.Cli;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// `fintechcrypto kme init-pki` in process, and `fintechcrypto kme serve` as a real subprocess with certificates made by
/// the openssl command (cli.md "QKD").
/// </summary>
public sealed class KmeServerCommandTests
{
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void WriteTo_NarrowsAnExistingKeyFileToOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // POSIX modes only
        }

        string dir = Directory.CreateTempSubdirectory("fc-pki-mode-").FullName;
        try
        {
            string key = Path.Combine(dir, "SAE_A.key");
            File.WriteAllText(key, "old");
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            using (KmePki pki = KmePki.Create("127.0.0.1", ["SAE_A"]))
            {
                pki.WriteTo(dir);
            }

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(key), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task InitPki_WritesTheFiles_TheyLoad_AndTheSimulatorAcceptsThem()
    {
        string dir = TempDirectory();
        try
        {
            string outDir = Path.Combine(dir, "pki");
            CliResult result = CliRunner.Ok("kme", "init-pki", "--out", outDir, "--sae", "SAE_A", "--sae", "sae-b_2", "--host", "127.0.0.1");
            Assert.Equal(Path.Combine(outDir, "ca.pem"), result.String("ca"));
            Assert.Equal(Path.Combine(outDir, "kme.pfx"), result.String("kme"));
            JsonElement saes = result.Json.GetProperty("saes");
            Assert.Equal(new[] { "SAE_A", "sae-b_2" }, saes.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(Path.Combine(outDir, "SAE_A.pfx"), saes.GetProperty("SAE_A").GetString());
            foreach (string file in new[] { "ca.pem", "kme.pfx", "SAE_A.pfx", "SAE_A.pem", "SAE_A.key", "sae-b_2.pfx", "sae-b_2.pem", "sae-b_2.key" })
            {
                Assert.True(File.Exists(Path.Combine(outDir, file)), file);
            }

            using X509Certificate2 ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(outDir, "ca.pem")));
            using X509Certificate2 kme = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(outDir, "kme.pfx"), null);
            using X509Certificate2 saeA = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(outDir, "SAE_A.pfx"), null);
            using X509Certificate2 saeB = X509Certificate2.CreateFromPemFile(Path.Combine(outDir, "sae-b_2.pem"), Path.Combine(outDir, "sae-b_2.key"));
            Assert.True(kme.HasPrivateKey && saeA.HasPrivateKey && saeB.HasPrivateKey);
            Assert.Equal("CN=SAE_A", saeA.Subject);
            Assert.Equal("CN=sae-b_2", saeB.Subject);
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(Path.Combine(outDir, "SAE_A.key")), StringComparison.Ordinal);
            Assert.True(kme.MatchesHostname("127.0.0.1"));
            Assert.Equal("1.3.6.1.5.5.7.3.1", Eku(kme));
            Assert.Equal("1.3.6.1.5.5.7.3.2", Eku(saeA));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(outDir, "SAE_A.key")));
            }

            // The files work together: a KME from kme.pfx + ca.pem serves SAE_A (PFX) and sae-b_2 (PEM + key).
            var options = new KmeSimulatorOptions { ServerCertificate = kme, ClientCertificateAuthority = ca };
            options.Endpoints.Add(new KmeEndpoint("127.0.0.1", 0, "KME_A"));
            await using var simulator = new KmeSimulator(options);
            Uri url = (await simulator.StartAsync())[0];
            using HttpClient a = KmeHttp.Client(saeA, ca);
            using HttpClient b = KmeHttp.Client(saeB, ca);
            var sent = KmeHttp.Keys((await KmeHttp.GetAsync(a, url, "/api/v1/keys/sae-b_2/enc_keys")).Json);
            var got = KmeHttp.Keys((await KmeHttp.GetAsync(b, url, $"/api/v1/keys/SAE_A/dec_keys?key_ID={sent[0].Id}")).Json);
            Assert.Equal(sent[0].Key, got[0].Key);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("CN=evil")]
    [InlineData("\u00e9t\u00e9")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123X")]
    public void InitPki_RefusesBadSaeIds(string sae)
    {
        string dir = TempDirectory();
        try
        {
            CliRunner.BadInput("kme", "init-pki", "--out", dir, "--sae", sae);
            Assert.Empty(Directory.GetFiles(dir));
            Assert.Throws<ArgumentException>(() => KmePki.ValidateSaeId(sae));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void InitPki_AndServe_RefuseBadOptions()
    {
        CliRunner.BadInput("kme", "init-pki", "--out", "x");
        CliRunner.BadInput("kme", "init-pki", "--sae", "A");
        CliRunner.BadInput("kme", "init-pki", "--out", "x", "--sae", "A", "--sae", "A");
        CliRunner.BadInput("kme", "serve", "--listen", "127.0.0.1:0", "--cert", "a.pfx", "--client-ca", "ca.pem");
        CliRunner.BadInput("kme", "serve", "--listen", "127.0.0.1:0", "--kme-id", "A", "--listen", "127.0.0.1:0", "--kme-id", "B", "--listen", "127.0.0.1:0", "--kme-id", "C", "--cert", "a.pfx", "--client-ca", "ca.pem");
        CliRunner.BadInput("kme", "serve", "--listen", "127.0.0.1", "--kme-id", "A", "--cert", "a.pfx", "--client-ca", "ca.pem");
        CliRunner.BadInput("kme", "serve", "--listen", "127.0.0.1:0", "--kme-id", "A", "--cert", "a.pfx", "--client-ca", "ca.pem", "--key-size", "100");
        CliRunner.BadInput("kme", "serve", "--listen", "127.0.0.1:0", "--kme-id", "A", "--cert", "a.pfx", "--client-ca", "ca.pem", "--key-rate", "-1");
        CliRunner.BadInput("kme", "serve", "--listen", "127.0.0.1:0", "--kme-id", "A", "--cert", "/nonexistent/a.pfx", "--client-ca", "ca.pem");
        CliRunner.BadInput("kme", "serve", "--listen", "127.0.0.1:0", "--kme-id", "A", "--cert", "a.pfx", "--client-ca", "ca.pem", "--bogus", "1");
        Assert.Contains("expected init-pki, serve, status, enc-keys or dec-keys", CliRunner.BadInput("kme").Error, StringComparison.Ordinal);
        Assert.Contains("expected init-pki, serve", CliRunner.BadInput("kme", "keygen").Error, StringComparison.Ordinal);
        CliResult help = CliRunner.Text("--help");
        Assert.Contains("kme init-pki", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("kme serve", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_AsASubprocess_WithOpensslCertificates_ServesAndStopsOnSigterm()
    {
        Assert.False(OperatingSystem.IsWindows(), "this test sends SIGTERM");
        string dir = TempDirectory();
        Process? serve = null;
        try
        {
            MakeOpensslPki(dir);
            string cli = typeof(CliApp).Assembly.Location;
            Assert.True(File.Exists(Path.ChangeExtension(cli, ".runtimeconfig.json")), "the CLI's runtimeconfig is next to the test assembly");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[]
            {
                cli, "kme", "serve", "--listen", "127.0.0.1:0", "--kme-id", "KME_A", "--listen", "127.0.0.1:0", "--kme-id", "KME_B",
                "--cert", Path.Combine(dir, "kme.pfx"), "--client-ca", Path.Combine(dir, "ca.pem"), "--max-keys", "10", "--key-size", "256",
            })
            {
                start.ArgumentList.Add(arg);
            }

            serve = Process.Start(start)!;
            Task<string> stderr = serve.StandardError.ReadToEndAsync();
            string? line = await serve.StandardOutput.ReadLineAsync().WaitAsync(SafetyTimeout);
            Assert.False(line is null, "serve exited before it was ready: " + (serve.HasExited ? await stderr : ""));
            Uri[] urls;
            using (JsonDocument listening = JsonDocument.Parse(line!))
            {
                urls = listening.RootElement.GetProperty("listening").EnumerateArray().Select(u => new Uri(u.GetString()!)).ToArray();
            }

            Assert.Equal(2, urls.Length);
            Assert.All(urls, u => Assert.Equal(("https", "127.0.0.1"), (u.Scheme, u.Host)));

            using X509Certificate2 ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dir, "ca.pem")));
            using X509Certificate2 saeA = X509Certificate2.CreateFromPemFile(Path.Combine(dir, "SAE_A.pem"), Path.Combine(dir, "SAE_A.key"));
            using X509Certificate2 saeB = X509Certificate2.CreateFromPemFile(Path.Combine(dir, "SAE_B.pem"), Path.Combine(dir, "SAE_B.key"));
            using HttpClient a = KmeHttp.Client(saeA, ca);
            using HttpClient b = KmeHttp.Client(saeB, ca);
            var status = await KmeHttp.GetAsync(a, urls[1], "/api/v1/keys/SAE_B/status");
            Assert.Equal(200, status.Status);
            Assert.Equal(("KME_B", "SAE_A", 10, 256), (status.Json.GetProperty("source_KME_ID").GetString(), status.Json.GetProperty("master_SAE_ID").GetString(), status.Json.GetProperty("max_key_count").GetInt32(), status.Json.GetProperty("key_size").GetInt32()));
            var sent = KmeHttp.Keys((await KmeHttp.PostAsync(a, urls[0], "/api/v1/keys/SAE_B/enc_keys", """{"number":2}""")).Json);
            string body = JsonSerializer.Serialize(new { key_IDs = sent.Select(k => new { key_ID = k.Id.ToString("D") }) });
            var got = KmeHttp.Keys((await KmeHttp.PostAsync(b, urls[1], "/api/v1/keys/SAE_A/dec_keys", body)).Json);
            Assert.Equal(sent.Select(k => Convert.ToHexString(k.Key)), got.Select(k => Convert.ToHexString(k.Key)));
            using (HttpClient anonymous = KmeHttp.Client(null, ca))
            {
                await Assert.ThrowsAsync<HttpRequestException>(() => KmeHttp.GetAsync(anonymous, urls[0], "/api/v1/keys/SAE_B/status"));
            }

            using (Process kill = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync().WaitAsync(SafetyTimeout);
            }

            await serve.WaitForExitAsync().WaitAsync(SafetyTimeout);
            Assert.Equal(0, serve.ExitCode);
            Assert.Null(await serve.StandardOutput.ReadLineAsync()); // the one JSON line, nothing more
            string log = await stderr;
            Assert.Contains("kme=KME_A POST /api/v1/keys/SAE_B/enc_keys 200 sae=SAE_A", log, StringComparison.Ordinal);
            Assert.Contains("kme=KME_B POST /api/v1/keys/SAE_A/dec_keys 200 sae=SAE_B", log, StringComparison.Ordinal);
            Assert.All(sent, k => Assert.DoesNotContain(Convert.ToBase64String(k.Key), log, StringComparison.Ordinal));
        }
        finally
        {
            if (serve is { HasExited: false })
            {
                serve.Kill(entireProcessTree: true);
            }

            serve?.Dispose();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Eku(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Single().Value!;

    private static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"fc-kme-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A CA, a KME certificate with an IP SAN and two SAE certificates with CNs, all made by the openssl command.</summary>
    private static void MakeOpensslPki(string dir)
    {
        Openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-subj", "/CN=openssl test CA", "-days", "2", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        File.WriteAllText(Path.Combine(dir, "server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n");
        File.WriteAllText(Path.Combine(dir, "client.ext"), "extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n");
        foreach ((string name, string subject, string ext) in new[] { ("kme", "/CN=kme", "server.ext"), ("SAE_A", "/CN=SAE_A", "client.ext"), ("SAE_B", "/CN=SAE_B", "client.ext") })
        {
            Openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
            Openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-extfile", ext, "-out", name + ".pem");
        }

        Openssl(dir, "pkcs12", "-export", "-inkey", "kme.key", "-in", "kme.pem", "-out", "kme.pfx", "-passout", "pass:");
    }

    private static void Openssl(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit((int)SafetyTimeout.TotalMilliseconds), "openssl hung");
        _ = output.Result;
        Assert.True(process.ExitCode == 0, $"openssl {args[0]} failed: {error}");
    }
}
