// QkdSession's hooks for tests (reached through InternalsVisibleTo): key fingerprints, lowered AES-GCM ceilings, the
// QKD keys kept from failed handshakes, the next sequence number. Never keys.

using System.Collections.Generic;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <content>The test hooks of <see cref="QkdSession"/>.</content>
public sealed partial class QkdSession
{
    /// <summary>Fingerprints (SHA-256 of key ‖ nonce base) of the current send and receive keys, for tests; never the keys.</summary>
    internal (uint Epoch, byte[] Send, byte[] Receive) CurrentKeyFingerprintsForTesting()
    {
        lock (_lock)
        {
            EpochKeys keys = _current ?? throw NotEstablished();
            return (keys.Epoch, keys.SendFingerprint, keys.ReceiveFingerprint);
        }
    }

    /// <summary>Lowers the AES-GCM usage ceilings (records and bytes per key), so tests can reach them without 2^24 records.</summary>
    internal void SetKeyUsageCeilingsForTesting(long records, long bytes)
    {
        lock (_lock)
        {
            _recordCeiling = records;
            _byteCeiling = bytes;
        }
    }

    /// <summary>How many QKD keys from failed handshakes the session keeps now (after purging the expired ones).</summary>
    internal int RetainedQkdKeyCountForTesting()
    {
        lock (_lock)
        {
            _retained.Purge(_time.GetUtcNow());
            return _retained.Count;
        }
    }

    /// <summary>The QKD key objects kept now, so tests can see them cleared.</summary>
    internal IReadOnlyList<QkdKey> RetainedQkdKeysForTesting()
    {
        lock (_lock)
        {
            return _retained.Keys;
        }
    }

    /// <summary>Sets the next send sequence number, so tests can reach sequence exhaustion.</summary>
    internal void SetNextSendSequenceForTesting(ulong sequence)
    {
        lock (_lock)
        {
            (_current ?? throw NotEstablished()).NextSequence = sequence;
        }
    }
}
