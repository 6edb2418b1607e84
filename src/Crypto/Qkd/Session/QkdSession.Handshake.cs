// QkdSession's handshakes: the initiator's (InitiateAsync / RekeyAsync) and the responder's (AcceptAsync) halves, the
// key-source calls they make, the checks of what arrives (rekey authenticator, initiator signature, key confirmation,
// delivered keys) and the installation of a new epoch. The public surface and the record layer are in QkdSession.cs.

using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <content>The handshake half of <see cref="QkdSession"/>.</content>
public sealed partial class QkdSession
{
    private void EnterHandshake(QkdSessionRole role)
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
    }

    private async Task<byte[]?> InitiatorHandshakeAsync(uint epoch, bool keepAllowed, CancellationToken cancellationToken)
    {
        (QkdKeyContainer? keys, string? sourceKmeId, string? targetKmeId, KeySourceException? failure) =
            await FetchNewKeysAsync(cancellationToken).ConfigureAwait(false);
        using QkdKeyContainer? owned = keys;
        QkdSessionMode mode = QkdSessionMode.Hybrid;
        if (failure is not null)
        {
            string what = $"The QKD key source could not deliver {_qkdKeyCount} key(s) of {_qkdKeySizeInBits} bits for '{_peerSaeId}' (epoch {epoch}): {failure.Message}";
            switch (_policy.Kind)
            {
                case QkdExhaustionPolicyKind.ContinuePostQuantumOnly:
                    ReportFailure(QkdSessionError.KeySourceFailed, what, failure);
                    mode = QkdSessionMode.PostQuantumOnly;
                    break;
                case QkdExhaustionPolicyKind.KeepCurrentKeyUntil when keepAllowed:
                    if (KeepCurrentKeys(what, failure))
                    {
                        return null;
                    }

                    throw new QkdSessionException(QkdSessionError.KeySourceFailed, what + " The keep-current-key deadline has passed.", failure);
                default:
                    var exception = new QkdSessionException(QkdSessionError.KeySourceFailed, what, failure);
                    ReportFailure(QkdSessionError.KeySourceFailed, what, exception);
                    throw exception;
            }
        }

        IReadOnlyList<Guid> keyIds = keys is null ? Array.Empty<Guid>() : [.. KeyIdsOf(keys)];
        byte[] ciphertext = new byte[_kem.CiphertextSize];
        byte[] sharedSecret = GC.AllocateArray<byte>(_kem.SharedSecretSize, pinned: true);
        int chainLength = epoch == 0 ? 0 : QkdKeySchedule.ChainingSecretSize;
        byte[] psk = GC.AllocateArray<byte>(chainLength + (keys is null ? 0 : _qkdKeyCount * (_qkdKeySizeInBits / 8)), pinned: true);
        EpochKeys? derived = null;
        try
        {
            _encapsulationKey!.Encapsulate(ciphertext, sharedSecret);
            SignatureAlgorithm? signatureAlgorithm = epoch == 0 ? _signingKey?.Algorithm : null;
            byte[] message = QkdHandshakeMessage.Encode(
                _kem, _kdf, mode, epoch, _localSaeId, _peerSaeId, sourceKmeId, targetKmeId, _qkdKeySizeInBits, keyIds, ciphertext, signatureAlgorithm,
                out QkdHandshakeLayout layout);
            if (signatureAlgorithm is not null)
            {
                // FIPS 204 ML-DSA.Sign with a context string, over every byte before the signature.
                _ = _signingKey!.Sign(message.AsSpan(0, layout.SignatureOffset), message.AsSpan(layout.SignatureOffset, signatureAlgorithm.SignatureSize), s_initiatorSignatureContext);
            }

            if (epoch != 0)
            {
                // Chain the rekey to the epoch it replaces: authenticate the whole message under epoch e's rekey
                // authentication key, and take epoch e's chaining secret into the psk of CatKDF (QkdKeySchedule).
                lock (_lock)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    EpochKeys current = _current ?? throw NotEstablished();
                    if (current.Epoch != epoch - 1)
                    {
                        throw Error.Crypto_InternalError("a rekey not for the epoch after the current one");
                    }

                    current.RekeyAuthenticator(message.AsSpan(0, layout.AuthenticatorOffset), message.AsSpan(layout.AuthenticatorOffset, QkdHandshakeMessage.RekeyAuthenticatorSize));
                    current.ChainingSecret.CopyTo(psk);
                }
            }

            FillPsk(keys, psk.AsSpan(chainLength));
            derived = QkdKeySchedule.Derive(
                _kdf, psk, sharedSecret, message, layout.ContextLength, _responderEncapsulationKey, _role, epoch, mode, keyIds, _replayWindowSize,
                _time.GetUtcNow(), message.AsSpan(message.Length - QkdHandshakeMessage.KeyConfirmationSize));
            Install(derived, mode, mode == QkdSessionMode.PostQuantumOnly ? failure : null);
            derived = null;
            return message;
        }
        finally
        {
            derived?.Dispose();
            CryptographicOperations.ZeroMemory(sharedSecret);
            CryptographicOperations.ZeroMemory(psk);
        }
    }

    private async Task<(QkdKeyContainer? Keys, string? SourceKmeId, string? TargetKmeId, KeySourceException? Failure)> FetchNewKeysAsync(CancellationToken cancellationToken)
    {
        string? sourceKmeId = null;
        string? targetKmeId = null;
        QkdKeyContainer? keys = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_keySourceTimeout);
        try
        {
            if (_queryStatus)
            {
                // ETSI GS QKD 014 §5.2 Get status: the KME IDs bound into the key schedule, stored_key_count for metrics.
                QkdKeySourceStatus status = await _keySource.GetStatusAsync(_peerSaeId, timeout.Token).ConfigureAwait(false);
                QkdMetrics.RecordStatus(status, _localSaeId, _peerSaeId);
                sourceKmeId = HandshakeKmeId(status.SourceKmeId, "source_KME_ID");
                targetKmeId = HandshakeKmeId(status.TargetKmeId, "target_KME_ID");
            }

            // ETSI GS QKD 014 §5.3 Get key: new keys for the slave SAE.
            keys = await _keySource.GetKeysAsync(_peerSaeId, QkdKeyRequest.For(_qkdKeyCount, _qkdKeySizeInBits), timeout.Token).ConfigureAwait(false);
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
            return (null, null, null, new KeySourceException(KeySourceError.Timeout, $"The QKD key source did not answer within {_keySourceTimeout.TotalSeconds} s.", innerException: e));
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

    private async Task ResponderHandshakeAsync(ReadOnlyMemory<byte> handshakeMessage, CancellationToken cancellationToken)
    {
        QkdHandshakeMessage message;
        uint expectedEpoch;
        int chainLength;
        byte[] chain = GC.AllocateArray<byte>(QkdKeySchedule.ChainingSecretSize, pinned: true);
        try
        {
            try
            {
                message = QkdHandshakeMessage.Decode(handshakeMessage.Span);
                lock (_lock)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    _retained.Purge(_time.GetUtcNow());
                    expectedEpoch = _current is null ? 0 : _current.Epoch == uint.MaxValue
                        ? throw new QkdSessionException(QkdSessionError.EpochExhausted, "The QKD session's epoch counter is exhausted; start a new session.")
                        : _current.Epoch + 1;
                }

                CheckMessage(message, expectedEpoch);

                // Authenticate before any QKD key is fetched or the ciphertext decapsulated: a rekey under the current
                // epoch's keys (so nobody but the peer of this epoch can rekey, or downgrade, it), a first handshake by
                // the initiator's ML-DSA signature when the responder requires one.
                chainLength = AuthenticateHandshake(message, handshakeMessage.Span, chain);
            }
            catch (QkdSessionException e)
            {
                ReportFailure(e.Error, e.Message, e);
                throw;
            }

            QkdKeyContainer? keys = message.Mode == QkdSessionMode.Hybrid ? await AcquireKeysAsync(message, cancellationToken).ConfigureAwait(false) : null;
            using QkdKeyContainer? owned = keys;
            bool installed = false;
            byte[] sharedSecret = GC.AllocateArray<byte>(_kem.SharedSecretSize, pinned: true);
            byte[] psk = GC.AllocateArray<byte>(chainLength + (keys is null ? 0 : _qkdKeyCount * (_qkdKeySizeInBits / 8)), pinned: true);
            byte[] confirmation = GC.AllocateArray<byte>(QkdHandshakeMessage.KeyConfirmationSize, pinned: true);
            EpochKeys? derived = null;
            try
            {
                _decapsulationKey!.Decapsulate(message.Ciphertext.Span, sharedSecret);
                chain.AsSpan(0, chainLength).CopyTo(psk);
                FillPsk(keys, psk.AsSpan(chainLength));
                ReadOnlySpan<byte> bytes = handshakeMessage.Span;
                derived = QkdKeySchedule.Derive(
                    _kdf, psk, sharedSecret, bytes, message.ContextLength, _responderEncapsulationKey, _role, message.Epoch, message.Mode,
                    message.KeyIds, _replayWindowSize, _time.GetUtcNow(), confirmation);
                if (!CryptographicOperations.FixedTimeEquals(confirmation, bytes[^QkdHandshakeMessage.KeyConfirmationSize..]))
                {
                    var exception = new QkdSessionException(
                        QkdSessionError.KeyConfirmationFailed,
                        $"The key confirmation of the epoch {message.Epoch} handshake from '{_peerSaeId}' does not match: the message was altered, or the ends hold different QKD or KEM keys.");
                    ReportFailure(QkdSessionError.KeyConfirmationFailed, exception.Message, exception);
                    throw exception;
                }

                lock (_lock)
                {
                    uint expected = _current is null ? 0 : _current.Epoch + 1;
                    if (message.Epoch != expected)
                    {
                        throw new QkdSessionException(QkdSessionError.UnexpectedEpoch, $"The handshake is for epoch {message.Epoch}, but epoch {expected} is expected.");
                    }
                }

                Install(derived, message.Mode, null);
                derived = null;
                installed = true;
            }
            finally
            {
                derived?.Dispose();
                if (!installed && keys is not null)
                {
                    // Issue 11 defect 2: keys fetched for a handshake that failed (a forged copy raced ahead of the
                    // genuine one) are kept for a while, so the genuine message still finds them.
                    lock (_lock)
                    {
                        if (!_disposed)
                        {
                            _retained.Retain(keys, _time.GetUtcNow());
                        }
                    }
                }

                CryptographicOperations.ZeroMemory(sharedSecret);
                CryptographicOperations.ZeroMemory(psk);
                CryptographicOperations.ZeroMemory(confirmation);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(chain);
        }
    }

    /// <summary>
    /// Authenticates a handshake before anything secret is touched. A rekey (epoch e+1) must carry the HMAC-SHA256 of
    /// every byte before its authenticator under the current epoch e's rekey authentication key; the chaining secret of
    /// epoch e is copied to <paramref name="chain"/> and its length returned. A first handshake must carry a valid
    /// initiator signature when <see cref="QkdSessionOptions.TrustedInitiatorKey"/> is set; 0 is returned.
    /// </summary>
    private int AuthenticateHandshake(QkdHandshakeMessage message, ReadOnlySpan<byte> bytes, Span<byte> chain)
    {
        QkdHandshakeLayout layout = message.Layout;
        if (message.Epoch != 0)
        {
            Span<byte> expected = stackalloc byte[QkdHandshakeMessage.RekeyAuthenticatorSize];
            try
            {
                lock (_lock)
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    EpochKeys current = _current ?? throw NotEstablished();
                    if (current.Epoch + 1 != message.Epoch)
                    {
                        throw new QkdSessionException(QkdSessionError.UnexpectedEpoch, $"The handshake is for epoch {message.Epoch}, but epoch {current.Epoch + 1} is expected.");
                    }

                    current.RekeyAuthenticator(bytes[..layout.AuthenticatorOffset], expected);
                    if (!CryptographicOperations.FixedTimeEquals(expected, bytes.Slice(layout.AuthenticatorOffset, QkdHandshakeMessage.RekeyAuthenticatorSize)))
                    {
                        throw new QkdSessionException(
                            QkdSessionError.RekeyNotAuthenticated,
                            $"The epoch {message.Epoch} rekey from '{_peerSaeId}' is not authenticated under the keys of epoch {current.Epoch}: it was injected or altered. The session is unchanged.");
                    }

                    current.ChainingSecret.CopyTo(chain);
                    return QkdKeySchedule.ChainingSecretSize;
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(expected);
            }
        }

        if (_trustedInitiator is not null
            && !_trustedInitiator.Verify(bytes[..layout.SignatureOffset], message.InitiatorSignatureAlgorithm, message.InitiatorSignature.Span, s_initiatorSignatureContext))
        {
            string why = message.InitiatorSignatureAlgorithm is null ? "carries no initiator signature" : "carries an initiator signature that does not verify with the trusted key";
            throw new QkdSessionException(QkdSessionError.InitiatorNotAuthenticated, $"The first handshake from '{_peerSaeId}' {why}, and this responder requires the initiator's {_trustedInitiator.Algorithm.Name} signature.");
        }

        return 0;
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
            retained = _retained.Take(message.KeyIds, _qkdKeySizeInBits, _time.GetUtcNow());
        }

        if (retained is not null)
        {
            return retained;
        }

        QkdKeyContainer? keys = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_keySourceTimeout);
        try
        {
            // ETSI GS QKD 014 §5.4 Get key with key IDs: the path names the master SAE (the initiator).
            keys = await _keySource.GetKeysWithIdsAsync(_peerSaeId, message.KeyIds, timeout.Token).ConfigureAwait(false);
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
                $"The QKD key source could not deliver the keys [{string.Join(", ", message.KeyIds)}] from '{_peerSaeId}' for epoch {message.Epoch}: {cause.Message}",
                cause);
            ReportFailure(QkdSessionError.KeySourceFailed, exception.Message, exception);
            throw exception;
        }
    }

    private static DateTimeOffset SaturatingAdd(DateTimeOffset time, TimeSpan span) =>
        span > DateTimeOffset.MaxValue - time ? DateTimeOffset.MaxValue : time + span;

    private void CheckMessage(QkdHandshakeMessage message, uint expectedEpoch)
    {
        if (message.Kem != _kem || message.Kdf != _kdf)
        {
            throw new QkdSessionException(QkdSessionError.SuiteMismatch, $"The handshake uses {message.Kem.Name} + {message.Kdf.Name}, but this session is configured for {_kem.Name} + {_kdf.Name}.");
        }

        if (!string.Equals(message.InitiatorSaeId, _peerSaeId, StringComparison.Ordinal) || !string.Equals(message.ResponderSaeId, _localSaeId, StringComparison.Ordinal))
        {
            throw new QkdSessionException(QkdSessionError.WrongSaeId, $"The handshake is from '{message.InitiatorSaeId}' to '{message.ResponderSaeId}', but this session is '{_peerSaeId}' to '{_localSaeId}'.");
        }

        if (message.Epoch != expectedEpoch)
        {
            throw new QkdSessionException(QkdSessionError.UnexpectedEpoch, $"The handshake is for epoch {message.Epoch}, but epoch {expectedEpoch} is expected (a replayed or out-of-order handshake).");
        }

        if (message.Mode == QkdSessionMode.PostQuantumOnly)
        {
            if (_policy.Kind != QkdExhaustionPolicyKind.ContinuePostQuantumOnly)
            {
                throw new QkdSessionException(QkdSessionError.DowngradeRefused, $"The epoch {message.Epoch} handshake from '{_peerSaeId}' is post-quantum-only, but this session's policy is {_policy}.");
            }
        }
        else if (message.KeyIds.Count != _qkdKeyCount || message.KeySizeInBits != _qkdKeySizeInBits)
        {
            throw new QkdSessionException(QkdSessionError.SuiteMismatch, $"The handshake names {message.KeyIds.Count} QKD key(s) of {message.KeySizeInBits} bits, but this session uses {_qkdKeyCount} of {_qkdKeySizeInBits} bits.");
        }
    }

    /// <summary>Checks a delivery: the count, distinct non-nil IDs (the requested ones, in order, when known) and the sizes.</summary>
    private void CheckDelivered(QkdKeyContainer keys, IReadOnlyList<Guid>? expectedIds)
    {
        string? problem = null;
        if (keys is null || keys.Keys.Count != _qkdKeyCount)
        {
            problem = $"{keys?.Keys.Count ?? 0} key(s) delivered, {_qkdKeyCount} requested";
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
                else if (key.SizeInBits != _qkdKeySizeInBits)
                {
                    problem = $"key {key.KeyId:D} has {key.SizeInBits} bits, not {_qkdKeySizeInBits}";
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
            key.CopyTo(psk[offset..]); // under a lease: the key source may still hold the key
            offset += key.Length;
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
                _previous.RetireAt = SaturatingAdd(now, _previousEpochGrace);
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
