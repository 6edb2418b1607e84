// IQkdKeyStream: the ETSI GS QKD 004 V2.1.1 application interface (clause 6): OPEN_CONNECT, GET_KEY, CLOSE, as seen
// by one application. Vendor stream APIs implement it; KeySourceKeyStreamService implements it over IQkdKeySource,
// and KeyStreamKeySource turns any implementation back into an IQkdKeySource for sessions.

using System;
using System.Threading;
using System.Threading.Tasks;

namespace FintechCrypto.Qkd.Etsi004;

/// <summary>
/// The ETSI GS QKD 004 key-stream interface of one application: open a stream to a peer application (the source
/// passes no Key_stream_ID and the KMS assigns one; the peer opens with the same ID), read key chunks by index (both
/// ends read the same chunk at the same index, once each), and close it. Failures are statuses, not exceptions.
/// </summary>
public interface IQkdKeyStream
{
    /// <summary>OPEN_CONNECT: reserves a key stream between <paramref name="source"/> and <paramref name="destination"/>.</summary>
    /// <param name="source">The source application (here, its SAE ID).</param>
    /// <param name="destination">The destination application (its SAE ID).</param>
    /// <param name="qos">The requested quality of service.</param>
    /// <param name="keyStreamId">Null at the source, which receives a new Key_stream_ID; the peer passes the ID it was told.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, the Key_stream_ID and the QoS in force (or a counter-proposal).</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> or <paramref name="destination"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="qos"/> is null.</exception>
    Task<QkdOpenConnectResult> OpenConnectAsync(string source, string destination, QkdQos qos, Guid? keyStreamId, CancellationToken cancellationToken = default);

    /// <summary>GET_KEY: one key chunk of <see cref="QkdQos.KeyChunkSize"/> bytes.</summary>
    /// <param name="keyStreamId">The Key_stream_ID.</param>
    /// <param name="index">The chunk index, or null for this application's next chunk.</param>
    /// <param name="metadataBufferSize">The metadata the caller accepts, in bytes; a smaller buffer than needed gives <see cref="Etsi004Status.MetadataBufferTooSmall"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status and, on success, the chunk (owned by the caller).</returns>
    Task<QkdGetKeyResult> GetKeyAsync(Guid keyStreamId, long? index = null, int metadataBufferSize = 1024, CancellationToken cancellationToken = default);

    /// <summary>CLOSE: ends this application's use of the stream; undelivered chunks held for it are cleared.</summary>
    /// <param name="keyStreamId">The Key_stream_ID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status.</returns>
    Task<Etsi004Status> CloseAsync(Guid keyStreamId, CancellationToken cancellationToken = default);
}
