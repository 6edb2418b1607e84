using System.Collections.Generic;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>One <c>testGroups</c> entry of a Wycheproof file: its parameters (any field) and its tests.</summary>
public sealed class WycheproofGroup
{
    private static readonly string[] s_describedFields =
        { "curve", "keySize", "ivSize", "tagSize", "sha", "mgf", "mgfSha", "sLen", "encoding", "parameterSet" };

    internal WycheproofGroup(int index, string type, JsonElement json, IReadOnlyList<WycheproofTest> tests, string where)
    {
        Index = index;
        Type = type;
        Json = json;
        Tests = tests;
        Where = where;
    }

    /// <summary>The 1-based position of the group in the file.</summary>
    public int Index { get; }

    /// <summary>The group's <c>type</c>, e.g. <c>EcdsaVerify</c>.</summary>
    public string Type { get; }

    /// <summary>The group's JSON object (valid while the file is not disposed).</summary>
    public JsonElement Json { get; }

    /// <summary>The tests, in file order.</summary>
    public IReadOnlyList<WycheproofTest> Tests { get; }

    /// <summary>"file: group N", for messages.</summary>
    internal string Where { get; }

    /// <summary>A description for logs: index, type and the main parameters.</summary>
    public string Name
    {
        get
        {
            string parameters = JsonFields.DescribeScalars(Json, s_describedFields);
            if (JsonFields.TryGet(Json, "publicKey", out JsonElement pk))
            {
                string curve = JsonFields.DescribeScalars(pk, new[] { "curve" });
                parameters = string.Join(' ', new[] { parameters, curve }).Trim();
            }

            return $"group {Index} {Type}{(parameters.Length > 0 ? " " + parameters : string.Empty)}";
        }
    }

    /// <summary>A string field of the group, or null when absent.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="VectorFileException">The field is not a string.</exception>
    public string? GetString(string name) => JsonFields.GetStringOrNull(Json, name, Where);

    /// <summary>An integer field of the group.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="VectorFileException">The field is missing or not an integer.</exception>
    public int GetInt32(string name) => JsonFields.GetInt32(Json, name, Where);

    /// <summary>A hex field of the group, decoded, or null when absent.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The bytes or null.</returns>
    /// <exception cref="VectorFileException">The field is not a hex string.</exception>
    public byte[]? GetHexOrNull(string name) => JsonFields.GetHexOrNull(Json, name, Where);

    /// <summary>A field of the group's <c>publicKey</c> object (e.g. <c>curve</c>, <c>pk</c>), or null when absent.</summary>
    /// <param name="name">The field name inside <c>publicKey</c>.</param>
    /// <returns>The string value or null.</returns>
    /// <exception cref="VectorFileException">The field is not a string.</exception>
    public string? GetPublicKeyField(string name) =>
        JsonFields.TryGet(Json, "publicKey", out JsonElement pk) ? JsonFields.GetStringOrNull(pk, name, Where + " publicKey") : null;
}
