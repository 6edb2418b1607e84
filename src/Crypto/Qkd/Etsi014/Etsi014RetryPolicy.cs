// Etsi014RetryPolicy: how Etsi014KeySource retries transient KME failures (ETSI GS QKD 014 §5.4 replication lag: a
// slave's dec_keys can reach its KME before the key has; §5.2-§5.4 503 "Error of server side").

using System;

namespace FintechCrypto.Qkd.Etsi014;

/// <summary>
/// How an <see cref="Etsi014KeySource"/> retries transient failures, with exponential back-off and full jitter: before
/// attempt <c>n + 1</c> it waits a random time between zero and <c>min(MaxDelay, BaseDelay * 2^(n-1))</c>.
/// </summary>
/// <remarks>
/// Only failures that cannot waste keys are retried: a 503 answer (for every operation; the KME delivered nothing),
/// and, for Get key with key IDs (<c>dec_keys</c>), the 400 "one or more keys specified are not found on KME" that a
/// slave's KME gives while a key is still being replicated from the master's KME. Time-outs, refused connections and
/// every other answer are reported at once.
/// </remarks>
public sealed record Etsi014RetryPolicy
{
    /// <summary>The policy used when none is given: 4 attempts, 100 ms base delay, 2 s maximum delay.</summary>
    public static Etsi014RetryPolicy Default { get; } = new();

    /// <summary>A policy that never retries (one attempt).</summary>
    public static Etsi014RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>The number of attempts, the first included: 1 (no retry) to 100. Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The cap of the first back-off; it doubles with each attempt. Zero or positive, at most one hour. Default 100 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest back-off cap. At least <see cref="BaseDelay"/>, at most one hour. Default 2 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The cap of the back-off before attempt <paramref name="failedAttempts"/> + 1: min(MaxDelay, BaseDelay * 2^(failedAttempts - 1)).</summary>
    internal TimeSpan Cap(int failedAttempts)
    {
        double factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        double ticks = Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * factor);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="paramName"/> when a value is out of range.</summary>
    internal void Validate(string paramName)
    {
        TimeSpan hour = TimeSpan.FromHours(1);
        if (MaxAttempts is < 1 or > 100)
        {
            throw Error.Qkd_NotAcceptable(paramName, "The retry policy's MaxAttempts", $"must be between 1 and 100, but it is {MaxAttempts}");
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > hour)
        {
            throw Error.Qkd_NotAcceptable(paramName, "The retry policy's BaseDelay", $"must be between zero and one hour, but it is {BaseDelay}");
        }

        if (MaxDelay < BaseDelay || MaxDelay > hour)
        {
            throw Error.Qkd_NotAcceptable(paramName, "The retry policy's MaxDelay", $"must be between BaseDelay ({BaseDelay}) and one hour, but it is {MaxDelay}");
        }
    }
}
