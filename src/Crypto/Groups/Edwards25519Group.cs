// The edwards25519 prime-order subgroup as a PrimeOrderGroup (RFC 9591 §6.1 for FROST(Ed25519, SHA-512)):
// elements are RFC 8032 encodings (32 bytes); DeserializeElement decodes per RFC 8032 §5.1.3 and also
// rejects the identity and every point outside the subgroup of order L (RFC 9591 §6.1). Arithmetic runs
// on our Field25519 kernels (src/Crypto.Native/Field25519) through Internal/Curve25519.

using System;
using FintechCrypto.Internal.Curve25519;

namespace FintechCrypto.Groups;

/// <summary>edwards25519's subgroup of prime order L (RFC 8032 §5.1).</summary>
internal sealed class Edwards25519Group : PrimeOrderGroup
{
    /// <summary>The one instance.</summary>
    internal static readonly Edwards25519Group Instance = new();

    private static readonly byte[] s_orderBytes = Ed25519Scalars.Order.ToByteArray(isUnsigned: true, isBigEndian: false);

    private readonly Element _identity = new(ExtendedPoint.Identity);
    private readonly Element _generator = new(EdwardsScalarMultiplication.BasePoint);

    private Edwards25519Group()
    {
    }

    internal override string Name => "edwards25519";

    internal override ScalarField Scalars => Ed25519Scalars.Field;

    internal override int ElementLength => EdwardsEncoding.EncodedLength;

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

    internal override bool ElementEquals(GroupElement a, GroupElement b) => EdwardsArithmetic.EqualVartime(Point(a), Point(b));

    internal override bool IsIdentity(GroupElement a) => EdwardsArithmetic.IsIdentityVartime(Point(a));

    internal override void SerializeElement(GroupElement a, Span<byte> destination)
    {
        if (IsIdentity(a))
        {
            throw new FintechCryptoException("The identity element has no serialization in FROST (RFC 9591 §6.1).");
        }

        EdwardsEncoding.Compress(Point(a), destination[..ElementLength]);
    }

    internal override bool TryDeserializeElement(ReadOnlySpan<byte> encoded, out GroupElement element)
    {
        element = _identity;
        if (!EdwardsEncoding.TryDecompress(encoded, out ExtendedPoint point)
            || EdwardsArithmetic.IsIdentityVartime(point)
            || !IsInPrimeOrderSubgroup(point))
        {
            return false;
        }

        element = new Element(point);
        return true;
    }

    /// <summary>True when [L]P is the identity (variable time: for public points).</summary>
    internal static bool IsInPrimeOrderSubgroup(in ExtendedPoint point)
    {
        Span<byte> order = stackalloc byte[32];
        order.Clear();
        s_orderBytes.CopyTo(order);
        return EdwardsArithmetic.IsIdentityVartime(EdwardsVartime.MultiScalarMultiply(order, [point]));
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
