// Arithmetic in Z_q, q = 8380417 (FIPS 204 §2.3, §7.5), on 32-bit signed coefficients. Montgomery form uses
// R = 2^32. Constant time: multiplications, shifts and masks, never a branch or a division on a coefficient.
//
//   MontgomeryReduce(a), |a| < q·2^31   -> a·2^-32 mod q, in (-q, q)
//   Reduce32(a),         a ≤ 2^31 − 2^22 − 1 -> a mod q, in [-6283008, 6283008]
//   CAddQ(a)             adds q when a < 0
//   Freeze(a)            -> [0, q)

using System.Runtime.CompilerServices;

namespace FintechCrypto.Native.MlDsa;

/// <summary>Scalar Z_8380417 arithmetic shared by the ML-DSA kernels and their scalar twins.</summary>
internal static class MlDsaField
{
    /// <summary>The modulus q of FIPS 204.</summary>
    internal const int Q = 8380417;

    /// <summary>q^-1 mod 2^32.</summary>
    internal const int QInv = 58728449;

    /// <summary>R^2 / 256 mod q: the inverse NTT's final scale (1/256, FIPS 204 Algorithm 42 step 21) times R^2.</summary>
    internal const int InverseNttScale = 41978;

    /// <summary>ζ = 1753, the 512th root of unity of FIPS 204 §7.5.</summary>
    internal const int Zeta = 1753;

    /// <summary>ζ^BitRev8(i)·R mod q, centered, for i = 0..255 (computed from ζ at start-up).</summary>
    internal static readonly int[] Zetas = ComputeZetas();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int MontgomeryReduce(long a)
    {
        int t = unchecked((int)a * QInv);
        return (int)((a - ((long)t * Q)) >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int MultiplyMontgomery(int a, int b) => MontgomeryReduce((long)a * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Reduce32(int a)
    {
        int t = (a + (1 << 22)) >> 23;
        return a - (t * Q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CAddQ(int a) => a + ((a >> 31) & Q);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Freeze(int a) => CAddQ(Reduce32(a));

    internal static int BitReverse8(int i)
    {
        int r = 0;
        for (int b = 0; b < 8; b++)
        {
            r |= ((i >> b) & 1) << (7 - b);
        }

        return r;
    }

    private static int[] ComputeZetas()
    {
        var zetas = new int[256];
        for (int i = 0; i < 256; i++)
        {
            long value = 1;
            int exponent = BitReverse8(i);
            for (int e = 0; e < exponent; e++)
            {
                value = value * Zeta % Q;
            }

            value = (value << 32) % Q;
            if (value > Q / 2)
            {
                value -= Q;
            }

            zetas[i] = (int)value;
        }

        return zetas;
    }
}
