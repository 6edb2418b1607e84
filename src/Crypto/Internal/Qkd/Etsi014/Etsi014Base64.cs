// Etsi014Base64: the strict RFC 4648 §4 base64 decoder for the `key` member of an ETSI GS QKD 014 Key container
// (014 §6.3: "key: Key data encoded by base64 [RFC 4648]").

using System;

namespace FintechCrypto.Internal.Qkd.Etsi014;

/// <summary>
/// Decodes RFC 4648 §4 base64 strictly: the standard alphabet only (no URL-safe letters, no white space, no line
/// breaks), a length that is a multiple of 4, at most two <c>=</c> and only at the end, and canonical padding bits
/// (RFC 4648 §3.5: the bits of the last symbol that encode no data are zero). The symbols are mapped with arithmetic
/// masks rather than a lookup table and every symbol is examined, so the time taken does not depend on the key bytes.
/// </summary>
internal static class Etsi014Base64
{
    /// <summary>The number of bytes <paramref name="base64"/> decodes to, or -1 when its length or padding is not RFC 4648 §4 base64.</summary>
    /// <param name="base64">The encoded text, ASCII.</param>
    /// <returns>The decoded length, or -1.</returns>
    internal static int DecodedLength(ReadOnlySpan<byte> base64)
    {
        if (base64.IsEmpty || base64.Length % 4 != 0)
        {
            return -1;
        }

        int padding = base64[^1] == (byte)'=' ? (base64[^2] == (byte)'=' ? 2 : 1) : 0;
        return (base64.Length / 4 * 3) - padding;
    }

    /// <summary>Decodes <paramref name="base64"/> into <paramref name="destination"/>, whose length must be <see cref="DecodedLength"/>.</summary>
    /// <param name="base64">The encoded text.</param>
    /// <param name="destination">Receives the bytes; on failure it may hold a partial result, which the caller clears.</param>
    /// <returns>True when the text is strict base64 and was decoded.</returns>
    internal static bool TryDecode(ReadOnlySpan<byte> base64, Span<byte> destination)
    {
        int length = DecodedLength(base64);
        if (length < 0 || destination.Length != length)
        {
            return false;
        }

        int padding = (base64.Length / 4 * 3) - length;
        int symbols = base64.Length - padding;
        int invalid = 0;
        int written = 0;
        int accumulator = 0;
        int bits = 0;
        for (int i = 0; i < symbols; i++)
        {
            int value = SymbolValue(base64[i]);
            invalid |= value; // -1 for a byte outside the alphabet (including '=' before the end)
            accumulator = (accumulator << 6) | (value & 0x3F);
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                destination[written++] = (byte)(accumulator >> bits);
                accumulator &= (1 << bits) - 1;
            }
        }

        // RFC 4648 §3.5: with one '=' two bits are left over, with two '=' four; canonical encodings leave them zero.
        invalid |= -accumulator;
        return written == length && invalid >= 0;
    }

    /// <summary>The 6-bit value of an RFC 4648 §4 symbol, or -1; computed with masks, without branches on the byte.</summary>
    private static int SymbolValue(byte symbol)
    {
        int c = symbol;

        // Each term is (c - lowest + first value + 1) when lowest <= c <= highest, else 0: the AND of (lowest - 1 - c)
        // and (c - highest - 1) is negative exactly in that range, and shifting it right by 8 makes an all-ones mask.
        int value = -1;
        value += (((0x40 - c) & (c - 0x5B)) >> 8) & (c - 0x40); // 'A'..'Z' -> 0..25
        value += (((0x60 - c) & (c - 0x7B)) >> 8) & (c - 0x46); // 'a'..'z' -> 26..51
        value += (((0x2F - c) & (c - 0x3A)) >> 8) & (c + 0x05); // '0'..'9' -> 52..61
        value += (((0x2A - c) & (c - 0x2C)) >> 8) & 0x3F;       // '+' -> 62
        value += (((0x2E - c) & (c - 0x30)) >> 8) & 0x40;       // '/' -> 63
        return value;
    }
}
