// The edwards25519 prime-order subgroup as a PrimeOrderGroup (RFC 9591 §6.1 for FROST(Ed25519, SHA-512)):
// elements are RFC 8032 encodings (32 bytes); DeserializeElement decodes per RFC 8032 §5.1.3 and also
// rejects the identity and every point outside the subgroup of order L (RFC 9591 §6.1). The arithmetic is
// Curve25519Group's, on our Field25519 kernels.

using System;
using FintechCrypto.Internal.Curve25519;

namespace FintechCrypto.Internal.Groups;

/// <summary>edwards25519's subgroup of prime order L (RFC 8032 §5.1).</summary>
internal sealed class Edwards25519Group : Curve25519Group
{
    /// <summary>The one instance.</summary>
    internal static readonly Edwards25519Group Instance = new();

    private static readonly byte[] s_orderBytes = Ed25519Scalars.Order.ToByteArray(isUnsigned: true, isBigEndian: false);

    private Edwards25519Group()
    {
    }

    internal override string Name => "edwards25519";

    /// <summary>True when [L]P is the identity (variable time: for public points).</summary>
    internal static bool IsInPrimeOrderSubgroup(in ExtendedPoint point)
    {
        Span<byte> order = stackalloc byte[32];
        order.Clear();
        s_orderBytes.CopyTo(order);
        return EdwardsArithmetic.IsIdentityVartime(EdwardsVartime.MultiScalarMultiply(order, [point]));
    }

    private protected override bool PointsEqual(in ExtendedPoint a, in ExtendedPoint b) => EdwardsArithmetic.EqualVartime(a, b);

    private protected override bool IsIdentityPoint(in ExtendedPoint a) => EdwardsArithmetic.IsIdentityVartime(a);

    private protected override void Encode(in ExtendedPoint a, Span<byte> destination) => EdwardsEncoding.Compress(a, destination);

    private protected override bool TryDecode(ReadOnlySpan<byte> encoded, out ExtendedPoint point) =>
        EdwardsEncoding.TryDecompress(encoded, out point) && IsInPrimeOrderSubgroup(point);
}
