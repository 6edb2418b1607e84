// Curve25519Group: the arithmetic shared by edwards25519 (RFC 8032) and ristretto255 (RFC 9496) as prime-order
// groups: both hold edwards25519 extended points and run on our Field25519 kernels through Internal/Curve25519;
// they differ only in encoding, equality and the identity test, which the two subclasses supply.
// Multiplications by the generator use the precomputed base-point tables (constant-time radix-32 tables for
// MultiplyBase, width-8 NAF tables in the variable-time multi-scalar multiplication).

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Curve25519;

namespace FintechCrypto.Internal.Groups;

/// <summary>Groups of prime order L on edwards25519 points.</summary>
internal abstract class Curve25519Group : PrimeOrderGroup
{
    private readonly GroupElement _identity;
    private readonly GroupElement _generator;

    /// <summary>Creates the group's identity and generator.</summary>
    private protected Curve25519Group()
    {
        _identity = Wrap(ExtendedPoint.Identity);
        _generator = Wrap(EdwardsScalarMultiplication.BasePoint);
    }

    internal override ScalarField Scalars => Ed25519Scalars.Field;

    internal override int ElementLength => 32;

    internal override GroupElement Identity => _identity;

    internal override GroupElement Generator => _generator;

    internal override GroupElement Add(GroupElement a, GroupElement b) => Wrap(EdwardsArithmetic.Add(Point(a), Point(b)));

    internal override GroupElement Negate(GroupElement a) => Wrap(EdwardsArithmetic.Negate(Point(a)));

    internal override GroupElement Subtract(GroupElement a, GroupElement b) => Wrap(EdwardsArithmetic.Subtract(Point(a), Point(b)));

    internal override GroupElement MultiplyBase(in Scalar k)
    {
        Span<byte> bytes = stackalloc byte[32];
        try
        {
            Scalars.Encode(k, bytes);
            return Wrap(EdwardsScalarMultiplication.MultiplyBase(bytes));
        }
        finally
        {
            bytes.Clear();
        }
    }

    internal override GroupElement Multiply(GroupElement a, in Scalar k)
    {
        Span<byte> bytes = stackalloc byte[32];
        try
        {
            Scalars.Encode(k, bytes);
            return Wrap(EdwardsScalarMultiplication.Multiply(Point(a), bytes));
        }
        finally
        {
            bytes.Clear();
        }
    }

    internal override GroupElement MultiplyVartime(GroupElement a, in Scalar k)
    {
        if (ReferenceEquals(a, _generator))
        {
            return MultiplyBase(k); // the constant-time table method is also the fastest here
        }

        Span<byte> bytes = stackalloc byte[32];
        Scalars.Encode(k, bytes);
        return Wrap(EdwardsVartime.MultiScalarMultiply(bytes, [Point(a)]));
    }

    internal override GroupElement MultiScalarMultiplyVartime(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<GroupElement> elements)
    {
        if (scalars.Length != elements.Length)
        {
            throw Error.Frost_LengthMismatch(nameof(elements), "One scalar per element");
        }

        // Terms on the generator are merged into one and use the base point's precomputed table.
        Scalar baseScalar = Scalars.Zero;
        // Every other element brings its odd-multiples table, built once per element and kept with it (FROST
        // commitments and verifying shares take part in several multiplications per signing).
        byte[] bytes = new byte[32 * scalars.Length];
        var tables = new List<ProjectiveNiels[]>(elements.Length);
        for (int i = 0; i < scalars.Length; i++)
        {
            if (ReferenceEquals(elements[i], _generator))
            {
                baseScalar = Scalars.Add(baseScalar, scalars[i]);
                continue;
            }

            Scalars.Encode(scalars[i], bytes.AsSpan(32 * tables.Count, 32));
            Element element = (Element)elements[i];
            if (!ReferenceEquals(element.Owner, this))
            {
                throw Error.Frost_ForeignElement(nameof(elements), Name);
            }

            ProjectiveNiels[]? table = element.OddMultiples;
            if (table is null)
            {
                table = EdwardsVartime.OddMultiples(element.Value);
                element.OddMultiples = table;
            }

            tables.Add(table);
        }

        byte[] baseBytes = Scalars.Encode(baseScalar);
        return Wrap(EdwardsVartime.MultiScalarMultiply(bytes.AsSpan(0, 32 * tables.Count), tables.ToArray(), baseBytes));
    }

    internal override bool ElementEquals(GroupElement a, GroupElement b) => PointsEqual(Point(a), Point(b));

    internal override bool IsIdentity(GroupElement a) => IsIdentityPoint(Point(a));

    /// <summary>Element equality on the representing points (edwards25519: the same point; ristretto255: the same class).</summary>
    private protected abstract bool PointsEqual(in ExtendedPoint a, in ExtendedPoint b);

    /// <summary>True when the point represents the identity element.</summary>
    private protected abstract bool IsIdentityPoint(in ExtendedPoint a);

    /// <summary>Writes the 32-byte encoding of a point that is not the identity.</summary>
    private protected abstract void Encode(in ExtendedPoint a, Span<byte> destination);

    /// <summary>Decodes an encoding to a point of the group (any element, the identity included), or returns false.</summary>
    private protected abstract bool TryDecode(ReadOnlySpan<byte> encoded, out ExtendedPoint point);

    internal override void SerializeElement(GroupElement a, Span<byte> destination)
    {
        if (IsIdentity(a))
        {
            throw new FintechCryptoException($"The identity element of {Name} has no serialization in FROST (RFC 9591 §6).");
        }

        // Elements are immutable, so their encoding is memoised: commitments and keys are serialized again for
        // every hash input (binding factors, challenges) and each encoding costs a field inversion.
        Element element = (Element)a;
        byte[]? encoding = element.Encoding;
        if (encoding is null)
        {
            encoding = new byte[ElementLength];
            Encode(element.Value, encoding);
            element.Encoding = encoding;
        }

        encoding.CopyTo(destination[..ElementLength]);
    }

    internal override bool TryDeserializeElement(ReadOnlySpan<byte> encoded, out GroupElement element)
    {
        element = _identity;
        if (!TryDecode(encoded, out ExtendedPoint point) || IsIdentityPoint(point))
        {
            return false;
        }

        element = new Element(this, point) { Encoding = encoded.ToArray() };
        return true;
    }

    /// <summary>Wraps an extended point as an element of this group.</summary>
    internal GroupElement Wrap(in ExtendedPoint point) => new Element(this, point);

    /// <summary>The extended point of an element of this group.</summary>
    internal ExtendedPoint Point(GroupElement element) =>
        element is Element e && ReferenceEquals(e.Owner, this) ? e.Value : throw Error.Frost_ForeignElement(nameof(element), Name);

    private sealed class Element : GroupElement
    {
        internal Element(Curve25519Group owner, in ExtendedPoint value)
        {
            Owner = owner;
            Value = value;
        }

        internal Curve25519Group Owner { get; }

        internal ExtendedPoint Value { get; }

        /// <summary>The canonical encoding once known (a benign race: every writer stores the same bytes).</summary>
        internal byte[]? Encoding { get; set; }

        /// <summary>The odd multiples P, 3P, ..., 15P once a variable-time multiplication built them (public data).</summary>
        internal ProjectiveNiels[]? OddMultiples { get; set; }

        internal override PrimeOrderGroup Group => Owner;
    }
}
