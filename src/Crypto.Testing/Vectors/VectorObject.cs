// A JSON object of a vector file, a test group or a test case, with the one set of field readers every vector
// format uses (JsonFields). A missing or malformed field is a defect of the file: VectorFileException naming the place.

using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>A test group or test case of a vector file, and its field readers.</summary>
public abstract class VectorObject
{
    private protected VectorObject(JsonElement json, string where)
    {
        Json = json;
        Where = where;
    }

    /// <summary>The object's JSON (valid while its file is not disposed).</summary>
    public JsonElement Json { get; }

    /// <summary>"file: group N" or "file: tcId N", for messages.</summary>
    internal string Where { get; }

    /// <summary>Finds a field (an absent field and a JSON null are the same).</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>False when the field is absent.</returns>
    public virtual bool TryGet(string name, out JsonElement value) => JsonFields.TryGet(Json, name, out value);

    /// <summary>A string field, or null when absent.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The value or null.</returns>
    /// <exception cref="VectorFileException">The field is not a string.</exception>
    public string? GetString(string name) => TryGet(name, out JsonElement value) ? JsonFields.AsString(value, name, Where) : null;

    /// <summary>An integer field.</summary>
    /// <param name="name">The field name, e.g. <c>size</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="VectorFileException">The field is missing or not an integer.</exception>
    public int GetInt32(string name) => TryGet(name, out JsonElement value) ? JsonFields.AsInt32(value, name, Where) : throw JsonFields.Missing(name, Where);

    /// <summary>A boolean field, e.g. ACVP's <c>testPassed</c>.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="VectorFileException">The field is missing or not a boolean.</exception>
    public bool GetBoolean(string name) => TryGet(name, out JsonElement value) ? JsonFields.AsBoolean(value, name, Where) : throw JsonFields.Missing(name, Where);

    /// <summary>A hex field, decoded.</summary>
    /// <param name="name">The field name, e.g. <c>msg</c>.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="VectorFileException">The field is missing or not hex.</exception>
    public byte[] GetHex(string name) => GetHexOrNull(name) ?? throw JsonFields.Missing(name, Where);

    /// <summary>A hex field, decoded, or null when absent.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The bytes or null.</returns>
    /// <exception cref="VectorFileException">The field is not hex.</exception>
    public byte[]? GetHexOrNull(string name) => TryGet(name, out JsonElement value) ? JsonFields.AsHex(value, name, Where) : null;

    /// <summary>An optional boolean field: false when absent.</summary>
    internal bool GetFlag(string name) => TryGet(name, out JsonElement value) && JsonFields.AsBoolean(value, name, Where);
}
