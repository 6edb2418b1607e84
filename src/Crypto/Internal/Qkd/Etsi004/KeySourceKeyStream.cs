// KeySourceKeyStream: one application's ETSI GS QKD 004 interface on a KeySourceKeyStreamService (OPEN_CONNECT,
// GET_KEY, CLOSE, clause 6), reading chunks through the application's own IQkdKeySource.

using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi004;

namespace FintechCrypto.Internal.Qkd.Etsi004;

/// <summary>The <see cref="IQkdKeyStream"/> that <see cref="KeySourceKeyStreamService.Attach"/> returns.</summary>
/// <param name="service">The service that keeps the streams (the KMS side).</param>
/// <param name="saeId">The application's SAE ID.</param>
/// <param name="keySource">The application's own key source (its KME).</param>
internal sealed class KeySourceKeyStream(KeySourceKeyStreamService service, string saeId, IQkdKeySource keySource) : IQkdKeyStream
{
    // Pause between attempts while a key is not yet at this application's KME (replication lag) or none is left.
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromMilliseconds(50);

    private readonly KeySourceKeyStreamService _service = service;
    private readonly string _saeId = saeId;
    private readonly IQkdKeySource _keySource = keySource;

    public async Task<QkdOpenConnectResult> OpenConnectAsync(string source, string destination, QkdQos qos, Guid? keyStreamId, CancellationToken cancellationToken = default)
    {
        QkdArguments.ThrowIfNullOrEmpty(source);
        QkdArguments.ThrowIfNullOrEmpty(destination);
        ArgumentNullException.ThrowIfNull(qos);
        if (!string.Equals(source, _saeId, StringComparison.Ordinal) && !string.Equals(destination, _saeId, StringComparison.Ordinal))
        {
            throw Error.Qkd_NotAcceptable(nameof(source), $"The application '{_saeId}'", "can only open streams as their source or destination");
        }

        if (string.Equals(source, destination, StringComparison.Ordinal))
        {
            throw Error.Qkd_NotAcceptable(nameof(destination), "The source and destination of a key stream", "must differ");
        }

        // QoS checks against what the key source can deliver (014 Status min/max_key_size), with a counter-proposal.
        // The Status call is bounded by the requested QoS Timeout (or the default one when that is not positive): a
        // source that does not answer in time is no connection (status 4), as one that fails is.
        QkdKeySourceStatus status;
        int timeout = qos.Timeout > 0 ? qos.Timeout : new QkdQos().Timeout;
        using var qosTimer = new CancellationTokenSource(TimeSpan.FromMilliseconds(timeout), _service.Time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, qosTimer.Token);
        try
        {
            string peer = string.Equals(source, _saeId, StringComparison.Ordinal) ? destination : source;
            status = await _keySource.GetStatusAsync(peer, bounded.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KeySourceException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new QkdOpenConnectResult(Etsi004Status.NoQkdConnectionAvailable, Guid.Empty, qos);
        }

        QkdQos proposal = qos;
        long bits = (long)qos.KeyChunkSize * 8;
        if (qos.KeyChunkSize < 1 || bits < status.MinKeySize || bits > status.MaxKeySize)
        {
            proposal = proposal with { KeyChunkSize = Math.Clamp(status.KeySize / 8, Math.Max(1, (status.MinKeySize + 7) / 8), Math.Max(1, status.MaxKeySize / 8)) };
        }

        if (qos.Timeout <= 0)
        {
            proposal = proposal with { Timeout = new QkdQos().Timeout };
        }

        if (qos.Ttl < 0)
        {
            proposal = proposal with { Ttl = 0 };
        }

        if (proposal != qos)
        {
            return new QkdOpenConnectResult(Etsi004Status.QosNotSatisfied, Guid.Empty, proposal);
        }

        return _service.Open(_saeId, source, destination, qos, keyStreamId);
    }

    public async Task<QkdGetKeyResult> GetKeyAsync(Guid keyStreamId, long? index = null, int metadataBufferSize = 1024, CancellationToken cancellationToken = default)
    {
        if (index < 0)
        {
            throw Error.ArgumentOutOfRange(nameof(index), "a chunk index of zero or more");
        }

        KeyStreamState? stream = _service.Find(keyStreamId, _saeId);
        if (stream is null)
        {
            return new QkdGetKeyResult(Etsi004Status.NoQkdConnectionAvailable, index ?? -1);
        }

        if (!stream.DestinationOpen || stream.IsClosedFor(stream.PeerOf(_saeId)))
        {
            return new QkdGetKeyResult(Etsi004Status.GetKeyPeerNotConnected, index ?? -1);
        }

        // Metadata has a fixed length, so an undersized buffer is refused before any key is taken.
        int metadataSize = Metadata(Guid.Empty, 0).Length;
        if (metadataBufferSize < metadataSize)
        {
            return new QkdGetKeyResult(Etsi004Status.MetadataBufferTooSmall, index ?? -1, requiredMetadataSize: metadataSize);
        }

        TimeProvider time = _service.Time;
        long deadline = time.GetTimestamp() + (long)(stream.Qos.Timeout / 1000.0 * time.TimestampFrequency);
        bool isSource = stream.IsSource(_saeId);
        string peer = stream.PeerOf(_saeId);

        // 004 clause 6.2: GET_KEY blocks at most the QoS Timeout. The wait for the stream and every key-source call are
        // cancelled when it passes (a slow or hung source must not hold this reader, nor the one behind it, longer).
        using var qosTimer = new CancellationTokenSource(TimeSpan.FromMilliseconds(stream.Qos.Timeout), time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, qosTimer.Token);

        // One reader at a time per stream, so two applications never obtain two different keys for one index.
        try
        {
            await stream.Lock.WaitAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new QkdGetKeyResult(Etsi004Status.TimeoutError, index ?? -1);
        }

        try
        {
            long chunkIndex = index ?? (isSource ? stream.SourceCursor : stream.DestinationCursor);
            stream.Chunks.TryGetValue(chunkIndex, out KeyStreamState.Chunk? chunk);
            if (chunk is not null && (isSource ? chunk.ReadBySource : chunk.ReadByDestination))
            {
                // Chunks are one-time: this application has read this index already.
                return new QkdGetKeyResult(Etsi004Status.InsufficientKeyAvailable, chunkIndex);
            }

            if (chunk is not null && stream.Qos.Ttl > 0 && time.GetUtcNow() - chunk.Created > TimeSpan.FromSeconds(stream.Qos.Ttl))
            {
                return new QkdGetKeyResult(Etsi004Status.InsufficientKeyAvailable, chunkIndex);
            }

            if (chunk is null)
            {
                // First reader of this index: a new key from this application's source, as master for the peer.
                QkdKeyContainer? container = null;
                Etsi004Status failure = await RetryAsync(
                    async ct => container = await _keySource.GetKeysAsync(peer, QkdKeyRequest.For(1, stream.Qos.KeyChunkSize * 8), ct).ConfigureAwait(false),
                    deadline,
                    bounded.Token,
                    cancellationToken).ConfigureAwait(false);
                if (failure != Etsi004Status.Successful || container is null)
                {
                    return new QkdGetKeyResult(failure, chunkIndex);
                }

                if (!IsOneKey(container, null, stream.Qos.KeyChunkSize))
                {
                    // A source that breaks its contract is treated as a refusing one (status 4); the index stays free.
                    container.Dispose();
                    return new QkdGetKeyResult(Etsi004Status.NoQkdConnectionAvailable, chunkIndex);
                }

                QkdKey key = container.Keys[0];
                chunk = new KeyStreamState.Chunk(key.KeyId, _saeId, time.GetUtcNow());
                stream.Chunks[chunkIndex] = chunk;
                MarkRead(stream, chunk, chunkIndex, isSource);
                return new QkdGetKeyResult(Etsi004Status.Successful, chunkIndex, key, Metadata(key.KeyId, chunkIndex));
            }

            // The peer obtained this index first: read the same key by key_ID, as slave.
            QkdKeyContainer? delivered = null;
            Etsi004Status outcome = await RetryAsync(
                async ct => delivered = await _keySource.GetKeysWithIdsAsync(chunk.Master, new[] { chunk.KeyId }, ct).ConfigureAwait(false),
                deadline,
                bounded.Token,
                cancellationToken).ConfigureAwait(false);
            if (outcome != Etsi004Status.Successful || delivered is null)
            {
                return new QkdGetKeyResult(outcome, chunkIndex);
            }

            if (!IsOneKey(delivered, chunk.KeyId, stream.Qos.KeyChunkSize))
            {
                // Not the key the peer holds for this index: never hand it out as that chunk.
                delivered.Dispose();
                return new QkdGetKeyResult(Etsi004Status.NoQkdConnectionAvailable, chunkIndex);
            }

            MarkRead(stream, chunk, chunkIndex, isSource);
            return new QkdGetKeyResult(Etsi004Status.Successful, chunkIndex, delivered.Keys[0], Metadata(chunk.KeyId, chunkIndex));
        }
        finally
        {
            stream.Lock.Release();
        }
    }

    public Task<Etsi004Status> CloseAsync(Guid keyStreamId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_service.Close(keyStreamId, _saeId));
    }

    public override string ToString() => $"KeySourceKeyStream({_saeId})";

    private static void MarkRead(KeyStreamState stream, KeyStreamState.Chunk chunk, long chunkIndex, bool isSource)
    {
        if (isSource)
        {
            chunk.ReadBySource = true;
            stream.SourceCursor = Math.Max(stream.SourceCursor, chunkIndex + 1);
        }
        else
        {
            chunk.ReadByDestination = true;
            stream.DestinationCursor = Math.Max(stream.DestinationCursor, chunkIndex + 1);
        }

        // The entry stays after both have read it, so the index is never issued again with another key.
    }

    // What a key source must deliver for one chunk: exactly one key, of the chunk size, with the key_ID asked for (if any).
    private static bool IsOneKey(QkdKeyContainer container, Guid? keyId, int chunkSize) =>
        container.Keys.Count == 1
        && container.Keys[0].Length == chunkSize
        && (keyId is not Guid expected || container.Keys[0].KeyId == expected);

    // Metadata (Metadata_mimetype application/json): the chunk's index and the key_ID behind it; no key material.
    private static byte[] Metadata(Guid keyId, long index) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"key_ID\":\"{keyId:D}\",\"index\":{index,20}}}"));

    // Runs a key-source call until it succeeds, the QoS time-out passes (status 6), or a failure that waiting cannot
    // mend: exhaustion is status 2, an unreachable or refusing source status 4 (ETSI GS QKD 004 clause 6.2). The calls
    // and pauses run under `bounded`, which the QoS time-out cancels; only the caller's own token is rethrown.
    private async Task<Etsi004Status> RetryAsync(Func<CancellationToken, Task> call, long deadline, CancellationToken bounded, CancellationToken cancellationToken)
    {
        TimeProvider time = _service.Time;
        while (true)
        {
            Etsi004Status failure;
            try
            {
                await call(bounded).ConfigureAwait(false);
                return Etsi004Status.Successful;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Etsi004Status.TimeoutError;
            }
            catch (KeySourceException e)
            {
                // A key not (yet) at this KME is replication lag: waiting for it ends in a time-out.
                failure = e.Error switch
                {
                    KeySourceError.KeysExhausted or KeySourceError.ServiceUnavailable => Etsi004Status.InsufficientKeyAvailable,
                    KeySourceError.Timeout or KeySourceError.KeyNotFound => Etsi004Status.TimeoutError,
                    _ => Etsi004Status.NoQkdConnectionAvailable,
                };
                if (!e.IsTransient)
                {
                    return failure;
                }
            }

            if (time.GetTimestamp() >= deadline)
            {
                return failure;
            }

            try
            {
                await Task.Delay(s_retryDelay, time, bounded).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return failure;
            }
        }
    }
}
