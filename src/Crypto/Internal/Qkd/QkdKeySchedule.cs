// QkdKeySchedule: the session's key schedule on ETSI TS 103 744 CatKDF (§8.2): the previous epoch's chaining secret and
// the QKD key(s) as the pre-shared key psk, the KEM shared secret as the component secret, the handshake as MA and the
// responder's encapsulation key as MB, the handshake's context fields (suite, mode, epoch, SAE IDs, KME IDs, key IDs)
// as info. Epochs are chained (issue 11 defect 1): a rekey's keys depend on the keys of the epoch it replaces.

using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd;

/// <summary>
/// Derives one epoch's keys. Output (184 bytes): initiator-to-responder AES-256 key (32) ‖ its nonce base (12) ‖
/// responder-to-initiator key (32) ‖ its nonce base (12) ‖ key-confirmation key (32) ‖ chaining secret (32) ‖ rekey
/// authentication key (32).
/// </summary>
/// <remarks>
/// TS 103 744 §8.2 CatKDF: <c>secret = psk ‖ k1</c>, with <c>psk = chain(e−1) ‖ QKD key 1 ‖ … ‖ QKD key k</c>:
/// the 32-byte chaining secret of the epoch the rekey replaces (absent for epoch 0, which has no predecessor), then
/// the QKD keys in key-ID order (absent in post-quantum-only mode); <c>k1</c> = the KEM shared secret. The chaining
/// secret is a pre-shared key in the standard's sense: a secret both ends hold from before this exchange. The rekey
/// authentication key of epoch e keys the HMAC-SHA256 authenticator of the epoch e+1 handshake, which the responder
/// checks before it fetches a QKD key or decapsulates.
/// </remarks>
internal static class QkdKeySchedule
{
    /// <summary>The size of the chaining secret (and of each AES-256 key and HMAC-SHA256 key of the output).</summary>
    internal const int ChainingSecretSize = 32;

    /// <summary>The output: two directions of key and nonce base, then the confirmation key, chaining secret and rekey authentication key.</summary>
    private const int OutputSize = (2 * (ChainingSecretSize + EpochKeys.NonceSize)) + (3 * ChainingSecretSize);

    /// <summary>The CatKDF label (the HKDF salt, the HMAC/KMAC key of TS 103 744); v2 with the chained schedule.</summary>
    private static readonly byte[] s_label = "FintechCrypto QKD session v2"u8.ToArray();

    /// <summary>
    /// Derives the keys of <paramref name="epoch"/> from <paramref name="handshake"/> (whose last
    /// <see cref="QkdHandshakeMessage.KeyConfirmationSize"/> bytes are the confirmation, excluded from MA), and computes the
    /// key confirmation into <paramref name="confirmation"/>. <paramref name="psk"/> is the previous epoch's chaining
    /// secret (none for epoch 0) followed by the QKD keys (none in post-quantum-only mode).
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
            // TS 103 744 §8.2 CatKDF: secret = psk ‖ k1, psk = chain(e−1) ‖ QKD keys; with an empty psk (a post-quantum-only
            // first handshake) the KEM secret stands alone.
            CatKdf.DeriveKey(kdf, psk, kemSharedSecret, s_label, info, transcript, responderEncapsulationKey, output);
            ReadOnlySpan<byte> rest = output;
            ReadOnlySpan<byte> i2rKey = Next(ref rest, ChainingSecretSize);
            ReadOnlySpan<byte> i2rNonce = Next(ref rest, EpochKeys.NonceSize);
            ReadOnlySpan<byte> r2iKey = Next(ref rest, ChainingSecretSize);
            ReadOnlySpan<byte> r2iNonce = Next(ref rest, EpochKeys.NonceSize);
            ReadOnlySpan<byte> confirmationKey = Next(ref rest, ChainingSecretSize);
            ReadOnlySpan<byte> chainingSecret = Next(ref rest, ChainingSecretSize);
            ReadOnlySpan<byte> rekeyAuthenticationKey = Next(ref rest, ChainingSecretSize);
            HMACSHA256.HashData(confirmationKey, transcript, confirmation);
            return role == QkdSessionRole.Initiator
                ? new EpochKeys(epoch, mode, keyIds, i2rKey, i2rNonce, r2iKey, r2iNonce, chainingSecret, rekeyAuthenticationKey, replayWindowSize, now)
                : new EpochKeys(epoch, mode, keyIds, r2iKey, r2iNonce, i2rKey, i2rNonce, chainingSecret, rekeyAuthenticationKey, replayWindowSize, now);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(output);
        }
    }

    /// <summary>The next <paramref name="length"/> bytes of the output, in the order of the summary.</summary>
    private static ReadOnlySpan<byte> Next(ref ReadOnlySpan<byte> rest, int length)
    {
        ReadOnlySpan<byte> part = rest[..length];
        rest = rest[length..];
        return part;
    }
}
