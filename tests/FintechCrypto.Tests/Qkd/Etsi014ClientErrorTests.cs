using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi014;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Etsi014KeySource failures: the 400/401/503 mapping of ETSI GS QKD 014 §5.2-§5.4 with the spec's messages, the
/// pre-checks against the cached Status that send no key request, retries with back-off and their bounds, time-outs and
/// cancellation, transport failures.
/// </summary>
public sealed class Etsi014ClientErrorTests
{
    private static readonly Guid Id1 = Guid.Parse("bc490419-7d60-487f-adc1-4ddcc177c139");

    public static TheoryData<int, string, KeySourceError> Mappings => new()
    {
        { 400, "one or more keys specified are not found on KME", KeySourceError.KeyNotFound },
        { 400, "size shall be a multiple of 8", KeySourceError.InvalidKeySize },
        { 400, "  Size shall be a multiple of 8.  ", KeySourceError.InvalidKeySize },
        { 400, "not all extension_mandatory parameters are supported", KeySourceError.ExtensionNotSupported },
        { 400, "not all extension_mandatory request options could be met", KeySourceError.ExtensionNotSupported },
        { 400, "not all extension_optional request options handled", KeySourceError.ExtensionNotSupported },
        { 400, "keys exhausted, try again later", KeySourceError.KeysExhausted },
        { 400, "bad request format", KeySourceError.BadRequest },
        { 401, "SAE_C is not the slave of these keys", KeySourceError.Unauthorized },
        { 503, "internal error", KeySourceError.ServiceUnavailable },
        { 503, "Insufficient keys for SAE_B", KeySourceError.KeysExhausted },
        { 503, "key store exhausted", KeySourceError.KeysExhausted },
        { 404, "no such method", KeySourceError.Unknown },
        { 500, "boom", KeySourceError.Unknown },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task ErrorAnswers_MapToKinds_WithStatusAndMessage(int status, string message, KeySourceError expected)
    {
        var handler = Etsi014TestClients.StatusThen(_ => StubKmeHandler.Json(status, Kme014Json.Error(message)));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        KeySourceException enc = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256)));
        KeySourceException dec = await Etsi014TestClients.FailsAsync(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }));

        foreach (KeySourceException e in new[] { enc, dec })
        {
            Assert.Equal(expected, e.Error);
            Assert.Equal(status, e.HttpStatus);
            Assert.Equal(message.Trim(), e.KmeMessage);
            Assert.Contains(message.Trim(), e.Message, StringComparison.Ordinal);
        }

        Assert.Contains("'SAE_B'", enc.Message, StringComparison.Ordinal);
        Assert.Contains("'SAE_A'", dec.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorDetails_AreAccepted_AndTheMessageIsKept()
    {
        string body = "{\"message\":\"not all extension_mandatory parameters are supported\",\"details\":[{\"extension_mandatory_unsupported\":\"abc_route_type\"}]}";
        var handler = Etsi014TestClients.StatusThen(_ => StubKmeHandler.Json(400, body));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256)));

        Assert.Equal(KeySourceError.ExtensionNotSupported, e.Error);
        Assert.Equal("not all extension_mandatory parameters are supported", e.KmeMessage);
    }

    public static TheoryData<string, byte[], string> Unauthorized => new()
    {
        { "empty", Array.Empty<byte>(), "text/plain" },
        { "html", Encoding.UTF8.GetBytes("<html><head><title>401 Authorization Required</title></head><body><h1>401</h1><hr>nginx</body></html>"), "text/html" },
        { "json without message", Encoding.UTF8.GetBytes("{\"error\":\"unauthorized\"}"), "application/json" },
        { "message not a string", Encoding.UTF8.GetBytes("{\"message\":401}"), "application/json" },
    };

    [Theory]
    [MemberData(nameof(Unauthorized))]
    public async Task Status401_WithoutAnErrorObject_IsUnauthorized_WithNoMessage(string name, byte[] body, string contentType)
    {
        var handler = new StubKmeHandler(_ => StubKmeHandler.Bytes(401, body, contentType));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        KeySourceException status = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));
        KeySourceException dec = await Etsi014TestClients.FailsAsync(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }));

        foreach (KeySourceException e in new[] { status, dec })
        {
            Assert.Equal(KeySourceError.Unauthorized, e.Error);
            Assert.Equal(401, e.HttpStatus);
            Assert.Null(e.KmeMessage);
            Assert.DoesNotContain("html", e.Message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.False(status.IsTransient, name);
    }

    [Fact]
    public async Task LongOrControlCharacterMessages_AreTrimmed()
    {
        string message = "line one\\nline two\\u0007" + new string('x', 1000);
        var handler = new StubKmeHandler(_ => StubKmeHandler.Json(503, Kme014Json.Error(message)));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        Assert.Equal(KeySourceError.ServiceUnavailable, e.Error);
        Assert.StartsWith("line one line two ", e.KmeMessage, StringComparison.Ordinal);
        Assert.True(e.KmeMessage!.Length <= 300);
        Assert.DoesNotContain(e.KmeMessage, c => char.IsControl(c));
    }

    [Fact]
    public async Task SizeNotAMultipleOf8_IsRefused_WithoutAnyRequest()
    {
        var handler = Etsi014TestClients.StandardKme();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", new QkdKeyRequest { Number = 1, SizeInBits = 100 }));
        KeySourceException zero = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", new QkdKeyRequest { Number = 1, SizeInBits = 0 }));

        Assert.Equal(KeySourceError.InvalidKeySize, e.Error);
        Assert.Equal(KeySourceError.InvalidKeySize, zero.Error);
        Assert.Null(e.HttpStatus);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task PreChecks_AgainstTheStatus_SendNoKeyRequest()
    {
        var handler = Etsi014TestClients.StandardKme(slave => Kme014Json.Status(slave: slave, maxPerRequest: 4, minSize: 128, maxSize: 512, maxSaeIds: 1));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        KeySourceException tooBig = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 1024)));
        KeySourceException tooSmall = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 64)));
        KeySourceException tooMany = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(5, 256)));
        KeySourceException tooManySlaves = await Etsi014TestClients.FailsAsync(() =>
            source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256) with { AdditionalSlaveSaeIds = new[] { "SAE_C", "SAE_D" } }));

        Assert.Equal(
            new[] { KeySourceError.InvalidKeySize, KeySourceError.InvalidKeySize, KeySourceError.RequestTooLarge, KeySourceError.RequestTooLarge },
            new[] { tooBig.Error, tooSmall.Error, tooMany.Error, tooManySlaves.Error });
        Assert.Contains("128 to 512", tooBig.Message, StringComparison.Ordinal);
        Assert.Contains("at most 4", tooMany.Message, StringComparison.Ordinal);

        // One Get status (the first Get key for SAE_B fetched it, the later checks used the cache), no enc_keys at all.
        Assert.Equal(new[] { "/api/v1/keys/SAE_B/status" }, handler.Requests.Select(r => r.PathAndQuery));

        // Within the limits the request goes out.
        using QkdKeyContainer keys = await source.GetKeysAsync("SAE_B", QkdKeyRequest.For(4, 512) with { AdditionalSlaveSaeIds = new[] { "SAE_C" } });
        Assert.Equal(4, keys.Keys.Count);
        Assert.Single(handler.KeyRequests);
    }

    [Fact]
    public async Task TheStatus_IsFetchedAgain_AfterAGetKeyFails()
    {
        int encCalls = 0;
        var handler = Etsi014TestClients.StatusThen(r => Interlocked.Increment(ref encCalls) == 1
            ? StubKmeHandler.Json(503, Kme014Json.Error("internal error"))
            : Etsi014TestClients.Standard(r));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256)));
        using QkdKeyContainer keys = await source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256));

        Assert.Equal(
            new[] { "/api/v1/keys/SAE_B/status", "/api/v1/keys/SAE_B/enc_keys", "/api/v1/keys/SAE_B/status", "/api/v1/keys/SAE_B/enc_keys" },
            handler.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task AStatusFailure_OnTheFirstGetKey_IsReported_WithoutAKeyRequest()
    {
        var handler = new StubKmeHandler(_ => StubKmeHandler.Empty(401));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler);

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256)));

        Assert.Equal(KeySourceError.Unauthorized, e.Error);
        Assert.Empty(handler.KeyRequests);
    }

    [Fact]
    public async Task ReplicationLag_DecKeysNotFound_IsRetriedWithJitteredBackoff_ThenSucceeds()
    {
        int calls = 0;
        var handler = new StubKmeHandler(r => Interlocked.Increment(ref calls) <= 2
            ? StubKmeHandler.Json(400, Kme014Json.Error("one or more keys specified are not found on KME"))
            : Etsi014TestClients.Standard(r));
        var delays = new List<TimeSpan>();
        var retry = new Etsi014RetryPolicy { MaxAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(150) };
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, retry: retry, delays: delays);

        using QkdKeyContainer keys = await source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 });

        Assert.Equal(Id1, Assert.Single(keys.Keys).KeyId);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("/api/v1/keys/SAE_A/dec_keys", r.PathAndQuery));
        Assert.Equal(2, delays.Count);

        // Full jitter: [0, min(MaxDelay, BaseDelay * 2^(n-1))].
        Assert.InRange(delays[0], TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        Assert.InRange(delays[1], TimeSpan.Zero, TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task ReplicationLag_Retries_AreBounded_ByMaxAttempts()
    {
        var handler = new StubKmeHandler(_ => StubKmeHandler.Json(400, Kme014Json.Error("one or more keys specified are not found on KME")));
        var delays = new List<TimeSpan>();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, retry: new Etsi014RetryPolicy { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) }, delays: delays);

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }));

        Assert.Equal(KeySourceError.KeyNotFound, e.Error);
        Assert.True(e.IsTransient);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(2, delays.Count);
    }

    [Fact]
    public async Task Backoff_Doubles_UpToMaxDelay()
    {
        var policy = new Etsi014RetryPolicy { MaxAttempts = 10, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) };
        var handler = new StubKmeHandler(_ => StubKmeHandler.Json(503, Kme014Json.Error("internal error")));
        var delays = new List<TimeSpan>();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, retry: policy, delays: delays);

        await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        Assert.Equal(10, handler.Requests.Count);
        Assert.Equal(9, delays.Count);
        double[] caps = { 10, 20, 40, 50, 50, 50, 50, 50, 50 };
        for (int i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i].TotalMilliseconds, 0, caps[i]);
        }

        // Jitter: nine independent draws are not all equal.
        Assert.True(delays.Distinct().Count() > 1);
    }

    [Fact]
    public async Task EncKeys_503_IsRetried_ButOther400s_AreNot()
    {
        int calls = 0;
        var handler = Etsi014TestClients.StatusThen(r => Interlocked.Increment(ref calls) <= 2
            ? StubKmeHandler.Json(503, Kme014Json.Error("try again"))
            : Etsi014TestClients.Standard(r));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, retry: new Etsi014RetryPolicy { MaxAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });

        using QkdKeyContainer keys = await source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256));
        Assert.Equal(3, handler.KeyRequests.Count);

        // A 400 "not found" on enc_keys is not replication lag: enc_keys is not retried except on 503.
        var notFound = Etsi014TestClients.StatusThen(_ => StubKmeHandler.Json(400, Kme014Json.Error("one or more keys specified are not found on KME")));
        using Etsi014KeySource second = Etsi014TestClients.Create(notFound, retry: new Etsi014RetryPolicy { MaxAttempts = 5, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });
        await Etsi014TestClients.FailsAsync(() => second.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256)));
        Assert.Single(notFound.KeyRequests);

        var badRequest = new StubKmeHandler(_ => StubKmeHandler.Json(400, Kme014Json.Error("bad request format")));
        using Etsi014KeySource third = Etsi014TestClients.Create(badRequest, retry: new Etsi014RetryPolicy { MaxAttempts = 5, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });
        await Etsi014TestClients.FailsAsync(() => third.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }));
        Assert.Single(badRequest.Requests);
    }

    [Fact]
    public async Task Timeout_IsReportedAsTimeout_AndNotRetried()
    {
        var handler = Etsi014TestClients.Hanging();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, timeout: TimeSpan.FromMilliseconds(200), retry: new Etsi014RetryPolicy { MaxAttempts = 5 });

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }));

        Assert.Equal(KeySourceError.Timeout, e.Error);
        Assert.Null(e.HttpStatus);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_IsOperationCanceled_NotAKeySourceException()
    {
        var handler = Etsi014TestClients.Hanging();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, timeout: TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource();

        Task<QkdKeySourceStatus> call = source.GetStatusAsync("SAE_B", cts.Token);
        DateTime safety = DateTime.UtcNow.AddMinutes(1); // a safety net only: the request arrives at once
        while (handler.Requests.Count == 0 && DateTime.UtcNow < safety)
        {
            await Task.Delay(10);
        }

        Assert.Single(handler.Requests);

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // Already cancelled: nothing is sent.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.GetKeysWithIdsAsync("SAE_A", new[] { Id1 }, cts.Token));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_DuringBackoff_IsOperationCanceled()
    {
        var handler = new StubKmeHandler(_ => StubKmeHandler.Json(503, Kme014Json.Error("busy")));
        using var cts = new CancellationTokenSource();
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, retry: new Etsi014RetryPolicy { MaxAttempts = 5 });
        source.DelayAsync = (delay, ct) =>
        {
            cts.Cancel();
            return Task.Delay(Timeout.InfiniteTimeSpan, ct);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.GetStatusAsync("SAE_B", cts.Token));
        Assert.Single(handler.Requests);
    }

    public static TheoryData<string, HttpRequestError, KeySourceError> TransportFailures => new()
    {
        { "refused", HttpRequestError.ConnectionError, KeySourceError.Unreachable },
        { "dns", HttpRequestError.NameResolutionError, KeySourceError.Unreachable },
        { "tls", HttpRequestError.SecureConnectionError, KeySourceError.Unreachable },
        { "closed", HttpRequestError.ResponseEnded, KeySourceError.Unreachable },
        { "garbage http", HttpRequestError.InvalidResponse, KeySourceError.InvalidResponse },
    };

    [Theory]
    [MemberData(nameof(TransportFailures))]
    public async Task TransportFailures_AreTyped(string name, HttpRequestError error, KeySourceError expected)
    {
        var handler = new StubKmeHandler((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException(error, name)));
        using Etsi014KeySource source = Etsi014TestClients.Create(handler, retry: new Etsi014RetryPolicy { MaxAttempts = 4 });

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => source.GetStatusAsync("SAE_B"));

        Assert.Equal(expected, e.Error);
        Assert.Null(e.HttpStatus);
        Assert.Single(handler.Requests);
    }
}
