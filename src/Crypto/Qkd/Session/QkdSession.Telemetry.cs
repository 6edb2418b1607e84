// QkdSession's telemetry: the SessionEvent it raises (outside its lock) and the tags of the FintechCrypto.Qkd meter's
// measurements (QkdMetrics; qkd.md §8 item 5: health metrics). Events and metrics name SAE IDs, key IDs, epochs and
// policies, never key material.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <content>The events and metrics of <see cref="QkdSession"/>.</content>
public sealed partial class QkdSession
{
    private static void Add(ref List<QkdSessionEventArgs>? events, QkdSessionEventArgs e) => (events ??= []).Add(e);

    /// <summary>Counts a failure and raises its event at once (the caller holds no lock).</summary>
    private void ReportFailure(QkdSessionError error, string message, Exception exception)
    {
        QkdSessionEventArgs e;
        lock (_lock)
        {
            QkdMetrics.Failures.Add(1, Tagged("qkd.error", error.ToString()));
            e = Event(QkdSessionEventKind.Failure, _current?.Epoch ?? 0, message, exception: exception);
        }

        SessionEvent?.Invoke(this, e);
    }

    // Called under the lock.
    private QkdSessionEventArgs Event(
        QkdSessionEventKind kind, uint epoch, string message, QkdExhaustionPolicyKind? policy = null, DateTimeOffset? deadline = null, Exception? exception = null) =>
        new()
        {
            Kind = kind,
            Epoch = epoch,
            Mode = _current?.Mode ?? QkdSessionMode.None,
            State = _state,
            Time = _time.GetUtcNow(),
            Message = message,
            Policy = policy,
            Deadline = deadline,
            Exception = exception,
        };

    /// <summary>Raises the events gathered under the lock, after it is released.</summary>
    private void Raise(List<QkdSessionEventArgs>? events)
    {
        if (events is null)
        {
            return;
        }

        foreach (QkdSessionEventArgs e in events)
        {
            SessionEvent?.Invoke(this, e);
        }
    }

    /// <summary>The session's tags (SAE IDs, role) and one more.</summary>
    private TagList Tagged(string key, string value)
    {
        TagList tags = _tags;
        tags.Add(key, value);
        return tags;
    }
}
