using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>One ACVP test case: the main file's fields, plus expectedResults.json's when joined.</summary>
public sealed class AcvpTest
{
    internal AcvpTest(int tcId, JsonElement json, JsonElement? expectedJson, string where)
    {
        TcId = tcId;
        Json = json;
        ExpectedJson = expectedJson;
        Where = where;
    }

    /// <summary>The test-case id.</summary>
    public int TcId { get; }

    /// <summary>The test object of the main file (valid while the set is not disposed).</summary>
    public JsonElement Json { get; }

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

    internal string Where { get; }

    /// <summary>Finds a field in the main file, then in the expected results.</summary>
    /// <param name="name">The field name, e.g. <c>ek</c> or <c>testPassed</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>False when neither file has the field.</returns>
    public bool TryGet(string name, out JsonElement value) =>
        JsonFields.TryGet(Json, name, out value) || (ExpectedJson is { } e && JsonFields.TryGet(e, name, out value));

    /// <summary>A hex field (from either file), decoded.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="VectorFileException">The field is missing or not hex.</exception>
    public byte[] GetHex(string name)
    {
        if (!TryGet(name, out JsonElement value))
        {
            throw new VectorFileException($"{Where}: the field '{name}' is missing.");
        }

        return value.ValueKind == JsonValueKind.String
            ? JsonFields.DecodeHex(value.GetString()!, name, Where)
            : throw new VectorFileException($"{Where}: the field '{name}' must be a hex string.");
    }
}
