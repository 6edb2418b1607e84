// QkdSessionEventArgs: one event of a QkdSession (rekeyed, policy fallback, failure, ...).

using System;

namespace FintechCrypto.Qkd;

/// <summary>One event of a <see cref="QkdSession"/>. Never carries key material.</summary>
public sealed class QkdSessionEventArgs : EventArgs
{
    internal QkdSessionEventArgs()
    {
    }

    /// <summary>What happened.</summary>
    public QkdSessionEventKind Kind { get; init; }

    /// <summary>The epoch concerned (the new one for <see cref="QkdSessionEventKind.Rekeyed"/>, the retired one for <see cref="QkdSessionEventKind.EpochRetired"/>).</summary>
    public uint Epoch { get; init; }

    /// <summary>The session's mode after the event.</summary>
    public QkdSessionMode Mode { get; init; }

    /// <summary>The session's state after the event.</summary>
    public QkdSessionState State { get; init; }

    /// <summary>When it happened, by the session's <see cref="QkdSessionOptions.TimeProvider"/>.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>A description for logs (SAE IDs, key IDs, epochs, policy; never key material).</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>For <see cref="QkdSessionEventKind.PolicyFallback"/>: the policy applied; otherwise null.</summary>
    public QkdExhaustionPolicyKind? Policy { get; init; }

    /// <summary>For a <see cref="QkdExhaustionPolicyKind.KeepCurrentKeyUntil"/> fallback: until when the current keys may be used.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>For <see cref="QkdSessionEventKind.Failure"/>: the exception, when there is one.</summary>
    public Exception? Exception { get; init; }

    /// <summary>The kind, epoch, mode and message.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Kind} (epoch {Epoch}, {Mode}, {State}): {Message}";
}
