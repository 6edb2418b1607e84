using System.Collections.Generic;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>One ACVP test group: its parameters (testType, parameterSet, function…) and its tests.</summary>
public sealed class AcvpGroup : VectorGroup<AcvpTest>
{
    private static readonly string[] s_describedFields =
        { "testType", "parameterSet", "function", "keyFormat", "signatureInterface", "preHash", "externalMu", "deterministic", "cornerCase" };

    internal AcvpGroup(int tgId, JsonElement json, JsonElement? expectedJson, IReadOnlyList<AcvpTest> tests, string where)
        : base(json, tests, where)
    {
        TgId = tgId;
        ExpectedJson = expectedJson;
    }

    /// <summary>The test-group id.</summary>
    public int TgId { get; }

    /// <summary>The matching group of expectedResults.json, when one was given.</summary>
    public JsonElement? ExpectedJson { get; }

    /// <summary>The group's <c>testType</c> (AFT, VAL…), or null.</summary>
    public string? TestType => GetString("testType");

    /// <summary>The group's <c>parameterSet</c>, e.g. <c>ML-KEM-768</c>, or null.</summary>
    public string? ParameterSet => GetString("parameterSet");

    /// <summary>A description for logs: tgId and the main parameters.</summary>
    public override string Name => Describe($"tgId {TgId}", s_describedFields);
}
