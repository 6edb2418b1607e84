using System;

namespace FintechCrypto.Native.MlDsa;

/// <summary>The ML-DSA rounding kernels, dispatched between the AVX2 twin and the scalar reference (see Dispatch).</summary>
internal static class MlDsaRounding
{
    /// <inheritdoc cref="MlDsaRoundingScalar.Power2Round"/>
    internal static void Power2Round(ReadOnlySpan<int> t, Span<int> t1, Span<int> t0)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaRoundingAvx2.Power2Round(t, t1, t0);
        }
        else
        {
            MlDsaRoundingScalar.Power2Round(t, t1, t0);
        }
    }

    /// <inheritdoc cref="MlDsaRoundingScalar.HighBits"/>
    internal static void HighBits(ReadOnlySpan<int> a, Span<int> a1, int gamma2)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaRoundingAvx2.HighBits(a, a1, gamma2);
        }
        else
        {
            MlDsaRoundingScalar.HighBits(a, a1, gamma2);
        }
    }

    /// <inheritdoc cref="MlDsaRoundingScalar.LowBits"/>
    internal static void LowBits(ReadOnlySpan<int> a, Span<int> a0, int gamma2)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaRoundingAvx2.LowBits(a, a0, gamma2);
        }
        else
        {
            MlDsaRoundingScalar.LowBits(a, a0, gamma2);
        }
    }

    /// <inheritdoc cref="MlDsaRoundingScalar.MakeHint"/>
    internal static int MakeHint(ReadOnlySpan<int> r, ReadOnlySpan<int> rPlusZ, Span<int> h, int gamma2) =>
        Dispatch.UseAvx2 ? MlDsaRoundingAvx2.MakeHint(r, rPlusZ, h, gamma2) : MlDsaRoundingScalar.MakeHint(r, rPlusZ, h, gamma2);

    /// <inheritdoc cref="MlDsaRoundingScalar.UseHint"/>
    internal static void UseHint(ReadOnlySpan<int> h, ReadOnlySpan<int> r, Span<int> r1, int gamma2)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaRoundingAvx2.UseHint(h, r, r1, gamma2);
        }
        else
        {
            MlDsaRoundingScalar.UseHint(h, r, r1, gamma2);
        }
    }

    /// <inheritdoc cref="MlDsaRoundingScalar.NormAtLeast"/>
    internal static bool NormAtLeast(ReadOnlySpan<int> a, int bound) =>
        Dispatch.UseAvx2 ? MlDsaRoundingAvx2.NormAtLeast(a, bound) : MlDsaRoundingScalar.NormAtLeast(a, bound);

    /// <inheritdoc cref="MlDsaRoundingScalar.Freeze"/>
    internal static void Freeze(Span<int> a)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaRoundingAvx2.Freeze(a);
        }
        else
        {
            MlDsaRoundingScalar.Freeze(a);
        }
    }
}
