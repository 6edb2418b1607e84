// The coordinate systems of edwards25519 point arithmetic (-x^2 + y^2 = 1 + d x^2 y^2 over GF(2^255 - 19)).
//
// References: RFC 8032 §5.1.4 (extended coordinates and the addition/doubling formulas); Hisil, Wong, Carter,
// Dawson, "Twisted Edwards Curves Revisited" (2008), §3-§4; the "completed", "projective Niels" and "affine
// Niels" forms of Bernstein et al.'s ref10 and curve25519-dalek curve_models.
//
//   ExtendedPoint   (X : Y : Z : T)        x = X/Z, y = Y/Z, x y = T/Z
//   ProjectivePoint (X : Y : Z)            x = X/Z, y = Y/Z (for doubling chains)
//   CompletedPoint  ((X : Z), (Y : T))     x = X/Z, y = Y/T (the output of every add and double)
//   ProjectiveNiels (Y+X, Y-X, Z, 2dT)     a cached addend
//   AffineNiels     (y+x, y-x, 2dxy)       a cached addend with Z = 1 (precomputed tables)

using FintechCrypto.Native.Field25519;

namespace FintechCrypto.Internal.Curve25519;

/// <summary>A point in extended twisted Edwards coordinates (X : Y : Z : T), with x y = T/Z.</summary>
internal struct ExtendedPoint
{
    internal FieldElement25519 X, Y, Z, T;

    /// <summary>The neutral element (0, 1).</summary>
    internal static ExtendedPoint Identity => new() { Y = FieldElement25519.One, Z = FieldElement25519.One };
}

/// <summary>A point in projective coordinates (X : Y : Z).</summary>
internal struct ProjectivePoint
{
    internal FieldElement25519 X, Y, Z;
}

/// <summary>A point ((X : Z), (Y : T)) as produced by the addition and doubling formulas.</summary>
internal struct CompletedPoint
{
    internal FieldElement25519 X, Y, Z, T;
}

/// <summary>A cached addend (Y + X, Y - X, Z, 2 d T). 20 limbs, laid out for table lookup.</summary>
internal struct ProjectiveNiels
{
    internal FieldElement25519 YPlusX, YMinusX, Z, T2d;

    /// <summary>The neutral element as an addend.</summary>
    internal static ProjectiveNiels Identity => new() { YPlusX = FieldElement25519.One, YMinusX = FieldElement25519.One, Z = FieldElement25519.One };
}

/// <summary>A cached addend with Z = 1: (y + x, y - x, 2 d x y). 15 limbs (16 with padding in tables).</summary>
internal struct AffineNiels
{
    internal FieldElement25519 YPlusX, YMinusX, XY2d;

    /// <summary>The neutral element as an addend.</summary>
    internal static AffineNiels Identity => new() { YPlusX = FieldElement25519.One, YMinusX = FieldElement25519.One };
}
