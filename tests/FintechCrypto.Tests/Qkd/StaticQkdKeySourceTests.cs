using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// The static (lab key file) source: loads a 014 Key container on both ends, delivers each key once per end, lets both
/// ends be master without ever handing out one key twice, keeps a journal across restarts, refuses bad files with
/// KeySourceException, and carries a QkdSession.
/// </summary>
public sealed class StaticQkdKeySourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-static-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task BothEnds_LoadTheFile_AndTheSlaveFetchesTheMastersKeys()
    {
        string file = WriteKeyFile(10, 32, out List<(Guid Id, byte[] Key)> keys);
        using var alice = StaticQkdKeySource.FromFile(file, "SAE_A");
        using var bob = StaticQkdKeySource.FromFile(file, "SAE_B");

        using QkdKeyContainer sent = await alice.GetKeysAsync("SAE_B", QkdKeyRequest.For(2, 256));
        Assert.Equal(keys.Take(2).Select(k => k.Id), sent.Keys.Select(k => k.KeyId)); // SAE_A sorts first: from the front
        using QkdKeyContainer received = await bob.GetKeysWithIdsAsync("SAE_A", sent.Keys.Select(k => k.KeyId).ToArray());
        Assert.Equal(sent.Keys.Select(k => k.Key.ToArray()), received.Keys.Select(k => k.Key.ToArray()));
        Assert.Equal(keys[0].Key, received.Keys[0].Key.ToArray());

        // Once each: a second fetch is refused like a KME refuses it.
        KeySourceException again = await Assert.ThrowsAsync<KeySourceException>(() => bob.GetKeysWithIdsAsync("SAE_A", [sent.Keys[0].KeyId]));
        Assert.Equal(KeySourceError.KeyNotFound, again.Error);
        Assert.Equal(400, again.HttpStatus);

        // Bob as master takes from the back.
        using QkdKeyContainer back = await bob.GetKeysAsync("SAE_A", QkdKeyRequest.For(1, 256));
        Assert.Equal(keys[^1].Id, back.Keys[0].KeyId);

        QkdKeySourceStatus status = await alice.GetStatusAsync("SAE_B");
        Assert.Equal(8, status.StoredKeyCount);
        Assert.Equal(256, status.KeySize);
        Assert.Equal("StaticQkdKeySource(SAE_A, 8 of 10 keys left)", alice.ToString());
    }

    [Property(MaxTest = 30)]
    public void BothDirections_NeverHandOutTheSameKey(byte[] directions)
    {
        string file = WriteKeyFile(12, 16, out _);
        using var alice = StaticQkdKeySource.FromFile(file, "SAE_A");
        using var bob = StaticQkdKeySource.FromFile(file, "SAE_B");
        var issued = new HashSet<Guid>();
        foreach (byte d in directions)
        {
            (StaticQkdKeySource master, StaticQkdKeySource slave, string peer, string self) = d % 2 == 0 ? (alice, bob, "SAE_B", "SAE_A") : (bob, alice, "SAE_A", "SAE_B");
            try
            {
                using QkdKeyContainer keys = master.GetKeysAsync(peer, QkdKeyRequest.For(1, 128)).GetAwaiter().GetResult();
                Assert.True(issued.Add(keys.Keys[0].KeyId));
                using QkdKeyContainer same = slave.GetKeysWithIdsAsync(self, [keys.Keys[0].KeyId]).GetAwaiter().GetResult();
                Assert.Equal(keys.Keys[0].Key.ToArray(), same.Keys[0].Key.ToArray());
            }
            catch (KeySourceException e)
            {
                Assert.Equal(KeySourceError.KeysExhausted, e.Error);
                Assert.Equal(12, issued.Count);
            }
        }
    }

    [Fact]
    public async Task TheJournal_KeepsDeliveredKeysDeliveredAcrossRestarts()
    {
        string file = WriteKeyFile(3, 32, out List<(Guid Id, byte[] Key)> keys);
        string journal = Path.Combine(_dir, "journal.txt");
        using (var first = StaticQkdKeySource.FromFile(file, "SAE_A", journal))
        {
            using QkdKeyContainer k = await first.GetKeysAsync("SAE_B", QkdKeyRequest.For(2, 256));
        }

        string text = File.ReadAllText(journal);
        Assert.Contains(keys[0].Id.ToString("D"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(keys[0].Key), text, StringComparison.Ordinal);

        using var restarted = StaticQkdKeySource.FromFile(file, "SAE_A", journal);
        Assert.Equal(1, restarted.RemainingKeyCount);
        using QkdKeyContainer next = await restarted.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256));
        Assert.Equal(keys[2].Id, next.Keys[0].KeyId);
        KeySourceException exhausted = await Assert.ThrowsAsync<KeySourceException>(() => restarted.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256)));
        Assert.Equal(KeySourceError.KeysExhausted, exhausted.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"keys\":[]}")]
    [InlineData("{\"keys\":[{\"key_ID\":\"not-a-uuid\",\"key\":\"AAAA\"}]}")]
    [InlineData("{\"keys\":[{\"key_ID\":\"bc490419-7d60-487f-adc1-4ddcc177c139\",\"key\":\"A A=\"}]}")]
    [InlineData("{\"keys\":[{\"key_ID\":\"bc490419-7d60-487f-adc1-4ddcc177c139\",\"key\":\"AAAA\"}")]
    public void BadFiles_AreKeySourceExceptions(string content)
    {
        string file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, content);
        KeySourceException e = Assert.Throws<KeySourceException>(() => StaticQkdKeySource.FromFile(file, "SAE_A"));
        Assert.Equal(KeySourceError.InvalidResponse, e.Error);
    }

    [Fact]
    public async Task Refusals_AreClear()
    {
        using var first = new QkdKey(Guid.NewGuid(), new byte[32]);
        using var other = new QkdKey(Guid.NewGuid(), new byte[16]);
        Assert.Throws<ArgumentException>(() => StaticQkdKeySource.Create("SAE_A", [first, other]));
        Assert.Throws<ArgumentException>(() => StaticQkdKeySource.Create("SAE_A", [first, first]));
        Assert.Throws<ArgumentException>(() => StaticQkdKeySource.Create("SAE_A", []));

        using StaticQkdKeySource source = StaticQkdKeySource.Create("SAE_A", [first]);
        Assert.Equal(KeySourceError.InvalidKeySize, (await Assert.ThrowsAsync<KeySourceException>(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 128)))).Error);
        Assert.Equal(KeySourceError.KeysExhausted, (await Assert.ThrowsAsync<KeySourceException>(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(2, 256)))).Error);
        Assert.Equal(KeySourceError.KeyNotFound, (await Assert.ThrowsAsync<KeySourceException>(() => source.GetKeysWithIdsAsync("SAE_B", [Guid.NewGuid()]))).Error);
        source.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => source.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256)));
        Assert.False(first.IsDisposed); // the caller's keys are its own
    }

    [Fact]
    public async Task AQkdSession_RunsOverStaticKeys()
    {
        string file = WriteKeyFile(4, 32, out _);
        using var alice = StaticQkdKeySource.FromFile(file, "SAE_A");
        using var bob = StaticQkdKeySource.FromFile(file, "SAE_B");
        using DecapsulationKey dk = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        var responderKey = QkdResponderKey.Pinned(KemAlgorithm.MlKem768, dk.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey));
        using QkdSession initiator = QkdSession.CreateInitiator(new QkdSessionOptions { LocalSaeId = "SAE_A", PeerSaeId = "SAE_B", KeySource = alice }, responderKey);
        using QkdSession responder = QkdSession.CreateResponder(new QkdSessionOptions { LocalSaeId = "SAE_B", PeerSaeId = "SAE_A", KeySource = bob }, dk);

        await responder.AcceptAsync(await initiator.InitiateAsync());
        byte[] record = initiator.Protect(Encoding.UTF8.GetBytes("pacs.008 settlement"));
        Assert.True(responder.TryUnprotect(record, out byte[]? plain));
        Assert.Equal("pacs.008 settlement", Encoding.UTF8.GetString(plain));
        Assert.Equal(3, alice.RemainingKeyCount);
        Assert.Equal(3, bob.RemainingKeyCount);
    }

    private string WriteKeyFile(int count, int bytes, out List<(Guid Id, byte[] Key)> keys)
    {
        keys = Enumerable.Range(0, count).Select(_ => (Guid.NewGuid(), RandomNumberGenerator.GetBytes(bytes))).ToList();
        string json = "{\"keys\":[" + string.Join(",", keys.Select(k => $"{{\"key_ID\":\"{k.Id:D}\",\"key\":\"{Convert.ToBase64String(k.Key)}\"}}")) + "]}";
        string file = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, json);
        return file;
    }
}
