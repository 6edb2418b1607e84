// AVX2 twin of MlDsaNttScalar (same signatures, bit-identical results).
//
// Montgomery reduction of 32×32-bit products on 8 lanes, as two halves of 4 signed 64-bit products (vpmuldq):
//     t = a·b (64-bit);  m = (int32)t · q^-1 (low 32 bits);  r = (t − m·q) >> 32
// exactly the scalar MontgomeryReduce, because t − m·q is divisible by 2^32.
// Layers with len ≥ 8 butterfly whole vectors; len = 4, 2, 1 regroup pairs of vectors (X, Y) with the regroupings
// shared with MlKemNttAvx2 (Simd/NttPairs: len 4 by Permute2x128, len 2 by unpack64, len 1 by blend32 with 32-bit
// shifts), whose ζ layout NttPairs also computes.

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native.MlDsa;

/// <summary>AVX2 ML-DSA NTT kernels (Vector256&lt;int&gt;, 8 coefficients a vector).</summary>
internal static class MlDsaNttAvx2
{
    private static readonly int[] s_forwardInVector = BuildInVectorZetas(inverse: false);
    private static readonly int[] s_inverseInVector = BuildInVectorZetas(inverse: true);

    // NoInlining on the two transforms: the in-vector layers (Simd.NttPairs.Forward / Inverse → PairButterflies →
    // Butterfly → MulMont, Regroup32...) are AggressiveInlining several levels deep. Compiled as its own method the
    // transform inlines all of them, but when the tier-1 JIT inlined the whole transform into the dispatcher
    // (MlDsaNtt.Ntt) it ran out of inlining budget part way down and left MulMont and Regroup32 as real calls with
    // the vectors passed through the stack: twice the time per NTT, ~6% of ML-DSA signing. A transform is one call
    // per 256 coefficients, so keeping it a separate method costs nothing.
    /// <inheritdoc cref="MlDsaNttScalar.Ntt"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Ntt(Span<int> f)
    {
        CheckLength(f.Length);
        ref int r = ref MemoryMarshal.GetReference(f);
        int[] zetas = MlDsaField.Zetas;
        int k = 0;
        for (int len = 128; len >= 8; len >>= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                Vector256<int> z = Vector256.Create(zetas[++k]);
                for (int j = start; j < start + len; j += 8)
                {
                    Vector256<int> a = Load(ref r, j);
                    Vector256<int> t = MulMont(z, Load(ref r, j + len));
                    Store(Avx2.Subtract(a, t), ref r, j + len);
                    Store(Avx2.Add(a, t), ref r, j);
                }
            }
        }

        ref int zr = ref MemoryMarshal.GetArrayDataReference(s_forwardInVector);
        Simd.NttPairs.Forward<int, PairButterflies>(ref r, ref zr, ref zr);
    }

    /// <inheritdoc cref="MlDsaNttScalar.InverseNttToMont"/>
    [MethodImpl(MethodImplOptions.NoInlining)] // see Ntt
    internal static void InverseNttToMont(Span<int> f)
    {
        CheckLength(f.Length);
        ref int r = ref MemoryMarshal.GetReference(f);
        ref int zr = ref MemoryMarshal.GetArrayDataReference(s_inverseInVector);
        Simd.NttPairs.Inverse<int, PairButterflies>(ref r, ref zr, ref zr);

        // Layers len = 8 .. 128: block b of layer len uses −zetas[2·blocks − 1 − b], blocks = 256 / (2·len).
        int[] zetas = MlDsaField.Zetas;
        for (int len = 8; len < 256; len <<= 1)
        {
            int blocks = 256 / (2 * len);
            for (int start = 0; start < 256; start += 2 * len)
            {
                Vector256<int> z = Vector256.Create(-zetas[(2 * blocks) - 1 - (start / (2 * len))]);
                for (int j = start; j < start + len; j += 8)
                {
                    Vector256<int> a = Load(ref r, j);
                    Vector256<int> b = Load(ref r, j + len);
                    Store(Avx2.Add(a, b), ref r, j);
                    Store(MulMont(z, Avx2.Subtract(a, b)), ref r, j + len);
                }
            }
        }

        Vector256<int> scale = Vector256.Create(MlDsaField.InverseNttScale);
        for (int j = 0; j < 256; j += 8)
        {
            Store(MulMont(scale, Load(ref r, j)), ref r, j);
        }
    }

    /// <inheritdoc cref="MlDsaNttScalar.PointwiseMontgomery"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void PointwiseMontgomery(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> r) => Pointwise(a, b, r, accumulate: false);

    /// <inheritdoc cref="MlDsaNttScalar.PointwiseAccumulate"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void PointwiseAccumulate(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> r) => Pointwise(a, b, r, accumulate: true);

    // r = a ∘ b, or r += a ∘ b, 8 lanes at a time, then the scalar twin on the tail. Inlined into the two entry points
    // with accumulate a constant, so each keeps only its own loop body; the entry points stay calls of their own (as
    // when each had its loop written out) so that a caller inlining them cannot exhaust the budget before MulMont.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pointwise(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> r, bool accumulate)
    {
        ref int ra = ref MemoryMarshal.GetReference(a);
        ref int rb = ref MemoryMarshal.GetReference(b);
        ref int rr = ref MemoryMarshal.GetReference(r);
        int i = 0;
        for (; i + 8 <= r.Length; i += 8)
        {
            Vector256<int> product = MulMont(Load(ref ra, i), Load(ref rb, i));
            Store(accumulate ? Avx2.Add(Load(ref rr, i), product) : product, ref rr, i);
        }

        if (accumulate)
        {
            MlDsaNttScalar.PointwiseAccumulate(a[i..], b[i..], r[i..]);
        }
        else
        {
            MlDsaNttScalar.PointwiseMontgomery(a[i..], b[i..], r[i..]);
        }
    }

    /// <inheritdoc cref="MlDsaNttScalar.Reduce"/>
    internal static void Reduce(Span<int> f)
    {
        ref int r = ref MemoryMarshal.GetReference(f);
        int i = 0;
        for (; i + 8 <= f.Length; i += 8)
        {
            Vector256<int> a = Load(ref r, i);
            Vector256<int> t = Avx2.ShiftRightArithmetic(Avx2.Add(a, Vector256.Create(1 << 22)), 23);
            Store(Avx2.Subtract(a, Avx2.MultiplyLow(t, Vector256.Create(MlDsaField.Q))), ref r, i);
        }

        MlDsaNttScalar.Reduce(f[i..]);
    }

    /// <inheritdoc cref="MlDsaNttScalar.Add"/>
    internal static void Add(Span<int> r, ReadOnlySpan<int> a) => Simd.ElementWise.Add(r, a);

    /// <inheritdoc cref="MlDsaNttScalar.Subtract"/>
    internal static void Subtract(Span<int> r, ReadOnlySpan<int> a) => Simd.ElementWise.Subtract(r, a, r);

    // The butterflies of the in-vector layers for Simd.NttPairs (32-bit Montgomery needs no ζ·q^-1 table).
    private readonly struct PairButterflies : Simd.NttPairs.IPairButterflies<int>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Forward(ref Vector256<int> l, ref Vector256<int> h, ref int zetas, ref int zetasQinv, int offset) =>
            Butterfly(ref l, ref h, Load(ref zetas, offset));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Inverse(ref Vector256<int> l, ref Vector256<int> h, ref int zetas, ref int zetasQinv, int offset) =>
            InverseButterfly(ref l, ref h, Load(ref zetas, offset));

        // FIPS 204's NTT leaves the coefficients unreduced (|f[i]| < 9q, MlDsaNttScalar.Ntt).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<int> FinishForward(Vector256<int> v) => v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(ref Vector256<int> l, ref Vector256<int> h, Vector256<int> z)
    {
        Vector256<int> t = MulMont(z, h);
        h = Avx2.Subtract(l, t);
        l = Avx2.Add(l, t);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InverseButterfly(ref Vector256<int> l, ref Vector256<int> h, Vector256<int> z)
    {
        Vector256<int> t = l;
        l = Avx2.Add(t, h);
        h = MulMont(z, Avx2.Subtract(t, h));
    }

    /// <summary>MontgomeryReduce(a·b) on 8 lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> MulMont(Vector256<int> a, Vector256<int> b)
    {
        Vector256<int> q = Vector256.Create(MlDsaField.Q);
        Vector256<int> qinv = Vector256.Create(MlDsaField.QInv);
        Vector256<int> aOdd = Avx2.ShiftRightLogical(a.AsInt64(), 32).AsInt32();
        Vector256<int> bOdd = Avx2.ShiftRightLogical(b.AsInt64(), 32).AsInt32();
        Vector256<long> tEven = Avx2.Multiply(a, b);
        Vector256<long> tOdd = Avx2.Multiply(aOdd, bOdd);
        Vector256<long> mEven = Avx2.Multiply(Avx2.Multiply(tEven.AsInt32(), qinv).AsInt32(), q);
        Vector256<long> mOdd = Avx2.Multiply(Avx2.Multiply(tOdd.AsInt32(), qinv).AsInt32(), q);
        Vector256<int> rEven = Avx2.ShiftRightLogical(Avx2.Subtract(tEven, mEven), 32).AsInt32();
        Vector256<int> rOdd = Avx2.Subtract(tOdd, mOdd).AsInt32();
        return Avx2.Blend(rEven, rOdd, 0xAA);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Load(ref int r, int offset) => Vector256.LoadUnsafe(ref r, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<int> v, ref int r, int offset) => v.StoreUnsafe(ref r, (nuint)offset);

    private static void CheckLength(int length)
    {
        if (length != 256)
        {
            throw new ArgumentException("An ML-DSA polynomial has 256 coefficients.");
        }
    }

    /// <summary>Per-lane ζ for the in-vector layers len = 4, 2, 1 (offsets 0, 128, 256), forward or inverse (negated).</summary>
    private static int[] BuildInVectorZetas(bool inverse)
    {
        var table = new int[Simd.NttPairs.TableLength];
        for (int slot = 0; slot < table.Length; slot++)
        {
            int zeta = MlDsaField.Zetas[Simd.NttPairs.ZetaIndex(8, slot, inverse)];
            table[slot] = inverse ? -zeta : zeta;
        }

        return table;
    }
}
