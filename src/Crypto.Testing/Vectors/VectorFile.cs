using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>A loaded vector file (or set of joined files) of one format. Dispose it to release the parsed JSON.</summary>
/// <typeparam name="TGroup">The format's test group.</typeparam>
/// <typeparam name="TTest">The format's test case.</typeparam>
public abstract class VectorFile<TGroup, TTest> : IDisposable
    where TGroup : VectorGroup<TTest>
{
    private readonly JsonDocument?[] _documents;

    private protected VectorFile(string path, IReadOnlyList<TGroup> groups, params JsonDocument?[] documents)
    {
        FilePath = path;
        Groups = groups;
        _documents = documents;
    }

    /// <summary>The file that was loaded (for joined files, the main one).</summary>
    public string FilePath { get; }

    /// <summary>The test groups, in file order.</summary>
    public IReadOnlyList<TGroup> Groups { get; }

    /// <summary>The number of test cases.</summary>
    public int TestCount => Groups.Sum(g => g.Tests.Count);

    /// <summary>Releases the parsed JSON; groups and tests must not be used afterwards.</summary>
    public void Dispose()
    {
        foreach (JsonDocument? document in _documents)
        {
            document?.Dispose();
        }
    }
}
