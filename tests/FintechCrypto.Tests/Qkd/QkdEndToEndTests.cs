using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi004;
using FintechCrypto.Qkd.Etsi014;
using FintechCrypto.Qkd.Simulator;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// The whole stack over real HTTPS with mutual TLS (<see cref="HttpsQkdLab"/>): QkdSession initiator (SAE_A) and
/// responder (SAE_B), each with its own Etsi014KeySource talking to its own KME of a two-KME KmeSimulator; rekeying
/// across thousands of records; replication lag; an intruding SAE; client certificates; ETSI 004 over 014 clients.
/// </summary>
public sealed class QkdEndToEndTests : IAsyncLifetime
{
    private HttpsQkdLab _lab = null!;

    public async Task InitializeAsync() => _lab = await HttpsQkdLab.StartAsync();

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    [Theory]
    [InlineData("ML-KEM-768")]
    [InlineData("X-Wing")]
    public async Task Sessions_DeriveTheSameKeys_AndRekeyByMessageCount_AcrossThousandsOfRecords(string kemName)
    {
        const int Records = 3000;
        const int RekeyAfter = 250;
        using QkdSessionPair pair = _lab.Pair(KemAlgorithm.FromName(kemName), o => o.RekeyAfterMessages = RekeyAfter, pinServer: true);

        byte[] first = await pair.EstablishAsync();
        QkdHandshakeMessage decoded = QkdHandshakeMessage.FromBytes(first);
        Assert.Equal(("KME_A", "KME_B", "SAE_A", "SAE_B"), (decoded.SourceKmeId, decoded.TargetKmeId, decoded.InitiatorSaeId, decoded.ResponderSaeId));
        Assert.Equal((QkdSessionMode.Hybrid, QkdSessionMode.Hybrid), (pair.Initiator.Mode, pair.Responder.Mode));
        pair.AssertKeysMatchAndRecordsFlow();

        var epochKeyIds = new List<Guid>(pair.Initiator.CurrentKeyIds);
        var sendFingerprints = new List<string> { Convert.ToHexString(pair.Initiator.CurrentKeyFingerprintsForTesting().Send) };
        Assert.Equal(pair.Initiator.CurrentKeyIds, pair.Responder.CurrentKeyIds);
        byte[] message = new byte[64];
        for (int i = 0; i < Records; i++)
        {
            if (pair.Initiator.IsRekeyDue)
            {
                // Each rekey is Get status + Get key at KME_A and Get key with key IDs at KME_B, over HTTPS.
                byte[]? rekey = await pair.Initiator.RekeyAsync();
                Assert.NotNull(rekey);
                await pair.Responder.AcceptAsync(rekey);
                Assert.Equal(pair.Initiator.CurrentKeyIds, pair.Responder.CurrentKeyIds);
                Assert.Single(pair.Responder.CurrentKeyIds);
                epochKeyIds.AddRange(pair.Responder.CurrentKeyIds);
                sendFingerprints.Add(Convert.ToHexString(pair.Initiator.CurrentKeyFingerprintsForTesting().Send));
                pair.AssertKeysMatchAndRecordsFlow();
            }

            BitConverter.TryWriteBytes(message, i);
            Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect(message), out byte[]? opened));
            Assert.Equal(message, opened);
            if (i % 7 == 0)
            {
                Assert.True(pair.Initiator.TryUnprotect(pair.Responder.Protect(message), out opened));
                Assert.Equal(message, opened);
            }
        }

        // 3000 records (+ one per check) at 250 per epoch: epochs 0 to 12.
        int epochs = (int)pair.Initiator.Epoch + 1;
        Assert.Equal(13, epochs);
        Assert.Equal(pair.Initiator.Epoch, pair.Responder.Epoch);
        Assert.Equal(epochs - 1, pair.InitiatorEvents.Count(e => e.Kind == QkdSessionEventKind.Rekeyed));
        Assert.Equal(epochs - 1, pair.ResponderEvents.Count(e => e.Kind == QkdSessionEventKind.Rekeyed));
        Assert.Equal(epochs, epochKeyIds.Distinct().Count()); // a fresh QKD key every epoch
        Assert.Equal(epochs, sendFingerprints.Distinct().Count()); // and fresh traffic keys

        // The link: the master took exactly one key per epoch (the clock stood still, so nothing refilled), the slave
        // fetched every one of them (nothing pending), and none can be fetched a second time.
        Assert.Equal(1000 - epochs, _lab.Link.StoredKeyCount);
        Assert.Equal(0, _lab.Link.PendingKeyCount);
        using Etsi014KeySource slave = _lab.Client(HttpsQkdLab.SlaveSaeId, 1, Etsi014RetryPolicy.None);
        foreach (Guid id in epochKeyIds)
        {
            KeySourceException again = await Etsi014TestClients.FailsAsync(() => slave.GetKeysWithIdsAsync(HttpsQkdLab.MasterSaeId, [id]));
            Assert.Equal((KeySourceError.KeyNotFound, 400), (again.Error, again.HttpStatus));
        }
    }

    [Fact]
    public async Task ReplicationLag_WithinTheRetryBudget_IsRetried_AndTheSessionEstablishes()
    {
        // Three back-offs of one second each cover a lag of two seconds.
        _lab.Faults.ReplicationLag = TimeSpan.FromSeconds(2);
        using QkdSessionPair pair = _lab.Pair(KemAlgorithm.MlKem768);

        await pair.EstablishAsync();

        Assert.Equal(2, _lab.BackOffs); // "not found" at KME_B twice, then the key had arrived
        pair.AssertKeysMatchAndRecordsFlow();
        Assert.Equal(0, _lab.Link.PendingKeyCount);
    }

    [Fact]
    public async Task ReplicationLag_LongerThanTheRetryBudget_FailsTheResponderClosed_UntilTheKeyArrives()
    {
        _lab.Faults.ReplicationLag = TimeSpan.FromSeconds(30);
        using QkdSessionPair pair = _lab.Pair(KemAlgorithm.XWing);
        byte[] handshake = await pair.Initiator.InitiateAsync();

        QkdSessionException e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(handshake));

        Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
        var cause = Assert.IsType<KeySourceException>(e.InnerException);
        Assert.Equal((KeySourceError.KeyNotFound, 400), (cause.Error, cause.HttpStatus));
        Assert.Equal(3, _lab.BackOffs); // the whole budget: 4 attempts
        Assert.Equal(QkdSessionState.Created, pair.Responder.State);
        Assert.Throws<InvalidOperationException>(() => pair.Responder.Protect(new byte[1]));
        Assert.Contains(pair.ResponderEvents, ev => ev.Kind == QkdSessionEventKind.Failure);

        // The failed fetches consumed nothing: once the key has reached KME_B, the same handshake is accepted.
        _lab.LinkClock.Advance(TimeSpan.FromSeconds(30));
        await pair.Responder.AcceptAsync(handshake);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task AnIntruderSae_IsRefusedTheKey_WhichStaysForTheRealSlave_AndIsDeliveredOnlyOnce()
    {
        using QkdSessionPair pair = _lab.Pair(KemAlgorithm.MlKem768);
        byte[] handshake = await pair.Initiator.InitiateAsync();

        // SAE_C intercepts the handshake and poses as SAE_B, but its certificate says SAE_C: the KME answers 401.
        using (QkdSession intruder = QkdSession.CreateResponder(HttpsQkdLab.ResponderOptionsWith(pair, _lab.Client(HttpsQkdLab.IntruderSaeId, 1)), pair.DecapsulationKey))
        {
            QkdSessionException e = await Assert.ThrowsAsync<QkdSessionException>(() => intruder.AcceptAsync(handshake));
            Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
            var cause = Assert.IsType<KeySourceException>(e.InnerException);
            Assert.Equal((KeySourceError.Unauthorized, 401), (cause.Error, cause.HttpStatus));
            Assert.Equal(0, _lab.BackOffs); // a 401 is not retried
        }

        await pair.Responder.AcceptAsync(handshake);
        pair.AssertKeysMatchAndRecordsFlow();

        // Replayed to a second SAE_B session, the handshake finds its key gone (one-time delivery).
        using QkdSession replay = QkdSession.CreateResponder(HttpsQkdLab.ResponderOptionsWith(pair, _lab.Client(HttpsQkdLab.SlaveSaeId, 1, Etsi014RetryPolicy.None)), pair.DecapsulationKey);
        QkdSessionException again = await Assert.ThrowsAsync<QkdSessionException>(() => replay.AcceptAsync(handshake));
        Assert.Equal((KeySourceError.KeyNotFound, 400), (((KeySourceException)again.InnerException!).Error, ((KeySourceException)again.InnerException!).HttpStatus));
    }

    [Fact]
    public async Task AWrongOrMissingClientCertificate_FailsTheHandshake_AsUnreachable_WithoutTakingKeys()
    {
        using KmePki rogue = KmePki.Create("127.0.0.1", [HttpsQkdLab.MasterSaeId]);
        foreach (Etsi014KeySource source in new[]
        {
            _lab.Client(HttpsQkdLab.MasterSaeId, 0, certificate: rogue.ClientCertificates[HttpsQkdLab.MasterSaeId]),
            _lab.Client(HttpsQkdLab.MasterSaeId, 0, noCertificate: true),
        })
        {
            using QkdSessionPair pair = _lab.Pair(KemAlgorithm.MlKem768, o =>
            {
                if (o.LocalSaeId == HttpsQkdLab.MasterSaeId)
                {
                    o.KeySource = source;
                }
            });

            QkdSessionException e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.InitiateAsync());

            Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
            var cause = Assert.IsType<KeySourceException>(e.InnerException);
            Assert.Equal(KeySourceError.Unreachable, cause.Error);
            Assert.Null(cause.HttpStatus);
            Assert.Equal(QkdSessionState.Created, pair.Initiator.State);
        }

        Assert.Equal(1000, _lab.Link.StoredKeyCount);
        Assert.Equal(0, _lab.BackOffs);
    }

    [Fact]
    public async Task Etsi004_KeyStreamsOverTwoEtsi014Clients_GiveBothEndsTheSameChunks()
    {
        using var service = new KeySourceKeyStreamService();
        IQkdKeyStream alice = service.Attach(HttpsQkdLab.MasterSaeId, _lab.Client(HttpsQkdLab.MasterSaeId, 0));
        IQkdKeyStream bob = service.Attach(HttpsQkdLab.SlaveSaeId, _lab.Client(HttpsQkdLab.SlaveSaeId, 1));
        var qos = new QkdQos { KeyChunkSize = 32, Timeout = 60_000 };

        QkdOpenConnectResult opened = await alice.OpenConnectAsync(HttpsQkdLab.MasterSaeId, HttpsQkdLab.SlaveSaeId, qos, null);
        Assert.Equal(Etsi004Status.PeerNotConnected, opened.Status);
        QkdOpenConnectResult joined = await bob.OpenConnectAsync(HttpsQkdLab.MasterSaeId, HttpsQkdLab.SlaveSaeId, qos, opened.KeyStreamId);
        Assert.Equal(Etsi004Status.Successful, joined.Status);
        Guid ksid = opened.KeyStreamId;

        var chunks = new List<byte[]>();
        for (int i = 0; i < 6; i++)
        {
            // Alternate who reads first: the first reader is master (enc_keys at its KME), the other slave (dec_keys at its own).
            (IQkdKeyStream first, IQkdKeyStream second) = i % 2 == 0 ? (alice, bob) : (bob, alice);
            using QkdGetKeyResult a = await first.GetKeyAsync(ksid);
            using QkdGetKeyResult b = await second.GetKeyAsync(ksid);
            Assert.Equal((Etsi004Status.Successful, Etsi004Status.Successful), (a.Status, b.Status));
            Assert.Equal((i, i), (a.Index, b.Index));
            Assert.Equal(a.Key!.KeyId, b.Key!.KeyId);
            Assert.Equal(32, a.Key.Length);
            Assert.Equal(a.Key.Key.ToArray(), b.Key.Key.ToArray());
            chunks.Add(a.Key.Key.ToArray());
        }

        Assert.Equal(6, chunks.Select(Convert.ToHexString).Distinct().Count());
        Assert.Equal(0, _lab.Link.PendingKeyCount);
        Assert.Equal(1000 - 6, _lab.Link.StoredKeyCount);
        Assert.Equal(Etsi004Status.Successful, await alice.CloseAsync(ksid));
        Assert.Equal(Etsi004Status.Successful, await bob.CloseAsync(ksid));
    }
}
