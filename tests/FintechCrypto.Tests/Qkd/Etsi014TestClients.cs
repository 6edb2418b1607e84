using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi014;

namespace FintechCrypto.Tests.Qkd;

/// <summary>Clients over a <see cref="StubKmeHandler"/>, and a stub KME that answers every 014 method correctly.</summary>
internal static class Etsi014TestClients
{
    public static readonly Uri KmeUri = new("https://kme.test:8443/");

    /// <summary>A client over <paramref name="handler"/> whose delays are recorded, not waited for.</summary>
    public static Etsi014KeySource Create(
        StubKmeHandler handler,
        bool usePostForms = true,
        Etsi014RetryPolicy? retry = null,
        TimeSpan? timeout = null,
        Uri? kmeUri = null,
        string apiPath = Etsi014ClientOptions.DefaultApiPath,
        List<TimeSpan>? delays = null)
    {
        var source = new Etsi014KeySource(
            new Etsi014ClientOptions
            {
                KmeUri = kmeUri ?? KmeUri,
                ApiPath = apiPath,
                UsePostForms = usePostForms,
                Retry = retry ?? Etsi014RetryPolicy.None,
                RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
            },
            handler);
        source.DelayAsync = (delay, ct) =>
        {
            if (delays is not null)
            {
                lock (delays)
                {
                    delays.Add(delay);
                }
            }

            return Task.CompletedTask;
        };
        return source;
    }

    /// <summary>A stub KME: Status for any slave (with <paramref name="status"/>'s limits), keys for enc_keys and dec_keys.</summary>
    public static StubKmeHandler StandardKme(Func<string, string>? status = null) => new(r => Standard(r, status));

    public static HttpResponseMessage Standard(RecordedRequest r, Func<string, string>? status = null)
    {
        string[] segments = r.Uri.AbsolutePath.Trim('/').Split('/');
        string sae = Uri.UnescapeDataString(segments[^2]);
        switch (segments[^1])
        {
            case "status":
                return StubKmeHandler.Json(200, status?.Invoke(sae) ?? Kme014Json.Status(slave: sae));
            case "enc_keys":
            {
                int number = 1, size = 256;
                if (r.Body is not null)
                {
                    using JsonDocument body = JsonDocument.Parse(r.Body);
                    number = body.RootElement.GetProperty("number").GetInt32();
                    size = body.RootElement.TryGetProperty("size", out JsonElement s) ? s.GetInt32() : 256;
                }
                else
                {
                    Dictionary<string, string> query = Query(r.Uri);
                    number = int.Parse(query["number"]);
                    size = query.TryGetValue("size", out string? s) ? int.Parse(s) : 256;
                }

                return StubKmeHandler.Json(200, Kme014Json.Keys(Enumerable.Range(0, number).Select(_ => Guid.NewGuid()).Select(id => (id, CannedKmeServer.KeyFor(id, size / 8))).ToArray()));
            }

            default:
            {
                Guid[] ids;
                if (r.Body is not null)
                {
                    using JsonDocument body = JsonDocument.Parse(r.Body);
                    ids = body.RootElement.GetProperty("key_IDs").EnumerateArray().Select(k => Guid.Parse(k.GetProperty("key_ID").GetString()!)).ToArray();
                }
                else
                {
                    ids = new[] { Guid.Parse(Query(r.Uri)["key_ID"]) };
                }

                return StubKmeHandler.Json(200, Kme014Json.Keys(ids.Select(id => (id, CannedKmeServer.KeyFor(id, 32))).ToArray()));
            }
        }
    }

    public static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));

    /// <summary>Runs a call and returns the KeySourceException it must throw.</summary>
    public static async Task<KeySourceException> FailsAsync(Func<Task> call)
    {
        return await Xunit.Assert.ThrowsAsync<KeySourceException>(call);
    }

    /// <summary>A stub that answers Get status normally and everything else with <paramref name="answer"/>.</summary>
    public static StubKmeHandler StatusThen(Func<RecordedRequest, HttpResponseMessage> answer, Func<string, string>? status = null) =>
        new(r => r.Uri.AbsolutePath.EndsWith("/status", StringComparison.Ordinal) ? Standard(r, status) : answer(r));

    /// <summary>A stub that never answers until the request is cancelled.</summary>
    public static StubKmeHandler Hanging() => new(async (_, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    });
}
