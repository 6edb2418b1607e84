using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Issue 11 defect 2: a forged copy of a handshake raced ahead of the genuine one must not burn its QKD keys. The
/// responder keeps keys fetched for a handshake that failed, bounded in count and time, for the genuine message.
/// </summary>
public sealed class QkdSessionForgedCopyTests
{
    public static TheoryData<string> Forgeries => new() { "KEM ciphertext", "key confirmation" };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task AForgedCopyOfTheFirstHandshakeFailsAndTheGenuineOneStillSucceeds(string forgery)
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        byte[] genuine = await pair.Initiator.InitiateAsync();
        byte[] forged = QkdSessionChainingTests.Flip(genuine, forgery == "KEM ciphertext" ? genuine.Length - 32 - 3 - 10 : genuine.Length - 1);

        var e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(forged));
        Assert.Equal(QkdSessionError.KeyConfirmationFailed, e.Error);
        Assert.Equal(QkdSessionState.Created, pair.Responder.State);
        Assert.Equal(1, pair.Responder.RetainedQkdKeyCountForTesting());

        await pair.Responder.AcceptAsync(genuine);

        Assert.Equal(QkdSessionState.Established, pair.Responder.State);
        Assert.Equal(pair.Link.Issued, pair.Link.Delivered); // fetched from the KME once, by the forged copy
        Assert.Equal(0, pair.Responder.RetainedQkdKeyCountForTesting()); // used, and cleared
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task AForgedCopyOfARekeyWithAValidAuthenticatorFailsAndTheGenuineOneStillSucceeds()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.XWing);
        await pair.EstablishAsync();
        byte[] genuine = (await pair.Initiator.RekeyAsync())!;
        byte[] forged = QkdSessionChainingTests.Flip(genuine, genuine.Length - 5); // only the key confirmation: the authenticator holds

        Assert.Equal(QkdSessionError.KeyConfirmationFailed, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(forged))).Error);
        Assert.Equal(0u, pair.Responder.Epoch);
        await pair.Responder.AcceptAsync(genuine);
        Assert.Equal(1u, pair.Responder.Epoch);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task KeptKeysExpireOnTheSessionClockAndAreCleared()
    {
        var clock = new ManualTimeProvider();
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureResponder: o => o.FailedHandshakeKeyRetention = TimeSpan.FromSeconds(60), time: clock);
        byte[] genuine = await pair.Initiator.InitiateAsync();
        await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(QkdSessionChainingTests.Flip(genuine, genuine.Length - 1)));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, pair.Responder.RetainedQkdKeyCountForTesting());
        QkdKey kept = Assert.Single(pair.Responder.RetainedQkdKeysForTesting());
        Assert.False(kept.IsDisposed);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, pair.Responder.RetainedQkdKeyCountForTesting());
        Assert.True(kept.IsDisposed); // cleared, not just forgotten

        // Gone: the genuine message now finds the key neither kept nor at the KME (delivered once), and fails visibly;
        // the application starts a new session (docs/qkd.md, "When AcceptAsync fails").
        var e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(genuine));
        Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
        Assert.Equal(KeySourceError.KeyNotFound, Assert.IsType<KeySourceException>(e.InnerException).Error);
        Assert.Equal(QkdSessionState.Created, pair.Responder.State);
    }

    [Fact]
    public async Task TheKeptKeysAreBoundedInCount_TheOldestGoFirst()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureInitiator: o => o.QkdKeyCount = 16, configureResponder: o => o.QkdKeyCount = 16);
        var genuine = new List<byte[]>();
        for (int i = 0; i < 5; i++)
        {
            using QkdSession initiator = QkdSession.CreateInitiator(pair.InitiatorOptions, pair.ResponderKey);
            byte[] message = await initiator.InitiateAsync();
            genuine.Add(message);
            await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(QkdSessionChainingTests.Flip(message, message.Length - 1)));
            Assert.Equal(Math.Min(16 * (i + 1), QkdSessionOptions.MaxRetainedQkdKeys), pair.Responder.RetainedQkdKeyCountForTesting());
        }

        Assert.Equal(QkdSessionError.KeySourceFailed, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(genuine[0]))).Error); // evicted
        await pair.Responder.AcceptAsync(genuine[4]);
        Assert.Equal(48, pair.Responder.RetainedQkdKeyCountForTesting());
    }

    [Fact]
    public async Task DisposeClearsTheKeptKeys_AndZeroRetentionKeepsNone()
    {
        var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        byte[] genuine = await pair.Initiator.InitiateAsync();
        await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(QkdSessionChainingTests.Flip(genuine, genuine.Length - 1)));
        QkdKey kept = Assert.Single(pair.Responder.RetainedQkdKeysForTesting());
        pair.Dispose();
        Assert.Equal(0, pair.Responder.RetainedQkdKeyCountForTesting());
        Assert.True(kept.IsDisposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pair.Responder.AcceptAsync(genuine));

        using var none = new QkdSessionPair(KemAlgorithm.MlKem768, configureResponder: o => o.FailedHandshakeKeyRetention = TimeSpan.Zero);
        genuine = await none.Initiator.InitiateAsync();
        await Assert.ThrowsAsync<QkdSessionException>(() => none.Responder.AcceptAsync(QkdSessionChainingTests.Flip(genuine, genuine.Length - 1)));
        Assert.Equal(0, none.Responder.RetainedQkdKeyCountForTesting());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    public void TheRetentionIsFromZeroToTenMinutes(int seconds)
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        pair.ResponderOptions.FailedHandshakeKeyRetention = TimeSpan.FromSeconds(seconds);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => QkdSession.CreateResponder(pair.ResponderOptions, pair.DecapsulationKey));
        Assert.Equal(nameof(QkdSessionOptions.FailedHandshakeKeyRetention), e.ParamName);
    }

    [Fact]
    public async Task DisposeDuringAcceptAsync_ThrowsObjectDisposedAndKeepsNoKey()
    {
        // Deterministic interleaving: the responder is disposed while its key source is fetching.
        QkdSession? responder = null;
        var link = new InMemoryQkdLink();
        using var pair = new QkdSessionPair(
            KemAlgorithm.MlKem768,
            link,
            configureResponder: o => o.KeySource = new InterceptingKeySource(o.KeySource!, () => responder!.Dispose()));
        responder = pair.Responder;
        byte[] genuine = await pair.Initiator.InitiateAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pair.Responder.AcceptAsync(genuine));

        Assert.Equal(QkdSessionState.Disposed, pair.Responder.State);
        Assert.Equal(0, pair.Responder.RetainedQkdKeyCountForTesting());
        Assert.Throws<ObjectDisposedException>(() => pair.Responder.Protect([1]));
    }

    /// <summary>Runs an action after the inner source delivered keys by ID (and before the session gets them).</summary>
    private sealed class InterceptingKeySource(IQkdKeySource inner, Action afterDelivery) : IQkdKeySource
    {
        public Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, CancellationToken cancellationToken = default) =>
            inner.GetStatusAsync(slaveSaeId, cancellationToken);

        public Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, CancellationToken cancellationToken = default) =>
            inner.GetKeysAsync(slaveSaeId, request, cancellationToken);

        public async Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, IReadOnlyList<Guid> keyIds, CancellationToken cancellationToken = default)
        {
            QkdKeyContainer keys = await inner.GetKeysWithIdsAsync(masterSaeId, keyIds, cancellationToken);
            afterDelivery();
            return keys;
        }
    }
}
