// The result of ETSI GS QKD 004 GET_KEY (clause 6.2): status, chunk index, key buffer and metadata.

using System;

namespace FintechCrypto.Qkd.Etsi004;

/// <summary>
/// The result of <see cref="IQkdKeyStream.GetKeyAsync"/> (ETSI GS QKD 004 GET_KEY). On success it owns one key
/// chunk, which <see cref="Dispose"/> clears.
/// </summary>
/// <param name="status">The status.</param>
/// <param name="index">The index of the chunk (on success), or the index asked for.</param>
/// <param name="key">The key chunk on success (its <see cref="QkdKey.KeyId"/> identifies it in the underlying source), else null.</param>
/// <param name="metadata">The metadata (in the stream's <see cref="QkdQos.MetadataMimetype"/>), or empty.</param>
/// <param name="requiredMetadataSize">With <see cref="Etsi004Status.MetadataBufferTooSmall"/>, the buffer size needed.</param>
public sealed class QkdGetKeyResult(Etsi004Status status, long index, QkdKey? key = null, ReadOnlyMemory<byte> metadata = default, int requiredMetadataSize = 0) : IDisposable
{
    /// <summary>The status of the call.</summary>
    public Etsi004Status Status { get; } = status;

    /// <summary>The index of the chunk, which both applications use to read the same key.</summary>
    public long Index { get; } = index;

    /// <summary>The key chunk (ETSI 004 <c>key_buffer</c>) on success, else null.</summary>
    public QkdKey? Key { get; } = key;

    /// <summary>The metadata (ETSI 004 <c>Metadata_buffer</c>), or empty. It holds no key material.</summary>
    public ReadOnlyMemory<byte> Metadata { get; } = metadata;

    /// <summary>With <see cref="Etsi004Status.MetadataBufferTooSmall"/>, the metadata buffer size needed; otherwise 0.</summary>
    public int RequiredMetadataSize { get; } = requiredMetadataSize;

    /// <summary>Clears the key chunk.</summary>
    public void Dispose() => Key?.Dispose();

    /// <summary>The status and index; never key bytes.</summary>
    /// <returns>A description such as <c>QkdGetKeyResult(Successful, index 3)</c>.</returns>
    public override string ToString() => $"QkdGetKeyResult({Status}, index {Index})";
}
