// QkdSession's epochs: a handshake (QkdSession.Initiator.cs, QkdSession.Responder.cs) installs the keys of a new epoch;
// the one it replaces keeps its receive key for the grace period, for records still in flight, and is then cleared.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <content>The epochs of <see cref="QkdSession"/>.</content>
public sealed partial class QkdSession
{
    /// <summary>Installs a new epoch: the current one becomes the previous (its receive key kept for the grace period).</summary>
    private void Install(EpochKeys keys, QkdSessionMode mode, KeySourceException? fallbackCause)
    {
        List<QkdSessionEventArgs>? events = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DateTimeOffset now = _time.GetUtcNow();
            bool first = _current is null;
            _previous?.Dispose();
            _previous = _current;
            if (_previous is not null)
            {
                _previous.RetireAt = SaturatingTime.Add(now, _options.PreviousEpochGrace);
            }

            _current = keys;
            _state = QkdSessionState.Established;
            _keepDeadline = null;
            _rekeyDueAnnounced = false;
            string ids = keys.KeyIds.Count == 0 ? "no QKD key" : $"QKD key(s) [{string.Join(", ", keys.KeyIds)}]";
            if (mode == QkdSessionMode.PostQuantumOnly)
            {
                QkdMetrics.PolicyFallbacks.Add(1, Tagged("qkd.policy", "continue_post_quantum_only"));
                string why = fallbackCause is null ? "the initiator fell back to the KEM alone" : $"the key source failed ({fallbackCause.Error})";
                Add(ref events, Event(QkdSessionEventKind.PolicyFallback, keys.Epoch, $"Epoch {keys.Epoch} is POST-QUANTUM-ONLY: {why}; policy ContinuePostQuantumOnly.", policy: QkdExhaustionPolicyKind.ContinuePostQuantumOnly));
            }

            if (first)
            {
                Add(ref events, Event(QkdSessionEventKind.Established, keys.Epoch, $"Epoch {keys.Epoch} established ({mode}, {ids})."));
            }
            else
            {
                QkdMetrics.Rekeys.Add(1, _tags);
                Add(ref events, Event(QkdSessionEventKind.Rekeyed, keys.Epoch, $"Rekeyed to epoch {keys.Epoch} ({mode}, {ids})."));
            }
        }

        Raise(events);
    }

    /// <summary>Clears the previous epoch's keys once its grace period is over (under the lock).</summary>
    private void RetirePrevious(DateTimeOffset now, ref List<QkdSessionEventArgs>? events)
    {
        if (_previous?.RetireAt is DateTimeOffset retireAt && now >= retireAt)
        {
            uint epoch = _previous.Epoch;
            _previous.Dispose();
            _previous = null;
            Add(ref events, Event(QkdSessionEventKind.EpochRetired, epoch, $"The keys of epoch {epoch} are cleared (grace period over)."));
        }
    }
}
