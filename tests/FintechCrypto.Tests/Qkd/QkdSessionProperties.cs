using System;
using System.Collections.Concurrent;
using System.Linq;
using FintechCrypto.Qkd;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Over many sessions on one shared QKD link, with FsCheck-chosen KEMs, key counts, rekey counts and key-source
/// outages: no QKD key ID and no traffic key is ever used twice, every key the link issued was delivered to the
/// responder exactly once, and every epoch's records flow both ways.
/// </summary>
public sealed class QkdSessionProperties
{
    private static readonly InMemoryQkdLink s_link = new();
    private static readonly ConcurrentDictionary<Guid, int> s_keyIdsUsed = new();
    private static readonly ConcurrentDictionary<string, int> s_trafficKeysUsed = new();

    [Property(MaxTest = 40)]
    public void NoQkdKeyIdOrTrafficKeyIsEverUsedTwice(byte kemSelector, byte keyCountSelector, byte rekeySelector, byte outageMask, bool postQuantumAllowed)
    {
        KemAlgorithm kem = (kemSelector % 3) switch { 0 => KemAlgorithm.MlKem768, 1 => KemAlgorithm.XWing, _ => KemAlgorithm.MlKem512 };
        int keyCount = 1 + (keyCountSelector % 3);
        int rekeys = rekeySelector % 6;
        QkdExhaustionPolicy policy = postQuantumAllowed ? QkdExhaustionPolicy.ContinuePostQuantumOnly : QkdExhaustionPolicy.FailClosed;
        var link = new SharedLinkView();
        using var pair = new QkdSessionPair(
            kem,
            s_link,
            o => { o.QkdKeyCount = keyCount; o.ExhaustionPolicy = policy; o.KeySource = link.Wrap(o.KeySource!); },
            o => { o.QkdKeyCount = keyCount; o.ExhaustionPolicy = policy; });

        pair.EstablishAsync().GetAwaiter().GetResult();
        Record(pair);
        for (int epoch = 1; epoch <= rekeys; epoch++)
        {
            link.Outage = (outageMask & (1 << epoch)) != 0;
            if (link.Outage && !postQuantumAllowed)
            {
                Assert.Throws<QkdSessionException>(() => pair.Initiator.RekeyAsync().GetAwaiter().GetResult());
                pair.AssertKeysMatchAndRecordsFlow(32); // the current keys still work within their limits
                continue;
            }

            byte[] handshake = pair.Initiator.RekeyAsync().GetAwaiter().GetResult()!;
            pair.Responder.AcceptAsync(handshake).GetAwaiter().GetResult();
            Assert.Equal(link.Outage ? QkdSessionMode.PostQuantumOnly : QkdSessionMode.Hybrid, pair.Responder.Mode);
            Record(pair);
        }

        Assert.Equal(s_link.Delivered.Count, s_link.Delivered.Distinct().Count());
    }

    private static void Record(QkdSessionPair pair)
    {
        pair.AssertKeysMatchAndRecordsFlow(32);
        Assert.Equal(pair.Initiator.CurrentKeyIds, pair.Responder.CurrentKeyIds);
        foreach (Guid id in pair.Initiator.CurrentKeyIds)
        {
            Assert.True(s_keyIdsUsed.TryAdd(id, 0), $"QKD key {id} used twice");
        }

        var (_, send, receive) = pair.Initiator.CurrentKeyFingerprintsForTesting();
        Assert.True(s_trafficKeysUsed.TryAdd(Convert.ToHexString(send), 0), "a traffic key was used twice");
        Assert.True(s_trafficKeysUsed.TryAdd(Convert.ToHexString(receive), 0), "a traffic key was used twice");
    }

    /// <summary>Lets one session's initiator see an outage of the shared link without stopping the others.</summary>
    private sealed class SharedLinkView
    {
        internal bool Outage { get; set; }

        internal IQkdKeySource Wrap(IQkdKeySource inner) => new Outageable(this, inner);

        private sealed class Outageable(SharedLinkView view, IQkdKeySource inner) : IQkdKeySource
        {
            public System.Threading.Tasks.Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, System.Threading.CancellationToken cancellationToken = default) =>
                view.Outage ? throw Down() : inner.GetStatusAsync(slaveSaeId, cancellationToken);

            public System.Threading.Tasks.Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, System.Threading.CancellationToken cancellationToken = default) =>
                view.Outage ? throw Down() : inner.GetKeysAsync(slaveSaeId, request, cancellationToken);

            public System.Threading.Tasks.Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, System.Collections.Generic.IReadOnlyList<Guid> keyIds, System.Threading.CancellationToken cancellationToken = default) =>
                view.Outage ? throw Down() : inner.GetKeysWithIdsAsync(masterSaeId, keyIds, cancellationToken);

            private static KeySourceException Down() => new(KeySourceError.ServiceUnavailable, "The KME answered 503.", httpStatus: 503);
        }
    }
}
