// QkdKeySourceStatus: the state of a key source for one SAE pair (ETSI GS QKD 014 §6.1 Status).

using System.Text.Json;

namespace FintechCrypto.Qkd;

/// <summary>
/// The state of a key source for one master/slave SAE pair (ETSI GS QKD 014 "Status"). Sizes are in bits.
/// </summary>
public sealed record QkdKeySourceStatus
{
    /// <summary>The KME the caller talks to (014 <c>source_KME_ID</c>).</summary>
    public required string SourceKmeId { get; init; }

    /// <summary>The KME of the peer SAE (014 <c>target_KME_ID</c>).</summary>
    public required string TargetKmeId { get; init; }

    /// <summary>The calling (master) SAE (014 <c>master_SAE_ID</c>).</summary>
    public required string MasterSaeId { get; init; }

    /// <summary>The peer (slave) SAE (014 <c>slave_SAE_ID</c>).</summary>
    public required string SlaveSaeId { get; init; }

    /// <summary>The default key size in bits (014 <c>key_size</c>).</summary>
    public required int KeySize { get; init; }

    /// <summary>The number of keys the KME can deliver to this pair now (014 <c>stored_key_count</c>).</summary>
    public required int StoredKeyCount { get; init; }

    /// <summary>The most keys the KME stores for this pair (014 <c>max_key_count</c>).</summary>
    public required int MaxKeyCount { get; init; }

    /// <summary>The most keys one request may ask for (014 <c>max_key_per_request</c>).</summary>
    public required int MaxKeyPerRequest { get; init; }

    /// <summary>The largest key size in bits (014 <c>max_key_size</c>).</summary>
    public required int MaxKeySize { get; init; }

    /// <summary>The smallest key size in bits (014 <c>min_key_size</c>).</summary>
    public required int MinKeySize { get; init; }

    /// <summary>The most additional slave SAEs a request may name (014 <c>max_SAE_ID_count</c>; 0: no multicast).</summary>
    public required int MaxSaeIdCount { get; init; }

    /// <summary>The optional <c>status_extension</c> object, or null.</summary>
    public JsonElement? StatusExtension { get; init; }
}
