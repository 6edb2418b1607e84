// FrostEncoding: the bare RFC 9591 encodings of scalars and elements (SerializeScalar / SerializeElement, §6.x of each
// ciphersuite) decoded with FROST's errors: what the public constructors of the key types take, and what the wire and
// JSON codecs read inside their framing.
//
// References: RFC 9591 §4.1 (Ns, Ne), §6.1-§6.5 (DeserializeScalar: canonical, below the order; DeserializeElement:
// canonical, not the identity, in the prime-order subgroup).

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost;

/// <summary>Decodes bare scalars and elements of one ciphersuite, throwing FROST's errors.</summary>
internal static class FrostEncoding
{
    /// <summary>Decodes an Ns-byte scalar; the caller clears it when it is secret.</summary>
    /// <exception cref="FintechCryptoException">The bytes are not a canonical scalar.</exception>
    internal static Scalar DecodeScalar(FrostCiphersuite ciphersuite, ReadOnlySpan<byte> encoded, string field)
    {
        if (!ciphersuite.Suite.Scalars.TryDecode(encoded, out Scalar scalar))
        {
            throw Error.Frost_InvalidScalar(ciphersuite.Name, field, ciphersuite.ScalarLength);
        }

        return scalar;
    }

    /// <summary>Decodes an Ne-byte element that is not the identity.</summary>
    /// <exception cref="FintechCryptoException">The bytes are not a valid non-identity element.</exception>
    internal static GroupElement DecodeElement(FrostCiphersuite ciphersuite, ReadOnlySpan<byte> encoded, string field)
    {
        PrimeOrderGroup group = ciphersuite.Suite.Group;
        if (!group.TryDeserializeElement(encoded, out GroupElement element))
        {
            throw Error.Frost_InvalidElement(group.Name, field, group.ElementLength);
        }

        return element;
    }

    /// <summary>Decodes a list of 1 to 65535 elements (a VSS commitment, for one).</summary>
    /// <exception cref="ArgumentNullException">The list or an entry is null.</exception>
    /// <exception cref="ArgumentException">The list is empty or longer than 65535.</exception>
    /// <exception cref="FintechCryptoException">An entry is not a valid non-identity element.</exception>
    internal static GroupElement[] DecodeElements(FrostCiphersuite ciphersuite, IReadOnlyList<byte[]> encoded, string paramName, string field)
    {
        ArgumentNullException.ThrowIfNull(encoded, paramName);
        if (encoded.Count is 0 or > ushort.MaxValue)
        {
            throw Error.Frost_Count(paramName, "elements", 1, ushort.MaxValue, encoded.Count);
        }

        var elements = new GroupElement[encoded.Count];
        for (int i = 0; i < elements.Length; i++)
        {
            byte[] entry = encoded[i] ?? throw Error.ArgumentNull(paramName);
            elements[i] = DecodeElement(ciphersuite, entry, $"{field} {i}");
        }

        return elements;
    }

    /// <summary>Checks that an argument belongs to <paramref name="expected"/>.</summary>
    /// <exception cref="ArgumentException">It belongs to another ciphersuite.</exception>
    internal static void RequireCiphersuite(FrostCiphersuite expected, FrostCiphersuite actual, string paramName)
    {
        if (actual != expected)
        {
            throw Error.Frost_CiphersuiteMismatch(paramName, actual.Name, expected.Name);
        }
    }
}
