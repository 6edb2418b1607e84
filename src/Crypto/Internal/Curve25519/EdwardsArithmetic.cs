// Point addition, doubling and conversions on edwards25519 (a = -1).
//
// References: RFC 8032 §5.1.4 (addition and doubling in extended coordinates); Hisil-Wong-Carter-Dawson 2008
// §3.1 ("add-2008-hwcd-3", unified and complete for a = -1 with d non-square) and §3.3 ("dbl-2008-hwcd").
// The formulas are complete: no exceptional cases, so they are constant time by construction.
// Limb bounds (FieldElement25519): sums feed multiplications directly (below 2^54), differences are reduced.
// These methods are deliberately not force-inlined: each is one compiled body in which the field operations
// inline completely, whereas inlining them into the long scalar-multiplication loops exhausts the JIT's
// inlining budget and leaves the field arithmetic as calls.

using FintechCrypto.Native.Field25519;

namespace FintechCrypto.Internal.Curve25519;

/// <summary>The group law of edwards25519 on the coordinate systems of PointTypes.cs.</summary>
internal static class EdwardsArithmetic
{
    /// <summary>r = 2 p (HWCD 2008 §3.3, dbl-2008-hwcd with a = -1).</summary>
    internal static void Double(out CompletedPoint r, in ProjectivePoint p)
    {
        Field25519.Square(out FieldElement25519 xx, p.X);
        Field25519.Square(out FieldElement25519 yy, p.Y);
        Field25519.SquareDouble(out FieldElement25519 zz2, p.Z);
        Field25519.Add(out FieldElement25519 xPlusY, p.X, p.Y);
        Field25519.Square(out FieldElement25519 xPlusYSquared, xPlusY);
        Field25519.Add(out FieldElement25519 yyPlusXx, yy, xx);
        Field25519.Subtract(out FieldElement25519 yyMinusXx, yy, xx);
        Field25519.Subtract(out r.X, xPlusYSquared, yyPlusXx);
        r.Y = yyPlusXx;
        r.Z = yyMinusXx;
        Field25519.Subtract(out r.T, zz2, yyMinusXx);
    }

    /// <summary>r = p + q for a cached addend q (HWCD 2008 §3.1, add-2008-hwcd-3).</summary>
    internal static void Add(out CompletedPoint r, in ExtendedPoint p, in ProjectiveNiels q)
    {
        Field25519.Add(out FieldElement25519 yPlusX, p.Y, p.X);
        Field25519.Subtract(out FieldElement25519 yMinusX, p.Y, p.X);
        Field25519.Multiply(out FieldElement25519 pp, yPlusX, q.YPlusX);
        Field25519.Multiply(out FieldElement25519 mm, yMinusX, q.YMinusX);
        Field25519.Multiply(out FieldElement25519 tt2d, p.T, q.T2d);
        Field25519.Multiply(out FieldElement25519 zz, p.Z, q.Z);
        Field25519.Add(out FieldElement25519 zz2, zz, zz);
        Field25519.Subtract(out r.X, pp, mm);
        Field25519.Add(out r.Y, pp, mm);
        Field25519.Add(out r.Z, zz2, tt2d);
        Field25519.Subtract(out r.T, zz2, tt2d);
    }

    /// <summary>r = p - q for a cached addend q.</summary>
    internal static void Subtract(out CompletedPoint r, in ExtendedPoint p, in ProjectiveNiels q)
    {
        Field25519.Add(out FieldElement25519 yPlusX, p.Y, p.X);
        Field25519.Subtract(out FieldElement25519 yMinusX, p.Y, p.X);
        Field25519.Multiply(out FieldElement25519 pm, yPlusX, q.YMinusX);
        Field25519.Multiply(out FieldElement25519 mp, yMinusX, q.YPlusX);
        Field25519.Multiply(out FieldElement25519 tt2d, p.T, q.T2d);
        Field25519.Multiply(out FieldElement25519 zz, p.Z, q.Z);
        Field25519.Add(out FieldElement25519 zz2, zz, zz);
        Field25519.Subtract(out r.X, pm, mp);
        Field25519.Add(out r.Y, pm, mp);
        Field25519.Subtract(out r.Z, zz2, tt2d);
        Field25519.Add(out r.T, zz2, tt2d);
    }

    /// <summary>r = p + q for an affine cached addend q (Z = 1).</summary>
    internal static void Add(out CompletedPoint r, in ExtendedPoint p, in AffineNiels q)
    {
        Field25519.Add(out FieldElement25519 yPlusX, p.Y, p.X);
        Field25519.Subtract(out FieldElement25519 yMinusX, p.Y, p.X);
        Field25519.Multiply(out FieldElement25519 pp, yPlusX, q.YPlusX);
        Field25519.Multiply(out FieldElement25519 mm, yMinusX, q.YMinusX);
        Field25519.Multiply(out FieldElement25519 txy2d, p.T, q.XY2d);
        Field25519.Add(out FieldElement25519 z2, p.Z, p.Z);
        Field25519.Subtract(out r.X, pp, mm);
        Field25519.Add(out r.Y, pp, mm);
        Field25519.Add(out r.Z, z2, txy2d);
        Field25519.Subtract(out r.T, z2, txy2d);
    }

    /// <summary>r = p - q for an affine cached addend q.</summary>
    internal static void Subtract(out CompletedPoint r, in ExtendedPoint p, in AffineNiels q)
    {
        Field25519.Add(out FieldElement25519 yPlusX, p.Y, p.X);
        Field25519.Subtract(out FieldElement25519 yMinusX, p.Y, p.X);
        Field25519.Multiply(out FieldElement25519 pm, yPlusX, q.YMinusX);
        Field25519.Multiply(out FieldElement25519 mp, yMinusX, q.YPlusX);
        Field25519.Multiply(out FieldElement25519 txy2d, p.T, q.XY2d);
        Field25519.Add(out FieldElement25519 z2, p.Z, p.Z);
        Field25519.Subtract(out r.X, pm, mp);
        Field25519.Add(out r.Y, pm, mp);
        Field25519.Subtract(out r.Z, z2, txy2d);
        Field25519.Add(out r.T, z2, txy2d);
    }

    /// <summary>Completed to extended: (X T : Y Z : Z T : X Y).</summary>
    internal static void ToExtended(out ExtendedPoint r, in CompletedPoint p)
    {
        Field25519.Multiply(out r.X, p.X, p.T);
        Field25519.Multiply(out r.Y, p.Y, p.Z);
        Field25519.Multiply(out r.Z, p.Z, p.T);
        Field25519.Multiply(out r.T, p.X, p.Y);
    }

    /// <summary>Completed to projective: (X T : Y Z : Z T), one multiplication fewer.</summary>
    internal static void ToProjective(out ProjectivePoint r, in CompletedPoint p)
    {
        Field25519.Multiply(out r.X, p.X, p.T);
        Field25519.Multiply(out r.Y, p.Y, p.Z);
        Field25519.Multiply(out r.Z, p.Z, p.T);
    }

    /// <summary>Extended to projective (drops T).</summary>
    internal static void ToProjective(out ProjectivePoint r, in ExtendedPoint p)
    {
        r.X = p.X;
        r.Y = p.Y;
        r.Z = p.Z;
    }

    /// <summary>Extended to a cached addend.</summary>
    internal static void ToNiels(out ProjectiveNiels r, in ExtendedPoint p)
    {
        Field25519.Add(out r.YPlusX, p.Y, p.X);
        Field25519.Subtract(out r.YMinusX, p.Y, p.X);
        r.Z = p.Z;
        Field25519.Multiply(out r.T2d, p.T, EdwardsConstants.D2);
    }

    /// <summary>Extended to an affine cached addend (one inversion).</summary>
    internal static void ToAffineNiels(out AffineNiels r, in ExtendedPoint p)
    {
        Field25519.Invert(out FieldElement25519 zInverse, p.Z);
        Field25519.Multiply(out FieldElement25519 x, p.X, zInverse);
        Field25519.Multiply(out FieldElement25519 y, p.Y, zInverse);
        Field25519.Add(out FieldElement25519 yPlusX, y, x);
        Field25519.Subtract(out r.YMinusX, y, x);
        Field25519.Reduce(out r.YPlusX, yPlusX.L0, yPlusX.L1, yPlusX.L2, yPlusX.L3, yPlusX.L4);
        Field25519.Multiply(out FieldElement25519 xy, x, y);
        Field25519.Multiply(out r.XY2d, xy, EdwardsConstants.D2);
    }

    /// <summary>r = p + q.</summary>
    internal static ExtendedPoint Add(in ExtendedPoint p, in ExtendedPoint q)
    {
        ToNiels(out ProjectiveNiels qn, q);
        Add(out CompletedPoint sum, p, qn);
        ToExtended(out ExtendedPoint r, sum);
        return r;
    }

    /// <summary>r = p - q.</summary>
    internal static ExtendedPoint Subtract(in ExtendedPoint p, in ExtendedPoint q)
    {
        ToNiels(out ProjectiveNiels qn, q);
        Subtract(out CompletedPoint difference, p, qn);
        ToExtended(out ExtendedPoint r, difference);
        return r;
    }

    /// <summary>r = 2 p.</summary>
    internal static ExtendedPoint Double(in ExtendedPoint p)
    {
        ToProjective(out ProjectivePoint pp, p);
        Double(out CompletedPoint d, pp);
        ToExtended(out ExtendedPoint r, d);
        return r;
    }

    /// <summary>r = 2^k p for k >= 1.</summary>
    internal static ExtendedPoint MultiplyByPowerOfTwo(in ExtendedPoint p, int k)
    {
        ToProjective(out ProjectivePoint r, p);
        CompletedPoint c;
        for (int i = 0; i < k - 1; i++)
        {
            Double(out c, r);
            ToProjective(out r, c);
        }

        Double(out c, r);
        ToExtended(out ExtendedPoint result, c);
        return result;
    }

    /// <summary>-p = (-X : Y : Z : -T).</summary>
    internal static ExtendedPoint Negate(in ExtendedPoint p)
    {
        ExtendedPoint r = p;
        Field25519.Negate(out r.X, p.X);
        Field25519.Negate(out r.T, p.T);
        return r;
    }

    /// <summary>True when p is the identity (X = 0 and Y = Z). Variable time: for public points.</summary>
    internal static bool IsIdentityVartime(in ExtendedPoint p) =>
        Field25519.IsZeroMask(p.X) != 0 && Field25519.EqualMask(p.Y, p.Z) != 0;

    /// <summary>True when p and q are the same point (X1 Z2 = X2 Z1 and Y1 Z2 = Y2 Z1).</summary>
    internal static bool EqualVartime(in ExtendedPoint p, in ExtendedPoint q)
    {
        Field25519.Multiply(out FieldElement25519 x1z2, p.X, q.Z);
        Field25519.Multiply(out FieldElement25519 x2z1, q.X, p.Z);
        Field25519.Multiply(out FieldElement25519 y1z2, p.Y, q.Z);
        Field25519.Multiply(out FieldElement25519 y2z1, q.Y, p.Z);
        return (Field25519.EqualMask(x1z2, x2z1) & Field25519.EqualMask(y1z2, y2z1)) != 0;
    }

    /// <summary>Negates a cached addend when mask is all ones: swap Y+X and Y-X, negate 2dT.</summary>
    internal static void ConditionalNegate(ref ProjectiveNiels q, ulong mask)
    {
        FieldElement25519 a = q.YPlusX;
        Field25519.Select(out q.YPlusX, q.YMinusX, a, mask);
        Field25519.Select(out q.YMinusX, a, q.YMinusX, mask);
        Field25519.ConditionalNegate(ref q.T2d, mask);
    }

    /// <summary>Negates an affine cached addend when mask is all ones.</summary>
    internal static void ConditionalNegate(ref AffineNiels q, ulong mask)
    {
        FieldElement25519 a = q.YPlusX;
        Field25519.Select(out q.YPlusX, q.YMinusX, a, mask);
        Field25519.Select(out q.YMinusX, a, q.YMinusX, mask);
        Field25519.ConditionalNegate(ref q.XY2d, mask);
    }
}
