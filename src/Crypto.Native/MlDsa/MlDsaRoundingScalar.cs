// ML-DSA rounding and hint kernels (FIPS 204 §7.4): Power2Round (Algorithm 35), Decompose (36), HighBits (37),
// MakeHint (39), UseHint (40), and the infinity-norm check, on whole polynomials. Constant time: masks and
// multiplications only. Inputs named "canonical" are in [0, q).
//
// Decompose without division, for 2γ2 = (q−1)/16 or (q−1)/44:
//   a1 = ⌈a / 128⌉, then a1 = round(a1·2^7 / 2γ2) by a multiplication (1025/2^22 ≈ 128/261888,
//   11275/2^24 ≈ 128/190464), with the wrap r+ − r0 = q − 1 → r1 = 0 folded in by the final mask (a1 = 16 → 0,
//   a1 = 44 → 0); then a0 = a − a1·2γ2, moved to (−γ2, γ2] by subtracting q when it exceeds (q−1)/2.
// The tests compare every a in [0, q) with the definition of Algorithm 36.

using System;
using System.Runtime.CompilerServices;

namespace FintechCrypto.Native.MlDsa;

/// <summary>Scalar ML-DSA rounding kernels.</summary>
internal static class MlDsaRoundingScalar
{
    /// <summary>γ2 = (q − 1)/88 (ML-DSA-44).</summary>
    internal const int Gamma2Small = (MlDsaField.Q - 1) / 88;

    /// <summary>γ2 = (q − 1)/32 (ML-DSA-65 and -87).</summary>
    internal const int Gamma2Large = (MlDsaField.Q - 1) / 32;

    /// <summary>
    /// Power2Round (Algorithm 35) of canonical coefficients with d = 13: t = t1·2^13 + t0, t0 in (−2^12, 2^12].
    /// <paramref name="t1"/> may be <paramref name="t"/> itself.
    /// </summary>
    internal static void Power2Round(ReadOnlySpan<int> t, Span<int> t1, Span<int> t0)
    {
        for (int i = 0; i < t.Length; i++)
        {
            int a = t[i];                       // read first: t1 may alias t
            int a1 = (a + (1 << 12) - 1) >> 13;
            t0[i] = a - (a1 << 13);
            t1[i] = a1;
        }
    }

    /// <summary>Decompose (Algorithm 36) of one canonical coefficient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Decompose(int a, int gamma2, out int a0)
    {
        int a1 = (a + 127) >> 7;
        if (gamma2 == Gamma2Large)
        {
            a1 = ((a1 * 1025) + (1 << 21)) >> 22;
            a1 &= 15;
        }
        else
        {
            a1 = ((a1 * 11275) + (1 << 23)) >> 24;
            a1 ^= ((43 - a1) >> 31) & a1;
        }

        int r0 = a - (a1 * 2 * gamma2);
        r0 -= (((MlDsaField.Q - 1) / 2) - r0 >> 31) & MlDsaField.Q;
        a0 = r0;
        return a1;
    }

    /// <summary>HighBits (Algorithm 37) of every canonical coefficient.</summary>
    internal static void HighBits(ReadOnlySpan<int> a, Span<int> a1, int gamma2)
    {
        for (int i = 0; i < a.Length; i++)
        {
            a1[i] = Decompose(a[i], gamma2, out _);
        }
    }

    /// <summary>LowBits (Algorithm 38) of every canonical coefficient.</summary>
    internal static void LowBits(ReadOnlySpan<int> a, Span<int> a0, int gamma2)
    {
        for (int i = 0; i < a.Length; i++)
        {
            Decompose(a[i], gamma2, out int r0);
            a0[i] = r0;
        }
    }

    /// <summary>
    /// h[i] = MakeHint(z, r) = [HighBits(r) ≠ HighBits(r + z)] (Algorithm 39), given the canonical r and r + z.
    /// Returns the number of ones.
    /// </summary>
    internal static int MakeHint(ReadOnlySpan<int> r, ReadOnlySpan<int> rPlusZ, Span<int> h, int gamma2)
    {
        int ones = 0;
        for (int i = 0; i < r.Length; i++)
        {
            int r1 = Decompose(r[i], gamma2, out _);
            int v1 = Decompose(rPlusZ[i], gamma2, out _);
            int different = ((r1 - v1) | (v1 - r1)) >>> 31;
            h[i] = different;
            ones += different;
        }

        return ones;
    }

    /// <summary>UseHint (Algorithm 40) of every canonical coefficient of r with its hint bit.</summary>
    internal static void UseHint(ReadOnlySpan<int> h, ReadOnlySpan<int> r, Span<int> r1, int gamma2)
    {
        int m = (MlDsaField.Q - 1) / (2 * gamma2);
        for (int i = 0; i < r.Length; i++)
        {
            int a1 = Decompose(r[i], gamma2, out int a0);
            // Public data (the signature and public key): a branch-free form is not needed, but costs nothing.
            int up = ((-a0) >> 31) & 1;                  // 1 when a0 > 0
            int adjusted = up == 1 ? a1 + 1 : a1 - 1;
            adjusted = adjusted == m ? 0 : adjusted == -1 ? m - 1 : adjusted;
            r1[i] = h[i] != 0 ? adjusted : a1;
        }
    }

    /// <summary>
    /// True when some coefficient's centered representative (mod± q) has absolute value ≥ <paramref name="bound"/>.
    /// Inputs may be any 32-bit values congruent mod q with |a| &lt; 2^31 − 2^22. Constant time in the values.
    /// </summary>
    internal static bool NormAtLeast(ReadOnlySpan<int> a, int bound)
    {
        int exceeded = 0;
        for (int i = 0; i < a.Length; i++)
        {
            int x = MlDsaField.Freeze(a[i]);
            x -= (((MlDsaField.Q - 1) / 2) - x >> 31) & MlDsaField.Q;   // centered, in [−(q−1)/2, (q−1)/2]
            int abs = x - ((x >> 31) & (2 * x));
            exceeded |= (bound - 1) - abs;                                // negative when abs ≥ bound
        }

        return exceeded < 0;
    }

    /// <summary>Freeze (to [0, q)) every coefficient.</summary>
    internal static void Freeze(Span<int> a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = MlDsaField.Freeze(a[i]);
        }
    }
}
