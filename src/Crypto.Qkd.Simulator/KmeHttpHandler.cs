// KmeHttpHandler: the HTTP side of one simulated KME: ETSI GS QKD 014 V1.1.1 §5 paths
// (/api/v1/keys/{SAE_ID}/status|enc_keys|dec_keys), GET and POST forms, §7 status codes, fault injection, one log
// line per request.

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>Answers the requests that reach one KME of a <see cref="SimulatedQkdLink"/>.</summary>
internal sealed class KmeHttpHandler
{
    private const int MaxBodyBytes = 64 * 1024;
    private const string PathPrefix = "/api/v1/keys/";

    private static readonly JsonWriterOptions s_writerOptions = new() { Indented = false };

    private readonly SimulatedQkdLink _link;
    private readonly int _kmeIndex;
    private readonly RequestLog? _log;

    internal KmeHttpHandler(SimulatedQkdLink link, int kmeIndex, RequestLog? log)
    {
        _link = link;
        _kmeIndex = kmeIndex;
        _log = log;
    }

    private string KmeId => _link.KmeIds[_kmeIndex];

    internal async Task HandleAsync(HttpContext context)
    {
        string? sae = SaeIdentity.SaeIdOf(context.Connection.ClientCertificate);
        int status;
        try
        {
            status = await AnswerAsync(context, sae).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            status = 499; // the client went away; nothing to answer
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            status = 499;
        }

        _log?.Write(KmeId, context.Request.Method, context.Request.Path.Value, status, sae);
    }

    private async Task<int> AnswerAsync(HttpContext context, string? sae)
    {
        CancellationToken cancel = context.RequestAborted;
        HttpRequest request = context.Request;
        string path = request.Path.Value ?? "";
        if (!path.StartsWith(PathPrefix, StringComparison.Ordinal) || path.AsSpan(PathPrefix.Length).Count('/') != 1)
        {
            return await WriteErrorAsync(context, 404, "not found: the 014 paths are /api/v1/keys/{SAE_ID}/status, enc_keys and dec_keys").ConfigureAwait(false);
        }

        string rest = path[PathPrefix.Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string pathSae = rest[..slash];
        string operation = rest[(slash + 1)..];

        KmeFault fault = _link.Faults.Next(new KmeRequestInfo(_kmeIndex, KmeId, operation, sae, pathSae), out TimeSpan delay);
        await KmeFaults.DelayAsync(delay, cancel).ConfigureAwait(false);
        switch (fault)
        {
            case KmeFault.Stopped:
                context.Abort(); // a dead KME: the connection drops without an answer
                return 0;
            case KmeFault.Html401:
                return await WriteHtml401Async(context).ConfigureAwait(false);
            case KmeFault.ServiceUnavailable:
                return await WriteErrorAsync(context, 503, KmeMessages.InjectedServiceUnavailable).ConfigureAwait(false);
        }

        if (sae is null)
        {
            return await WriteErrorAsync(context, 401, KmeMessages.NoSaeId).ConfigureAwait(false);
        }

        if (pathSae.Length == 0)
        {
            return await WriteErrorAsync(context, 400, "the SAE_ID in the path shall not be empty").ConfigureAwait(false);
        }

        bool get = HttpMethods.IsGet(request.Method);
        bool post = HttpMethods.IsPost(request.Method);
        List<KeyValuePair<string, string>>? details = null;
        try
        {
            switch (operation)
            {
                case "status" when get:
                    // 014 §5.2: the path names the slave; the caller is the master.
                    return await WriteJsonAsync(context, 200, w => KmeJson.WriteStatus(w, _link.GetStatus(_kmeIndex, sae, pathSae))).ConfigureAwait(false);
                case "enc_keys" when get || post:
                {
                    // 014 §5.3: GET takes number and size in the query; POST takes a Key request.
                    QkdKeyRequest keyRequest = get ? KeyRequestFromQuery(request.Query) : KmeJson.ReadKeyRequest(await ReadBodyAsync(request, cancel).ConfigureAwait(false));
                    details = UnsupportedDetails(keyRequest);
                    using DeliveredKeys keys = _link.IssueKeys(_kmeIndex, sae, pathSae, keyRequest);
                    return await WriteJsonAsync(context, 200, w => KmeJson.WriteKeyContainer(w, keys)).ConfigureAwait(false);
                }

                case "dec_keys" when get || post:
                {
                    // 014 §5.4: the path names the master; the caller (from its certificate) is the slave.
                    List<Guid> ids = get ? KeyIdsFromQuery(request.Query) : KmeJson.ReadKeyIds(await ReadBodyAsync(request, cancel).ConfigureAwait(false));
                    using DeliveredKeys keys = _link.FetchKeys(_kmeIndex, sae, pathSae, ids);
                    return await WriteJsonAsync(context, 200, w => KmeJson.WriteKeyContainer(w, keys)).ConfigureAwait(false);
                }

                case "status" or "enc_keys" or "dec_keys":
                    context.Response.Headers.Allow = operation == "status" ? "GET" : "GET, POST";
                    return await WriteErrorAsync(context, 405, $"method not allowed: {operation} takes {context.Response.Headers.Allow}").ConfigureAwait(false);
                default:
                    return await WriteErrorAsync(context, 404, "not found: the 014 methods are status, enc_keys and dec_keys").ConfigureAwait(false);
            }
        }
        catch (KeySourceException e)
        {
            int code = e.HttpStatus ?? 400;
            return await WriteErrorAsync(context, code, e.KmeMessage ?? "bad request", e.Error == KeySourceError.ExtensionNotSupported ? details : null).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return await WriteErrorAsync(context, 503, "the KME is shutting down").ConfigureAwait(false);
        }
    }

    /// <summary>014 §6.4 details: one <c>{"extension_mandatory_unsupported": name}</c> per mandatory extension.</summary>
    private static List<KeyValuePair<string, string>> UnsupportedDetails(QkdKeyRequest request)
    {
        var details = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, JsonElement> extension in request.ExtensionMandatory)
        {
            details.Add(new KeyValuePair<string, string>(KmeMessages.MandatoryExtensionUnsupportedDetail, extension.Key));
        }

        return details;
    }

    private static QkdKeyRequest KeyRequestFromQuery(IQueryCollection query)
    {
        var request = new QkdKeyRequest();
        if (query.TryGetValue("number", out StringValues number))
        {
            request = request with { Number = QueryInt(number, "number") };
        }

        if (query.TryGetValue("size", out StringValues size))
        {
            request = request with { SizeInBits = QueryInt(size, "size") };
        }

        return request;
    }

    private static int QueryInt(StringValues values, string name)
    {
        if (values.Count == 1 && int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
        {
            return n;
        }

        throw new KeySourceException(KeySourceError.BadRequest, $"The KME answered 400: {name} shall be one integer.", 400, $"{name} shall be one integer");
    }

    private static List<Guid> KeyIdsFromQuery(IQueryCollection query)
    {
        if (!query.TryGetValue("key_ID", out StringValues values) || values.Count == 0)
        {
            throw new KeySourceException(KeySourceError.BadRequest, "The KME answered 400: key_ID is required.", 400, "key_ID is required");
        }

        var ids = new List<Guid>(values.Count);
        foreach (string? value in values)
        {
            ids.Add(KmeJson.ParseKeyId(value ?? ""));
        }

        return ids;
    }

    /// <summary>Reads a request body of at most 64 KiB (014 bodies carry IDs and parameters, never key material).</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            Memory<byte> chunk = buffer.GetMemory(4096);
            int read = await request.Body.ReadAsync(chunk, cancel).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
            {
                throw TooLarge();
            }
        }

        static KeySourceException TooLarge() =>
            new(KeySourceError.BadRequest, "The KME answered 400: the request body is too large.", 400, "the request body exceeds 65536 bytes");
    }

    private static async Task<int> WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        // The body may hold base64 keys: build it in a pinned buffer and clear that once it is sent.
        using var body = new PinnedBufferWriter();
        using (var writer = new Utf8JsonWriter(body, s_writerOptions))
        {
            write(writer);
        }

        HttpResponse response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.WrittenMemory.Length;
        await response.Body.WriteAsync(body.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
        return status;
    }

    private static Task<int> WriteErrorAsync(HttpContext context, int status, string message, List<KeyValuePair<string, string>>? details = null) =>
        WriteJsonAsync(context, status, w => KmeJson.WriteError(w, message, details));

    /// <summary>What an authenticating proxy in front of a KME answers: 401 with an HTML page, not a 014 Error object.</summary>
    private static async Task<int> WriteHtml401Async(HttpContext context)
    {
        byte[] page = Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><head><title>401 Authorization Required</title></head><body><h1>401 Authorization Required</h1><hr><p>proxy</p></body></html>\n");
        HttpResponse response = context.Response;
        response.StatusCode = 401;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = page.Length;
        await response.Body.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
        return 401;
    }
}
