// Field access for vector JSON. A missing or malformed field is a defect of the file, so it throws
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
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new VectorFileException($"The {what} '{path}' cannot be read: {e.Message}", e);
        }

        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new VectorFileException($"The {what} '{path}' is not JSON: {e.Message}", e);
        }
    }

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
        TryGet(obj, name, out JsonElement value) ? value : throw new VectorFileException($"{where}: the field '{name}' is missing.");

    internal static string? GetStringOrNull(JsonElement obj, string name, string where)
    {
        if (!TryGet(obj, name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new VectorFileException($"{where}: the field '{name}' must be a string.");
    }

    internal static string GetString(JsonElement obj, string name, string where) =>
        GetStringOrNull(obj, name, where) ?? throw new VectorFileException($"{where}: the field '{name}' is missing.");

    internal static int? GetInt32OrNull(JsonElement obj, string name, string where)
    {
        if (!TryGet(obj, name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n))
        {
            return n;
        }

        // ACVP and FROST files sometimes write small integers as strings.
        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }

        throw new VectorFileException($"{where}: the field '{name}' must be an integer.");
    }

    internal static int GetInt32(JsonElement obj, string name, string where) =>
        GetInt32OrNull(obj, name, where) ?? throw new VectorFileException($"{where}: the field '{name}' is missing.");

    internal static byte[]? GetHexOrNull(JsonElement obj, string name, string where)
    {
        string? hex = GetStringOrNull(obj, name, where);
        return hex is null ? null : DecodeHex(hex, name, where);
    }

    internal static byte[] GetHex(JsonElement obj, string name, string where) =>
        GetHexOrNull(obj, name, where) ?? throw new VectorFileException($"{where}: the field '{name}' is missing.");

    internal static byte[] DecodeHex(string hex, string name, string where)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new VectorFileException($"{where}: the field '{name}' is not valid hex.");
        }
    }

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

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new VectorFileException($"{where}: the field '{name}' must be an array of strings.");
        }

        var list = new List<string>();
        foreach (JsonElement item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new VectorFileException($"{where}: the field '{name}' must be an array of strings."));
        }

        return list;
    }

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
}
