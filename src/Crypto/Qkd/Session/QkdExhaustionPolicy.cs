// QkdExhaustionPolicy: what a session does when its QKD key source is exhausted or fails. Products either fail closed,
// keep the old key longer, or fall back (IKEv2 NO_PPK_AUTH, MACsec fallback-key; qkd.md §6): each is a choice made
// explicitly here, and never silently.

using System;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <summary>
/// What a <see cref="QkdSession"/> does when it needs new keys and the QKD key source cannot deliver them (exhausted,
/// unreachable, failing), or when the rekey limits are passed. No policy ever reuses a QKD key or a nonce.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="FailClosed"/> (the default): the handshake or rekey throws <see cref="QkdSessionException"/>; the
/// current keys stay usable only within their rekey limits.</item>
/// <item><see cref="KeepCurrentKeyUntil"/> / <see cref="KeepCurrentKeyFor"/>: past the limits (or after a failed rekey)
/// the current traffic keys stay in use until the deadline, never beyond, and never past the AES-GCM ceilings of
/// <see cref="QkdSessionOptions.MaxRecordsPerKey"/> records and <see cref="QkdSessionOptions.MaxBytesPerKey"/> bytes per
/// key (RFC 8446 §5.5), whatever the deadline; sequence numbers continue.</item>
/// <item><see cref="ContinuePostQuantumOnly"/>: a rekey that gets no QKD key goes ahead with the KEM alone. The
/// responder accepts such a handshake only when its own policy is this one too.</item>
/// </list>
/// Every use of a fallback raises <see cref="QkdSession.SessionEvent"/> and shows in <see cref="QkdSession.State"/> or
/// <see cref="QkdSession.Mode"/>.
/// </remarks>
public sealed class QkdExhaustionPolicy
{
    private QkdExhaustionPolicy(QkdExhaustionPolicyKind kind, DateTimeOffset? deadline, TimeSpan? maximumExtension)
    {
        Kind = kind;
        Deadline = deadline;
        MaximumExtension = maximumExtension;
    }

    /// <summary>Fail closed: no new keys means no new records once the limits are passed. The default.</summary>
    public static QkdExhaustionPolicy FailClosed { get; } = new(QkdExhaustionPolicyKind.FailClosed, null, null);

    /// <summary>Rekey with the KEM alone when the QKD key source fails. Must be chosen explicitly, on both ends.</summary>
    public static QkdExhaustionPolicy ContinuePostQuantumOnly { get; } = new(QkdExhaustionPolicyKind.ContinuePostQuantumOnly, null, null);

    /// <summary>The kind of policy.</summary>
    public QkdExhaustionPolicyKind Kind { get; }

    /// <summary>For <see cref="KeepCurrentKeyUntil"/> with a fixed time: the absolute deadline; otherwise null.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>For <see cref="KeepCurrentKeyFor"/>: how long past the moment the keys were first kept; otherwise null.</summary>
    public TimeSpan? MaximumExtension { get; }

    /// <summary>Keep the current traffic keys when new ones cannot be had, until <paramref name="deadline"/> and never beyond.</summary>
    /// <param name="deadline">The absolute time after which the session refuses to protect with the old keys.</param>
    /// <returns>The policy.</returns>
    public static QkdExhaustionPolicy KeepCurrentKeyUntil(DateTimeOffset deadline) =>
        new(QkdExhaustionPolicyKind.KeepCurrentKeyUntil, deadline, null);

    /// <summary>
    /// Keep the current traffic keys when new ones cannot be had, for at most <paramref name="maximumExtension"/> from the
    /// moment they are first kept past their limits or a rekey first fails; the clock restarts after each successful rekey.
    /// </summary>
    /// <param name="maximumExtension">A positive duration; <see cref="TimeSpan.MaxValue"/> is allowed and means "no deadline" (the deadline saturates at <see cref="DateTimeOffset.MaxValue"/>), while the per-key record and byte ceilings still hold.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumExtension"/> is not positive.</exception>
    public static QkdExhaustionPolicy KeepCurrentKeyFor(TimeSpan maximumExtension)
    {
        if (maximumExtension <= TimeSpan.Zero)
        {
            throw Error.ArgumentOutOfRange(nameof(maximumExtension), "a positive duration");
        }

        return new QkdExhaustionPolicy(QkdExhaustionPolicyKind.KeepCurrentKeyUntil, null, maximumExtension);
    }

    /// <summary>
    /// The deadline that applies when keys are first kept at <paramref name="keptSince"/>. A span that would pass
    /// <see cref="DateTimeOffset.MaxValue"/> (<c>KeepCurrentKeyFor(TimeSpan.MaxValue)</c>) saturates there: no deadline
    /// in practice, but the record and byte ceilings (<see cref="QkdSessionOptions.MaxRecordsPerKey"/>,
    /// <see cref="QkdSessionOptions.MaxBytesPerKey"/>) still end the keys' use.
    /// </summary>
    internal DateTimeOffset DeadlineFrom(DateTimeOffset keptSince) =>
        Deadline ?? (MaximumExtension is TimeSpan span ? SaturatingTime.Add(keptSince, span) : keptSince);

    /// <summary>Names the policy.</summary>
    /// <returns>For example <c>KeepCurrentKeyUntil(2026-11-27T18:00:00.0000000+00:00)</c>.</returns>
    public override string ToString() => Kind switch
    {
        QkdExhaustionPolicyKind.KeepCurrentKeyUntil when Deadline is DateTimeOffset d => $"KeepCurrentKeyUntil({d:O})",
        QkdExhaustionPolicyKind.KeepCurrentKeyUntil => $"KeepCurrentKeyFor({MaximumExtension})",
        _ => Kind.ToString(),
    };
}
