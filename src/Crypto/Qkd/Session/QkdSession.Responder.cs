// QkdSession's responder (slave SAE) handshake: AcceptAsync. It decodes the message strictly, checks it against the
// session (suite, SAE IDs, epoch, mode), authenticates it before anything secret is touched (a rekey under the current
// epoch's keys, a first handshake by the initiator's ML-DSA signature when one is required), acquires the named QKD keys
// (QkdSession.KeySource.cs), decapsulates, derives the epoch's keys, checks the key confirmation and installs them.

using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <content>The responder's handshake of <see cref="QkdSession"/>.</content>
public sealed partial class QkdSession
{
    /// <summary>Accepts one handshake message; returns the epoch installed.</summary>
    private async Task<uint> ResponderHandshakeAsync(ReadOnlyMemory<byte> handshakeMessage, CancellationToken cancellationToken)
    {
        QkdHandshakeMessage message;
        uint expectedEpoch;
        int chainLength;
        byte[] chain = GC.AllocateArray<byte>(QkdKeySchedule.ChainingSecretSize, pinned: true);
        try
        {
            try
            {
                message = QkdHandshakeMessage.FromBytes(handshakeMessage.Span);
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
            byte[] sharedSecret = GC.AllocateArray<byte>(_options.Kem.SharedSecretSize, pinned: true);
            byte[] psk = GC.AllocateArray<byte>(chainLength + (keys is null ? 0 : _options.QkdKeyCount * (_options.QkdKeySizeInBits / 8)), pinned: true);
            byte[] confirmation = GC.AllocateArray<byte>(QkdHandshakeMessage.KeyConfirmationSize, pinned: true);
            EpochKeys? derived = null;
            try
            {
                _decapsulationKey!.Decapsulate(message.Ciphertext.Span, sharedSecret);
                chain.AsSpan(0, chainLength).CopyTo(psk);
                FillPsk(keys, psk.AsSpan(chainLength));
                ReadOnlySpan<byte> bytes = handshakeMessage.Span;
                derived = QkdKeySchedule.Derive(
                    _options.Kdf, psk, sharedSecret, bytes, message.ContextLength, _responderEncapsulationKey, _role, message.Epoch, message.Mode,
                    message.KeyIds, _options.ReplayWindowSize, _time.GetUtcNow(), confirmation);
                if (!CryptographicOperations.FixedTimeEquals(confirmation, bytes[^QkdHandshakeMessage.KeyConfirmationSize..]))
                {
                    var exception = new QkdSessionException(
                        QkdSessionError.KeyConfirmationFailed,
                        $"The key confirmation of the epoch {message.Epoch} handshake from '{_options.PeerSaeId}' does not match: the message was altered, or the ends hold different QKD or KEM keys.");
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
                return message.Epoch;
            }
            finally
            {
                derived?.Dispose();
                if (!installed && keys is not null)
                {
                    RetainFailedHandshakeKeys(keys);
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
                            $"The epoch {message.Epoch} rekey from '{_options.PeerSaeId}' is not authenticated under the keys of epoch {current.Epoch}: it was injected or altered. The session is unchanged.");
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
            throw new QkdSessionException(QkdSessionError.InitiatorNotAuthenticated, $"The first handshake from '{_options.PeerSaeId}' {why}, and this responder requires the initiator's {_trustedInitiator.Algorithm.Name} signature.");
        }

        return 0;
    }

    private void CheckMessage(QkdHandshakeMessage message, uint expectedEpoch)
    {
        if (message.Kem != _options.Kem || message.Kdf != _options.Kdf)
        {
            throw new QkdSessionException(QkdSessionError.SuiteMismatch, $"The handshake uses {message.Kem.Name} + {message.Kdf.Name}, but this session is configured for {_options.Kem.Name} + {_options.Kdf.Name}.");
        }

        if (!string.Equals(message.InitiatorSaeId, _options.PeerSaeId, StringComparison.Ordinal) || !string.Equals(message.ResponderSaeId, _options.LocalSaeId, StringComparison.Ordinal))
        {
            throw new QkdSessionException(QkdSessionError.WrongSaeId, $"The handshake is from '{message.InitiatorSaeId}' to '{message.ResponderSaeId}', but this session is '{_options.PeerSaeId}' to '{_options.LocalSaeId}'.");
        }

        if (message.Epoch != expectedEpoch)
        {
            throw new QkdSessionException(QkdSessionError.UnexpectedEpoch, $"The handshake is for epoch {message.Epoch}, but epoch {expectedEpoch} is expected (a replayed or out-of-order handshake).");
        }

        if (message.Mode == QkdSessionMode.PostQuantumOnly)
        {
            if (_options.ExhaustionPolicy.Kind != QkdExhaustionPolicyKind.ContinuePostQuantumOnly)
            {
                throw new QkdSessionException(QkdSessionError.DowngradeRefused, $"The epoch {message.Epoch} handshake from '{_options.PeerSaeId}' is post-quantum-only, but this session's policy is {_options.ExhaustionPolicy}.");
            }
        }
        else if (message.KeyIds.Count != _options.QkdKeyCount || message.KeySizeInBits != _options.QkdKeySizeInBits)
        {
            throw new QkdSessionException(QkdSessionError.SuiteMismatch, $"The handshake names {message.KeyIds.Count} QKD key(s) of {message.KeySizeInBits} bits, but this session uses {_options.QkdKeyCount} of {_options.QkdKeySizeInBits} bits.");
        }
    }
}
