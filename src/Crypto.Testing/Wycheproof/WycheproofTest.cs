using System.Collections.Generic;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>One test case of a Wycheproof file.</summary>
public sealed class WycheproofTest : VectorObject
{
    private WycheproofTest(JsonElement json, int tcId, string where)
        : base(json, where)
    {
        TcId = tcId;
        string resultText = JsonFields.GetString(json, "result", where);
        Result = resultText switch
        {
            "valid" => WycheproofExpectation.Valid,
            "invalid" => WycheproofExpectation.Invalid,
            "acceptable" => WycheproofExpectation.Acceptable,
            _ => throw new VectorFileException($"{where}: the result '{resultText}' is not valid, invalid or acceptable."),
        };
        Comment = GetString("comment") ?? string.Empty;
        Flags = JsonFields.GetStringArray(json, "flags", where);
    }

    /// <summary>The test-case id.</summary>
    public int TcId { get; }

    /// <summary>The comment (may be empty).</summary>
    public string Comment { get; }

    /// <summary>The flags, which name the kind of edge case (see the file's <c>notes</c>).</summary>
    public IReadOnlyList<string> Flags { get; }

    /// <summary>The expected result.</summary>
    public WycheproofExpectation Result { get; }

    internal static WycheproofTest Parse(JsonElement t, string fileName)
    {
        int tcId = JsonFields.GetInt32(t, "tcId", $"{fileName}: a test");
        return new WycheproofTest(t, tcId, $"{fileName}: tcId {tcId}");
    }
}
