// EdwardsPrecomputedPoint: the odd multiples of [2^0]P, [2^64]P, [2^128]P and [2^192]P, for a public point P
// that is used many times (an Ed25519 verification key, a FROST group key). With the matching tables for
// the base point B, [a]P + [b]B becomes a sum of eight 64-bit multiples, computed with one doubling chain
// of about 70 steps instead of 253 (the split of a scalar into 64-bit digits, i.e. Straus's method with
// precomputed multiples of 2^(64j) P, as in Hankerson-Menezes-Vanstone §3.3.3 "fixed-base comb" ideas).
// Building one costs about 200 doublings; EdwardsVartime.DoubleScalarMultiplyBase uses it. Public data only.

namespace FintechCrypto.Internal.Curve25519;

/// <summary>Precomputed multiples of a public point for repeated variable-time multiplication.</summary>
internal sealed class EdwardsPrecomputedPoint
{
    /// <summary>Builds the tables for <paramref name="point"/>.</summary>
    internal EdwardsPrecomputedPoint(in ExtendedPoint point)
    {
        Point = point;
        Tables = new ProjectiveNiels[4][];
        ExtendedPoint position = point;
        for (int j = 0; j < 4; j++)
        {
            Tables[j] = EdwardsVartime.OddMultiples(position);
            if (j < 3)
            {
                position = EdwardsArithmetic.MultiplyByPowerOfTwo(position, 64);
            }
        }
    }

    /// <summary>The point itself.</summary>
    internal ExtendedPoint Point { get; }

    /// <summary>Tables[j][i] = (2i + 1) [2^(64 j)] P as cached addends, for the width-5 NAF digits.</summary>
    internal ProjectiveNiels[][] Tables { get; }
}
