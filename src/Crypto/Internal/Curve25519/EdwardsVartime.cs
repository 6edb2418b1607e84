// Variable-time multi-scalar multiplication on edwards25519, for PUBLIC scalars and points only
// (signature verification, FROST share verification and aggregation).
//
// Straus's method with width-w non-adjacent forms: every point gets a table of its odd multiples
// P, 3P, ..., (2^(w-1) - 1)P; the base point B uses a precomputed width-8 table of 64 affine multiples.
// One doubling chain of at most 256 steps serves all scalars at once.
//
// References: RFC 8032 §5.1.7 (the verification equation); Hankerson, Menezes, Vanstone, "Guide to Elliptic
// Curve Cryptography", Algorithm 3.35 (width-w NAF) and §3.3.3 (interleaving / Straus).

using System;
using System.Threading;

namespace FintechCrypto.Internal.Curve25519;

/// <summary>Variable-time [a]A + [b]B and sums of multiples; public inputs only.</summary>
internal static class EdwardsVartime
{
    private const int PointWidth = 5;  // odd multiples 1..15: 8 entries
    private const int BaseWidth = 8;   // odd multiples 1..127: 64 entries

    private static AffineNiels[]? s_baseOddMultiples;
    private static AffineNiels[][]? s_splitBaseOddMultiples;

    /// <summary>[a]A + [b]B for 32-byte little-endian scalars below 2^255. Variable time.</summary>
    internal static ExtendedPoint DoubleScalarMultiplyBase(ReadOnlySpan<byte> a, in ExtendedPoint point, ReadOnlySpan<byte> b) =>
        MultiScalarMultiply(a, [point], b);

    /// <summary>
    /// [a]A + [b]B with A's precomputed tables: both scalars are cut into eight 32-bit digits, so one doubling
    /// chain of about 40 steps serves sixteen tables. Same result as the other overload; variable time.
    /// </summary>
    internal static ExtendedPoint DoubleScalarMultiplyBase(ReadOnlySpan<byte> a, EdwardsPrecomputedPoint point, ReadOnlySpan<byte> b)
    {
        AffineNiels[][] baseTables = s_splitBaseOddMultiples ?? LazyInitializer.EnsureInitialized(ref s_splitBaseOddMultiples, BuildSplitBaseOddMultiples);
        const int Pieces = EdwardsPrecomputedPoint.Pieces;
        const int PieceBytes = EdwardsPrecomputedPoint.PieceBits / 8;
        const int Length = EdwardsPrecomputedPoint.PieceBits + 16; // a digit's NAF ends by position PieceBits + width
        Span<sbyte> nafs = stackalloc sbyte[2 * Pieces * 256];
        Span<byte> chunk = stackalloc byte[32];
        int top = -1;
        for (int j = 0; j < 2 * Pieces; j++)
        {
            ReadOnlySpan<byte> scalar = j < Pieces ? a : b;
            chunk.Clear();
            scalar.Slice(PieceBytes * (j % Pieces), PieceBytes).CopyTo(chunk);
            Span<sbyte> naf = nafs.Slice(256 * j, 256);
            NonAdjacentForm(chunk, j < Pieces ? PointWidth : BaseWidth, naf, Length);
            top = Math.Max(top, TopDigit(naf[..Length]));
        }

        if (top < 0)
        {
            return ExtendedPoint.Identity;
        }

        ProjectivePoint r = new() { Y = Native.Field25519.FieldElement25519.One, Z = Native.Field25519.FieldElement25519.One };
        CompletedPoint t = default;
        ExtendedPoint u;
        for (int i = top; i >= 0; i--)
        {
            EdwardsArithmetic.Double(out t, r);
            for (int j = 0; j < Pieces; j++)
            {
                AddDigit(ref t, nafs[(256 * j) + i], point.Tables[j]);
                AddDigit(ref t, nafs[(256 * (j + Pieces)) + i], baseTables[j]);
            }

            EdwardsArithmetic.ToProjective(out r, t);
        }

        EdwardsArithmetic.ToExtended(out u, t);
        return u;
    }

    /// <summary>The sum of [scalars[i]] points[i] (32-byte little-endian scalars below 2^255). Variable time.</summary>
    internal static ExtendedPoint MultiScalarMultiply(ReadOnlySpan<byte> scalars, ReadOnlySpan<ExtendedPoint> points) =>
        MultiScalarMultiply(scalars, points, default);

    /// <summary>
    /// The sum of [scalars[i]] points[i] plus [baseScalar]B (an empty <paramref name="baseScalar"/> means none),
    /// the base point's term using its precomputed width-8 table. Variable time.
    /// </summary>
    internal static ExtendedPoint MultiScalarMultiply(ReadOnlySpan<byte> scalars, ReadOnlySpan<ExtendedPoint> points, ReadOnlySpan<byte> baseScalar)
    {
        var tables = new ProjectiveNiels[points.Length][];
        for (int j = 0; j < points.Length; j++)
        {
            tables[j] = OddMultiples(points[j]);
        }

        return MultiScalarMultiply(scalars, tables, baseScalar);
    }

    /// <summary>
    /// The sum of [scalars[i]] P_i plus [baseScalar]B, given each P_i's odd-multiples table (<see cref="OddMultiples"/>),
    /// so that callers can reuse the tables of points that take part in several multiplications. Variable time.
    /// </summary>
    internal static ExtendedPoint MultiScalarMultiply(ReadOnlySpan<byte> scalars, ProjectiveNiels[][] tables, ReadOnlySpan<byte> baseScalar)
    {
        int n = tables.Length;
        if (scalars.Length != 32 * n)
        {
            throw new ArgumentException("There must be one 32-byte scalar per point.", nameof(scalars));
        }

        // Small inputs (every FROST use up to 7-of-10 batches) keep their digits on the stack.
        Span<sbyte> nafs = n <= 32 ? stackalloc sbyte[256 * 33] : new sbyte[256 * (n + 1)];
        nafs = nafs[..(256 * (n + 1))];
        nafs.Clear();
        Span<sbyte> baseNaf = nafs.Slice(256 * n, 256);
        int top = -1;
        AffineNiels[]? baseTable = null;
        if (!baseScalar.IsEmpty)
        {
            baseTable = s_baseOddMultiples ?? LazyInitializer.EnsureInitialized(ref s_baseOddMultiples, BuildBaseOddMultiples);
            NonAdjacentForm(baseScalar, BaseWidth, baseNaf);
            top = TopDigit(baseNaf);
        }

        for (int j = 0; j < n; j++)
        {
            Span<sbyte> naf = nafs.Slice(256 * j, 256);
            NonAdjacentForm(scalars.Slice(32 * j, 32), PointWidth, naf);
            top = Math.Max(top, TopDigit(naf));
        }

        if (top < 0)
        {
            return ExtendedPoint.Identity;
        }

        ProjectivePoint r = new() { Y = Native.Field25519.FieldElement25519.One, Z = Native.Field25519.FieldElement25519.One };
        CompletedPoint t = default;
        ExtendedPoint u;
        for (int i = top; i >= 0; i--)
        {
            EdwardsArithmetic.Double(out t, r);
            for (int j = 0; j < n; j++)
            {
                AddDigit(ref t, nafs[(256 * j) + i], tables[j]);
            }

            if (baseTable is not null)
            {
                AddDigit(ref t, baseNaf[i], baseTable);
            }

            EdwardsArithmetic.ToProjective(out r, t);
        }

        EdwardsArithmetic.ToExtended(out u, t);
        return u;
    }

    // The position of the highest non-zero digit, or -1 when all are zero.
    private static int TopDigit(ReadOnlySpan<sbyte> naf) => naf.LastIndexOfAnyExcept((sbyte)0);

    // t += d * P for a NAF digit d (0 or odd), from the odd multiples of P.
    private static void AddDigit(ref CompletedPoint t, int d, ProjectiveNiels[] oddMultiples)
    {
        if (d == 0)
        {
            return;
        }

        EdwardsArithmetic.ToExtended(out ExtendedPoint u, t);
        if (d > 0)
        {
            EdwardsArithmetic.Add(out t, u, oddMultiples[d / 2]);
        }
        else
        {
            EdwardsArithmetic.Subtract(out t, u, oddMultiples[-d / 2]);
        }
    }

    // The same with affine odd multiples (the base point's tables).
    private static void AddDigit(ref CompletedPoint t, int d, AffineNiels[] oddMultiples)
    {
        if (d == 0)
        {
            return;
        }

        EdwardsArithmetic.ToExtended(out ExtendedPoint u, t);
        if (d > 0)
        {
            EdwardsArithmetic.Add(out t, u, oddMultiples[d / 2]);
        }
        else
        {
            EdwardsArithmetic.Subtract(out t, u, oddMultiples[-d / 2]);
        }
    }

    /// <summary>
    /// The width-w NAF of a 32-byte little-endian scalar below 2^255 (Guide to ECC, Algorithm 3.35): digits are 0
    /// or odd in (-2^(w-1), 2^(w-1)), and any w consecutive digits hold at most one non-zero.
    /// </summary>
    internal static void NonAdjacentForm(ReadOnlySpan<byte> scalar, int width, Span<sbyte> naf) =>
        NonAdjacentForm(scalar, width, naf, 256);

    /// <summary>The width-w NAF of a scalar whose NAF is known to end below position <paramref name="length"/>.</summary>
    internal static void NonAdjacentForm(ReadOnlySpan<byte> scalar, int width, Span<sbyte> naf, int length)
    {
        Span<ulong> x = stackalloc ulong[5];
        for (int i = 0; i < 4; i++)
        {
            x[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(scalar[(8 * i)..]);
        }

        x[4] = 0;
        naf[..256].Clear();
        ulong windowSize = 1UL << width;
        ulong windowMask = windowSize - 1;
        int position = 0;
        ulong carry = 0;
        while (position < length)
        {
            int index = position / 64;
            int bit = position % 64;
            ulong bits = bit < 64 - width ? x[index] >> bit : (x[index] >> bit) | (x[index + 1] << (64 - bit));
            ulong window = carry + (bits & windowMask);
            if ((window & 1) == 0)
            {
                position++;
                continue;
            }

            if (window < windowSize / 2)
            {
                carry = 0;
                naf[position] = (sbyte)window;
            }
            else
            {
                carry = 1;
                naf[position] = (sbyte)((long)window - (long)windowSize);
            }

            position += width;
        }
    }

    /// <summary>P, 3P, 5P, ..., 15P as cached addends (the width-5 NAF table).</summary>
    internal static ProjectiveNiels[] OddMultiples(in ExtendedPoint point)
    {
        var table = new ProjectiveNiels[1 << (PointWidth - 2)];
        ExtendedPoint twice = EdwardsArithmetic.Double(point);
        EdwardsArithmetic.ToNiels(out ProjectiveNiels twiceNiels, twice);
        ExtendedPoint multiple = point;
        EdwardsArithmetic.ToNiels(out table[0], multiple);
        for (int i = 1; i < table.Length; i++)
        {
            EdwardsArithmetic.Add(out CompletedPoint next, multiple, twiceNiels);
            EdwardsArithmetic.ToExtended(out multiple, next);
            EdwardsArithmetic.ToNiels(out table[i], multiple);
        }

        return table;
    }

    private static AffineNiels[][] BuildSplitBaseOddMultiples()
    {
        var tables = new AffineNiels[EdwardsPrecomputedPoint.Pieces][];
        ExtendedPoint position = EdwardsScalarMultiplication.BasePoint;
        for (int j = 0; j < tables.Length; j++)
        {
            tables[j] = OddMultiplesAffine(position);
            position = EdwardsArithmetic.MultiplyByPowerOfTwo(position, EdwardsPrecomputedPoint.PieceBits);
        }

        return tables;
    }

    private static AffineNiels[] BuildBaseOddMultiples() => OddMultiplesAffine(EdwardsScalarMultiplication.BasePoint);

    // P, 3P, ..., 127P as affine cached addends (the width-8 NAF table of a fixed point).
    private static AffineNiels[] OddMultiplesAffine(in ExtendedPoint b)
    {
        var table = new AffineNiels[1 << (BaseWidth - 2)];
        ExtendedPoint twice = EdwardsArithmetic.Double(b);
        EdwardsArithmetic.ToNiels(out ProjectiveNiels twiceNiels, twice);
        ExtendedPoint multiple = b;
        for (int i = 0; i < table.Length; i++)
        {
            EdwardsArithmetic.ToAffineNiels(out table[i], multiple);
            EdwardsArithmetic.Add(out CompletedPoint next, multiple, twiceNiels);
            EdwardsArithmetic.ToExtended(out multiple, next);
        }

        return table;
    }
}
