// Field access for vector JSON, written once for every vector format (Wycheproof, ACVP) and both kinds of object
// (groups and tests: VectorObject). A missing or malformed field is a defect of the file, so it throws
// VectorFileException naming the file, the place and the field; it never surfaces as a KeyNotFound/Format exception.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace FintechCrypto.Testing;

internal static class JsonFields
{
    /// <summary>Reads and parses a JSON file; any I/O or syntax problem becomes a VectorFileException.</summary>
    internal static JsonDocument Parse(string path, string what)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new VectorFileException($"The {what} '{path}' cannot be read: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new VectorFileException($"The {what} '{path}' is not JSON: {e.Message}", e);
        }
    }

    /// <summary>The field <paramref name="name"/> of an object; false when it is absent or null.</summary>
    internal static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    internal static JsonElement Get(JsonElement obj, string name, string where) =>
        TryGet(obj, name, out JsonElement value) ? value : throw Missing(name, where);

    internal static string? GetStringOrNull(JsonElement obj, string name, string where) =>
        TryGet(obj, name, out JsonElement value) ? AsString(value, name, where) : null;

    internal static string GetString(JsonElement obj, string name, string where) => GetStringOrNull(obj, name, where) ?? throw Missing(name, where);

    internal static int? GetInt32OrNull(JsonElement obj, string name, string where) =>
        TryGet(obj, name, out JsonElement value) ? AsInt32(value, name, where) : null;

    internal static int GetInt32(JsonElement obj, string name, string where) => GetInt32OrNull(obj, name, where) ?? throw Missing(name, where);

    internal static byte[] GetHex(JsonElement obj, string name, string where) =>
        TryGet(obj, name, out JsonElement value) ? AsHex(value, name, where) : throw Missing(name, where);

    internal static JsonElement GetArray(JsonElement obj, string name, string where)
    {
        JsonElement value = Get(obj, name, where);
        return value.ValueKind == JsonValueKind.Array ? value : throw new VectorFileException($"{where}: the field '{name}' must be an array.");
    }

    internal static IReadOnlyList<string> GetStringArray(JsonElement obj, string name, string where)
    {
        if (!TryGet(obj, name, out JsonElement value))
        {
            return Array.Empty<string>();
        }

        var list = new List<string>();
        foreach (JsonElement item in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw NotArrayOfStrings(name, where))
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw NotArrayOfStrings(name, where));
        }

        return list;
    }

    /// <summary>A field's value as a string.</summary>
    internal static string AsString(JsonElement value, string name, string where) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new VectorFileException($"{where}: the field '{name}' must be a string.");

    /// <summary>A field's value as an integer: a JSON number, or a decimal string (ACVP and FROST files write some small integers so).</summary>
    internal static int AsInt32(JsonElement value, string name, string where)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n))
        {
            return n;
        }

        return value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n)
            ? n
            : throw new VectorFileException($"{where}: the field '{name}' must be an integer.");
    }

    /// <summary>A field's value as a boolean.</summary>
    internal static bool AsBoolean(JsonElement value, string name, string where) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new VectorFileException($"{where}: the field '{name}' must be a boolean."),
    };

    /// <summary>A field's value as hex-encoded bytes.</summary>
    internal static byte[] AsHex(JsonElement value, string name, string where)
    {
        string hex = AsString(value, name, where);
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new VectorFileException($"{where}: the field '{name}' is not valid hex.");
        }
    }

    /// <summary>The error for a required field that is absent.</summary>
    internal static VectorFileException Missing(string name, string where) => new($"{where}: the field '{name}' is missing.");

    /// <summary>A short "k=v" rendering of an object's scalar fields, for group names in logs.</summary>
    internal static string DescribeScalars(JsonElement obj, IEnumerable<string> names)
    {
        var parts = new List<string>();
        foreach (string name in names)
        {
            if (TryGet(obj, name, out JsonElement v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                parts.Add($"{name}={(v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())}");
            }
        }

        return string.Join(' ', parts);
    }

    private static VectorFileException NotArrayOfStrings(string name, string where) => new($"{where}: the field '{name}' must be an array of strings.");
}
