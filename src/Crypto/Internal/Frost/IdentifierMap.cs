// IdentifierMap: values keyed by participant identifier, held in ascending identifier order with no identifier twice
// (RFC 9591 §4.3: a commitment list is sorted by identifier, a set; frost-core keeps the commitments of a
// SigningPackage and the verifying shares of a PublicKeyPackage in a BTreeMap<Identifier, _>). The one type behind
// FrostSigningPackage's commitment list and FrostPublicKeyPackage's verifying shares: the sorting and the refusal of a
// repeated identifier, the lookup, the cached identifier list, and the list field of their encodings
// (docs/frost-wire.md "list": count (2 bytes) || entries, each identifier (Ns) || the entry's fields; in JSON an array
// of { "identifier": hex, ... }).

using System;
using System.Collections.Generic;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost;

/// <summary>Builds and reads <see cref="IdentifierMap{T}"/>s.</summary>
internal static class IdentifierMap
{
    /// <summary>
    /// Sorts <paramref name="identifiers"/> ascending, moving <paramref name="values"/> with them, and throws
    /// <paramref name="duplicate"/>(the identifier) when one appears twice (RFC 9591 §4.3: participant lists are sets).
    /// </summary>
    /// <exception cref="ArgumentException">The identifiers mix ciphersuites (from <see cref="FrostIdentifier.CompareTo"/>).</exception>
    internal static void SortDistinct<TValue>(FrostIdentifier[] identifiers, TValue[] values, Func<FrostIdentifier, Exception> duplicate)
    {
        Array.Sort(identifiers, values);
        for (int i = 1; i < identifiers.Length; i++)
        {
            if (identifiers[i] == identifiers[i - 1])
            {
                throw duplicate(identifiers[i]);
            }
        }
    }

    /// <summary>
    /// Reads the list field <paramref name="name"/>: each entry's identifier, then its value by <paramref name="readValue"/>.
    /// The order is not checked here: the message calls <see cref="IdentifierMap{T}.RequireAscending"/> once it has read
    /// its other fields.
    /// </summary>
    internal static IdentifierMap<T> Read<T>(FrostFieldReader reader, string name, Func<FrostFieldReader, FrostIdentifier, T> readValue)
    {
        int count = reader.BeginList(name);
        var identifiers = new FrostIdentifier[count];
        var values = new T[count];
        for (int i = 0; i < count; i++)
        {
            reader.BeginEntry();
            identifiers[i] = reader.Identifier("identifier");
            values[i] = readValue(reader, identifiers[i]);
            reader.EndEntry();
        }

        reader.EndList();
        return new IdentifierMap<T>(identifiers, values);
    }
}

/// <summary>Values keyed by participant identifier, in ascending identifier order, no identifier twice.</summary>
/// <typeparam name="T">The value kept for each participant.</typeparam>
internal sealed class IdentifierMap<T>
{
    private readonly FrostIdentifier[] _identifiers;
    private readonly T[] _values;
    private IReadOnlyList<FrostIdentifier>? _identifierList;

    /// <param name="sortedIdentifiers">The identifiers, ascending and distinct (the caller sorted and checked them, or
    /// checks them with <see cref="RequireAscending"/> before using the map).</param>
    /// <param name="values">The value of each identifier, at the same position.</param>
    internal IdentifierMap(FrostIdentifier[] sortedIdentifiers, T[] values)
    {
        _identifiers = sortedIdentifiers;
        _values = values;
    }

    internal int Count => _identifiers.Length;

    /// <summary>The identifiers in ascending order, as one cached read-only list.</summary>
    internal IReadOnlyList<FrostIdentifier> Identifiers => _identifierList ??= Array.AsReadOnly(_identifiers);

    internal ReadOnlySpan<T> Values => _values;

    internal T this[int index] => _values[index];

    /// <summary>The position of <paramref name="identifier"/>, or -1 (also for an identifier of another ciphersuite).</summary>
    internal int IndexOf(FrostIdentifier identifier)
    {
        if (_identifiers.Length == 0 || identifier.Ciphersuite != _identifiers[0].Ciphersuite)
        {
            return -1;
        }

        int index = Array.BinarySearch(_identifiers, identifier);
        return index >= 0 ? index : -1;
    }

    /// <summary>Checks a decoded map: not empty, identifiers strictly ascending (RFC 9591 §4.3).</summary>
    /// <exception cref="FintechCryptoException">It is not (the reader's malformed-message error).</exception>
    internal void RequireAscending(FrostFieldReader reader, string emptyProblem) => reader.RequireAscending(_identifiers, emptyProblem);

    /// <summary>Writes the list field <paramref name="name"/>: each entry's identifier, then its value by <paramref name="writeValue"/>.</summary>
    internal void Write(FrostFieldWriter writer, string name, Action<FrostFieldWriter, T> writeValue)
    {
        writer.BeginList(name, _identifiers.Length);
        for (int i = 0; i < _identifiers.Length; i++)
        {
            writer.BeginEntry();
            writer.Identifier("identifier", _identifiers[i]);
            writeValue(writer, _values[i]);
            writer.EndEntry();
        }

        writer.EndList();
    }
}
