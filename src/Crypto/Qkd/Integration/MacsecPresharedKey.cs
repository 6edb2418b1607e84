// MACsec pre-shared keys (IEEE 802.1X-2020 MKA static CAK) from QKD keys: CKN = the 16 bytes of the key_ID UUID as
// 32 hex digits (a CKN is 1-32 octets, written as up to 64 hex digits), CAK = the 128- or 256-bit key in hex (for
// GCM-AES-128 / GCM-AES-256 cipher suites). A plain mapping: no derivation; the CKN names the key to the peer.

using System;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Qkd;

/// <summary>
/// Maps a QKD key to a MACsec pre-shared key: the connectivity-association key name (CKN) is the key_ID's 16 UUID bytes
/// as 32 hex digits, the connectivity-association key (CAK) is the 16- or 32-byte key as 32 or 64 hex digits.
/// The peer reads the key_ID back from the CKN (<see cref="TryParseCkn"/>) and fetches the same key from its KME.
/// </summary>
public static class MacsecPresharedKey
{
    /// <summary>The CKN for <paramref name="keyId"/>: the UUID's 16 bytes (RFC 4122 order) as 32 lowercase hex digits.</summary>
    /// <param name="keyId">The QKD key_ID.</param>
    /// <returns>The CKN.</returns>
    public static string GetCkn(Guid keyId)
    {
        Span<byte> bytes = stackalloc byte[16];
        keyId.TryWriteBytes(bytes, bigEndian: true, out _);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Reads the key_ID from a CKN made by <see cref="GetCkn"/> (hex digits of either case).</summary>
    /// <param name="ckn">The CKN.</param>
    /// <param name="keyId">The key_ID, or <see cref="Guid.Empty"/>.</param>
    /// <returns>Whether <paramref name="ckn"/> is 32 hex digits.</returns>
    public static bool TryParseCkn(ReadOnlySpan<char> ckn, out Guid keyId)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (ckn.Length != 32 || Convert.FromHexString(ckn, bytes, out _, out int written) != System.Buffers.OperationStatus.Done || written != 16)
        {
            keyId = Guid.Empty;
            return false;
        }

        keyId = new Guid(bytes, bigEndian: true);
        return true;
    }

    /// <summary>Writes the CAK as lowercase hex (secret text: clear it after use).</summary>
    /// <param name="key">A 16- or 32-byte QKD key.</param>
    /// <param name="destination">Receives 32 or 64 characters (twice the key length).</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not 16 or 32 bytes, or <paramref name="destination"/> is not twice its length.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static void FormatCak(QkdKey key, Span<char> destination)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is not (16 or 32))
        {
            throw new ArgumentException($"A MACsec CAK is 16 or 32 bytes (GCM-AES-128 or GCM-AES-256); the key is {key.Length} bytes.", nameof(key));
        }

        if (destination.Length != 2 * key.Length)
        {
            throw Error.Argument_Length(nameof(destination), 2 * key.Length, destination.Length);
        }

        using SecretLease lease = key.Lease(); // a Dispose on another thread waits for the read
        Convert.TryToHexStringLower(key.Key, destination, out _);
    }

    /// <summary>The CAK as a hex string, for configuration. Strings cannot be cleared; prefer <see cref="FormatCak"/>.</summary>
    /// <param name="key">A 16- or 32-byte QKD key.</param>
    /// <returns>32 or 64 lowercase hex digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not 16 or 32 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static string GetCakHexString(QkdKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<char> text = stackalloc char[64];
        try
        {
            int length = 2 * key.Length;
            FormatCak(key, text[..Math.Min(length, 64)]);
            return new string(text[..length]);
        }
        finally
        {
            text.Clear();
        }
    }
}
