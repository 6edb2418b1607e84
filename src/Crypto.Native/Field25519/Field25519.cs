// Field25519: constant-time arithmetic in GF(2^255 - 19) on FieldElement25519 (radix 2^51).
// This is the scalar path and the reference; it is already 64x64->128-bit multiply bound, which no 256-bit
// vector unit on x86 does faster for one element at a time, so the vector kernel of this folder is the
// constant-time table lookup (Field25519Lookup), where 256-bit masks do pay.
//
// References: RFC 7748 §4.1, RFC 8032 §5.1 (p = 2^255 - 19, encodings); RFC 9496 §4.2 (SQRT_RATIO_M1);
// curve25519-dalek field.rs (bounds). No branch and no memory index depends on an element's value.

using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using FintechCrypto.Native.Arithmetic;

namespace FintechCrypto.Native.Field25519;

/// <summary>Arithmetic in GF(2^255 - 19). Every routine is constant time.</summary>
internal static class Field25519
{
    private const ulong Mask51 = (1UL << 51) - 1;

    // 16p in radix 2^51, added before subtracting so that limbs never underflow (subtrahend limbs < 2^55).
    private const ulong SixteenP0 = 36028797018963664UL; // 16 * (2^51 - 19)
    private const ulong SixteenPi = 36028797018963952UL; // 16 * (2^51 - 1)

    /// <summary>r = a + b, without carrying (reduced inputs give limbs below 2^53).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Add(out FieldElement25519 r, in FieldElement25519 a, in FieldElement25519 b)
    {
        r.L0 = a.L0 + b.L0;
        r.L1 = a.L1 + b.L1;
        r.L2 = a.L2 + b.L2;
        r.L3 = a.L3 + b.L3;
        r.L4 = a.L4 + b.L4;
    }

    /// <summary>r = a - b, reduced (b's limbs must be below 2^55).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Subtract(out FieldElement25519 r, in FieldElement25519 a, in FieldElement25519 b)
    {
        Reduce(out r,
            (a.L0 + SixteenP0) - b.L0,
            (a.L1 + SixteenPi) - b.L1,
            (a.L2 + SixteenPi) - b.L2,
            (a.L3 + SixteenPi) - b.L3,
            (a.L4 + SixteenPi) - b.L4);
    }

    /// <summary>r = -a, reduced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Negate(out FieldElement25519 r, in FieldElement25519 a)
    {
        Reduce(out r, SixteenP0 - a.L0, SixteenPi - a.L1, SixteenPi - a.L2, SixteenPi - a.L3, SixteenPi - a.L4);
    }

    /// <summary>Carries the limbs of a back to the reduced bound (the value is unchanged mod p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Reduce(out FieldElement25519 r, ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        ulong c0 = l0 >> 51;
        ulong c1 = l1 >> 51;
        ulong c2 = l2 >> 51;
        ulong c3 = l3 >> 51;
        ulong c4 = l4 >> 51;
        r.L0 = (l0 & Mask51) + (c4 * 19);
        r.L1 = (l1 & Mask51) + c0;
        r.L2 = (l2 & Mask51) + c1;
        r.L3 = (l3 & Mask51) + c2;
        r.L4 = (l4 & Mask51) + c3;
    }

    /// <summary>r = a * b (limbs of a and b below 2^54; r reduced).</summary>
    /// <remarks>
    /// Schoolbook on five limbs, the products at 2^255 and above folded back times 19 (2^255 = 19 mod p). Each column
    /// is a 128-bit sum (lo, hi) that takes the carry out of the previous one at its end. Column sums stay below 2^115
    /// (c0 &lt; 77 * 2^108 for inputs below 2^54), so every carry fits in 64 bits. The products come from
    /// <see cref="Multiply64"/>, which keeps both halves in registers (issue 13: Math.BigMul's memory round trip).
    /// Everything is inlined: inside large callers the JIT's inlining budget runs out, so callers that hold
    /// several multiplications are small methods of their own (see X25519's ladder step).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Multiply(out FieldElement25519 r, in FieldElement25519 a, in FieldElement25519 b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3, b4 = b.L4;
        ulong b1x19 = b1 * 19, b2x19 = b2 * 19, b3x19 = b3 * 19, b4x19 = b4 * 19;

        // c0 = a0 b0 + 19 (a1 b4 + a2 b3 + a3 b2 + a4 b1)
        ulong carry = 0;
        ulong hi = Multiply64.Full(a0, b0, out ulong lo);
        MultiplyAdd(ref lo, ref hi, a1, b4x19);
        MultiplyAdd(ref lo, ref hi, a2, b3x19);
        MultiplyAdd(ref lo, ref hi, a3, b2x19);
        MultiplyAdd(ref lo, ref hi, a4, b1x19);
        ulong r0 = EndColumn(lo, hi, ref carry);

        // c1 = a0 b1 + a1 b0 + 19 (a2 b4 + a3 b3 + a4 b2)
        hi = Multiply64.Full(a0, b1, out lo);
        MultiplyAdd(ref lo, ref hi, a1, b0);
        MultiplyAdd(ref lo, ref hi, a2, b4x19);
        MultiplyAdd(ref lo, ref hi, a3, b3x19);
        MultiplyAdd(ref lo, ref hi, a4, b2x19);
        ulong r1 = EndColumn(lo, hi, ref carry);

        // c2 = a0 b2 + a1 b1 + a2 b0 + 19 (a3 b4 + a4 b3)
        hi = Multiply64.Full(a0, b2, out lo);
        MultiplyAdd(ref lo, ref hi, a1, b1);
        MultiplyAdd(ref lo, ref hi, a2, b0);
        MultiplyAdd(ref lo, ref hi, a3, b4x19);
        MultiplyAdd(ref lo, ref hi, a4, b3x19);
        ulong r2 = EndColumn(lo, hi, ref carry);

        // c3 = a0 b3 + a1 b2 + a2 b1 + a3 b0 + 19 a4 b4
        hi = Multiply64.Full(a0, b3, out lo);
        MultiplyAdd(ref lo, ref hi, a1, b2);
        MultiplyAdd(ref lo, ref hi, a2, b1);
        MultiplyAdd(ref lo, ref hi, a3, b0);
        MultiplyAdd(ref lo, ref hi, a4, b4x19);
        ulong r3 = EndColumn(lo, hi, ref carry);

        // c4 = a0 b4 + a1 b3 + a2 b2 + a3 b1 + a4 b0
        hi = Multiply64.Full(a0, b4, out lo);
        MultiplyAdd(ref lo, ref hi, a1, b3);
        MultiplyAdd(ref lo, ref hi, a2, b2);
        MultiplyAdd(ref lo, ref hi, a3, b1);
        MultiplyAdd(ref lo, ref hi, a4, b0);
        ulong r4 = EndColumn(lo, hi, ref carry);
        FinishCarry(out r, r0, r1, r2, r3, r4, carry);
    }

    /// <summary>r = a^2 (limbs of a below 2^54; r reduced).</summary>
    /// <remarks>As <see cref="Multiply"/>, with the symmetric products a_i a_j (i != j) taken once and doubled: 15 products, not 25.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Square(out FieldElement25519 r, in FieldElement25519 a)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4;
        ulong a0x2 = a0 * 2, a1x2 = a1 * 2, a2x2 = a2 * 2, a3x2 = a3 * 2;
        ulong a3x19 = a3 * 19, a4x19 = a4 * 19;

        // c0 = a0^2 + 2 a1 19 a4 + 2 a2 19 a3
        ulong carry = 0;
        ulong hi = Multiply64.Full(a0, a0, out ulong lo);
        MultiplyAdd(ref lo, ref hi, a1x2, a4x19);
        MultiplyAdd(ref lo, ref hi, a2x2, a3x19);
        ulong r0 = EndColumn(lo, hi, ref carry);

        // c1 = 2 a0 a1 + 19 a3^2 + 2 a2 19 a4
        hi = Multiply64.Full(a0x2, a1, out lo);
        MultiplyAdd(ref lo, ref hi, a3, a3x19);
        MultiplyAdd(ref lo, ref hi, a2x2, a4x19);
        ulong r1 = EndColumn(lo, hi, ref carry);

        // c2 = 2 a0 a2 + a1^2 + 2 a3 19 a4
        hi = Multiply64.Full(a0x2, a2, out lo);
        MultiplyAdd(ref lo, ref hi, a1, a1);
        MultiplyAdd(ref lo, ref hi, a3x2, a4x19);
        ulong r2 = EndColumn(lo, hi, ref carry);

        // c3 = 2 a0 a3 + 2 a1 a2 + 19 a4^2
        hi = Multiply64.Full(a0x2, a3, out lo);
        MultiplyAdd(ref lo, ref hi, a1x2, a2);
        MultiplyAdd(ref lo, ref hi, a4, a4x19);
        ulong r3 = EndColumn(lo, hi, ref carry);

        // c4 = 2 a0 a4 + 2 a1 a3 + a2^2
        hi = Multiply64.Full(a0x2, a4, out lo);
        MultiplyAdd(ref lo, ref hi, a1x2, a3);
        MultiplyAdd(ref lo, ref hi, a2, a2);
        ulong r4 = EndColumn(lo, hi, ref carry);
        FinishCarry(out r, r0, r1, r2, r3, r4, carry);
    }

    /// <summary>r = a^(2^n) for n >= 1.</summary>
    internal static void SquareTimes(out FieldElement25519 r, in FieldElement25519 a, int n)
    {
        Square(out r, a);
        for (int i = 1; i < n; i++)
        {
            Square(out r, r);
        }
    }

    /// <summary>r = 2 a^2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SquareDouble(out FieldElement25519 r, in FieldElement25519 a)
    {
        Square(out FieldElement25519 s, a);
        Add(out r, s, s);
    }

    /// <summary>r = a * k for a constant k below 2^32 (limbs of a below 2^54; r reduced).</summary>
    /// <remarks>
    /// Each column a_i k is below 2^86, so every carry is below 2^36 and 19 times the last one fits beside a 51-bit
    /// limb: the output keeps the reduced bound. X25519 uses k = a24 = 121665 (RFC 7748 §5).
    /// </remarks>
    internal static void MultiplySmall(out FieldElement25519 r, in FieldElement25519 a, uint k)
    {
        ulong carry = 0;
        ulong hi = Multiply64.Full(a.L0, k, out ulong lo);
        ulong r0 = EndColumn(lo, hi, ref carry);
        hi = Multiply64.Full(a.L1, k, out lo);
        ulong r1 = EndColumn(lo, hi, ref carry);
        hi = Multiply64.Full(a.L2, k, out lo);
        ulong r2 = EndColumn(lo, hi, ref carry);
        hi = Multiply64.Full(a.L3, k, out lo);
        ulong r3 = EndColumn(lo, hi, ref carry);
        hi = Multiply64.Full(a.L4, k, out lo);
        ulong r4 = EndColumn(lo, hi, ref carry);
        FinishCarry(out r, r0, r1, r2, r3, r4, carry);
    }

    /// <summary>r = a^-1 = a^(p-2); 0 maps to 0.</summary>
    internal static void Invert(out FieldElement25519 r, in FieldElement25519 a)
    {
        // The addition chain of Bernstein's curve25519 ref10: 254 squarings and 11 multiplications.
        Pow2250Minus1(a, out FieldElement25519 t250, out FieldElement25519 a11);
        SquareTimes(out FieldElement25519 t, t250, 5); // a^(2^255 - 2^5)
        Multiply(out r, t, a11);                          // a^(2^255 - 21) = a^(p - 2)
    }

    /// <summary>r = a^((p-5)/8) = a^(2^252 - 3), the exponent of RFC 8032 §5.1.3 and RFC 9496 §4.2.</summary>
    internal static void Pow22523(out FieldElement25519 r, in FieldElement25519 a)
    {
        Pow2250Minus1(a, out FieldElement25519 t250, out _);
        SquareTimes(out FieldElement25519 t, t250, 2); // a^(2^252 - 4)
        Multiply(out r, t, a);                           // a^(2^252 - 3)
    }

    // t250 = a^(2^250 - 1), a11 = a^11.
    private static void Pow2250Minus1(in FieldElement25519 a, out FieldElement25519 t250, out FieldElement25519 a11)
    {
        Square(out FieldElement25519 a2, a);              // 2
        SquareTimes(out FieldElement25519 t, a2, 2);      // 8
        Multiply(out FieldElement25519 a9, t, a);         // 9
        Multiply(out a11, a9, a2);                        // 11
        Square(out t, a11);                               // 22
        Multiply(out FieldElement25519 t5, t, a9);        // 2^5 - 1
        SquareTimes(out t, t5, 5);
        Multiply(out FieldElement25519 t10, t, t5);       // 2^10 - 1
        SquareTimes(out t, t10, 10);
        Multiply(out FieldElement25519 t20, t, t10);      // 2^20 - 1
        SquareTimes(out t, t20, 20);
        Multiply(out FieldElement25519 t40, t, t20);      // 2^40 - 1
        SquareTimes(out t, t40, 10);
        Multiply(out FieldElement25519 t50, t, t10);      // 2^50 - 1
        SquareTimes(out t, t50, 50);
        Multiply(out FieldElement25519 t100, t, t50);     // 2^100 - 1
        SquareTimes(out t, t100, 100);
        Multiply(out FieldElement25519 t200, t, t100);    // 2^200 - 1
        SquareTimes(out t, t200, 50);
        Multiply(out t250, t, t50);                       // 2^250 - 1
    }

    /// <summary>
    /// RFC 9496 §4.2 SQRT_RATIO_M1(u, v): returns true and the non-negative square root of u/v when u/v is a
    /// square (or u = 0), else false and the non-negative square root of SQRT_M1 * u / v.
    /// </summary>
    internal static bool SqrtRatioM1(out FieldElement25519 r, in FieldElement25519 u, in FieldElement25519 v, in FieldElement25519 sqrtM1)
    {
        Square(out FieldElement25519 v2, v);
        Multiply(out FieldElement25519 v3, v2, v);
        Square(out FieldElement25519 v6, v3);
        Multiply(out FieldElement25519 v7, v6, v);
        Multiply(out FieldElement25519 uv3, u, v3);
        Multiply(out FieldElement25519 uv7, u, v7);
        Pow22523(out FieldElement25519 power, uv7);
        Multiply(out FieldElement25519 candidate, uv3, power);   // (u v^3)(u v^7)^((p-5)/8)

        Square(out FieldElement25519 candidate2, candidate);
        Multiply(out FieldElement25519 check, v, candidate2);
        Negate(out FieldElement25519 minusU, u);
        Multiply(out FieldElement25519 minusUTimesI, minusU, sqrtM1);
        ulong correctSign = EqualMask(check, u);
        ulong flippedSign = EqualMask(check, minusU);
        ulong flippedSignI = EqualMask(check, minusUTimesI);

        Multiply(out FieldElement25519 rotated, candidate, sqrtM1);
        Select(out r, rotated, candidate, flippedSign | flippedSignI);
        ConditionalNegate(ref r, IsNegativeMask(r));
        return (correctSign | flippedSign) != 0;
    }

    /// <summary>r = mask ? a : b, for mask all ones or all zeros.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Select(out FieldElement25519 r, in FieldElement25519 a, in FieldElement25519 b, ulong mask)
    {
        r.L0 = b.L0 ^ ((a.L0 ^ b.L0) & mask);
        r.L1 = b.L1 ^ ((a.L1 ^ b.L1) & mask);
        r.L2 = b.L2 ^ ((a.L2 ^ b.L2) & mask);
        r.L3 = b.L3 ^ ((a.L3 ^ b.L3) & mask);
        r.L4 = b.L4 ^ ((a.L4 ^ b.L4) & mask);
    }

    /// <summary>a = -a when mask is all ones; unchanged (but reduced) when it is zero.</summary>
    internal static void ConditionalNegate(ref FieldElement25519 a, ulong mask)
    {
        Negate(out FieldElement25519 negated, a);
        Select(out a, negated, a, mask);
    }

    /// <summary>All ones when a and b are equal field elements, else zero.</summary>
    internal static ulong EqualMask(in FieldElement25519 a, in FieldElement25519 b)
    {
        Span<byte> ea = stackalloc byte[32];
        Span<byte> eb = stackalloc byte[32];
        Encode(a, ea);
        Encode(b, eb);
        ulong difference = 0;
        for (int i = 0; i < 4; i++)
        {
            difference |= BinaryPrimitives.ReadUInt64LittleEndian(ea[(8 * i)..]) ^ BinaryPrimitives.ReadUInt64LittleEndian(eb[(8 * i)..]);
        }

        ea.Clear();
        eb.Clear();
        return ZeroMask(difference);
    }

    /// <summary>All ones when a is zero, else zero.</summary>
    internal static ulong IsZeroMask(in FieldElement25519 a) => EqualMask(a, default);

    /// <summary>All ones when a is "negative" (its canonical encoding is odd; RFC 9496 §4.1 IS_NEGATIVE).</summary>
    internal static ulong IsNegativeMask(in FieldElement25519 a)
    {
        Span<byte> e = stackalloc byte[32];
        Encode(a, e);
        ulong lowBit = (ulong)(e[0] & 1);
        e.Clear();
        return 0 - lowBit;
    }

    /// <summary>Writes the canonical 32-byte little-endian encoding of a (value fully reduced mod p; top bit 0).</summary>
    internal static void Encode(in FieldElement25519 a, Span<byte> destination)
    {
        // Carry twice so that every limb is below 2^51 (L0 may exceed by a little after the first pass).
        Reduce(out FieldElement25519 t, a.L0, a.L1, a.L2, a.L3, a.L4);
        Reduce(out t, t.L0, t.L1, t.L2, t.L3, t.L4);
        ulong l0 = t.L0, l1 = t.L1, l2 = t.L2, l3 = t.L3, l4 = t.L4;

        // q = 1 exactly when the value is >= p: add 19 and see whether it carries past 2^255.
        ulong q = (l0 + 19) >> 51;
        q = (l1 + q) >> 51;
        q = (l2 + q) >> 51;
        q = (l3 + q) >> 51;
        q = (l4 + q) >> 51;

        // Subtract q p, that is add 19 q and drop 2^255.
        l0 += 19 * q;
        l1 += l0 >> 51;
        l0 &= Mask51;
        l2 += l1 >> 51;
        l1 &= Mask51;
        l3 += l2 >> 51;
        l2 &= Mask51;
        l4 += l3 >> 51;
        l3 &= Mask51;
        l4 &= Mask51;

        BinaryPrimitives.WriteUInt64LittleEndian(destination, l0 | (l1 << 51));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], (l1 >> 13) | (l2 << 38));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], (l2 >> 26) | (l3 << 25));
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], (l3 >> 39) | (l4 << 12));
    }

    /// <summary>
    /// Reads 32 little-endian bytes, ignoring the top bit (RFC 7748 §5). The value may be non-canonical
    /// (between p and 2^255 - 1); callers that need canonical input re-encode and compare.
    /// </summary>
    internal static void Decode(out FieldElement25519 r, ReadOnlySpan<byte> source)
    {
        ulong w0 = BinaryPrimitives.ReadUInt64LittleEndian(source);
        ulong w1 = BinaryPrimitives.ReadUInt64LittleEndian(source[8..]);
        ulong w2 = BinaryPrimitives.ReadUInt64LittleEndian(source[16..]);
        ulong w3 = BinaryPrimitives.ReadUInt64LittleEndian(source[24..]);
        r.L0 = w0 & Mask51;
        r.L1 = ((w0 >> 51) | (w1 << 13)) & Mask51;
        r.L2 = ((w1 >> 38) | (w2 << 26)) & Mask51;
        r.L3 = ((w2 >> 25) | (w3 << 39)) & Mask51;
        r.L4 = (w3 >> 12) & Mask51;
    }

    // Folds the carry out of the top limb back into the bottom one (2^255 = 19 mod p). With inputs below 2^54 every
    // column sum is below 2^115, so each carry is below 2^64 and 19 times the last one fits next to a 51-bit limb.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FinishCarry(out FieldElement25519 r, ulong r0, ulong r1, ulong r2, ulong r3, ulong r4, ulong carry)
    {
        r0 += carry * 19;
        r1 += r0 >> 51;
        r0 &= Mask51;
        r.L0 = r0;
        r.L1 = r1;
        r.L2 = r2;
        r.L3 = r3;
        r.L4 = r4;
    }

    // (hi, lo) += a * b: one product into a 128-bit column sum; the carry out of the low word is a comparison, not
    // a branch (the JIT emits cmp + setb).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAdd(ref ulong lo, ref ulong hi, ulong a, ulong b)
    {
        ulong high = Multiply64.Full(a, b, out ulong low);
        lo += low;
        hi += high + (lo < low ? 1UL : 0UL);
    }

    // Ends a column: adds the carry out of the previous column (0 for the first) to the column's 128-bit sum
    // (lo, hi), returns the sum's low 51 bits as the output limb, and sets carry to the sum shifted down by 51 (below
    // 2^64 by the column bounds). Each column is summed on its own and takes the carry only here, so the columns'
    // products and sums run in parallel and only these few instructions form the chain from one column to the next.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong EndColumn(ulong lo, ulong hi, ref ulong carry)
    {
        lo += carry;
        hi += lo < carry ? 1UL : 0UL;
        carry = (lo >> 51) | (hi << 13);
        return lo & Mask51;
    }

    // All ones when x == 0, else zero, without a branch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ZeroMask(ulong x) => 0 - (((x | (0 - x)) >> 63) ^ 1);
}
