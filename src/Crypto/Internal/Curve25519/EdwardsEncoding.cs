// Point encoding and decoding of edwards25519 (RFC 8032 §5.1.2 and §5.1.3).
//
// Decoding follows RFC 8032 §5.1.3 to the letter: y must be canonical (y < p), x is recovered as a square
// root of u/v with u = y^2 - 1, v = d y^2 + 1 (computed with RFC 9496's SQRT_RATIO_M1, which returns the
// non-negative root), decoding fails when there is no root or when x = 0 and the sign bit is 1, and x is
// negated when its parity differs from the sign bit. Points of small order are decoded; callers that need
// the prime-order subgroup (FROST) check that separately, and Ed25519 public-key import refuses small order
// (Ed25519Core.HasSmallOrderVartime).

using System;
using FintechCrypto.Native.Field25519;

namespace FintechCrypto.Internal.Curve25519;

/// <summary>RFC 8032 point encoding for edwards25519.</summary>
internal static class EdwardsEncoding
{
    /// <summary>The length of an encoded point.</summary>
    internal const int EncodedLength = 32;

    /// <summary>RFC 8032 §5.1.2: the encoding of y with the sign of x in the top bit.</summary>
    internal static void Compress(in ExtendedPoint p, Span<byte> destination)
    {
        Field25519.Invert(out FieldElement25519 zInverse, p.Z);
        Field25519.Multiply(out FieldElement25519 x, p.X, zInverse);
        Field25519.Multiply(out FieldElement25519 y, p.Y, zInverse);
        Field25519.Encode(y, destination);
        destination[31] |= (byte)((Field25519.IsNegativeMask(x) & 1) << 7);
    }

    /// <summary>RFC 8032 §5.1.3: decodes a point, or returns false (wrong length, y >= p, no square root, -0).</summary>
    internal static bool TryDecompress(ReadOnlySpan<byte> encoded, out ExtendedPoint point)
    {
        point = default;
        if (encoded.Length != EncodedLength)
        {
            return false;
        }

        // Step 1: y with the top bit cleared must be canonical.
        Field25519.Decode(out FieldElement25519 y, encoded);
        Span<byte> canonical = stackalloc byte[EncodedLength];
        Field25519.Encode(y, canonical);
        for (int i = 0; i < 31; i++)
        {
            if (canonical[i] != encoded[i])
            {
                return false;
            }
        }

        if (canonical[31] != (encoded[31] & 0x7f))
        {
            return false;
        }

        ulong signBit = (ulong)(encoded[31] >> 7);

        // Steps 2-3: x^2 = (y^2 - 1) / (d y^2 + 1).
        Field25519.Square(out FieldElement25519 yy, y);
        Field25519.Subtract(out FieldElement25519 u, yy, FieldElement25519.One);
        Field25519.Multiply(out FieldElement25519 dyy, yy, EdwardsConstants.D);
        Field25519.Add(out FieldElement25519 v, dyy, FieldElement25519.One);
        if (!Field25519.SqrtRatioM1(out FieldElement25519 x, u, v, EdwardsConstants.SqrtM1))
        {
            return false;
        }

        // Step 4: x = 0 with sign bit 1 is invalid; otherwise pick the root whose parity is the sign bit.
        // x is the non-negative (even) root here.
        if (Field25519.IsZeroMask(x) != 0 && signBit == 1)
        {
            return false;
        }

        Field25519.ConditionalNegate(ref x, 0 - signBit);
        point.X = x;
        point.Y = y;
        point.Z = FieldElement25519.One;
        Field25519.Multiply(out point.T, x, y);
        return true;
    }
}
