// Ed448Element: an element of the edwards448 prime-order group (RFC 9591 §6.3), wrapping an Ed448Point that
// no one mutates once the element exists.

namespace FintechCrypto.Internal.Groups;

/// <summary>An immutable edwards448 group element in projective coordinates.</summary>
internal sealed class Ed448Element : GroupElement
{
    /// <summary>Wraps <paramref name="point"/>, which the caller hands over and never changes again.</summary>
    internal Ed448Element(Ed448Point point) => Point = point;

    /// <summary>The point; read only (the group's code never writes to it).</summary>
    internal Ed448Point Point { get; }

    /// <inheritdoc />
    internal override PrimeOrderGroup Group => Ed448Group.Instance;
}
