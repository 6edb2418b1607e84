using System.Collections.Generic;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>One test case of a Wycheproof file.</summary>
public sealed class WycheproofTest
{
    private WycheproofTest(int tcId, string comment, IReadOnlyList<string> flags, WycheproofExpectation result, JsonElement json, string where)
    {
        TcId = tcId;
        Comment = comment;
        Flags = flags;
        Result = result;
        Json = json;
        Where = where;
    }

    /// <summary>The test-case id.</summary>
    public int TcId { get; }

    /// <summary>The comment (may be empty).</summary>
    public string Comment { get; }

    /// <summary>The flags, which name the kind of edge case (see the file's <c>notes</c>).</summary>
    public IReadOnlyList<string> Flags { get; }

    /// <summary>The expected result.</summary>
    public WycheproofExpectation Result { get; }

    /// <summary>The test's JSON object (valid while the file is not disposed).</summary>
    public JsonElement Json { get; }

    internal string Where { get; }

    /// <summary>A hex field, decoded.</summary>
    /// <param name="name">The field name, e.g. <c>msg</c>.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="VectorFileException">The field is missing or not hex.</exception>
    public byte[] GetHex(string name) => JsonFields.GetHex(Json, name, Where);

    /// <summary>A hex field, decoded, or null when absent.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The bytes or null.</returns>
    /// <exception cref="VectorFileException">The field is not hex.</exception>
    public byte[]? GetHexOrNull(string name) => JsonFields.GetHexOrNull(Json, name, Where);

    /// <summary>An integer field.</summary>
    /// <param name="name">The field name, e.g. <c>size</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="VectorFileException">The field is missing or not an integer.</exception>
    public int GetInt32(string name) => JsonFields.GetInt32(Json, name, Where);

    internal static WycheproofTest Parse(JsonElement t, string fileName)
    {
        int tcId = JsonFields.GetInt32(t, "tcId", $"{fileName}: a test");
        string where = $"{fileName}: tcId {tcId}";
        string resultText = JsonFields.GetString(t, "result", where);
        WycheproofExpectation result = resultText switch
        {
            "valid" => WycheproofExpectation.Valid,
            "invalid" => WycheproofExpectation.Invalid,
            "acceptable" => WycheproofExpectation.Acceptable,
            _ => throw new VectorFileException($"{where}: the result '{resultText}' is not valid, invalid or acceptable."),
        };

        return new WycheproofTest(
            tcId,
            JsonFields.GetStringOrNull(t, "comment", where) ?? string.Empty,
            JsonFields.GetStringArray(t, "flags", where),
            result,
            t,
            where);
    }
}
