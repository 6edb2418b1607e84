using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi014;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Etsi014KeySource: the exact requests of every ETSI GS QKD 014 operation in each of its forms (§5.2 Get status,
/// §5.3 Get key, §5.4 Get key with key IDs) and what the client makes of the answers.
/// </summary>
public sealed class Etsi014ClientTests
{
    private static readonly Guid Id1 = Guid.Parse("bc490419-7d60-487f-adc1-4ddcc177c139");
    private static readonly Guid Id2 = Guid.Parse("0a782fb5-3434-48fe-aa4d-14f41d46cf92");

    [Fact]
    public async Task GetStatus_IsAGetOfSlaveStatus_AndReadsEveryField()
    {
        var handler = Etsi014TestClients.StandardKme(slave => Kme014Json.Status(slave: slave, keySize: 352, stored: 7, maxCount: 9, maxPerRequest: 5, maxSize: 4096, minSize: 128, maxSaeIds: 2, extension: "{\"abc_link\":\"up\"}"));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        QkdKeySourceStatus status = await source.GetStatusAsync("SAE_B");

        RecordedRequest request = Assert.Single(handler.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("https://kme.test:8443/api/v1/keys/SAE_B/status", request.Uri.AbsoluteUri);
        Assert.Null(request.Body);
        Assert.Equal("application/json", request.Accept);
        Assert.Equal(("KME_A", "KME_B", "SAE_A", "SAE_B"), (status.SourceKmeId, status.TargetKmeId, status.MasterSaeId, status.SlaveSaeId));
        Assert.Equal((352, 7, 9, 5, 4096, 128, 2), (status.KeySize, status.StoredKeyCount, status.MaxKeyCount, status.MaxKeyPerRequest, status.MaxKeySize, status.MinKeySize, status.MaxSaeIdCount));
        Assert.Equal("up", status.StatusExtension!.Value.GetProperty("abc_link").GetString());
    }

    [Fact]
    public async Task GetKeys_Post_SendsTheKeyRequest_AfterOneStatus_AndDecodesTheKeys()
    {
        var handler = Etsi014TestClients.StandardKme();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        using QkdKeyContainer keys = await source.GetKeysAsync("SAE_B", QkdKeyRequest.For(2, 256));
        using QkdKeyContainer more = await source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 128));

        // The Status is fetched once (on the first Get key for the slave) and cached.
        Assert.Equal(new[] { "GET /api/v1/keys/SAE_B/status", "POST /api/v1/keys/SAE_B/enc_keys", "POST /api/v1/keys/SAE_B/enc_keys" },
            handler.Requests.Select(r => r.Method + " " + r.PathAndQuery));
        Assert.Equal("{\"number\":2,\"size\":256}", handler.Requests[1].Body);
        Assert.Equal("{\"number\":1,\"size\":128}", handler.Requests[2].Body);
        Assert.Equal(2, keys.Keys.Count);
        foreach (QkdKey key in keys.Keys)
        {
            Assert.Equal(256, key.SizeInBits);
            Assert.Equal(CannedKmeServer.KeyFor(key.KeyId, 32), key.Key.ToArray());
        }

        Assert.NotEqual(keys.Keys[0].KeyId, keys.Keys[1].KeyId);
        Assert.Equal(16, Assert.Single(more.Keys).Length);
    }

    [Fact]
    public async Task GetKeys_WithoutSize_SendsOnlyNumber_AndExpectsTheStatusKeySize()
    {
        var handler = Etsi014TestClients.StandardKme();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        using QkdKeyContainer keys = await source.GetKeysAsync("SAE_B", new QkdKeyRequest { Number = 3 });

        Assert.Equal("{\"number\":3}", handler.KeyRequests.Single().Body);
        Assert.All(keys.Keys, k => Assert.Equal(256, k.SizeInBits));
    }

    [Fact]
    public async Task GetKeys_Post_Multicast_AndExtensions_PassThroughVerbatim_AndExtensionsComeBack()
    {
        Guid id = Guid.NewGuid();
        byte[] keyBytes = CannedKmeServer.KeyFor(id, 32);
        string answer = "{\"keys\":[{\"key_ID\":\"" + id + "\",\"key_ID_extension\":{\"abc_id\":[1,2]},\"key\":\"" + Convert.ToBase64String(keyBytes) +
            "\",\"key_extension\":{\"abc_origin\":\"qkd-link-7\"}}],\"key_container_extension\":{\"abc_note\":null}}";
        var handler = Etsi014TestClients.StatusThen(_ => StubKmeHandler.Json(200, answer), slave => Kme014Json.Status(slave: slave, maxSaeIds: 2));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);
        using JsonDocument route = JsonDocument.Parse("\"direct\"");
        using JsonDocument age = JsonDocument.Parse("30000");
        using JsonDocument nested = JsonDocument.Parse("{\"a\":[true,1.5e3,\"x\\u00e9\"]}");
        var request = new QkdKeyRequest
        {
            Number = 1,
            SizeInBits = 256,
            AdditionalSlaveSaeIds = new[] { "SAE_C", "SAE_D" },
            ExtensionMandatory = new[] { new KeyValuePair<string, JsonElement>("abc_route_type", route.RootElement) },
            ExtensionOptional = new[]
            {
                new KeyValuePair<string, JsonElement>("abc_max_age", age.RootElement),
                new KeyValuePair<string, JsonElement>("abc_nested", nested.RootElement),
            },
        };

        using QkdKeyContainer keys = await source.GetKeysAsync("SAE_B", request);

        RecordedRequest sent = handler.KeyRequests.Single();
        Assert.Equal(("POST", "/api/v1/keys/SAE_B/enc_keys"), (sent.Method, sent.PathAndQuery));
        Assert.Equal(
            "{\"number\":1,\"size\":256,\"additional_slave_SAE_IDs\":[\"SAE_C\",\"SAE_D\"]," +
            "\"extension_mandatory\":[{\"abc_route_type\":\"direct\"}]," +
            "\"extension_optional\":[{\"abc_max_age\":30000},{\"abc_nested\":{\"a\":[true,1.5e3,\"x\\u00e9\"]}}]}",
            sent.Body);
        QkdKey key = Assert.Single(keys.Keys);
        Assert.Equal(id, key.KeyId);
        Assert.Equal(keyBytes, key.Key.ToArray());
        Assert.Equal("[1,2]", key.KeyIdExtension!.Value.GetProperty("abc_id").GetRawText());
        Assert.Equal("qkd-link-7", key.KeyExtension!.Value.GetProperty("abc_origin").GetString());
        Assert.Equal(JsonValueKind.Null, keys.KeyContainerExtension!.Value.GetProperty("abc_note").ValueKind);
    }

    [Fact]
    public async Task GetKeys_GetForm_UsesTheQuery_WhenTheRequestHasOnlyNumberAndSize()
    {
        var handler = Etsi014TestClients.StandardKme();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, usePostForms: false);

        using QkdKeyContainer sized = await source.GetKeysAsync("SAE_B", QkdKeyRequest.For(2, 512));
        using QkdKeyContainer unsized = await source.GetKeysAsync("SAE_B", new QkdKeyRequest { Number = 1 });

        Assert.Equal(new[] { "GET /api/v1/keys/SAE_B/enc_keys?number=2&size=512", "GET /api/v1/keys/SAE_B/enc_keys?number=1" },
            handler.KeyRequests.Select(r => r.Method + " " + r.PathAndQuery));
        Assert.All(handler.KeyRequests, r => Assert.Null(r.Body));
        Assert.All(sized.Keys, k => Assert.Equal(512, k.SizeInBits));
        Assert.Equal(256, Assert.Single(unsized.Keys).SizeInBits);
    }

    [Fact]
    public async Task GetKeys_GetFormSetting_StillPosts_WhenTheRequestNeedsABody()
    {
        var handler = Etsi014TestClients.StatusThen(r => Etsi014TestClients.Standard(r), slave => Kme014Json.Status(slave: slave, maxSaeIds: 1));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, usePostForms: false);

        using QkdKeyContainer keys = await source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256) with { AdditionalSlaveSaeIds = new[] { "SAE_C" } });

        RecordedRequest sent = handler.KeyRequests.Single();
        Assert.Equal(("POST", "/api/v1/keys/SAE_B/enc_keys"), (sent.Method, sent.PathAndQuery));
        Assert.Equal("{\"number\":1,\"size\":256,\"additional_slave_SAE_IDs\":[\"SAE_C\"]}", sent.Body);
    }

    [Fact]
    public async Task GetKeysWithIds_Post_NamesTheMaster_SendsKeyIds_AndReturnsKeysInRequestOrder()
    {
        // The KME answers in another order and in upper case (RFC 4122: UUIDs compare case-insensitively).
        string answer = "{\"keys\":[" +
            "{\"key_ID\":\"" + Id2.ToString().ToUpperInvariant() + "\",\"key\":\"" + Convert.ToBase64String(CannedKmeServer.KeyFor(Id2, 32)) + "\"}," +
            "{\"key_ID\":\"" + Id1 + "\",\"key\":\"" + Convert.ToBase64String(CannedKmeServer.KeyFor(Id1, 32)) + "\"}]}";
        var handler = new StubKmeHandler(_ => StubKmeHandler.Json(200, answer));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        using QkdKeyContainer keys = await source.GetKeysWithIdsAsync("SAE_A", new[] { Id1, Id2 });

        RecordedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal(("POST", "/api/v1/keys/SAE_A/dec_keys"), (sent.Method, sent.PathAndQuery));
        Assert.Equal("{\"key_IDs\":[{\"key_ID\":\"bc490419-7d60-487f-adc1-4ddcc177c139\"},{\"key_ID\":\"0a782fb5-3434-48fe-aa4d-14f41d46cf92\"}]}", sent.Body);
        Assert.Equal(new[] { Id1, Id2 }, keys.Keys.Select(k => k.KeyId));
        Assert.Equal(CannedKmeServer.KeyFor(Id1, 32), keys.Keys[0].Key.ToArray());
        Assert.Equal(CannedKmeServer.KeyFor(Id2, 32), keys.Keys[1].Key.ToArray());
    }

    [Fact]
    public async Task GetKeysWithIds_GetForm_ForOneId_PostForSeveral()
    {
        var handler = Etsi014TestClients.StandardKme();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, usePostForms: false);

        using QkdKeyContainer one = await source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 });
        using QkdKeyContainer two = await source.GetKeysWithIdsAsync("SAE_A", new[] { Id1, Id2 });

        Assert.Equal(new[] { "GET /api/v1/keys/SAE_A/dec_keys?key_ID=bc490419-7d60-487f-adc1-4ddcc177c139", "POST /api/v1/keys/SAE_A/dec_keys" },
            handler.Requests.Select(r => r.Method + " " + r.PathAndQuery));
        Assert.Null(handler.Requests[0].Body);
        Assert.Equal(Id1, Assert.Single(one.Keys).KeyId);
        Assert.Equal(2, two.Keys.Count);
    }

    [Fact]
    public async Task ApiPath_AndABaseUriWithAPath_ArePluggable()
    {
        var handler = Etsi014TestClients.StandardKme();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, kmeUri: new Uri("https://kme.test/qkd"), apiPath: "/kdapi/v2/");

        await source.GetStatusAsync("SAE_B");

        Assert.Equal("https://kme.test/qkd/kdapi/v2/SAE_B/status", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task SaeIds_AreEscapedInThePath()
    {
        var handler = Etsi014TestClients.StandardKme();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        QkdKeySourceStatus status = await source.GetStatusAsync("SAE B+1%é");

        Assert.Equal("/api/v1/keys/SAE%20B%2B1%25%C3%A9/status", Assert.Single(handler.Requests).Uri.AbsolutePath);
        Assert.Equal("SAE B+1%é", status.SlaveSaeId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SAE/B")]
    [InlineData("SAE?B")]
    [InlineData("SAE#B")]
    [InlineData("SAE\nB")]
    [InlineData("SAE\u0000")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task InvalidSaeIds_AreArgumentExceptions_WithoutARequest(string saeId)
    {
        var handler = Etsi014TestClients.StandardKme();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        await Assert.ThrowsAsync<ArgumentException>(() => source.GetStatusAsync(saeId));
        await Assert.ThrowsAsync<ArgumentException>(() => source.GetKeysAsync(saeId, QkdKeyRequest.For(1, 256)));
        await Assert.ThrowsAsync<ArgumentException>(() => source.GetKeysWithIdsAsync(saeId, new[] { Id1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256) with { AdditionalSlaveSaeIds = new[] { saeId } }));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task NonUnicodeSaeIds_AreArgumentExceptions_WithoutARequest()
    {
        // A lone surrogate has no UTF-8: the path segment was sent as U+FFFD, that is, for another SAE than the one named.
        var handler = Etsi014TestClients.StandardKme();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);
        foreach (string saeId in new[] { "SAE_\ud800", "SAE_\udc00B", "\ud800" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => source.GetStatusAsync(saeId));
            await Assert.ThrowsAsync<ArgumentException>(() => source.GetKeysAsync(saeId, QkdKeyRequest.For(1, 256)));
            await Assert.ThrowsAsync<ArgumentException>(() => source.GetKeysWithIdsAsync(saeId, new[] { Id1 }));
            await Assert.ThrowsAsync<ArgumentException>(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256) with { AdditionalSlaveSaeIds = new[] { saeId } }));
        }

        Assert.Empty(handler.Requests);

        // A valid surrogate pair (U+1F511) is text like any other: asked for, and answered for that SAE.
        QkdKeySourceStatus status = await source.GetStatusAsync("SAE_\U0001F511");
        Assert.Equal("SAE_\U0001F511", status.SlaveSaeId);
    }

    [Fact]
    public async Task CallerMistakes_AreArgumentExceptions_WithoutARequest()
    {
        var handler = Etsi014TestClients.StandardKme();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        await Assert.ThrowsAsync<ArgumentNullException>(() => source.GetKeysAsync("SAE_B", null!));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.GetKeysAsync("SAE_B", new QkdKeyRequest { Number = 0 }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => source.GetKeysWithIdsAsync("SAE_A", null!));
        await Assert.ThrowsAsync<ArgumentException>(() => source.GetKeysWithIdsAsync("SAE_A", Array.Empty<Guid>()));
        await Assert.ThrowsAsync<ArgumentException>(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1, Id2, Id1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256) with
        {
            ExtensionMandatory = new[] { new KeyValuePair<string, JsonElement>("", default) },
        }));
        await Assert.ThrowsAsync<ArgumentException>(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256) with
        {
            ExtensionOptional = new[] { new KeyValuePair<string, JsonElement>("abc_x", default) },
        }));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Dispose_ThenCalls_AreObjectDisposed()
    {
        var handler = Etsi014TestClients.StandardKme();
        Etsi014KeySource source = Etsi014TestClients.Create(handler);
        source.Dispose();
        source.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => source.GetStatusAsync("SAE_B"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }));
        Assert.Empty(handler.Requests);
    }

    public static TheoryData<string, Func<Etsi014ClientOptions, Etsi014ClientOptions>> InvalidOptions => new()
    {
        { "http", o => new Etsi014ClientOptions { KmeUri = new Uri("http://kme.test/") } },
        { "query", o => new Etsi014ClientOptions { KmeUri = new Uri("https://kme.test/?a=1") } },
        { "fragment", o => new Etsi014ClientOptions { KmeUri = new Uri("https://kme.test/#x") } },
        { "relative", o => new Etsi014ClientOptions { KmeUri = new Uri("/keys", UriKind.Relative) } },
        { "empty path", o => new Etsi014ClientOptions { KmeUri = o.KmeUri, ApiPath = "/" } },
        { "dot path", o => new Etsi014ClientOptions { KmeUri = o.KmeUri, ApiPath = "api/../keys" } },
        { "query in path", o => new Etsi014ClientOptions { KmeUri = o.KmeUri, ApiPath = "api?x" } },
        { "timeout", o => new Etsi014ClientOptions { KmeUri = o.KmeUri, RequestTimeout = TimeSpan.Zero } },
        { "long timeout", o => new Etsi014ClientOptions { KmeUri = o.KmeUri, RequestTimeout = TimeSpan.FromHours(1) } },
        { "retries", o => new Etsi014ClientOptions { KmeUri = o.KmeUri, Retry = new Etsi014RetryPolicy { MaxAttempts = 0 } } },
        { "delays", o => new Etsi014ClientOptions { KmeUri = o.KmeUri, Retry = new Etsi014RetryPolicy { BaseDelay = TimeSpan.FromSeconds(3), MaxDelay = TimeSpan.FromSeconds(1) } } },
        { "negative delay", o => new Etsi014ClientOptions { KmeUri = o.KmeUri, Retry = new Etsi014RetryPolicy { BaseDelay = TimeSpan.FromSeconds(-1) } } },
        { "null retry", o => new Etsi014ClientOptions { KmeUri = o.KmeUri, Retry = null! } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptions_AreArgumentExceptions(string name, Func<Etsi014ClientOptions, Etsi014ClientOptions> make)
    {
        Etsi014ClientOptions options = make(new Etsi014ClientOptions { KmeUri = Etsi014TestClients.KmeUri });
        using var handler = new StubKmeHandler(r => Etsi014TestClients.Standard(r));
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => new Etsi014KeySource(options, handler));
        Assert.False(string.IsNullOrEmpty(e.Message), name);
        Assert.ThrowsAny<ArgumentException>(() => new Etsi014KeySource(options).Dispose());
    }

    [Fact]
    public void TlsOptions_AreInvalid_WithACallerHandler_AndPinsMustBe32Bytes()
    {
        using var handler = new StubKmeHandler(r => Etsi014TestClients.Standard(r));
        Assert.Throws<ArgumentException>(() => new Etsi014KeySource(new Etsi014ClientOptions { KmeUri = Etsi014TestClients.KmeUri, TargetHost = "kme.test" }, handler));
        Assert.Throws<ArgumentException>(() => new Etsi014KeySource(new Etsi014ClientOptions { KmeUri = Etsi014TestClients.KmeUri, ServerPublicKeyPins = new[] { new byte[32] } }, handler));
        Assert.Throws<ArgumentException>(() => new Etsi014KeySource(new Etsi014ClientOptions { KmeUri = Etsi014TestClients.KmeUri, ServerPublicKeyPins = new[] { new byte[31] } }));
        Assert.Throws<ArgumentException>(() => new Etsi014KeySource(new Etsi014ClientOptions { KmeUri = Etsi014TestClients.KmeUri, TargetHost = "not a host" }));
        Assert.Throws<ArgumentException>(() => new Etsi014KeySource(new Etsi014ClientOptions { KmeUri = Etsi014TestClients.KmeUri, TrustedRoots = new() }));
        Assert.Throws<ArgumentNullException>(() => new Etsi014KeySource(null!));
        Assert.Throws<ArgumentNullException>(() => new Etsi014KeySource(new Etsi014ClientOptions { KmeUri = Etsi014TestClients.KmeUri }, null!));
    }
}
