using System;

namespace FintechCrypto.Native.MlDsa;

/// <summary>The ML-DSA polynomial kernels, dispatched between the AVX2 twin and the scalar reference (see Dispatch).</summary>
internal static class MlDsaNtt
{
    /// <inheritdoc cref="MlDsaNttScalar.Ntt"/>
    internal static void Ntt(Span<int> f)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaNttAvx2.Ntt(f);
        }
        else
        {
            MlDsaNttScalar.Ntt(f);
        }
    }

    /// <inheritdoc cref="MlDsaNttScalar.InverseNttToMont"/>
    internal static void InverseNttToMont(Span<int> f)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaNttAvx2.InverseNttToMont(f);
        }
        else
        {
            MlDsaNttScalar.InverseNttToMont(f);
        }
    }

    /// <inheritdoc cref="MlDsaNttScalar.PointwiseMontgomery"/>
    internal static void PointwiseMontgomery(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> r)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaNttAvx2.PointwiseMontgomery(a, b, r);
        }
        else
        {
            MlDsaNttScalar.PointwiseMontgomery(a, b, r);
        }
    }

    /// <inheritdoc cref="MlDsaNttScalar.PointwiseAccumulate"/>
    internal static void PointwiseAccumulate(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> r)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaNttAvx2.PointwiseAccumulate(a, b, r);
        }
        else
        {
            MlDsaNttScalar.PointwiseAccumulate(a, b, r);
        }
    }

    /// <inheritdoc cref="MlDsaNttScalar.Reduce"/>
    internal static void Reduce(Span<int> f)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaNttAvx2.Reduce(f);
        }
        else
        {
            MlDsaNttScalar.Reduce(f);
        }
    }

    /// <inheritdoc cref="MlDsaNttScalar.Add"/>
    internal static void Add(Span<int> r, ReadOnlySpan<int> a)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaNttAvx2.Add(r, a);
        }
        else
        {
            MlDsaNttScalar.Add(r, a);
        }
    }

    /// <inheritdoc cref="MlDsaNttScalar.Subtract"/>
    internal static void Subtract(Span<int> r, ReadOnlySpan<int> a)
    {
        if (Dispatch.UseAvx2)
        {
            MlDsaNttAvx2.Subtract(r, a);
        }
        else
        {
            MlDsaNttScalar.Subtract(r, a);
        }
    }

    /// <inheritdoc cref="MlDsaNttScalar.ShiftLeft"/>
    internal static void ShiftLeft(Span<int> r, int shift) => MlDsaNttScalar.ShiftLeft(r, shift);
}
