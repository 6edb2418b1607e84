using System;

namespace FintechCrypto.Native.MlKem;

/// <summary>The ML-KEM polynomial kernels, dispatched between the AVX2 twin and the scalar reference (see Dispatch).</summary>
internal static class MlKemNtt
{
    /// <inheritdoc cref="MlKemNttScalar.Ntt"/>
    internal static void Ntt(Span<short> f)
    {
        if (Dispatch.UseAvx2)
        {
            MlKemNttAvx2.Ntt(f);
        }
        else
        {
            MlKemNttScalar.Ntt(f);
        }
    }

    /// <inheritdoc cref="MlKemNttScalar.InverseNtt"/>
    internal static void InverseNtt(Span<short> f)
    {
        if (Dispatch.UseAvx2)
        {
            MlKemNttAvx2.InverseNtt(f);
        }
        else
        {
            MlKemNttScalar.InverseNtt(f);
        }
    }

    /// <inheritdoc cref="MlKemNttScalar.MultiplyAccumulate"/>
    internal static void MultiplyAccumulate(ReadOnlySpan<short> a, ReadOnlySpan<short> b, Span<short> r)
    {
        if (Dispatch.UseAvx2)
        {
            MlKemNttAvx2.MultiplyAccumulate(a, b, r);
        }
        else
        {
            MlKemNttScalar.MultiplyAccumulate(a, b, r);
        }
    }

    /// <inheritdoc cref="MlKemNttScalar.Reduce"/>
    internal static void Reduce(Span<short> f)
    {
        if (Dispatch.UseAvx2)
        {
            MlKemNttAvx2.Reduce(f);
        }
        else
        {
            MlKemNttScalar.Reduce(f);
        }
    }

    /// <inheritdoc cref="MlKemNttScalar.ToMontgomery"/>
    internal static void ToMontgomery(Span<short> f)
    {
        if (Dispatch.UseAvx2)
        {
            MlKemNttAvx2.ToMontgomery(f);
        }
        else
        {
            MlKemNttScalar.ToMontgomery(f);
        }
    }

    /// <inheritdoc cref="MlKemNttScalar.Add"/>
    internal static void Add(Span<short> r, ReadOnlySpan<short> a)
    {
        if (Dispatch.UseAvx2)
        {
            MlKemNttAvx2.Add(r, a);
        }
        else
        {
            MlKemNttScalar.Add(r, a);
        }
    }

    /// <inheritdoc cref="MlKemNttScalar.SubtractFrom"/>
    internal static void SubtractFrom(ReadOnlySpan<short> a, Span<short> r)
    {
        if (Dispatch.UseAvx2)
        {
            MlKemNttAvx2.SubtractFrom(a, r);
        }
        else
        {
            MlKemNttScalar.SubtractFrom(a, r);
        }
    }
}
