// QkdMetrics: the System.Diagnostics.Metrics instruments of QKD sessions (qkd.md §8 item 5: health metrics).

using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd;

/// <summary>
/// The meter <c>FintechCrypto.Qkd</c> and its instruments. Every measurement is tagged with the local and peer SAE IDs
/// and the role; failures also with the error kind. Never key material.
/// </summary>
internal static class QkdMetrics
{
    internal const string MeterName = "FintechCrypto.Qkd";

    private static readonly Meter s_meter = new(MeterName);

    /// <summary>The stored_key_count of the last 014 Status each (master, slave) pair saw.</summary>
    private static readonly ConcurrentDictionary<(string Master, string Slave), int> s_storedKeyCounts = new();

    internal static readonly Counter<long> KeysFetched =
        s_meter.CreateCounter<long>("fintechcrypto.qkd.keys_fetched", "{key}", "QKD keys fetched from key sources by sessions.");

    internal static readonly Counter<long> Rekeys =
        s_meter.CreateCounter<long>("fintechcrypto.qkd.rekeys", "{rekey}", "Epochs installed after the first (rekeys), on either end.");

    internal static readonly Counter<long> Failures =
        s_meter.CreateCounter<long>("fintechcrypto.qkd.failures", "{failure}", "Handshake, rekey, key-source and record-protection failures.");

    internal static readonly Counter<long> PolicyFallbacks =
        s_meter.CreateCounter<long>("fintechcrypto.qkd.policy_fallbacks", "{fallback}", "Times an exhaustion policy kept the current keys or went post-quantum-only.");

    internal static readonly Counter<long> RecordsRejected =
        s_meter.CreateCounter<long>("fintechcrypto.qkd.records_rejected", "{record}", "Records refused by TryUnprotect (malformed, wrong epoch, replayed, too old, forged).");

    internal static readonly ObservableGauge<int> StoredKeyCount =
        s_meter.CreateObservableGauge("fintechcrypto.qkd.stored_key_count", ObserveStoredKeyCounts, "{key}", "stored_key_count of the last ETSI GS QKD 014 Status a session saw, per SAE pair.");

    internal static void RecordStatus(QkdKeySourceStatus status, string masterSaeId, string slaveSaeId) =>
        s_storedKeyCounts[(masterSaeId, slaveSaeId)] = status.StoredKeyCount;

    internal static TagList Tags(string localSaeId, string peerSaeId, QkdSessionRole role) => new()
    {
        { "qkd.local_sae_id", localSaeId },
        { "qkd.peer_sae_id", peerSaeId },
        { "qkd.role", role == QkdSessionRole.Initiator ? "initiator" : "responder" },
    };

    private static IEnumerable<Measurement<int>> ObserveStoredKeyCounts()
    {
        foreach (KeyValuePair<(string Master, string Slave), int> entry in s_storedKeyCounts)
        {
            yield return new Measurement<int>(
                entry.Value,
                new KeyValuePair<string, object?>("qkd.master_sae_id", entry.Key.Master),
                new KeyValuePair<string, object?>("qkd.slave_sae_id", entry.Key.Slave));
        }
    }
}
