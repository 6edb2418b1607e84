// The scalar reference for the ML-KEM polynomial kernels: NTT (FIPS 203 Algorithm 9), inverse NTT (Algorithm 10),
// MultiplyNTTs / BaseCaseMultiply (Algorithms 11 and 12), in Montgomery arithmetic on 16-bit coefficients.
// MlKemNttAvx2 is its vector twin, with the same signatures; MlKemNtt dispatches between them.

using System;
using System.Diagnostics;

namespace FintechCrypto.Native.MlKem;

/// <summary>Scalar ML-KEM NTT kernels; the reference for the AVX2 twin.</summary>
internal static class MlKemNttScalar
{
    /// <summary>
    /// Forward NTT in place (FIPS 203 Algorithm 9; output in bit-reversed order as the standard defines it).
    /// Input |f[i]| &lt; q; output is Barrett-reduced, |f[i]| ≤ (q-1)/2.
    /// </summary>
    internal static void Ntt(Span<short> f)
    {
        Debug.Assert(f.Length == 256);
        short[] zetas = MlKemField.Zetas;
        int k = 1;
        for (int len = 128; len >= 2; len >>= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                short zeta = zetas[k++];
                for (int j = start; j < start + len; j++)
                {
                    short t = MlKemField.MultiplyMontgomery(zeta, f[j + len]);
                    f[j + len] = (short)(f[j] - t);
                    f[j] = (short)(f[j] + t);
                }
            }
        }

        Reduce(f);
    }

    /// <summary>
    /// Inverse NTT in place (FIPS 203 Algorithm 10), including the factor 1/128, and one factor R (so that
    /// InverseNtt(BaseMultiply(a, b)) is the plain product). Input |f[i]| &lt; 4q... any short; output |f[i]| &lt; q.
    /// </summary>
    internal static void InverseNtt(Span<short> f)
    {
        Debug.Assert(f.Length == 256);
        short[] zetas = MlKemField.Zetas;
        int k = 127;
        for (int len = 2; len <= 128; len <<= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                short zeta = zetas[k--];
                for (int j = start; j < start + len; j++)
                {
                    short t = f[j];
                    f[j] = MlKemField.BarrettReduce((short)(t + f[j + len]));
                    f[j + len] = MlKemField.MultiplyMontgomery(zeta, (short)(f[j + len] - t));
                }
            }
        }

        for (int j = 0; j < 256; j++)
        {
            f[j] = MlKemField.MultiplyMontgomery(f[j], MlKemField.InverseNttScale);
        }
    }

    /// <summary>
    /// r += a ∘ b (MultiplyNTTs, FIPS 203 Algorithm 11, with BaseCaseMultiply, Algorithm 12), times R^-1.
    /// Inputs |a|, |b| &lt; q; each product term is in (-q, q), so up to 4 accumulations stay in a short.
    /// </summary>
    internal static void MultiplyAccumulate(ReadOnlySpan<short> a, ReadOnlySpan<short> b, Span<short> r)
    {
        Debug.Assert(a.Length == 256 && b.Length == 256 && r.Length == 256);
        short[] zetas = MlKemField.Zetas;
        for (int i = 0; i < 64; i++)
        {
            short zeta = zetas[64 + i];
            BaseCaseMultiplyAccumulate(a.Slice(4 * i, 2), b.Slice(4 * i, 2), r.Slice(4 * i, 2), zeta);
            BaseCaseMultiplyAccumulate(a.Slice((4 * i) + 2, 2), b.Slice((4 * i) + 2, 2), r.Slice((4 * i) + 2, 2), (short)-zeta);
        }
    }

    /// <summary>Barrett-reduces every coefficient to the centered representative.</summary>
    internal static void Reduce(Span<short> f)
    {
        for (int i = 0; i < f.Length; i++)
        {
            f[i] = MlKemField.BarrettReduce(f[i]);
        }
    }

    /// <summary>Multiplies every coefficient by R (into Montgomery form); output |f[i]| &lt; q.</summary>
    internal static void ToMontgomery(Span<short> f)
    {
        for (int i = 0; i < f.Length; i++)
        {
            f[i] = MlKemField.MultiplyMontgomery(f[i], MlKemField.MontR2);
        }
    }

    /// <summary>r[i] += a[i] (no reduction).</summary>
    internal static void Add(Span<short> r, ReadOnlySpan<short> a)
    {
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = (short)(r[i] + a[i]);
        }
    }

    /// <summary>r[i] = a[i] - r[i] (no reduction).</summary>
    internal static void SubtractFrom(ReadOnlySpan<short> a, Span<short> r)
    {
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = (short)(a[i] - r[i]);
        }
    }

    // BaseCaseMultiply (Algorithm 12): c0 = a0·b0 + a1·b1·γ, c1 = a0·b1 + a1·b0, each Montgomery-reduced.
    private static void BaseCaseMultiplyAccumulate(ReadOnlySpan<short> a, ReadOnlySpan<short> b, Span<short> r, short gamma)
    {
        short c0 = MlKemField.MultiplyMontgomery(MlKemField.MultiplyMontgomery(a[1], b[1]), gamma);
        c0 += MlKemField.MultiplyMontgomery(a[0], b[0]);
        short c1 = MlKemField.MultiplyMontgomery(a[0], b[1]);
        c1 += MlKemField.MultiplyMontgomery(a[1], b[0]);
        r[0] += c0;
        r[1] += c1;
    }
}
