// KeySourceKeyStreamService: the key-management side of ETSI GS QKD 004 V2.1.1 (clause 6) built over ETSI GS QKD
// 014-style key sources. It keeps what a KMS keeps: the Key_stream_IDs, both applications' connection state, QoS,
// and for each chunk index the key_ID of the key behind it. Whichever application reads index i first obtains a new
// key from its own key source as master (naming the peer); the other application reads the same key by key_ID from
// its own key source as slave (ETSI GS QKD 014 §5.3 and §5.4; 004 V2.1.1 annex relating 004 and 014).

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Qkd;
using FintechCrypto.Internal.Qkd.Etsi004;

namespace FintechCrypto.Qkd.Etsi004;

/// <summary>
/// An ETSI GS QKD 004 key-stream service over <see cref="IQkdKeySource"/>s: attach each application with its own key
/// source (<see cref="Attach"/>) and use the returned <see cref="IQkdKeyStream"/>. Both applications of a stream read
/// the same key at the same chunk index, once each.
/// </summary>
/// <remarks>
/// The service plays the part of the KMS that knows both ends of a stream, so both applications must be attached to
/// the same service instance (in one process, or behind one gateway). Thread-safe.
/// </remarks>
public sealed class KeySourceKeyStreamService : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, KeyStreamState> _streams = new();
    private readonly TimeProvider _time;
    private bool _disposed;

    /// <summary>Creates an empty service.</summary>
    /// <param name="timeProvider">The clock for QoS time-outs and TTLs; the system clock when null.</param>
    public KeySourceKeyStreamService(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The application <paramref name="saeId"/>'s view of the service, fetching keys from <paramref name="keySource"/>.</summary>
    /// <param name="saeId">The application's SAE ID; it is the <c>source</c> or <c>destination</c> it opens streams as.</param>
    /// <param name="keySource">The application's key source (its own KME).</param>
    /// <returns>The application's key-stream interface.</returns>
    /// <exception cref="ArgumentException"><paramref name="saeId"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="keySource"/> is null.</exception>
    public IQkdKeyStream Attach(string saeId, IQkdKeySource keySource)
    {
        QkdArguments.ThrowIfNullOrEmpty(saeId);
        ArgumentNullException.ThrowIfNull(keySource);
        return new KeySourceKeyStream(this, saeId, keySource);
    }

    /// <summary>Closes every stream; the service refuses further calls.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _streams.Clear();
        }
    }

    internal TimeProvider Time => _time;

    internal QkdOpenConnectResult Open(string caller, string source, string destination, QkdQos qos, Guid? keyStreamId)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (keyStreamId is not Guid id || !_streams.TryGetValue(id, out KeyStreamState? stream))
            {
                if (!string.Equals(caller, source, StringComparison.Ordinal))
                {
                    // Only the source application creates a stream; a destination must name an existing one.
                    return new QkdOpenConnectResult(Etsi004Status.NoQkdConnectionAvailable, Guid.Empty, qos);
                }

                Guid newId = keyStreamId ?? Guid.NewGuid();
                _streams.Add(newId, new KeyStreamState(newId, source, destination, qos));
                return new QkdOpenConnectResult(Etsi004Status.PeerNotConnected, newId, qos);
            }

            if (!string.Equals(stream.Source, source, StringComparison.Ordinal)
                || !string.Equals(stream.Destination, destination, StringComparison.Ordinal)
                || !string.Equals(caller, destination, StringComparison.Ordinal)
                || stream.DestinationOpen)
            {
                return new QkdOpenConnectResult(Etsi004Status.KeyStreamIdInUse, Guid.Empty, stream.Qos);
            }

            // The stream's QoS is the source's; the destination's request must agree on the chunk size.
            if (qos.KeyChunkSize != stream.Qos.KeyChunkSize)
            {
                return new QkdOpenConnectResult(Etsi004Status.QosNotSatisfied, id, stream.Qos);
            }

            stream.DestinationOpen = true;
            return new QkdOpenConnectResult(Etsi004Status.Successful, id, stream.Qos);
        }
    }

    internal KeyStreamState? Find(Guid keyStreamId, string caller)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _streams.TryGetValue(keyStreamId, out KeyStreamState? stream) && stream.IsParty(caller) && !stream.IsClosedFor(caller)
                ? stream
                : null;
        }
    }

    internal Etsi004Status Close(Guid keyStreamId, string caller)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_streams.TryGetValue(keyStreamId, out KeyStreamState? stream) || !stream.IsParty(caller) || stream.IsClosedFor(caller))
            {
                return Etsi004Status.NoQkdConnectionAvailable;
            }

            stream.CloseFor(caller);
            if (stream.SourceClosed && (stream.DestinationClosed || !stream.DestinationOpen))
            {
                _streams.Remove(keyStreamId);
            }

            return Etsi004Status.Successful;
        }
    }
}
