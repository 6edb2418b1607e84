// The scalar reference for the ML-DSA polynomial kernels: NTT (FIPS 204 Algorithm 41), inverse NTT (Algorithm 42)
// and pointwise multiplication (MultiplyNTT, §7.6), in Montgomery arithmetic on 32-bit coefficients.
// MlDsaNttAvx2 is the vector twin with the same signatures; MlDsaNtt dispatches.

using System;
using System.Diagnostics;

namespace FintechCrypto.Native.MlDsa;

/// <summary>Scalar ML-DSA NTT kernels; the reference for the AVX2 twin.</summary>
internal static class MlDsaNttScalar
{
    /// <summary>
    /// Forward NTT in place (Algorithm 41; bit-reversed output order). No reduction after the additions: input
    /// |f[i]| &lt; q gives output |f[i]| &lt; 9q.
    /// </summary>
    internal static void Ntt(Span<int> f)
    {
        Debug.Assert(f.Length == 256);
        int[] zetas = MlDsaField.Zetas;
        int k = 0;
        for (int len = 128; len > 0; len >>= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                int zeta = zetas[++k];
                for (int j = start; j < start + len; j++)
                {
                    int t = MlDsaField.MultiplyMontgomery(zeta, f[j + len]);
                    f[j + len] = f[j] - t;
                    f[j] = f[j] + t;
                }
            }
        }
    }

    /// <summary>
    /// Inverse NTT in place (Algorithm 42) including 1/256, times R (so InverseNttToMont(Pointwise(a, b)) is the plain
    /// product). Input |f[i]| &lt; q; output |f[i]| &lt; q.
    /// </summary>
    internal static void InverseNttToMont(Span<int> f)
    {
        Debug.Assert(f.Length == 256);
        int[] zetas = MlDsaField.Zetas;
        int k = 256;
        for (int len = 1; len < 256; len <<= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                int zeta = -zetas[--k];
                for (int j = start; j < start + len; j++)
                {
                    int t = f[j];
                    f[j] = t + f[j + len];
                    f[j + len] = t - f[j + len];
                    f[j + len] = MlDsaField.MultiplyMontgomery(zeta, f[j + len]);
                }
            }
        }

        for (int j = 0; j < 256; j++)
        {
            f[j] = MlDsaField.MultiplyMontgomery(MlDsaField.InverseNttScale, f[j]);
        }
    }

    /// <summary>r = a ∘ b · R^-1 coefficient-wise. |a|·|b| &lt; q·2^31 per coefficient; output |r[i]| &lt; q.</summary>
    internal static void PointwiseMontgomery(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> r)
    {
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = MlDsaField.MultiplyMontgomery(a[i], b[i]);
        }
    }

    /// <summary>r += a ∘ b · R^-1 coefficient-wise (no reduction of the sum).</summary>
    internal static void PointwiseAccumulate(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> r)
    {
        for (int i = 0; i < r.Length; i++)
        {
            r[i] += MlDsaField.MultiplyMontgomery(a[i], b[i]);
        }
    }

    /// <summary>Reduce32 on every coefficient.</summary>
    internal static void Reduce(Span<int> f)
    {
        for (int i = 0; i < f.Length; i++)
        {
            f[i] = MlDsaField.Reduce32(f[i]);
        }
    }

    /// <summary>CAddQ on every coefficient.</summary>
    internal static void CAddQ(Span<int> f)
    {
        for (int i = 0; i < f.Length; i++)
        {
            f[i] = MlDsaField.CAddQ(f[i]);
        }
    }

    /// <summary>r[i] += a[i].</summary>
    internal static void Add(Span<int> r, ReadOnlySpan<int> a)
    {
        for (int i = 0; i < r.Length; i++)
        {
            r[i] += a[i];
        }
    }

    /// <summary>r[i] -= a[i].</summary>
    internal static void Subtract(Span<int> r, ReadOnlySpan<int> a)
    {
        for (int i = 0; i < r.Length; i++)
        {
            r[i] -= a[i];
        }
    }

    /// <summary>r[i] = a[i] · 2^shift (for t1 · 2^d).</summary>
    internal static void ShiftLeft(Span<int> r, int shift)
    {
        for (int i = 0; i < r.Length; i++)
        {
            r[i] <<= shift;
        }
    }
}
