// X25519 (RFC 7748 §5) on our own GF(2^255 - 19) arithmetic (Native/Field25519).
//
//   ScalarMult(k, u):  RFC 7748 §5 to the letter: decodeScalar25519 (clear bits 0, 1, 2 and 255, set bit 254),
//                      decodeUCoordinate (mask bit 255; a non-canonical u between p and 2^255 - 1 is accepted and
//                      reduced mod p, as §5 requires), the Montgomery ladder over bits 254..0 with a constant-time
//                      conditional swap, z_2 = E * (AA + a24 * E) with a24 = 121665 = (486662 - 2) / 4, then
//                      x_2 * z_2^(p - 2) and encodeUCoordinate (the canonical 32-byte little-endian value).
//   ScalarMultBase(k): the same function at u = 9, computed as [k]B on edwards25519 with our constant-time
//                      base-point tables (EdwardsScalarMultiplication.MultiplyBase) followed by the birational map
//                      of RFC 7748 §4.1, u = (1 + y) / (1 - y). B = (x, 4/5) maps to u = 9, the base point of §4.1.
//
// Constant time: the ladder does the same 255 steps for every scalar; the swap is an XOR with a mask made from
// the scalar bit (no branch, no secret-dependent index); the inversion is Field25519.Invert's fixed addition chain.
// ScalarMultBase reduces the clamped scalar with the branch-free Montgomery arithmetic of Groups/ScalarField and reads
// the base tables with masks (Field25519Lookup). Secret temporaries (the clamped scalar, the ladder state) are
// cleared before returning. The all-zero output of a low-order u is returned as is: callers decide (§6.1).

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Native.Field25519;

namespace FintechCrypto.Internal.Curve25519;

/// <summary>The X25519 function of RFC 7748 §5.</summary>
internal static class X25519
{
    /// <summary>The length of scalars, u-coordinates and outputs (RFC 7748 §5: 32 bytes for X25519).</summary>
    internal const int PointSize = 32;

    /// <summary>a24 = (A - 2) / 4 = (486662 - 2) / 4 for curve25519, as in RFC 7748 §5's z_2 = E * (AA + a24 * E).</summary>
    internal const uint A24 = 121665;

    /// <summary>The number of ladder steps: bits = 255 for X25519 (RFC 7748 §5).</summary>
    private const int Bits = 255;

    /// <summary>
    /// RFC 7748 §5: writes X25519(<paramref name="scalar32"/>, <paramref name="u32"/>) to <paramref name="out32"/>.
    /// The output is all zeros when u is a point of small order; this function does not refuse it.
    /// </summary>
    internal static void ScalarMult(ReadOnlySpan<byte> scalar32, ReadOnlySpan<byte> u32, Span<byte> out32)
    {
        CheckLengths(scalar32, out32);
        if (u32.Length != PointSize)
        {
            throw Error.Argument_Length(nameof(u32), PointSize, u32.Length);
        }

        Span<byte> k = stackalloc byte[PointSize];
        LadderState s = default;
        try
        {
            DecodeScalar25519(scalar32, k);

            // decodeUCoordinate: the top bit is masked and the value taken as is; limbs below 2^51 carry any value
            // up to 2^255 - 1, and the arithmetic below reduces it mod p.
            Field25519.Decode(out s.X1, u32);
            s.X2 = FieldElement25519.One;
            s.Z2 = FieldElement25519.Zero;
            s.X3 = s.X1;
            s.Z3 = FieldElement25519.One;
            ulong swap = 0;

            for (int t = Bits - 1; t >= 0; t--)
            {
                // k_t = (k >> t) & 1; the byte index and shift come from t, which is public.
                ulong kt = (ulong)((k[t >> 3] >> (t & 7)) & 1);
                swap ^= kt;
                ConditionalSwap(ref s.X2, ref s.X3, 0 - swap);
                ConditionalSwap(ref s.Z2, ref s.Z3, 0 - swap);
                swap = kt;
                LadderStep(ref s);
            }

            ConditionalSwap(ref s.X2, ref s.X3, 0 - swap);
            ConditionalSwap(ref s.Z2, ref s.Z3, 0 - swap);

            // Return x_2 * (z_2^(p - 2)), encoded (encodeUCoordinate: the canonical value, 32 bytes little-endian).
            Field25519.Invert(out s.T0, s.Z2);
            Field25519.Multiply(out s.T1, s.X2, s.T0);
            Field25519.Encode(s.T1, out32);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(k);
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(new Span<LadderState>(ref s)));
        }
    }

    /// <summary>
    /// RFC 7748 §5 and §6.1: writes X25519(<paramref name="scalar32"/>, 9), the public key of a private scalar, to
    /// <paramref name="out32"/>, through edwards25519 and the map u = (1 + y) / (1 - y) of RFC 7748 §4.1.
    /// </summary>
    internal static void ScalarMultBase(ReadOnlySpan<byte> scalar32, Span<byte> out32)
    {
        CheckLengths(scalar32, out32);
        Span<byte> k = stackalloc byte[PointSize];
        Scalar reduced = default;
        ExtendedPoint p = default;
        try
        {
            DecodeScalar25519(scalar32, k);

            // B has prime order L, so [k]B = [k mod L]B; MultiplyBase takes scalars below 2^253, and a clamped k is
            // up to 2^255 - 8. k mod L is never 0: k < 8L and k = j L (1 <= j <= 7) would need 8 | j, since 8 | k.
            ScalarField field = Ed25519Scalars.Field;
            reduced = field.ReduceWide(k);
            field.Encode(reduced, k);
            p = EdwardsScalarMultiplication.MultiplyBase(k);

            // With y = Y/Z: u = (1 + y) / (1 - y) = (Z + Y) / (Z - Y) (RFC 7748 §4.1); Z - Y != 0 as p is not the identity.
            Field25519.Add(out FieldElement25519 numerator, p.Z, p.Y);
            Field25519.Subtract(out FieldElement25519 denominator, p.Z, p.Y);
            Field25519.Invert(out FieldElement25519 inverse, denominator);
            Field25519.Multiply(out FieldElement25519 u, numerator, inverse);
            Field25519.Encode(u, out32);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(k);
            reduced.Clear();
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(new Span<ExtendedPoint>(ref p)));
        }
    }

    /// <summary>
    /// RFC 7748 §5 decodeScalar25519: k_list[0] &amp;= 248; k_list[31] &amp;= 127; k_list[31] |= 64, little-endian.
    /// </summary>
    internal static void DecodeScalar25519(ReadOnlySpan<byte> scalar32, Span<byte> k)
    {
        scalar32[..PointSize].CopyTo(k);
        k[0] &= 248;
        k[31] &= 127;
        k[31] |= 64;
    }

    // One step of the RFC 7748 §5 ladder, after the conditional swap:
    //   A = x_2 + z_2, AA = A^2, B = x_2 - z_2, BB = B^2, E = AA - BB, C = x_3 + z_3, D = x_3 - z_3,
    //   DA = D * A, CB = C * B, x_3 = (DA + CB)^2, z_3 = x_1 * (DA - CB)^2, x_2 = AA * BB, z_2 = E * (AA + a24 * E).
    // Bounds (FieldElement25519): every sum is of two reduced elements (< 2^53, within the multiplication bound of
    // 2^54); every subtrahend is reduced (< 2^55 needed); every product, square and MultiplySmall output is reduced.
    // Not inlined on purpose: compiled on its own, the step gets the JIT's whole inlining budget, so the five
    // multiplications and four squarings inline with their Math.BigMul intrinsics (inside ScalarMult the budget ran
    // out and left BigMul as calls).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LadderStep(ref LadderState s)
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

    private static void CheckLengths(ReadOnlySpan<byte> scalar32, Span<byte> out32)
    {
        if (scalar32.Length != PointSize)
        {
            throw Error.Argument_Length(nameof(scalar32), PointSize, scalar32.Length);
        }

        if (out32.Length != PointSize)
        {
            throw Error.Argument_Length(nameof(out32), PointSize, out32.Length);
        }
    }

    // The ladder's secret state in one block, so that it can be cleared as a whole: x_1, (x_2 : z_2), (x_3 : z_3)
    // and four temporaries.
    [StructLayout(LayoutKind.Sequential)]
    private struct LadderState
    {
        internal FieldElement25519 X1, X2, Z2, X3, Z3, T0, T1, T2, T3;
    }
}
