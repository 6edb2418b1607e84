// AVX2 twin of MlDsaRoundingScalar: the same formulas on eight 32-bit lanes, so the results are identical
// (the differential tests compare them on random and edge inputs).

using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native.MlDsa;

/// <summary>AVX2 ML-DSA rounding kernels.</summary>
internal static class MlDsaRoundingAvx2
{
    /// <inheritdoc cref="MlDsaRoundingScalar.Power2Round"/>
    internal static void Power2Round(ReadOnlySpan<int> t, Span<int> t1, Span<int> t0)
    {
        Check(t.Length, t1.Length, t0.Length);
        ref int rt = ref MemoryMarshal.GetReference(t);
        ref int r1 = ref MemoryMarshal.GetReference(t1);
        ref int r0 = ref MemoryMarshal.GetReference(t0);
        for (int i = 0; i < t.Length; i += 8)
        {
            Vector256<int> a = Load(ref rt, i);
            Vector256<int> a1 = Avx2.ShiftRightArithmetic(Avx2.Add(a, Vector256.Create((1 << 12) - 1)), 13);
            Store(Avx2.Subtract(a, Avx2.ShiftLeftLogical(a1, 13)), ref r0, i);
            Store(a1, ref r1, i);
        }
    }

    /// <inheritdoc cref="MlDsaRoundingScalar.HighBits"/>
    internal static void HighBits(ReadOnlySpan<int> a, Span<int> a1, int gamma2)
    {
        Check(a.Length, a1.Length, a1.Length);
        ref int ra = ref MemoryMarshal.GetReference(a);
        ref int r1 = ref MemoryMarshal.GetReference(a1);
        for (int i = 0; i < a.Length; i += 8)
        {
            Store(Decompose(Load(ref ra, i), gamma2, out _), ref r1, i);
        }
    }

    /// <inheritdoc cref="MlDsaRoundingScalar.LowBits"/>
    internal static void LowBits(ReadOnlySpan<int> a, Span<int> a0, int gamma2)
    {
        Check(a.Length, a0.Length, a0.Length);
        ref int ra = ref MemoryMarshal.GetReference(a);
        ref int r0 = ref MemoryMarshal.GetReference(a0);
        for (int i = 0; i < a.Length; i += 8)
        {
            Decompose(Load(ref ra, i), gamma2, out Vector256<int> low);
            Store(low, ref r0, i);
        }
    }

    /// <inheritdoc cref="MlDsaRoundingScalar.MakeHint"/>
    internal static int MakeHint(ReadOnlySpan<int> r, ReadOnlySpan<int> rPlusZ, Span<int> h, int gamma2)
    {
        Check(r.Length, rPlusZ.Length, h.Length);
        ref int rr = ref MemoryMarshal.GetReference(r);
        ref int rz = ref MemoryMarshal.GetReference(rPlusZ);
        ref int rh = ref MemoryMarshal.GetReference(h);
        int ones = 0;
        for (int i = 0; i < r.Length; i += 8)
        {
            Vector256<int> r1 = Decompose(Load(ref rr, i), gamma2, out _);
            Vector256<int> v1 = Decompose(Load(ref rz, i), gamma2, out _);
            Vector256<int> different = Avx2.AndNot(Avx2.CompareEqual(r1, v1), Vector256.Create(-1));
            Store(Avx2.ShiftRightLogical(different, 31), ref rh, i);
            ones += BitOperations.PopCount((uint)Avx.MoveMask(different.AsSingle()));
        }

        return ones;
    }

    /// <inheritdoc cref="MlDsaRoundingScalar.UseHint"/>
    internal static void UseHint(ReadOnlySpan<int> h, ReadOnlySpan<int> r, Span<int> r1, int gamma2)
    {
        Check(h.Length, r.Length, r1.Length);
        ref int rh = ref MemoryMarshal.GetReference(h);
        ref int rr = ref MemoryMarshal.GetReference(r);
        ref int ro = ref MemoryMarshal.GetReference(r1);
        Vector256<int> m = Vector256.Create((MlDsaField.Q - 1) / (2 * gamma2));
        Vector256<int> one = Vector256.Create(1);
        for (int i = 0; i < r.Length; i += 8)
        {
            Vector256<int> a1 = Decompose(Load(ref rr, i), gamma2, out Vector256<int> a0);
            Vector256<int> up = Avx2.CompareGreaterThan(a0, Vector256<int>.Zero);          // a0 > 0
            Vector256<int> adjusted = Avx2.BlendVariable(Avx2.Subtract(a1, one), Avx2.Add(a1, one), up);
            adjusted = Avx2.AndNot(Avx2.CompareEqual(adjusted, m), adjusted);                // m → 0
            Vector256<int> minusOne = Avx2.CompareEqual(adjusted, Vector256.Create(-1));
            adjusted = Avx2.BlendVariable(adjusted, Avx2.Subtract(m, one), minusOne);        // −1 → m − 1
            Vector256<int> hint = Avx2.CompareEqual(Load(ref rh, i), Vector256<int>.Zero);
            Store(Avx2.BlendVariable(adjusted, a1, hint), ref ro, i);
        }
    }

    /// <inheritdoc cref="MlDsaRoundingScalar.NormAtLeast"/>
    internal static bool NormAtLeast(ReadOnlySpan<int> a, int bound)
    {
        ref int ra = ref MemoryMarshal.GetReference(a);
        Vector256<int> limit = Vector256.Create(bound - 1);
        Vector256<int> exceeded = Vector256<int>.Zero;
        int i = 0;
        for (; i + 8 <= a.Length; i += 8)
        {
            Vector256<int> x = Center(Freeze(Load(ref ra, i)));
            exceeded = Avx2.Or(exceeded, Avx2.CompareGreaterThan(Avx2.Abs(x).AsInt32(), limit));
        }

        bool tail = i < a.Length && MlDsaRoundingScalar.NormAtLeast(a[i..], bound);
        return !Avx.TestZ(exceeded, exceeded) || tail;
    }

    /// <inheritdoc cref="MlDsaRoundingScalar.Freeze"/>
    internal static void Freeze(Span<int> a)
    {
        ref int ra = ref MemoryMarshal.GetReference(a);
        int i = 0;
        for (; i + 8 <= a.Length; i += 8)
        {
            Store(Freeze(Load(ref ra, i)), ref ra, i);
        }

        MlDsaRoundingScalar.Freeze(a[i..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Decompose(Vector256<int> a, int gamma2, out Vector256<int> a0)
    {
        Vector256<int> a1 = Avx2.ShiftRightArithmetic(Avx2.Add(a, Vector256.Create(127)), 7);
        if (gamma2 == MlDsaRoundingScalar.Gamma2Large)
        {
            a1 = Avx2.ShiftRightArithmetic(Avx2.Add(Avx2.MultiplyLow(a1, Vector256.Create(1025)), Vector256.Create(1 << 21)), 22);
            a1 = Avx2.And(a1, Vector256.Create(15));
        }
        else
        {
            a1 = Avx2.ShiftRightArithmetic(Avx2.Add(Avx2.MultiplyLow(a1, Vector256.Create(11275)), Vector256.Create(1 << 23)), 24);
            Vector256<int> wrap = Avx2.ShiftRightArithmetic(Avx2.Subtract(Vector256.Create(43), a1), 31);
            a1 = Avx2.Xor(a1, Avx2.And(wrap, a1));
        }

        Vector256<int> r0 = Avx2.Subtract(a, Avx2.MultiplyLow(a1, Vector256.Create(2 * gamma2)));
        Vector256<int> over = Avx2.ShiftRightArithmetic(Avx2.Subtract(Vector256.Create((MlDsaField.Q - 1) / 2), r0), 31);
        a0 = Avx2.Subtract(r0, Avx2.And(over, Vector256.Create(MlDsaField.Q)));
        return a1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Freeze(Vector256<int> a)
    {
        Vector256<int> t = Avx2.ShiftRightArithmetic(Avx2.Add(a, Vector256.Create(1 << 22)), 23);
        a = Avx2.Subtract(a, Avx2.MultiplyLow(t, Vector256.Create(MlDsaField.Q)));
        return Avx2.Add(a, Avx2.And(Avx2.ShiftRightArithmetic(a, 31), Vector256.Create(MlDsaField.Q)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Center(Vector256<int> x)
    {
        Vector256<int> over = Avx2.ShiftRightArithmetic(Avx2.Subtract(Vector256.Create((MlDsaField.Q - 1) / 2), x), 31);
        return Avx2.Subtract(x, Avx2.And(over, Vector256.Create(MlDsaField.Q)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Load(ref int r, int offset) => Vector256.LoadUnsafe(ref r, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<int> v, ref int r, int offset) => v.StoreUnsafe(ref r, (nuint)offset);

    private static void Check(int a, int b, int c)
    {
        if (a % 8 != 0 || b != a || c != a)
        {
            throw new ArgumentException("The ML-DSA rounding kernels work on equal-length spans of whole polynomials.");
        }
    }
}
