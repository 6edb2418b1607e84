// The QoS parameters of ETSI GS QKD 004 V2.1.1 OPEN_CONNECT (clause 6.1).

namespace FintechCrypto.Qkd.Etsi004;

/// <summary>
/// The quality of service an application asks of a key stream (ETSI GS QKD 004 OPEN_CONNECT "QoS"); the KMS may
/// answer with a counter-proposal (<see cref="Etsi004Status.QosNotSatisfied"/>).
/// </summary>
public sealed record QkdQos
{
    /// <summary>The size of one key chunk in bytes (<c>Key_chunk_size</c>). Default 32.</summary>
    public int KeyChunkSize { get; init; } = 32;

    /// <summary>The highest key rate the application needs, in bits per second (<c>Max_bps</c>); 0 for no bound.</summary>
    public long MaxBps { get; init; }

    /// <summary>The lowest key rate the application needs, in bits per second (<c>Min_bps</c>); 0 for no bound.</summary>
    public long MinBps { get; init; }

    /// <summary>The largest expected deviation from the rate, in bits per second (<c>Jitter</c>).</summary>
    public long Jitter { get; init; }

    /// <summary>The priority of the request (<c>Priority</c>); higher is more urgent.</summary>
    public int Priority { get; init; }

    /// <summary>How long a GET_KEY (and OPEN_CONNECT's check of the key source) may block, in milliseconds (<c>Timeout</c>). Default 10,000.</summary>
    public int Timeout { get; init; } = 10_000;

    /// <summary>How long keys of the stream stay valid, in seconds (<c>TTL</c>); 0 for no limit.</summary>
    public int Ttl { get; init; }

    /// <summary>The MIME type of the metadata GET_KEY returns (<c>Metadata_mimetype</c>). Default <c>application/json</c>.</summary>
    public string MetadataMimetype { get; init; } = "application/json";
}
