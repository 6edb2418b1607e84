using System;
using System.Threading;

namespace FintechCrypto.Tests.Qkd;

/// <summary>A clock the test moves by hand (for time-based rekey limits, grace periods and deadlines).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    internal void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
