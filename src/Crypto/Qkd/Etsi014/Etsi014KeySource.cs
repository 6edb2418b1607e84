// Etsi014KeySource: the SAE side of ETSI GS QKD 014 V1.1.1 (REST-based key delivery): Get status (§5.2), Get key
// (§5.3, enc_keys) and Get key with key IDs (§5.4, dec_keys) in their GET and POST forms, over HTTPS with mutual TLS.

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;
using FintechCrypto.Internal.Qkd.Etsi014;

namespace FintechCrypto.Qkd.Etsi014;

/// <summary>
/// A QKD key source that is a client of an ETSI GS QKD 014 V1.1.1 Key Management Entity (KME): this SAE asks its KME
/// for new keys shared with a slave SAE (master role) or for the keys a master obtained for it (slave role).
/// </summary>
/// <remarks>
/// <para>
/// Requests are checked before they leave: SAE IDs, and for Get key the size (a multiple of 8 within the KME's
/// <c>min_key_size</c>..<c>max_key_size</c>), the number of keys (at most <c>max_key_per_request</c>) and the additional
/// slaves (at most <c>max_SAE_ID_count</c>), against the Status of the slave, which is fetched on the first Get key for
/// that slave and fetched again after a Get key for it fails. Answers are checked strictly: the shapes and types of 014
/// §6, UUID key IDs (never the nil UUID), RFC 4648 base64 keys, exactly the number, sizes and IDs asked for (the sizes of a
/// Get key with key IDs when its caller gives one). Failures are
/// <see cref="KeySourceException"/>s whose <see cref="QkdException{TError}.Error"/> says what happened; see
/// <see cref="Etsi014RetryPolicy"/> for what is retried.
/// </para>
/// <para>
/// Key bytes are decoded from the response buffer into pinned memory, the buffer is cleared after parsing, and neither
/// keys nor response bodies appear in exception messages. Every HTTP exchange is bounded by
/// <see cref="Etsi014ClientOptions.RequestTimeout"/> and cancellable. The instance is thread-safe; dispose of it to
/// close its connections.
/// </para>
/// </remarks>
public sealed class Etsi014KeySource : IQkdKeySource, IDisposable
{
    private const string JsonMediaType = "application/json";

    private readonly HttpClient _http;
    private readonly Etsi014Paths _paths;
    private readonly TimeSpan _timeout;
    private readonly Etsi014RetryPolicy _retry;
    private readonly bool _usePostForms;
    private readonly ConcurrentDictionary<string, QkdKeySourceStatus> _statusCache = new(StringComparer.Ordinal);
    private int _disposed;

    /// <summary>Creates a client that connects to the KME with its own HTTPS handler, configured from <paramref name="options"/>.</summary>
    /// <param name="options">The KME's address, the SAE's certificate, trust, time-out and retries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message says which.</exception>
    public Etsi014KeySource(Etsi014ClientOptions options)
        : this(Validated(options, customHandler: false), null, ownHandler: true)
    {
    }

    /// <summary>
    /// Creates a client that sends its requests through <paramref name="handler"/>, which the caller configures (TLS,
    /// client certificate, proxy) and keeps ownership of; the TLS settings of <paramref name="options"/> must be unset.
    /// </summary>
    /// <param name="options">The KME's address, time-out and retries.</param>
    /// <param name="handler">The HTTP handler; it is not disposed of with this instance.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="handler"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid, or a TLS setting is given with a handler.</exception>
    public Etsi014KeySource(Etsi014ClientOptions options, HttpMessageHandler handler)
        : this(Validated(options, customHandler: true), handler ?? throw Error.ArgumentNull(nameof(handler)), ownHandler: false)
    {
    }

    private Etsi014KeySource(Etsi014ClientOptions options, HttpMessageHandler? handler, bool ownHandler)
    {
        _paths = new Etsi014Paths(options.KmeUri, options.ApiPath);
        _timeout = options.RequestTimeout;
        _retry = options.Retry;
        _usePostForms = options.UsePostForms;
        _http = new HttpClient(handler ?? Etsi014TlsHandler.Create(options), disposeHandler: ownHandler);

        // Each exchange is bounded by our own linked token, which tells a time-out from the caller's cancellation.
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>The delay between attempts (tests replace it to observe the back-off without waiting).</summary>
    internal Func<TimeSpan, CancellationToken, Task> DelayAsync { get; set; } = static (delay, ct) => Task.Delay(delay, ct);

    /// <summary>ETSI GS QKD 014 §5.2 Get status: <c>GET {KME}/api/v1/keys/{slave_SAE_ID}/status</c>.</summary>
    /// <param name="slaveSaeId">The peer SAE.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The Status the KME reported; it also becomes the cached Status for this slave.</returns>
    /// <exception cref="ArgumentException"><paramref name="slaveSaeId"/> is empty or holds '/', '?', '#' or a control character.</exception>
    /// <exception cref="KeySourceException">The KME refused, failed, or answered something that is not a Status.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The instance was disposed of.</exception>
    public async Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, CancellationToken cancellationToken = default)
    {
        Etsi014Paths.ValidateSaeId(slaveSaeId, nameof(slaveSaeId));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        Uri uri = _paths.Status(slaveSaeId);
        QkdKeySourceStatus status = await SendAsync(
            Operation.Status,
            $"Get status for slave SAE '{slaveSaeId}'",
            () => new HttpRequestMessage(HttpMethod.Get, uri),
            body => Etsi014ResponseReader.ReadStatus(body, slaveSaeId),
            cancellationToken).ConfigureAwait(false);
        _statusCache[slaveSaeId] = status;
        return status;
    }

    /// <summary>
    /// ETSI GS QKD 014 §5.3 Get key: <c>POST {KME}/api/v1/keys/{slave_SAE_ID}/enc_keys</c> with a Key request, or the GET
    /// form when <see cref="Etsi014ClientOptions.UsePostForms"/> is false and the request has only a number and a size.
    /// </summary>
    /// <param name="slaveSaeId">The peer SAE that may fetch the keys.</param>
    /// <param name="request">How many keys, of what size, for which further slaves, with which extensions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys, owned by the caller.</returns>
    /// <exception cref="ArgumentException">An SAE ID is invalid, or an extension has no name or value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The request asks for fewer than one key.</exception>
    /// <exception cref="KeySourceException">
    /// The request breaks the KME's limits (<see cref="KeySourceError.InvalidKeySize"/>, <see cref="KeySourceError.RequestTooLarge"/>,
    /// found before any key request is sent), or the KME refused, failed or answered something that is not the keys asked for.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The instance was disposed of.</exception>
    public async Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, CancellationToken cancellationToken = default)
    {
        Etsi014Paths.ValidateSaeId(slaveSaeId, nameof(slaveSaeId));
        ArgumentNullException.ThrowIfNull(request);
        if (request.Number < 1)
        {
            throw Error.ArgumentOutOfRange(nameof(request), "Number must be at least 1");
        }

        if (request.AdditionalSlaveSaeIds is null)
        {
            throw Error.Qkd_NotAcceptable(nameof(request), "AdditionalSlaveSaeIds", "must not be null");
        }

        foreach (string additional in request.AdditionalSlaveSaeIds)
        {
            Etsi014Paths.ValidateSaeId(additional, nameof(request));
        }

        Etsi014RequestWriter.ValidateExtensions(request.ExtensionMandatory, nameof(request));
        Etsi014RequestWriter.ValidateExtensions(request.ExtensionOptional, nameof(request));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        string context = $"Get key for slave SAE '{slaveSaeId}'";

        // 014 §6.2: "size ... shall be a multiple of 8"; refused here without asking the KME.
        if (request.SizeInBits is int asked && (asked <= 0 || asked % 8 != 0))
        {
            throw new KeySourceException(KeySourceError.InvalidKeySize, $"{context}: the key size {asked} bits is not a positive multiple of 8.");
        }

        QkdKeySourceStatus status = _statusCache.TryGetValue(slaveSaeId, out QkdKeySourceStatus? cached)
            ? cached
            : await GetStatusAsync(slaveSaeId, cancellationToken).ConfigureAwait(false);
        int size = CheckAgainstStatus(context, request, status);

        bool getForm = !_usePostForms && request.AdditionalSlaveSaeIds.Count == 0 &&
            request.ExtensionMandatory.Count == 0 && request.ExtensionOptional.Count == 0;
        Uri uri = getForm ? _paths.EncKeys(slaveSaeId, request.Number, request.SizeInBits) : _paths.EncKeys(slaveSaeId, null, null);
        byte[]? body = getForm ? null : Etsi014RequestWriter.KeyRequest(request);
        int number = request.Number;
        try
        {
            return await SendAsync(
                Operation.EncKeys,
                context,
                () => getForm ? new HttpRequestMessage(HttpMethod.Get, uri) : Post(uri, body!),
                response => Etsi014ResponseReader.ReadKeyContainer(response, number, size / 8, null),
                cancellationToken).ConfigureAwait(false);
        }
        catch (KeySourceException)
        {
            // The KME's limits or state may have changed: ask for its Status again before the next Get key.
            _statusCache.TryRemove(slaveSaeId, out _);
            throw;
        }
    }

    /// <summary>
    /// ETSI GS QKD 014 §5.4 Get key with key IDs: <c>POST {KME}/api/v1/keys/{master_SAE_ID}/dec_keys</c> with Key IDs, or
    /// <c>GET ...?key_ID=UUID</c> when <see cref="Etsi014ClientOptions.UsePostForms"/> is false and one key is asked for.
    /// A key not yet replicated to this KME is asked for again as <see cref="Etsi014ClientOptions.Retry"/> allows.
    /// </summary>
    /// <remarks>
    /// A dec_keys request names no size, so this form cannot check the sizes of the keys; when the size is known (it
    /// travels with the key IDs in most protocols), use the overload with <c>sizeInBits</c>.
    /// </remarks>
    /// <param name="masterSaeId">The master SAE that obtained the keys (the path names the master, not the caller).</param>
    /// <param name="keyIds">The identifiers the master sent, at least one, each once, none the nil UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys in the order of <paramref name="keyIds"/>, owned by the caller.</returns>
    /// <exception cref="ArgumentException"><paramref name="masterSaeId"/> is invalid, or <paramref name="keyIds"/> is empty, repeats an ID or holds the nil UUID.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="keyIds"/> is null.</exception>
    /// <exception cref="KeySourceException">A key is unknown or already delivered, the caller is not its slave, the KME failed, or it answered other keys.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The instance was disposed of.</exception>
    public Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, IReadOnlyList<Guid> keyIds, CancellationToken cancellationToken = default) =>
        GetKeysWithIdsCoreAsync(masterSaeId, keyIds, null, cancellationToken);

    /// <summary>
    /// ETSI GS QKD 014 §5.4 Get key with key IDs, as <see cref="GetKeysWithIdsAsync(string, IReadOnlyList{Guid}, CancellationToken)"/>,
    /// and every key delivered must be <paramref name="sizeInBits"/> long (the size the master asked for); a key of any
    /// other size is refused as <see cref="KeySourceError.InvalidResponse"/>.
    /// </summary>
    /// <param name="masterSaeId">The master SAE that obtained the keys (the path names the master, not the caller).</param>
    /// <param name="keyIds">The identifiers the master sent, at least one, each once, none the nil UUID.</param>
    /// <param name="sizeInBits">The size of each key in bits, a positive multiple of 8.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys in the order of <paramref name="keyIds"/>, owned by the caller.</returns>
    /// <exception cref="ArgumentException"><paramref name="masterSaeId"/> is invalid, or <paramref name="keyIds"/> is empty, repeats an ID or holds the nil UUID.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sizeInBits"/> is not a positive multiple of 8.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="keyIds"/> is null.</exception>
    /// <exception cref="KeySourceException">A key is unknown or already delivered, the caller is not its slave, the KME failed, or it answered other keys or other sizes.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The instance was disposed of.</exception>
    public Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, IReadOnlyList<Guid> keyIds, int sizeInBits, CancellationToken cancellationToken = default)
    {
        if (sizeInBits <= 0 || sizeInBits % 8 != 0)
        {
            throw Error.ArgumentOutOfRange(nameof(sizeInBits), "a positive multiple of 8 bits");
        }

        return GetKeysWithIdsCoreAsync(masterSaeId, keyIds, sizeInBits, cancellationToken);
    }

    private async Task<QkdKeyContainer> GetKeysWithIdsCoreAsync(string masterSaeId, IReadOnlyList<Guid> keyIds, int? sizeInBits, CancellationToken cancellationToken)
    {
        Etsi014Paths.ValidateSaeId(masterSaeId, nameof(masterSaeId));
        QkdArguments.ThrowIfNoKeyIds(keyIds);

        var ids = new Guid[keyIds.Count];
        var distinct = new HashSet<Guid>();
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = keyIds[i];
            if (ids[i] == Guid.Empty)
            {
                // RFC 9562 §5.9: the nil UUID names no key.
                throw Error.Qkd_NilKeyId(nameof(keyIds), i + 1);
            }

            if (!distinct.Add(ids[i]))
            {
                throw Error.Qkd_RepeatedKeyId(nameof(keyIds), ids[i]);
            }
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        bool getForm = !_usePostForms && ids.Length == 1;
        Uri uri = _paths.DecKeys(masterSaeId, getForm ? ids[0] : null);
        byte[]? body = getForm ? null : Etsi014RequestWriter.KeyIds(ids);
        string context = ids.Length == 1
            ? $"Get key with key IDs from master SAE '{masterSaeId}' (key {ids[0]:D})"
            : $"Get key with key IDs from master SAE '{masterSaeId}' ({ids.Length.ToString(CultureInfo.InvariantCulture)} keys)";
        int? keyBytes = sizeInBits / 8;
        return await SendAsync(
            Operation.DecKeys,
            context,
            () => getForm ? new HttpRequestMessage(HttpMethod.Get, uri) : Post(uri, body!),
            response => Etsi014ResponseReader.ReadKeyContainer(response, ids.Length, keyBytes, ids),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connections. Calls after this throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _http.Dispose();
        }
    }

    private static Etsi014ClientOptions Validated(Etsi014ClientOptions options, bool customHandler)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(customHandler);
        return options;
    }

    /// <summary>The pre-checks of 014 §5.2/§6.1 against the slave's Status; returns the size in bits that will be delivered.</summary>
    private static int CheckAgainstStatus(string context, QkdKeyRequest request, QkdKeySourceStatus status)
    {
        int size = request.SizeInBits ?? status.KeySize;
        if (size % 8 != 0)
        {
            throw new KeySourceException(KeySourceError.InvalidKeySize, $"{context}: the KME's default key_size {size} bits is not a multiple of 8; ask for a size.");
        }

        if (size < status.MinKeySize || size > status.MaxKeySize)
        {
            throw new KeySourceException(
                KeySourceError.InvalidKeySize,
                $"{context}: the key size {size} bits is outside the KME's range of {status.MinKeySize} to {status.MaxKeySize} bits.");
        }

        if (request.Number > status.MaxKeyPerRequest)
        {
            throw new KeySourceException(
                KeySourceError.RequestTooLarge,
                $"{context}: {request.Number} keys were asked for, but the KME gives at most {status.MaxKeyPerRequest} per request.");
        }

        if (request.AdditionalSlaveSaeIds.Count > status.MaxSaeIdCount)
        {
            throw new KeySourceException(
                KeySourceError.RequestTooLarge,
                $"{context}: {request.AdditionalSlaveSaeIds.Count} additional slave SAEs were named, but the KME allows at most {status.MaxSaeIdCount}.");
        }

        return size;
    }

    private static HttpRequestMessage Post(Uri uri, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType); // header objects are mutable: one per request
        return new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
    }

    /// <summary>Whether a failure of <paramref name="operation"/> may be retried without wasting keys (see <see cref="Etsi014RetryPolicy"/>).</summary>
    private static bool IsRetryable(Operation operation, KeySourceException e) =>
        (e.HttpStatus == 503) || (operation == Operation.DecKeys && e.Error == KeySourceError.KeyNotFound);

    private async Task<T> SendAsync<T>(
        Operation operation,
        string context,
        Func<HttpRequestMessage> createRequest,
        BodyParser<T> parse,
        CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(context, createRequest, parse, cancellationToken).ConfigureAwait(false);
            }
            catch (KeySourceException e) when (attempt < _retry.MaxAttempts && IsRetryable(operation, e))
            {
                // Exponential back-off with full jitter: a random wait in [0, cap].
                TimeSpan cap = _retry.Cap(attempt);
                TimeSpan delay = TimeSpan.FromTicks((long)(cap.Ticks * Random.Shared.NextDouble()));
                await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<T> SendOnceAsync<T>(string context, Func<HttpRequestMessage> createRequest, BodyParser<T> parse, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        using HttpRequestMessage request = createRequest();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(context);
        }
        catch (HttpRequestException e)
        {
            // Issue 11 defect 6: HttpClient's parse errors quote the bytes they could not parse ("Received an invalid
            // header line: '...'"), which may be a KME's body; they are named, never kept as the inner exception.
            throw e.HttpRequestError == HttpRequestError.InvalidResponse
                ? new KeySourceException(KeySourceError.InvalidResponse, $"{context}: the KME's answer is not valid HTTP ({Describe(e)}).")
                : Unreachable(context, e);
        }
        catch (Exception e) when (e is IOException or AuthenticationException)
        {
            throw Unreachable(context, e);
        }

        using (response)
        {
            int status = (int)response.StatusCode;
            Etsi014ResponseBody? body;
            try
            {
                Stream stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                body = await Etsi014ResponseBody.ReadAsync(stream, response.Content.Headers.ContentLength, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw TimedOut(context);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                // Issue 11 defect 6: a broken chunked framing makes HttpClient quote the body bytes it took for a chunk
                // header ("Received an invalid chunk extension: '77-6F-...'"): key material. Named, not kept as the inner.
                throw new KeySourceException(KeySourceError.InvalidResponse, $"{context}: the KME's answer ({status}) ended early or was malformed ({Describe(e)}).", status);
            }

            if (body is null)
            {
                throw new KeySourceException(KeySourceError.InvalidResponse, $"{context}: the KME's answer ({status}) is longer than {Etsi014ResponseBody.MaxLength} bytes.", status);
            }

            using (body)
            {
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    try
                    {
                        return parse(body.Span);
                    }
                    catch (KeySourceException e)
                    {
                        throw new KeySourceException(e.Error, $"{context}: {e.Message}", e.HttpStatus, e.KmeMessage);
                    }
                }

                // 014 §6.5: 400 and 503 carry an Error object; 401 has none (an HTML page or nothing from a proxy).
                string? kmeMessage = Etsi014ResponseReader.ReadErrorMessage(body.Span);
                KeySourceError kind = Etsi014ErrorMapper.Map(status, kmeMessage);
                string text = kmeMessage is null
                    ? $"{context}: the KME answered {status} ({kind})."
                    : $"{context}: the KME answered {status} ({kind}): {kmeMessage}";
                throw new KeySourceException(kind, text, status, kmeMessage);
            }
        }
    }

    private KeySourceException TimedOut(string context) =>
        new(KeySourceError.Timeout, $"{context}: the KME did not answer within {_timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.");

    private static KeySourceException Unreachable(string context, Exception e) => Etsi014ConnectionFailure.From(context, e);

    /// <summary>What went wrong with a response, by the kind HttpClient gives it: names only, never its message.</summary>
    private static string Describe(Exception e)
    {
        HttpRequestError error = e switch
        {
            HttpRequestException h => h.HttpRequestError,
            HttpIOException io => io.HttpRequestError,
            _ => HttpRequestError.Unknown,
        };
        if (error == HttpRequestError.Unknown && e.InnerException is HttpIOException inner)
        {
            error = inner.HttpRequestError;
        }

        return error switch
        {
            HttpRequestError.InvalidResponse => "invalid HTTP framing or headers",
            HttpRequestError.ResponseEnded => "the connection closed before the end of the body",
            _ => e.GetType().Name,
        };
    }

    /// <summary>Parses a 200 body; the span is only valid during the call.</summary>
    private delegate T BodyParser<T>(ReadOnlySpan<byte> body);

    /// <summary>The three 014 methods, for the retry rules.</summary>
    private enum Operation
    {
        Status,
        EncKeys,
        DecKeys,
    }
}
