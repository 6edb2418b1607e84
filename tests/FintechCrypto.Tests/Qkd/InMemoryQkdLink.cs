using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Qkd;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// A test double for a QKD link: two SAEs' key sources sharing one in-memory store, with the ETSI GS QKD 014 rules
/// that matter to sessions (one-time delivery to the named slave, a finite stock of keys) and injectable failures
/// (exhaustion, a KME that stops, transient faults). Every key it ever issued and delivered is recorded.
/// </summary>
internal sealed class InMemoryQkdLink
{
    private readonly object _lock = new();
    private readonly Dictionary<Guid, (byte[] Key, string Master, string Slave)> _store = [];
    private readonly List<Guid> _issued = [];
    private readonly List<Guid> _delivered = [];

    internal InMemoryQkdLink(int stock = 1_000_000)
    {
        Stock = stock;
    }

    /// <summary>How many keys the link can still issue (014 stored_key_count).</summary>
    internal int Stock { get; set; }

    /// <summary>When true every call fails as an unreachable KME.</summary>
    internal bool Stopped { get; set; }

    /// <summary>When true a key may be fetched by ID again (only for tests that replay one handshake many times).</summary>
    internal bool AllowRedelivery { get; set; }

    /// <summary>When set, the slave receives other key bytes than the master (a broken KME).</summary>
    internal bool CorruptDeliveredKeys { get; set; }

    internal int StatusCalls { get; private set; }

    internal IReadOnlyList<Guid> Issued
    {
        get
        {
            lock (_lock)
            {
                return [.. _issued];
            }
        }
    }

    internal IReadOnlyList<Guid> Delivered
    {
        get
        {
            lock (_lock)
            {
                return [.. _delivered];
            }
        }
    }

    internal IQkdKeySource EndOf(string saeId, string kmeId) => new End(this, saeId, kmeId);

    private sealed class End(InMemoryQkdLink link, string saeId, string kmeId) : IQkdKeySource
    {
        public Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (link._lock)
            {
                link.ThrowIfStopped();
                link.StatusCalls++;
                return Task.FromResult(new QkdKeySourceStatus
                {
                    SourceKmeId = kmeId,
                    TargetKmeId = "KME-peer-of-" + kmeId,
                    MasterSaeId = saeId,
                    SlaveSaeId = slaveSaeId,
                    KeySize = 256,
                    StoredKeyCount = link.Stock,
                    MaxKeyCount = 1_000_000,
                    MaxKeyPerRequest = 16,
                    MaxKeySize = 8192,
                    MinKeySize = 64,
                    MaxSaeIdCount = 0,
                });
            }
        }

        public Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (link._lock)
            {
                link.ThrowIfStopped();
                if (link.Stock < request.Number)
                {
                    throw new KeySourceException(KeySourceError.KeysExhausted, $"Only {link.Stock} keys are left for {saeId} -> {slaveSaeId}.", httpStatus: 503);
                }

                link.Stock -= request.Number;
                var keys = new List<QkdKey>();
                byte[] bytes = new byte[(request.SizeInBits ?? 256) / 8];
                for (int i = 0; i < request.Number; i++)
                {
                    RandomNumberGenerator.Fill(bytes);
                    var id = Guid.NewGuid();
                    link._store[id] = ((byte[])bytes.Clone(), saeId, slaveSaeId);
                    link._issued.Add(id);
                    keys.Add(new QkdKey(id, bytes));
                }

                CryptographicOperations.ZeroMemory(bytes);
                return Task.FromResult(new QkdKeyContainer(keys));
            }
        }

        public Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, IReadOnlyList<Guid> keyIds, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (link._lock)
            {
                link.ThrowIfStopped();
                var keys = new List<QkdKey>();
                foreach (Guid id in keyIds)
                {
                    if (!link._store.TryGetValue(id, out var entry))
                    {
                        throw new KeySourceException(KeySourceError.KeyNotFound, $"Key {id} is not found on KME.", httpStatus: 400, kmeMessage: "one or more keys specified are not found on KME");
                    }

                    if (entry.Master != masterSaeId || entry.Slave != saeId)
                    {
                        throw new KeySourceException(KeySourceError.Unauthorized, $"Key {id} was not issued to {saeId} by {masterSaeId}.", httpStatus: 401);
                    }

                    byte[] key = (byte[])entry.Key.Clone();
                    if (link.CorruptDeliveredKeys)
                    {
                        key[0] ^= 1;
                    }

                    keys.Add(new QkdKey(id, key));
                    CryptographicOperations.ZeroMemory(key);
                }

                foreach (Guid id in keyIds)
                {
                    link._delivered.Add(id);
                    if (!link.AllowRedelivery)
                    {
                        link._store.Remove(id);
                    }
                }

                return Task.FromResult(new QkdKeyContainer(keys));
            }
        }
    }

    private void ThrowIfStopped()
    {
        if (Stopped)
        {
            throw new KeySourceException(KeySourceError.Unreachable, "The KME is not reachable (stopped).");
        }
    }
}
