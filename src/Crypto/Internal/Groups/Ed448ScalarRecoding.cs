// Ed448ScalarRecoding: the digit expansions the edwards448 scalar multiplications walk.
//
//  - Signed radix 16 (constant time), for MultiplyBase and Multiply: k = sum e_i 16^i with every e_i in
//    [-8, 8], so a table of 1..8 multiples and a conditional negation cover every digit (the fixed-window
//    method of Bernstein, Duif, Lange, Schwabe, Yang, "High-speed high-security signatures", §4).
//  - Width-w NAF (variable time, public scalars only), for MultiplyVartime, the multi-scalar method and the
//    subgroup check: k = sum n_i 2^i with every non-zero n_i odd, |n_i| < 2^(w-1), and at least w - 1 zeros
//    after each non-zero digit (Hankerson, Menezes, Vanstone, "Guide to Elliptic Curve Cryptography", Alg. 3.35).

using System;

namespace FintechCrypto.Internal.Groups;

/// <summary>Signed-digit expansions of little-endian scalars for the edwards448 scalar multiplications.</summary>
internal static class Ed448ScalarRecoding
{
    /// <summary>The number of signed radix-16 digits of a scalar below 2^446 (446 bits = 111.5 nibbles).</summary>
    internal const int Radix16Digits = 112;

    /// <summary>
    /// Writes the 112 signed radix-16 digits of a scalar below 2^446 given as 57 little-endian bytes; every digit
    /// is in [-8, 7] except the last, which is in [0, 4]. Constant time: no branch and no index depends on the
    /// scalar.
    /// </summary>
    internal static void SignedRadix16(ReadOnlySpan<byte> scalar, Span<sbyte> digits)
    {
        if (scalar.Length != 57 || digits.Length != Radix16Digits)
        {
            throw Error.Frost_Argument(nameof(scalar), "Signed radix-16 recoding takes a 57-byte scalar and 112 digits.");
        }

        // Byte 56 is zero for every value below 2^446 (the scalars are reduced modulo L < 2^446).
        for (int i = 0; i < Radix16Digits / 2; i++)
        {
            digits[2 * i] = (sbyte)(scalar[i] & 0x0F);
            digits[(2 * i) + 1] = (sbyte)(scalar[i] >> 4);
        }

        // Move each digit from [0, 16] to [-8, 7], carrying into the next: v = e + carry, carry = (v + 8) / 16.
        int carry = 0;
        for (int i = 0; i < Radix16Digits - 1; i++)
        {
            int v = digits[i] + carry;
            carry = (v + 8) >> 4;
            digits[i] = (sbyte)(v - (carry << 4));
        }

        // The top nibble is at most 3 (bits 444..447 of a value below 2^446), so with the carry at most 4.
        digits[Radix16Digits - 1] = (sbyte)(digits[Radix16Digits - 1] + carry);
    }

    /// <summary>
    /// Writes the width-<paramref name="width"/> NAF of a little-endian integer into <paramref name="naf"/>
    /// (which needs 8 * length + 1 entries) and returns the index of the highest non-zero digit plus one (0 for
    /// zero). Variable time: public scalars only.
    /// </summary>
    internal static int Wnaf(ReadOnlySpan<byte> scalar, int width, Span<sbyte> naf)
    {
        if (width < 2 || width > 7 || naf.Length < (8 * scalar.Length) + 1)
        {
            throw Error.Frost_Argument(nameof(width), "The wNAF width must be 2..7 and the output 8 * length + 1 digits long.");
        }

        naf.Clear();
        int bitLength = 8 * scalar.Length;
        int windowMask = (1 << width) - 1;
        int half = 1 << (width - 1);
        int carry = 0;
        int top = 0;
        int position = 0;
        while (position < bitLength + 1)
        {
            // The running value's low bit at this position is bit + carry; an even value gives a zero digit.
            if (Bit(scalar, position) == carry)
            {
                position++;
                continue;
            }

            int window = (Bits(scalar, position, width) + carry) & windowMask;
            // window is odd here; a digit of at least 2^(w-1) becomes window - 2^w and carries one upward.
            int digit = window;
            carry = 0;
            if (window >= half)
            {
                digit = window - (1 << width);
                carry = 1;
            }

            naf[position] = (sbyte)digit;
            top = position + 1;
            position += width;
        }

        return top;
    }

    private static int Bit(ReadOnlySpan<byte> scalar, int position)
    {
        int index = position >> 3;
        return index < scalar.Length ? (scalar[index] >> (position & 7)) & 1 : 0;
    }

    private static int Bits(ReadOnlySpan<byte> scalar, int position, int count)
    {
        int value = 0;
        for (int i = count - 1; i >= 0; i--)
        {
            value = (value << 1) | Bit(scalar, position + i);
        }

        return value;
    }
}
