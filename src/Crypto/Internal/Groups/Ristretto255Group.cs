// ristretto255 (RFC 9496) as a PrimeOrderGroup, for FROST(ristretto255, SHA-512) (RFC 9591 §6.2): elements
// are RFC 9496 §4.3 encodings (32 bytes); DeserializeElement is RFC 9496 Decode and also rejects the identity.
// Every ristretto255 element is in the prime-order group by construction, so no subgroup check is needed.
// The arithmetic is Curve25519Group's, on our Field25519 kernels.

using System;
using FintechCrypto.Internal.Curve25519;

namespace FintechCrypto.Internal.Groups;

/// <summary>The ristretto255 group of prime order L (RFC 9496).</summary>
internal sealed class Ristretto255Group : Curve25519Group
{
    /// <summary>The one instance.</summary>
    internal static readonly Ristretto255Group Instance = new();

    private Ristretto255Group()
    {
    }

    internal override string Name => "ristretto255";

    private protected override bool PointsEqual(in ExtendedPoint a, in ExtendedPoint b) => Ristretto.Equal(a, b);

    private protected override bool IsIdentityPoint(in ExtendedPoint a) => Ristretto.IsIdentity(a);

    private protected override void Encode(in ExtendedPoint a, Span<byte> destination) => Ristretto.Encode(a, destination);

    private protected override bool TryDecode(ReadOnlySpan<byte> encoded, out ExtendedPoint point) => Ristretto.TryDecode(encoded, out point);
}
