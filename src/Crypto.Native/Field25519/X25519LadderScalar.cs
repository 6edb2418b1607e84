// X25519LadderScalar: the RFC 7748 §5 ladder on Field25519 (radix 2^51), the reference twin of X25519LadderAvx2.
//
// One step, after the conditional swap:
//   A = x_2 + z_2, AA = A^2, B = x_2 - z_2, BB = B^2, E = AA - BB, C = x_3 + z_3, D = x_3 - z_3,
//   DA = D * A, CB = C * B, x_3 = (DA + CB)^2, z_3 = x_1 * (DA - CB)^2, x_2 = AA * BB, z_2 = E * (AA + a24 * E).
// Bounds (FieldElement25519): every sum is of two reduced elements (< 2^53, within the multiplication bound of
// 2^54); every subtrahend is reduced (< 2^55 needed); every product, square and MultiplySmall output is reduced.
// Constant time: the same 255 steps for every scalar; the swap is an XOR with a mask made from the scalar bit; the
// bit's byte index and shift come from the loop counter, which is public.

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace FintechCrypto.Native.Field25519;

/// <summary>The scalar RFC 7748 ladder (the reference).</summary>
internal static class X25519LadderScalar
{
    /// <summary>a24 = (A - 2) / 4 = (486662 - 2) / 4 for curve25519, as in RFC 7748 §5's z_2 = E * (AA + a24 * E).</summary>
    internal const uint A24 = 121665;

    /// <inheritdoc cref="X25519Ladder.Run"/>
    internal static void Run(ReadOnlySpan<byte> k, in FieldElement25519 x1, out FieldElement25519 x2, out FieldElement25519 z2)
    {
        LadderState s = default;
        try
        {
            s.X1 = x1;
            s.X2 = FieldElement25519.One;
            s.Z2 = FieldElement25519.Zero;
            s.X3 = x1;
            s.Z3 = FieldElement25519.One;
            ulong swap = 0;
            for (int t = X25519Ladder.Bits - 1; t >= 0; t--)
            {
                ulong kt = (ulong)((k[t >> 3] >> (t & 7)) & 1);
                swap ^= kt;
                ConditionalSwap(ref s.X2, ref s.X3, 0 - swap);
                ConditionalSwap(ref s.Z2, ref s.Z3, 0 - swap);
                swap = kt;
                Step(ref s);
            }

            ConditionalSwap(ref s.X2, ref s.X3, 0 - swap);
            ConditionalSwap(ref s.Z2, ref s.Z3, 0 - swap);
            x2 = s.X2;
            z2 = s.Z2;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(new Span<LadderState>(ref s)));
        }
    }

    // One step (file header). Not inlined on purpose: compiled on its own, the step gets the JIT's whole inlining
    // budget, so the five multiplications and four squarings inline completely.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Step(ref LadderState s)
    {
        Field25519.Add(out s.T0, s.X2, s.Z2);          // A
        Field25519.Subtract(out s.T1, s.X2, s.Z2);     // B
        Field25519.Add(out s.T2, s.X3, s.Z3);          // C
        Field25519.Subtract(out s.T3, s.X3, s.Z3);     // D
        Field25519.Multiply(out s.T3, s.T3, s.T0);     // DA
        Field25519.Multiply(out s.T2, s.T2, s.T1);     // CB
        Field25519.Square(out s.T0, s.T0);             // AA
        Field25519.Square(out s.T1, s.T1);             // BB
        Field25519.Add(out s.X3, s.T3, s.T2);          // DA + CB
        Field25519.Square(out s.X3, s.X3);             // x_3 = (DA + CB)^2
        Field25519.Subtract(out s.Z3, s.T3, s.T2);     // DA - CB
        Field25519.Square(out s.Z3, s.Z3);
        Field25519.Multiply(out s.Z3, s.X1, s.Z3);     // z_3 = x_1 * (DA - CB)^2
        Field25519.Multiply(out s.X2, s.T0, s.T1);     // x_2 = AA * BB
        Field25519.Subtract(out s.T1, s.T0, s.T1);     // E = AA - BB
        Field25519.MultiplySmall(out s.T2, s.T1, A24); // a24 * E
        Field25519.Add(out s.T2, s.T0, s.T2);          // AA + a24 * E
        Field25519.Multiply(out s.Z2, s.T1, s.T2);     // z_2 = E * (AA + a24 * E)
    }

    // RFC 7748 §5 cswap: swaps a and b when mask is all ones, leaves them when it is zero; no branch on the mask.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ConditionalSwap(ref FieldElement25519 a, ref FieldElement25519 b, ulong mask)
    {
        ulong d0 = (a.L0 ^ b.L0) & mask;
        ulong d1 = (a.L1 ^ b.L1) & mask;
        ulong d2 = (a.L2 ^ b.L2) & mask;
        ulong d3 = (a.L3 ^ b.L3) & mask;
        ulong d4 = (a.L4 ^ b.L4) & mask;
        a.L0 ^= d0;
        a.L1 ^= d1;
        a.L2 ^= d2;
        a.L3 ^= d3;
        a.L4 ^= d4;
        b.L0 ^= d0;
        b.L1 ^= d1;
        b.L2 ^= d2;
        b.L3 ^= d3;
        b.L4 ^= d4;
    }

    // The ladder's secret state in one block, so that it can be cleared as a whole: x_1, (x_2 : z_2), (x_3 : z_3)
    // and four temporaries.
    [StructLayout(LayoutKind.Sequential)]
    private struct LadderState
    {
        internal FieldElement25519 X1, X2, Z2, X3, Z3, T0, T1, T2, T3;
    }
}
