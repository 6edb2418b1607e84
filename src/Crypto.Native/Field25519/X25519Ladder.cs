// X25519Ladder: the Montgomery ladder of RFC 7748 §5 over bits 254..0 of a decoded (clamped) scalar, with the
// constant-time conditional swap, returning (x_2 : z_2). The caller (src/Crypto/Internal/Curve25519/X25519.cs)
// decodes the inputs and computes x_2 * z_2^(p - 2) and its encoding.
//
// Dispatch: the AVX2 twin (four field elements per instruction, Field25519x4) when Dispatch.UseAvx2, else the scalar
// twin (Field25519, the reference). Both have the same signature and the same result as field elements.

using System;

namespace FintechCrypto.Native.Field25519;

/// <summary>The RFC 7748 §5 Montgomery ladder.</summary>
internal static class X25519Ladder
{
    /// <summary>The number of ladder steps: bits = 255 for X25519 (RFC 7748 §5).</summary>
    internal const int Bits = 255;

    /// <summary>
    /// Runs the ladder for the decoded scalar <paramref name="k"/> (32 bytes, little-endian) on the u-coordinate
    /// <paramref name="x1"/>; returns x_2 and z_2 reduced, before the final inversion.
    /// </summary>
    internal static void Run(ReadOnlySpan<byte> k, in FieldElement25519 x1, out FieldElement25519 x2, out FieldElement25519 z2)
    {
        if (k.Length != 32)
        {
            throw new ArgumentException("The scalar must be 32 bytes.", nameof(k));
        }

        if (Dispatch.UseAvx2)
        {
            X25519LadderAvx2.Run(k, x1, out x2, out z2);
        }
        else
        {
            X25519LadderScalar.Run(k, x1, out x2, out z2);
        }
    }
}
