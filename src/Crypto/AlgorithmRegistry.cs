using System;
using System.Collections.Generic;

namespace FintechCrypto;

/// <summary>
/// The names of one family's parameter sets, for its <c>FromName</c>: written once for every family (NSec's lazy
/// singletons looked up by the standard's string). Names are case-sensitive.
/// </summary>
/// <typeparam name="T">The family's algorithm type.</typeparam>
internal sealed class AlgorithmRegistry<T>
    where T : Algorithm
{
    private readonly string _family;
    private readonly Dictionary<string, Func<T>> _byName = new(StringComparer.Ordinal);

    /// <param name="family">The family as messages name it (<c>signature</c>, <c>KEM</c>…).</param>
    /// <param name="entries">Each name with the property that returns its parameter set (so instances stay lazy).</param>
    internal AlgorithmRegistry(string family, params IEnumerable<(string Name, Func<T> Get)> entries)
    {
        _family = family;
        foreach ((string name, Func<T> get) in entries)
        {
            _byName.Add(name, get);
        }
    }

    /// <summary>The parameter set named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No parameter set of the family has that name.</exception>
    internal T FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out Func<T>? get) ? get() : throw Error.Argument_UnknownAlgorithm(nameof(name), _family, name);
    }
}
