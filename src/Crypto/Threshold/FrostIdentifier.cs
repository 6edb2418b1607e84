// FrostIdentifier: a participant identifier, a non-zero scalar of the suite's field (RFC 9591 §3.2, §5: "a unique
// identifier ... a non-zero Scalar"; frost-core identifier.rs: any non-zero scalar, from an integer or derived from a
// name with HID).
//
// References: RFC 9591 §3.2 (participant identifiers), §4.3 (lists sorted by identifier), §5; frost-core
// Identifier::try_from(u16), Identifier::derive (HID, tag "id"), Ord (by the scalar's integer value).
// Parameters: serialized as a scalar, Ns bytes in the suite's byte order.

using System;
using System.Numerics;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Threshold;

/// <summary>
/// A FROST participant identifier: a non-zero scalar of one <see cref="FrostCiphersuite"/>. Identifiers are public;
/// they order by their integer value, as RFC 9591 sorts participant lists.
/// </summary>
public sealed class FrostIdentifier : IEquatable<FrostIdentifier>, IComparable<FrostIdentifier>
{
    private readonly byte[] _encoded;
    private readonly BigInteger _value;

    private FrostIdentifier(FrostCiphersuite ciphersuite, Scalar scalar)
    {
        Ciphersuite = ciphersuite;
        Scalar = scalar;
        _encoded = ciphersuite.Suite.Scalars.Encode(scalar);
        _value = ciphersuite.Suite.Scalars.ToBigInteger(scalar);
    }

    /// <summary>The ciphersuite whose scalar field holds this identifier.</summary>
    public FrostCiphersuite Ciphersuite { get; }

    internal Scalar Scalar { get; }

    /// <summary>The identifier as an integer (between 1 and the group order minus 1).</summary>
    public BigInteger Value => _value;

    /// <summary>The identifier with the given integer value, such as 1, 2, 3 for a trusted dealer's participants.</summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="value">The value; at least 1.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ciphersuite"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is 0.</exception>
    public static FrostIdentifier FromInteger(FrostCiphersuite ciphersuite, ulong value)
    {
        ArgumentNullException.ThrowIfNull(ciphersuite);
        if (value == 0)
        {
            throw Error.ArgumentOutOfRange(nameof(value), "an identifier is a non-zero scalar (RFC 9591 §3.2)");
        }

        // Every suite's order exceeds 2^64, so the scalar is the value itself.
        return new FrostIdentifier(ciphersuite, ciphersuite.Suite.Scalars.FromUInt64(value));
    }

    /// <summary>
    /// Derives an identifier from a name, such as an e-mail address or a key id: HID(name), the suite's hash to a
    /// scalar with the tag "id" (frost-core <c>Identifier::derive</c>). Not part of RFC 9591.
    /// </summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="name">Any byte string; distinct names give distinct identifiers with overwhelming probability.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ciphersuite"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The name hashes to zero (probability about 2^-252).</exception>
    public static FrostIdentifier Derive(FrostCiphersuite ciphersuite, ReadOnlySpan<byte> name)
    {
        ArgumentNullException.ThrowIfNull(ciphersuite);
        Scalar scalar = ciphersuite.Suite.HId(name);
        if (ciphersuite.Suite.Scalars.IsZero(scalar))
        {
            throw new FintechCryptoException("The name hashes to the zero scalar, which is not an identifier.");
        }

        return new FrostIdentifier(ciphersuite, scalar);
    }

    /// <summary>Decodes an identifier serialized as a scalar (<see cref="FrostCiphersuite.ScalarLength"/> bytes).</summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="encoded">The serialized scalar.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ciphersuite"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The bytes are not a canonical non-zero scalar.</exception>
    public static FrostIdentifier FromBytes(FrostCiphersuite ciphersuite, ReadOnlySpan<byte> encoded)
    {
        ArgumentNullException.ThrowIfNull(ciphersuite);
        ScalarField field = ciphersuite.Suite.Scalars;
        if (!field.TryDecode(encoded, out Scalar scalar) || field.IsZero(scalar))
        {
            throw new FintechCryptoException($"A {ciphersuite.Name} identifier is a non-zero canonical {field.Length}-byte scalar.");
        }

        return new FrostIdentifier(ciphersuite, scalar);
    }

    /// <summary>The identifier serialized as a scalar (RFC 9591 SerializeScalar).</summary>
    /// <returns>A new array of <see cref="FrostCiphersuite.ScalarLength"/> bytes.</returns>
    public byte[] ToBytes() => (byte[])_encoded.Clone();

    internal ReadOnlySpan<byte> Encoded => _encoded;

    /// <summary>True when <paramref name="other"/> is the same identifier of the same ciphersuite.</summary>
    /// <param name="other">Another identifier, or null.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(FrostIdentifier? other) =>
        other is not null && other.Ciphersuite == Ciphersuite && other._value == _value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FrostIdentifier);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Ciphersuite, _value);

    /// <summary>Orders identifiers by their integer value (RFC 9591 sorts participant lists this way).</summary>
    /// <param name="other">Another identifier of the same ciphersuite, or null (which sorts first).</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    /// <exception cref="ArgumentException"><paramref name="other"/> belongs to another ciphersuite.</exception>
    public int CompareTo(FrostIdentifier? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (other.Ciphersuite != Ciphersuite)
        {
            throw Error.Frost_MixedCiphersuites(nameof(other), "The identifiers compared");
        }

        return _value.CompareTo(other._value);
    }

    /// <summary>The identifier's integer value in decimal when it is small, else its serialized hex.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        _value < 1_000_000_000 ? _value.ToString(System.Globalization.CultureInfo.InvariantCulture) : Convert.ToHexStringLower(_encoded);

    /// <summary>True when both are null or equal.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether the two are equal.</returns>
    public static bool operator ==(FrostIdentifier? left, FrostIdentifier? right) => left is null ? right is null : left.Equals(right);

    /// <summary>True when the two differ.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether the two differ.</returns>
    public static bool operator !=(FrostIdentifier? left, FrostIdentifier? right) => !(left == right);

    /// <summary>True when <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(FrostIdentifier? left, FrostIdentifier? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(FrostIdentifier? left, FrostIdentifier? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(FrostIdentifier? left, FrostIdentifier? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(FrostIdentifier? left, FrostIdentifier? right) => left is null ? right is null : left.CompareTo(right) >= 0;

    internal static FrostIdentifier FromScalar(FrostCiphersuite ciphersuite, in Scalar scalar)
    {
        if (ciphersuite.Suite.Scalars.IsZero(scalar))
        {
            throw new FintechCryptoException("The zero scalar is not an identifier.");
        }

        return new FrostIdentifier(ciphersuite, scalar);
    }
}
