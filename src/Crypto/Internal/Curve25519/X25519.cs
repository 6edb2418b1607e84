// X25519 (RFC 7748 §5) on our own GF(2^255 - 19) arithmetic (Native/Field25519).
//
//   ScalarMult(k, u):  RFC 7748 §5 to the letter: decodeScalar25519 (clear bits 0, 1, 2 and 255, set bit 254),
//                      decodeUCoordinate (mask bit 255; a non-canonical u between p and 2^255 - 1 is accepted and
//                      reduced mod p, as §5 requires), the Montgomery ladder over bits 254..0 with a constant-time
//                      conditional swap (Native/Field25519/X25519Ladder: four-lane AVX2 kernel, scalar twin), then
//                      x_2 * z_2^(p - 2) and encodeUCoordinate (the canonical 32-byte little-endian value).
//   ScalarMultBase(k): the same function at u = 9, computed as [k]B on edwards25519 with our constant-time
//                      base-point tables (EdwardsScalarMultiplication.MultiplyBase) followed by the birational map
//                      of RFC 7748 §4.1, u = (1 + y) / (1 - y). B = (x, 4/5) maps to u = 9, the base point of §4.1.
//
// Constant time: the ladder does the same 255 steps for every scalar; the swap is masked (no branch, no
// secret-dependent index); the inversion is Field25519.Invert's fixed addition chain.
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
        Outputs o = default;
        try
        {
            DecodeScalar25519(scalar32, k);

            // decodeUCoordinate: the top bit is masked and the value taken as is; limbs below 2^51 carry any value
            // up to 2^255 - 1, and the arithmetic below reduces it mod p.
            Field25519.Decode(out FieldElement25519 x1, u32);
            X25519Ladder.Run(k, x1, out o.X2, out o.Z2); // the ladder, with its swaps (Native/Field25519)

            // Return x_2 * (z_2^(p - 2)), encoded (encodeUCoordinate: the canonical value, 32 bytes little-endian).
            Field25519.Invert(out o.Inverse, o.Z2);
            Field25519.Multiply(out o.U, o.X2, o.Inverse);
            Field25519.Encode(o.U, out32);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(k);
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(new Span<Outputs>(ref o)));
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

    // The ladder's outputs and the final inversion's, secret, in one block so that they can be cleared as a whole.
    [StructLayout(LayoutKind.Sequential)]
    private struct Outputs
    {
        internal FieldElement25519 X2, Z2, Inverse, U;
    }
}
