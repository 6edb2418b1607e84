using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FintechCrypto.Tests.Qkd;

/// <summary>One request the stub received: method, absolute URI, body text and Accept header.</summary>
internal sealed record RecordedRequest(string Method, Uri Uri, string? Body, string Accept)
{
    public string PathAndQuery => Uri.PathAndQuery;
}

/// <summary>
/// An HttpMessageHandler that records every request and answers with what a test function says: the client under test
/// sees exactly the bytes and statuses the test chose, with no network.
/// </summary>
internal sealed class StubKmeHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<RecordedRequest> _requests = new();

    public StubKmeHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _respond = respond;
    }

    public StubKmeHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this((r, _) => Task.FromResult(respond(r)))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The requests other than Get status.</summary>
    public IReadOnlyList<RecordedRequest> KeyRequests => Requests.Where(r => !r.Uri.AbsolutePath.EndsWith("/status", StringComparison.Ordinal)).ToArray();

    public static HttpResponseMessage Json(int status, string json) => Bytes(status, Encoding.UTF8.GetBytes(json), "application/json");

    public static HttpResponseMessage Bytes(int status, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
    }

    public static HttpResponseMessage Empty(int status) => new((HttpStatusCode)status) { Content = new ByteArrayContent(Array.Empty<byte>()) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!, body, request.Headers.Accept.ToString());
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        return await _respond(recorded, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>014 JSON documents for the tests, written out by hand so that the tests state the wire format.</summary>
internal static class Kme014Json
{
    public static string Status(
        string slave = "SAE_B",
        string master = "SAE_A",
        int keySize = 256,
        int stored = 25000,
        int maxCount = 100000,
        int maxPerRequest = 128,
        int maxSize = 1024,
        int minSize = 64,
        int maxSaeIds = 0,
        string? extension = null) =>
        "{\"source_KME_ID\":\"KME_A\",\"target_KME_ID\":\"KME_B\",\"master_SAE_ID\":\"" + master + "\",\"slave_SAE_ID\":\"" + slave + "\"," +
        Invariant($"\"key_size\":{keySize},\"stored_key_count\":{stored},\"max_key_count\":{maxCount},\"max_key_per_request\":{maxPerRequest},") +
        Invariant($"\"max_key_size\":{maxSize},\"min_key_size\":{minSize},\"max_SAE_ID_count\":{maxSaeIds}") +
        (extension is null ? "" : ",\"status_extension\":" + extension) + "}";

    public static string Keys(params (Guid Id, byte[] Key)[] keys) =>
        "{\"keys\":[" + string.Join(",", keys.Select(k => "{\"key_ID\":\"" + k.Id.ToString("D") + "\",\"key\":\"" + Convert.ToBase64String(k.Key) + "\"}")) + "]}";

    public static string Error(string message) => "{\"message\":\"" + message + "\"}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
