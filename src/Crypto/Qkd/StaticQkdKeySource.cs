// StaticQkdKeySource: pre-shared QKD-style keys from a file, for labs and tests without a KME. The file is an ETSI GS
// QKD 014 Key container (§6.3: {"keys": [{"key_ID": UUID, "key": base64}, ...]}), so the output of
// `fintechcrypto kme enc-keys` or of any KME can be saved and loaded on both ends.

using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Internal.Memory;
using FintechCrypto.Internal.Qkd;
using FintechCrypto.Internal.Qkd.Etsi014;

namespace FintechCrypto.Qkd;

/// <summary>
/// A key source over a fixed list of pre-shared keys (a lab's key file), loaded identically on both ends. Each key is
/// delivered at most once by each instance; a journal file can make that hold across restarts.
/// </summary>
/// <remarks>
/// <para>
/// Both ends may act as master without coordinating: the SAE whose ID sorts first (ordinal) takes new keys from the
/// front of the list, the other from the back, so the two directions never hand out the same key; when they meet, the
/// source is exhausted (<see cref="KeySourceError.KeysExhausted"/>). A slave fetches the master's keys by key_ID.
/// </para>
/// <para>
/// A static file is no substitute for QKD: the same bytes sit on both disks. Use it to test integrations, never as the
/// only secret of a production session (QkdSession always adds a KEM secret anyway).
/// </para>
/// </remarks>
public sealed class StaticQkdKeySource : IQkdKeySource, IDisposable
{
    /// <summary>The most keys a key file may hold.</summary>
    public const int MaxKeys = 1_000_000;

    private readonly object _gate = new();
    private readonly string _localSaeId;
    private readonly QkdKey[] _keys;
    private readonly Dictionary<Guid, int> _indexById;
    private readonly bool[] _used;
    private int _usedCount;
    private readonly string? _journalPath;
    private readonly int _keySizeInBits;
    private bool _disposed;

    private StaticQkdKeySource(string localSaeId, QkdKey[] keys, string? journalPath)
    {
        _localSaeId = localSaeId;
        _keys = keys;
        _used = new bool[keys.Length];
        _indexById = new Dictionary<Guid, int>(keys.Length);
        _journalPath = journalPath;
        _keySizeInBits = keys[0].SizeInBits;
        for (int i = 0; i < keys.Length; i++)
        {
            if (!_indexById.TryAdd(keys[i].KeyId, i))
            {
                throw Error.Qkd_RepeatedKeyId(nameof(keys), keys[i].KeyId);
            }

            if (keys[i].SizeInBits != _keySizeInBits)
            {
                throw Error.Qkd_NotAcceptable(nameof(keys), "All keys of a static source", $"must be the same size; key {i + 1} is {keys[i].SizeInBits} bits, the first {_keySizeInBits}");
            }
        }
    }

    /// <summary>The SAE this source delivers keys to.</summary>
    public string LocalSaeId => _localSaeId;

    /// <summary>The number of keys not yet delivered by this instance.</summary>
    public int RemainingKeyCount
    {
        get
        {
            lock (_gate)
            {
                return _keys.Length - _usedCount;
            }
        }
    }

    /// <summary>A source over the given keys, which it copies (the caller keeps and disposes of its own).</summary>
    /// <param name="localSaeId">The SAE this source serves.</param>
    /// <param name="keys">The pre-shared keys, in the same order on both ends; all of one size, distinct key_IDs.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="localSaeId"/> is empty, <paramref name="keys"/> is empty or larger than <see cref="MaxKeys"/>, sizes differ, or a key_ID repeats.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="localSaeId"/> or <paramref name="keys"/> is null.</exception>
    public static StaticQkdKeySource Create(string localSaeId, IReadOnlyList<QkdKey> keys)
    {
        QkdArguments.ThrowIfNullOrEmpty(localSaeId);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count is 0 or > MaxKeys)
        {
            throw Error.Qkd_NotAcceptable(nameof(keys), "A static key source", $"holds 1 to {MaxKeys} keys; {keys.Count} were given");
        }

        var copies = new QkdKey[keys.Count];
        for (int i = 0; i < copies.Length; i++)
        {
            QkdKey key = keys[i] ?? throw Error.ArgumentNull(nameof(keys));
            using SecretLease lease = key.Lease(); // the caller's key: a Dispose on another thread waits for the copy
            copies[i] = new QkdKey(key.KeyId, key.Key);
        }

        return Own(localSaeId, copies, null);
    }

    /// <summary>
    /// Loads an ETSI GS QKD 014 Key container file. With <paramref name="journalPath"/>, the key_IDs this SAE has been
    /// given are appended there (IDs only, never keys) and skipped when the file is loaded again, so a restart never
    /// delivers a key twice.
    /// </summary>
    /// <param name="path">The key file: a 014 Key container (the output of <c>fintechcrypto kme enc-keys</c> will do).</param>
    /// <param name="localSaeId">The SAE this source serves.</param>
    /// <param name="journalPath">A file of consumed key_IDs, created if missing; null for none.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="localSaeId"/> is empty, or the keys break a rule of <see cref="Create"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="localSaeId"/> is null.</exception>
    /// <exception cref="KeySourceException">The file is not a Key container (kind <see cref="KeySourceError.InvalidResponse"/>), or the journal is malformed.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static StaticQkdKeySource FromFile(string path, string localSaeId, string? journalPath = null)
    {
        QkdArguments.ThrowIfNullOrEmpty(path);
        QkdArguments.ThrowIfNullOrEmpty(localSaeId);
        byte[] body = File.ReadAllBytes(path);
        QkdKeyContainer container;
        try
        {
            container = Etsi014ResponseReader.ReadKeyContainer(body, MaxKeys, null, null, exactCount: false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(body);
        }

        if (container.Keys.Count == 0)
        {
            throw new KeySourceException(KeySourceError.InvalidResponse, $"The key file '{Path.GetFileName(path)}' holds no keys.");
        }

        var keys = new QkdKey[container.Keys.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = container.Keys[i];
        }

        StaticQkdKeySource source;
        try
        {
            source = Own(localSaeId, keys, journalPath);
        }
        catch
        {
            container.Dispose();
            throw;
        }

        if (journalPath is not null && File.Exists(journalPath))
        {
            foreach (string line in File.ReadLines(journalPath))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                if (!Guid.TryParseExact(line, "D", out Guid id))
                {
                    source.Dispose();
                    throw new KeySourceException(KeySourceError.InvalidResponse, $"The journal '{Path.GetFileName(journalPath)}' holds a line that is not a key_ID.");
                }

                if (source._indexById.TryGetValue(id, out int index))
                {
                    source.Retire(index);
                }
            }
        }

        return source;
    }

    /// <inheritdoc/>
    public Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, CancellationToken cancellationToken = default)
    {
        QkdArguments.ThrowIfNullOrEmpty(slaveSaeId);
        cancellationToken.ThrowIfCancellationRequested();
        int remaining = RemainingKeyCount;
        return Task.FromResult(new QkdKeySourceStatus
        {
            SourceKmeId = "static",
            TargetKmeId = "static",
            MasterSaeId = _localSaeId,
            SlaveSaeId = slaveSaeId,
            KeySize = _keySizeInBits,
            StoredKeyCount = remaining,
            MaxKeyCount = _keys.Length,
            MaxKeyPerRequest = _keys.Length,
            MaxKeySize = _keySizeInBits,
            MinKeySize = _keySizeInBits,
            MaxSaeIdCount = 0,
        });
    }

    /// <inheritdoc/>
    public Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, CancellationToken cancellationToken = default)
    {
        QkdArguments.ThrowIfNullOrEmpty(slaveSaeId);
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if ((request.SizeInBits ?? _keySizeInBits) != _keySizeInBits)
        {
            throw new KeySourceException(KeySourceError.InvalidKeySize, $"The static key source holds {_keySizeInBits}-bit keys; {request.SizeInBits} bits were asked for.");
        }

        if (request.AdditionalSlaveSaeIds.Count > 0 || request.ExtensionMandatory.Count > 0)
        {
            throw new KeySourceException(KeySourceError.ExtensionNotSupported, "The static key source takes no additional slaves and no mandatory extensions.");
        }

        if (request.Number < 1)
        {
            throw new KeySourceException(KeySourceError.BadRequest, "At least one key must be asked for.");
        }

        // The SAE whose ID sorts first takes from the front, its peer from the back (see the remarks).
        bool fromFront = string.CompareOrdinal(_localSaeId, slaveSaeId) < 0;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var picked = new List<int>(request.Number);
            for (int step = 0; step < _keys.Length && picked.Count < request.Number; step++)
            {
                int index = fromFront ? step : _keys.Length - 1 - step;
                if (!_used[index])
                {
                    picked.Add(index);
                }
            }

            if (picked.Count < request.Number)
            {
                throw new KeySourceException(KeySourceError.KeysExhausted, $"The static key source has {picked.Count} unused keys; {request.Number} were asked for.");
            }

            return Task.FromResult(Deliver(picked));
        }
    }

    /// <inheritdoc/>
    public Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, IReadOnlyList<Guid> keyIds, CancellationToken cancellationToken = default)
    {
        QkdArguments.ThrowIfNullOrEmpty(masterSaeId);
        QkdArguments.ThrowIfNoKeyIds(keyIds);

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var picked = new List<int>(keyIds.Count);
            foreach (Guid id in keyIds)
            {
                // All or nothing, as a KME answers (014: 400 "one or more keys specified are not found on KME").
                if (!_indexById.TryGetValue(id, out int index) || _used[index] || picked.Contains(index))
                {
                    throw new KeySourceException(KeySourceError.KeyNotFound, $"The key {id:D} is not in the static key source or was already delivered.", 400, Etsi014ErrorMapper.KeysNotFound);
                }

                picked.Add(index);
            }

            return Task.FromResult(Deliver(picked));
        }
    }

    /// <summary>Clears every key.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (QkdKey key in _keys)
            {
                key.Dispose();
            }
        }
    }

    /// <summary>Names the SAE and the count; never key material.</summary>
    /// <returns>A description such as <c>StaticQkdKeySource(SAE_A, 98 of 100 keys left)</c>.</returns>
    public override string ToString() => $"StaticQkdKeySource({_localSaeId}, {RemainingKeyCount} of {_keys.Length} keys left)";

    private static StaticQkdKeySource Own(string localSaeId, QkdKey[] keys, string? journalPath)
    {
        try
        {
            return new StaticQkdKeySource(localSaeId, keys, journalPath);
        }
        catch
        {
            Array.ForEach(keys, k => k.Dispose());
            throw;
        }
    }

    // Under _gate: copies the keys out, marks them used, journals their IDs, and clears this instance's copies.
    private QkdKeyContainer Deliver(List<int> indices)
    {
        if (_journalPath is not null)
        {
            // Journal first: if the write fails, nothing is delivered and nothing is lost.
            var lines = new List<string>(indices.Count);
            foreach (int index in indices)
            {
                lines.Add(_keys[index].KeyId.ToString("D"));
            }

            File.AppendAllLines(_journalPath, lines);
        }

        var delivered = new List<QkdKey>(indices.Count);
        foreach (int index in indices)
        {
            delivered.Add(new QkdKey(_keys[index].KeyId, _keys[index].Key));
            Retire(index);
        }

        return new QkdKeyContainer(delivered);
    }

    private void Retire(int index)
    {
        _usedCount += _used[index] ? 0 : 1;
        _used[index] = true;
        _keys[index].Dispose();
    }
}
