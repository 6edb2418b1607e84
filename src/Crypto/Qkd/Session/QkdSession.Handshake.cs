// QkdSession's handshake machinery shared by both halves (QkdSession.Initiator.cs, QkdSession.Responder.cs): one
// handshake at a time, by the right role, never on a disposed session; and the installation of a new epoch, whose
// predecessor keeps its receive key for the grace period.

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <content>What the two handshake halves of <see cref="QkdSession"/> share.</content>
public sealed partial class QkdSession
{
    /// <summary>Runs one handshake of <paramref name="role"/>: one at a time, never on a disposed session or by the other role.</summary>
    private async Task<T> RunHandshakeAsync<T>(QkdSessionRole role, Func<CancellationToken, Task<T>> handshake, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }

        if (_role != role)
        {
            throw new InvalidOperationException(role == QkdSessionRole.Initiator
                ? "Only the initiator (master SAE) starts handshakes and rekeys."
                : "Only the responder (slave SAE) accepts handshake messages.");
        }

        if (Interlocked.CompareExchange(ref _handshakeBusy, 1, 0) != 0)
        {
            throw new InvalidOperationException("Another handshake of this QKD session is running.");
        }

        try
        {
            return await handshake(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _handshakeBusy, 0);
        }
    }

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
                _previous.RetireAt = SaturatingTime.Add(now, _previousEpochGrace);
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
}
