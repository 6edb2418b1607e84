// IKEv2 post-quantum preshared keys (RFC 8784) from QKD keys: PPK = the key bytes, PPK_ID = PPK_ID_OPAQUE carrying
// the 16 bytes of the key_ID UUID. A plain mapping: no derivation, so both peers' configurations agree with what
// their KMEs delivered.
//
// References: RFC 8784 §3 (PPK_IDENTITY notify: PPK_ID Type 1 = PPK_ID_OPAQUE, 2 = PPK_ID_FIXED, then the ID data),
// §5.1 (PPKs should carry at least 256 bits of entropy); RFC 4122 §4.1.2 (UUID byte order, big-endian fields).

using System;

namespace FintechCrypto.Qkd;

/// <summary>
/// Maps a QKD key to an IKEv2 post-quantum preshared key (RFC 8784): the PPK is the key bytes, the PPK_ID is
/// <c>PPK_ID_OPAQUE</c> (1) followed by the 16 bytes of the key_ID UUID. The initiator sends the PPK_ID in
/// PPK_IDENTITY; the responder reads the key_ID from it and fetches the same key from its KME.
/// </summary>
/// <remarks>
/// The shape of the three product mappings (<see cref="Ikev2Ppk"/>, <see cref="WireGuardPresharedKey"/>,
/// <see cref="MacsecPresharedKey"/>): <c>Write…</c> writes into a destination of at least the output's size and returns
/// the number written; <c>To…</c> returns a new array or string; <c>TryFrom…</c> reads a key_ID back from the product's
/// key name.
/// </remarks>
public static class Ikev2Ppk
{
    /// <summary>RFC 8784 §3 PPK_ID Type <c>PPK_ID_OPAQUE</c>.</summary>
    public const byte PpkIdOpaque = 1;

    /// <summary>The length of a PPK_ID for a key_ID: the type octet and 16 UUID bytes.</summary>
    public const int PpkIdSize = 17;

    /// <summary>The shortest PPK accepted: 32 bytes, the 256 bits of entropy RFC 8784 §5.1 recommends.</summary>
    public const int MinimumPpkSize = 32;

    /// <summary>Writes the PPK_ID for <paramref name="keyId"/>: 0x01 ‖ the UUID's 16 bytes in RFC 4122 order.</summary>
    /// <param name="keyId">The QKD key_ID.</param>
    /// <param name="destination">At least <see cref="PpkIdSize"/> bytes; the PPK_ID goes into the first <see cref="PpkIdSize"/>.</param>
    /// <returns><see cref="PpkIdSize"/>, the number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="PpkIdSize"/> bytes.</exception>
    public static int WritePpkId(Guid keyId, Span<byte> destination)
    {
        if (destination.Length < PpkIdSize)
        {
            throw Error.Argument_DestinationTooSmall(nameof(destination), PpkIdSize, destination.Length);
        }

        destination[0] = PpkIdOpaque;
        keyId.TryWriteBytes(destination[1..], bigEndian: true, out _);
        return PpkIdSize;
    }

    /// <summary>The PPK_ID for <paramref name="keyId"/>.</summary>
    /// <param name="keyId">The QKD key_ID.</param>
    /// <returns>The 17-byte PPK_ID.</returns>
    public static byte[] ToPpkId(Guid keyId)
    {
        byte[] id = new byte[PpkIdSize];
        WritePpkId(keyId, id);
        return id;
    }

    /// <summary>Reads the key_ID from a PPK_ID made by <see cref="WritePpkId"/>.</summary>
    /// <param name="ppkId">The PPK_ID from PPK_IDENTITY.</param>
    /// <param name="keyId">The key_ID, or <see cref="Guid.Empty"/>.</param>
    /// <returns>Whether <paramref name="ppkId"/> is a 17-byte PPK_ID_OPAQUE.</returns>
    public static bool TryFromPpkId(ReadOnlySpan<byte> ppkId, out Guid keyId)
    {
        if (ppkId.Length != PpkIdSize || ppkId[0] != PpkIdOpaque)
        {
            keyId = Guid.Empty;
            return false;
        }

        keyId = new Guid(ppkId[1..], bigEndian: true);
        return true;
    }

    /// <summary>Writes the PPK: the key bytes, unchanged (secret: clear it after use).</summary>
    /// <param name="key">The QKD key, at least <see cref="MinimumPpkSize"/> bytes.</param>
    /// <param name="destination">At least the key's length; the PPK goes into the first <see cref="QkdKey.Length"/> bytes.</param>
    /// <returns>The number of bytes written: the key's length.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumPpkSize"/> bytes, or <paramref name="destination"/> is shorter than the key.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static int WritePpk(QkdKey key, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumPpkSize)
        {
            throw Error.Argument_LengthAtLeast(nameof(key), MinimumPpkSize, key.Length);
        }

        return key.CopyTo(destination); // under a lease: a Dispose on another thread waits for the copy; refuses a short destination
    }
}
