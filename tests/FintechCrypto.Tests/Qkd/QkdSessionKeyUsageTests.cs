using System;
using System.Linq;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Issue 11 defect 3: KeepCurrentKeyFor(TimeSpan.MaxValue) saturates instead of overflowing the date, and the AES-GCM
/// usage ceilings per key (RFC 8446 §5.5) hold whatever the policy's deadline.
/// </summary>
public sealed class QkdSessionKeyUsageTests
{
    public static TheoryData<string> UnboundedPolicies => new() { "KeepCurrentKeyFor(TimeSpan.MaxValue)", "KeepCurrentKeyUntil(DateTimeOffset.MaxValue)" };

    [Theory]
    [MemberData(nameof(UnboundedPolicies))]
    public async Task AnUnboundedKeepPolicyKeepsTheKeysPastTheRecordLimit_WithoutADateOverflow(string name)
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureInitiator: o => { o.RekeyAfterMessages = 3; o.ExhaustionPolicy = Policy(name); });
        await pair.EstablishAsync();
        for (int i = 0; i < 10; i++)
        {
            Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect([(byte)i]), out _)); // past RekeyAfterMessages from the 4th on
        }

        Assert.Equal(QkdSessionState.KeepingCurrentKeys, pair.Initiator.State);
        Assert.Equal(DateTimeOffset.MaxValue, pair.Initiator.KeepCurrentKeysDeadline);
        Assert.Contains(pair.InitiatorEvents, x => x.Kind == QkdSessionEventKind.PolicyFallback && x.Deadline == DateTimeOffset.MaxValue);
    }

    [Theory]
    [MemberData(nameof(UnboundedPolicies))]
    public async Task AnUnboundedKeepPolicyKeepsTheKeysAfterAFailedRekey_WithoutADateOverflow(string name)
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureInitiator: o => o.ExhaustionPolicy = Policy(name));
        await pair.EstablishAsync();
        pair.Link.Stopped = true;

        Assert.Null(await pair.Initiator.RekeyAsync());

        Assert.Equal(QkdSessionState.KeepingCurrentKeys, pair.Initiator.State);
        Assert.Equal(DateTimeOffset.MaxValue, pair.Initiator.KeepCurrentKeysDeadline);
        Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect([1]), out _));
    }

    [Fact]
    public void TheCeilingsAreTheRfc8446AesGcmLimits()
    {
        Assert.True((long)Math.Floor(Math.Pow(2, 24.5)) == QkdSessionOptions.MaxRecordsPerKey);
        Assert.Equal(23_726_566L, QkdSessionOptions.MaxRecordsPerKey);
        Assert.Equal(388_736_057_344L, QkdSessionOptions.MaxBytesPerKey); // 23,726,566 full-size (2^14-byte) records
        Assert.True(QkdSessionOptions.MaxRekeyAfterMessages < QkdSessionOptions.MaxRecordsPerKey);
        Assert.True(QkdSessionOptions.MaxRekeyAfterBytes < QkdSessionOptions.MaxBytesPerKey);
    }

    [Fact]
    public async Task TheRecordCeilingHoldsWhateverTheDeadline()
    {
        using var pair = new QkdSessionPair(
            KemAlgorithm.MlKem768,
            configureInitiator: o => { o.RekeyAfterMessages = 2; o.ExhaustionPolicy = QkdExhaustionPolicy.KeepCurrentKeyFor(TimeSpan.MaxValue); });
        await pair.EstablishAsync();
        pair.Initiator.SetKeyUsageCeilingsForTesting(records: 10, bytes: long.MaxValue);
        for (int i = 0; i < 10; i++)
        {
            Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect([(byte)i]), out _));
        }

        var e = Assert.Throws<QkdSessionException>(() => pair.Initiator.Protect([10]));
        Assert.Equal(QkdSessionError.RekeyRequired, e.Error);
        Assert.Equal(QkdSessionState.RekeyRequired, pair.Initiator.State);
        Assert.Equal(QkdSessionError.RekeyRequired, Assert.Throws<QkdSessionException>(() => pair.Initiator.Protect([11])).Error); // and stays so

        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!); // a new key has its own count
        Assert.True(pair.Responder.TryUnprotect(pair.Initiator.Protect([12]), out _));
    }

    [Fact]
    public async Task TheByteCeilingHoldsWhateverTheDeadline_ARecordThatWouldCrossItIsRefused()
    {
        using var pair = new QkdSessionPair(
            KemAlgorithm.MlKem768,
            configureResponder: o => { o.RekeyAfterBytes = 100; o.ExhaustionPolicy = QkdExhaustionPolicy.KeepCurrentKeyUntil(DateTimeOffset.MaxValue); });
        await pair.EstablishAsync();
        pair.Responder.SetKeyUsageCeilingsForTesting(records: long.MaxValue, bytes: 1000);
        for (int i = 0; i < 9; i++)
        {
            Assert.True(pair.Initiator.TryUnprotect(pair.Responder.Protect(new byte[100]), out _));
        }

        Assert.True(pair.Initiator.TryUnprotect(pair.Responder.Protect(new byte[50]), out _)); // 950 bytes
        Assert.Equal(QkdSessionError.RekeyRequired, Assert.Throws<QkdSessionException>(() => pair.Responder.Protect(new byte[51])).Error);
        Assert.Equal(QkdSessionState.RekeyRequired, pair.Responder.State);

        pair.Responder.SetKeyUsageCeilingsForTesting(records: long.MaxValue, bytes: 950);
        Assert.Equal(QkdSessionError.RekeyRequired, Assert.Throws<QkdSessionException>(() => pair.Responder.Protect([])).Error); // at the ceiling: nothing more
    }

    private static QkdExhaustionPolicy Policy(string name) => name.StartsWith("KeepCurrentKeyFor", StringComparison.Ordinal)
        ? QkdExhaustionPolicy.KeepCurrentKeyFor(TimeSpan.MaxValue)
        : QkdExhaustionPolicy.KeepCurrentKeyUntil(DateTimeOffset.MaxValue);
}
