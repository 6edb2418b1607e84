using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading.Tasks;
using FintechCrypto.Tests.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Cli;

/// <summary>
/// `fintechcrypto kme status|enc-keys|dec-keys` (cli.md, "QKD"), in process, against a Kestrel HTTPS server with
/// mutual TLS that answers canned ETSI GS QKD 014 JSON.
/// </summary>
public sealed class KmeClientCommandTests : IAsyncLifetime
{
    private readonly TestPki _pki = TestPki.Create("FintechCrypto CLI test CA");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fc-kme-cli-" + Guid.NewGuid().ToString("N"));
    private X509Certificate2 _serverCertificate = null!;
    private CannedKmeServer _server = null!;
    private string _kme = null!;
    private string _cert = null!;
    private string _ca = null!;
    private string _certPem = null!;
    private string _keyPem = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _serverCertificate = _pki.IssueServer();
        _server = await CannedKmeServer.StartAsync(_serverCertificate, _pki.Ca);
        _kme = _server.Uri.ToString().TrimEnd('/');
        _cert = Path.Combine(_directory, "SAE_A.pfx");
        _ca = Path.Combine(_directory, "ca.pem");
        _certPem = Path.Combine(_directory, "SAE_A.pem");
        _keyPem = Path.Combine(_directory, "SAE_A.key");
        using (X509Certificate2 client = _pki.IssueClient("SAE_A"))
        using (System.Security.Cryptography.ECDsa key = client.GetECDsaPrivateKey()!)
        {
            File.WriteAllBytes(_cert, client.Export(X509ContentType.Pkcs12));

            // What KMEs usually issue (and `kme init-pki` writes for curl): a PEM certificate and a PEM key.
            File.WriteAllText(_certPem, client.ExportCertificatePem());
            File.WriteAllText(_keyPem, key.ExportPkcs8PrivateKeyPem());
        }

        File.WriteAllText(_ca, _pki.Ca.ExportCertificatePem());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _serverCertificate.Dispose();
        _pki.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Status_PrintsThe014StatusObject()
    {
        CliResult result = CliRunner.Ok("kme", "status", "--kme", _kme, "--slave-sae", "SAE_B", "--cert", _cert, "--ca", _ca);

        Assert.Equal(
            new[] { "source_KME_ID", "target_KME_ID", "master_SAE_ID", "slave_SAE_ID", "key_size", "stored_key_count", "max_key_count", "max_key_per_request", "max_key_size", "min_key_size", "max_SAE_ID_count" },
            result.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("SAE_A", result.String("master_SAE_ID"));
        Assert.Equal("SAE_B", result.String("slave_SAE_ID"));
        Assert.Equal(256, result.Json.GetProperty("key_size").GetInt32());
        Assert.Equal(("GET", "/api/v1/keys/SAE_B/status", "SAE_A"), Assert.Single(_server.Requests));
    }

    [Fact]
    public void EncKeys_ThenDecKeys_GiveTheSameKeys_InThe014KeyContainerShape()
    {
        CliResult enc = CliRunner.Ok("kme", "enc-keys", "--kme", _kme, "--slave-sae", "SAE_B", "--number", "2", "--size", "256", "--cert", _cert, "--ca", _ca);

        JsonElement[] keys = enc.Json.GetProperty("keys").EnumerateArray().ToArray();
        Assert.Equal(2, keys.Length);
        Assert.Equal(new[] { "keys" }, enc.Json.EnumerateObject().Select(p => p.Name));
        foreach (JsonElement key in keys)
        {
            Assert.Equal(new[] { "key_ID", "key" }, key.EnumerateObject().Select(p => p.Name));
            Guid id = Guid.ParseExact(key.GetProperty("key_ID").GetString()!, "D");
            Assert.Equal(CannedKmeServer.KeyFor(id, 32), Convert.FromBase64String(key.GetProperty("key").GetString()!));
        }

        string id1 = keys[0].GetProperty("key_ID").GetString()!;
        string id2 = keys[1].GetProperty("key_ID").GetString()!;
        CliResult dec = CliRunner.Ok("kme", "dec-keys", "--kme", _kme, "--master-sae", "SAE_A", "--key-id", id2, "--key-id", id1.ToUpperInvariant(), "--cert", _cert, "--ca", _ca);

        JsonElement[] fetched = dec.Json.GetProperty("keys").EnumerateArray().ToArray();
        Assert.Equal(new[] { id2, id1 }, fetched.Select(k => k.GetProperty("key_ID").GetString()));
        Assert.Equal(keys[1].GetProperty("key").GetString(), fetched[0].GetProperty("key").GetString());
        Assert.Equal(keys[0].GetProperty("key").GetString(), fetched[1].GetProperty("key").GetString());

        // The POST forms (cli.md), after one Get status for the pre-checks.
        Assert.Equal(
            new[] { "GET /api/v1/keys/SAE_B/status", "POST /api/v1/keys/SAE_B/enc_keys", "POST /api/v1/keys/SAE_A/dec_keys" },
            _server.Requests.Select(r => r.Method + " " + r.PathAndQuery));
    }

    [Fact]
    public void KmeError_IsExit3_WithStatusAndMessage()
    {
        CliResult result = CliRunner.RemoteFailure("kme", "enc-keys", "--kme", _kme, "--slave-sae", CannedKmeServer.ExhaustedSlave, "--number", "1", "--size", "256", "--cert", _cert, "--ca", _ca);

        Assert.Equal(503, result.Json.GetProperty("status").GetInt32());
        Assert.Equal("insufficient keys available for this SAE pair", result.String("message"));
        Assert.Contains("KeysExhausted", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UntrustedKme_IsExit3_WithNullStatusAndMessage()
    {
        using TestPki other = TestPki.Create("Other CA");
        string otherCa = Path.Combine(_directory, "other.pem");
        File.WriteAllText(otherCa, other.Ca.ExportCertificatePem());

        CliResult result = CliRunner.RemoteFailure("kme", "status", "--kme", _kme, "--slave-sae", "SAE_B", "--cert", _cert, "--ca", otherCa);

        Assert.Equal(JsonValueKind.Null, result.Json.GetProperty("status").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.Json.GetProperty("message").ValueKind);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("129", "256", "at most 128")] // the canned Status: max_key_per_request 128
    [InlineData("1", "2048", "outside the KME's range of 64 to 1024 bits")] // max_key_size 1024
    [InlineData("1", "32", "outside the KME's range of 64 to 1024 bits")] // min_key_size 64
    public void RequestRefusedLocally_AgainstTheKmesLimits_IsExit2_BadInput_WithoutAKeyRequest(string number, string size, string because)
    {
        // cli.md: "a request the client refuses before sending it (a size not a multiple of 8, more keys or a size outside
        // what the KME's Status advertises) is exit 2" (it was exit 3, as if the KME had failed).
        CliResult result = CliRunner.BadInput("kme", "enc-keys", "--kme", _kme, "--slave-sae", "SAE_B", "--number", number, "--size", size, "--cert", _cert, "--ca", _ca);

        Assert.Contains(because, result.Error, StringComparison.Ordinal);
        Assert.False(result.Has("status"), result.Stdout);
        Assert.Equal(new[] { "/api/v1/keys/SAE_B/status" }, _server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public void PemCertificate_WithPemKey_WorksForStatusEncKeysAndDecKeys_AsPfxDoes()
    {
        string[] pem = { "--cert", _certPem, "--key", _keyPem, "--ca", _ca };
        CliResult status = CliRunner.Ok(new[] { "kme", "status", "--kme", _kme, "--slave-sae", "SAE_B" }.Concat(pem).ToArray());
        CliResult enc = CliRunner.Ok(new[] { "kme", "enc-keys", "--kme", _kme, "--slave-sae", "SAE_B", "--number", "1", "--size", "256" }.Concat(pem).ToArray());
        string id = enc.Json.GetProperty("keys")[0].GetProperty("key_ID").GetString()!;
        CliResult dec = CliRunner.Ok(new[] { "kme", "dec-keys", "--kme", _kme, "--master-sae", "SAE_A", "--key-id", id }.Concat(pem).ToArray());

        Assert.Equal("SAE_A", status.String("master_SAE_ID"));
        Assert.Equal(enc.Json.GetProperty("keys")[0].GetProperty("key").GetString(), dec.Json.GetProperty("keys")[0].GetProperty("key").GetString());

        // The KME saw the PEM identity's certificate (CN = SAE ID) on every request; the PFX still works beside it.
        Assert.All(_server.Requests, r => Assert.Equal("SAE_A", r.ClientCn));
        Assert.Equal("SAE_A", CliRunner.Ok("kme", "status", "--kme", _kme, "--slave-sae", "SAE_B", "--cert", _cert, "--ca", _ca).String("master_SAE_ID"));
    }

    [Fact]
    public void PemCertificate_WithoutKey_KeyWithPfx_OrAMismatchedKey_AreExit2_WithAClearMessage()
    {
        string otherKey = Path.Combine(_directory, "other.key");
        using (System.Security.Cryptography.ECDsa other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
        {
            File.WriteAllText(otherKey, other.ExportPkcs8PrivateKeyPem());
        }

        string[] status = { "kme", "status", "--kme", _kme, "--slave-sae", "SAE_B", "--ca", _ca };
        CliResult noKey = CliRunner.BadInput(status.Concat(new[] { "--cert", _certPem }).ToArray());
        CliResult keyWithPfx = CliRunner.BadInput(status.Concat(new[] { "--cert", _cert, "--key", _keyPem }).ToArray());
        CliResult keyAlone = CliRunner.BadInput(status.Concat(new[] { "--key", _keyPem }).ToArray());
        CliResult mismatched = CliRunner.BadInput(status.Concat(new[] { "--cert", _certPem, "--key", otherKey }).ToArray());
        CliResult notAKey = CliRunner.BadInput(status.Concat(new[] { "--cert", _certPem, "--key", _ca }).ToArray());

        Assert.Contains("is a PEM certificate: give its PEM private key with --key", noKey.Error, StringComparison.Ordinal);
        Assert.Contains("--key is only for a PEM --cert", keyWithPfx.Error, StringComparison.Ordinal);
        Assert.Contains("--key needs --cert", keyAlone.Error, StringComparison.Ordinal);
        Assert.Contains("matching unencrypted PEM private key", mismatched.Error, StringComparison.Ordinal);
        Assert.Contains("matching unencrypted PEM private key", notAKey.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);

        // The private key's bytes never appear in the error.
        string keyText = File.ReadAllText(_keyPem);
        string keyBase64 = string.Concat(keyText.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        foreach (CliResult r in new[] { noKey, keyWithPfx, keyAlone, mismatched, notAKey })
        {
            Assert.DoesNotContain(keyBase64[40..60], r.Stdout + r.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BadOptions_AreExit2_WithoutARequest()
    {
        string[] common = { "--cert", _cert, "--ca", _ca };
        string[][] cases =
        {
            new[] { "kme", "status", "--slave-sae", "SAE_B" },
            new[] { "kme", "status", "--kme", _kme },
            new[] { "kme", "status", "--kme", "http://127.0.0.1:1", "--slave-sae", "SAE_B" },
            new[] { "kme", "status", "--kme", "not a url", "--slave-sae", "SAE_B" },
            new[] { "kme", "status", "--kme", _kme, "--slave-sae", "SAE/B" },
            new[] { "kme", "status", "--kme", _kme, "--slave-sae", "SAE_B", "--number", "1" },
            new[] { "kme", "enc-keys", "--kme", _kme, "--slave-sae", "SAE_B", "--number", "two", "--size", "256" },
            new[] { "kme", "enc-keys", "--kme", _kme, "--slave-sae", "SAE_B", "--number", "0", "--size", "256" },
            new[] { "kme", "enc-keys", "--kme", _kme, "--slave-sae", "SAE_B", "--number", "1", "--size", "100" },
            new[] { "kme", "enc-keys", "--kme", _kme, "--slave-sae", "SAE_B", "--number", "1" },
            new[] { "kme", "dec-keys", "--kme", _kme, "--master-sae", "SAE_A" },
            new[] { "kme", "dec-keys", "--kme", _kme, "--master-sae", "SAE_A", "--key-id", "not-a-uuid" },
            new[] { "kme", "dec-keys", "--kme", _kme, "--master-sae", "SAE_A", "--key-id" },
            new[] { "kme", "dec-keys", "--kme", _kme, "--master-sae", "SAE_A", "--key-id", "bc490419-7d60-487f-adc1-4ddcc177c139", "--key-id", "BC490419-7D60-487F-ADC1-4DDCC177C139" },
            new[] { "kme", "dec-keys", "--kme", _kme, "--key-id", "bc490419-7d60-487f-adc1-4ddcc177c139" },
        };

        foreach (string[] args in cases)
        {
            CliRunner.BadInput(args.Concat(common).ToArray());
        }

        CliRunner.BadInput("kme", "status", "--kme", _kme, "--slave-sae", "SAE_B", "--cert", Path.Combine(_directory, "missing.pfx"), "--ca", _ca);
        CliRunner.BadInput("kme", "status", "--kme", _kme, "--slave-sae", "SAE_B", "--cert", _ca, "--ca", _ca);
        CliRunner.BadInput("kme", "status", "--kme", _kme, "--slave-sae", "SAE_B", "--cert", _cert, "--ca", _cert);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Help_ListsTheKmeClientCommands()
    {
        CliResult help = CliRunner.Text("--help");

        Assert.Contains("kme status", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("kme enc-keys", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("kme dec-keys --kme URL --master-sae ID --key-id UUID", help.Stdout, StringComparison.Ordinal);
    }
}
