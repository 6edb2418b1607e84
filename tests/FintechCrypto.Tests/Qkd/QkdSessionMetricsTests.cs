using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>The FintechCrypto.Qkd meter, observed with a MeterListener (filtered on this test's own SAE IDs).</summary>
public sealed class QkdSessionMetricsTests
{
    [Fact]
    public async Task KeysFetchedRekeysFailuresAndStoredKeyCountAreMeasured()
    {
        var measurements = new ConcurrentBag<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == QkdSession.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => measurements.Add((instrument.Name, value, ToDictionary(tags))));
        listener.Start();

        var link = new InMemoryQkdLink(stock: 50);
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, link, o => o.QkdKeyCount = 2, o => o.QkdKeyCount = 2);
        await pair.EstablishAsync();
        for (int i = 0; i < 3; i++)
        {
            await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        }

        link.Stopped = true;
        await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.RekeyAsync());
        byte[] record = pair.Initiator.Protect([1]);
        Assert.True(pair.Responder.TryUnprotect(record, out _));
        Assert.False(pair.Responder.TryUnprotect(record, out _));
        listener.RecordObservableInstruments();

        long Sum(string name, string sae) => measurements
            .Where(m => m.Instrument == name && Equals(m.Tags.GetValueOrDefault("qkd.local_sae_id"), sae))
            .Sum(m => m.Value);

        Assert.Equal(8, Sum("fintechcrypto.qkd.keys_fetched", pair.InitiatorSaeId));  // 4 handshakes x 2 keys
        Assert.Equal(8, Sum("fintechcrypto.qkd.keys_fetched", pair.ResponderSaeId));
        Assert.Equal(3, Sum("fintechcrypto.qkd.rekeys", pair.InitiatorSaeId));
        Assert.Equal(3, Sum("fintechcrypto.qkd.rekeys", pair.ResponderSaeId));
        Assert.Equal(1, Sum("fintechcrypto.qkd.failures", pair.InitiatorSaeId));
        Assert.Equal(1, Sum("fintechcrypto.qkd.records_rejected", pair.ResponderSaeId));
        Assert.Contains(measurements, m => m.Instrument == "fintechcrypto.qkd.failures" && Equals(m.Tags.GetValueOrDefault("qkd.error"), "KeySourceFailed"));
        Assert.Contains(measurements, m => m.Instrument == "fintechcrypto.qkd.records_rejected" && Equals(m.Tags.GetValueOrDefault("qkd.reason"), "replayed"));

        // The gauge reports the stored_key_count of the last Status the initiator saw: 50 - 3 x 2 before the last fetch.
        var gauge = measurements.Where(m => m.Instrument == "fintechcrypto.qkd.stored_key_count" && Equals(m.Tags.GetValueOrDefault("qkd.master_sae_id"), pair.InitiatorSaeId)).ToList();
        Assert.NotEmpty(gauge);
        Assert.All(gauge, m => Assert.Equal(44, m.Value));
        Assert.All(gauge, m => Assert.Equal(pair.ResponderSaeId, m.Tags["qkd.slave_sae_id"]));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
