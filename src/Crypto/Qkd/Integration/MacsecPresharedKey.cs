// MACsec pre-shared keys (IEEE 802.1X-2020 MKA static CAK) from QKD keys: CKN = the 16 bytes of the key_ID UUID as
// 32 hex digits (a CKN is 1-32 octets, written as up to 64 hex digits), CAK = the 128- or 256-bit key in hex (for
// GCM-AES-128 / GCM-AES-256 cipher suites). A plain mapping: no derivation; the CKN names the key to the peer.

using System;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Qkd;

/// <summary>
/// Maps a QKD key to a MACsec pre-shared key: the connectivity-association key name (CKN) is the key_ID's 16 UUID bytes
/// as 32 hex digits, the connectivity-association key (CAK) is the 16- or 32-byte key as 32 or 64 hex digits.
/// The peer reads the key_ID back from the CKN (<see cref="TryFromCkn"/>) and fetches the same key from its KME. The
/// shape is the one of <see cref="Ikev2Ppk"/> and <see cref="WireGuardPresharedKey"/>.
/// </summary>
public static class MacsecPresharedKey
{
    /// <summary>The CKN for <paramref name="keyId"/>: the UUID's 16 bytes (RFC 4122 order) as 32 lowercase hex digits.</summary>
    /// <param name="keyId">The QKD key_ID.</param>
    /// <returns>The CKN.</returns>
    public static string ToCkn(Guid keyId)
    {
        Span<byte> bytes = stackalloc byte[16];
        keyId.TryWriteBytes(bytes, bigEndian: true, out _);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Reads the key_ID from a CKN made by <see cref="ToCkn"/> (hex digits of either case).</summary>
    /// <param name="ckn">The CKN.</param>
    /// <param name="keyId">The key_ID, or <see cref="Guid.Empty"/>.</param>
    /// <returns>Whether <paramref name="ckn"/> is 32 hex digits.</returns>
    public static bool TryFromCkn(ReadOnlySpan<char> ckn, out Guid keyId)
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
    /// <param name="destination">At least twice the key's length in characters (32 or 64); the CAK goes into the first ones.</param>
    /// <returns>The number of characters written: twice the key's length.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not 16 or 32 bytes, or <paramref name="destination"/> is shorter than twice its length.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static int WriteCak(QkdKey key, Span<char> destination)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is not (16 or 32))
        {
            throw Error.Qkd_CakSize(nameof(key), key.Length);
        }

        if (destination.Length < 2 * key.Length)
        {
            throw Error.Argument_DestinationTooSmall(nameof(destination), 2 * key.Length, destination.Length);
        }

        using SecretLease lease = key.Lease(); // a Dispose on another thread waits for the read
        Convert.TryToHexStringLower(key.Key, destination, out int written);
        return written;
    }

    /// <summary>The CAK as a hex string, for configuration. Strings cannot be cleared; prefer <see cref="WriteCak"/>.</summary>
    /// <param name="key">A 16- or 32-byte QKD key.</param>
    /// <returns>32 or 64 lowercase hex digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not 16 or 32 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static string ToCakString(QkdKey key)
    {
        Span<char> text = stackalloc char[64];
        try
        {
            return new string(text[..WriteCak(key, text)]);
        }
        finally
        {
            text.Clear();
        }
    }
}
