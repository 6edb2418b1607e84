using System.Collections.Generic;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>A test group of a vector file: its parameters (any field) and its test cases.</summary>
/// <typeparam name="TTest">The format's test case.</typeparam>
public abstract class VectorGroup<TTest> : VectorObject
{
    private protected VectorGroup(JsonElement json, IReadOnlyList<TTest> tests, string where)
        : base(json, where)
    {
        Tests = tests;
    }

    /// <summary>The tests, in file order.</summary>
    public IReadOnlyList<TTest> Tests { get; }

    /// <summary>A description for logs: the group's id and its main parameters.</summary>
    public abstract string Name { get; }

    /// <summary><paramref name="head"/> followed by the group's <paramref name="fields"/> that are present, as k=v.</summary>
    private protected string Describe(string head, string[] fields, string? more = null)
    {
        string parameters = string.Join(' ', new[] { JsonFields.DescribeScalars(Json, fields), more ?? string.Empty }).Trim();
        return parameters.Length > 0 ? $"{head} {parameters}" : head;
    }
}
