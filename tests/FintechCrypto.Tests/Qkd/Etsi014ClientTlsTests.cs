using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi014;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Etsi014KeySource over real TLS: a Kestrel HTTPS server on 127.0.0.1 (port 0) that requires client certificates,
/// with a CA, a server certificate (IP SAN 127.0.0.1, DNS SAN kme.test) and SAE certificates made in the test.
/// </summary>
public sealed class Etsi014ClientTlsTests : IAsyncLifetime
{
    private readonly TestPki _pki = TestPki.Create("FintechCrypto test KME CA");
    private X509Certificate2 _serverCertificate = null!;
    private X509Certificate2 _client = null!;
    private CannedKmeServer _server = null!;

    public async Task InitializeAsync()
    {
        _serverCertificate = _pki.IssueServer();
        _client = _pki.IssueClient("SAE_A");
        _server = await CannedKmeServer.StartAsync(_serverCertificate, _pki.Ca);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _serverCertificate.Dispose();
        _client.Dispose();
        _pki.Dispose();
    }

    [Fact]
    public async Task MutualTls_EveryOperation_BothForms()
    {
        foreach (bool post in new[] { true, false })
        {
            using Etsi014KeySource source = new(Options() with { UsePostForms = post });

            QkdKeySourceStatus status = await source.GetStatusAsync("SAE_B");
            using QkdKeyContainer keys = await source.GetKeysAsync("SAE_B", QkdKeyRequest.For(2, 256));
            using QkdKeyContainer again = await source.GetKeysWithIdsAsync("SAE_A", new[] { keys.Keys[0].KeyId });

            // The server saw the client certificate: it reports the caller's CN as the master.
            Assert.Equal("SAE_A", status.MasterSaeId);
            Assert.Equal(keys.Keys[0].Key.ToArray(), again.Keys[0].Key.ToArray());
        }

        // Get key uses the Status that Get status just cached.
        Assert.Equal(
            new[]
            {
                "GET /api/v1/keys/SAE_B/status", "POST /api/v1/keys/SAE_B/enc_keys", "POST /api/v1/keys/SAE_A/dec_keys",
                "GET /api/v1/keys/SAE_B/status", "GET /api/v1/keys/SAE_B/enc_keys?number=2&size=256",
            },
            _server.Requests.Take(5).Select(r => r.Method + " " + r.PathAndQuery));
        Assert.StartsWith("GET /api/v1/keys/SAE_A/dec_keys?key_ID=", _server.Requests[5].Method + " " + _server.Requests[5].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(6, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("SAE_A", r.ClientCn));
    }

    [Fact]
    public async Task ServerCertificate_FromAnotherCa_IsRefused_NamingUnknownCa_AsPermanent()
    {
        using TestPki other = TestPki.Create("Another CA");
        using X509Certificate2 otherRoot = other.CaPublic();
        using Etsi014KeySource source = new(Options() with { TrustedRoots = new X509Certificate2Collection(otherRoot) });

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        AssertPermanentTls(e, "unknown CA");
        Assert.Contains("TrustedRoots", e.Message, StringComparison.Ordinal);
        Assert.Null(e.HttpStatus);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task WithoutTrustedRoots_TheSystemRootsDoNotTrustTheTestCa()
    {
        using Etsi014KeySource source = new(Options() with { TrustedRoots = null });

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        AssertPermanentTls(e, "unknown CA");
        Assert.Contains("system's trusted roots", e.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Pinning_AWrongPinIsRefused_AMatchingPinWorks()
    {
        byte[] right = Etsi014ClientOptions.ComputeServerPublicKeyPin(_serverCertificate);
        byte[] wrong = (byte[])right.Clone();
        wrong[^1] ^= 1;

        using (Etsi014KeySource pinnedWrong = new(Options() with { ServerPublicKeyPins = new[] { wrong } }))
        {
            KeySourceException e = await Etsi014TestClients.FailsAsync(() => pinnedWrong.GetStatusAsync("SAE_B"));
            AssertPermanentTls(e, "pin mismatch");
            Assert.Empty(_server.Requests);
        }

        // One of several pins (a pin set during a key rollover) matching is enough.
        using Etsi014KeySource pinned = new(Options() with { ServerPublicKeyPins = new[] { wrong, right } });
        Assert.Equal("SAE_B", (await pinned.GetStatusAsync("SAE_B")).SlaveSaeId);
        Assert.Single(_server.Requests);
        Assert.Equal(SHA256.HashData(_serverCertificate.PublicKey.ExportSubjectPublicKeyInfo()), right);
    }

    [Fact]
    public async Task TargetHost_ChecksTheNameTheCertificateMustHold()
    {
        // Reached by address, checked against the DNS SAN (a lab KME); a name the certificate lacks is refused.
        using (Etsi014KeySource named = new(Options() with { TargetHost = "kme.test" }))
        {
            Assert.Equal("SAE_A", (await named.GetStatusAsync("SAE_B")).MasterSaeId);
        }

        using Etsi014KeySource wrongName = new(Options() with { TargetHost = "other.test" });
        KeySourceException e = await Etsi014TestClients.FailsAsync(() => wrongName.GetStatusAsync("SAE_B"));
        AssertPermanentTls(e, "host name mismatch");
        Assert.Contains("'other.test'", e.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task ClientCertificate_FromAnotherCa_OrNone_IsRefused()
    {
        using TestPki other = TestPki.Create("Rogue CA");
        using X509Certificate2 rogue = other.IssueClient("SAE_A");

        using (Etsi014KeySource wrongClient = new(Options() with { ClientCertificate = rogue }))
        {
            KeySourceException e = await Etsi014TestClients.FailsAsync(() => wrongClient.GetStatusAsync("SAE_B"));
            Assert.Equal(KeySourceError.Unreachable, e.Error);
        }

        using (Etsi014KeySource noClient = new(Options() with { ClientCertificate = null }))
        {
            KeySourceException e = await Etsi014TestClients.FailsAsync(() => noClient.GetStatusAsync("SAE_B"));
            Assert.Equal(KeySourceError.Unreachable, e.Error);
        }

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task ClientCertificate_LoadsFromPemFiles_AndFromPfx()
    {
        string directory = Path.Combine(Path.GetTempPath(), "fc-etsi014-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string certPem = Path.Combine(directory, "sae.pem");
            string keyPem = Path.Combine(directory, "sae.key");
            string both = Path.Combine(directory, "both.pem");
            string pfx = Path.Combine(directory, "sae.pfx");
            string pfxWithPassword = Path.Combine(directory, "sae-pw.pfx");
            using ECDsa key = _client.GetECDsaPrivateKey()!;
            File.WriteAllText(certPem, _client.ExportCertificatePem());
            File.WriteAllText(keyPem, key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(both, _client.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
            File.WriteAllBytes(pfx, _client.Export(X509ContentType.Pkcs12));
            File.WriteAllBytes(pfxWithPassword, _client.Export(X509ContentType.Pkcs12, "secret"));

            foreach (Func<X509Certificate2> load in new Func<X509Certificate2>[]
            {
                () => Etsi014ClientCertificate.FromPemFiles(certPem, keyPem),
                () => Etsi014ClientCertificate.FromPemFiles(both),
                () => Etsi014ClientCertificate.FromPfxFile(pfx),
                () => Etsi014ClientCertificate.FromPfxFile(pfxWithPassword, "secret"),
            })
            {
                using X509Certificate2 loaded = load();
                Assert.True(loaded.HasPrivateKey);
                using Etsi014KeySource source = new(Options() with { ClientCertificate = loaded });
                Assert.Equal("SAE_A", (await source.GetStatusAsync("SAE_B")).MasterSaeId);
            }

            Assert.ThrowsAny<CryptographicException>(() => Etsi014ClientCertificate.FromPfxFile(pfxWithPassword, "wrong"));
            Assert.ThrowsAny<CryptographicException>(() => Etsi014ClientCertificate.FromPemFiles(certPem));
            File.WriteAllBytes(pfx, _client.Export(X509ContentType.Cert));
            Assert.ThrowsAny<Exception>(() => Etsi014ClientCertificate.FromPfxFile(pfx));
            Assert.Throws<ArgumentException>(() => new Etsi014KeySource(Options() with { ClientCertificate = X509CertificateLoader.LoadCertificate(_client.RawData) }));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ConnectionRefused_IsUnreachable()
    {
        // A port that was free a moment ago: bind, note it, release.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using Etsi014KeySource source = new(Options() with { KmeUri = new Uri($"https://127.0.0.1:{port}/") });

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        Assert.Equal(KeySourceError.Unreachable, e.Error);
    }

    [Fact]
    public async Task ServerCertificate_Expired_IsRefused_NamingExpiry_AsPermanent()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 expired = _pki.IssueServerWith("kme.test", IpAndDns, now.AddHours(-20), now.AddHours(-1));
        await using CannedKmeServer server = await CannedKmeServer.StartAsync(expired, _pki.Ca);
        using Etsi014KeySource source = new(Options() with { KmeUri = server.Uri });

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        AssertPermanentTls(e, "has expired or is not yet valid");
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task IpAddressKme_CertificateNamingTheIpOnlyInItsCommonName_IsRefused()
    {
        // RFC 9525 §6.4 (no CN fallback as in RFC 6125 §6.4.4): an IP address is matched against iPAddress subjectAltNames only; .NET's
        // MatchesHostname with allowCommonName (the old check) took CN=127.0.0.1 of a certificate without any SAN.
        using X509Certificate2 cnOnly = _pki.IssueServerWith("127.0.0.1", san: null);
        await using CannedKmeServer server = await CannedKmeServer.StartAsync(cnOnly, _pki.Ca);
        using Etsi014KeySource source = new(Options() with { KmeUri = server.Uri });

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        AssertPermanentTls(e, "host name mismatch");
        Assert.Contains("iPAddress subjectAltName 127.0.0.1", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task IpAddressKme_CertificateNamingTheIpAsADnsName_IsRefused()
    {
        using X509Certificate2 dnsOnly = _pki.IssueServerWith("127.0.0.1", b => b.AddDnsName("127.0.0.1"));
        await using CannedKmeServer server = await CannedKmeServer.StartAsync(dnsOnly, _pki.Ca);
        using Etsi014KeySource source = new(Options() with { KmeUri = server.Uri });

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        AssertPermanentTls(e, "host name mismatch");
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task IpAddressKme_CertificateWithTheIpSan_IsAccepted_WhateverItsCommonName()
    {
        using X509Certificate2 ipSan = _pki.IssueServerWith("some other name", b => b.AddIpAddress(System.Net.IPAddress.Loopback));
        await using CannedKmeServer server = await CannedKmeServer.StartAsync(ipSan, _pki.Ca);
        using Etsi014KeySource source = new(Options() with { KmeUri = server.Uri });

        Assert.Equal("SAE_A", (await source.GetStatusAsync("SAE_B")).MasterSaeId);

        // Another address is not this one.
        using X509Certificate2 otherIp = _pki.IssueServerWith("127.0.0.1", b => b.AddIpAddress(System.Net.IPAddress.Parse("127.0.0.2")));
        await using CannedKmeServer other = await CannedKmeServer.StartAsync(otherIp, _pki.Ca);
        using Etsi014KeySource wrong = new(Options() with { KmeUri = other.Uri });
        AssertPermanentTls(await Etsi014TestClients.FailsAsync(() => wrong.GetStatusAsync("SAE_B")), "host name mismatch");
    }

    [Fact]
    public async Task DnsNamedKme_CertificateWithoutSubjectAltName_IsRefused_TheCommonNameIsNotConsulted()
    {
        using X509Certificate2 cnOnly = _pki.IssueServerWith("kme.test", san: null);
        await using CannedKmeServer server = await CannedKmeServer.StartAsync(cnOnly, _pki.Ca);
        using Etsi014KeySource source = new(Options() with { KmeUri = server.Uri, TargetHost = "kme.test" });

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        AssertPermanentTls(e, "host name mismatch");
        Assert.Contains("dNSName", e.Message, StringComparison.Ordinal);

        // With the name as a dNSName it is accepted.
        using X509Certificate2 dnsSan = _pki.IssueServerWith("ignored", b => b.AddDnsName("kme.test"));
        await using CannedKmeServer named = await CannedKmeServer.StartAsync(dnsSan, _pki.Ca);
        using Etsi014KeySource ok = new(Options() with { KmeUri = named.Uri, TargetHost = "kme.test" });
        Assert.Equal("SAE_A", (await ok.GetStatusAsync("SAE_B")).MasterSaeId);
    }

    public static TheoryData<byte, string, bool> Alerts => new()
    {
        // RFC 8446 §6.2 AlertDescription codes.
        { 48, "unknown_ca", true },
        { 42, "bad_certificate", true },
        { 116, "certificate_required", true },
        { 45, "certificate_expired", true },
        { 49, "access_denied", true },
        { 40, "handshake_failure", true },
        { 70, "protocol_version", true },
        { 80, "internal_error", false },
    };

    [Theory]
    [MemberData(nameof(Alerts))]
    public async Task KmeRefusingTheHandshake_WithATlsAlert_IsNamed_AndPermanentOrNot(byte alert, string name, bool permanent)
    {
        await using TlsAlertServer server = new(alert);
        using Etsi014KeySource source = new(Options() with { KmeUri = server.Uri });

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        Assert.Contains("TLS alert " + name, e.Message, StringComparison.Ordinal);
        Assert.Equal(!permanent, e.IsTransient);
        Assert.Equal(permanent ? "TlsAuthenticationFailed" : "Unreachable", e.Error.ToString());
    }

    [Fact]
    public async Task ClientCertificate_RefusedAfterATls13Handshake_IsNamed_NotJustTheRequestFailed()
    {
        // What a third-party KME (OpenSSL, TLS 1.3) did to a client certificate it refused: the alert arrives on the first
        // read after the handshake, so HttpClient reports HttpRequestError.Unknown over the TLS stack's IOException.
        var alert = new System.Net.Http.HttpRequestException(
            System.Net.Http.HttpRequestError.Unknown,
            "An error occurred while sending the request.",
            new IOException(
                "The decryption operation failed, see inner exception.",
                new System.Security.Authentication.AuthenticationException("error:0A000418:SSL routines::tlsv1 alert unknown ca")));
        var handler = new StubKmeHandler((_, _) => Task.FromException<System.Net.Http.HttpResponseMessage>(alert));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        Assert.DoesNotContain("the request failed", e.Message, StringComparison.Ordinal);
        Assert.Contains("refused the client certificate", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown_ca", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    private static void IpAndDns(SubjectAlternativeNameBuilder b)
    {
        b.AddIpAddress(System.Net.IPAddress.Loopback);
        b.AddDnsName("kme.test");
    }

    /// <summary>A TLS refusal that names its cause and will not be retried (written so that it also compiles on older code).</summary>
    private static void AssertPermanentTls(KeySourceException e, string cause)
    {
        Assert.Contains(cause, e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient, e.Message);
        Assert.NotEqual(KeySourceError.Unreachable, e.Error);
        Assert.Equal("TlsAuthenticationFailed", e.Error.ToString());
    }

    private OptionsRecord Options() => new(_server.Uri, _client, new X509Certificate2Collection(_pki.CaPublic()));

    /// <summary>Options as a record, so each test can change one thing with <c>with</c>.</summary>
    private sealed record OptionsRecord(Uri KmeUri, X509Certificate2? ClientCertificate, X509Certificate2Collection? TrustedRoots)
    {
        public byte[][] ServerPublicKeyPins { get; init; } = Array.Empty<byte[]>();

        public string? TargetHost { get; init; }

        public bool UsePostForms { get; init; } = true;

        public static implicit operator Etsi014ClientOptions(OptionsRecord o) => new()
        {
            KmeUri = o.KmeUri,
            ClientCertificate = o.ClientCertificate,
            TrustedRoots = o.TrustedRoots,
            ServerPublicKeyPins = o.ServerPublicKeyPins,
            TargetHost = o.TargetHost,
            UsePostForms = o.UsePostForms,
            RequestTimeout = TimeSpan.FromSeconds(60),
            Retry = Etsi014RetryPolicy.None,
        };
    }
}
