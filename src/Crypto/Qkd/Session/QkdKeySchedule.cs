// QkdKeySchedule: the session's key schedule on ETSI TS 103 744 CatKDF (§8.2): the QKD key(s) as the pre-shared key
// psk, the KEM shared secret as the component secret, the handshake as MA and the responder's encapsulation key as MB,
// the handshake's context fields (suite, mode, epoch, SAE IDs, KME IDs, key IDs) as info.

using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace FintechCrypto.Qkd;

/// <summary>
/// Derives one epoch's keys. Output (120 bytes): initiator-to-responder AES-256 key (32) ‖ its nonce base (12) ‖
/// responder-to-initiator key (32) ‖ its nonce base (12) ‖ key-confirmation key (32).
/// </summary>
internal static class QkdKeySchedule
{
    internal const int TrafficKeySize = 32;
    internal const int ConfirmationKeySize = 32;
    internal const int OutputSize = (2 * (TrafficKeySize + EpochKeys.NonceSize)) + ConfirmationKeySize;

    /// <summary>The CatKDF label (the HKDF salt, the HMAC/KMAC key of TS 103 744).</summary>
    private static readonly byte[] s_label = "FintechCrypto QKD session v1"u8.ToArray();

    /// <summary>
    /// Derives the keys of <paramref name="epoch"/> from <paramref name="handshake"/> (whose last
    /// <see cref="QkdHandshakeMessage.KeyConfirmationSize"/> bytes are the confirmation, excluded from MA), and computes the
    /// key confirmation into <paramref name="confirmation"/>.
    /// </summary>
    internal static EpochKeys Derive(
        HybridKdf kdf,
        ReadOnlySpan<byte> psk,
        ReadOnlySpan<byte> kemSharedSecret,
        ReadOnlySpan<byte> handshake,
        int contextLength,
        ReadOnlySpan<byte> responderEncapsulationKey,
        QkdSessionRole role,
        uint epoch,
        QkdSessionMode mode,
        IReadOnlyList<Guid> keyIds,
        int replayWindowSize,
        DateTimeOffset now,
        Span<byte> confirmation)
    {
        ReadOnlySpan<byte> transcript = handshake[..^QkdHandshakeMessage.KeyConfirmationSize];
        ReadOnlySpan<byte> info = handshake[..contextLength];
        byte[] output = GC.AllocateArray<byte>(OutputSize, pinned: true);
        try
        {
            // TS 103 744 CatKDF: secret = psk ‖ k1; with an empty psk (post-quantum-only) the KEM secret stands alone.
            CatKdf.DeriveKey(kdf, psk, kemSharedSecret, s_label, info, transcript, responderEncapsulationKey, output);
            ReadOnlySpan<byte> o = output;
            ReadOnlySpan<byte> i2rKey = o[..32];
            ReadOnlySpan<byte> i2rNonce = o[32..44];
            ReadOnlySpan<byte> r2iKey = o[44..76];
            ReadOnlySpan<byte> r2iNonce = o[76..88];
            HMACSHA256.HashData(o[88..120], transcript, confirmation);
            return role == QkdSessionRole.Initiator
                ? new EpochKeys(epoch, mode, keyIds, i2rKey, i2rNonce, r2iKey, r2iNonce, replayWindowSize, now)
                : new EpochKeys(epoch, mode, keyIds, r2iKey, r2iNonce, i2rKey, i2rNonce, replayWindowSize, now);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(output);
        }
    }
}
