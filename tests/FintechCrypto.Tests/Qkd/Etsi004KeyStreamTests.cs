using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi004;
using FintechCrypto.Qkd.Simulator;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// The ETSI GS QKD 004 interface over the simulator's key sources (two KMEs of one link): OPEN_CONNECT with an
/// assigned Key_stream_ID, both applications reading the same chunk at the same index once each, the status codes
/// (peer not connected, KSID in use, QoS counter-proposal, insufficient key, no connection, metadata too small),
/// CLOSE, and KeyStreamKeySource turning a stream back into an IQkdKeySource.
/// </summary>
public sealed class Etsi004KeyStreamTests : IDisposable
{
    private readonly SimulatedQkdLink _link;
    private readonly KeySourceKeyStreamService _service = new();
    private readonly IQkdKeyStream _alice;
    private readonly IQkdKeyStream _bob;

    public Etsi004KeyStreamTests()
    {
        _link = new SimulatedQkdLink(["KME_A", "KME_B"], new QkdLinkOptions { MaxKeyCount = 50 });
        _alice = _service.Attach("SAE_A", _link.CreateKeySource(0, "SAE_A"));
        _bob = _service.Attach("SAE_B", _link.CreateKeySource(1, "SAE_B"));
    }

    public void Dispose()
    {
        _service.Dispose();
        _link.Dispose();
    }

    [Fact]
    public async Task BothApplications_ReadTheSameChunks_OnceEach()
    {
        Guid ksid = await OpenAsync();

        using QkdGetKeyResult a0 = await _alice.GetKeyAsync(ksid);
        using QkdGetKeyResult b0 = await _bob.GetKeyAsync(ksid);
        Assert.Equal(Etsi004Status.Successful, a0.Status);
        Assert.Equal(Etsi004Status.Successful, b0.Status);
        Assert.Equal(0, a0.Index);
        Assert.Equal(0, b0.Index);
        Assert.Equal(32, a0.Key!.Length);
        Assert.Equal(a0.Key.Key.ToArray(), b0.Key!.Key.ToArray());

        // Bob reads index 5 first this time (he becomes master for it); Alice then reads the same key.
        using QkdGetKeyResult b5 = await _bob.GetKeyAsync(ksid, 5);
        using QkdGetKeyResult a5 = await _alice.GetKeyAsync(ksid, 5);
        Assert.Equal(a5.Key!.Key.ToArray(), b5.Key!.Key.ToArray());
        Assert.NotEqual(a0.Key.Key.ToArray(), a5.Key.Key.ToArray());

        // One-time: a second read of an index is refused.
        using QkdGetKeyResult again = await _alice.GetKeyAsync(ksid, 0);
        Assert.Equal(Etsi004Status.InsufficientKeyAvailable, again.Status);
        Assert.Null(again.Key);

        // The metadata names the index and the key_ID, never the key.
        using JsonDocument metadata = JsonDocument.Parse(a5.Metadata);
        Assert.Equal(5, metadata.RootElement.GetProperty("index").GetInt64());
        Assert.Equal(a5.Key.KeyId, metadata.RootElement.GetProperty("key_ID").GetGuid());
        Assert.DoesNotContain(Convert.ToBase64String(a5.Key.Key), Encoding.UTF8.GetString(a5.Metadata.Span), StringComparison.Ordinal);

        // The next chunk after index 5 for Alice is 6.
        using QkdGetKeyResult a6 = await _alice.GetKeyAsync(ksid);
        Assert.Equal(6, a6.Index);
    }

    [Fact]
    public async Task OpenConnect_ReportsPeerNotConnected_ThenInUse()
    {
        QkdOpenConnectResult open = await _alice.OpenConnectAsync("SAE_A", "SAE_B", new QkdQos(), null);
        Assert.Equal(Etsi004Status.PeerNotConnected, open.Status);
        Assert.NotEqual(Guid.Empty, open.KeyStreamId);

        using (QkdGetKeyResult early = await _alice.GetKeyAsync(open.KeyStreamId))
        {
            Assert.Equal(Etsi004Status.GetKeyPeerNotConnected, early.Status);
        }

        Assert.Equal(Etsi004Status.Successful, (await _bob.OpenConnectAsync("SAE_A", "SAE_B", new QkdQos(), open.KeyStreamId)).Status);
        Assert.Equal(Etsi004Status.KeyStreamIdInUse, (await _bob.OpenConnectAsync("SAE_A", "SAE_B", new QkdQos(), open.KeyStreamId)).Status);

        // A destination cannot create a stream, and an unknown stream has no connection.
        Assert.Equal(Etsi004Status.NoQkdConnectionAvailable, (await _bob.OpenConnectAsync("SAE_A", "SAE_B", new QkdQos(), Guid.NewGuid())).Status);
        using QkdGetKeyResult unknown = await _bob.GetKeyAsync(Guid.NewGuid());
        Assert.Equal(Etsi004Status.NoQkdConnectionAvailable, unknown.Status);

        await Assert.ThrowsAsync<ArgumentException>(() => _bob.OpenConnectAsync("SAE_A", "SAE_C", new QkdQos(), null));
    }

    [Fact]
    public async Task OpenConnect_CounterProposesAQosTheKmeCanMeet()
    {
        var tooLarge = new QkdQos { KeyChunkSize = 1024 }; // 8192 bits; the link's max_key_size is 4096
        QkdOpenConnectResult refused = await _alice.OpenConnectAsync("SAE_A", "SAE_B", tooLarge, null);
        Assert.Equal(Etsi004Status.QosNotSatisfied, refused.Status);
        Assert.Equal(32, refused.Qos.KeyChunkSize);

        QkdOpenConnectResult accepted = await _alice.OpenConnectAsync("SAE_A", "SAE_B", refused.Qos, null);
        Assert.Equal(Etsi004Status.PeerNotConnected, accepted.Status);

        // The peer must agree on the chunk size.
        QkdOpenConnectResult mismatch = await _bob.OpenConnectAsync("SAE_A", "SAE_B", new QkdQos { KeyChunkSize = 16 }, accepted.KeyStreamId);
        Assert.Equal(Etsi004Status.QosNotSatisfied, mismatch.Status);
        Assert.Equal(32, mismatch.Qos.KeyChunkSize);
    }

    [Fact]
    public async Task GetKey_ReportsInsufficientKey_WhenTheLinkIsExhausted()
    {
        using var link = new SimulatedQkdLink(["KME_A", "KME_B"], new QkdLinkOptions { MaxKeyCount = 2, KeyRateBitsPerSecond = 1 });
        using var service = new KeySourceKeyStreamService();
        IQkdKeyStream alice = service.Attach("SAE_A", link.CreateKeySource(0, "SAE_A"));
        IQkdKeyStream bob = service.Attach("SAE_B", link.CreateKeySource(1, "SAE_B"));
        var qos = new QkdQos { Timeout = 200 };
        Guid ksid = (await alice.OpenConnectAsync("SAE_A", "SAE_B", qos, null)).KeyStreamId;
        await bob.OpenConnectAsync("SAE_A", "SAE_B", qos, ksid);

        for (int i = 0; i < 2; i++)
        {
            using QkdGetKeyResult ok = await alice.GetKeyAsync(ksid);
            Assert.Equal(Etsi004Status.Successful, ok.Status);
        }

        using QkdGetKeyResult exhausted = await alice.GetKeyAsync(ksid);
        Assert.Equal(Etsi004Status.InsufficientKeyAvailable, exhausted.Status);
    }

    [Fact]
    public async Task GetKey_ReportsNoConnection_WhenTheKmeStops_AndTooSmallMetadataBuffers()
    {
        Guid ksid = await OpenAsync(new QkdQos { Timeout = 150 });
        using (QkdGetKeyResult small = await _alice.GetKeyAsync(ksid, null, 10))
        {
            Assert.Equal(Etsi004Status.MetadataBufferTooSmall, small.Status);
            Assert.True(small.RequiredMetadataSize > 10);
            Assert.Null(small.Key);
        }

        _link.Faults.StopServing();
        using QkdGetKeyResult stopped = await _alice.GetKeyAsync(ksid);
        Assert.Equal(Etsi004Status.NoQkdConnectionAvailable, stopped.Status);
    }

    [Fact]
    public async Task GetKey_ASlowKeySource_IsBoundedByTheQosTimeout_ForTheReaderAndForTheOneWaitingBehindIt()
    {
        // ETSI GS QKD 004 clause 6.2: GET_KEY blocks at most the QoS Timeout, then answers status 6. The KME here
        // takes ten minutes to answer; the QoS allows 300 ms. (The 60 s WaitAsync is only a safety net.)
        Guid ksid = await OpenAsync(new QkdQos { Timeout = 300 });
        _link.Faults.ResponseDelay = TimeSpan.FromMinutes(10);

        Task<QkdGetKeyResult> first = _alice.GetKeyAsync(ksid, 0);
        Task<QkdGetKeyResult> behind = _bob.GetKeyAsync(ksid, 0); // waits for the stream's lock the first reader holds
        using QkdGetKeyResult a = await first.WaitAsync(TimeSpan.FromSeconds(60));
        using QkdGetKeyResult b = await behind.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((Etsi004Status.TimeoutError, (QkdKey?)null), (a.Status, a.Key));
        Assert.Equal((Etsi004Status.TimeoutError, (QkdKey?)null), (b.Status, b.Key));

        // Once the KME is fast again the same index is served, the same key at both ends.
        _link.Faults.ResponseDelay = TimeSpan.Zero;
        using QkdGetKeyResult a0 = await _alice.GetKeyAsync(ksid, 0);
        using QkdGetKeyResult b0 = await _bob.GetKeyAsync(ksid, 0);
        Assert.Equal((Etsi004Status.Successful, Etsi004Status.Successful), (a0.Status, b0.Status));
        Assert.Equal(a0.Key!.Key.ToArray(), b0.Key!.Key.ToArray());
    }

    [Fact]
    public async Task Close_EndsTheStreamForEachApplication()
    {
        Guid ksid = await OpenAsync();
        Assert.Equal(Etsi004Status.Successful, await _alice.CloseAsync(ksid));
        Assert.Equal(Etsi004Status.NoQkdConnectionAvailable, await _alice.CloseAsync(ksid));

        using (QkdGetKeyResult peerGone = await _bob.GetKeyAsync(ksid))
        {
            Assert.Equal(Etsi004Status.GetKeyPeerNotConnected, peerGone.Status);
        }

        Assert.Equal(Etsi004Status.Successful, await _bob.CloseAsync(ksid));
        using QkdGetKeyResult closed = await _bob.GetKeyAsync(ksid);
        Assert.Equal(Etsi004Status.NoQkdConnectionAvailable, closed.Status);
    }

    [Fact]
    public async Task ConcurrentReadersOfOneIndex_GetOneKey()
    {
        Guid ksid = await OpenAsync();
        for (long index = 0; index < 20; index++)
        {
            long i = index;
            QkdGetKeyResult[] both = await Task.WhenAll(Task.Run(() => _alice.GetKeyAsync(ksid, i)), Task.Run(() => _bob.GetKeyAsync(ksid, i)));
            Assert.All(both, r => Assert.Equal(Etsi004Status.Successful, r.Status));
            Assert.Equal(both[0].Key!.Key.ToArray(), both[1].Key!.Key.ToArray());
            Array.ForEach(both, r => r.Dispose());
        }
    }

    [Fact]
    public async Task KeyStreamKeySource_GivesBothEndsTheSameKeysByKeyId()
    {
        var qos = new QkdQos();
        Guid ksid = await OpenAsync(qos);
        var aliceSource = new KeyStreamKeySource(_alice, ksid, qos, "SAE_A", "SAE_B");
        var bobSource = new KeyStreamKeySource(_bob, ksid, qos, "SAE_B", "SAE_A");

        using QkdKeyContainer sent = await aliceSource.GetKeysAsync("SAE_B", QkdKeyRequest.For(3, 256));
        Guid[] ids = sent.Keys.Select(k => k.KeyId).ToArray();
        Assert.Equal([0L, 1L, 2L], ids.Select(id => KeyStreamKeySource.TryGetIndex(ksid, id, out long i) ? i : -1));

        using QkdKeyContainer received = await bobSource.GetKeysWithIdsAsync("SAE_A", ids);
        Assert.Equal(sent.Keys.Select(k => k.Key.ToArray()), received.Keys.Select(k => k.Key.ToArray()));
        Assert.Equal(ids, received.Keys.Select(k => k.KeyId));

        KeySourceException foreign = await Assert.ThrowsAsync<KeySourceException>(() => bobSource.GetKeysWithIdsAsync("SAE_A", [Guid.NewGuid()]));
        Assert.Equal(KeySourceError.KeyNotFound, foreign.Error);
        KeySourceException size = await Assert.ThrowsAsync<KeySourceException>(() => aliceSource.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 128)));
        Assert.Equal(KeySourceError.InvalidKeySize, size.Error);
        await Assert.ThrowsAsync<ArgumentException>(() => aliceSource.GetKeysAsync("SAE_C", QkdKeyRequest.For(1, 256)));
    }

    [Fact]
    public async Task OpenConnect_ASlowKeySource_IsBoundedByTheQosTimeout()
    {
        // OPEN_CONNECT asks the key source for its Status (the QoS check); a KME taking ten minutes must not hold it
        // longer than the requested QoS Timeout (300 ms). The 60 s WaitAsync is only a safety net.
        _link.Faults.ResponseDelay = TimeSpan.FromMinutes(10);

        QkdOpenConnectResult slow = await _alice.OpenConnectAsync("SAE_A", "SAE_B", new QkdQos { Timeout = 300 }, null).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((Etsi004Status.NoQkdConnectionAvailable, Guid.Empty), (slow.Status, slow.KeyStreamId));
        _link.Faults.ResponseDelay = TimeSpan.Zero;
        Assert.Equal(Etsi004Status.PeerNotConnected, (await _alice.OpenConnectAsync("SAE_A", "SAE_B", new QkdQos { Timeout = 300 }, null)).Status);
    }

    [Fact]
    public async Task GetKey_ASourceThatDeliversTheWrongKeys_IsNoConnection_NotACrashOrAWrongChunk()
    {
        // As master: no key at all, or a key shorter than the chunk. As slave: another key than the one asked for.
        Func<QkdKeyContainer, QkdKeyContainer> none = c => { c.Dispose(); return new QkdKeyContainer([]); };
        Func<QkdKeyContainer, QkdKeyContainer> shortKey = c => Replace(c, c.Keys[0].KeyId, c.Keys[0].Key[..16].ToArray());
        Func<QkdKeyContainer, QkdKeyContainer> otherKey = c => Replace(c, Guid.NewGuid(), RandomNumberGenerator.GetBytes(32));
        foreach ((Func<QkdKeyContainer, QkdKeyContainer>? master, Func<QkdKeyContainer, QkdKeyContainer>? slave) in new[] { (none, null), (shortKey, null), ((Func<QkdKeyContainer, QkdKeyContainer>?)null, otherKey) })
        {
            using var service = new KeySourceKeyStreamService();
            IQkdKeyStream alice = service.Attach("SAE_A", new AlteredKeySource(_link.CreateKeySource(0, "SAE_A"), master, null));
            IQkdKeyStream bob = service.Attach("SAE_B", new AlteredKeySource(_link.CreateKeySource(1, "SAE_B"), null, slave));
            Guid ksid = (await alice.OpenConnectAsync("SAE_A", "SAE_B", new QkdQos(), null)).KeyStreamId;
            Assert.Equal(Etsi004Status.Successful, (await bob.OpenConnectAsync("SAE_A", "SAE_B", new QkdQos(), ksid)).Status);

            using QkdGetKeyResult a = await alice.GetKeyAsync(ksid);
            using QkdGetKeyResult b = await bob.GetKeyAsync(ksid);

            // The faulty end gets status 4 and no chunk; the index is not taken, so a sound end still reads it (as master).
            QkdGetKeyResult faulty = master is not null ? a : b;
            QkdGetKeyResult sound = master is not null ? b : a;
            Assert.Equal((Etsi004Status.NoQkdConnectionAvailable, (QkdKey?)null), (faulty.Status, faulty.Key));
            Assert.Equal(Etsi004Status.Successful, sound.Status);
            Assert.Equal(32, sound.Key!.Length);
        }

        static QkdKeyContainer Replace(QkdKeyContainer delivered, Guid id, byte[] key)
        {
            delivered.Dispose();
            return new QkdKeyContainer([new QkdKey(id, key)]);
        }
    }

    [Property(MaxTest = 200)]
    public void KeyIdOfAChunk_NamesItsStreamAndIndex(Guid ksid, Guid otherStream, long index)
    {
        index = Math.Abs(index % long.MaxValue);
        Guid keyId = KeyStreamKeySource.KeyIdOf(ksid, index);
        Assert.True(KeyStreamKeySource.TryGetIndex(ksid, keyId, out long back));
        Assert.Equal(index, back);
        if (!ksid.ToByteArray(bigEndian: true).AsSpan(0, 8).SequenceEqual(otherStream.ToByteArray(bigEndian: true).AsSpan(0, 8)))
        {
            Assert.False(KeyStreamKeySource.TryGetIndex(otherStream, keyId, out _));
        }
    }

    private async Task<Guid> OpenAsync(QkdQos? qos = null)
    {
        qos ??= new QkdQos();
        QkdOpenConnectResult open = await _alice.OpenConnectAsync("SAE_A", "SAE_B", qos, null);
        Assert.Equal(Etsi004Status.PeerNotConnected, open.Status);
        Assert.Equal(Etsi004Status.Successful, (await _bob.OpenConnectAsync("SAE_A", "SAE_B", qos, open.KeyStreamId)).Status);
        return open.KeyStreamId;
    }

    /// <summary>A key source whose deliveries (as master, as slave) a test replaces, as a faulty vendor adapter would.</summary>
    private sealed class AlteredKeySource(
        IQkdKeySource inner,
        Func<QkdKeyContainer, QkdKeyContainer>? asMaster,
        Func<QkdKeyContainer, QkdKeyContainer>? asSlave) : IQkdKeySource
    {
        public Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, CancellationToken cancellationToken = default) =>
            inner.GetStatusAsync(slaveSaeId, cancellationToken);

        public async Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, CancellationToken cancellationToken = default)
        {
            QkdKeyContainer delivered = await inner.GetKeysAsync(slaveSaeId, request, cancellationToken);
            return asMaster is null ? delivered : asMaster(delivered);
        }

        public async Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, IReadOnlyList<Guid> keyIds, CancellationToken cancellationToken = default)
        {
            QkdKeyContainer delivered = await inner.GetKeysWithIdsAsync(masterSaeId, keyIds, cancellationToken);
            return asSlave is null ? delivered : asSlave(delivered);
        }
    }
}
