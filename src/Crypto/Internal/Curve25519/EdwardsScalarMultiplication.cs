// Constant-time scalar multiplication on edwards25519, for secret scalars.
//
//   MultiplyBase(k):   [k]B with a precomputed table of 51 x 16 affine multiples of B (one sub-table per
//                      radix-32 position), signed radix-32 digits and 51 mixed additions, no doublings
//                      (ref10 ge_scalarmult_base with 5-bit instead of 4-bit digits: 20% fewer additions
//                      for a 17-entry masked scan per digit).
//   Multiply(P, k):    [k]P with a per-call table of P..8P, signed radix-16 digits, 252 doublings and 64
//                      additions in the same order for every k.
// Every table read goes through Field25519Lookup.Select (a masked scan of all entries), and digit signs
// are applied with masks, so neither memory addresses nor branches depend on k.
//
// References: RFC 8032 §5.1.4 ("point multiplication"), Bernstein et al., "High-speed high-security
// signatures" §4 (signed radix-16 base-point tables). Scalars are 32-byte little-endian values: below 2^253
// for MultiplyBase (any value below the group order qualifies), below 2^255 for Multiply; the top digit
// absorbs the final carry.

using System;
using System.Security.Cryptography;
using System.Threading;
using FintechCrypto.Native.Field25519;

namespace FintechCrypto.Internal.Curve25519;

/// <summary>Constant-time [k]B and [k]P on edwards25519.</summary>
internal static class EdwardsScalarMultiplication
{
    // Table layout: entries of 16 (affine Niels, 15 limbs + 1 pad) or 20 (projective Niels) limbs;
    // entry 0 of every sub-table is the identity, entries 1..8 are 1..8 times the point.
    private const int AffineWidth = 16;
    private const int ProjectiveWidth = 20;
    private const int Entries = 9;
    private const int BasePositions = 51;  // ceil(253 / 5)
    private const int BaseEntries = 17;    // 0..16 times the position's point

    private static ulong[]? s_baseTable;

    /// <summary>The base point B (RFC 8032 §5.1).</summary>
    internal static readonly ExtendedPoint BasePoint = DecodeBasePoint();

    /// <summary>[k]B for a secret 32-byte little-endian scalar k below 2^253; constant time.</summary>
    internal static ExtendedPoint MultiplyBase(ReadOnlySpan<byte> scalar)
    {
        ulong[] table = s_baseTable ?? LazyInitializer.EnsureInitialized(ref s_baseTable, BuildBaseTable);
        Span<sbyte> digits = stackalloc sbyte[BasePositions];
        Span<ulong> entry = stackalloc ulong[AffineWidth];
        try
        {
            ToSignedRadix32(scalar, digits);
            ExtendedPoint h = ExtendedPoint.Identity;
            for (int i = 0; i < BasePositions; i++)
            {
                SelectAffine(table, i, digits[i], entry, out AffineNiels t);
                EdwardsArithmetic.Add(out CompletedPoint sum, h, t);
                EdwardsArithmetic.ToExtended(out h, sum);
            }

            return h;
        }
        finally
        {
            digits.Clear();
            entry.Clear();
        }
    }

    /// <summary>
    /// Writes the 51 signed radix-32 digits of a 32-byte little-endian scalar below 2^253: k = sum e_i 32^i with
    /// e_i in [-16, 16) for i &lt; 50 and e_50 in [0, 8]. Constant time.
    /// </summary>
    internal static void ToSignedRadix32(ReadOnlySpan<byte> scalar, Span<sbyte> digits)
    {
        Span<ulong> words = stackalloc ulong[5];
        for (int i = 0; i < 4; i++)
        {
            words[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(scalar[(8 * i)..]);
        }

        words[4] = 0;
        int carry = 0;
        for (int i = 0; i < BasePositions; i++)
        {
            int bit = 5 * i;
            int index = bit >> 6;
            int shift = bit & 63;
            // Bits [bit, bit + 5) may straddle two words; the second shift is masked to stay below 64.
            ulong window = (words[index] >> shift) | ((words[index + 1] << (63 - shift)) << 1);
            int d = (int)(window & 31) + carry;
            carry = (d + 16) >> 5;
            digits[i] = (sbyte)(d - (carry << 5));
        }

        words.Clear();
    }

    /// <summary>[k]P for a secret 32-byte little-endian scalar k below 2^255 and any point P; constant time.</summary>
    internal static ExtendedPoint Multiply(in ExtendedPoint point, ReadOnlySpan<byte> scalar)
    {
        Span<ulong> table = stackalloc ulong[Entries * ProjectiveWidth];
        Span<sbyte> digits = stackalloc sbyte[64];
        Span<ulong> entry = stackalloc ulong[ProjectiveWidth];
        try
        {
            // Entry j = j P for j = 0..8.
            ProjectiveNiels niels = ProjectiveNiels.Identity;
            Pack(niels, table[..ProjectiveWidth]);
            EdwardsArithmetic.ToNiels(out niels, point);
            Pack(niels, table.Slice(ProjectiveWidth, ProjectiveWidth));
            ExtendedPoint multiple = point;
            for (int j = 2; j < Entries; j++)
            {
                EdwardsArithmetic.Add(out CompletedPoint next, multiple, niels);
                EdwardsArithmetic.ToExtended(out multiple, next);
                EdwardsArithmetic.ToNiels(out ProjectiveNiels multipleNiels, multiple);
                Pack(multipleNiels, table.Slice(j * ProjectiveWidth, ProjectiveWidth));
            }

            ToSignedRadix16(scalar, digits);
            ExtendedPoint h = ExtendedPoint.Identity;
            for (int i = 63; i >= 0; i--)
            {
                h = EdwardsArithmetic.MultiplyByPowerOfTwo(h, 4);
                ulong negative = SignedMagnitude(digits[i], out uint magnitude);
                Field25519Lookup.Select(table, ProjectiveWidth, magnitude, entry);
                Unpack(entry, out ProjectiveNiels t);
                EdwardsArithmetic.ConditionalNegate(ref t, negative);
                EdwardsArithmetic.Add(out CompletedPoint sum, h, t);
                EdwardsArithmetic.ToExtended(out h, sum);
            }

            return h;
        }
        finally
        {
            table.Clear();
            digits.Clear();
            entry.Clear();
        }
    }

    /// <summary>
    /// Writes the 64 signed radix-16 digits of a 32-byte little-endian scalar below 2^255: k = sum e_i 16^i with
    /// e_i in [-8, 8) for i &lt; 63 (ref10 ge_scalarmult_base). Constant time.
    /// </summary>
    internal static void ToSignedRadix16(ReadOnlySpan<byte> scalar, Span<sbyte> digits)
    {
        for (int i = 0; i < 32; i++)
        {
            digits[2 * i] = (sbyte)(scalar[i] & 15);
            digits[(2 * i) + 1] = (sbyte)((scalar[i] >> 4) & 15);
        }

        int carry = 0;
        for (int i = 0; i < 63; i++)
        {
            int d = digits[i] + carry;
            carry = (d + 8) >> 4;
            digits[i] = (sbyte)(d - (carry << 4));
        }

        digits[63] = (sbyte)(digits[63] + carry);
    }

    private static void SelectAffine(ulong[] table, int position, sbyte digit, Span<ulong> entry, out AffineNiels t)
    {
        ulong negative = SignedMagnitude(digit, out uint magnitude);
        Field25519Lookup.Select(table.AsSpan(position * BaseEntries * AffineWidth, BaseEntries * AffineWidth), AffineWidth, magnitude, entry);
        Unpack(entry, out t);
        EdwardsArithmetic.ConditionalNegate(ref t, negative);
    }

    // |digit| and an all-ones mask when the digit is negative, without a branch.
    private static ulong SignedMagnitude(int digit, out uint magnitude)
    {
        int negative = digit >> 31; // -1 when negative, else 0
        magnitude = (uint)((digit ^ negative) - negative);
        return (ulong)(long)negative;
    }

    // 51 sub-tables; sub-table i holds j * 32^i * B for j = 0..16.
    private static ulong[] BuildBaseTable()
    {
        ulong[] table = new ulong[BasePositions * BaseEntries * AffineWidth];
        ExtendedPoint position = BasePoint; // 32^i B
        for (int i = 0; i < BasePositions; i++)
        {
            Span<ulong> sub = table.AsSpan(i * BaseEntries * AffineWidth, BaseEntries * AffineWidth);
            Pack(AffineNiels.Identity, sub[..AffineWidth]);
            ExtendedPoint multiple = position;
            EdwardsArithmetic.ToNiels(out ProjectiveNiels positionNiels, position);
            for (int j = 1; j < BaseEntries; j++)
            {
                EdwardsArithmetic.ToAffineNiels(out AffineNiels affine, multiple);
                Pack(affine, sub.Slice(j * AffineWidth, AffineWidth));
                EdwardsArithmetic.Add(out CompletedPoint next, multiple, positionNiels);
                EdwardsArithmetic.ToExtended(out multiple, next);
            }

            position = EdwardsArithmetic.MultiplyByPowerOfTwo(position, 5);
        }

        return table;
    }

    private static ExtendedPoint DecodeBasePoint()
    {
        if (!EdwardsEncoding.TryDecompress(EdwardsConstants.BasePointEncoding, out ExtendedPoint b))
        {
            throw new CryptographicException("The edwards25519 base point does not decode.");
        }

        return b;
    }

    private static void Pack(in AffineNiels p, Span<ulong> d)
    {
        Pack(p.YPlusX, d);
        Pack(p.YMinusX, d[5..]);
        Pack(p.XY2d, d[10..]);
        d[15] = 0;
    }

    private static void Pack(in ProjectiveNiels p, Span<ulong> d)
    {
        Pack(p.YPlusX, d);
        Pack(p.YMinusX, d[5..]);
        Pack(p.Z, d[10..]);
        Pack(p.T2d, d[15..]);
    }

    private static void Pack(in FieldElement25519 f, Span<ulong> d)
    {
        d[0] = f.L0;
        d[1] = f.L1;
        d[2] = f.L2;
        d[3] = f.L3;
        d[4] = f.L4;
    }

    private static void Unpack(ReadOnlySpan<ulong> s, out AffineNiels p)
    {
        Unpack(s, out p.YPlusX);
        Unpack(s[5..], out p.YMinusX);
        Unpack(s[10..], out p.XY2d);
    }

    private static void Unpack(ReadOnlySpan<ulong> s, out ProjectiveNiels p)
    {
        Unpack(s, out p.YPlusX);
        Unpack(s[5..], out p.YMinusX);
        Unpack(s[10..], out p.Z);
        Unpack(s[15..], out p.T2d);
    }

    private static void Unpack(ReadOnlySpan<ulong> s, out FieldElement25519 f) =>
        f = new FieldElement25519(s[0], s[1], s[2], s[3], s[4]);
}
