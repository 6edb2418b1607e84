// PrimeOrderGroup: the prime-order group abstraction of RFC 9591 §3.1, written once and implemented per
// curve (edwards25519, ristretto255, Ed448, P-256, secp256k1). FROST (src/Crypto/Threshold) and later
// EC-ElGamal and OPRF are written against it.
//
// References: RFC 9591 §3.1 (Order, Identity, RandomScalar, ElementAddition, ScalarMult, SerializeElement,
// DeserializeElement, SerializeScalar, DeserializeScalar), §6 (per-suite instantiations).
//
// Contracts every implementation keeps:
//   - MultiplyBase and Multiply are constant time in the scalar (fixed-window or comb with masked table
//     lookups); methods whose name ends in Vartime may branch on their inputs and take public data only.
//   - TryDeserializeElement accepts only canonical encodings of non-identity elements of the prime-order
//     subgroup (RFC 9591 §6.x DeserializeElement), and returns false for everything else without throwing.
//   - SerializeElement refuses the identity (RFC 9591: "SerializeElement ... fails if A is the identity").

using System;

namespace FintechCrypto.Internal.Groups;

/// <summary>A prime-order group with its scalar field (RFC 9591 §3.1).</summary>
internal abstract class PrimeOrderGroup
{
    /// <summary>A short name for messages, such as "edwards25519" or "P-256".</summary>
    internal abstract string Name { get; }

    /// <summary>The scalar field: integers modulo the group order (RFC 9591 "Order()").</summary>
    internal abstract ScalarField Scalars { get; }

    /// <summary>Ne: the length in bytes of a serialized element.</summary>
    internal abstract int ElementLength { get; }

    /// <summary>The identity element (RFC 9591 "Identity()").</summary>
    internal abstract GroupElement Identity { get; }

    /// <summary>The fixed generator B of the group.</summary>
    internal abstract GroupElement Generator { get; }

    /// <summary>A + B (RFC 9591 "ElementAddition").</summary>
    internal abstract GroupElement Add(GroupElement a, GroupElement b);

    /// <summary>-A.</summary>
    internal abstract GroupElement Negate(GroupElement a);

    /// <summary>A - B.</summary>
    internal virtual GroupElement Subtract(GroupElement a, GroupElement b) => Add(a, Negate(b));

    /// <summary>k * B for the generator B; constant time in <paramref name="k"/> (secret scalars).</summary>
    internal abstract GroupElement MultiplyBase(in Scalar k);

    /// <summary>k * A; constant time in <paramref name="k"/> (secret scalars).</summary>
    internal abstract GroupElement Multiply(GroupElement a, in Scalar k);

    /// <summary>k * A for public <paramref name="k"/> and <paramref name="a"/>; may be variable time.</summary>
    internal virtual GroupElement MultiplyVartime(GroupElement a, in Scalar k) => Multiply(a, k);

    /// <summary>
    /// The sum of <c>scalars[i] * elements[i]</c> for public inputs; may be variable time. Implementations
    /// override this with a multi-scalar method (Straus or Pippenger) where it pays.
    /// </summary>
    internal virtual GroupElement MultiScalarMultiplyVartime(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<GroupElement> elements)
    {
        if (scalars.Length != elements.Length)
        {
            throw Error.Frost_LengthMismatch(nameof(elements), "One scalar per element");
        }

        GroupElement sum = Identity;
        for (int i = 0; i < scalars.Length; i++)
        {
            sum = Add(sum, MultiplyVartime(elements[i], scalars[i]));
        }

        return sum;
    }

    /// <summary>True when A equals B. Constant time is not required: elements are public.</summary>
    internal abstract bool ElementEquals(GroupElement a, GroupElement b);

    /// <summary>True when A is the identity.</summary>
    internal abstract bool IsIdentity(GroupElement a);

    /// <summary>
    /// Writes the canonical Ne-byte encoding of <paramref name="a"/> (RFC 9591 "SerializeElement").
    /// </summary>
    /// <exception cref="FintechCryptoException"><paramref name="a"/> is the identity, which has no encoding here.</exception>
    internal abstract void SerializeElement(GroupElement a, Span<byte> destination);

    /// <summary>
    /// Decodes an element (RFC 9591 "DeserializeElement"): false for a wrong length, a non-canonical encoding, a
    /// point not on the curve or outside the prime-order subgroup, and the identity.
    /// </summary>
    internal abstract bool TryDeserializeElement(ReadOnlySpan<byte> encoded, out GroupElement element);

    /// <summary>The canonical encoding of <paramref name="a"/> as a new array.</summary>
    internal byte[] SerializeElement(GroupElement a)
    {
        byte[] result = new byte[ElementLength];
        SerializeElement(a, result);
        return result;
    }
}
