// SaturatingTime: a time plus a span that stops at DateTimeOffset.MaxValue instead of throwing, for the deadlines and
// expiries of QKD sessions (a KeepCurrentKeyFor(TimeSpan.MaxValue) policy, a long grace or retention).

using System;

namespace FintechCrypto.Internal.Qkd;

/// <summary>Saturating time arithmetic.</summary>
internal static class SaturatingTime
{
    /// <summary><paramref name="time"/> + <paramref name="span"/> (a non-negative span), or <see cref="DateTimeOffset.MaxValue"/> when that would overflow.</summary>
    internal static DateTimeOffset Add(DateTimeOffset time, TimeSpan span) =>
        span > DateTimeOffset.MaxValue - time ? DateTimeOffset.MaxValue : time + span;
}
