using System;
using System.Linq;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>Each exhaustion policy, on a key source that runs out of keys and on one that stops (qkd.md §6).</summary>
public sealed class QkdSessionPolicyTests
{
    public enum Fault
    {
        Exhausted,
        Stopped,
    }

    public static TheoryData<Fault> Faults => new() { Fault.Exhausted, Fault.Stopped };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task FailClosedThrowsAndRefusesRecordsOnceTheLimitsPass(Fault fault)
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureInitiator: o => o.RekeyAfterMessages = 10);
        await pair.EstablishAsync();
        Break(pair.Link, fault);

        var e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.RekeyAsync());
        Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
        KeySourceException inner = Assert.IsType<KeySourceException>(e.InnerException);
        Assert.Equal(fault == Fault.Exhausted ? KeySourceError.KeysExhausted : KeySourceError.Unreachable, inner.Error);
        Assert.Contains(pair.InitiatorEvents, x => x.Kind == QkdSessionEventKind.Failure && x.Exception is QkdSessionException);
        Assert.Equal(0u, pair.Initiator.Epoch);

        for (int i = 0; i < 10; i++)
        {
            Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect([1]), out _)); // within the limits: still fine
        }

        Assert.Equal(QkdSessionError.RekeyRequired, Assert.Throws<QkdSessionException>(() => pair.Initiator.Protect([1])).Error);
        Assert.Equal(QkdSessionState.RekeyRequired, pair.Initiator.State);
        Assert.Equal(QkdSessionError.RekeyRequired, Assert.Throws<QkdSessionException>(() => pair.Initiator.Protect([1])).Error);
        Assert.DoesNotContain(pair.InitiatorEvents, x => x.Kind == QkdSessionEventKind.PolicyFallback);

        Repair(pair.Link);
        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        Assert.Equal(QkdSessionState.Established, pair.Initiator.State);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task FailClosedRefusesTheFirstHandshake(Fault fault)
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        Break(pair.Link, fault);
        Assert.Equal(QkdSessionError.KeySourceFailed, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.InitiateAsync())).Error);
        Assert.Equal(QkdSessionState.Created, pair.Initiator.State);
        Assert.Equal(QkdSessionMode.None, pair.Initiator.Mode);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task KeepCurrentKeyUntilKeepsTheKeysUntilTheDeadlineAndNeverBeyond(Fault fault)
    {
        var clock = new ManualTimeProvider();
        DateTimeOffset deadline = clock.GetUtcNow() + TimeSpan.FromMinutes(30);
        using var pair = new QkdSessionPair(
            KemAlgorithm.MlKem768,
            configureInitiator: o => { o.RekeyAfterMessages = 10; o.ExhaustionPolicy = QkdExhaustionPolicy.KeepCurrentKeyUntil(deadline); },
            time: clock);
        await pair.EstablishAsync();
        Break(pair.Link, fault);

        Assert.Null(await pair.Initiator.RekeyAsync());   // no handshake to send: the current keys are kept
        Assert.Equal(QkdSessionState.KeepingCurrentKeys, pair.Initiator.State);
        Assert.Equal(deadline, pair.Initiator.KeepCurrentKeysDeadline);
        QkdSessionEventArgs fallback = Assert.Single(pair.InitiatorEvents, x => x.Kind == QkdSessionEventKind.PolicyFallback);
        Assert.Equal(QkdExhaustionPolicyKind.KeepCurrentKeyUntil, fallback.Policy);
        Assert.Equal(deadline, fallback.Deadline);
        Assert.Contains(pair.InitiatorEvents, x => x.Kind == QkdSessionEventKind.Failure && x.Exception is KeySourceException);

        // Past the record limit the keys stay in use, with sequence numbers going on (no nonce repeats) ...
        var sequences = new System.Collections.Generic.HashSet<ulong>();
        for (int i = 0; i < 100; i++)
        {
            byte[] record = pair.Initiator.Protect([(byte)i]);
            Assert.True(sequences.Add(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(record.AsSpan(5))));
            Assert.True(pair.Responder.TryUnprotect(record, out _));
            clock.Advance(TimeSpan.FromSeconds(17));
        }

        Assert.Equal(100, sequences.Count);
        Assert.Equal(QkdSessionState.KeepingCurrentKeys, pair.Initiator.State);

        // ... until the deadline, never beyond.
        clock.Advance(deadline - clock.GetUtcNow());
        Assert.Equal(QkdSessionError.RekeyRequired, Assert.Throws<QkdSessionException>(() => pair.Initiator.Protect([1])).Error);
        Assert.Equal(QkdSessionState.RekeyRequired, pair.Initiator.State);
        Assert.Equal(QkdSessionError.KeySourceFailed, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.RekeyAsync())).Error);

        Repair(pair.Link);
        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        Assert.Equal(QkdSessionState.Established, pair.Initiator.State);
        Assert.Null(pair.Initiator.KeepCurrentKeysDeadline);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task KeepCurrentKeyForCountsFromTheFirstOverrunAndRestartsAfterARekey()
    {
        var clock = new ManualTimeProvider();
        using var pair = new QkdSessionPair(
            KemAlgorithm.MlKem768,
            configureResponder: o => { o.RekeyAfterMessages = 5; o.ExhaustionPolicy = QkdExhaustionPolicy.KeepCurrentKeyFor(TimeSpan.FromMinutes(2)); },
            time: clock);
        await pair.EstablishAsync();
        for (int i = 0; i < 5; i++)
        {
            pair.Responder.Protect([1]);
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        pair.Responder.Protect([1]);                                   // first record past the limit: kept from now
        Assert.Equal(QkdSessionState.KeepingCurrentKeys, pair.Responder.State);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(2), pair.Responder.KeepCurrentKeysDeadline);
        Assert.Single(pair.ResponderEvents, x => x.Kind == QkdSessionEventKind.PolicyFallback);
        clock.Advance(TimeSpan.FromSeconds(119));
        pair.Responder.Protect([1]);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Throws<QkdSessionException>(() => pair.Responder.Protect([1]));

        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        Assert.Null(pair.Responder.KeepCurrentKeysDeadline);
        for (int i = 0; i < 5; i++)
        {
            pair.Responder.Protect([1]);
        }

        pair.Responder.Protect([1]);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(2), pair.Responder.KeepCurrentKeysDeadline);
    }

    [Fact]
    public async Task KeepCurrentKeyUntilCannotStartASessionWithoutKeys()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureInitiator: o => o.ExhaustionPolicy = QkdExhaustionPolicy.KeepCurrentKeyFor(TimeSpan.FromHours(1)));
        pair.Link.Stopped = true;
        Assert.Equal(QkdSessionError.KeySourceFailed, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.InitiateAsync())).Error);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task ContinuePostQuantumOnlyIsVisibleAndReturnsToHybridWhenKeysComeBack(Fault fault)
    {
        using var pair = new QkdSessionPair(
            KemAlgorithm.XWing,
            configureInitiator: o => o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly,
            configureResponder: o => o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly);
        await pair.EstablishAsync();
        Assert.Equal(QkdSessionMode.Hybrid, pair.Initiator.Mode);
        Break(pair.Link, fault);

        for (uint epoch = 1; epoch <= 3; epoch++)
        {
            byte[] handshake = (await pair.Initiator.RekeyAsync())!;
            QkdHandshakeMessage decoded = QkdHandshakeMessage.FromBytes(handshake);
            Assert.Equal(QkdSessionMode.PostQuantumOnly, decoded.Mode);
            Assert.Empty(decoded.KeyIds);
            await pair.Responder.AcceptAsync(handshake);
            Assert.Equal(QkdSessionMode.PostQuantumOnly, pair.Initiator.Mode);
            Assert.Equal(QkdSessionMode.PostQuantumOnly, pair.Responder.Mode);
            Assert.Empty(pair.Initiator.CurrentKeyIds);
            pair.AssertKeysMatchAndRecordsFlow();
        }

        // An event each time, on both ends.
        Assert.Equal(3, pair.InitiatorEvents.Count(x => x.Kind == QkdSessionEventKind.PolicyFallback && x.Policy == QkdExhaustionPolicyKind.ContinuePostQuantumOnly && x.Mode == QkdSessionMode.PostQuantumOnly));
        Assert.Equal(3, pair.ResponderEvents.Count(x => x.Kind == QkdSessionEventKind.PolicyFallback && x.Policy == QkdExhaustionPolicyKind.ContinuePostQuantumOnly));

        Repair(pair.Link);
        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        Assert.Equal(QkdSessionMode.Hybrid, pair.Initiator.Mode);
        Assert.Equal(QkdSessionMode.Hybrid, pair.Responder.Mode);
        Assert.Single(pair.Responder.CurrentKeyIds);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task ContinuePostQuantumOnlyCanStartASessionButOnlyAgainstAnAuthenticatedKey()
    {
        using var pair = new QkdSessionPair(
            KemAlgorithm.MlKem768,
            configureInitiator: o => o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly,
            configureResponder: o => o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly);
        pair.Link.Stopped = true;
        await pair.EstablishAsync();
        Assert.Equal(QkdSessionMode.PostQuantumOnly, pair.Responder.Mode);
        pair.AssertKeysMatchAndRecordsFlow();

        // The key the session encapsulated to was the authenticated one: the only way to build an initiator.
        Assert.Equal(QkdKeyAuthentication.PinnedKey, pair.ResponderKey.Authentication);
        Assert.Throws<ArgumentNullException>(() => QkdSession.CreateInitiator(pair.InitiatorOptions, null!));
    }

    [Fact]
    public async Task AResponderRefusesAPostQuantumOnlyHandshakeUnlessItsPolicyAllowsIt()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureInitiator: o => o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly);
        await pair.EstablishAsync();
        pair.Link.Stopped = true;
        byte[] downgrade = (await pair.Initiator.RekeyAsync())!;
        var e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(downgrade));
        Assert.Equal(QkdSessionError.DowngradeRefused, e.Error);
        Assert.Equal(QkdSessionMode.Hybrid, pair.Responder.Mode);
        Assert.Equal(0u, pair.Responder.Epoch);
    }

    [Fact]
    public async Task AResponderWhoseKmeStopsFailsTheHandshakeVisibly()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        await pair.EstablishAsync();
        byte[] rekey = (await pair.Initiator.RekeyAsync())!;
        pair.Link.Stopped = true;
        var e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(rekey));
        Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
        Assert.IsType<KeySourceException>(e.InnerException);
        Assert.Contains(pair.ResponderEvents, x => x.Kind == QkdSessionEventKind.Failure);
        Assert.Equal(0u, pair.Responder.Epoch);

        pair.Link.Stopped = false; // the same message goes through once the KME is back (the keys were not consumed)
        await pair.Responder.AcceptAsync(rekey);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task AKeySourceThatHangsIsTimeBounded()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, new InMemoryQkdLink());
        var hanging = new QkdSessionOptions
        {
            LocalSaeId = pair.InitiatorSaeId,
            PeerSaeId = pair.ResponderSaeId,
            KeySource = new HangingKeySource(),
            KeySourceTimeout = TimeSpan.FromMilliseconds(200),
        };
        using QkdSession initiator = QkdSession.CreateInitiator(hanging, pair.ResponderKey);
        Task<byte[]> attempt = initiator.InitiateAsync();
        Task winner = await Task.WhenAny(attempt, Task.Delay(TimeSpan.FromMinutes(2))); // safety net only
        Assert.Same(attempt, winner);
        var e = await Assert.ThrowsAsync<QkdSessionException>(() => attempt);
        Assert.Equal(KeySourceError.Timeout, Assert.IsType<KeySourceException>(e.InnerException).Error);
    }

    [Fact]
    public async Task AKeySourceThatThrowsOutsideOurFamily_IsAKeySourceFailureUnderThePolicy()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, new InMemoryQkdLink());
        QkdSessionOptions Options(QkdExhaustionPolicy policy) => new()
        {
            LocalSaeId = pair.InitiatorSaeId,
            PeerSaeId = pair.ResponderSaeId,
            KeySource = new BrokenPlugInKeySource(),
            ExhaustionPolicy = policy,
        };

        // Fail closed: our exception, with the plug-in's named (not quoted) underneath.
        using (QkdSession failClosed = QkdSession.CreateInitiator(Options(QkdExhaustionPolicy.FailClosed), pair.ResponderKey))
        {
            var e = await Assert.ThrowsAsync<QkdSessionException>(() => failClosed.InitiateAsync());
            Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
            KeySourceException inner = Assert.IsType<KeySourceException>(e.InnerException);
            Assert.Equal(KeySourceError.Unknown, inner.Error);
            Assert.Contains(nameof(InvalidOperationException), inner.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("vendor detail", e.Message, StringComparison.Ordinal);
        }

        // Post-quantum-only, chosen explicitly: the policy applies to a plug-in's failure too.
        using QkdSession fallback = QkdSession.CreateInitiator(Options(QkdExhaustionPolicy.ContinuePostQuantumOnly), pair.ResponderKey);
        byte[] handshake = await fallback.InitiateAsync();
        Assert.Equal(QkdSessionMode.PostQuantumOnly, fallback.Mode);
        Assert.NotEmpty(handshake);
    }

    private static void Break(InMemoryQkdLink link, Fault fault)
    {
        if (fault == Fault.Exhausted)
        {
            link.Stock = 0;
        }
        else
        {
            link.Stopped = true;
        }
    }

    private static void Repair(InMemoryQkdLink link)
    {
        link.Stock = 1000;
        link.Stopped = false;
    }

    // A vendor plug-in that breaks IQkdKeySource's contract by throwing its own exception type.
    private sealed class BrokenPlugInKeySource : IQkdKeySource
    {
        public Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, System.Threading.CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("vendor detail: link 7 down");

        public Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, System.Threading.CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("vendor detail: link 7 down");

        public Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, System.Collections.Generic.IReadOnlyList<Guid> keyIds, System.Threading.CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("vendor detail: link 7 down");
    }

    private sealed class HangingKeySource : IQkdKeySource
    {
        public async Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, System.Threading.CancellationToken cancellationToken = default)
        {
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, System.Threading.CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("not reached");

        public Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, System.Collections.Generic.IReadOnlyList<Guid> keyIds, System.Threading.CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("not reached");
    }
}
