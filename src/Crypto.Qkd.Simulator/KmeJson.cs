// KmeJson: the ETSI GS QKD 014 V1.1.1 JSON data formats (§6: Status, Key request, Key container, Key IDs, Error),
// field names exactly as in the standard (snake_case, case-sensitive), with Utf8JsonWriter and JsonDocument.

using System;
using System.Collections.Generic;
using System.Text.Json;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>Reads and writes the 014 JSON objects of the simulated KME.</summary>
internal static class KmeJson
{
    /// <summary>The members of a 014 §6.2 Key request, each with its reader; other members are ignored.</summary>
    private static readonly Dictionary<string, Func<QkdKeyRequest, JsonElement, QkdKeyRequest>> s_keyRequestMembers = new(StringComparer.Ordinal)
    {
        ["number"] = (request, value) => request with { Number = Int(value, "number") },
        ["size"] = (request, value) => request with { SizeInBits = Int(value, "size") },
        ["additional_slave_SAE_IDs"] = (request, value) => request with { AdditionalSlaveSaeIds = Strings(value, "additional_slave_SAE_IDs") },
        ["extension_mandatory"] = (request, value) => request with { ExtensionMandatory = Extensions(value, "extension_mandatory") },
        ["extension_optional"] = (request, value) => request with { ExtensionOptional = Extensions(value, "extension_optional") },
    };

    /// <summary>014 §6.1 Status.</summary>
    internal static void WriteStatus(Utf8JsonWriter w, QkdKeySourceStatus status)
    {
        w.WriteStartObject();
        WriteStatusMembers(w, status);
        w.WriteEndObject();
    }

    /// <summary>
    /// The members of a 014 §6.1 Status, in the standard's order, with <c>status_extension</c> when there is one
    /// (also the <c>kme status</c> command's output).
    /// </summary>
    internal static void WriteStatusMembers(Utf8JsonWriter w, QkdKeySourceStatus status)
    {
        w.WriteString("source_KME_ID", status.SourceKmeId);
        w.WriteString("target_KME_ID", status.TargetKmeId);
        w.WriteString("master_SAE_ID", status.MasterSaeId);
        w.WriteString("slave_SAE_ID", status.SlaveSaeId);
        w.WriteNumber("key_size", status.KeySize);
        w.WriteNumber("stored_key_count", status.StoredKeyCount);
        w.WriteNumber("max_key_count", status.MaxKeyCount);
        w.WriteNumber("max_key_per_request", status.MaxKeyPerRequest);
        w.WriteNumber("max_key_size", status.MaxKeySize);
        w.WriteNumber("min_key_size", status.MinKeySize);
        w.WriteNumber("max_SAE_ID_count", status.MaxSaeIdCount);
        if (status.StatusExtension is JsonElement extension)
        {
            w.WritePropertyName("status_extension");
            extension.WriteTo(w);
        }
    }

    internal static void WriteKeyContainer(Utf8JsonWriter w, DeliveredKeys keys)
    {
        w.WriteStartObject();
        w.WriteStartArray("keys");
        for (int i = 0; i < keys.Count; i++)
        {
            w.WriteStartObject();
            w.WriteString("key_ID", keys.KeyId(i).ToString("D"));
            w.WriteBase64String("key", keys.Key(i)); // RFC 4648 base64, written straight into the pinned buffer
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>014 §6.4 Error: <c>{"message": ..., "details": [{name: value}, ...]}</c>.</summary>
    internal static void WriteError(Utf8JsonWriter w, string message, IReadOnlyList<KeyValuePair<string, string>>? details = null)
    {
        w.WriteStartObject();
        w.WriteString("message", message);
        if (details is { Count: > 0 })
        {
            w.WriteStartArray("details");
            foreach (KeyValuePair<string, string> detail in details)
            {
                w.WriteStartObject();
                w.WriteString(detail.Key, detail.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>014 §6.2 Key request (POST enc_keys). Unknown members are ignored; wrong types are malformed.</summary>
    /// <exception cref="KeySourceException">400: not a Key request.</exception>
    internal static QkdKeyRequest ReadKeyRequest(ReadOnlyMemory<byte> body)
    {
        using JsonDocument doc = Parse(body);
        JsonElement root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("the Key request shall be a JSON object");
        }

        var request = new QkdKeyRequest();
        foreach (JsonProperty member in root.EnumerateObject())
        {
            if (s_keyRequestMembers.TryGetValue(member.Name, out Func<QkdKeyRequest, JsonElement, QkdKeyRequest>? read))
            {
                request = read(request, member.Value);
            }
        }

        return request;
    }

    /// <summary>014 §6.5 Key IDs (POST dec_keys): <c>{"key_IDs": [{"key_ID": UUID}, ...]}</c>.</summary>
    /// <exception cref="KeySourceException">400: not a Key IDs object, or a key_ID that is not a UUID.</exception>
    internal static List<Guid> ReadKeyIds(ReadOnlyMemory<byte> body)
    {
        using JsonDocument doc = Parse(body);
        JsonElement root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("key_IDs", out JsonElement array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("the Key IDs object shall be a JSON object with a key_IDs array");
        }

        var ids = new List<Guid>();
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("key_ID", out JsonElement id) || id.ValueKind != JsonValueKind.String)
            {
                throw Malformed("each item of key_IDs shall be an object with a key_ID string");
            }

            ids.Add(ParseKeyId(id.GetString()!));
        }

        return ids;
    }

    /// <summary>A key_ID: a UUID (hex digits in either case, 8-4-4-4-12).</summary>
    internal static Guid ParseKeyId(string text) =>
        Guid.TryParseExact(text, "D", out Guid id)
            ? id
            : throw new KeySourceException(KeySourceError.BadRequest, "The KME answered 400: key_ID shall be a UUID.", 400, "key_ID shall be a UUID");

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw Malformed("the request body is not valid JSON");
        }
    }

    private static int Int(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) ? n : throw Malformed($"{name} shall be an integer");

    private static string[] Strings(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Malformed($"{name} shall be an array of strings");
        }

        var list = new List<string>();
        foreach (JsonElement item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Malformed($"{name} shall be an array of strings"));
        }

        return list.ToArray();
    }

    /// <summary>An array of single-member objects (014 §6.2: e.g. <c>[{"abc_route_type": "direct"}]</c>).</summary>
    private static KeyValuePair<string, JsonElement>[] Extensions(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Malformed($"{name} shall be an array of objects");
        }

        var list = new List<KeyValuePair<string, JsonElement>>();
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Malformed($"{name} shall be an array of objects");
            }

            foreach (JsonProperty member in item.EnumerateObject())
            {
                list.Add(new KeyValuePair<string, JsonElement>(member.Name, member.Value.Clone()));
            }
        }

        return list.ToArray();
    }

    private static KeySourceException Malformed(string why)
    {
        string message = $"malformed JSON: {why}";
        return new KeySourceException(KeySourceError.BadRequest, $"The KME answered 400: {message}.", 400, message);
    }
}
