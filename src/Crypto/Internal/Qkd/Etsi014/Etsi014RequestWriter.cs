// Etsi014RequestWriter: the JSON bodies a master or slave SAE sends (ETSI GS QKD 014 §6.2 Key request, §6.4 Key IDs),
// written with Utf8JsonWriter (no reflection: FintechCrypto is trimmed and AOT-compatible).

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd.Etsi014;

/// <summary>Writes 014 request bodies.</summary>
internal static class Etsi014RequestWriter
{
    /// <summary>
    /// 014 §6.2 Key request: <c>number</c>, <c>size</c> (when the caller chose one), <c>additional_slave_SAE_IDs</c>,
    /// <c>extension_mandatory</c> and <c>extension_optional</c> (arrays of single-member objects, values verbatim); empty
    /// arrays are left out.
    /// </summary>
    internal static byte[] KeyRequest(QkdKeyRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("number", request.Number);
            if (request.SizeInBits is int size)
            {
                writer.WriteNumber("size", size);
            }

            if (request.AdditionalSlaveSaeIds.Count > 0)
            {
                writer.WriteStartArray("additional_slave_SAE_IDs");
                foreach (string id in request.AdditionalSlaveSaeIds)
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
            }

            WriteExtensions(writer, "extension_mandatory", request.ExtensionMandatory);
            WriteExtensions(writer, "extension_optional", request.ExtensionOptional);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>014 §6.4 Key IDs: <c>{"key_IDs": [{"key_ID": "UUID"}, ...]}</c>.</summary>
    internal static byte[] KeyIds(IReadOnlyList<Guid> keyIds)
    {
        var buffer = new ArrayBufferWriter<byte>(32 + (56 * keyIds.Count));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("key_IDs");
            foreach (Guid id in keyIds)
            {
                writer.WriteStartObject();
                writer.WriteString("key_ID", id.ToString("D", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Checks the extension lists of a request: names non-empty, values defined JSON.</summary>
    /// <exception cref="ArgumentException">An extension has an empty name or an undefined value.</exception>
    internal static void ValidateExtensions(IReadOnlyList<KeyValuePair<string, JsonElement>>? extensions, string paramName)
    {
        if (extensions is null)
        {
            throw Error.Qkd_NotAcceptable(paramName, "The extension lists of the request", "must not be null");
        }

        foreach (KeyValuePair<string, JsonElement> extension in extensions)
        {
            if (string.IsNullOrEmpty(extension.Key))
            {
                throw Error.Qkd_NotAcceptable(paramName, "An extension of the request", "has an empty name");
            }

            if (extension.Value.ValueKind == JsonValueKind.Undefined)
            {
                throw Error.Qkd_NotAcceptable(paramName, $"The extension '{extension.Key}' of the request", "has no value");
            }
        }
    }

    private static void WriteExtensions(Utf8JsonWriter writer, string name, IReadOnlyList<KeyValuePair<string, JsonElement>> extensions)
    {
        if (extensions.Count == 0)
        {
            return;
        }

        // 014 §6.2: "array of objects", each object one parameter of the extension, e.g. {"abc_route_type": "direct"}.
        writer.WriteStartArray(name);
        foreach (KeyValuePair<string, JsonElement> extension in extensions)
        {
            writer.WriteStartObject();
            writer.WritePropertyName(extension.Key);
            writer.WriteRawValue(extension.Value.GetRawText()); // verbatim, as the caller wrote it
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
