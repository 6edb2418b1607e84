// SimulatedQkdLink: both ends of a simulated QKD link (two KMEs, or one) sharing one key stream, with the delivery
// rules of ETSI GS QKD 014 V1.1.1 (§5.2 Get status, §5.3 Get key, §5.4 Get key with key IDs; qkd.md §1).

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd.Etsi014;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>
/// A simulated QKD link: one or two KMEs that share one key stream. The stream accrues key material at
/// <see cref="QkdLinkOptions.KeyRateBitsPerSecond"/> into a buffer of <see cref="QkdLinkOptions.MaxKeyCount"/> keys;
/// a master SAE's <c>enc_keys</c> at either KME consumes keys from it, and each slave named in that request may fetch
/// each key exactly once with <c>dec_keys</c> at either KME (after <see cref="KmeFaults.ReplicationLag"/> at the other one).
/// </summary>
/// <remarks>
/// Thread-safe: every operation takes one lock for a short, non-blocking critical section. Key bytes come from
/// <see cref="System.Security.Cryptography.RandomNumberGenerator"/>, live in pinned arrays, and are cleared once every
/// entitled slave has fetched them, or when the link is disposed.
/// </remarks>
public sealed class SimulatedQkdLink : IDisposable
{
    private readonly object _gate = new();
    private readonly QkdLinkOptions _options;
    private readonly string[] _kmeIds;
    private readonly Dictionary<Guid, IssuedKey> _issued = new();
    private double _availableBits;
    private DateTimeOffset _lastAccrual;
    private bool _disposed;

    /// <summary>Creates a link between the given KMEs.</summary>
    /// <param name="kmeIds">The KME IDs: one (a single KME) or two (both ends of the link), distinct and non-empty.</param>
    /// <param name="options">The link's parameters; null for the defaults. They are copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="kmeIds"/> is null.</exception>
    /// <exception cref="ArgumentException">There are not one or two distinct, non-empty KME IDs, or an option is out of range.</exception>
    public SimulatedQkdLink(IReadOnlyList<string> kmeIds, QkdLinkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kmeIds);
        if (kmeIds.Count is < 1 or > 2)
        {
            throw new ArgumentException("A link has one or two KMEs.", nameof(kmeIds));
        }

        _kmeIds = new string[kmeIds.Count];
        for (int i = 0; i < _kmeIds.Length; i++)
        {
            if (string.IsNullOrEmpty(kmeIds[i]))
            {
                throw new ArgumentException("A KME ID must not be empty.", nameof(kmeIds));
            }

            _kmeIds[i] = kmeIds[i];
        }

        if (_kmeIds.Length == 2 && string.Equals(_kmeIds[0], _kmeIds[1], StringComparison.Ordinal))
        {
            throw new ArgumentException("The two KMEs of a link need distinct IDs.", nameof(kmeIds));
        }

        _options = (options ?? new QkdLinkOptions()).Snapshot();
        _options.Validate();
        _lastAccrual = _options.TimeProvider.GetUtcNow();
        _availableBits = _options.StartFull || _options.KeyRateBitsPerSecond == 0 ? _options.CapacityBits : 0;
        Faults = new KmeFaults();
    }

    /// <summary>The KME IDs of the link's ends, in order (index 0 and, for a two-KME link, 1).</summary>
    public IReadOnlyList<string> KmeIds => _kmeIds;

    /// <summary>The faults injected into requests at either end (over HTTPS and in process).</summary>
    public KmeFaults Faults { get; }

    /// <summary>The default key size in bits (014 <c>key_size</c>).</summary>
    public int KeySize => _options.KeySize;

    /// <summary>The buffer bound in keys (014 <c>max_key_count</c>).</summary>
    public int MaxKeyCount => _options.MaxKeyCount;

    /// <summary>The number of keys of the default size the buffer holds now (014 <c>stored_key_count</c>).</summary>
    /// <exception cref="ObjectDisposedException">The link was disposed.</exception>
    public int StoredKeyCount
    {
        get
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                Accrue();
                return StoredKeyCountLocked();
            }
        }
    }

    /// <summary>The number of issued keys that some entitled slave has not fetched yet.</summary>
    public int PendingKeyCount
    {
        get
        {
            lock (_gate)
            {
                return _issued.Count;
            }
        }
    }

    /// <summary>
    /// An in-process ETSI GS QKD 014 key source for SAE <paramref name="saeId"/> talking to the KME at
    /// <paramref name="kmeIndex"/>: the same rules and faults as the HTTPS simulator, without HTTP.
    /// </summary>
    /// <param name="kmeIndex">Which end of the link: 0, or 1 for a two-KME link.</param>
    /// <param name="saeId">The calling SAE's ID (what its client certificate's CN would be).</param>
    /// <returns>The key source.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kmeIndex"/> names no end of the link.</exception>
    /// <exception cref="ArgumentException"><paramref name="saeId"/> is null or empty.</exception>
    public SimulatedKeySource CreateKeySource(int kmeIndex, string saeId)
    {
        CheckKmeIndex(kmeIndex);
        ArgumentException.ThrowIfNullOrEmpty(saeId);
        return new SimulatedKeySource(this, kmeIndex, saeId);
    }

    /// <summary>Clears every undelivered key; later requests fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (IssuedKey key in _issued.Values)
            {
                key.Clear();
            }

            _issued.Clear();
        }
    }

    /// <summary>The KME of the peer as the Status reports it (014 <c>target_KME_ID</c>): the other end, or the same KME.</summary>
    internal string TargetKmeId(int kmeIndex) => _kmeIds[_kmeIds.Length == 2 ? 1 - kmeIndex : kmeIndex];

    internal void CheckKmeIndex(int kmeIndex)
    {
        if (kmeIndex < 0 || kmeIndex >= _kmeIds.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(kmeIndex), kmeIndex, "The link has no KME at this index.");
        }
    }

    /// <summary>ETSI GS QKD 014 §5.2 Get status, asked by <paramref name="masterSaeId"/> about <paramref name="slaveSaeId"/>.</summary>
    internal QkdKeySourceStatus GetStatus(int kmeIndex, string masterSaeId, string slaveSaeId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            Accrue();
            return new QkdKeySourceStatus
            {
                SourceKmeId = _kmeIds[kmeIndex],
                TargetKmeId = TargetKmeId(kmeIndex),
                MasterSaeId = masterSaeId,
                SlaveSaeId = slaveSaeId,
                KeySize = _options.KeySize,
                StoredKeyCount = StoredKeyCountLocked(),
                MaxKeyCount = _options.MaxKeyCount,
                MaxKeyPerRequest = _options.MaxKeyPerRequest,
                MaxKeySize = _options.MaxKeySize,
                MinKeySize = _options.MinKeySize,
                MaxSaeIdCount = _options.MaxSaeIdCount,
            };
        }
    }

    /// <summary>
    /// ETSI GS QKD 014 §5.3 Get key: <paramref name="masterSaeId"/> asks the KME at <paramref name="kmeIndex"/> for new
    /// keys shared with <paramref name="slaveSaeId"/> (and the request's additional slaves).
    /// </summary>
    /// <exception cref="KeySourceException">The request breaks a rule (400) or the buffer is short (503).</exception>
    internal DeliveredKeys IssueKeys(int kmeIndex, string masterSaeId, string slaveSaeId, QkdKeyRequest request)
    {
        int number = request.Number;
        if (number < 1)
        {
            throw Refused(KeySourceError.BadRequest, 400, "number shall be at least 1");
        }

        if (number > _options.MaxKeyPerRequest)
        {
            throw Refused(KeySourceError.RequestTooLarge, 400, $"number shall not exceed max_key_per_request ({_options.MaxKeyPerRequest})");
        }

        int size = request.SizeInBits ?? _options.KeySize;
        if (size % 8 != 0)
        {
            throw Refused(KeySourceError.InvalidKeySize, 400, Etsi014ErrorMapper.SizeNotMultipleOf8);
        }

        if (size < _options.MinKeySize || size > _options.MaxKeySize)
        {
            throw Refused(KeySourceError.InvalidKeySize, 400, $"size shall be between min_key_size ({_options.MinKeySize}) and max_key_size ({_options.MaxKeySize})");
        }

        IReadOnlyList<string> additional = request.AdditionalSlaveSaeIds ?? Array.Empty<string>();
        if (additional.Count > _options.MaxSaeIdCount)
        {
            throw Refused(KeySourceError.RequestTooLarge, 400, $"additional_slave_SAE_IDs shall name at most max_SAE_ID_count ({_options.MaxSaeIdCount}) SAEs");
        }

        var slaves = new List<string>(additional.Count + 1) { slaveSaeId };
        foreach (string extra in additional)
        {
            if (string.IsNullOrEmpty(extra) || slaves.Contains(extra))
            {
                throw Refused(KeySourceError.BadRequest, 400, "additional_slave_SAE_IDs shall name distinct SAEs other than the slave");
            }

            slaves.Add(extra);
        }

        if (request.ExtensionMandatory is { Count: > 0 })
        {
            // 014 §6.2: the KME supports no extension, so any mandatory one fails the request.
            throw Refused(KeySourceError.ExtensionNotSupported, 400, Etsi014ErrorMapper.MandatoryExtensionsUnsupported);
        }

        long neededBits = (long)number * size;
        lock (_gate)
        {
            ThrowIfDisposed();
            Accrue();
            if (neededBits > _availableBits)
            {
                throw Refused(KeySourceError.KeysExhausted, 503, KmeMessages.KeysExhausted);
            }

            _availableBits -= neededBits;
            DateTimeOffset now = _options.TimeProvider.GetUtcNow();
            var delivered = new DeliveredKeys(number);
            for (int i = 0; i < number; i++)
            {
                var key = new IssuedKey(masterSaeId, slaves, kmeIndex, now, size);
                Guid keyId = Guid.NewGuid();
                _issued.Add(keyId, key);
                delivered.Add(keyId, key.Material);
            }

            return delivered;
        }
    }

    /// <summary>
    /// ETSI GS QKD 014 §5.4 Get key with key IDs: <paramref name="slaveSaeId"/> fetches, at the KME at
    /// <paramref name="kmeIndex"/>, keys that <paramref name="masterSaeId"/> obtained. All or nothing: one bad ID fails
    /// the whole request and delivers nothing.
    /// </summary>
    /// <exception cref="KeySourceException">An ID is unknown, not yet here, already fetched (400), or not the caller's (401).</exception>
    internal DeliveredKeys FetchKeys(int kmeIndex, string slaveSaeId, string masterSaeId, IReadOnlyList<Guid> keyIds)
    {
        if (keyIds.Count == 0)
        {
            throw Refused(KeySourceError.BadRequest, 400, "key_IDs shall name at least one key");
        }

        if (keyIds.Count > _options.MaxKeyPerRequest)
        {
            throw Refused(KeySourceError.RequestTooLarge, 400, $"key_IDs shall name at most max_key_per_request ({_options.MaxKeyPerRequest}) keys");
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            DateTimeOffset now = _options.TimeProvider.GetUtcNow();
            TimeSpan lag = Faults.ReplicationLag;
            var seen = new HashSet<Guid>();
            var keys = new IssuedKey[keyIds.Count];
            for (int i = 0; i < keyIds.Count; i++)
            {
                // A repeated ID would be a second fetch of the same key within one request.
                if (!seen.Add(keyIds[i]) || !_issued.TryGetValue(keyIds[i], out IssuedKey? key))
                {
                    throw Refused(KeySourceError.KeyNotFound, 400, Etsi014ErrorMapper.KeysNotFound);
                }

                // Not yet replicated to this end of the link, or issued by another master: not found here.
                bool replicated = key.KmeIndex == kmeIndex || now >= key.IssuedAt + lag;
                if (!replicated || !string.Equals(key.MasterSaeId, masterSaeId, StringComparison.Ordinal))
                {
                    throw Refused(KeySourceError.KeyNotFound, 400, Etsi014ErrorMapper.KeysNotFound);
                }

                // 014 §7 / qkd.md §1.3: a key requested by an SAE that is not its slave is 401.
                if (!key.Slaves.Contains(slaveSaeId))
                {
                    throw Refused(KeySourceError.Unauthorized, 401, KmeMessages.NotTheSlave);
                }

                // One-time delivery: a second fetch by the same slave is "not found".
                if (!key.Pending.Contains(slaveSaeId))
                {
                    throw Refused(KeySourceError.KeyNotFound, 400, Etsi014ErrorMapper.KeysNotFound);
                }

                keys[i] = key;
            }

            var delivered = new DeliveredKeys(keys.Length);
            for (int i = 0; i < keys.Length; i++)
            {
                IssuedKey key = keys[i];
                delivered.Add(keyIds[i], key.Material);
                key.Pending.Remove(slaveSaeId);
                if (key.Pending.Count == 0)
                {
                    key.Clear();
                    _issued.Remove(keyIds[i]);
                }
            }

            return delivered;
        }
    }

    /// <summary>
    /// Applies the injected faults to an in-process request: waits for the response delay, then throws what the HTTPS
    /// simulator would have answered.
    /// </summary>
    internal async Task ApplyFaultsAsync(KmeRequestInfo request, CancellationToken cancellationToken)
    {
        KmeFault fault = Faults.Next(request, out TimeSpan delay);
        await KmeFaults.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
        switch (fault)
        {
            case KmeFault.Stopped:
                throw new KeySourceException(KeySourceError.Unreachable, $"The KME {request.KmeId} is not serving (simulated failure).");
            case KmeFault.Html401:
                throw new KeySourceException(KeySourceError.Unauthorized, $"The KME {request.KmeId} answered 401 (an HTML page, as from a proxy).", 401);
            case KmeFault.ServiceUnavailable:
                throw new KeySourceException(KeySourceError.ServiceUnavailable, $"The KME {request.KmeId} answered 503: {KmeMessages.InjectedServiceUnavailable}.", 503, KmeMessages.InjectedServiceUnavailable);
        }
    }

    private static KeySourceException Refused(KeySourceError error, int status, string? message) =>
        new(error, message is null ? $"The KME answered {status}." : $"The KME answered {status}: {message}.", status, message);

    private int StoredKeyCountLocked() => (int)Math.Min(_options.MaxKeyCount, Math.Floor(_availableBits / _options.KeySize));

    /// <summary>Adds the key material the link produced since the last call, up to the buffer's capacity.</summary>
    private void Accrue()
    {
        DateTimeOffset now = _options.TimeProvider.GetUtcNow();
        if (_options.KeyRateBitsPerSecond == 0)
        {
            _availableBits = _options.CapacityBits;
        }
        else if (now > _lastAccrual)
        {
            double produced = (now - _lastAccrual).TotalSeconds * _options.KeyRateBitsPerSecond;
            _availableBits = Math.Min(_options.CapacityBits, _availableBits + produced);
        }

        if (now > _lastAccrual)
        {
            _lastAccrual = now;
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
