// QkdSession's record layer: Protect and TryUnprotect (AES-256-GCM records under the current epoch's keys, RFC 8446
// §5.3 nonces, the replay window), and the send limits and AES-GCM ceilings that refuse a record. The public surface is
// in QkdSession.cs; the epochs whose keys records use in QkdSession.Epochs.cs.

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <content>The record half of <see cref="QkdSession"/>.</content>
public sealed partial class QkdSession
{
    /// <summary>The length of the record that protects <paramref name="plaintextLength"/> bytes.</summary>
    /// <param name="plaintextLength">The plaintext length, not negative.</param>
    /// <returns>The record length.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="plaintextLength"/> is negative or too large.</exception>
    public static int GetRecordLength(int plaintextLength)
    {
        if (plaintextLength < 0 || plaintextLength > int.MaxValue - RecordOverhead)
        {
            throw Error.ArgumentOutOfRange(nameof(plaintextLength), $"from 0 to {int.MaxValue - RecordOverhead}");
        }

        return plaintextLength + RecordOverhead;
    }

    /// <summary>Protects <paramref name="plaintext"/> into a record of the current epoch.</summary>
    /// <param name="plaintext">The message.</param>
    /// <param name="record">The destination, at least <see cref="GetRecordLength"/> bytes; must not overlap <paramref name="plaintext"/>.</param>
    /// <returns>The record length written.</returns>
    /// <exception cref="ArgumentException"><paramref name="record"/> is too small or overlaps <paramref name="plaintext"/>.</exception>
    /// <exception cref="InvalidOperationException">No handshake yet.</exception>
    /// <exception cref="QkdSessionException">The rekey limits are passed and the policy allows no more (<see cref="QkdSessionError.RekeyRequired"/>), or the sequence numbers are exhausted.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public int Protect(ReadOnlySpan<byte> plaintext, Span<byte> record)
    {
        int length = GetRecordLength(plaintext.Length);
        if (record.Length < length)
        {
            throw Error.Argument_DestinationTooSmall(nameof(record), length, record.Length);
        }

        if (record.Overlaps(plaintext))
        {
            throw Error.Argument_Overlap(nameof(record));
        }

        List<QkdSessionEventArgs>? events = null;
        QkdSessionException? refusal = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            EpochKeys keys = _current ?? throw NotEstablished();
            DateTimeOffset now = _time.GetUtcNow();
            RetirePrevious(now, ref events);
            _retained.Purge(now);
            refusal = CheckSendAllowed(keys, plaintext.Length, now, ref events);
            if (refusal is null)
            {
                ulong sequence = keys.NextSequence;
                Span<byte> header = record[..RecordHeaderSize];
                header[0] = RecordVersion;
                BinaryPrimitives.WriteUInt32BigEndian(header[1..], keys.Epoch);
                BinaryPrimitives.WriteUInt64BigEndian(header[5..], sequence);
                Span<byte> nonce = stackalloc byte[EpochKeys.NonceSize];
                keys.SendNonce(sequence, nonce);
                keys.SendKey.Encrypt(nonce, plaintext, header, record[RecordHeaderSize..length]);
                keys.NextSequence = sequence + 1;
                keys.MessagesSent++;
                keys.BytesSent += plaintext.Length;
                if (!_rekeyDueAnnounced && LimitsReached(keys, now))
                {
                    _rekeyDueAnnounced = true;
                    Add(ref events, Event(QkdSessionEventKind.RekeyDue, keys.Epoch, $"The rekey limits of epoch {keys.Epoch} are reached ({keys.MessagesSent} records, {keys.BytesSent} bytes sent)."));
                }
            }
        }

        Raise(events);
        if (refusal is not null)
        {
            throw refusal;
        }

        return length;
    }

    /// <summary>Protects <paramref name="plaintext"/> into a new record.</summary>
    /// <param name="plaintext">The message.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plaintext"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No handshake yet.</exception>
    /// <exception cref="QkdSessionException">See <see cref="Protect(ReadOnlySpan{byte}, Span{byte})"/>.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public byte[] Protect(byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        byte[] record = new byte[GetRecordLength(plaintext.Length)];
        Protect(plaintext, record);
        return record;
    }

    /// <summary>
    /// Opens a record of the current epoch, or of the previous epoch during its grace period. Returns false, writing
    /// nothing, for a malformed, tampered, replayed, too old or wrong-epoch record, or before the first handshake.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="plaintext">The destination, at least the record length minus <see cref="RecordOverhead"/>; must not overlap <paramref name="record"/>.</param>
    /// <param name="bytesWritten">The plaintext length, or 0.</param>
    /// <returns>True when the record was authentic, fresh and opened.</returns>
    /// <exception cref="ArgumentException"><paramref name="plaintext"/> is too small or overlaps <paramref name="record"/>.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public bool TryUnprotect(ReadOnlySpan<byte> record, Span<byte> plaintext, out int bytesWritten)
    {
        bytesWritten = 0;
        int length = record.Length - RecordOverhead;
        if (length >= 0 && plaintext.Length < length)
        {
            throw Error.Argument_DestinationTooSmall(nameof(plaintext), length, plaintext.Length);
        }

        if (plaintext.Overlaps(record))
        {
            throw Error.Argument_Overlap(nameof(plaintext));
        }

        List<QkdSessionEventArgs>? events = null;
        string? rejection;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DateTimeOffset now = _time.GetUtcNow();
            RetirePrevious(now, ref events);
            _retained.Purge(now);
            rejection = Open(record, plaintext, length);
        }

        Raise(events);
        if (rejection is not null)
        {
            QkdMetrics.RecordsRejected.Add(1, Tagged("qkd.reason", rejection));
            return false;
        }

        bytesWritten = length;
        return true;
    }

    /// <summary>Opens a record; see <see cref="TryUnprotect(ReadOnlySpan{byte}, Span{byte}, out int)"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="plaintext">The plaintext, or null when the record was refused.</param>
    /// <returns>True when the record was authentic, fresh and opened.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed.</exception>
    public bool TryUnprotect(byte[] record, [NotNullWhen(true)] out byte[]? plaintext)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] buffer = new byte[Math.Max(0, record.Length - RecordOverhead)];
        if (TryUnprotect(record, buffer, out _))
        {
            plaintext = buffer;
            return true;
        }

        plaintext = null;
        return false;
    }

    /// <summary>Null when a record may be sent now; otherwise the refusal to throw (after the lock is released).</summary>
    private QkdSessionException? CheckSendAllowed(EpochKeys keys, int plaintextLength, DateTimeOffset now, ref List<QkdSessionEventArgs>? events)
    {
        if (keys.NextSequence == ulong.MaxValue)
        {
            return Refuse(QkdSessionError.SequenceExhausted, keys.Epoch, $"The record sequence numbers of epoch {keys.Epoch} are exhausted; a nonce would repeat. Rekey.", ref events);
        }

        // The AES-GCM usage limits (RFC 8446 §5.5: 2^24.5 full-size records per key) hold whatever the policy and its
        // deadline (issue 11 defect 3): past them the key is never used again.
        if (keys.MessagesSent >= _recordCeiling || keys.BytesSent >= _byteCeiling || plaintextLength > _byteCeiling - keys.BytesSent)
        {
            return Refuse(
                QkdSessionError.RekeyRequired,
                keys.Epoch,
                $"The send key of epoch {keys.Epoch} has reached the AES-GCM usage ceiling ({_recordCeiling} records or {_byteCeiling} bytes per key, RFC 8446 §5.5) whatever the policy {_options.ExhaustionPolicy}; rekey.",
                ref events);
        }

        if (!LimitsReached(keys, now))
        {
            return null;
        }

        if (!_rekeyDueAnnounced)
        {
            _rekeyDueAnnounced = true;
            Add(ref events, Event(QkdSessionEventKind.RekeyDue, keys.Epoch, $"The rekey limits of epoch {keys.Epoch} are reached."));
        }

        if (_options.ExhaustionPolicy.Kind == QkdExhaustionPolicyKind.KeepCurrentKeyUntil)
        {
            DateTimeOffset deadline = _keepDeadline ??= _options.ExhaustionPolicy.DeadlineFrom(now);
            if (now < deadline)
            {
                if (_state != QkdSessionState.KeepingCurrentKeys)
                {
                    _state = QkdSessionState.KeepingCurrentKeys;
                    QkdMetrics.PolicyFallbacks.Add(1, Tagged("qkd.policy", "keep_current_key_until"));
                    Add(ref events, Event(QkdSessionEventKind.PolicyFallback, keys.Epoch, $"The rekey limits of epoch {keys.Epoch} are passed; keeping its keys until {deadline:O} (policy {_options.ExhaustionPolicy}).", policy: QkdExhaustionPolicyKind.KeepCurrentKeyUntil, deadline: deadline));
                }

                return null;
            }

            return Refuse(QkdSessionError.RekeyRequired, keys.Epoch, $"The rekey limits of epoch {keys.Epoch} are passed and the keep-current-key deadline {deadline:O} has passed; rekey.", ref events);
        }

        return Refuse(QkdSessionError.RekeyRequired, keys.Epoch, $"The rekey limits of epoch {keys.Epoch} are passed ({keys.MessagesSent} records, {keys.BytesSent} bytes, since {keys.StartedAt:O}); policy {_options.ExhaustionPolicy} refuses more records until a rekey.", ref events);
    }

    private QkdSessionException Refuse(QkdSessionError error, uint epoch, string message, ref List<QkdSessionEventArgs>? events)
    {
        var exception = new QkdSessionException(error, message);
        if (_state != QkdSessionState.RekeyRequired)
        {
            // Announced once per refusal episode; every refused call still throws.
            _state = QkdSessionState.RekeyRequired;
            QkdMetrics.Failures.Add(1, Tagged("qkd.error", error.ToString()));
            Add(ref events, Event(QkdSessionEventKind.Failure, epoch, message, exception: exception));
        }

        return exception;
    }

    private bool LimitsReached(EpochKeys keys, DateTimeOffset now) =>
        keys.MessagesSent >= _options.RekeyAfterMessages || keys.BytesSent >= _options.RekeyAfterBytes || now - keys.StartedAt >= _options.RekeyAfterTime;

    /// <summary>Opens a record under the lock; null on success, else the reason for the rejection metric.</summary>
    private string? Open(ReadOnlySpan<byte> record, Span<byte> plaintext, int length)
    {
        if (length < 0 || record[0] != RecordVersion)
        {
            return "malformed";
        }

        uint epoch = BinaryPrimitives.ReadUInt32BigEndian(record[1..]);
        ulong sequence = BinaryPrimitives.ReadUInt64BigEndian(record[5..]);
        EpochKeys? keys = _current is not null && _current.Epoch == epoch ? _current
            : _previous is not null && _previous.Epoch == epoch ? _previous
            : null;
        if (keys is null)
        {
            return "wrong_epoch";
        }

        // RFC 4303 §3.4.3: check the window first, update it only once the record authenticated.
        switch (keys.ReplayWindow.Check(sequence))
        {
            case ReplayCheck.Replayed:
                return "replayed";
            case ReplayCheck.TooOld:
                return "too_old";
        }

        Span<byte> nonce = stackalloc byte[EpochKeys.NonceSize];
        keys.ReceiveNonce(sequence, nonce);
        if (!keys.ReceiveKey.TryDecrypt(nonce, record[RecordHeaderSize..], record[..RecordHeaderSize], plaintext[..length], out _))
        {
            return "forged";
        }

        keys.ReplayWindow.Mark(sequence);
        return null;
    }
}
