using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Simulator;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// The simulated QKD link through its in-process key source: the ETSI GS QKD 014 delivery rules (one-time delivery,
/// access control, limits, exhaustion), the key rate and buffer on a manual clock, replication lag and the faults.
/// </summary>
public sealed class SimulatedKeySourceTests
{
    private static SimulatedQkdLink TwoKmes(QkdLinkOptions? options = null) => new(["KME_A", "KME_B"], options);

    [Fact]
    public async Task Status_ReportsTheLinkAndItsLimits()
    {
        using var link = TwoKmes(new QkdLinkOptions { MaxKeyCount = 50, KeySize = 256, MaxKeyPerRequest = 10, MaxSaeIdCount = 2 });
        QkdKeySourceStatus status = await link.CreateKeySource(1, "SAE_B").GetStatusAsync("SAE_A");
        Assert.Equal(("KME_B", "KME_A", "SAE_B", "SAE_A"), (status.SourceKmeId, status.TargetKmeId, status.MasterSaeId, status.SlaveSaeId));
        Assert.Equal((256, 50, 50, 10, 2), (status.KeySize, status.StoredKeyCount, status.MaxKeyCount, status.MaxKeyPerRequest, status.MaxSaeIdCount));
        Assert.Equal((64, 4096), (status.MinKeySize, status.MaxKeySize));
    }

    [Fact]
    public async Task BothEndsOfTheLink_GiveTheSameKeyBytes_OnceEach()
    {
        using var link = TwoKmes();
        SimulatedKeySource master = link.CreateKeySource(0, "SAE_A");
        SimulatedKeySource slave = link.CreateKeySource(1, "SAE_B");
        using QkdKeyContainer sent = await master.GetKeysAsync("SAE_B", QkdKeyRequest.For(3, 256));
        Assert.Equal(3, sent.Keys.Count);
        Assert.Equal(3, sent.Keys.Select(k => k.KeyId).Distinct().Count());
        Assert.All(sent.Keys, k => Assert.Equal(32, k.Length));
        Assert.Equal(3, link.PendingKeyCount);

        Guid[] ids = sent.Keys.Select(k => k.KeyId).Reverse().ToArray();
        using (QkdKeyContainer received = await slave.GetKeysWithIdsAsync("SAE_A", ids))
        {
            Assert.Equal(ids, received.Keys.Select(k => k.KeyId));
            for (int i = 0; i < ids.Length; i++)
            {
                Assert.True(received.Keys[i].Key.SequenceEqual(sent.Keys.Single(k => k.KeyId == ids[i]).Key));
            }
        }

        // Delivered to everyone entitled: the link forgot (and cleared) them; a second fetch is "not found".
        Assert.Equal(0, link.PendingKeyCount);
        KeySourceException again = await Assert.ThrowsAsync<KeySourceException>(() => slave.GetKeysWithIdsAsync("SAE_A", [ids[0]]));
        Assert.Equal((KeySourceError.KeyNotFound, 400, "one or more keys specified are not found on KME"), (again.Error, again.HttpStatus, again.KmeMessage));
    }

    [Fact]
    public async Task DefaultSize_AndKeysDiffer()
    {
        using var link = TwoKmes(new QkdLinkOptions { KeySize = 128 });
        using QkdKeyContainer keys = await link.CreateKeySource(0, "SAE_A").GetKeysAsync("SAE_B", new QkdKeyRequest { Number = 2 });
        Assert.All(keys.Keys, k => Assert.Equal(128, k.SizeInBits));
        Assert.False(keys.Keys[0].Key.SequenceEqual(keys.Keys[1].Key));
    }

    [Fact]
    public async Task AccessControl_OnlyTheNamedSlaveOfThatMaster()
    {
        using var link = TwoKmes();
        using QkdKeyContainer sent = await link.CreateKeySource(0, "SAE_A").GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256));
        Guid id = sent.Keys[0].KeyId;

        // Another SAE (the slave of another pair) is not the key's slave: 401.
        var other = await Assert.ThrowsAsync<KeySourceException>(() => link.CreateKeySource(1, "SAE_C").GetKeysWithIdsAsync("SAE_A", [id]));
        Assert.Equal((KeySourceError.Unauthorized, 401), (other.Error, other.HttpStatus));

        // The master cannot fetch its own key as a slave either.
        var own = await Assert.ThrowsAsync<KeySourceException>(() => link.CreateKeySource(0, "SAE_A").GetKeysWithIdsAsync("SAE_A", [id]));
        Assert.Equal(KeySourceError.Unauthorized, own.Error);

        // The right slave naming the wrong master: not found for that master.
        var wrongMaster = await Assert.ThrowsAsync<KeySourceException>(() => link.CreateKeySource(1, "SAE_B").GetKeysWithIdsAsync("SAE_C", [id]));
        Assert.Equal(KeySourceError.KeyNotFound, wrongMaster.Error);

        // None of that consumed the key.
        using QkdKeyContainer got = await link.CreateKeySource(1, "SAE_B").GetKeysWithIdsAsync("SAE_A", [id]);
        Assert.True(got.Keys[0].Key.SequenceEqual(sent.Keys[0].Key));
    }

    [Fact]
    public async Task UnknownOrRepeatedIds_FailTheWholeRequest()
    {
        using var link = TwoKmes();
        using QkdKeyContainer sent = await link.CreateKeySource(0, "SAE_A").GetKeysAsync("SAE_B", QkdKeyRequest.For(2, 256));
        SimulatedKeySource slave = link.CreateKeySource(1, "SAE_B");
        var unknown = await Assert.ThrowsAsync<KeySourceException>(() => slave.GetKeysWithIdsAsync("SAE_A", [sent.Keys[0].KeyId, Guid.NewGuid()]));
        Assert.Equal(KeySourceError.KeyNotFound, unknown.Error);
        var repeated = await Assert.ThrowsAsync<KeySourceException>(() => slave.GetKeysWithIdsAsync("SAE_A", [sent.Keys[1].KeyId, sent.Keys[1].KeyId]));
        Assert.Equal(KeySourceError.KeyNotFound, repeated.Error);
        Assert.Equal(2, link.PendingKeyCount); // all or nothing
        using QkdKeyContainer both = await slave.GetKeysWithIdsAsync("SAE_A", sent.Keys.Select(k => k.KeyId).ToArray());
        Assert.Equal(2, both.Keys.Count);
    }

    [Fact]
    public async Task Multicast_EachSlaveFetchesOnce()
    {
        using var link = TwoKmes(new QkdLinkOptions { MaxSaeIdCount = 2 });
        var request = new QkdKeyRequest { Number = 1, SizeInBits = 256, AdditionalSlaveSaeIds = ["SAE_C", "SAE_D"] };
        using QkdKeyContainer sent = await link.CreateKeySource(0, "SAE_A").GetKeysAsync("SAE_B", request);
        Guid id = sent.Keys[0].KeyId;
        foreach ((int kme, string sae) in new[] { (1, "SAE_B"), (0, "SAE_C"), (1, "SAE_D") })
        {
            Assert.Equal(1, link.PendingKeyCount);
            using QkdKeyContainer got = await link.CreateKeySource(kme, sae).GetKeysWithIdsAsync("SAE_A", [id]);
            Assert.True(got.Keys[0].Key.SequenceEqual(sent.Keys[0].Key));
            var twice = await Assert.ThrowsAsync<KeySourceException>(() => link.CreateKeySource(kme, sae).GetKeysWithIdsAsync("SAE_A", [id]));
            Assert.Equal(KeySourceError.KeyNotFound, twice.Error);
        }

        Assert.Equal(0, link.PendingKeyCount);
        var tooMany = new QkdKeyRequest { AdditionalSlaveSaeIds = ["SAE_C", "SAE_D", "SAE_E"] };
        var e = await Assert.ThrowsAsync<KeySourceException>(() => link.CreateKeySource(0, "SAE_A").GetKeysAsync("SAE_B", tooMany));
        Assert.Equal((KeySourceError.RequestTooLarge, 400), (e.Error, e.HttpStatus));
    }

    [Theory]
    [InlineData(1, 100, KeySourceError.InvalidKeySize, "size shall be a multiple of 8")]
    [InlineData(1, 56, KeySourceError.InvalidKeySize, "size shall be between min_key_size (64) and max_key_size (4096)")]
    [InlineData(1, 4104, KeySourceError.InvalidKeySize, "size shall be between min_key_size (64) and max_key_size (4096)")]
    [InlineData(11, 256, KeySourceError.RequestTooLarge, "number shall not exceed max_key_per_request (10)")]
    [InlineData(0, 256, KeySourceError.BadRequest, "number shall be at least 1")]
    public async Task BadRequests_Are400WithTheMessage(int number, int size, KeySourceError error, string message)
    {
        using var link = TwoKmes(new QkdLinkOptions { MaxKeyPerRequest = 10 });
        var e = await Assert.ThrowsAsync<KeySourceException>(() =>
            link.CreateKeySource(0, "SAE_A").GetKeysAsync("SAE_B", new QkdKeyRequest { Number = number, SizeInBits = size }));
        Assert.Equal((error, 400, message), (e.Error, e.HttpStatus, e.KmeMessage));
        Assert.Equal(1000, link.StoredKeyCount); // nothing consumed
    }

    [Fact]
    public async Task MandatoryExtensions_AreRefused()
    {
        using var link = TwoKmes();
        using var doc = System.Text.Json.JsonDocument.Parse("\"direct\"");
        var request = new QkdKeyRequest { ExtensionMandatory = [new KeyValuePair<string, System.Text.Json.JsonElement>("abc_route_type", doc.RootElement)] };
        var e = await Assert.ThrowsAsync<KeySourceException>(() => link.CreateKeySource(0, "SAE_A").GetKeysAsync("SAE_B", request));
        Assert.Equal((KeySourceError.ExtensionNotSupported, 400, "not all extension_mandatory parameters are supported"), (e.Error, e.HttpStatus, e.KmeMessage));
    }

    [Fact]
    public async Task KeyRate_FillsTheBufferOverTime_UpToMaxKeyCount()
    {
        var clock = new ManualTimeProvider();
        using var link = TwoKmes(new QkdLinkOptions { KeyRateBitsPerSecond = 256, MaxKeyCount = 4, KeySize = 256, StartFull = false, TimeProvider = clock });
        SimulatedKeySource master = link.CreateKeySource(0, "SAE_A");
        Assert.Equal(0, (await master.GetStatusAsync("SAE_B")).StoredKeyCount);
        var empty = await Assert.ThrowsAsync<KeySourceException>(() => master.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256)));
        Assert.Equal((KeySourceError.KeysExhausted, 503), (empty.Error, empty.HttpStatus));
        Assert.True(empty.IsTransient);

        clock.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal(2, (await master.GetStatusAsync("SAE_B")).StoredKeyCount);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(4, (await master.GetStatusAsync("SAE_B")).StoredKeyCount); // bounded by max_key_count

        // 3 keys of 256 bits leave one; 512 bits need two.
        using (QkdKeyContainer three = await master.GetKeysAsync("SAE_B", QkdKeyRequest.For(3, 256)))
        {
            Assert.Equal(3, three.Keys.Count);
        }

        Assert.Equal(1, link.StoredKeyCount);
        var shortOfBits = await Assert.ThrowsAsync<KeySourceException>(() => master.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 512)));
        Assert.Equal(KeySourceError.KeysExhausted, shortOfBits.Error);
        clock.Advance(TimeSpan.FromSeconds(1));
        using QkdKeyContainer big = await master.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 512));
        Assert.Equal(64, big.Keys[0].Length);
        Assert.Equal(0, link.StoredKeyCount);
    }

    [Fact]
    public async Task UnlimitedRate_NeverRunsDry()
    {
        using var link = TwoKmes(new QkdLinkOptions { MaxKeyCount = 2, KeySize = 256 });
        SimulatedKeySource master = link.CreateKeySource(0, "SAE_A");
        for (int i = 0; i < 20; i++)
        {
            using QkdKeyContainer keys = await master.GetKeysAsync("SAE_B", QkdKeyRequest.For(2, 256));
            Assert.Equal(2, (await master.GetStatusAsync("SAE_B")).StoredKeyCount);
        }

        // ...but one request cannot exceed the buffer.
        var e = await Assert.ThrowsAsync<KeySourceException>(() => master.GetKeysAsync("SAE_B", QkdKeyRequest.For(3, 256)));
        Assert.Equal(KeySourceError.KeysExhausted, e.Error);
    }

    [Fact]
    public async Task ReplicationLag_KeysReachTheOtherKmeLater()
    {
        var clock = new ManualTimeProvider();
        using var link = TwoKmes(new QkdLinkOptions { TimeProvider = clock });
        link.Faults.ReplicationLag = TimeSpan.FromSeconds(5);
        using QkdKeyContainer sent = await link.CreateKeySource(0, "SAE_A").GetKeysAsync("SAE_B", QkdKeyRequest.For(2, 256));
        var early = await Assert.ThrowsAsync<KeySourceException>(() => link.CreateKeySource(1, "SAE_B").GetKeysWithIdsAsync("SAE_A", [sent.Keys[0].KeyId]));
        Assert.Equal(KeySourceError.KeyNotFound, early.Error);

        // At the issuing KME there is no lag.
        using (QkdKeyContainer local = await link.CreateKeySource(0, "SAE_B").GetKeysWithIdsAsync("SAE_A", [sent.Keys[1].KeyId]))
        {
            Assert.True(local.Keys[0].Key.SequenceEqual(sent.Keys[1].Key));
        }

        clock.Advance(TimeSpan.FromSeconds(5));
        using QkdKeyContainer late = await link.CreateKeySource(1, "SAE_B").GetKeysWithIdsAsync("SAE_A", [sent.Keys[0].KeyId]);
        Assert.True(late.Keys[0].Key.SequenceEqual(sent.Keys[0].Key));
    }

    [Fact]
    public async Task Faults_503_Html401_Stopped()
    {
        using var link = TwoKmes();
        SimulatedKeySource master = link.CreateKeySource(0, "SAE_A");
        link.Faults.FailNextRequests(2);
        for (int i = 0; i < 2; i++)
        {
            var e = await Assert.ThrowsAsync<KeySourceException>(() => master.GetStatusAsync("SAE_B"));
            Assert.Equal((KeySourceError.ServiceUnavailable, 503), (e.Error, e.HttpStatus));
        }

        Assert.Equal(1000, (await master.GetStatusAsync("SAE_B")).StoredKeyCount);

        link.Faults.Html401NextRequests(1);
        var html = await Assert.ThrowsAsync<KeySourceException>(() => master.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256)));
        Assert.Equal((KeySourceError.Unauthorized, 401, null), (html.Error, html.HttpStatus, html.KmeMessage));
        Assert.Equal(1000, link.StoredKeyCount); // refused before consuming anything

        link.Faults.Html401When = r => r.Operation == "dec_keys";
        using QkdKeyContainer keys = await master.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256));
        var byPredicate = await Assert.ThrowsAsync<KeySourceException>(() => link.CreateKeySource(1, "SAE_B").GetKeysWithIdsAsync("SAE_A", [keys.Keys[0].KeyId]));
        Assert.Equal(KeySourceError.Unauthorized, byPredicate.Error);
        link.Faults.Html401When = null;

        link.Faults.StopServing();
        var stopped = await Assert.ThrowsAsync<KeySourceException>(() => master.GetStatusAsync("SAE_B"));
        Assert.Equal((KeySourceError.Unreachable, null), (stopped.Error, stopped.HttpStatus));
        link.Faults.ResumeServing();
        using QkdKeyContainer got = await link.CreateKeySource(1, "SAE_B").GetKeysWithIdsAsync("SAE_A", [keys.Keys[0].KeyId]);
        Assert.Single(got.Keys);
    }

    [Fact]
    public async Task ConcurrentMastersAndSlaves_EachKeyDeliveredExactlyOnce()
    {
        using var link = TwoKmes(new QkdLinkOptions { MaxKeyCount = 100_000 });
        var all = new System.Collections.Concurrent.ConcurrentDictionary<Guid, byte>();
        Task[] workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            SimulatedKeySource master = link.CreateKeySource(w % 2, $"M{w}");
            SimulatedKeySource slave = link.CreateKeySource(1 - (w % 2), $"S{w}");
            for (int i = 0; i < 50; i++)
            {
                using QkdKeyContainer sent = await master.GetKeysAsync($"S{w}", QkdKeyRequest.For(4, 256));
                using QkdKeyContainer got = await slave.GetKeysWithIdsAsync($"M{w}", sent.Keys.Select(k => k.KeyId).ToArray());
                for (int k = 0; k < 4; k++)
                {
                    Assert.True(got.Keys[k].Key.SequenceEqual(sent.Keys[k].Key));
                    Assert.True(all.TryAdd(got.Keys[k].KeyId, 0));
                }
            }
        })).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(8 * 50 * 4, all.Count);
        Assert.Equal(0, link.PendingKeyCount);
    }

    [Fact]
    public async Task Dispose_ClearsAndRefuses()
    {
        var link = TwoKmes();
        SimulatedKeySource master = link.CreateKeySource(0, "SAE_A");
        using QkdKeyContainer sent = await master.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256));
        link.Dispose();
        Assert.Equal(0, link.PendingKeyCount);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => link.CreateKeySource(1, "SAE_B").GetKeysWithIdsAsync("SAE_A", [sent.Keys[0].KeyId]));
    }

    [Fact]
    public async Task BadArguments_AreArgumentExceptions()
    {
        Assert.Throws<ArgumentException>(() => new SimulatedQkdLink(["A", "A"]));
        Assert.Throws<ArgumentException>(() => new SimulatedQkdLink(["A", "B", "C"]));
        Assert.Throws<ArgumentException>(() => new SimulatedQkdLink(["A"], new QkdLinkOptions { KeySize = 100 }));
        using var link = new SimulatedQkdLink(["A"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => link.CreateKeySource(1, "SAE_A"));
        Assert.Throws<ArgumentException>(() => link.CreateKeySource(0, ""));
        await Assert.ThrowsAsync<ArgumentException>(() => link.CreateKeySource(0, "SAE_A").GetKeysWithIdsAsync("SAE_B", Array.Empty<Guid>()));
    }
}
