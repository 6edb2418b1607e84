using System.Collections.Generic;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>One <c>testGroups</c> entry of a Wycheproof file: its parameters (any field) and its tests.</summary>
public sealed class WycheproofGroup : VectorGroup<WycheproofTest>
{
    private static readonly string[] s_describedFields =
        { "curve", "keySize", "ivSize", "tagSize", "sha", "mgf", "mgfSha", "sLen", "encoding", "parameterSet" };

    internal WycheproofGroup(int index, string type, JsonElement json, IReadOnlyList<WycheproofTest> tests, string where)
        : base(json, tests, where)
    {
        Index = index;
        Type = type;
    }

    /// <summary>The 1-based position of the group in the file.</summary>
    public int Index { get; }

    /// <summary>The group's <c>type</c>, e.g. <c>EcdsaVerify</c>.</summary>
    public string Type { get; }

    /// <summary>A description for logs: index, type and the main parameters (and the public key's curve).</summary>
    public override string Name =>
        Describe($"group {Index} {Type}", s_describedFields, JsonFields.TryGet(Json, "publicKey", out JsonElement pk) ? JsonFields.DescribeScalars(pk, new[] { "curve" }) : null);

    /// <summary>A field of the group's <c>publicKey</c> object (e.g. <c>curve</c>, <c>pk</c>), or null when absent.</summary>
    /// <param name="name">The field name inside <c>publicKey</c>.</param>
    /// <returns>The string value or null.</returns>
    /// <exception cref="VectorFileException">The field is not a string.</exception>
    public string? GetPublicKeyField(string name) =>
        JsonFields.TryGet(Json, "publicKey", out JsonElement pk) ? JsonFields.GetStringOrNull(pk, name, Where + " publicKey") : null;
}
