// QkdIdTable: a fixed two-way map between the algorithm parameter sets of one family and their numbers in a QKD wire
// format (QkdSuiteIds).

using System;

namespace FintechCrypto.Internal.Qkd;

/// <summary>The identifiers of one family of algorithms in a wire format; lookups both ways, unknown entries null.</summary>
/// <typeparam name="T">The parameter-set type (<see cref="KemAlgorithm"/>, <see cref="FintechCrypto.Qkd.HybridKdf"/>, <see cref="SignatureAlgorithm"/>).</typeparam>
internal sealed class QkdIdTable<T>
    where T : Algorithm
{
    private readonly (ushort Id, T Algorithm)[] _entries;

    /// <summary>Creates the table; <paramref name="family"/> names the family in argument errors.</summary>
    internal QkdIdTable(string family, params (ushort Id, T Algorithm)[] entries)
    {
        Family = family;
        _entries = entries;
    }

    /// <summary>The family's name in errors, such as "QKD session KEM".</summary>
    internal string Family { get; }

    /// <summary>The names of the table's parameter sets in errors: "A, B or C".</summary>
    internal string Names
    {
        get
        {
            string[] names = Array.ConvertAll(_entries, e => e.Algorithm.Name);
            return names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
        }
    }

    /// <summary>The parameter set numbered <paramref name="id"/>, or null.</summary>
    internal T? Find(ushort id)
    {
        foreach ((ushort entryId, T algorithm) in _entries)
        {
            if (entryId == id)
            {
                return algorithm;
            }
        }

        return null;
    }

    /// <summary>The number of <paramref name="algorithm"/>, or null when the format has none for it.</summary>
    internal ushort? Find(T algorithm)
    {
        foreach ((ushort id, T entry) in _entries)
        {
            if (entry == algorithm)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The number of <paramref name="algorithm"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException">The format has no number for it.</exception>
    internal ushort IdOf(T algorithm, string paramName)
    {
        ArgumentNullException.ThrowIfNull(algorithm, paramName);
        return Find(algorithm) ?? throw Error.Argument_UnknownAlgorithm(paramName, Family, algorithm.Name);
    }
}
