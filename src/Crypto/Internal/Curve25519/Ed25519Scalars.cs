// The scalar field of edwards25519 and ristretto255: integers modulo the prime order
// L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032 §5.1, RFC 9496 §4), 32 bytes little-endian.

using System.Globalization;
using System.Numerics;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Curve25519;

/// <summary>Z/LZ for edwards25519's prime-order subgroup.</summary>
internal static class Ed25519Scalars
{
    /// <summary>L, the order of the base point.</summary>
    internal static readonly BigInteger Order =
        BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", CultureInfo.InvariantCulture);

    /// <summary>The scalar field, little-endian 32-byte encodings.</summary>
    internal static readonly ScalarField Field = new(Order, 32, littleEndian: true);
}
