// GroupElement: an element of a prime-order group (RFC 9591 §3.1 "Element"), in whatever internal
// representation its group uses (extended Edwards coordinates, a BouncyCastle ECPoint, ...).

namespace FintechCrypto.Internal.Groups;

/// <summary>
/// An element of a <see cref="PrimeOrderGroup"/>. Instances are immutable; only the group that made one may
/// operate on it. Equality is the group's <see cref="PrimeOrderGroup.ElementEquals"/>.
/// </summary>
internal abstract class GroupElement
{
    /// <summary>The group this element belongs to.</summary>
    internal abstract PrimeOrderGroup Group { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Group.Name} element";
}
