// RetainedQkdKeys: the responder's cache of QKD keys fetched for a handshake that then failed (issue 11 defect 2). A
// forged copy of a handshake, raced ahead of the genuine message, makes the responder fetch the keys by ID (ETSI GS QKD
// 014 §5.4, each delivered once) before key confirmation fails; kept here, the keys still serve the genuine message.

using System;
using System.Collections.Generic;
using System.Linq;
using FintechCrypto.Internal.Memory;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd;

/// <summary>
/// Copies of QKD keys from failed handshakes, keyed by key ID, each until its expiry (the session's
/// <see cref="QkdSessionOptions.FailedHandshakeKeyRetention"/>), at most <see cref="QkdSessionOptions.MaxRetainedQkdKeys"/>
/// (the oldest dropped first). Every key leaves by being taken, expiring or <see cref="Clear"/>, and is disposed when it
/// expires or is cleared. Not thread-safe: the session calls it under its lock.
/// </summary>
internal sealed class RetainedQkdKeys
{
    private readonly TimeSpan _retention;
    private readonly int _capacity;
    private readonly Dictionary<Guid, Entry> _keys = [];
    private long _order;

    internal RetainedQkdKeys(TimeSpan retention, int capacity)
    {
        _retention = retention;
        _capacity = capacity;
    }

    /// <summary>How many keys are kept (call <see cref="Purge"/> first for an up-to-date count).</summary>
    internal int Count => _keys.Count;

    /// <summary>The kept key objects (for tests).</summary>
    internal IReadOnlyList<QkdKey> Keys => [.. _keys.Values.Select(e => e.Key)];

    /// <summary>Takes the keys <paramref name="keyIds"/>, in that order, if every one is kept, unexpired and of <paramref name="sizeInBits"/>; else null and nothing is taken.</summary>
    internal QkdKeyContainer? Take(IReadOnlyList<Guid> keyIds, int sizeInBits, DateTimeOffset now)
    {
        Purge(now);
        var taken = new List<QkdKey>(keyIds.Count);
        foreach (Guid id in keyIds)
        {
            if (!_keys.TryGetValue(id, out Entry? entry) || entry.Key.SizeInBits != sizeInBits)
            {
                return null;
            }

            taken.Add(entry.Key);
        }

        foreach (Guid id in keyIds)
        {
            _keys.Remove(id);
        }

        return new QkdKeyContainer(taken);
    }

    /// <summary>Keeps copies of <paramref name="keys"/> until <paramref name="now"/> plus the retention (none when it is zero).</summary>
    internal void Retain(QkdKeyContainer keys, DateTimeOffset now)
    {
        if (_retention <= TimeSpan.Zero)
        {
            return;
        }

        DateTimeOffset expiresAt = SaturatingTime.Add(now, _retention);
        foreach (QkdKey key in keys.Keys)
        {
            if (key.IsDisposed)
            {
                continue;
            }

            if (_keys.Remove(key.KeyId, out Entry? old))
            {
                old.Key.Dispose();
            }

            while (_keys.Count >= _capacity)
            {
                Entry oldest = _keys.Values.MinBy(e => e.Order)!;
                _keys.Remove(oldest.Key.KeyId);
                oldest.Key.Dispose();
            }

            using SecretLease lease = key.Lease();
            _keys[key.KeyId] = new Entry(new QkdKey(key.KeyId, key.Key), expiresAt, ++_order);
        }
    }

    /// <summary>Disposes and drops the keys whose time is over at <paramref name="now"/>.</summary>
    internal void Purge(DateTimeOffset now)
    {
        if (_keys.Count == 0)
        {
            return;
        }

        foreach (Guid id in _keys.Where(e => now >= e.Value.ExpiresAt).Select(e => e.Key).ToList())
        {
            _keys.Remove(id, out Entry? entry);
            entry!.Key.Dispose();
        }
    }

    /// <summary>Disposes and drops every kept key.</summary>
    internal void Clear()
    {
        foreach (Entry entry in _keys.Values)
        {
            entry.Key.Dispose();
        }

        _keys.Clear();
    }

    private sealed record Entry(QkdKey Key, DateTimeOffset ExpiresAt, long Order);
}
