using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>One ACVP test case: the main file's fields, plus expectedResults.json's when joined.</summary>
public sealed class AcvpTest : VectorObject
{
    internal AcvpTest(int tcId, JsonElement json, JsonElement? expectedJson, string where)
        : base(json, where)
    {
        TcId = tcId;
        ExpectedJson = expectedJson;
    }

    /// <summary>The test-case id.</summary>
    public int TcId { get; }

    /// <summary>The matching test of expectedResults.json, when one was given.</summary>
    public JsonElement? ExpectedJson { get; }

    /// <summary>True when the main file gives any field besides tcId (some prompt cases carry none, an upstream defect).</summary>
    public bool HasInputs
    {
        get
        {
            foreach (JsonProperty p in Json.EnumerateObject())
            {
                if (p.Name != "tcId")
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Finds a field in the main file, then in the expected results.</summary>
    /// <param name="name">The field name, e.g. <c>ek</c> or <c>testPassed</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>False when neither file has the field.</returns>
    public override bool TryGet(string name, out JsonElement value) =>
        base.TryGet(name, out value) || (ExpectedJson is { } e && JsonFields.TryGet(e, name, out value));
}
