// QkdSession's initiator (master SAE) handshake: InitiateAsync (epoch 0) and RekeyAsync (epoch e+1). It fetches new QKD
// keys (QkdSession.KeySource.cs, where the exhaustion policy decides when none come), encapsulates to the responder's
// authenticated KEM key, writes the handshake message (optionally signed with ML-DSA, a rekey authenticated under the
// epoch it replaces) and derives and installs the new epoch's keys (ETSI TS 103 744 §8.2 CatKDF, QkdKeySchedule).

using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;

namespace FintechCrypto.Qkd;

/// <content>The initiator's handshake of <see cref="QkdSession"/>.</content>
public sealed partial class QkdSession
{
    /// <summary>The first handshake (epoch 0); never keeps keys, so never null.</summary>
    private Task<byte[]?> FirstHandshakeAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_state != QkdSessionState.Created)
            {
                throw new InvalidOperationException("The QKD session has already made its first handshake; use RekeyAsync.");
            }
        }

        return InitiatorHandshakeAsync(0, keepAllowed: false, cancellationToken);
    }

    /// <summary>A rekey (the epoch after the current one); null when the policy keeps the current keys.</summary>
    private Task<byte[]?> RekeyHandshakeAsync(CancellationToken cancellationToken)
    {
        uint next;
        lock (_lock)
        {
            EpochKeys current = _current ?? throw NotEstablished();
            if (current.Epoch == uint.MaxValue)
            {
                throw new QkdSessionException(QkdSessionError.EpochExhausted, "The QKD session's epoch counter is exhausted; start a new session.");
            }

            next = current.Epoch + 1;
        }

        return InitiatorHandshakeAsync(next, keepAllowed: true, cancellationToken);
    }

    private async Task<byte[]?> InitiatorHandshakeAsync(uint epoch, bool keepAllowed, CancellationToken cancellationToken)
    {
        (QkdKeyContainer? keys, string? sourceKmeId, string? targetKmeId, KeySourceException? failure) =
            await FetchNewKeysAsync(cancellationToken).ConfigureAwait(false);
        using QkdKeyContainer? owned = keys;
        QkdSessionMode? mode = failure is null ? QkdSessionMode.Hybrid : ApplyExhaustionPolicy(epoch, keepAllowed, failure);
        if (mode is not QkdSessionMode sessionMode)
        {
            return null;
        }

        IReadOnlyList<Guid> keyIds = keys is null ? Array.Empty<Guid>() : [.. KeyIdsOf(keys)];
        byte[] ciphertext = new byte[_options.Kem.CiphertextSize];
        byte[] sharedSecret = GC.AllocateArray<byte>(_options.Kem.SharedSecretSize, pinned: true);
        int chainLength = epoch == 0 ? 0 : QkdKeySchedule.ChainingSecretSize;
        byte[] psk = GC.AllocateArray<byte>(chainLength + (keys is null ? 0 : _options.QkdKeyCount * (_options.QkdKeySizeInBits / 8)), pinned: true);
        EpochKeys? derived = null;
        try
        {
            _encapsulationKey!.Encapsulate(ciphertext, sharedSecret);
            SignatureAlgorithm? signatureAlgorithm = epoch == 0 ? _signingKey?.Algorithm : null;
            var handshake = new QkdHandshakeMessage(
                _options.Kem, _options.Kdf, sessionMode, epoch, _options.LocalSaeId, _options.PeerSaeId, sourceKmeId, targetKmeId, _options.QkdKeySizeInBits, keyIds, ciphertext, signatureAlgorithm);
            byte[] message = handshake.Encode(out QkdHandshakeLayout layout);
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
                _options.Kdf, psk, sharedSecret, message, layout.ContextLength, _responderEncapsulationKey, _role, epoch, sessionMode, keyIds, _options.ReplayWindowSize,
                _time.GetUtcNow(), message.AsSpan(message.Length - QkdHandshakeMessage.KeyConfirmationSize));
            Install(derived, sessionMode, sessionMode == QkdSessionMode.PostQuantumOnly ? failure : null);
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
}
