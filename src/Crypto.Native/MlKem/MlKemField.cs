// Arithmetic in Z_q, q = 3329 (FIPS 203 §2.3, §4.3), on 16-bit signed coefficients.
//
// Montgomery form uses R = 2^16. All routines are constant time: multiplications, shifts and masks only,
// never a branch or a division on a coefficient.
//
// Bounds (the kernels document theirs in terms of these):
//   MontgomeryReduce(a), |a| < q·2^15      -> result in (-q, q)
//   BarrettReduce(a),    any short          -> result in [-(q-1)/2, (q-1)/2]  (the centered representative)
//   Canonicalize(a),     a in (-q, q)       -> result in [0, q)

using System.Runtime.CompilerServices;

namespace FintechCrypto.Native.MlKem;

/// <summary>Scalar Z_3329 arithmetic shared by the ML-KEM kernels and their scalar twins.</summary>
internal static class MlKemField
{
    /// <summary>The modulus q of FIPS 203 §2.3.</summary>
    internal const short Q = 3329;

    /// <summary>q^-1 mod 2^16, as a signed 16-bit value (62209 = -3327).</summary>
    internal const short QInv = -3327;

    /// <summary>round(2^26 / q), the Barrett constant.</summary>
    internal const short BarrettV = 20159;

    /// <summary>2^32 mod q: multiplying by it in Montgomery form converts to Montgomery form.</summary>
    internal const short MontR2 = 1353;

    /// <summary>R^2 / 128 mod q: the inverse NTT's final scale (1/128, FIPS 203 Algorithm 10 step 14, times R).</summary>
    internal const short InverseNttScale = 1441;

    /// <summary>Returns a·2^-16 mod q for |a| &lt; q·2^15.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static short MontgomeryReduce(int a)
    {
        short t = unchecked((short)((short)a * QInv));
        return (short)((a - (t * Q)) >> 16);
    }

    /// <summary>Returns a·b·2^-16 mod q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static short MultiplyMontgomery(short a, short b) => MontgomeryReduce(a * b);

    /// <summary>Returns the centered representative of a mod q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static short BarrettReduce(short a)
    {
        short t = (short)(((BarrettV * a) + (1 << 25)) >> 26);
        return unchecked((short)(a - (t * Q)));
    }

    /// <summary>Maps a in (-q, q) to [0, q) with a mask, not a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static short Canonicalize(short a) => (short)(a + ((a >> 15) & Q));

    /// <summary>
    /// ζ^BitRev7(i)·R mod q, centered, for i = 0..127 (FIPS 203 §4.3, ζ = 17), computed from first principles
    /// rather than pasted, so a test can recompute it independently.
    /// </summary>
    internal static readonly short[] Zetas = ComputeZetas();

    private static short[] ComputeZetas()
    {
        var zetas = new short[128];
        for (int i = 0; i < 128; i++)
        {
            int exponent = BitReverse7(i);
            long value = 1;
            for (int e = 0; e < exponent; e++)
            {
                value = value * 17 % Q;
            }

            value = (value << 16) % Q;
            if (value > Q / 2)
            {
                value -= Q;
            }

            zetas[i] = (short)value;
        }

        return zetas;
    }

    internal static int BitReverse7(int i)
    {
        int r = 0;
        for (int b = 0; b < 7; b++)
        {
            r |= ((i >> b) & 1) << (6 - b);
        }

        return r;
    }
}
