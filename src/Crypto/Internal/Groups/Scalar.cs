// Scalar: an element of Z/qZ for a prime group order q, held in Montgomery form in a fixed number of
// 64-bit limbs. The value type carries no reference to its field; ScalarField does all arithmetic.
//
// References: RFC 9591 §3.1 (the Scalar type of a prime-order group).
// Parameters: up to 7 limbs (448 bits), enough for Ed448's order (2^446 - ...), P-256, secp256k1 and
// edwards25519/ristretto255's order.

using System.Runtime.CompilerServices;

namespace FintechCrypto.Internal.Groups;

/// <summary>The limbs of a <see cref="Scalar"/>, least significant first.</summary>
[InlineArray(ScalarLimbs.Capacity)]
internal struct ScalarLimbs
{
    /// <summary>The most limbs any supported group order needs (Ed448: 446 bits).</summary>
    internal const int Capacity = 7;

    private ulong _element0;
}

/// <summary>
/// A scalar modulo a prime group order, in Montgomery form (value * 2^(64n) mod q, where n is the field's limb
/// count). Only the <see cref="ScalarField"/> that made it may operate on it. Unused limbs are zero.
/// </summary>
/// <remarks>
/// A value type with no reference to secret heap memory: clear one with <see cref="Clear"/> when it held a secret.
/// <see cref="ToString"/> never prints the value.
/// </remarks>
internal struct Scalar
{
    internal ScalarLimbs Limbs;

    /// <summary>Overwrites the limbs with zeros.</summary>
    internal void Clear() => Limbs = default;

    /// <inheritdoc />
    public override readonly string ToString() => "Scalar(<redacted>)";
}
