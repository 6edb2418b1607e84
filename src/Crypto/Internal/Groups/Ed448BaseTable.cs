// Ed448BaseTable: the precomputed multiples of the edwards448 base point B that MultiplyBase reads.
//
// Block j (j = 0..55) holds the affine points m * 256^j * B for m = 1..8. With the signed radix-16 digits e_i of
// a scalar k (Ed448ScalarRecoding.SignedRadix16),
//     k B = sum_j e_(2j) 256^j B  +  16 * sum_j e_(2j+1) 256^j B,
// so k B costs 112 mixed additions, 4 doublings and 112 table lookups (the layout of Bernstein, Duif, Lange,
// Schwabe, Yang, "High-speed high-security signatures", §4, applied to edwards448).
//
// Constant time: a lookup reads all eight entries of its block and keeps the wanted one with masks, then
// negates it with a mask; neither the memory touched nor any branch depends on the digit.

using System;

namespace FintechCrypto.Internal.Groups;

/// <summary>The precomputed multiples m * 256^j * B (m = 1..8, j = 0..55) of the edwards448 base point.</summary>
internal sealed class Ed448BaseTable
{
    /// <summary>The number of blocks: one per pair of radix-16 digits.</summary>
    internal const int Blocks = Ed448ScalarRecoding.Radix16Digits / 2;

    /// <summary>The number of multiples per block.</summary>
    internal const int EntriesPerBlock = 8;

    private const int Stride = Ed448Field.Size;

    private static readonly Lazy<Ed448BaseTable> s_instance = new(() => new Ed448BaseTable(Ed448Group.BasePoint()));

    // Affine x and y of entry (j, m - 1) at offset ((j * 8) + m - 1) * 16, normalized.
    private readonly uint[] _x = new uint[Blocks * EntriesPerBlock * Stride];
    private readonly uint[] _y = new uint[Blocks * EntriesPerBlock * Stride];

    private Ed448BaseTable(Ed448Point basePoint)
    {
        var t = new Ed448Point.Scratch();
        var multiple = new Ed448Point();
        var blockBase = basePoint.Clone();
        uint[] inverse = Ed448Field.Create();
        uint[] coordinate = Ed448Field.Create();
        for (int j = 0; j < Blocks; j++)
        {
            multiple.CopyFrom(blockBase);
            for (int m = 1; m <= EntriesPerBlock; m++)
            {
                if (m > 1)
                {
                    Ed448Point.Add(multiple, blockBase, multiple, t);
                }

                // The table is public (multiples of B), so the variable-time inversion is fine here.
                int offset = ((j * EntriesPerBlock) + m - 1) * Stride;
                Ed448Field.InvVar(multiple.Z, inverse);
                Ed448Field.Mul(multiple.X, inverse, coordinate);
                Ed448Field.Normalize(coordinate);
                coordinate.CopyTo(_x, offset);
                Ed448Field.Mul(multiple.Y, inverse, coordinate);
                Ed448Field.Normalize(coordinate);
                coordinate.CopyTo(_y, offset);
            }

            Ed448Point.DoubleTimes(blockBase, 8, blockBase, t); // 256^(j+1) B
        }
    }

    /// <summary>The table, built on first use.</summary>
    internal static Ed448BaseTable Instance => s_instance.Value;

    /// <summary>
    /// Writes the affine point digit * 256^block * B for a digit in [-8, 8] into (x, y); digit 0 gives the
    /// identity (0, 1). Constant time in <paramref name="digit"/>.
    /// </summary>
    internal void Lookup(int block, int digit, uint[] x, uint[] y, uint[] scratch)
    {
        int sign = digit >> 31;                 // -1 for a negative digit, else 0
        int magnitude = (digit ^ sign) - sign;  // |digit|
        Ed448Field.Zero(x);
        Ed448Field.One(y);
        ReadOnlySpan<uint> xs = _x.AsSpan(block * EntriesPerBlock * Stride, EntriesPerBlock * Stride);
        ReadOnlySpan<uint> ys = _y.AsSpan(block * EntriesPerBlock * Stride, EntriesPerBlock * Stride);
        for (int m = 1; m <= EntriesPerBlock; m++)
        {
            int select = ((magnitude ^ m) - 1) >> 31; // -1 when magnitude == m, else 0
            Ed448Field.ConditionalMove(select, xs.Slice((m - 1) * Stride, Stride), x);
            Ed448Field.ConditionalMove(select, ys.Slice((m - 1) * Stride, Stride), y);
        }

        Ed448Field.ConditionalNegate(sign, x, scratch); // -(x, y) = (-x, y)
    }
}
