// WireGuard pre-shared keys from QKD keys: a 256-bit key in standard base64, as `wg set … preshared-key` and the
// PresharedKey setting of wg-quick read it (WireGuard whitepaper §5.4.2: Q, a 32-byte symmetric key). A plain
// mapping: no derivation.

using System;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Qkd;

/// <summary>
/// Maps a 256-bit QKD key to a WireGuard pre-shared key: the key's 32 bytes in standard base64 (44 characters).
/// The key_ID travels to the peer by the application's own channel; both peers set the same PSK. The shape is the
/// one of <see cref="Ikev2Ppk"/> and <see cref="MacsecPresharedKey"/>.
/// </summary>
public static class WireGuardPresharedKey
{
    /// <summary>The key size WireGuard requires: 32 bytes.</summary>
    public const int KeySize = 32;

    /// <summary>The length of the base64 text: 44 characters.</summary>
    public const int Base64Length = 44;

    /// <summary>Writes the PSK as base64 into <paramref name="destination"/> (secret text: clear it after use).</summary>
    /// <param name="key">A 32-byte QKD key.</param>
    /// <param name="destination">At least <see cref="Base64Length"/> characters; the PSK goes into the first <see cref="Base64Length"/>.</param>
    /// <returns><see cref="Base64Length"/>, the number of characters written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not 32 bytes, or <paramref name="destination"/> is shorter than 44 characters.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static int WritePsk(QkdKey key, Span<char> destination)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeySize)
        {
            throw Error.Argument_Length(nameof(key), KeySize, key.Length);
        }

        if (destination.Length < Base64Length)
        {
            throw Error.Argument_DestinationTooSmall(nameof(destination), Base64Length, destination.Length);
        }

        using SecretLease lease = key.Lease(); // a Dispose on another thread waits for the read
        Convert.TryToBase64Chars(key.Key, destination, out int written);
        return written;
    }

    /// <summary>The PSK as a base64 string, for configuration files. Strings cannot be cleared; prefer <see cref="WritePsk"/>.</summary>
    /// <param name="key">A 32-byte QKD key.</param>
    /// <returns>The 44-character base64 PSK.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static string ToPskString(QkdKey key)
    {
        Span<char> text = stackalloc char[Base64Length];
        try
        {
            return new string(text[..WritePsk(key, text)]);
        }
        finally
        {
            text.Clear();
        }
    }
}
