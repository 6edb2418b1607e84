// AVX2 twin of MlKemNttScalar: the same signatures, the same arithmetic lane by lane, so the outputs are
// bit-identical (the differential tests in tests/.../Differential/MlKemNttDifferentialTests.cs check this).
//
// Montgomery multiplication by a constant ζ (ζ' = ζ·q^-1 mod 2^16 precomputed):
//     fqmul(a, ζ) = mulhi(a, ζ) − mulhi(mullo(a, ζ'), q)
// which equals (a·ζ − t·q) >> 16 with t = (a·ζ)·q^-1 mod 2^16 exactly, because the low halves cancel.
// Barrett: t = (mulhi(a, v) + 2^9) >> 10 = (a·v + 2^25) >> 26 (nested floor division), r = a − t·q.
//
// Layers with len ≥ 16 butterfly whole vectors. The last three layers work inside vectors on pairs of vectors
// X, Y (32 consecutive coefficients), regrouped so that every butterfly pairs lane i of L with lane i of H:
//     len 8:  L = (X.lo128, Y.lo128),  H = (X.hi128, Y.hi128)                    (Permute2x128)
//     len 4:  L = unpacklo64(X, Y),    H = unpackhi64(X, Y)
//     len 2:  L = blend32(X, Y << 32), H = blend32(X >> 32, Y)
// and the per-lane ζ vectors are laid out in that order at start-up. The regroupings and the ζ layout are
// Simd/NttPairs, shared with MlDsaNttAvx2 (the same bit movements on 32-bit coefficients).

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native.MlKem;

/// <summary>AVX2 ML-KEM NTT kernels (Vector256&lt;short&gt;, 16 coefficients a vector).</summary>
internal static class MlKemNttAvx2
{
    // Per-lane zetas (and zeta·q^-1) for the in-vector layers, forward and inverse, 8 vectors (128 lanes) per layer.
    private static readonly short[] s_forwardLayerZetas = BuildInVectorZetas(inverse: false, out s_forwardLayerZetasQinv);
    private static readonly short[] s_forwardLayerZetasQinv;
    private static readonly short[] s_inverseLayerZetas = BuildInVectorZetas(inverse: true, out s_inverseLayerZetasQinv);
    private static readonly short[] s_inverseLayerZetasQinv;
    private static readonly short[] s_gammas = BuildGammas(out s_gammasQinv);
    private static readonly short[] s_gammasQinv;

    // NoInlining on the two transforms (as in MlDsaNttAvx2): inlined whole into the dispatcher (MlKemNtt) by the
    // tier-1 JIT, the deep AggressiveInlining chain of Simd.NttPairs ran out of inlining budget and left MulMont,
    // Regroup128 and BarrettReduce as real calls (the inverse NTT took twice as long); as its own method the
    // transform inlines them all. One call per 256 coefficients costs nothing.
    /// <inheritdoc cref="MlKemNttScalar.Ntt"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Ntt(Span<short> f)
    {
        CheckLength(f);
        ref short r = ref MemoryMarshal.GetReference(f);
        short[] zetas = MlKemField.Zetas;
        int k = 1;

        // Layers len = 128, 64, 32, 16: whole-vector butterflies.
        for (int len = 128; len >= 16; len >>= 1)
        {
            for (int start = 0; start < 256; start += 2 * len)
            {
                short zeta = zetas[k++];
                Vector256<short> z = Vector256.Create(zeta);
                Vector256<short> zq = Vector256.Create(unchecked((short)(zeta * MlKemField.QInv)));
                for (int j = start; j < start + len; j += 16)
                {
                    Vector256<short> a = Load(ref r, j);
                    Vector256<short> b = Load(ref r, j + len);
                    Vector256<short> t = MulMont(b, z, zq);
                    Store(Avx2.Subtract(a, t), ref r, j + len);
                    Store(Avx2.Add(a, t), ref r, j);
                }
            }
        }

        // Layers len = 8, 4, 2 on pairs of vectors.
        ref short zr = ref MemoryMarshal.GetArrayDataReference(s_forwardLayerZetas);
        ref short zqr = ref MemoryMarshal.GetArrayDataReference(s_forwardLayerZetasQinv);
        Simd.NttPairs.Forward<short, PairButterflies>(ref r, ref zr, ref zqr);
    }

    /// <inheritdoc cref="MlKemNttScalar.InverseNtt"/>
    [MethodImpl(MethodImplOptions.NoInlining)] // see Ntt
    internal static void InverseNtt(Span<short> f)
    {
        CheckLength(f);
        ref short r = ref MemoryMarshal.GetReference(f);

        // Layers len = 2, 4, 8 on pairs of vectors (the inverse regrouping of Ntt).
        ref short zr = ref MemoryMarshal.GetArrayDataReference(s_inverseLayerZetas);
        ref short zqr = ref MemoryMarshal.GetArrayDataReference(s_inverseLayerZetasQinv);
        Simd.NttPairs.Inverse<short, PairButterflies>(ref r, ref zr, ref zqr);

        // Layers len = 16 .. 128: whole-vector butterflies. As in the scalar code (k runs down from 127), block b of
        // layer len uses ζ index 2·blocks − 1 − b with blocks = 256 / (2·len).
        short[] zetas = MlKemField.Zetas;
        for (int len = 16; len <= 128; len <<= 1)
        {
            int blocks = 256 / (2 * len);
            for (int start = 0; start < 256; start += 2 * len)
            {
                short zeta = zetas[(2 * blocks) - 1 - (start / (2 * len))];
                Vector256<short> z = Vector256.Create(zeta);
                Vector256<short> zq = Vector256.Create(unchecked((short)(zeta * MlKemField.QInv)));
                for (int j = start; j < start + len; j += 16)
                {
                    Vector256<short> a = Load(ref r, j);
                    Vector256<short> b = Load(ref r, j + len);
                    Store(BarrettReduce(Avx2.Add(a, b)), ref r, j);
                    Store(MulMont(Avx2.Subtract(b, a), z, zq), ref r, j + len);
                }
            }
        }

        Vector256<short> scale = Vector256.Create(MlKemField.InverseNttScale);
        Vector256<short> scaleQ = Vector256.Create(unchecked((short)(MlKemField.InverseNttScale * MlKemField.QInv)));
        for (int j = 0; j < 256; j += 16)
        {
            Store(MulMont(Load(ref r, j), scale, scaleQ), ref r, j);
        }
    }

    /// <inheritdoc cref="MlKemNttScalar.MultiplyAccumulate"/>
    internal static void MultiplyAccumulate(ReadOnlySpan<short> a, ReadOnlySpan<short> b, Span<short> r)
    {
        CheckLength(a);
        CheckLength(b);
        CheckLength(r);
        ref short ra = ref MemoryMarshal.GetReference(a);
        ref short rb = ref MemoryMarshal.GetReference(b);
        ref short rr = ref MemoryMarshal.GetReference(r);
        ref short rg = ref MemoryMarshal.GetArrayDataReference(s_gammas);
        ref short rgq = ref MemoryMarshal.GetArrayDataReference(s_gammasQinv);
        for (int j = 0; j < 256; j += 16)
        {
            Vector256<short> va = Load(ref ra, j);
            Vector256<short> vb = Load(ref rb, j);

            // P = (a0b0, a1b1, ...); Q = (a0b1, a1b0, ...) with b's pairs swapped.
            Vector256<short> p = MulMontVar(va, vb);
            Vector256<uint> vb32 = vb.AsUInt32();
            Vector256<short> bSwapped = Avx2.Or(Avx2.ShiftLeftLogical(vb32, 16), Avx2.ShiftRightLogical(vb32, 16)).AsInt16();
            Vector256<short> q = MulMontVar(va, bSwapped);

            // Even lanes: c0 = fqmul(fqmul(a1, b1), γ) + fqmul(a0, b0). Odd lanes: c1 = fqmul(a0, b1) + fqmul(a1, b0).
            Vector256<short> a1b1 = Avx2.ShiftRightLogical(p.AsUInt32(), 16).AsInt16();
            Vector256<short> even = Avx2.Add(p, MulMont(a1b1, Load(ref rg, j), Load(ref rgq, j)));
            Vector256<short> odd = Avx2.Add(q, Avx2.ShiftLeftLogical(q.AsUInt32(), 16).AsInt16());
            Vector256<short> c = Avx2.Blend(even, odd, 0xAA);
            Store(Avx2.Add(Load(ref rr, j), c), ref rr, j);
        }
    }

    /// <inheritdoc cref="MlKemNttScalar.Reduce"/>
    internal static void Reduce(Span<short> f)
    {
        ref short r = ref MemoryMarshal.GetReference(f);
        int j = 0;
        for (; j + 16 <= f.Length; j += 16)
        {
            Store(BarrettReduce(Load(ref r, j)), ref r, j);
        }

        for (; j < f.Length; j++)
        {
            f[j] = MlKemField.BarrettReduce(f[j]);
        }
    }

    /// <inheritdoc cref="MlKemNttScalar.ToMontgomery"/>
    internal static void ToMontgomery(Span<short> f)
    {
        ref short r = ref MemoryMarshal.GetReference(f);
        Vector256<short> m = Vector256.Create(MlKemField.MontR2);
        Vector256<short> mq = Vector256.Create(unchecked((short)(MlKemField.MontR2 * MlKemField.QInv)));
        int j = 0;
        for (; j + 16 <= f.Length; j += 16)
        {
            Store(MulMont(Load(ref r, j), m, mq), ref r, j);
        }

        for (; j < f.Length; j++)
        {
            f[j] = MlKemField.MultiplyMontgomery(f[j], MlKemField.MontR2);
        }
    }

    /// <inheritdoc cref="MlKemNttScalar.Add"/>
    internal static void Add(Span<short> r, ReadOnlySpan<short> a) => Simd.ElementWise.Add(r, a);

    /// <inheritdoc cref="MlKemNttScalar.SubtractFrom"/>
    internal static void SubtractFrom(ReadOnlySpan<short> a, Span<short> r) => Simd.ElementWise.Subtract(a, r, r);

    // The butterflies of the in-vector layers, with the per-lane ζ and ζ·q^-1 tables, for Simd.NttPairs.
    private readonly struct PairButterflies : Simd.NttPairs.IPairButterflies<short>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Forward(ref Vector256<short> l, ref Vector256<short> h, ref short zetas, ref short zetasQinv, int offset) =>
            Butterfly(ref l, ref h, ref zetas, ref zetasQinv, offset);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Inverse(ref Vector256<short> l, ref Vector256<short> h, ref short zetas, ref short zetasQinv, int offset) =>
            InverseButterfly(ref l, ref h, ref zetas, ref zetasQinv, offset);

        // FIPS 203's NTT output is Barrett-reduced (|f[i]| ≤ (q − 1)/2, MlKemNttScalar.Ntt).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<short> FinishForward(Vector256<short> v) => BarrettReduce(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterfly(ref Vector256<short> l, ref Vector256<short> h, ref short zetas, ref short zetasQinv, int offset)
    {
        Vector256<short> t = MulMont(h, Load(ref zetas, offset), Load(ref zetasQinv, offset));
        h = Avx2.Subtract(l, t);
        l = Avx2.Add(l, t);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InverseButterfly(ref Vector256<short> l, ref Vector256<short> h, ref short zetas, ref short zetasQinv, int offset)
    {
        Vector256<short> t = l;
        l = BarrettReduce(Avx2.Add(t, h));
        h = MulMont(Avx2.Subtract(h, t), Load(ref zetas, offset), Load(ref zetasQinv, offset));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> MulMont(Vector256<short> a, Vector256<short> z, Vector256<short> zQinv)
    {
        Vector256<short> hi = Avx2.MultiplyHigh(a, z);
        Vector256<short> t = Avx2.MultiplyLow(a, zQinv);
        return Avx2.Subtract(hi, Avx2.MultiplyHigh(t, Vector256.Create(MlKemField.Q)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> MulMontVar(Vector256<short> a, Vector256<short> b)
    {
        Vector256<short> hi = Avx2.MultiplyHigh(a, b);
        Vector256<short> t = Avx2.MultiplyLow(Avx2.MultiplyLow(a, b), Vector256.Create(MlKemField.QInv));
        return Avx2.Subtract(hi, Avx2.MultiplyHigh(t, Vector256.Create(MlKemField.Q)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> BarrettReduce(Vector256<short> a)
    {
        Vector256<short> t = Avx2.MultiplyHigh(a, Vector256.Create(MlKemField.BarrettV));
        t = Avx2.ShiftRightArithmetic(Avx2.Add(t, Vector256.Create((short)512)), 10);
        return Avx2.Subtract(a, Avx2.MultiplyLow(t, Vector256.Create(MlKemField.Q)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> Load(ref short r, int offset) => Vector256.LoadUnsafe(ref r, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<short> v, ref short r, int offset) => v.StoreUnsafe(ref r, (nuint)offset);

    private static void CheckLength(ReadOnlySpan<short> f)
    {
        if (f.Length != 256)
        {
            throw new ArgumentException("An ML-KEM polynomial has 256 coefficients.", nameof(f));
        }
    }

    /// <summary>Lays out the ζ (and ζ·q^-1) of layers len = 8, 4, 2 (offsets 0, 128, 256) lane by lane in the regrouped order.</summary>
    private static short[] BuildInVectorZetas(bool inverse, out short[] qinv)
    {
        var table = new short[Simd.NttPairs.TableLength];
        qinv = new short[Simd.NttPairs.TableLength];
        for (int slot = 0; slot < table.Length; slot++)
        {
            short zeta = MlKemField.Zetas[Simd.NttPairs.ZetaIndex(16, slot, inverse)];
            table[slot] = zeta;
            qinv[slot] = unchecked((short)(zeta * MlKemField.QInv));
        }

        return table;
    }

    /// <summary>γ for BaseCaseMultiply in the even lane of each pair: ζ^(2·BitRev7(i)+1), i.e. ±zetas[64 + p/2].</summary>
    private static short[] BuildGammas(out short[] qinv)
    {
        var table = new short[256];
        qinv = new short[256];
        for (int p = 0; p < 128; p++)
        {
            short zeta = MlKemField.Zetas[64 + (p / 2)];
            short gamma = (p % 2 == 0) ? zeta : (short)-zeta;
            table[2 * p] = gamma;
            qinv[2 * p] = unchecked((short)(gamma * MlKemField.QInv));
        }

        return table;
    }
}
