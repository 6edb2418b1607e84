// ristretto255 (RFC 9496 §4): a prime-order group built on edwards25519. Elements are edwards25519 points
// taken modulo the 4-torsion; this file holds the encoding, decoding and equality of RFC 9496 §4.3.
// Everything is constant time except where it returns a public validity result.

using System;
using FintechCrypto.Native.Field25519;

namespace FintechCrypto.Internal.Curve25519;

/// <summary>RFC 9496 ristretto255 encode, decode and equality over edwards25519 extended points.</summary>
internal static class Ristretto
{
    /// <summary>The length of an encoding.</summary>
    internal const int EncodedLength = 32;

    /// <summary>RFC 9496 §4.3.1 Decode: false for non-canonical or negative s and for invalid encodings.</summary>
    internal static bool TryDecode(ReadOnlySpan<byte> encoded, out ExtendedPoint point)
    {
        point = default;
        if (encoded.Length != EncodedLength)
        {
            return false;
        }

        // s must be canonical (top bit clear, value below p) and non-negative.
        Field25519.Decode(out FieldElement25519 s, encoded);
        Span<byte> canonical = stackalloc byte[EncodedLength];
        Field25519.Encode(s, canonical);
        if (!canonical.SequenceEqual(encoded) || Field25519.IsNegativeMask(s) != 0)
        {
            return false;
        }

        Field25519.Square(out FieldElement25519 ss, s);
        Field25519.Subtract(out FieldElement25519 u1, FieldElement25519.One, ss);   // 1 + a s^2, a = -1
        Field25519.Add(out FieldElement25519 u2, FieldElement25519.One, ss);        // 1 - a s^2
        Field25519.Square(out FieldElement25519 u2Squared, u2);
        Field25519.Square(out FieldElement25519 u1Squared, u1);
        Field25519.Multiply(out FieldElement25519 dU1Squared, EdwardsConstants.D, u1Squared);
        Field25519.Negate(out FieldElement25519 minusDU1Squared, dU1Squared);
        Field25519.Subtract(out FieldElement25519 v, minusDU1Squared, u2Squared);   // a d u1^2 - u2^2

        Field25519.Multiply(out FieldElement25519 vU2Squared, v, u2Squared);
        bool wasSquare = Field25519.SqrtRatioM1(out FieldElement25519 invSqrt, FieldElement25519.One, vU2Squared, EdwardsConstants.SqrtM1);

        Field25519.Multiply(out FieldElement25519 denX, invSqrt, u2);
        Field25519.Multiply(out FieldElement25519 invSqrtDenX, invSqrt, denX);
        Field25519.Multiply(out FieldElement25519 denY, invSqrtDenX, v);

        Field25519.Add(out FieldElement25519 twoS, s, s);
        Field25519.Multiply(out FieldElement25519 x, twoS, denX);
        Field25519.ConditionalNegate(ref x, Field25519.IsNegativeMask(x));        // CT_ABS
        Field25519.Multiply(out FieldElement25519 y, u1, denY);
        Field25519.Multiply(out FieldElement25519 t, x, y);

        if (!wasSquare || Field25519.IsNegativeMask(t) != 0 || Field25519.IsZeroMask(y) != 0)
        {
            return false;
        }

        point.X = x;
        point.Y = y;
        point.Z = FieldElement25519.One;
        point.T = t;
        return true;
    }

    /// <summary>RFC 9496 §4.3.2 Encode.</summary>
    internal static void Encode(in ExtendedPoint p, Span<byte> destination)
    {
        Field25519.Add(out FieldElement25519 zPlusY, p.Z, p.Y);
        Field25519.Subtract(out FieldElement25519 zMinusY, p.Z, p.Y);
        Field25519.Multiply(out FieldElement25519 u1, zPlusY, zMinusY);
        Field25519.Multiply(out FieldElement25519 u2, p.X, p.Y);

        Field25519.Square(out FieldElement25519 u2Squared, u2);
        Field25519.Multiply(out FieldElement25519 u1U2Squared, u1, u2Squared);
        Field25519.SqrtRatioM1(out FieldElement25519 invSqrt, FieldElement25519.One, u1U2Squared, EdwardsConstants.SqrtM1);
        Field25519.Multiply(out FieldElement25519 den1, invSqrt, u1);
        Field25519.Multiply(out FieldElement25519 den2, invSqrt, u2);
        Field25519.Multiply(out FieldElement25519 den1Den2, den1, den2);
        Field25519.Multiply(out FieldElement25519 zInverse, den1Den2, p.T);

        Field25519.Multiply(out FieldElement25519 ix0, p.X, EdwardsConstants.SqrtM1);
        Field25519.Multiply(out FieldElement25519 iy0, p.Y, EdwardsConstants.SqrtM1);
        Field25519.Multiply(out FieldElement25519 enchantedDenominator, den1, EdwardsConstants.InvSqrtAMinusD);

        Field25519.Multiply(out FieldElement25519 tZInverse, p.T, zInverse);
        ulong rotate = Field25519.IsNegativeMask(tZInverse);
        Field25519.Select(out FieldElement25519 x, iy0, p.X, rotate);
        Field25519.Select(out FieldElement25519 y, ix0, p.Y, rotate);
        Field25519.Select(out FieldElement25519 denInverse, enchantedDenominator, den2, rotate);

        Field25519.Multiply(out FieldElement25519 xZInverse, x, zInverse);
        Field25519.ConditionalNegate(ref y, Field25519.IsNegativeMask(xZInverse));

        Field25519.Subtract(out FieldElement25519 zMinusY2, p.Z, y);
        Field25519.Multiply(out FieldElement25519 s, denInverse, zMinusY2);
        Field25519.ConditionalNegate(ref s, Field25519.IsNegativeMask(s));        // CT_ABS
        Field25519.Encode(s, destination);
    }

    /// <summary>RFC 9496 §4.3.3 Equals: X1 Y2 == Y1 X2 or Y1 Y2 == X1 X2.</summary>
    internal static bool Equal(in ExtendedPoint a, in ExtendedPoint b)
    {
        Field25519.Multiply(out FieldElement25519 x1y2, a.X, b.Y);
        Field25519.Multiply(out FieldElement25519 y1x2, a.Y, b.X);
        Field25519.Multiply(out FieldElement25519 y1y2, a.Y, b.Y);
        Field25519.Multiply(out FieldElement25519 x1x2, a.X, b.X);
        return (Field25519.EqualMask(x1y2, y1x2) | Field25519.EqualMask(y1y2, x1x2)) != 0;
    }

    /// <summary>True when a is the ristretto255 identity (X = 0 or Y = 0).</summary>
    internal static bool IsIdentity(in ExtendedPoint a) =>
        (Field25519.IsZeroMask(a.X) | Field25519.IsZeroMask(a.Y)) != 0;
}
