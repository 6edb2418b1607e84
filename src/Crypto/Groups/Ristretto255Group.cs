// ristretto255 (RFC 9496) as a PrimeOrderGroup, for FROST(ristretto255, SHA-512) (RFC 9591 §6.2): elements
// are RFC 9496 §4.3 encodings (32 bytes); DeserializeElement is RFC 9496 Decode and also rejects the identity.
// Every ristretto255 element is in the prime-order group by construction, so no subgroup check is needed.
// The arithmetic is edwards25519's, on our Field25519 kernels.

using System;
using FintechCrypto.Internal.Curve25519;

namespace FintechCrypto.Groups;

/// <summary>The ristretto255 group of prime order L (RFC 9496).</summary>
internal sealed class Ristretto255Group : PrimeOrderGroup
{
    /// <summary>The one instance.</summary>
    internal static readonly Ristretto255Group Instance = new();

    private readonly Element _identity = new(ExtendedPoint.Identity);
    private readonly Element _generator = new(EdwardsScalarMultiplication.BasePoint);

    private Ristretto255Group()
    {
    }

    internal override string Name => "ristretto255";

    internal override ScalarField Scalars => Ed25519Scalars.Field;

    internal override int ElementLength => Ristretto.EncodedLength;

    internal override GroupElement Identity => _identity;

    internal override GroupElement Generator => _generator;

    internal override GroupElement Add(GroupElement a, GroupElement b) => new Element(EdwardsArithmetic.Add(Point(a), Point(b)));

    internal override GroupElement Negate(GroupElement a) => new Element(EdwardsArithmetic.Negate(Point(a)));

    internal override GroupElement Subtract(GroupElement a, GroupElement b) => new Element(EdwardsArithmetic.Subtract(Point(a), Point(b)));

    internal override GroupElement MultiplyBase(in Scalar k)
    {
        Span<byte> bytes = stackalloc byte[32];
        try
        {
            Scalars.Encode(k, bytes);
            return new Element(EdwardsScalarMultiplication.MultiplyBase(bytes));
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
            return new Element(EdwardsScalarMultiplication.Multiply(Point(a), bytes));
        }
        finally
        {
            bytes.Clear();
        }
    }

    internal override GroupElement MultiplyVartime(GroupElement a, in Scalar k)
    {
        Span<byte> bytes = stackalloc byte[32];
        Scalars.Encode(k, bytes);
        return new Element(EdwardsVartime.MultiScalarMultiply(bytes, [Point(a)]));
    }

    internal override GroupElement MultiScalarMultiplyVartime(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<GroupElement> elements)
    {
        if (scalars.Length != elements.Length)
        {
            throw new ArgumentException("The scalar and element lists differ in length.", nameof(elements));
        }

        byte[] bytes = new byte[32 * scalars.Length];
        var points = new ExtendedPoint[elements.Length];
        for (int i = 0; i < scalars.Length; i++)
        {
            Scalars.Encode(scalars[i], bytes.AsSpan(32 * i, 32));
            points[i] = Point(elements[i]);
        }

        return new Element(EdwardsVartime.MultiScalarMultiply(bytes, points));
    }

    internal override bool ElementEquals(GroupElement a, GroupElement b) => Ristretto.Equal(Point(a), Point(b));

    internal override bool IsIdentity(GroupElement a) => Ristretto.IsIdentity(Point(a));

    internal override void SerializeElement(GroupElement a, Span<byte> destination)
    {
        if (IsIdentity(a))
        {
            throw new FintechCryptoException("The identity element has no serialization in FROST (RFC 9591 §6.2).");
        }

        Ristretto.Encode(Point(a), destination[..ElementLength]);
    }

    internal override bool TryDeserializeElement(ReadOnlySpan<byte> encoded, out GroupElement element)
    {
        element = _identity;
        if (!Ristretto.TryDecode(encoded, out ExtendedPoint point) || Ristretto.IsIdentity(point))
        {
            return false;
        }

        element = new Element(point);
        return true;
    }

    /// <summary>Wraps an extended point as an element of this group (for suites and tests).</summary>
    internal static GroupElement FromPoint(in ExtendedPoint point) => new Element(point);

    /// <summary>The extended point of an element of this group.</summary>
    internal static ExtendedPoint Point(GroupElement element) =>
        element is Element e ? e.Value : throw new ArgumentException("The element belongs to another group.", nameof(element));

    private sealed class Element : GroupElement
    {
        internal Element(in ExtendedPoint value) => Value = value;

        internal ExtendedPoint Value { get; }

        internal override PrimeOrderGroup Group => Instance;
    }
}
