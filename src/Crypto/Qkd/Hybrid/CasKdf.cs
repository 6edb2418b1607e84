// CasKDF: the cascade KDF of ETSI TS 103 744 (V1.2.1, clause 8.3): one round per component secret, each round
// keyed by the chain secret of the previous one.
//
//   CK_0 = psk, else empty (HKDF, HMAC suites) or |CK| zero bytes (KMAC suites: the reference vectors use this)
//   R_i  = PRF(CK_{i-1}, f(k_i, MA_i, MB_i))           HMAC, or KMAC(CK_{i-1}, …, |CK|, "") with f unhashed
//   CK_i ‖ KM_i = KDF(R_i, salt = label_i, info_i, |CK| + L_i)
// The key of the last round, KM_n, is the session key.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Qkd;

/// <summary>
/// ETSI TS 103 744 CasKDF: a cascade of rounds, one per component secret, chained through a secret that this
/// object holds between rounds (and clears on <see cref="Dispose"/>). Each round outputs key material; the last
/// round's is the key.
/// </summary>
/// <remarks>
/// Not thread-safe: rounds follow one another. <see cref="Dispose"/> may come from another thread: a round that has
/// started finishes on the real chain secret, which is cleared after it (a round that starts later throws
/// <see cref="ObjectDisposedException"/>).
/// </remarks>
public sealed class CasKdf : IDisposable
{
    private readonly HybridKdf _kdf;
    private readonly byte[] _chainSecret;
    private readonly KeyLifetime _lifetime; // every use of _chainSecret holds a lease on it
    private int _chainLength;

    /// <summary>Starts a cascade.</summary>
    /// <param name="kdf">The KDF of the suite.</param>
    /// <param name="psk">The pre-shared key (a QKD key) that becomes the first chain secret CK_0, or empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="kdf"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="psk"/> is longer than 1024 bytes.</exception>
    public CasKdf(HybridKdf kdf, ReadOnlySpan<byte> psk = default)
    {
        ArgumentNullException.ThrowIfNull(kdf);
        if (psk.Length > 1024)
        {
            throw Error.Argument_LengthRange(nameof(psk), 0, 1024, psk.Length);
        }

        _kdf = kdf;
        _lifetime = new KeyLifetime(() => CryptographicOperations.ZeroMemory(_chainSecret));
        _chainSecret = GC.AllocateArray<byte>(Math.Max(kdf.HashSize, psk.Length), pinned: true);
        if (!psk.IsEmpty)
        {
            psk.CopyTo(_chainSecret);
            _chainLength = psk.Length;
        }
        else
        {
            // TS 103 744 reference code: an empty CK_0 for HMAC, |CK| zero bytes for KMAC.
            _chainLength = kdf.IsKmac ? kdf.HashSize : 0;
        }
    }

    /// <summary>The KDF of the cascade.</summary>
    public HybridKdf Kdf => _kdf;

    /// <summary>The number of rounds run so far.</summary>
    public int Rounds { get; private set; }

    /// <summary>Runs one round with the component secret <paramref name="secret"/> and writes its key material KM_i.</summary>
    /// <param name="secret">The component secret k_i of this round (a KEM or ECDH secret, or a QKD key); not empty.</param>
    /// <param name="label">The round's label (the KDF's salt).</param>
    /// <param name="info">The round's context string.</param>
    /// <param name="messageA">The initiator's message of this round, MA_i.</param>
    /// <param name="messageB">The responder's message of this round, MB_i.</param>
    /// <param name="keyMaterial">Receives KM_i; its length is L_i.</param>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty, or <paramref name="keyMaterial"/> is empty or too long.</exception>
    /// <exception cref="ObjectDisposedException">The cascade was disposed.</exception>
    public void DeriveRound(
        ReadOnlySpan<byte> secret,
        ReadOnlySpan<byte> label,
        ReadOnlySpan<byte> info,
        ReadOnlySpan<byte> messageA,
        ReadOnlySpan<byte> messageB,
        Span<byte> keyMaterial)
    {
        using SecretLease lease = _lifetime.Lease(this);
        if (secret.IsEmpty)
        {
            throw Error.Argument_LengthAtLeast(nameof(secret), 1, 0);
        }

        int chainSize = _kdf.HashSize;
        _kdf.ValidateOutput(nameof(keyMaterial), keyMaterial.Length + chainSize);
        byte[] message = _kdf.Context(secret, messageA, messageB);
        byte[] roundSecret = GC.AllocateArray<byte>(chainSize, pinned: true);
        byte[] output = GC.AllocateArray<byte>(chainSize + keyMaterial.Length, pinned: true);
        try
        {
            _kdf.Prf(_chainSecret.AsSpan(0, _chainLength), message, roundSecret);
            _kdf.Derive(label, ReadOnlySpan<byte>.Empty, roundSecret, info, output);
            CryptographicOperations.ZeroMemory(_chainSecret);
            output.AsSpan(0, chainSize).CopyTo(_chainSecret);
            _chainLength = chainSize;
            output.AsSpan(chainSize).CopyTo(keyMaterial);
            Rounds++;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(message);
            CryptographicOperations.ZeroMemory(roundSecret);
            CryptographicOperations.ZeroMemory(output);
        }
    }

    /// <summary>
    /// Clears the chain secret: at once, or when a round running on another thread finishes. A second call does nothing.
    /// </summary>
    public void Dispose() => _lifetime.Dispose();

    /// <summary>The KDF and round count; never the chain secret.</summary>
    /// <returns>A description such as <c>CasKdf(HKDF-SHA256, 2 rounds)</c>.</returns>
    public override string ToString() => $"CasKdf({_kdf.Name}, {Rounds} rounds)";
}
