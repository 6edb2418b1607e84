// Field25519x4: arithmetic on FieldElement25519x4, four independent elements at once with AVX2 (vpmuludq, vpaddq,
// vpsrlq). Each column's ten products are summed as a balanced tree (four additions deep, not nine), and the
// multiples of 19 are shifts and adds, so that vpmuludq does only the 100 products. The multiplication is ref10's fe_mul (radix 2^25.5 schoolbook, products at 2^255 and above folded back
// times 19, odd-by-odd limb products doubled) computed in every lane; the carry chain is ref10's too.
// Constant time: the same instructions for every value; no branch, no memory index depends on the data.
// Caller contract: Dispatch.UseAvx2 (the intrinsics throw PlatformNotSupportedException otherwise). The scalar
// reference of everything built on it is Field25519 (radix 2^51); tests/.../X25519LadderDifferentialTests check the
// 4-way ladder against the scalar one, and Field25519x4 against System.Numerics.BigInteger.
//
// References: RFC 7748 §4.1 (p = 2^255 - 19); Bernstein, Duif, Lange, Schwabe, Yang, "High-speed high-security
// signatures" and SUPERCOP ref10 fe_mul.c / fe_sub.c (radix 2^25.5); Chou, "Sandy2x" (a vectorised ladder).

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native.Field25519;

/// <summary>Four-way GF(2^255 - 19) arithmetic in radix 2^25.5 on AVX2 (bounds in FieldElement25519x4).</summary>
internal static class Field25519x4
{
    private const ulong Mask26 = (1UL << 26) - 1;
    private const ulong Mask25 = (1UL << 25) - 1;

    // 2p in radix 2^25.5, added before subtracting so that lanes never go negative (subtrahend limbs reduced).
    private const ulong TwoP0 = 134217690UL;
    private const ulong TwoP1 = 67108862UL;
    private const ulong TwoP2 = 134217726UL;
    private const ulong TwoP3 = 67108862UL;
    private const ulong TwoP4 = 134217726UL;
    private const ulong TwoP5 = 67108862UL;
    private const ulong TwoP6 = 134217726UL;
    private const ulong TwoP7 = 67108862UL;
    private const ulong TwoP8 = 134217726UL;
    private const ulong TwoP9 = 67108862UL;

    /// <summary>r = a + b, without carrying.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Add(out FieldElement25519x4 r, in FieldElement25519x4 a, in FieldElement25519x4 b)
    {
        r.L0 = a.L0 + b.L0;
        r.L1 = a.L1 + b.L1;
        r.L2 = a.L2 + b.L2;
        r.L3 = a.L3 + b.L3;
        r.L4 = a.L4 + b.L4;
        r.L5 = a.L5 + b.L5;
        r.L6 = a.L6 + b.L6;
        r.L7 = a.L7 + b.L7;
        r.L8 = a.L8 + b.L8;
        r.L9 = a.L9 + b.L9;
    }

    /// <summary>r = a + 2p - b, without carrying (b reduced).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SubtractWith2P(out FieldElement25519x4 r, in FieldElement25519x4 a, in FieldElement25519x4 b)
    {
        r.L0 = (a.L0 + Vector256.Create(TwoP0)) - b.L0;
        r.L1 = (a.L1 + Vector256.Create(TwoP1)) - b.L1;
        r.L2 = (a.L2 + Vector256.Create(TwoP2)) - b.L2;
        r.L3 = (a.L3 + Vector256.Create(TwoP3)) - b.L3;
        r.L4 = (a.L4 + Vector256.Create(TwoP4)) - b.L4;
        r.L5 = (a.L5 + Vector256.Create(TwoP5)) - b.L5;
        r.L6 = (a.L6 + Vector256.Create(TwoP6)) - b.L6;
        r.L7 = (a.L7 + Vector256.Create(TwoP7)) - b.L7;
        r.L8 = (a.L8 + Vector256.Create(TwoP8)) - b.L8;
        r.L9 = (a.L9 + Vector256.Create(TwoP9)) - b.L9;
    }

    /// <summary>r = a * b lane by lane, reduced (limbs of a and b below 2^27.6).</summary>
    /// <remarks>
    /// A call of its own (about 250 instructions; the JIT's inliner refuses it anyway), compiled fully optimised at
    /// once so that a process's first X25519 operations do not run its tier-0 form.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static void Multiply(out FieldElement25519x4 r, in FieldElement25519x4 a, in FieldElement25519x4 b)
    {
        Vector256<uint> f0 = a.L0.AsUInt32();
        Vector256<uint> f1 = a.L1.AsUInt32();
        Vector256<uint> f2 = a.L2.AsUInt32();
        Vector256<uint> f3 = a.L3.AsUInt32();
        Vector256<uint> f4 = a.L4.AsUInt32();
        Vector256<uint> f5 = a.L5.AsUInt32();
        Vector256<uint> f6 = a.L6.AsUInt32();
        Vector256<uint> f7 = a.L7.AsUInt32();
        Vector256<uint> f8 = a.L8.AsUInt32();
        Vector256<uint> f9 = a.L9.AsUInt32();
        Vector256<uint> g0 = b.L0.AsUInt32();
        Vector256<uint> g1 = b.L1.AsUInt32();
        Vector256<uint> g2 = b.L2.AsUInt32();
        Vector256<uint> g3 = b.L3.AsUInt32();
        Vector256<uint> g4 = b.L4.AsUInt32();
        Vector256<uint> g5 = b.L5.AsUInt32();
        Vector256<uint> g6 = b.L6.AsUInt32();
        Vector256<uint> g7 = b.L7.AsUInt32();
        Vector256<uint> g8 = b.L8.AsUInt32();
        Vector256<uint> g9 = b.L9.AsUInt32();
        Vector256<uint> f1x2 = (f1.AsUInt64() + f1.AsUInt64()).AsUInt32();
        Vector256<uint> f3x2 = (f3.AsUInt64() + f3.AsUInt64()).AsUInt32();
        Vector256<uint> f5x2 = (f5.AsUInt64() + f5.AsUInt64()).AsUInt32();
        Vector256<uint> f7x2 = (f7.AsUInt64() + f7.AsUInt64()).AsUInt32();
        Vector256<uint> f9x2 = (f9.AsUInt64() + f9.AsUInt64()).AsUInt32();
        Vector256<uint> g1x19 = Times19(g1.AsUInt64()).AsUInt32();
        Vector256<uint> g2x19 = Times19(g2.AsUInt64()).AsUInt32();
        Vector256<uint> g3x19 = Times19(g3.AsUInt64()).AsUInt32();
        Vector256<uint> g4x19 = Times19(g4.AsUInt64()).AsUInt32();
        Vector256<uint> g5x19 = Times19(g5.AsUInt64()).AsUInt32();
        Vector256<uint> g6x19 = Times19(g6.AsUInt64()).AsUInt32();
        Vector256<uint> g7x19 = Times19(g7.AsUInt64()).AsUInt32();
        Vector256<uint> g8x19 = Times19(g8.AsUInt64()).AsUInt32();
        Vector256<uint> g9x19 = Times19(g9.AsUInt64()).AsUInt32();
        Vector256<ulong> h0 =
            ((Avx2.Multiply(f0, g0) + Avx2.Multiply(f1x2, g9x19)) + (Avx2.Multiply(f2, g8x19) + Avx2.Multiply(f3x2, g7x19)))
            + ((Avx2.Multiply(f4, g6x19) + Avx2.Multiply(f5x2, g5x19)) + (Avx2.Multiply(f6, g4x19) + Avx2.Multiply(f7x2, g3x19)))
            + (Avx2.Multiply(f8, g2x19) + Avx2.Multiply(f9x2, g1x19));
        Vector256<ulong> h1 =
            ((Avx2.Multiply(f0, g1) + Avx2.Multiply(f1, g0)) + (Avx2.Multiply(f2, g9x19) + Avx2.Multiply(f3, g8x19)))
            + ((Avx2.Multiply(f4, g7x19) + Avx2.Multiply(f5, g6x19)) + (Avx2.Multiply(f6, g5x19) + Avx2.Multiply(f7, g4x19)))
            + (Avx2.Multiply(f8, g3x19) + Avx2.Multiply(f9, g2x19));
        Vector256<ulong> h2 =
            ((Avx2.Multiply(f0, g2) + Avx2.Multiply(f1x2, g1)) + (Avx2.Multiply(f2, g0) + Avx2.Multiply(f3x2, g9x19)))
            + ((Avx2.Multiply(f4, g8x19) + Avx2.Multiply(f5x2, g7x19)) + (Avx2.Multiply(f6, g6x19) + Avx2.Multiply(f7x2, g5x19)))
            + (Avx2.Multiply(f8, g4x19) + Avx2.Multiply(f9x2, g3x19));
        Vector256<ulong> h3 =
            ((Avx2.Multiply(f0, g3) + Avx2.Multiply(f1, g2)) + (Avx2.Multiply(f2, g1) + Avx2.Multiply(f3, g0)))
            + ((Avx2.Multiply(f4, g9x19) + Avx2.Multiply(f5, g8x19)) + (Avx2.Multiply(f6, g7x19) + Avx2.Multiply(f7, g6x19)))
            + (Avx2.Multiply(f8, g5x19) + Avx2.Multiply(f9, g4x19));
        Vector256<ulong> h4 =
            ((Avx2.Multiply(f0, g4) + Avx2.Multiply(f1x2, g3)) + (Avx2.Multiply(f2, g2) + Avx2.Multiply(f3x2, g1)))
            + ((Avx2.Multiply(f4, g0) + Avx2.Multiply(f5x2, g9x19)) + (Avx2.Multiply(f6, g8x19) + Avx2.Multiply(f7x2, g7x19)))
            + (Avx2.Multiply(f8, g6x19) + Avx2.Multiply(f9x2, g5x19));
        Vector256<ulong> h5 =
            ((Avx2.Multiply(f0, g5) + Avx2.Multiply(f1, g4)) + (Avx2.Multiply(f2, g3) + Avx2.Multiply(f3, g2)))
            + ((Avx2.Multiply(f4, g1) + Avx2.Multiply(f5, g0)) + (Avx2.Multiply(f6, g9x19) + Avx2.Multiply(f7, g8x19)))
            + (Avx2.Multiply(f8, g7x19) + Avx2.Multiply(f9, g6x19));
        Vector256<ulong> h6 =
            ((Avx2.Multiply(f0, g6) + Avx2.Multiply(f1x2, g5)) + (Avx2.Multiply(f2, g4) + Avx2.Multiply(f3x2, g3)))
            + ((Avx2.Multiply(f4, g2) + Avx2.Multiply(f5x2, g1)) + (Avx2.Multiply(f6, g0) + Avx2.Multiply(f7x2, g9x19)))
            + (Avx2.Multiply(f8, g8x19) + Avx2.Multiply(f9x2, g7x19));
        Vector256<ulong> h7 =
            ((Avx2.Multiply(f0, g7) + Avx2.Multiply(f1, g6)) + (Avx2.Multiply(f2, g5) + Avx2.Multiply(f3, g4)))
            + ((Avx2.Multiply(f4, g3) + Avx2.Multiply(f5, g2)) + (Avx2.Multiply(f6, g1) + Avx2.Multiply(f7, g0)))
            + (Avx2.Multiply(f8, g9x19) + Avx2.Multiply(f9, g8x19));
        Vector256<ulong> h8 =
            ((Avx2.Multiply(f0, g8) + Avx2.Multiply(f1x2, g7)) + (Avx2.Multiply(f2, g6) + Avx2.Multiply(f3x2, g5)))
            + ((Avx2.Multiply(f4, g4) + Avx2.Multiply(f5x2, g3)) + (Avx2.Multiply(f6, g2) + Avx2.Multiply(f7x2, g1)))
            + (Avx2.Multiply(f8, g0) + Avx2.Multiply(f9x2, g9x19));
        Vector256<ulong> h9 =
            ((Avx2.Multiply(f0, g9) + Avx2.Multiply(f1, g8)) + (Avx2.Multiply(f2, g7) + Avx2.Multiply(f3, g6)))
            + ((Avx2.Multiply(f4, g5) + Avx2.Multiply(f5, g4)) + (Avx2.Multiply(f6, g3) + Avx2.Multiply(f7, g2)))
            + (Avx2.Multiply(f8, g1) + Avx2.Multiply(f9, g0));
        Carry(out r, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    /// <summary>r = a * k lane by lane for a constant k below 2^20 (limbs of a below 2^28), reduced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void MultiplySmall(out FieldElement25519x4 r, in FieldElement25519x4 a, uint k)
    {
        Vector256<uint> kk = Vector256.Create((ulong)k).AsUInt32();
        Carry(
            out r,
            Avx2.Multiply(a.L0.AsUInt32(), kk),
            Avx2.Multiply(a.L1.AsUInt32(), kk),
            Avx2.Multiply(a.L2.AsUInt32(), kk),
            Avx2.Multiply(a.L3.AsUInt32(), kk),
            Avx2.Multiply(a.L4.AsUInt32(), kk),
            Avx2.Multiply(a.L5.AsUInt32(), kk),
            Avx2.Multiply(a.L6.AsUInt32(), kk),
            Avx2.Multiply(a.L7.AsUInt32(), kk),
            Avx2.Multiply(a.L8.AsUInt32(), kk),
            Avx2.Multiply(a.L9.AsUInt32(), kk));
    }

    /// <summary>r = the lanes of a permuted by <paramref name="control"/> (vpermq's immediate), limb by limb.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Permute(out FieldElement25519x4 r, in FieldElement25519x4 a, [System.Diagnostics.CodeAnalysis.ConstantExpected] byte control)
    {
        r.L0 = Avx2.Permute4x64(a.L0, control);
        r.L1 = Avx2.Permute4x64(a.L1, control);
        r.L2 = Avx2.Permute4x64(a.L2, control);
        r.L3 = Avx2.Permute4x64(a.L3, control);
        r.L4 = Avx2.Permute4x64(a.L4, control);
        r.L5 = Avx2.Permute4x64(a.L5, control);
        r.L6 = Avx2.Permute4x64(a.L6, control);
        r.L7 = Avx2.Permute4x64(a.L7, control);
        r.L8 = Avx2.Permute4x64(a.L8, control);
        r.L9 = Avx2.Permute4x64(a.L9, control);
    }

    /// <summary>r = mask ? a : b, lane by lane; mask lanes are all ones or all zeros.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Select(out FieldElement25519x4 r, in FieldElement25519x4 a, in FieldElement25519x4 b, Vector256<ulong> mask)
    {
        r.L0 = Vector256.ConditionalSelect(mask, a.L0, b.L0);
        r.L1 = Vector256.ConditionalSelect(mask, a.L1, b.L1);
        r.L2 = Vector256.ConditionalSelect(mask, a.L2, b.L2);
        r.L3 = Vector256.ConditionalSelect(mask, a.L3, b.L3);
        r.L4 = Vector256.ConditionalSelect(mask, a.L4, b.L4);
        r.L5 = Vector256.ConditionalSelect(mask, a.L5, b.L5);
        r.L6 = Vector256.ConditionalSelect(mask, a.L6, b.L6);
        r.L7 = Vector256.ConditionalSelect(mask, a.L7, b.L7);
        r.L8 = Vector256.ConditionalSelect(mask, a.L8, b.L8);
        r.L9 = Vector256.ConditionalSelect(mask, a.L9, b.L9);
    }

    // ref10's carry chain (two interleaved chains from limbs 0 and 4, then 9 folded into 0 times 19, since
    // 2^255 = 19 mod p): every limb ends below its width except limb 1, below 2^25 + 2^19.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Carry(out FieldElement25519x4 r, Vector256<ulong> h0, Vector256<ulong> h1, Vector256<ulong> h2, Vector256<ulong> h3, Vector256<ulong> h4, Vector256<ulong> h5, Vector256<ulong> h6, Vector256<ulong> h7, Vector256<ulong> h8, Vector256<ulong> h9)
    {
        Vector256<ulong> mask26 = Vector256.Create(Mask26);
        Vector256<ulong> mask25 = Vector256.Create(Mask25);
        h1 += Vector256.ShiftRightLogical(h0, 26);
        h0 &= mask26;
        h5 += Vector256.ShiftRightLogical(h4, 26);
        h4 &= mask26;
        h2 += Vector256.ShiftRightLogical(h1, 25);
        h1 &= mask25;
        h6 += Vector256.ShiftRightLogical(h5, 25);
        h5 &= mask25;
        h3 += Vector256.ShiftRightLogical(h2, 26);
        h2 &= mask26;
        h7 += Vector256.ShiftRightLogical(h6, 26);
        h6 &= mask26;
        h4 += Vector256.ShiftRightLogical(h3, 25);
        h3 &= mask25;
        h8 += Vector256.ShiftRightLogical(h7, 25);
        h7 &= mask25;
        h5 += Vector256.ShiftRightLogical(h4, 26);
        h4 &= mask26;
        h9 += Vector256.ShiftRightLogical(h8, 26);
        h8 &= mask26;
        Vector256<ulong> c9 = Vector256.ShiftRightLogical(h9, 25);
        h9 &= mask25;
        h0 += Times19(c9); // c9 < 2^39, so 19 c9 fits in 64 bits
        h1 += Vector256.ShiftRightLogical(h0, 26);
        h0 &= mask26;
        r.L0 = h0;
        r.L1 = h1;
        r.L2 = h2;
        r.L3 = h3;
        r.L4 = h4;
        r.L5 = h5;
        r.L6 = h6;
        r.L7 = h7;
        r.L8 = h8;
        r.L9 = h9;
    }

    // 19 x = 16 x + 2 x + x, lane by lane: shifts and adds, which run on more ports than vpmuludq.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Times19(Vector256<ulong> x) => Vector256.ShiftLeft(x, 4) + Vector256.ShiftLeft(x, 1) + x;
}
