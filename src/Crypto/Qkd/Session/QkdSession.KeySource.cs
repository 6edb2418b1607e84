// QkdSession's key fetching: new keys for the initiator (ETSI GS QKD 014 §5.2 Get status, §5.3 Get key), the keys a
// handshake names for the responder (§5.4 Get key with key IDs, or the ones kept from a failed handshake:
// RetainedQkdKeys, issue 11 defect 2), the checks of what a key source delivers, and the exhaustion policy that decides
// what happens when none can be had (qkd.md §6: fail closed, keep the current keys until a deadline, or go on with the
// KEM alone; every fallback visible).

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <content>The key fetching and the exhaustion policy of <see cref="QkdSession"/>.</content>
public sealed partial class QkdSession
{
    /// <summary>The initiator's new keys for the peer, with the KME IDs of the Status; or the key source's failure, for the policy to judge.</summary>
    private async Task<(QkdKeyContainer? Keys, string? SourceKmeId, string? TargetKmeId, KeySourceException? Failure)> FetchNewKeysAsync(CancellationToken cancellationToken)
    {
        string? sourceKmeId = null;
        string? targetKmeId = null;
        QkdKeyContainer? keys = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.KeySourceTimeout);
        try
        {
            if (_options.QueryStatus)
            {
                // ETSI GS QKD 014 §5.2 Get status: the KME IDs bound into the key schedule, stored_key_count for metrics.
                QkdKeySourceStatus status = await _keySource.GetStatusAsync(_options.PeerSaeId, timeout.Token).ConfigureAwait(false);
                QkdMetrics.RecordStatus(status, _options.LocalSaeId, _options.PeerSaeId);
                sourceKmeId = HandshakeKmeId(status.SourceKmeId, "source_KME_ID");
                targetKmeId = HandshakeKmeId(status.TargetKmeId, "target_KME_ID");
            }

            // ETSI GS QKD 014 §5.3 Get key: new keys for the slave SAE.
            keys = await _keySource.GetKeysAsync(_options.PeerSaeId, QkdKeyRequest.For(_options.QkdKeyCount, _options.QkdKeySizeInBits), timeout.Token).ConfigureAwait(false);
            CheckDelivered(keys, null);
            QkdMetrics.KeysFetched.Add(keys.Keys.Count, _tags);
            return (keys, sourceKmeId, targetKmeId, null);
        }
        catch (KeySourceException e)
        {
            keys?.Dispose();
            return (null, null, null, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            keys?.Dispose();
            return (null, null, null, new KeySourceException(KeySourceError.Timeout, $"The QKD key source did not answer within {_options.KeySourceTimeout.TotalSeconds} s.", innerException: e));
        }
        catch (ArgumentException e)
        {
            // An IDs-or-sizes refusal by the source's own argument checks (for example a key size outside its limits).
            keys?.Dispose();
            return (null, null, null, new KeySourceException(KeySourceError.BadRequest, $"The QKD key source refused the request: {e.Message}", innerException: e));
        }
#pragma warning disable CA1031 // A plug-in key source that breaks IQkdKeySource's contract (throws other than KeySourceException) is still a KME failure: the policy decides, never a bypass.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            keys?.Dispose();
            return (null, null, null, ForeignFailure(e));
        }
    }

    /// <summary>
    /// The exhaustion policy when the initiator's key source failed: <see cref="QkdSessionMode.PostQuantumOnly"/> to go
    /// on with the KEM alone, null when the current keys are kept (a rekey under KeepCurrentKeyUntil); otherwise it throws.
    /// </summary>
    private QkdSessionMode? ApplyExhaustionPolicy(uint epoch, bool keepAllowed, KeySourceException failure)
    {
        string what = $"The QKD key source could not deliver {_options.QkdKeyCount} key(s) of {_options.QkdKeySizeInBits} bits for '{_options.PeerSaeId}' (epoch {epoch}): {failure.Message}";
        switch (_options.ExhaustionPolicy.Kind)
        {
            case QkdExhaustionPolicyKind.ContinuePostQuantumOnly:
                ReportFailure(QkdSessionError.KeySourceFailed, what, failure);
                return QkdSessionMode.PostQuantumOnly;
            case QkdExhaustionPolicyKind.KeepCurrentKeyUntil when keepAllowed:
                return KeepCurrentKeys(what, failure)
                    ? null
                    : throw new QkdSessionException(QkdSessionError.KeySourceFailed, what + " The keep-current-key deadline has passed.", failure);
            default:
                var exception = new QkdSessionException(QkdSessionError.KeySourceFailed, what, failure);
                ReportFailure(QkdSessionError.KeySourceFailed, what, exception);
                throw exception;
        }
    }

    /// <summary>Under KeepCurrentKeyUntil, after a failed rekey: keeps the current keys if the deadline allows; false when it has passed.</summary>
    private bool KeepCurrentKeys(string what, KeySourceException failure)
    {
        List<QkdSessionEventArgs>? events = null;
        bool kept;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DateTimeOffset now = _time.GetUtcNow();
            DateTimeOffset deadline = _keepDeadline ??= _options.ExhaustionPolicy.DeadlineFrom(now);
            EpochKeys current = _current ?? throw NotEstablished();
            QkdMetrics.Failures.Add(1, Tagged("qkd.error", nameof(QkdSessionError.KeySourceFailed)));
            Add(ref events, Event(QkdSessionEventKind.Failure, current.Epoch, what, exception: failure));
            kept = now < deadline;
            if (kept)
            {
                _state = QkdSessionState.KeepingCurrentKeys;
                QkdMetrics.PolicyFallbacks.Add(1, Tagged("qkd.policy", "keep_current_key_until"));
                Add(ref events, Event(QkdSessionEventKind.PolicyFallback, current.Epoch, $"Keeping the keys of epoch {current.Epoch} until {deadline:O} (policy {_options.ExhaustionPolicy}).", policy: QkdExhaustionPolicyKind.KeepCurrentKeyUntil, deadline: deadline));
            }
            else if (LimitsReached(current, now))
            {
                _state = QkdSessionState.RekeyRequired;
            }
        }

        Raise(events);
        return kept;
    }

    /// <summary>
    /// The QKD keys a hybrid handshake names: the ones kept from a failed handshake when all are there (issue 11 defect
    /// 2), else fetched by ID from the key source (ETSI GS QKD 014 §5.4 Get key with key IDs).
    /// </summary>
    private async Task<QkdKeyContainer> AcquireKeysAsync(QkdHandshakeMessage message, CancellationToken cancellationToken)
    {
        QkdKeyContainer? retained;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            retained = _retained.Take(message.KeyIds, _options.QkdKeySizeInBits, _time.GetUtcNow());
        }

        if (retained is not null)
        {
            return retained;
        }

        QkdKeyContainer? keys = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.KeySourceTimeout);
        try
        {
            // ETSI GS QKD 014 §5.4 Get key with key IDs: the path names the master SAE (the initiator).
            keys = await _keySource.GetKeysWithIdsAsync(_options.PeerSaeId, message.KeyIds, timeout.Token).ConfigureAwait(false);
            CheckDelivered(keys, message.KeyIds);
            QkdMetrics.KeysFetched.Add(keys.Keys.Count, _tags);
            return keys;
        }
#pragma warning disable CA1031 // As in FetchNewKeysAsync: any failure of the key source (ours or a plug-in's) fails the handshake in our family.
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            keys?.Dispose();
            Exception cause = e is KeySourceException or ArgumentException or OperationCanceledException ? e : ForeignFailure(e);
            var exception = new QkdSessionException(
                QkdSessionError.KeySourceFailed,
                $"The QKD key source could not deliver the keys [{string.Join(", ", message.KeyIds)}] from '{_options.PeerSaeId}' for epoch {message.Epoch}: {cause.Message}",
                cause);
            ReportFailure(QkdSessionError.KeySourceFailed, exception.Message, exception);
            throw exception;
        }
    }

    /// <summary>
    /// Issue 11 defect 2: keys fetched for a handshake that failed (a forged copy raced ahead of the genuine one) are kept
    /// for a while, so the genuine message still finds them.
    /// </summary>
    private void RetainFailedHandshakeKeys(QkdKeyContainer keys)
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _retained.Retain(keys, _time.GetUtcNow());
            }
        }
    }

    /// <summary>A key source's own exception type, named but not quoted (its message is not ours to vouch for).</summary>
    private static KeySourceException ForeignFailure(Exception e) =>
        new(KeySourceError.Unknown, $"The QKD key source failed with {e.GetType().Name}.", innerException: e);

    /// <summary>
    /// A KME ID of the Status as the handshake carries it (null when empty). One the handshake cannot carry (not Unicode
    /// text, or more than <see cref="QkdHandshakeMessage.MaxIdLength"/> bytes of UTF-8) is a bad answer of the key
    /// source, refused before any key is taken.
    /// </summary>
    private static string? HandshakeKmeId(string? kmeId, string member)
    {
        if (string.IsNullOrEmpty(kmeId))
        {
            return null;
        }

        try
        {
            _ = QkdHandshakeMessage.IdBytes(kmeId, 0, member);
            return kmeId;
        }
        catch (ArgumentException)
        {
            throw new KeySourceException(
                KeySourceError.InvalidResponse,
                $"The QKD key source's Status has a {member} that a handshake cannot carry (not Unicode text, or longer than {QkdHandshakeMessage.MaxIdLength} bytes of UTF-8).");
        }
    }

    /// <summary>Checks a delivery: the count, distinct non-nil IDs (the requested ones, in order, when known) and the sizes.</summary>
    private void CheckDelivered(QkdKeyContainer keys, IReadOnlyList<Guid>? expectedIds)
    {
        string? problem = null;
        if (keys is null || keys.Keys.Count != _options.QkdKeyCount)
        {
            problem = $"{keys?.Keys.Count ?? 0} key(s) delivered, {_options.QkdKeyCount} requested";
        }
        else
        {
            var seen = new HashSet<Guid>();
            for (int i = 0; i < keys.Keys.Count && problem is null; i++)
            {
                QkdKey key = keys.Keys[i];
                if (key.KeyId == Guid.Empty || !seen.Add(key.KeyId))
                {
                    problem = "a nil or repeated key ID";
                }
                else if (expectedIds is not null && key.KeyId != expectedIds[i])
                {
                    problem = $"key {key.KeyId:D} delivered where {expectedIds[i]:D} was requested";
                }
                else if (key.SizeInBits != _options.QkdKeySizeInBits)
                {
                    problem = $"key {key.KeyId:D} has {key.SizeInBits} bits, not {_options.QkdKeySizeInBits}";
                }
            }
        }

        if (problem is not null)
        {
            keys?.Dispose();
            throw new KeySourceException(KeySourceError.InvalidResponse, $"The QKD key source delivered the wrong keys: {problem}.");
        }
    }

    private static IEnumerable<Guid> KeyIdsOf(QkdKeyContainer keys)
    {
        foreach (QkdKey key in keys.Keys)
        {
            yield return key.KeyId;
        }
    }

    /// <summary>psk = the QKD keys concatenated in key-ID order (TS 103 744 CatKDF's pre-shared key); the container clears them after.</summary>
    private static void FillPsk(QkdKeyContainer? keys, Span<byte> psk)
    {
        if (keys is null)
        {
            return;
        }

        int offset = 0;
        foreach (QkdKey key in keys.Keys)
        {
            offset += key.CopyTo(psk[offset..]); // under a lease: the key source may still hold the key
        }
    }
}
