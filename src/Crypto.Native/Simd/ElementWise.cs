// ElementWise: coefficient-wise addition and subtraction of polynomials, 256 bits at a time with the portable
// Vector256<T> operators (vpaddw / vpaddd, vpsubw / vpsubd), then any tail one coefficient at a time. Wrapping, no
// reduction, the same as the scalar loops of MlKemNttScalar and MlDsaNttScalar, which are the reference twins; shared
// by the ML-KEM (16-bit) and ML-DSA (32-bit) AVX2 kernels. Caller contract: Dispatch.UseAvx2.

using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FintechCrypto.Native.Simd;

/// <summary>Coefficient-wise r += a and r = x − y on Vector256 (wrapping).</summary>
internal static class ElementWise
{
    /// <summary>r[i] += a[i] for i below r.Length (a at least as long).</summary>
    internal static void Add<T>(Span<T> r, ReadOnlySpan<T> a)
        where T : unmanaged, IBinaryInteger<T>
    {
        ref T rr = ref MemoryMarshal.GetReference(r);
        ref T ra = ref MemoryMarshal.GetReference(a);
        int i = 0;
        for (; i + Vector256<T>.Count <= r.Length; i += Vector256<T>.Count)
        {
            (Vector256.LoadUnsafe(ref rr, (nuint)i) + Vector256.LoadUnsafe(ref ra, (nuint)i)).StoreUnsafe(ref rr, (nuint)i);
        }

        for (; i < r.Length; i++)
        {
            r[i] += a[i];
        }
    }

    /// <summary>r[i] = x[i] − y[i] for i below r.Length; r may be x or y.</summary>
    internal static void Subtract<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> r)
        where T : unmanaged, IBinaryInteger<T>
    {
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T ry = ref MemoryMarshal.GetReference(y);
        ref T rr = ref MemoryMarshal.GetReference(r);
        int i = 0;
        for (; i + Vector256<T>.Count <= r.Length; i += Vector256<T>.Count)
        {
            (Vector256.LoadUnsafe(ref rx, (nuint)i) - Vector256.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref rr, (nuint)i);
        }

        for (; i < r.Length; i++)
        {
            r[i] = x[i] - y[i];
        }
    }
}
