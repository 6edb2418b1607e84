// EpochKeys: the traffic keys of one session epoch (one handshake) and the record state that goes with them.

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Security.Cryptography;
using FintechCrypto.Internal.Memory;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd;

/// <summary>
/// One epoch's AES-256-GCM send and receive keys with their 12-byte nonce bases, its chaining secret and rekey
/// authentication key (pinned, cleared on <see cref="Dispose"/>), the send counters the rekey limits look at, and the
/// receive replay window.
/// </summary>
internal sealed class EpochKeys : IDisposable
{
    internal const int NonceSize = 12;

    private readonly SecretBytes _sendNonceBase;
    private readonly SecretBytes _receiveNonceBase;
    private readonly SecretBytes _chainingSecret;
    private readonly SecretBytes _rekeyAuthenticationKey;

    internal EpochKeys(
        uint epoch,
        QkdSessionMode mode,
        IReadOnlyList<Guid> keyIds,
        ReadOnlySpan<byte> sendKey,
        ReadOnlySpan<byte> sendNonceBase,
        ReadOnlySpan<byte> receiveKey,
        ReadOnlySpan<byte> receiveNonceBase,
        ReadOnlySpan<byte> chainingSecret,
        ReadOnlySpan<byte> rekeyAuthenticationKey,
        int replayWindowSize,
        DateTimeOffset startedAt)
    {
        Epoch = epoch;
        Mode = mode;
        KeyIds = keyIds;
        SendKey = AeadKey.Import(AeadAlgorithm.Aes256Gcm, sendKey, KeyBlobFormat.RawPrivateKey);
        ReceiveKey = AeadKey.Import(AeadAlgorithm.Aes256Gcm, receiveKey, KeyBlobFormat.RawPrivateKey);
        _sendNonceBase = new SecretBytes(sendNonceBase);
        _receiveNonceBase = new SecretBytes(receiveNonceBase);
        _chainingSecret = new SecretBytes(chainingSecret);
        _rekeyAuthenticationKey = new SecretBytes(rekeyAuthenticationKey);
        ReplayWindow = new ReplayWindow(replayWindowSize);
        StartedAt = startedAt;
        SendFingerprint = Fingerprint(sendKey, sendNonceBase);
        ReceiveFingerprint = Fingerprint(receiveKey, receiveNonceBase);
    }

    internal uint Epoch { get; }

    internal QkdSessionMode Mode { get; }

    internal IReadOnlyList<Guid> KeyIds { get; }

    internal AeadKey SendKey { get; }

    internal AeadKey ReceiveKey { get; }

    internal ReplayWindow ReplayWindow { get; }

    internal DateTimeOffset StartedAt { get; }

    /// <summary>When a previous epoch's receive key is cleared; null while the epoch is current.</summary>
    internal DateTimeOffset? RetireAt { get; set; }

    internal ulong NextSequence { get; set; }

    internal long MessagesSent { get; set; }

    internal long BytesSent { get; set; }

    /// <summary>SHA-256 of send key ‖ nonce base: lets tests compare keys across ends without exposing them.</summary>
    internal byte[] SendFingerprint { get; }

    /// <summary>SHA-256 of receive key ‖ nonce base.</summary>
    internal byte[] ReceiveFingerprint { get; }

    /// <summary>The per-record nonce: the nonce base XOR the 64-bit sequence number, left-padded (RFC 8446 §5.3).</summary>
    internal void SendNonce(ulong sequence, Span<byte> nonce) => Nonce(_sendNonceBase.Span, sequence, nonce);

    internal void ReceiveNonce(ulong sequence, Span<byte> nonce) => Nonce(_receiveNonceBase.Span, sequence, nonce);

    /// <summary>
    /// This epoch's chaining secret: the next epoch's key schedule takes it into CatKDF's psk (QkdKeySchedule), so a
    /// rekey yields keys only for a party that holds this epoch's keys. Read under the session's lock.
    /// </summary>
    internal ReadOnlySpan<byte> ChainingSecret => _chainingSecret.Span;

    /// <summary>HMAC-SHA256 (RFC 2104) of <paramref name="data"/> under this epoch's rekey authentication key: the next rekey's authenticator.</summary>
    internal void RekeyAuthenticator(ReadOnlySpan<byte> data, Span<byte> tag) =>
        HMACSHA256.HashData(_rekeyAuthenticationKey.Span, data, tag);

    public void Dispose()
    {
        SendKey.Dispose();
        ReceiveKey.Dispose();
        _sendNonceBase.Dispose();
        _receiveNonceBase.Dispose();
        _chainingSecret.Dispose();
        _rekeyAuthenticationKey.Dispose();
    }

    private static void Nonce(ReadOnlySpan<byte> nonceBase, ulong sequence, Span<byte> nonce)
    {
        nonceBase.CopyTo(nonce);
        ulong tail = BinaryPrimitives.ReadUInt64BigEndian(nonce[4..]);
        BinaryPrimitives.WriteUInt64BigEndian(nonce[4..], tail ^ sequence);
    }

    private static byte[] Fingerprint(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonceBase)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(key);
        hash.AppendData(nonceBase);
        return hash.GetHashAndReset();
    }
}
