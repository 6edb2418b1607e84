// X25519LadderAvx2: the RFC 7748 §5 ladder with four field operations per instruction (Field25519x4, AVX2), the
// arrangement of Chou's "Sandy2x" widened to four lanes. The state is one FieldElement25519x4 S = (x_2, z_2, x_3, z_3);
// a step (the formulas of X25519LadderScalar) is three four-way multiplications:
//
//   cswap:  S = swap ? (x_3, z_3, x_2, z_2) : S                          (a lane permutation, selected by mask)
//   T = (x_2 + z_2, x_2 - z_2, x_3 + z_3, x_3 - z_3)                     = (A, B, C, D)
//   U = T * (A, B, B, A)                                                 = (AA, BB, CB, DA)
//   X = (AA, AA, DA, DA), Y = (BB, BB, CB, CB)
//   L = (AA, AA - BB, DA + CB, DA - CB),  R = (BB, AA + a24 (AA - BB), DA + CB, DA - CB)
//   V = L * R                                                            = (x_2', z_2', x_3', (DA - CB)^2)
//   S = V * (1, 1, 1, x_1)                                               = (x_2', z_2', x_3', z_3')
//
// with E = AA - BB, z_2' = E (AA + a24 E), x_3' = (DA + CB)^2, z_3' = x_1 (DA - CB)^2 (RFC 7748 §5). Every
// multiplication input stays within Field25519x4's bounds: sums of two reduced elements, differences with 2p added,
// and the reduced outputs of Multiply and MultiplySmall.
//
// Constant time: the same 255 steps and instructions for every scalar; the swap is a blend under a mask made from the
// scalar bit; the bit's byte index and shift come from the loop counter, which is public. The state is cleared on
// return. Caller contract: Dispatch.UseAvx2.

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace FintechCrypto.Native.Field25519;

/// <summary>The four-lane RFC 7748 ladder on AVX2.</summary>
internal static class X25519LadderAvx2
{
    private const ulong Mask26 = (1UL << 26) - 1;

    // vpermq immediates: lane i of the result is lane (control >> 2i) & 3 of the source.
    private const byte SwapPairs = 0b01_00_11_10;    // (2, 3, 0, 1): (x_3, z_3, x_2, z_2)
    private const byte SwapNeighbours = 0b10_11_00_01; // (1, 0, 3, 2)
    private const byte AbBa = 0b00_01_01_00;         // (0, 1, 1, 0)
    private const byte FirstAndLast = 0b11_11_00_00;  // (0, 0, 3, 3)
    private const byte SecondAndThird = 0b10_10_01_01; // (1, 1, 2, 2)

    // vpblendd immediates: the 64-bit lanes taken from the second operand (two 32-bit bits per lane).
    private const byte Lane0 = 0x03;
    private const byte Lane1 = 0x0C;
    private const byte Lane2 = 0x30;
    private const byte Lanes1And3 = 0xCC;

    /// <inheritdoc cref="X25519Ladder.Run"/>
    internal static void Run(ReadOnlySpan<byte> k, in FieldElement25519 x1, out FieldElement25519 x2, out FieldElement25519 z2)
    {
        LadderState s = default;
        try
        {
            FieldElement25519 one = FieldElement25519.One;
            s.S = Pack(one, FieldElement25519.Zero, x1, one);
            s.K = Pack(one, one, one, x1);
            ulong swap = 0;
            for (int t = X25519Ladder.Bits - 1; t >= 0; t--)
            {
                ulong kt = (ulong)((k[t >> 3] >> (t & 7)) & 1);
                swap ^= kt;
                ConditionalSwap(ref s.S, swap);
                swap = kt;
                Step(ref s);
            }

            ConditionalSwap(ref s.S, swap);
            x2 = Unpack(s.S, 0);
            z2 = Unpack(s.S, 1);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(new Span<LadderState>(ref s)));
        }
    }

    // One step (file header). Not inlined, as in the scalar twin: the three multiplications inline into it. Compiled
    // fully optimised at once: the tier-0 form of this much vector code is about five times slower than the scalar
    // twin, and tiering it up took longer than many callers' whole lifetime of X25519 operations.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Step(ref LadderState s)
    {
        // T = (A, B, C, D)
        Field25519x4.Permute(out s.P, s.S, SwapNeighbours);                  // (z_2, x_2, z_3, x_3)
        Field25519x4.Add(out s.Sum, s.S, s.P);
        Field25519x4.SubtractWith2P(out s.Difference, s.P, s.S);            // lanes 1 and 3: x_2 - z_2, x_3 - z_3
        Blend(out s.T, s.Sum, s.Difference, Lanes1And3);

        // U = (AA, BB, CB, DA)
        Field25519x4.Permute(out s.P, s.T, AbBa);
        Field25519x4.Multiply(out s.U, s.T, s.P);

        // L and R
        Field25519x4.Permute(out s.X, s.U, FirstAndLast);                  // (AA, AA, DA, DA)
        Field25519x4.Permute(out s.Y, s.U, SecondAndThird);                // (BB, BB, CB, CB)
        Field25519x4.Add(out s.Sum, s.X, s.Y);
        Field25519x4.SubtractWith2P(out s.Difference, s.X, s.Y);           // lane 1: E = AA - BB
        Field25519x4.MultiplySmall(out s.P, s.Difference, X25519LadderScalar.A24);
        Field25519x4.Add(out s.P, s.X, s.P);                                // lane 1: AA + a24 E
        Blend(out s.T, s.Difference, s.X, Lane0);                          // (AA, E, ., DA - CB)
        Blend(out s.T, s.T, s.Sum, Lane2);                                  // (AA, E, DA + CB, DA - CB)
        Blend(out s.U, s.Difference, s.Y, Lane0);                          // (BB, ., ., DA - CB)
        Blend(out s.U, s.U, s.P, Lane1);
        Blend(out s.U, s.U, s.Sum, Lane2);                                  // (BB, AA + a24 E, DA + CB, DA - CB)

        // V = (x_2', z_2', x_3', (DA - CB)^2), then S = V * (1, 1, 1, x_1)
        Field25519x4.Multiply(out s.P, s.T, s.U);
        Field25519x4.Multiply(out s.S, s.P, s.K);
    }

    // RFC 7748 §5 cswap on the lane pairs (x_2, z_2) and (x_3, z_3): a permutation, taken under an all-ones mask.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ConditionalSwap(ref FieldElement25519x4 s, ulong swap)
    {
        Field25519x4.Permute(out FieldElement25519x4 swapped, s, SwapPairs);
        Field25519x4.Select(out s, swapped, s, Vector256.Create(0 - swap));
    }

    // r = a with the lanes of control taken from b.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Blend(out FieldElement25519x4 r, in FieldElement25519x4 a, in FieldElement25519x4 b, [System.Diagnostics.CodeAnalysis.ConstantExpected] byte control)
    {
        r.L0 = Avx2.Blend(a.L0.AsUInt32(), b.L0.AsUInt32(), control).AsUInt64();
        r.L1 = Avx2.Blend(a.L1.AsUInt32(), b.L1.AsUInt32(), control).AsUInt64();
        r.L2 = Avx2.Blend(a.L2.AsUInt32(), b.L2.AsUInt32(), control).AsUInt64();
        r.L3 = Avx2.Blend(a.L3.AsUInt32(), b.L3.AsUInt32(), control).AsUInt64();
        r.L4 = Avx2.Blend(a.L4.AsUInt32(), b.L4.AsUInt32(), control).AsUInt64();
        r.L5 = Avx2.Blend(a.L5.AsUInt32(), b.L5.AsUInt32(), control).AsUInt64();
        r.L6 = Avx2.Blend(a.L6.AsUInt32(), b.L6.AsUInt32(), control).AsUInt64();
        r.L7 = Avx2.Blend(a.L7.AsUInt32(), b.L7.AsUInt32(), control).AsUInt64();
        r.L8 = Avx2.Blend(a.L8.AsUInt32(), b.L8.AsUInt32(), control).AsUInt64();
        r.L9 = Avx2.Blend(a.L9.AsUInt32(), b.L9.AsUInt32(), control).AsUInt64();
    }

    // Four radix-2^51 elements into one four-lane radix-2^25.5 element: 51-bit limb j splits into limbs 2j (its low
    // 26 bits) and 2j + 1 (the rest). Inputs are reduced (limbs below 2^51 + 2^13), so the halves are within bounds.
    internal static FieldElement25519x4 Pack(in FieldElement25519 e0, in FieldElement25519 e1, in FieldElement25519 e2, in FieldElement25519 e3)
    {
        FieldElement25519x4 r;
        r.L0 = Vector256.Create(e0.L0 & Mask26, e1.L0 & Mask26, e2.L0 & Mask26, e3.L0 & Mask26);
        r.L1 = Vector256.Create(e0.L0 >> 26, e1.L0 >> 26, e2.L0 >> 26, e3.L0 >> 26);
        r.L2 = Vector256.Create(e0.L1 & Mask26, e1.L1 & Mask26, e2.L1 & Mask26, e3.L1 & Mask26);
        r.L3 = Vector256.Create(e0.L1 >> 26, e1.L1 >> 26, e2.L1 >> 26, e3.L1 >> 26);
        r.L4 = Vector256.Create(e0.L2 & Mask26, e1.L2 & Mask26, e2.L2 & Mask26, e3.L2 & Mask26);
        r.L5 = Vector256.Create(e0.L2 >> 26, e1.L2 >> 26, e2.L2 >> 26, e3.L2 >> 26);
        r.L6 = Vector256.Create(e0.L3 & Mask26, e1.L3 & Mask26, e2.L3 & Mask26, e3.L3 & Mask26);
        r.L7 = Vector256.Create(e0.L3 >> 26, e1.L3 >> 26, e2.L3 >> 26, e3.L3 >> 26);
        r.L8 = Vector256.Create(e0.L4 & Mask26, e1.L4 & Mask26, e2.L4 & Mask26, e3.L4 & Mask26);
        r.L9 = Vector256.Create(e0.L4 >> 26, e1.L4 >> 26, e2.L4 >> 26, e3.L4 >> 26);
        return r;
    }

    // Lane j of a reduced four-lane element back in radix 2^51: limb i = limb 2i + limb (2i + 1) * 2^26, then carried.
    internal static FieldElement25519 Unpack(in FieldElement25519x4 a, int lane)
    {
        Field25519.Reduce(
            out FieldElement25519 r,
            a.L0.GetElement(lane) + (a.L1.GetElement(lane) << 26),
            a.L2.GetElement(lane) + (a.L3.GetElement(lane) << 26),
            a.L4.GetElement(lane) + (a.L5.GetElement(lane) << 26),
            a.L6.GetElement(lane) + (a.L7.GetElement(lane) << 26),
            a.L8.GetElement(lane) + (a.L9.GetElement(lane) << 26));
        return r;
    }

    // The ladder's secret state and temporaries in one block, so that it can be cleared as a whole.
    [StructLayout(LayoutKind.Sequential)]
    private struct LadderState
    {
        internal FieldElement25519x4 S, K, P, T, U, X, Y, Sum, Difference;
    }
}
