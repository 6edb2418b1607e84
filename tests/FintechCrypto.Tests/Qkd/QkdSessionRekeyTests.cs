using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>Rekeying by records, bytes and time; the previous epoch's grace period; fresh keys every epoch.</summary>
public sealed class QkdSessionRekeyTests
{
    [Theory]
    [InlineData("ML-KEM-768")]
    [InlineData("X-Wing")]
    public async Task RekeyingByRecordCountAcrossThousandsOfMessages(string kemName)
    {
        const int limit = 250;
        using var pair = new QkdSessionPair(KemAlgorithm.FromName(kemName), configureInitiator: o => o.RekeyAfterMessages = limit, configureResponder: o => o.RekeyAfterMessages = limit);
        await pair.EstablishAsync();
        var fingerprints = new HashSet<string>();
        int rekeys = 0;
        for (int i = 0; i < 5000; i++)
        {
            if (pair.Initiator.IsRekeyDue)
            {
                await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
                rekeys++;
            }

            if (i % 50 == 0)
            {
                var (epoch, send, receive) = pair.Initiator.CurrentKeyFingerprintsForTesting();
                fingerprints.Add($"{epoch}:{Convert.ToHexString(send)}");
                fingerprints.Add($"{epoch}:{Convert.ToHexString(receive)}");
            }

            byte[] message = BitConverter.GetBytes(i);
            Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect(message), out byte[]? opened));
            Assert.Equal(message, opened);
            Assert.True(pair.Initiator.TryUnprotect(pair.Responder.Protect(message), out opened));
            Assert.Equal(message, opened);
        }

        Assert.Equal(5000 / limit - 1, rekeys);
        Assert.Equal((uint)rekeys, pair.Responder.Epoch);
        Assert.Equal(2 * (rekeys + 1), fingerprints.Select(f => f[(f.IndexOf(':') + 1)..]).Distinct().Count()); // every key new
        Assert.Equal(rekeys + 1, pair.Link.Issued.Count);
        Assert.Equal(pair.Link.Issued.Count, pair.Link.Issued.Distinct().Count());
        Assert.Equal(pair.Link.Issued, pair.Link.Delivered);
        Assert.Equal(rekeys, pair.InitiatorEvents.Count(e => e.Kind == QkdSessionEventKind.Rekeyed));
        Assert.Equal(rekeys, pair.ResponderEvents.Count(e => e.Kind == QkdSessionEventKind.Rekeyed));
        Assert.Equal(rekeys + 1, pair.InitiatorEvents.Count(e => e.Kind == QkdSessionEventKind.RekeyDue)); // the last epoch reached its limit too
    }

    [Fact]
    public async Task RekeyingByBytes()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureInitiator: o => o.RekeyAfterBytes = 10_000);
        await pair.EstablishAsync();
        byte[] chunk = new byte[1000];
        for (int i = 0; i < 10; i++)
        {
            Assert.False(pair.Initiator.IsRekeyDue);
            Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect(chunk), out _));
        }

        Assert.True(pair.Initiator.IsRekeyDue);
        var e = Assert.Throws<QkdSessionException>(() => pair.Initiator.Protect(chunk)); // FailClosed: no 11th kilobyte
        Assert.Equal(QkdSessionError.RekeyRequired, e.Error);
        Assert.Equal(QkdSessionState.RekeyRequired, pair.Initiator.State);

        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        Assert.Equal(QkdSessionState.Established, pair.Initiator.State);
        Assert.False(pair.Initiator.IsRekeyDue);
        Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect(chunk), out _));
    }

    [Fact]
    public async Task RekeyingByTimeWithAFakeClock()
    {
        var clock = new ManualTimeProvider();
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureInitiator: o => o.RekeyAfterTime = TimeSpan.FromMinutes(5), configureResponder: o => o.RekeyAfterTime = TimeSpan.FromMinutes(5), time: clock);
        await pair.EstablishAsync();
        for (int minute = 1; minute <= 60; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            if (minute % 5 == 0)
            {
                Assert.True(pair.Initiator.IsRekeyDue);
                Assert.True(pair.Responder.IsRekeyDue);
                Assert.Throws<QkdSessionException>(() => pair.Responder.Protect(new byte[1]));
                await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
            }

            Assert.False(pair.Initiator.IsRekeyDue);
            pair.AssertKeysMatchAndRecordsFlow(16);
        }

        Assert.Equal(12u, pair.Initiator.Epoch);
        Assert.Equal(13, pair.Link.Issued.Distinct().Count());
    }

    [Fact]
    public async Task InFlightRecordsOfThePreviousEpochOpenDuringTheGraceAndNotAfter()
    {
        var clock = new ManualTimeProvider();
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureInitiator: o => o.PreviousEpochGrace = TimeSpan.FromSeconds(30), configureResponder: o => o.PreviousEpochGrace = TimeSpan.FromSeconds(30), time: clock);
        await pair.EstablishAsync();
        byte[] oldFromInitiator = pair.Initiator.Protect([1]);
        byte[] oldFromResponder = pair.Responder.Protect([2]);
        byte[] lateFromInitiator = pair.Initiator.Protect([3]);
        byte[] lateFromResponder = pair.Responder.Protect([4]);

        byte[] rekey = (await pair.Initiator.RekeyAsync())!;
        byte[] newFromInitiator = pair.Initiator.Protect([5]);                      // the initiator sends in epoch 1 at once
        Assert.Equal(1u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(newFromInitiator.AsSpan(1)));
        Assert.True(pair.Initiator.TryUnprotect(oldFromResponder, out _));           // epoch 0 still opens at the initiator
        await pair.Responder.AcceptAsync(rekey);
        Assert.True(pair.Responder.TryUnprotect(oldFromInitiator, out _));           // and at the responder
        Assert.True(pair.Responder.TryUnprotect(newFromInitiator, out _));
        Assert.False(pair.Responder.TryUnprotect(oldFromInitiator, out _));          // the old epoch's window still refuses replays

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.False(pair.Responder.TryUnprotect(lateFromInitiator, out _));         // grace over: the old keys are gone
        Assert.False(pair.Initiator.TryUnprotect(lateFromResponder, out _));
        Assert.Contains(pair.ResponderEvents, e => e.Kind == QkdSessionEventKind.EpochRetired && e.Epoch == 0);
        Assert.Contains(pair.InitiatorEvents, e => e.Kind == QkdSessionEventKind.EpochRetired && e.Epoch == 0);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task OnlyOnePreviousEpochIsKept()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        await pair.EstablishAsync();
        byte[] epoch0 = pair.Initiator.Protect([0]);
        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        byte[] epoch1 = pair.Initiator.Protect([1]);
        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        Assert.False(pair.Responder.TryUnprotect(epoch0, out _)); // two epochs back: cleared at once
        Assert.True(pair.Responder.TryUnprotect(epoch1, out _));
    }
}
