// EdwardsPrecomputedPoint: the odd multiples of [2^(32 j)]P for j = 0..7, for a public point P that is used many
// times (an Ed25519 verification key, a FROST group key). With the matching tables for the base point B,
// [a]P + [b]B becomes a sum of sixteen 32-bit multiples, computed with one doubling chain of about 40 steps
// instead of 253 (the split of a scalar into 32-bit digits, i.e. Straus's method with precomputed multiples of
// 2^(32j) P, as in Hankerson-Menezes-Vanstone §3.3.3 "fixed-base comb" ideas). Building one costs about 230
// doublings; EdwardsVartime.DoubleScalarMultiplyBase uses it. Public data only.

namespace FintechCrypto.Internal.Curve25519;

/// <summary>Precomputed multiples of a public point for repeated variable-time multiplication.</summary>
internal sealed class EdwardsPrecomputedPoint
{
    /// <summary>The number of pieces a scalar is cut into.</summary>
    internal const int Pieces = 8;

    /// <summary>The bits per piece (Pieces * PieceBits = 256).</summary>
    internal const int PieceBits = 32;

    /// <summary>Builds the tables for <paramref name="point"/>.</summary>
    internal EdwardsPrecomputedPoint(in ExtendedPoint point)
    {
        Point = point;
        Tables = new ProjectiveNiels[Pieces][];
        ExtendedPoint position = point;
        for (int j = 0; j < Pieces; j++)
        {
            Tables[j] = EdwardsVartime.OddMultiples(position);
            if (j < Pieces - 1)
            {
                position = EdwardsArithmetic.MultiplyByPowerOfTwo(position, PieceBits);
            }
        }
    }

    /// <summary>The point itself.</summary>
    internal ExtendedPoint Point { get; }

    /// <summary>Tables[j][i] = (2i + 1) [2^(32 j)] P as cached addends, for the width-5 NAF digits.</summary>
    internal ProjectiveNiels[][] Tables { get; }
}
