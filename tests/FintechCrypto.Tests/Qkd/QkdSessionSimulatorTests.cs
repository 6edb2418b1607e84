using System;
using System.Linq;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Simulator;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>QkdSession over the KME simulator's in-process ETSI 014 source (two KMEs of one simulated link).</summary>
public sealed class QkdSessionSimulatorTests
{
    [Theory]
    [InlineData("ML-KEM-768")]
    [InlineData("X-Wing")]
    public async Task SessionsRunAndRekeyOverTheSimulatedLink(string kemName)
    {
        using var link = new SimulatedQkdLink(["KME-A", "KME-B"], new QkdLinkOptions { MaxKeyCount = 100, KeyRateBitsPerSecond = 1, TimeProvider = new ManualTimeProvider() }); // a clock that stands still: no refill
        using var pair = new QkdSessionPair(
            KemAlgorithm.FromName(kemName),
            configureInitiator: o => o.KeySource = link.CreateKeySource(0, o.LocalSaeId),
            configureResponder: o => o.KeySource = link.CreateKeySource(1, o.LocalSaeId));
        byte[] handshake = await pair.EstablishAsync();
        QkdHandshakeMessage decoded = QkdHandshakeMessage.FromBytes(handshake);
        Assert.Equal("KME-A", decoded.SourceKmeId);
        Assert.Equal("KME-B", decoded.TargetKmeId);
        pair.AssertKeysMatchAndRecordsFlow();

        var keyIds = pair.Initiator.CurrentKeyIds.ToList();
        for (int i = 0; i < 10; i++)
        {
            await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
            pair.AssertKeysMatchAndRecordsFlow(4096);
            keyIds.AddRange(pair.Responder.CurrentKeyIds);
        }

        Assert.Equal(11, keyIds.Distinct().Count());
        Assert.Equal(0, link.PendingKeyCount); // every key fetched by the slave, so the simulator cleared it
        Assert.Equal(89, link.StoredKeyCount);

        // One-time delivery at the KME: the same handshake cannot be accepted by a second responder.
        using QkdSession second = QkdSession.CreateResponder(pair.ResponderOptions, pair.DecapsulationKey);
        var refused = await Assert.ThrowsAsync<QkdSessionException>(() => second.AcceptAsync(handshake));
        Assert.Equal(QkdSessionError.KeySourceFailed, refused.Error);
    }

    [Fact]
    public async Task ExhaustionAndAStoppedKmeFollowThePolicy()
    {
        using var link = new SimulatedQkdLink(["KME-A", "KME-B"], new QkdLinkOptions { MaxKeyCount = 2, KeyRateBitsPerSecond = 1, TimeProvider = new ManualTimeProvider() });
        using var failClosed = new QkdSessionPair(
            KemAlgorithm.MlKem768,
            configureInitiator: o => o.KeySource = link.CreateKeySource(0, o.LocalSaeId),
            configureResponder: o => o.KeySource = link.CreateKeySource(1, o.LocalSaeId));
        await failClosed.EstablishAsync();
        await failClosed.Responder.AcceptAsync((await failClosed.Initiator.RekeyAsync())!);
        var exhausted = await Assert.ThrowsAsync<QkdSessionException>(() => failClosed.Initiator.RekeyAsync());
        Assert.Equal(QkdSessionError.KeySourceFailed, exhausted.Error);
        Assert.IsType<KeySourceException>(exhausted.InnerException);

        using var link2 = new SimulatedQkdLink(["KME-A", "KME-B"]);
        using var fallback = new QkdSessionPair(
            KemAlgorithm.XWing,
            configureInitiator: o => { o.KeySource = link2.CreateKeySource(0, o.LocalSaeId); o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly; },
            configureResponder: o => { o.KeySource = link2.CreateKeySource(1, o.LocalSaeId); o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly; });
        await fallback.EstablishAsync();
        link2.Faults.StopServing();
        await fallback.Responder.AcceptAsync((await fallback.Initiator.RekeyAsync())!);
        Assert.Equal(QkdSessionMode.PostQuantumOnly, fallback.Responder.Mode);
        fallback.AssertKeysMatchAndRecordsFlow();
        link2.Faults.ResumeServing();
        await fallback.Responder.AcceptAsync((await fallback.Initiator.RekeyAsync())!);
        Assert.Equal(QkdSessionMode.Hybrid, fallback.Responder.Mode);
        fallback.AssertKeysMatchAndRecordsFlow();
    }
}
