using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace FintechCrypto;

/// <summary>
/// The names of one family's parameter sets, for its <c>FromName</c>: written once for every family (NSec's lazy
/// singletons looked up by the standard's string). Names are case-sensitive.
/// </summary>
/// <typeparam name="T">The family's algorithm type.</typeparam>
// The annotation is Lazy<T>'s (for trimming); the families' types have no public parameterless constructor, so it keeps nothing.
internal sealed class AlgorithmRegistry<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>
    where T : Algorithm
{
    private readonly string _family;
    private readonly Dictionary<string, Func<T>> _byName = new(StringComparer.Ordinal);
    private readonly Lazy<T>[] _created = [];

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

    private AlgorithmRegistry(string family, Lazy<T>[] created, IEnumerable<(string Name, Func<T> Get)> entries)
        : this(family, entries)
    {
        _created = created;
    }

    /// <summary>The parameter set created from entry <paramref name="index"/> of <see cref="Lazily"/>'s table.</summary>
    internal T this[int index] => _created[index].Value;

    /// <summary>
    /// The registry of a family whose parameter sets it creates itself from one table: each entry is created once, on
    /// first use (the family's static properties read <c>registry[index]</c>; <see cref="FromName"/> reads the same instance).
    /// </summary>
    /// <param name="family">The family as messages name it.</param>
    /// <param name="entries">Each name with the constructor call of its parameter set.</param>
    internal static AlgorithmRegistry<T> Lazily(string family, params (string Name, Func<T> Create)[] entries)
    {
        Lazy<T>[] created = Array.ConvertAll(entries, entry => new Lazy<T>(entry.Create));
        return new(family, created, entries.Select((entry, index) => (entry.Name, (Func<T>)(() => created[index].Value))));
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
