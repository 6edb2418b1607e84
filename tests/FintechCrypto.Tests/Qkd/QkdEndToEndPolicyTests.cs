using System;
using System.Linq;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// QkdSession's exhaustion policies over real HTTPS (<see cref="HttpsQkdLab"/>): a KME that stops mid-session, injected
/// 503s, a proxy's HTML 401 and an exhausted link, under FailClosed, KeepCurrentKeyUntil and ContinuePostQuantumOnly.
/// </summary>
public sealed class QkdEndToEndPolicyTests : IAsyncLifetime
{
    private HttpsQkdLab _lab = null!;

    public async Task InitializeAsync() => _lab = await HttpsQkdLab.StartAsync(link => link.MaxKeyCount = 3);

    public async Task DisposeAsync() => await _lab.DisposeAsync();

    [Fact]
    public async Task KmeStops_FailClosed_RekeyThrows_AndProtectIsRefusedOnceTheLimitsPass()
    {
        using QkdSessionPair pair = _lab.Pair(KemAlgorithm.MlKem768, o => { o.RekeyAfterMessages = 40; o.RekeyAfterTime = TimeSpan.FromDays(1); });
        await pair.EstablishAsync();
        pair.AssertKeysMatchAndRecordsFlow(); // one record each way

        await _lab.Kme.StopAsync(); // both KMEs stop listening: connections are refused

        QkdSessionException e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.RekeyAsync());
        Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
        Assert.Equal(KeySourceError.Unreachable, Assert.IsType<KeySourceException>(e.InnerException).Error);
        Assert.Equal((QkdSessionState.Established, 0u), (pair.Initiator.State, pair.Initiator.Epoch));

        // The current keys serve until their limit (40 records), and not one record more.
        for (int sent = 1; sent < 40; sent++)
        {
            Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect(new byte[16]), out _));
        }

        QkdSessionException refused = Assert.Throws<QkdSessionException>(() => pair.Initiator.Protect(new byte[16]));
        Assert.Equal(QkdSessionError.RekeyRequired, refused.Error);
        Assert.Equal(QkdSessionState.RekeyRequired, pair.Initiator.State);
        Assert.Equal(QkdSessionError.KeySourceFailed, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.RekeyAsync())).Error);
        Assert.Throws<QkdSessionException>(() => pair.Initiator.Protect(new byte[16]));
        Assert.Contains(pair.InitiatorEvents, ev => ev.Kind == QkdSessionEventKind.RekeyDue);
        Assert.DoesNotContain(pair.InitiatorEvents, ev => ev.Kind == QkdSessionEventKind.PolicyFallback);
    }

    [Fact]
    public async Task KmeStops_KeepCurrentKeyUntil_KeepsTheKeysUntilTheDeadline_NeverAfter_ThenRekeysWhenTheKmeResumes()
    {
        var time = new ManualTimeProvider();
        DateTimeOffset deadline = time.GetUtcNow() + TimeSpan.FromMinutes(10);
        using QkdSessionPair pair = _lab.Pair(
            KemAlgorithm.MlKem768,
            o => { o.ExhaustionPolicy = QkdExhaustionPolicy.KeepCurrentKeyUntil(deadline); o.RekeyAfterMessages = 20; o.RekeyAfterTime = TimeSpan.FromDays(1); },
            time);
        await pair.EstablishAsync();
        _lab.Faults.StopServing(); // connections are dropped without an answer

        for (int sent = 0; sent < 20; sent++)
        {
            Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect(new byte[16]), out _));
        }

        Assert.True(pair.Initiator.IsRekeyDue);
        Assert.Null(await pair.Initiator.RekeyAsync()); // the KME is down: keep the keys
        Assert.Equal(QkdSessionState.KeepingCurrentKeys, pair.Initiator.State);
        Assert.Equal(deadline, pair.Initiator.KeepCurrentKeysDeadline);
        QkdSessionEventArgs fallback = pair.InitiatorEvents.Last(ev => ev.Kind == QkdSessionEventKind.PolicyFallback);
        Assert.Equal((QkdExhaustionPolicyKind.KeepCurrentKeyUntil, deadline), (fallback.Policy, fallback.Deadline));
        Assert.Equal(KeySourceError.Unreachable, Assert.IsType<KeySourceException>(pair.InitiatorEvents.Last(ev => ev.Kind == QkdSessionEventKind.Failure).Exception).Error);

        // Past the limits, up to a tick before the deadline, the epoch 0 keys still protect (and open at the responder).
        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        for (int sent = 0; sent < 5; sent++)
        {
            Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect(new byte[16]), out _));
        }

        Assert.Equal(0u, pair.Initiator.Epoch);

        // At the deadline: refused, and a rekey against the stopped KME no longer keeps anything.
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(QkdSessionError.RekeyRequired, Assert.Throws<QkdSessionException>(() => pair.Initiator.Protect(new byte[16])).Error);
        Assert.Equal(QkdSessionError.KeySourceFailed, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.RekeyAsync())).Error);
        Assert.Throws<QkdSessionException>(() => pair.Initiator.Protect(new byte[16]));

        _lab.Faults.ResumeServing();
        byte[]? rekey = await pair.Initiator.RekeyAsync();
        await pair.Responder.AcceptAsync(rekey!);
        Assert.Equal((QkdSessionState.Established, QkdSessionMode.Hybrid, 1u), (pair.Initiator.State, pair.Initiator.Mode, pair.Initiator.Epoch));
        Assert.Null(pair.Initiator.KeepCurrentKeysDeadline);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task KmeStops_ContinuePostQuantumOnly_RekeysWithTheKemAlone_Visibly_AndHybridAgainAfterTheKmeResumes()
    {
        using QkdSessionPair pair = _lab.Pair(KemAlgorithm.XWing, o => o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly);
        await pair.EstablishAsync();
        Guid firstKeyId = Assert.Single(pair.Initiator.CurrentKeyIds);
        _lab.Faults.StopServing();

        byte[]? pqOnly = await pair.Initiator.RekeyAsync();
        Assert.NotNull(pqOnly);
        QkdHandshakeMessage decoded = QkdHandshakeMessage.FromBytes(pqOnly);
        Assert.Equal(QkdSessionMode.PostQuantumOnly, decoded.Mode);
        Assert.Empty(decoded.KeyIds);
        await pair.Responder.AcceptAsync(pqOnly); // the responder does not call its KME for a KEM-only epoch

        Assert.Equal((QkdSessionMode.PostQuantumOnly, QkdSessionMode.PostQuantumOnly), (pair.Initiator.Mode, pair.Responder.Mode));
        Assert.Empty(pair.Initiator.CurrentKeyIds);
        Assert.Empty(pair.Responder.CurrentKeyIds);
        QkdSessionEventArgs initiatorFallback = Assert.Single(pair.InitiatorEvents, ev => ev.Kind == QkdSessionEventKind.PolicyFallback);
        Assert.Equal((QkdExhaustionPolicyKind.ContinuePostQuantumOnly, QkdSessionMode.PostQuantumOnly, 1u), (initiatorFallback.Policy, initiatorFallback.Mode, initiatorFallback.Epoch));
        Assert.Single(pair.ResponderEvents, ev => ev.Kind == QkdSessionEventKind.PolicyFallback && ev.Mode == QkdSessionMode.PostQuantumOnly);
        Assert.Equal(KeySourceError.Unreachable, Assert.IsType<KeySourceException>(pair.InitiatorEvents.Single(ev => ev.Kind == QkdSessionEventKind.Failure).Exception).Error);
        pair.AssertKeysMatchAndRecordsFlow();

        _lab.Faults.ResumeServing();
        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);

        Assert.Equal((QkdSessionMode.Hybrid, QkdSessionMode.Hybrid, 2u), (pair.Initiator.Mode, pair.Responder.Mode, pair.Responder.Epoch));
        Guid secondKeyId = Assert.Single(pair.Responder.CurrentKeyIds);
        Assert.NotEqual(firstKeyId, secondKeyId);
        Assert.Equal(pair.Initiator.CurrentKeyIds, pair.Responder.CurrentKeyIds);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task Injected503s_WithinTheBudget_AreRetried_BeyondIt_FailClosed()
    {
        using QkdSessionPair pair = _lab.Pair(KemAlgorithm.MlKem768);
        _lab.Faults.FailNextRequests(3); // the budget is 4 attempts

        await pair.EstablishAsync();

        Assert.Equal(3, _lab.BackOffs);
        pair.AssertKeysMatchAndRecordsFlow();

        _lab.Faults.FailNextRequests(4);
        QkdSessionException e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.RekeyAsync());
        Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
        var cause = Assert.IsType<KeySourceException>(e.InnerException);
        Assert.Equal((KeySourceError.ServiceUnavailable, 503), (cause.Error, cause.HttpStatus));
        Assert.Equal(6, _lab.BackOffs);
        Assert.Equal(0u, pair.Initiator.Epoch);
    }

    [Fact]
    public async Task AProxysHtml401_IsUnauthorized_NotRetried_AndTheSessionFailsClosed()
    {
        using QkdSessionPair pair = _lab.Pair(KemAlgorithm.MlKem768);
        _lab.Faults.Html401NextRequests(1);

        QkdSessionException e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.InitiateAsync());

        Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
        var cause = Assert.IsType<KeySourceException>(e.InnerException);
        Assert.Equal((KeySourceError.Unauthorized, 401, (string?)null), (cause.Error, cause.HttpStatus, cause.KmeMessage));
        Assert.Equal(0, _lab.BackOffs);
        Assert.Equal(QkdSessionState.Created, pair.Initiator.State);
        Assert.Throws<InvalidOperationException>(() => pair.Initiator.Protect(new byte[1]));

        // At the responder's KME only (dec_keys): the responder fails closed; the key waits for it, untouched.
        _lab.Faults.Html401When = request => request.Operation == "dec_keys";
        using QkdSessionPair second = _lab.Pair(KemAlgorithm.MlKem768);
        byte[] handshake = await second.Initiator.InitiateAsync();
        QkdSessionException refused = await Assert.ThrowsAsync<QkdSessionException>(() => second.Responder.AcceptAsync(handshake));
        Assert.Equal(KeySourceError.Unauthorized, Assert.IsType<KeySourceException>(refused.InnerException).Error);
        Assert.Equal(QkdSessionState.Created, second.Responder.State);

        _lab.Faults.Html401When = null;
        await second.Responder.AcceptAsync(handshake);
        second.AssertKeysMatchAndRecordsFlow();
    }

    [Theory]
    [InlineData(QkdExhaustionPolicyKind.FailClosed)]
    [InlineData(QkdExhaustionPolicyKind.KeepCurrentKeyUntil)]
    [InlineData(QkdExhaustionPolicyKind.ContinuePostQuantumOnly)]
    public async Task Exhaustion_MaxKeyCount3_TinyKeyRate_KeysExhaustedPerPolicy_ThenHybridOnceTheRateRefills(QkdExhaustionPolicyKind kind)
    {
        var time = new ManualTimeProvider();
        QkdExhaustionPolicy policy = kind switch
        {
            QkdExhaustionPolicyKind.FailClosed => QkdExhaustionPolicy.FailClosed,
            QkdExhaustionPolicyKind.KeepCurrentKeyUntil => QkdExhaustionPolicy.KeepCurrentKeyFor(TimeSpan.FromMinutes(5)),
            _ => QkdExhaustionPolicy.ContinuePostQuantumOnly,
        };
        using QkdSessionPair pair = _lab.Pair(KemAlgorithm.MlKem768, o => o.ExhaustionPolicy = policy, time);
        await pair.EstablishAsync();
        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        Assert.Equal(0, _lab.Link.StoredKeyCount); // max_key_count 3, 1 bit/s: the three keys are spent

        Task<byte[]?> rekey = pair.Initiator.RekeyAsync();
        KeySourceException cause;
        switch (kind)
        {
            case QkdExhaustionPolicyKind.FailClosed:
                QkdSessionException e = await Assert.ThrowsAsync<QkdSessionException>(() => rekey);
                Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
                cause = Assert.IsType<KeySourceException>(e.InnerException);
                Assert.Equal(QkdSessionState.Established, pair.Initiator.State);
                break;
            case QkdExhaustionPolicyKind.KeepCurrentKeyUntil:
                Assert.Null(await rekey);
                Assert.Equal(QkdSessionState.KeepingCurrentKeys, pair.Initiator.State);
                Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(5), pair.Initiator.KeepCurrentKeysDeadline);
                cause = Assert.IsType<KeySourceException>(pair.InitiatorEvents.Last(ev => ev.Kind == QkdSessionEventKind.Failure).Exception);
                break;
            default:
                byte[]? pqOnly = await rekey;
                await pair.Responder.AcceptAsync(pqOnly!);
                Assert.Equal((QkdSessionMode.PostQuantumOnly, QkdSessionMode.PostQuantumOnly), (pair.Initiator.Mode, pair.Responder.Mode));
                cause = Assert.IsType<KeySourceException>(pair.InitiatorEvents.Last(ev => ev.Kind == QkdSessionEventKind.Failure).Exception);
                break;
        }

        Assert.Equal((KeySourceError.KeysExhausted, 503), (cause.Error, cause.HttpStatus));
        Assert.Equal(3, _lab.BackOffs); // 503 is retried within the budget: 3 s of link time, 3 bits, no key
        pair.AssertKeysMatchAndRecordsFlow();

        // 256 s at 1 bit/s make one 256-bit key: the next rekey is hybrid again, with a new key.
        _lab.LinkClock.Advance(TimeSpan.FromSeconds(256));
        uint before = pair.Initiator.Epoch;
        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        Assert.Equal((before + 1, QkdSessionMode.Hybrid, QkdSessionState.Established), (pair.Initiator.Epoch, pair.Responder.Mode, pair.Initiator.State));
        Assert.Single(pair.Responder.CurrentKeyIds);
        pair.AssertKeysMatchAndRecordsFlow();
    }
}
