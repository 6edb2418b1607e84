// Ed448Point: a mutable point of edwards448 (RFC 8032 §5.2: x^2 + y^2 = 1 + d x^2 y^2 over GF(p), a = 1,
// d = -39081) in projective coordinates (X : Y : Z) with x = X/Z, y = Y/Z, and the curve's point formulas.
//
// References: RFC 8032 §5.2.4 (point addition and doubling in projective coordinates; the formulas are complete
// because d is not a square in GF(p), so they hold for every pair of points, the identity and equal points
// included, with no exceptional cases to branch on).
//
// The formulas run the same field operations whatever the inputs, so they are constant time. Outputs may alias
// inputs: every formula reads all of its inputs before it writes its output.

using System;

namespace FintechCrypto.Internal.Groups;

/// <summary>A mutable edwards448 point in projective coordinates (X : Y : Z), with the RFC 8032 §5.2.4 formulas.</summary>
internal sealed class Ed448Point
{
    /// <summary>-d = 39081, the small constant the formulas multiply by (d = -39081, RFC 8032 §5.2).</summary>
    internal const uint NegativeD = 39081;

    /// <summary>Creates the identity (0 : 1 : 1).</summary>
    internal Ed448Point()
    {
        Ed448Field.One(Y);
        Ed448Field.One(Z);
    }

    /// <summary>Creates the point (x : y : 1) from affine coordinates (copied).</summary>
    internal Ed448Point(uint[] x, uint[] y)
    {
        Ed448Field.Copy(x, X);
        Ed448Field.Copy(y, Y);
        Ed448Field.One(Z);
    }

    /// <summary>The projective X coordinate.</summary>
    internal uint[] X { get; } = Ed448Field.Create();

    /// <summary>The projective Y coordinate.</summary>
    internal uint[] Y { get; } = Ed448Field.Create();

    /// <summary>The projective Z coordinate (never 0 for points on the curve).</summary>
    internal uint[] Z { get; } = Ed448Field.Create();

    /// <summary>A copy of this point.</summary>
    internal Ed448Point Clone()
    {
        var copy = new Ed448Point();
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>this = p.</summary>
    internal void CopyFrom(Ed448Point p) => ConditionalMove(-1, p);

    /// <summary>this = (0 : 1 : 1), the identity.</summary>
    internal void SetIdentity()
    {
        Ed448Field.Zero(X);
        Ed448Field.One(Y);
        Ed448Field.One(Z);
    }

    /// <summary>this = p when <paramref name="mask"/> is -1, unchanged when it is 0; constant time.</summary>
    internal void ConditionalMove(int mask, Ed448Point p)
    {
        Ed448Field.ConditionalMove(mask, p.X, X);
        Ed448Field.ConditionalMove(mask, p.Y, Y);
        Ed448Field.ConditionalMove(mask, p.Z, Z);
    }

    /// <summary>this = -p: -(x, y) = (-x, y) on an Edwards curve.</summary>
    internal void SetNegation(Ed448Point p)
    {
        CopyFrom(p);
        Ed448Field.Negate(X, X);
    }

    /// <summary>Overwrites the coordinates with zeros (points derived from secrets).</summary>
    internal void Clear()
    {
        Array.Clear(X);
        Array.Clear(Y);
        Array.Clear(Z);
    }

    /// <summary>True when this is the identity: X = 0 and Y = Z; variable time.</summary>
    internal bool IsIdentityVar() => Ed448Field.IsZeroVar(X) && Ed448Field.AreEqualVar(Y, Z);

    /// <summary>True when this and p are the same point: X1 Z2 = X2 Z1 and Y1 Z2 = Y2 Z1; variable time.</summary>
    internal bool EqualsVar(Ed448Point p)
    {
        uint[] left = Ed448Field.Create();
        uint[] right = Ed448Field.Create();
        Ed448Field.Mul(X, p.Z, left);
        Ed448Field.Mul(p.X, Z, right);
        if (!Ed448Field.AreEqualVar(left, right))
        {
            return false;
        }

        Ed448Field.Mul(Y, p.Z, left);
        Ed448Field.Mul(p.Y, Z, right);
        return Ed448Field.AreEqualVar(left, right);
    }

    /// <summary>
    /// r = p + q (RFC 8032 §5.2.4, "Adding points"): A = Z1 Z2, B = A^2, C = X1 X2, D = Y1 Y2, E = d C D,
    /// F = B - E, G = B + E, H = (X1 + Y1)(X2 + Y2), X3 = A F (H - C - D), Y3 = A G (D - C), Z3 = F G.
    /// </summary>
    internal static void Add(Ed448Point p, Ed448Point q, Ed448Point r, Scratch t)
    {
        Ed448Field.Mul(p.Z, q.Z, t.A);
        Ed448Field.Sqr(t.A, t.B);
        AddCore(p, q.X, q.Y, r, t);
    }

    /// <summary>
    /// r = p + (x2, y2) for an affine point (Z2 = 1): the formulas of <see cref="Add"/> with A = Z1, B = Z1^2.
    /// </summary>
    internal static void AddAffine(Ed448Point p, uint[] x2, uint[] y2, Ed448Point r, Scratch t)
    {
        Ed448Field.Copy(p.Z, t.A);
        Ed448Field.Sqr(t.A, t.B);
        AddCore(p, x2, y2, r, t);
    }

    /// <summary>
    /// r = 2p (RFC 8032 §5.2.4, "Doubling points"): B = (X1 + Y1)^2, C = X1^2, D = Y1^2, E = C + D, H = Z1^2,
    /// J = E - 2H, X3 = (B - E) J, Y3 = E (C - D), Z3 = E J.
    /// </summary>
    internal static void Double(Ed448Point p, Ed448Point r, Scratch t)
    {
        Ed448Field.Add(p.X, p.Y, t.B);
        Ed448Field.Sqr(t.B, t.B);          // B
        Ed448Field.Sqr(p.X, t.C);          // C
        Ed448Field.Sqr(p.Y, t.D);          // D
        Ed448Field.Sqr(p.Z, t.H);          // H
        Ed448Field.Add(t.C, t.D, t.E);     // E = C + D
        Ed448Field.Add(t.H, t.H, t.H);     // 2H
        Ed448Field.Sub(t.E, t.H, t.F);     // J = E - 2H
        Ed448Field.Sub(t.B, t.E, t.B);     // B - E
        Ed448Field.Sub(t.C, t.D, t.C);     // C - D
        Ed448Field.Mul(t.B, t.F, r.X);     // X3 = (B - E) J
        Ed448Field.Mul(t.E, t.C, r.Y);     // Y3 = E (C - D)
        Ed448Field.Mul(t.E, t.F, r.Z);     // Z3 = E J
    }

    /// <summary>r = 2^n p (n doublings).</summary>
    internal static void DoubleTimes(Ed448Point p, int n, Ed448Point r, Scratch t)
    {
        if (!ReferenceEquals(p, r))
        {
            r.CopyFrom(p);
        }

        for (int i = 0; i < n; i++)
        {
            Double(r, r, t);
        }
    }

    // The addition formula from C onwards, with A and B already in t.A and t.B.
    private static void AddCore(Ed448Point p, uint[] x2, uint[] y2, Ed448Point r, Scratch t)
    {
        Ed448Field.Mul(p.X, x2, t.C);               // C = X1 X2
        Ed448Field.Mul(p.Y, y2, t.D);               // D = Y1 Y2
        Ed448Field.Add(p.X, p.Y, t.H);
        Ed448Field.Add(x2, y2, t.E);
        Ed448Field.Mul(t.H, t.E, t.H);              // H = (X1 + Y1)(X2 + Y2); every input is now read
        Ed448Field.Mul(t.C, t.D, t.E);
        Ed448Field.Mul(t.E, NegativeD, t.E);        // -E = -d C D = 39081 C D
        Ed448Field.Add(t.B, t.E, t.F);              // F = B - E
        Ed448Field.Sub(t.B, t.E, t.G);              // G = B + E
        Ed448Field.Sub(t.H, t.C, t.H);
        Ed448Field.Sub(t.H, t.D, t.H);              // H - C - D
        Ed448Field.Sub(t.D, t.C, t.D);              // D - C
        Ed448Field.Mul(t.A, t.F, t.C);
        Ed448Field.Mul(t.C, t.H, r.X);              // X3 = A F (H - C - D)
        Ed448Field.Mul(t.A, t.G, t.C);
        Ed448Field.Mul(t.C, t.D, r.Y);              // Y3 = A G (D - C)
        Ed448Field.Mul(t.F, t.G, r.Z);              // Z3 = F G
    }

    /// <summary>The temporaries of the point formulas, allocated once per scalar multiplication.</summary>
    internal sealed class Scratch
    {
        internal uint[] A { get; } = Ed448Field.Create();

        internal uint[] B { get; } = Ed448Field.Create();

        internal uint[] C { get; } = Ed448Field.Create();

        internal uint[] D { get; } = Ed448Field.Create();

        internal uint[] E { get; } = Ed448Field.Create();

        internal uint[] F { get; } = Ed448Field.Create();

        internal uint[] G { get; } = Ed448Field.Create();

        internal uint[] H { get; } = Ed448Field.Create();

        /// <summary>Overwrites the temporaries with zeros.</summary>
        internal void Clear()
        {
            Array.Clear(A);
            Array.Clear(B);
            Array.Clear(C);
            Array.Clear(D);
            Array.Clear(E);
            Array.Clear(F);
            Array.Clear(G);
            Array.Clear(H);
        }
    }
}
