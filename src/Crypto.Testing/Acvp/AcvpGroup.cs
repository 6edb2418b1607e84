using System.Collections.Generic;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>One ACVP test group: its parameters (testType, parameterSet, function…) and its tests.</summary>
public sealed class AcvpGroup
{
    private static readonly string[] s_describedFields =
        { "testType", "parameterSet", "function", "keyFormat", "signatureInterface", "preHash", "externalMu", "deterministic", "cornerCase" };

    internal AcvpGroup(int tgId, JsonElement json, JsonElement? expectedJson, IReadOnlyList<AcvpTest> tests, string where)
    {
        TgId = tgId;
        Json = json;
        ExpectedJson = expectedJson;
        Tests = tests;
        Where = where;
    }

    /// <summary>The test-group id.</summary>
    public int TgId { get; }

    /// <summary>The group object of the main file (valid while the set is not disposed).</summary>
    public JsonElement Json { get; }

    /// <summary>The matching group of expectedResults.json, when one was given.</summary>
    public JsonElement? ExpectedJson { get; }

    /// <summary>The tests, in file order.</summary>
    public IReadOnlyList<AcvpTest> Tests { get; }

    /// <summary>The group's <c>testType</c> (AFT, VAL…), or null.</summary>
    public string? TestType => GetString("testType");

    /// <summary>The group's <c>parameterSet</c>, e.g. <c>ML-KEM-768</c>, or null.</summary>
    public string? ParameterSet => GetString("parameterSet");

    /// <summary>A description for logs: tgId and the main parameters.</summary>
    public string Name
    {
        get
        {
            string parameters = JsonFields.DescribeScalars(Json, s_describedFields);
            return $"tgId {TgId}{(parameters.Length > 0 ? " " + parameters : string.Empty)}";
        }
    }

    internal string Where { get; }

    /// <summary>A string field of the group, or null when absent.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="VectorFileException">The field is not a string.</exception>
    public string? GetString(string name) => JsonFields.GetStringOrNull(Json, name, Where);
}
