// KeyStreamKeySource: an IQkdKeySource over an open ETSI GS QKD 004 key stream, so a vendor's 004 stream API can
// feed QkdSession and everything else written against IQkdKeySource.
//
// Key IDs: a 004 chunk is named by (Key_stream_ID, index), a 014 key by a 128-bit key_ID. The mapping is
// key_ID = KSID XOR (0^64 ‖ BE64(index)) over the UUIDs' RFC 4122 (big-endian) bytes: both applications know the
// KSID (004 has the source tell it to the peer), so each recovers the index from the key_ID alone, and a key_ID of
// another stream is recognised (its first 8 bytes differ) and refused.

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd.Etsi004;

/// <summary>
/// An <see cref="IQkdKeySource"/> reading key chunks from an ETSI GS QKD 004 key stream that the application has
/// already opened (OPEN_CONNECT) with its peer. Key sizes are the stream's chunk size.
/// </summary>
public sealed class KeyStreamKeySource : IQkdKeySource
{
    private readonly IQkdKeyStream _stream;
    private readonly Guid _keyStreamId;
    private readonly QkdQos _qos;
    private readonly string _localSaeId;
    private readonly string _peerSaeId;

    /// <summary>Wraps an open key stream.</summary>
    /// <param name="stream">The application's 004 interface.</param>
    /// <param name="keyStreamId">The Key_stream_ID both applications opened.</param>
    /// <param name="qos">The QoS in force (OPEN_CONNECT's answer).</param>
    /// <param name="localSaeId">This application's SAE ID.</param>
    /// <param name="peerSaeId">The peer application's SAE ID.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="qos"/> is null.</exception>
    /// <exception cref="ArgumentException">An SAE ID is null or empty.</exception>
    public KeyStreamKeySource(IQkdKeyStream stream, Guid keyStreamId, QkdQos qos, string localSaeId, string peerSaeId)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(qos);
        QkdArguments.ThrowIfNullOrEmpty(localSaeId);
        QkdArguments.ThrowIfNullOrEmpty(peerSaeId);
        _stream = stream;
        _keyStreamId = keyStreamId;
        _qos = qos;
        _localSaeId = localSaeId;
        _peerSaeId = peerSaeId;
    }

    /// <summary>The key_ID that names chunk <paramref name="index"/> of stream <paramref name="keyStreamId"/>.</summary>
    /// <param name="keyStreamId">The Key_stream_ID.</param>
    /// <param name="index">The chunk index, zero or more.</param>
    /// <returns>The key_ID.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static Guid KeyIdOf(Guid keyStreamId, long index)
    {
        if (index < 0)
        {
            throw Error.ArgumentOutOfRange(nameof(index), "a chunk index of zero or more");
        }

        Span<byte> bytes = stackalloc byte[16];
        keyStreamId.TryWriteBytes(bytes, bigEndian: true, out _);
        ulong low = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]) ^ (ulong)index;
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The chunk index a key_ID names in stream <paramref name="keyStreamId"/>, if it belongs to that stream.</summary>
    /// <param name="keyStreamId">The Key_stream_ID.</param>
    /// <param name="keyId">A key_ID.</param>
    /// <param name="index">The chunk index.</param>
    /// <returns>Whether the key_ID belongs to the stream.</returns>
    public static bool TryGetIndex(Guid keyStreamId, Guid keyId, out long index)
    {
        Span<byte> stream = stackalloc byte[16];
        Span<byte> key = stackalloc byte[16];
        keyStreamId.TryWriteBytes(stream, bigEndian: true, out _);
        keyId.TryWriteBytes(key, bigEndian: true, out _);
        ulong difference = BinaryPrimitives.ReadUInt64BigEndian(stream[8..]) ^ BinaryPrimitives.ReadUInt64BigEndian(key[8..]);
        bool sameStream = stream[..8].SequenceEqual(key[..8]) && difference <= long.MaxValue;
        index = sameStream ? (long)difference : -1;
        return sameStream;
    }

    /// <inheritdoc/>
    public Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, CancellationToken cancellationToken = default)
    {
        CheckPeer(slaveSaeId, nameof(slaveSaeId));
        cancellationToken.ThrowIfCancellationRequested();

        // 004 reports no key counts; the sizes are the stream's chunk size and requests are one chunk at a time.
        int bits = _qos.KeyChunkSize * 8;
        return Task.FromResult(new QkdKeySourceStatus
        {
            SourceKmeId = "etsi004:" + _keyStreamId.ToString("D"),
            TargetKmeId = "etsi004:" + _keyStreamId.ToString("D"),
            MasterSaeId = _localSaeId,
            SlaveSaeId = slaveSaeId,
            KeySize = bits,
            StoredKeyCount = 0,
            MaxKeyCount = 0,
            MaxKeyPerRequest = 1,
            MaxKeySize = bits,
            MinKeySize = bits,
            MaxSaeIdCount = 0,
        });
    }

    /// <inheritdoc/>
    public async Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, CancellationToken cancellationToken = default)
    {
        CheckPeer(slaveSaeId, nameof(slaveSaeId));
        ArgumentNullException.ThrowIfNull(request);
        int bits = _qos.KeyChunkSize * 8;
        if ((request.SizeInBits ?? bits) != bits)
        {
            throw new KeySourceException(KeySourceError.InvalidKeySize, $"The ETSI 004 stream delivers {bits}-bit chunks; {request.SizeInBits} bits were asked for.");
        }

        if (request.AdditionalSlaveSaeIds.Count > 0 || request.ExtensionMandatory.Count > 0)
        {
            throw new KeySourceException(KeySourceError.ExtensionNotSupported, "An ETSI 004 stream has one peer and takes no extensions.");
        }

        var keys = new List<QkdKey>(request.Number);
        try
        {
            for (int i = 0; i < request.Number; i++)
            {
                keys.Add(await ReadAsync(null, cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            keys.ForEach(k => k.Dispose());
            throw;
        }

        return new QkdKeyContainer(keys);
    }

    /// <inheritdoc/>
    public async Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, IReadOnlyList<Guid> keyIds, CancellationToken cancellationToken = default)
    {
        CheckPeer(masterSaeId, nameof(masterSaeId));
        QkdArguments.ThrowIfNoKeyIds(keyIds);

        var indices = new long[keyIds.Count];
        for (int i = 0; i < indices.Length; i++)
        {
            if (!TryGetIndex(_keyStreamId, keyIds[i], out indices[i]))
            {
                throw new KeySourceException(KeySourceError.KeyNotFound, $"The key ID {keyIds[i]:D} does not belong to the ETSI 004 stream {_keyStreamId:D}.");
            }
        }

        var keys = new List<QkdKey>(indices.Length);
        try
        {
            foreach (long index in indices)
            {
                keys.Add(await ReadAsync(index, cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            keys.ForEach(k => k.Dispose());
            throw;
        }

        return new QkdKeyContainer(keys);
    }

    /// <summary>Names the stream; never key material.</summary>
    /// <returns>A description such as <c>KeyStreamKeySource(3fa85f64-…)</c>.</returns>
    public override string ToString() => $"KeyStreamKeySource({_keyStreamId:D})";

    private async Task<QkdKey> ReadAsync(long? index, CancellationToken cancellationToken)
    {
        using QkdGetKeyResult result = await _stream.GetKeyAsync(_keyStreamId, index, 1024, cancellationToken).ConfigureAwait(false);
        if (result.Status != Etsi004Status.Successful || result.Key is null)
        {
            throw new KeySourceException(ErrorOf(result.Status), $"ETSI 004 GET_KEY on stream {_keyStreamId:D} returned status {(int)result.Status} ({result.Status}).");
        }

        if (result.Key.Length != _qos.KeyChunkSize)
        {
            throw new KeySourceException(KeySourceError.InvalidResponse, $"ETSI 004 GET_KEY returned {result.Key.Length} bytes; the chunk size is {_qos.KeyChunkSize}.");
        }

        // Re-issue the chunk under the key_ID that names (KSID, index), so the peer can ask for it by that ID.
        return new QkdKey(KeyIdOf(_keyStreamId, result.Index), result.Key.Key);
    }

    private static KeySourceError ErrorOf(Etsi004Status status) => status switch
    {
        Etsi004Status.InsufficientKeyAvailable => KeySourceError.KeysExhausted,
        Etsi004Status.TimeoutError => KeySourceError.Timeout,
        Etsi004Status.GetKeyPeerNotConnected or Etsi004Status.NoQkdConnectionAvailable => KeySourceError.Unreachable,
        _ => KeySourceError.Unknown,
    };

    private void CheckPeer(string saeId, string paramName)
    {
        QkdArguments.ThrowIfNullOrEmpty(saeId, paramName);
        if (!string.Equals(saeId, _peerSaeId, StringComparison.Ordinal))
        {
            throw Error.Qkd_NotAcceptable(paramName, "This ETSI 004 stream", $"connects '{_localSaeId}' with '{_peerSaeId}' only");
        }
    }
}
