// AVX2 twin of MlDsaNttScalar (same signatures, bit-identical results).
//
// Montgomery reduction of 32×32-bit products on 8 lanes, as two halves of 4 signed 64-bit products (vpmuldq):
//     t = a·b (64-bit);  m = (int32)t · q^-1 (low 32 bits);  r = (t − m·q) >> 32
// exactly the scalar MontgomeryReduce, because t − m·q is divisible by 2^32.
// Layers with len ≥ 8 butterfly whole vectors; len = 4, 2, 1 regroup pairs of vectors (X, Y) as in MlKemNttAvx2,
// one level wider: len 4 by Permute2x128, len 2 by unpack64, len 1 by blend32 with 32-bit shifts.

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

    /// <inheritdoc cref="MlDsaNttScalar.Ntt"/>
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
        for (int pair = 0; pair < 16; pair++)
        {
            int o = pair * 16;
            Vector256<int> x = Load(ref r, o);
            Vector256<int> y = Load(ref r, o + 8);

            Vector256<int> l = Avx2.Permute2x128(x, y, 0x20);
            Vector256<int> h = Avx2.Permute2x128(x, y, 0x31);
            Butterfly(ref l, ref h, Load(ref zr, (0 * 128) + (pair * 8)));
            x = Avx2.Permute2x128(l, h, 0x20);
            y = Avx2.Permute2x128(l, h, 0x31);

            l = Avx2.UnpackLow(x.AsInt64(), y.AsInt64()).AsInt32();
            h = Avx2.UnpackHigh(x.AsInt64(), y.AsInt64()).AsInt32();
            Butterfly(ref l, ref h, Load(ref zr, (1 * 128) + (pair * 8)));
            x = Avx2.UnpackLow(l.AsInt64(), h.AsInt64()).AsInt32();
            y = Avx2.UnpackHigh(l.AsInt64(), h.AsInt64()).AsInt32();

            l = Avx2.Blend(x, Avx2.ShiftLeftLogical(y.AsInt64(), 32).AsInt32(), 0xAA);
            h = Avx2.Blend(Avx2.ShiftRightLogical(x.AsInt64(), 32).AsInt32(), y, 0xAA);
            Butterfly(ref l, ref h, Load(ref zr, (2 * 128) + (pair * 8)));
            x = Avx2.Blend(l, Avx2.ShiftLeftLogical(h.AsInt64(), 32).AsInt32(), 0xAA);
            y = Avx2.Blend(Avx2.ShiftRightLogical(l.AsInt64(), 32).AsInt32(), h, 0xAA);

            Store(x, ref r, o);
            Store(y, ref r, o + 8);
        }
    }

    /// <inheritdoc cref="MlDsaNttScalar.InverseNttToMont"/>
    internal static void InverseNttToMont(Span<int> f)
    {
        CheckLength(f.Length);
        ref int r = ref MemoryMarshal.GetReference(f);
        ref int zr = ref MemoryMarshal.GetArrayDataReference(s_inverseInVector);
        for (int pair = 0; pair < 16; pair++)
        {
            int o = pair * 16;
            Vector256<int> x = Load(ref r, o);
            Vector256<int> y = Load(ref r, o + 8);

            Vector256<int> l = Avx2.Blend(x, Avx2.ShiftLeftLogical(y.AsInt64(), 32).AsInt32(), 0xAA);
            Vector256<int> h = Avx2.Blend(Avx2.ShiftRightLogical(x.AsInt64(), 32).AsInt32(), y, 0xAA);
            InverseButterfly(ref l, ref h, Load(ref zr, (2 * 128) + (pair * 8)));
            x = Avx2.Blend(l, Avx2.ShiftLeftLogical(h.AsInt64(), 32).AsInt32(), 0xAA);
            y = Avx2.Blend(Avx2.ShiftRightLogical(l.AsInt64(), 32).AsInt32(), h, 0xAA);

            l = Avx2.UnpackLow(x.AsInt64(), y.AsInt64()).AsInt32();
            h = Avx2.UnpackHigh(x.AsInt64(), y.AsInt64()).AsInt32();
            InverseButterfly(ref l, ref h, Load(ref zr, (1 * 128) + (pair * 8)));
            x = Avx2.UnpackLow(l.AsInt64(), h.AsInt64()).AsInt32();
            y = Avx2.UnpackHigh(l.AsInt64(), h.AsInt64()).AsInt32();

            l = Avx2.Permute2x128(x, y, 0x20);
            h = Avx2.Permute2x128(x, y, 0x31);
            InverseButterfly(ref l, ref h, Load(ref zr, (0 * 128) + (pair * 8)));
            x = Avx2.Permute2x128(l, h, 0x20);
            y = Avx2.Permute2x128(l, h, 0x31);

            Store(x, ref r, o);
            Store(y, ref r, o + 8);
        }

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
    internal static void PointwiseMontgomery(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> r)
    {
        ref int ra = ref MemoryMarshal.GetReference(a);
        ref int rb = ref MemoryMarshal.GetReference(b);
        ref int rr = ref MemoryMarshal.GetReference(r);
        int i = 0;
        for (; i + 8 <= r.Length; i += 8)
        {
            Store(MulMont(Load(ref ra, i), Load(ref rb, i)), ref rr, i);
        }

        for (; i < r.Length; i++)
        {
            r[i] = MlDsaField.MultiplyMontgomery(a[i], b[i]);
        }
    }

    /// <inheritdoc cref="MlDsaNttScalar.PointwiseAccumulate"/>
    internal static void PointwiseAccumulate(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> r)
    {
        ref int ra = ref MemoryMarshal.GetReference(a);
        ref int rb = ref MemoryMarshal.GetReference(b);
        ref int rr = ref MemoryMarshal.GetReference(r);
        int i = 0;
        for (; i + 8 <= r.Length; i += 8)
        {
            Store(Avx2.Add(Load(ref rr, i), MulMont(Load(ref ra, i), Load(ref rb, i))), ref rr, i);
        }

        for (; i < r.Length; i++)
        {
            r[i] += MlDsaField.MultiplyMontgomery(a[i], b[i]);
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
    internal static void Add(Span<int> r, ReadOnlySpan<int> a)
    {
        ref int rr = ref MemoryMarshal.GetReference(r);
        ref int ra = ref MemoryMarshal.GetReference(a);
        int i = 0;
        for (; i + 8 <= r.Length; i += 8)
        {
            Store(Avx2.Add(Load(ref rr, i), Load(ref ra, i)), ref rr, i);
        }

        MlDsaNttScalar.Add(r[i..], a[i..]);
    }

    /// <inheritdoc cref="MlDsaNttScalar.Subtract"/>
    internal static void Subtract(Span<int> r, ReadOnlySpan<int> a)
    {
        ref int rr = ref MemoryMarshal.GetReference(r);
        ref int ra = ref MemoryMarshal.GetReference(a);
        int i = 0;
        for (; i + 8 <= r.Length; i += 8)
        {
            Store(Avx2.Subtract(Load(ref rr, i), Load(ref ra, i)), ref rr, i);
        }

        MlDsaNttScalar.Subtract(r[i..], a[i..]);
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
        var table = new int[3 * 128];
        int[] lens = { 4, 2, 1 };
        for (int layer = 0; layer < 3; layer++)
        {
            int len = lens[layer];
            int blocks = 256 / (2 * len);
            for (int pair = 0; pair < 16; pair++)
            {
                int pairStart = pair * 16;
                for (int lane = 0; lane < 8; lane++)
                {
                    int low = LowCoefficientOfLane(len, lane, pairStart);
                    int block = low / (2 * len);
                    table[(layer * 128) + (pair * 8) + lane] = inverse
                        ? -MlDsaField.Zetas[(2 * blocks) - 1 - block]
                        : MlDsaField.Zetas[blocks + block];
                }
            }
        }

        return table;
    }

    private static int LowCoefficientOfLane(int len, int lane, int pairStart)
    {
        // x = coefficients pairStart .. +7, y = pairStart + 8 .. +15.
        switch (len)
        {
            case 4:
                return lane < 4 ? pairStart + lane : pairStart + 8 + (lane - 4);
            case 2:
            {
                int half = lane / 4;
                int within = lane % 4;
                int source = within < 2 ? pairStart : pairStart + 8;
                return source + (4 * half) + (within % 2);
            }

            default:
                // blend32(x, y << 32): even slots from x (slot s), odd slots from y (slot s − 1).
                return lane % 2 == 0 ? pairStart + lane : pairStart + 8 + (lane - 1);
        }
    }
}
