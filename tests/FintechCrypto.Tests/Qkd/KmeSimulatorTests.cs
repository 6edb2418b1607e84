using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using FintechCrypto.Qkd.Simulator;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// The HTTPS KME simulator on loopback with certificates made in the test, through plain HttpClient: every ETSI GS
/// QKD 014 operation in each of its forms, mutual TLS, one-time delivery, access control, the spec's errors,
/// exhaustion, replication lag and the injected faults.
/// </summary>
public sealed class KmeSimulatorTests : IClassFixture<KmeSimulatorTests.Pki>
{
    private readonly Pki _pki;

    public KmeSimulatorTests(Pki pki)
    {
        _pki = pki;
    }

    /// <summary>One lab PKI for the class (key generation is the slow part).</summary>
    public sealed class Pki : IDisposable
    {
        public Pki()
        {
            Lab = KmePki.Create("127.0.0.1", ["SAE_A", "SAE_B", "SAE_C", "SAE_D"]);
            Other = KmePki.Create("127.0.0.1", ["SAE_A"]);
        }

        public KmePki Lab { get; }

        /// <summary>Another CA, whose SAE_A certificate the simulator must refuse.</summary>
        public KmePki Other { get; }

        public void Dispose()
        {
            Lab.Dispose();
            Other.Dispose();
        }
    }

    private async Task<KmeSimulator> StartAsync(QkdLinkOptions? link = null, TextWriter? log = null, bool twoKmes = true)
    {
        var options = new KmeSimulatorOptions
        {
            ServerCertificate = _pki.Lab.ServerCertificate,
            ClientCertificateAuthority = _pki.Lab.Ca,
            Link = link ?? new QkdLinkOptions(),
            Log = log,
        };
        options.Endpoints.Add(new KmeEndpoint("127.0.0.1", 0, "KME_A"));
        if (twoKmes)
        {
            options.Endpoints.Add(new KmeEndpoint("127.0.0.1", 0, "KME_B"));
        }

        var kme = new KmeSimulator(options);
        await kme.StartAsync();
        return kme;
    }

    private HttpClient Sae(string id) => KmeHttp.Client(_pki.Lab.ClientCertificates[id], _pki.Lab.Ca);

    [Fact]
    public async Task Status_HasExactly014Fields()
    {
        await using KmeSimulator kme = await StartAsync(new QkdLinkOptions { MaxKeyCount = 20, KeySize = 256, MaxKeyPerRequest = 8, MaxSaeIdCount = 2 });
        Assert.Equal(2, kme.Urls.Count);
        Assert.All(kme.Urls, u => Assert.Equal("https", u.Scheme));
        Assert.NotEqual(kme.Urls[0].Port, kme.Urls[1].Port);
        using HttpClient a = Sae("SAE_A");
        var (status, type, json, _) = await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/status");
        Assert.Equal((200, "application/json"), (status, type));
        Assert.Equal(
            new[] { "source_KME_ID", "target_KME_ID", "master_SAE_ID", "slave_SAE_ID", "key_size", "stored_key_count", "max_key_count", "max_key_per_request", "max_key_size", "min_key_size", "max_SAE_ID_count" },
            json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(("KME_A", "KME_B", "SAE_A", "SAE_B"), (json.GetProperty("source_KME_ID").GetString(), json.GetProperty("target_KME_ID").GetString(), json.GetProperty("master_SAE_ID").GetString(), json.GetProperty("slave_SAE_ID").GetString()));
        Assert.Equal((256, 20, 20, 8, 2), (json.GetProperty("key_size").GetInt32(), json.GetProperty("stored_key_count").GetInt32(), json.GetProperty("max_key_count").GetInt32(), json.GetProperty("max_key_per_request").GetInt32(), json.GetProperty("max_SAE_ID_count").GetInt32()));

        // At the other end the roles of the KMEs swap.
        var (_, _, other, _) = await KmeHttp.GetAsync(a, kme.Urls[1], "/api/v1/keys/SAE_B/status");
        Assert.Equal(("KME_B", "KME_A"), (other.GetProperty("source_KME_ID").GetString(), other.GetProperty("target_KME_ID").GetString()));
    }

    [Fact]
    public async Task EncKeysGetAndPost_DecKeysGetAndPost_BothEndsGiveTheSameBytes()
    {
        await using KmeSimulator kme = await StartAsync();
        using HttpClient a = Sae("SAE_A");
        using HttpClient b = Sae("SAE_B");

        var get = await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys?number=2&size=128");
        Assert.Equal(200, get.Status);
        var fromGet = KmeHttp.Keys(get.Json);
        Assert.Equal(2, fromGet.Length);
        Assert.All(fromGet, k => Assert.Equal(16, k.Key.Length));

        var post = await KmeHttp.PostAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys", """{"number":3,"size":256,"extension_optional":[{"abc_max_age":30000}]}""");
        Assert.Equal(200, post.Status);
        var fromPost = KmeHttp.Keys(post.Json);
        Assert.Equal(3, fromPost.Length);
        Assert.All(fromPost, k => Assert.Equal(32, k.Key.Length));

        // dec_keys GET (one key_ID, upper-case hex accepted) at the other KME, naming the master in the path.
        var one = await KmeHttp.GetAsync(b, kme.Urls[1], $"/api/v1/keys/SAE_A/dec_keys?key_ID={fromGet[0].Id.ToString("D").ToUpperInvariant()}");
        Assert.Equal(200, one.Status);
        var gotOne = KmeHttp.Keys(one.Json);
        Assert.Equal(fromGet[0].Id, gotOne[0].Id);
        Assert.Equal(fromGet[0].Key, gotOne[0].Key);

        // dec_keys POST with several IDs, at the issuing KME this time.
        string body = JsonSerializer.Serialize(new { key_IDs = fromPost.Select(k => new { key_ID = k.Id.ToString("D") }).Append(new { key_ID = fromGet[1].Id.ToString("D") }) });
        var many = await KmeHttp.PostAsync(b, kme.Urls[0], "/api/v1/keys/SAE_A/dec_keys", body);
        Assert.Equal(200, many.Status);
        var gotMany = KmeHttp.Keys(many.Json);
        Assert.Equal(fromPost.Append(fromGet[1]).Select(k => (k.Id, Convert.ToHexString(k.Key))), gotMany.Select(k => (k.Id, Convert.ToHexString(k.Key))));
        Assert.Equal(0, kme.Link.PendingKeyCount);

        // Default number and size (014 §6.2: every field optional).
        var defaults = await KmeHttp.PostAsync(a, kme.Urls[1], "/api/v1/keys/SAE_B/enc_keys", "{}");
        Assert.Single(KmeHttp.Keys(defaults.Json));
        Assert.Equal(32, KmeHttp.Keys(defaults.Json)[0].Key.Length);
    }

    [Fact]
    public async Task Multicast_EveryNamedSlaveFetchesOnce()
    {
        await using KmeSimulator kme = await StartAsync();
        using HttpClient a = Sae("SAE_A");
        var sent = await KmeHttp.PostAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys", """{"number":1,"size":256,"additional_slave_SAE_IDs":["SAE_C","SAE_D"]}""");
        Assert.Equal(200, sent.Status);
        var key = KmeHttp.Keys(sent.Json)[0];
        foreach (string sae in new[] { "SAE_B", "SAE_C", "SAE_D" })
        {
            using HttpClient slave = Sae(sae);
            var got = await KmeHttp.GetAsync(slave, kme.Urls[1], $"/api/v1/keys/SAE_A/dec_keys?key_ID={key.Id}");
            Assert.Equal(200, got.Status);
            Assert.Equal(key.Key, KmeHttp.Keys(got.Json)[0].Key);
            var again = await KmeHttp.GetAsync(slave, kme.Urls[0], $"/api/v1/keys/SAE_A/dec_keys?key_ID={key.Id}");
            Assert.Equal((400, "one or more keys specified are not found on KME"), (again.Status, KmeHttp.Message(again.Json)));
        }

        var tooMany = await KmeHttp.PostAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys", """{"additional_slave_SAE_IDs":["SAE_C","SAE_D","SAE_E"]}""");
        Assert.Equal(400, tooMany.Status);
        Assert.Contains("max_SAE_ID_count", KmeHttp.Message(tooMany.Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingOrForeignClientCertificate_IsRefusedAtTheHandshake()
    {
        await using KmeSimulator kme = await StartAsync();
        using (HttpClient none = KmeHttp.Client(null, _pki.Lab.Ca))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => KmeHttp.GetAsync(none, kme.Urls[0], "/api/v1/keys/SAE_B/status"));
        }

        using (HttpClient foreign = KmeHttp.Client(_pki.Other.ClientCertificates["SAE_A"], _pki.Lab.Ca))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => KmeHttp.GetAsync(foreign, kme.Urls[1], "/api/v1/keys/SAE_B/status"));
        }

        // A server certificate is checked by the client too: a KME under another CA is refused by ours.
        using (HttpClient distrustful = KmeHttp.Client(_pki.Lab.ClientCertificates["SAE_A"], _pki.Other.Ca))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => KmeHttp.GetAsync(distrustful, kme.Urls[0], "/api/v1/keys/SAE_B/status"));
        }

        // The KME still serves good clients, and nothing was consumed.
        using HttpClient a = Sae("SAE_A");
        var ok = await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/status");
        Assert.Equal(200, ok.Status);
        Assert.Equal(1000, ok.Json.GetProperty("stored_key_count").GetInt32());
    }

    [Fact]
    public async Task AnotherPairsKey_Is401_AndSecondFetchAndUnknownIds_Are400()
    {
        await using KmeSimulator kme = await StartAsync();
        using HttpClient a = Sae("SAE_A");
        using HttpClient b = Sae("SAE_B");
        using HttpClient c = Sae("SAE_C");
        var key = KmeHttp.Keys((await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys")).Json)[0];

        var stolen = await KmeHttp.GetAsync(c, kme.Urls[1], $"/api/v1/keys/SAE_A/dec_keys?key_ID={key.Id}");
        Assert.Equal(401, stolen.Status);

        var unknown = await KmeHttp.PostAsync(b, kme.Urls[1], "/api/v1/keys/SAE_A/dec_keys", $$"""{"key_IDs":[{"key_ID":"{{key.Id}}"},{"key_ID":"{{Guid.NewGuid()}}"}]}""");
        Assert.Equal((400, "application/json", "one or more keys specified are not found on KME"), (unknown.Status, unknown.ContentType, KmeHttp.Message(unknown.Json)));

        var first = await KmeHttp.GetAsync(b, kme.Urls[1], $"/api/v1/keys/SAE_A/dec_keys?key_ID={key.Id}");
        Assert.Equal(200, first.Status);
        Assert.Equal(key.Key, KmeHttp.Keys(first.Json)[0].Key);
        var second = await KmeHttp.GetAsync(b, kme.Urls[0], $"/api/v1/keys/SAE_A/dec_keys?key_ID={key.Id}");
        Assert.Equal((400, "one or more keys specified are not found on KME"), (second.Status, KmeHttp.Message(second.Json)));

        var notUuid = await KmeHttp.GetAsync(b, kme.Urls[0], "/api/v1/keys/SAE_A/dec_keys?key_ID=not-a-uuid");
        Assert.Equal(400, notUuid.Status);
    }

    [Theory]
    [InlineData("GET", "?number=1&size=100", "size shall be a multiple of 8")]
    [InlineData("POST", """{"number":1,"size":100}""", "size shall be a multiple of 8")]
    [InlineData("POST", """{"size":8}""", "size shall be between min_key_size (64) and max_key_size (4096)")]
    [InlineData("GET", "?size=8192", "size shall be between min_key_size (64) and max_key_size (4096)")]
    [InlineData("GET", "?number=129", "number shall not exceed max_key_per_request (128)")]
    [InlineData("POST", """{"number":1000}""", "number shall not exceed max_key_per_request (128)")]
    [InlineData("GET", "?number=two", "number shall be one integer")]
    [InlineData("POST", """{"number":1,""", "malformed JSON: the request body is not valid JSON")]
    [InlineData("POST", """[1,2]""", "malformed JSON: the Key request shall be a JSON object")]
    [InlineData("POST", """{"number":"1"}""", "malformed JSON: number shall be an integer")]
    [InlineData("POST", """{"additional_slave_SAE_IDs":"SAE_C"}""", "malformed JSON: additional_slave_SAE_IDs shall be an array of strings")]
    public async Task BadKeyRequests_Are400WithAnErrorObject(string method, string argument, string message)
    {
        await using KmeSimulator kme = await StartAsync(twoKmes: false);
        using HttpClient a = Sae("SAE_A");
        var answer = method == "GET"
            ? await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys" + argument)
            : await KmeHttp.PostAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys", argument);
        Assert.Equal((400, "application/json", message), (answer.Status, answer.ContentType, KmeHttp.Message(answer.Json)));
        Assert.Equal(0, kme.Link.PendingKeyCount);
    }

    [Fact]
    public async Task MandatoryExtension_Is400WithDetails_OptionalIsIgnored()
    {
        await using KmeSimulator kme = await StartAsync();
        using HttpClient a = Sae("SAE_A");
        var answer = await KmeHttp.PostAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys", """{"number":1,"extension_mandatory":[{"abc_route_type":"direct"},{"abc_transfer_method":"qkd"}]}""");
        Assert.Equal(400, answer.Status);
        Assert.Equal("not all extension_mandatory parameters are supported", KmeHttp.Message(answer.Json));
        Assert.Equal(
            new[] { "abc_route_type", "abc_transfer_method" },
            answer.Json.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("extension_mandatory_unsupported").GetString()).ToArray());
    }

    [Fact]
    public async Task Exhaustion_Is503WithAnErrorObject_AndTheKeyRateRefills()
    {
        var clock = new ManualTimeProvider();
        await using KmeSimulator kme = await StartAsync(new QkdLinkOptions { KeyRateBitsPerSecond = 1024, MaxKeyCount = 8, KeySize = 256, StartFull = false, TimeProvider = clock });
        using HttpClient a = Sae("SAE_A");
        var dry = await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys?number=1");
        Assert.Equal((503, "application/json"), (dry.Status, dry.ContentType));
        Assert.Contains("not enough key material", KmeHttp.Message(dry.Json), StringComparison.Ordinal);
        Assert.Equal(0, (await KmeHttp.GetAsync(a, kme.Urls[1], "/api/v1/keys/SAE_B/status")).Json.GetProperty("stored_key_count").GetInt32());

        clock.Advance(TimeSpan.FromSeconds(1)); // 1024 bits: four 256-bit keys
        var status = await KmeHttp.GetAsync(a, kme.Urls[1], "/api/v1/keys/SAE_B/status");
        Assert.Equal(4, status.Json.GetProperty("stored_key_count").GetInt32());
        clock.Advance(TimeSpan.FromDays(1));
        status = await KmeHttp.GetAsync(a, kme.Urls[1], "/api/v1/keys/SAE_B/status");
        Assert.Equal(8, status.Json.GetProperty("stored_key_count").GetInt32()); // never above max_key_count
        Assert.Equal(8, status.Json.GetProperty("max_key_count").GetInt32());

        // Both KMEs draw on the one stream of the link.
        Assert.Equal(200, (await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys?number=5")).Status);
        Assert.Equal(503, (await KmeHttp.GetAsync(a, kme.Urls[1], "/api/v1/keys/SAE_B/enc_keys?number=4")).Status);
        Assert.Equal(200, (await KmeHttp.GetAsync(a, kme.Urls[1], "/api/v1/keys/SAE_B/enc_keys?number=3")).Status);
        Assert.Equal(0, (await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/status")).Json.GetProperty("stored_key_count").GetInt32());
    }

    [Fact]
    public async Task ReplicationLag_TheOtherKmeSaysNotFoundUntilTheKeyArrives()
    {
        var clock = new ManualTimeProvider();
        await using KmeSimulator kme = await StartAsync(new QkdLinkOptions { TimeProvider = clock });
        kme.Link.Faults.ReplicationLag = TimeSpan.FromSeconds(2);
        using HttpClient a = Sae("SAE_A");
        using HttpClient b = Sae("SAE_B");
        var key = KmeHttp.Keys((await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys")).Json)[0];
        var early = await KmeHttp.GetAsync(b, kme.Urls[1], $"/api/v1/keys/SAE_A/dec_keys?key_ID={key.Id}");
        Assert.Equal((400, "one or more keys specified are not found on KME"), (early.Status, KmeHttp.Message(early.Json)));
        clock.Advance(TimeSpan.FromSeconds(2));
        var late = await KmeHttp.GetAsync(b, kme.Urls[1], $"/api/v1/keys/SAE_A/dec_keys?key_ID={key.Id}");
        Assert.Equal(200, late.Status);
        Assert.Equal(key.Key, KmeHttp.Keys(late.Json)[0].Key);
    }

    [Fact]
    public async Task Faults_503_Html401_Delay_Stop()
    {
        await using KmeSimulator kme = await StartAsync();
        using HttpClient a = Sae("SAE_A");
        kme.Link.Faults.FailNextRequests(2);
        for (int i = 0; i < 2; i++)
        {
            var failed = await KmeHttp.GetAsync(a, kme.Urls[i], "/api/v1/keys/SAE_B/status");
            Assert.Equal((503, "service unavailable (simulated fault)"), (failed.Status, KmeHttp.Message(failed.Json)));
        }

        Assert.Equal(200, (await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/status")).Status);

        kme.Link.Faults.Html401NextRequests(1);
        var html = await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys");
        Assert.Equal((401, "text/html"), (html.Status, html.ContentType));
        Assert.StartsWith("<!DOCTYPE html>", html.Text, StringComparison.Ordinal);

        kme.Link.Faults.Html401When = r => r.KmeIndex == 1 && r.Operation == "status";
        Assert.Equal(401, (await KmeHttp.GetAsync(a, kme.Urls[1], "/api/v1/keys/SAE_B/status")).Status);
        Assert.Equal(200, (await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/status")).Status);
        kme.Link.Faults.Html401When = null;

        kme.Link.Faults.ResponseDelay = TimeSpan.FromMilliseconds(50);
        Assert.Equal(200, (await KmeHttp.GetAsync(a, kme.Urls[1], "/api/v1/keys/SAE_B/status")).Status);
        kme.Link.Faults.ResponseDelay = TimeSpan.Zero;

        kme.Link.Faults.StopServing();
        await Assert.ThrowsAsync<HttpRequestException>(() => KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys"));
        kme.Link.Faults.ResumeServing();
        Assert.Equal(200, (await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/status")).Status);
        Assert.Equal(1000, kme.Link.StoredKeyCount); // no fault consumed keys
    }

    [Fact]
    public async Task WrongMethodsAndPaths_Are405And404()
    {
        await using KmeSimulator kme = await StartAsync(twoKmes: false);
        using HttpClient a = Sae("SAE_A");
        var post = await KmeHttp.PostAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/status", "{}");
        Assert.Equal(405, post.Status);
        Assert.Equal(404, (await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/keys")).Status);
        Assert.Equal(404, (await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v2/keys/SAE_B/status")).Status);
        Assert.Equal(404, (await KmeHttp.GetAsync(a, kme.Urls[0], "/")).Status);
    }

    [Fact]
    public async Task Log_HasOneLinePerRequest_WithoutKeyMaterial()
    {
        var log = new StringWriter();
        await using KmeSimulator kme = await StartAsync(log: log);
        using HttpClient a = Sae("SAE_A");
        using HttpClient b = Sae("SAE_B");
        var keys = KmeHttp.Keys((await KmeHttp.GetAsync(a, kme.Urls[0], "/api/v1/keys/SAE_B/enc_keys?number=2")).Json);
        var got = await KmeHttp.GetAsync(b, kme.Urls[1], $"/api/v1/keys/SAE_A/dec_keys?key_ID={keys[0].Id}");
        Assert.Equal(200, got.Status);
        Assert.Equal(400, (await KmeHttp.GetAsync(b, kme.Urls[1], $"/api/v1/keys/SAE_A/dec_keys?key_ID={keys[0].Id}")).Status);
        await kme.StopAsync();

        string[] lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("kme=KME_A GET /api/v1/keys/SAE_B/enc_keys 200 sae=SAE_A", lines[0], StringComparison.Ordinal);
        Assert.Contains("kme=KME_B GET /api/v1/keys/SAE_A/dec_keys 200 sae=SAE_B", lines[1], StringComparison.Ordinal);
        Assert.Contains("kme=KME_B GET /api/v1/keys/SAE_A/dec_keys 400 sae=SAE_B", lines[2], StringComparison.Ordinal);
        foreach ((Guid _, byte[] key) in keys)
        {
            Assert.DoesNotContain(Convert.ToBase64String(key), log.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(key), log.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ConcurrentRequests_AtBothKmes_DeliverEveryKeyOnce()
    {
        await using KmeSimulator kme = await StartAsync(new QkdLinkOptions { MaxKeyCount = 100_000 });
        using HttpClient a = Sae("SAE_A");
        using HttpClient b = Sae("SAE_B");
        var tasks = Enumerable.Range(0, 16).Select(async i =>
        {
            var sent = KmeHttp.Keys((await KmeHttp.GetAsync(a, kme.Urls[i % 2], "/api/v1/keys/SAE_B/enc_keys?number=4")).Json);
            string body = JsonSerializer.Serialize(new { key_IDs = sent.Select(k => new { key_ID = k.Id.ToString("D") }) });
            var got = KmeHttp.Keys((await KmeHttp.PostAsync(b, kme.Urls[1 - (i % 2)], "/api/v1/keys/SAE_A/dec_keys", body)).Json);
            Assert.Equal(sent.Select(k => Convert.ToHexString(k.Key)), got.Select(k => Convert.ToHexString(k.Key)));
            return got.Select(k => k.Id);
        }).ToArray();
        IEnumerable<Guid>[] all = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(64, all.SelectMany(x => x).Distinct().Count());
        Assert.Equal(0, kme.Link.PendingKeyCount);
    }

    [Fact]
    public async Task Options_AreChecked()
    {
        var options = new KmeSimulatorOptions { ServerCertificate = _pki.Lab.ServerCertificate, ClientCertificateAuthority = _pki.Lab.Ca };
        Assert.Throws<ArgumentException>(() => new KmeSimulator(options)); // no endpoint
        options.Endpoints.Add(new KmeEndpoint("not a host", 0, "KME_A"));
        Assert.Throws<ArgumentException>(() => new KmeSimulator(options));
        Assert.Throws<ArgumentException>(() => KmeEndpoint.Parse("127.0.0.1", "KME_A"));
        Assert.Throws<ArgumentException>(() => KmeEndpoint.Parse("127.0.0.1:70000", "KME_A"));
        Assert.Equal(new KmeEndpoint("::1", 443, "K"), KmeEndpoint.Parse("[::1]:443", "K"));

        await using KmeSimulator kme = await StartAsync(twoKmes: false);
        await Assert.ThrowsAsync<InvalidOperationException>(() => kme.StartAsync());
    }
}
