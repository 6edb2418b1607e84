// Etsi014ResponseReader: strict parsing of what a KME answers (ETSI GS QKD 014 §6.1 Status, §6.3 Key container,
// §6.5 Error) with Utf8JsonReader, so FintechCrypto stays free of reflection-based JSON; key bytes are decoded from the
// response buffer straight into pinned memory.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd.Etsi014;

/// <summary>Reads 014 response bodies; anything that is not exactly what the standard and the request call for is refused.</summary>
internal static class Etsi014ResponseReader
{
    /// <summary>The longest KME message kept in an exception.</summary>
    private const int MaxMessageLength = 300;

    private static readonly JsonReaderOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>014 §6.1: the string members of a Status (KME and SAE IDs), all required.</summary>
    private static readonly string[] s_statusIds = ["source_KME_ID", "target_KME_ID", "master_SAE_ID", "slave_SAE_ID"];

    /// <summary>
    /// 014 §6.1: the integer members of a Status (counts and sizes), all required; with <see cref="s_statusIds"/>, every
    /// member but <c>status_extension</c>.
    /// </summary>
    private static readonly string[] s_statusCounts =
        ["key_size", "stored_key_count", "max_key_count", "max_key_per_request", "max_key_size", "min_key_size", "max_SAE_ID_count"];

    /// <summary>
    /// 014 §6.1 Status: every member required except <c>status_extension</c>; IDs are strings, counts and sizes
    /// non-negative integers; <c>slave_SAE_ID</c> must be the slave that was asked about.
    /// </summary>
    /// <exception cref="KeySourceException">The body is not such a Status (kind <see cref="KeySourceError.InvalidResponse"/>).</exception>
    internal static QkdKeySourceStatus ReadStatus(ReadOnlySpan<byte> body, string slaveSaeId)
    {
        const string what = "Status";
        try
        {
            var reader = new Utf8JsonReader(WithoutBom(body), s_options);
            Next(ref reader, what);
            Expect(ref reader, JsonTokenType.StartObject, what);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            JsonElement? extension = null;
            while (NextMember(ref reader, what, seen, out string name))
            {
                if (Array.IndexOf(s_statusIds, name) >= 0)
                {
                    ids[name] = ReadString(ref reader, name);
                }
                else if (Array.IndexOf(s_statusCounts, name) >= 0)
                {
                    counts[name] = ReadCount(ref reader, name);
                }
                else if (name == "status_extension")
                {
                    extension = ReadObject(ref reader, name);
                }
                else
                {
                    reader.Skip(); // members of a later edition
                }
            }

            ExpectEndOfDocument(ref reader, what);
            RequireMembers(seen, what, s_statusIds);
            RequireMembers(seen, what, s_statusCounts);

            var status = new QkdKeySourceStatus
            {
                SourceKmeId = ids["source_KME_ID"],
                TargetKmeId = ids["target_KME_ID"],
                MasterSaeId = ids["master_SAE_ID"],
                SlaveSaeId = ids["slave_SAE_ID"],
                KeySize = counts["key_size"],
                StoredKeyCount = counts["stored_key_count"],
                MaxKeyCount = counts["max_key_count"],
                MaxKeyPerRequest = counts["max_key_per_request"],
                MaxKeySize = counts["max_key_size"],
                MinKeySize = counts["min_key_size"],
                MaxSaeIdCount = counts["max_SAE_ID_count"],
                StatusExtension = extension,
            };

            if (!string.Equals(status.SlaveSaeId, slaveSaeId, StringComparison.Ordinal))
            {
                throw Invalid(what, "its slave_SAE_ID is not the SAE that was asked about");
            }

            if (status.KeySize == 0 || status.MinKeySize > status.MaxKeySize)
            {
                throw Invalid(what, "its key sizes are inconsistent (key_size 0, or min_key_size above max_key_size)");
            }

            return status;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The reader's own message may quote a character of the body (which could be key material): not kept.
            throw Invalid(what, "it is not well-formed JSON of the expected shape");
        }
    }

    /// <summary>
    /// 014 §6.3 Key container: <c>keys</c> required, each with a UUID <c>key_ID</c> (any letter case) and a strict base64
    /// <c>key</c>, optional <c>key_ID_extension</c>, <c>key_extension</c> and <c>key_container_extension</c> objects.
    /// For Get key (<paramref name="expectedIds"/> null) it must hold <paramref name="expectedCount"/> distinct keys; for
    /// Get key with key IDs exactly the IDs asked for, returned in their order. No key_ID may be the nil UUID, and when
    /// <paramref name="expectedKeyBytes"/> is given every key must have exactly that many bytes.
    /// </summary>
    /// <remarks>With <paramref name="exactCount"/> false, <paramref name="expectedCount"/> is only an upper bound (a key file).</remarks>
    /// <exception cref="KeySourceException">The body is not such a container (kind <see cref="KeySourceError.InvalidResponse"/>).</exception>
    internal static QkdKeyContainer ReadKeyContainer(ReadOnlySpan<byte> body, int expectedCount, int? expectedKeyBytes, IReadOnlyList<Guid>? expectedIds, bool exactCount = true)
    {
        const string what = "Key container";
        var keys = new List<QkdKey>(expectedCount);
        bool done = false;
        try
        {
            var reader = new Utf8JsonReader(WithoutBom(body), s_options);
            Next(ref reader, what);
            Expect(ref reader, JsonTokenType.StartObject, what);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            JsonElement? containerExtension = null;
            while (NextMember(ref reader, what, seen, out string name))
            {
                switch (name)
                {
                    case "keys":
                        Expect(ref reader, JsonTokenType.StartArray, what);
                        while (Next(ref reader, what) != JsonTokenType.EndArray)
                        {
                            if (keys.Count >= expectedCount)
                            {
                                throw Invalid(what, $"the number of keys is above the {expectedCount} asked for");
                            }

                            keys.Add(ReadKey(ref reader, keys.Count + 1));
                        }

                        break;
                    case "key_container_extension":
                        containerExtension = ReadObject(ref reader, name);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            ExpectEndOfDocument(ref reader, what);
            RequireMembers(seen, what, "keys");

            if (exactCount && keys.Count != expectedCount)
            {
                throw Invalid(what, $"the number of keys is {keys.Count}, not the {expectedCount} asked for");
            }

            QkdKey[] ordered = expectedIds is null ? CheckNewKeys(keys) : OrderByRequest(keys, expectedIds);
            CheckSizes(ordered, expectedKeyBytes);
            var container = new QkdKeyContainer(ordered, containerExtension);
            done = true;
            return container;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The reader's own message may quote a character of the body (which could be key material): not kept.
            throw Invalid(what, "it is not well-formed JSON of the expected shape");
        }
        finally
        {
            if (!done)
            {
                foreach (QkdKey key in keys)
                {
                    key.Dispose();
                }
            }
        }
    }

    /// <summary>
    /// 014 §6.5 Error: the <c>message</c> of an Error object, trimmed to a few hundred characters without control
    /// characters; null when the body is not a JSON object with a string <c>message</c> (an empty body, HTML from a proxy).
    /// </summary>
    internal static string? ReadErrorMessage(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(WithoutBom(body), s_options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? message = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                if (!reader.Read())
                {
                    return null;
                }

                if (name == "message" && reader.TokenType == JsonTokenType.String && message is null)
                {
                    message = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            return message is null ? null : Sanitise(message);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static QkdKey ReadKey(ref Utf8JsonReader reader, int position)
    {
        string what = $"key {position.ToString(CultureInfo.InvariantCulture)} of the Key container";
        Expect(ref reader, JsonTokenType.StartObject, what);
        Guid? keyId = null;
        byte[]? key = null;
        JsonElement? keyIdExtension = null, keyExtension = null;
        try
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextMember(ref reader, what, seen, out string name))
            {
                switch (name)
                {
                    case "key_ID":
                        // 014 §6.3: "key_ID: ID of the key: UUID format"; RFC 4122 §3: hex digits in either case on input.
                        if (!Guid.TryParseExact(ReadString(ref reader, name), "D", out Guid id))
                        {
                            throw Invalid(what, "its key_ID is not a UUID");
                        }

                        // RFC 9562 §5.9: the nil UUID is "all 128 bits set to zero", a placeholder that names no key; a
                        // KME that answers it has no real ID to give (and two ends would agree on any key under it).
                        if (id == Guid.Empty)
                        {
                            throw Invalid(what, "its key_ID is the nil UUID 00000000-0000-0000-0000-000000000000");
                        }

                        keyId = id;
                        break;
                    case "key":
                        key = DecodeKey(ref reader, what);
                        break;
                    case "key_ID_extension":
                        keyIdExtension = ReadObject(ref reader, name);
                        break;
                    case "key_extension":
                        keyExtension = ReadObject(ref reader, name);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            // Each member is set once it is read and valid (an invalid one throws), so both are set here.
            RequireMembers(seen, what, "key_ID", "key");
            return new QkdKey(keyId!.Value, key!, keyIdExtension, keyExtension);
        }
        finally
        {
            if (key is not null)
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }
    }

    /// <summary>014 §6.3 "key: Key data encoded by base64 [RFC 4648]": decoded strictly into a pinned array the caller clears.</summary>
    private static byte[] DecodeKey(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Invalid(what, "its key is not a string");
        }

        byte[]? unescaped = null;
        try
        {
            ReadOnlySpan<byte> text = reader.ValueSpan;
            if (reader.ValueIsEscaped)
            {
                // JSON allows any character to be escaped ("\/" from some serialisers); the base64 is the unescaped text.
                unescaped = GC.AllocateArray<byte>(reader.ValueSpan.Length, pinned: true);
                text = unescaped.AsSpan(0, reader.CopyString(unescaped));
            }

            int length = Etsi014Base64.DecodedLength(text);
            if (length <= 0)
            {
                throw Invalid(what, "its key is empty or not RFC 4648 base64");
            }

            byte[] key = GC.AllocateArray<byte>(length, pinned: true);
            if (!Etsi014Base64.TryDecode(text, key))
            {
                CryptographicOperations.ZeroMemory(key);
                throw Invalid(what, "its key is not RFC 4648 base64 (alphabet, padding or white space)");
            }

            return key;
        }
        finally
        {
            if (unescaped is not null)
            {
                CryptographicOperations.ZeroMemory(unescaped);
            }
        }
    }

    private static QkdKey[] CheckNewKeys(List<QkdKey> keys)
    {
        var seen = new HashSet<Guid>();
        for (int i = 0; i < keys.Count; i++)
        {
            if (!seen.Add(keys[i].KeyId))
            {
                throw Invalid("Key container", "it holds the same key_ID twice");
            }
        }

        return keys.ToArray();
    }

    /// <summary>014 §6.2 <c>size</c>: every key of an answer has the size asked for (in bits; here in bytes), when one was.</summary>
    private static void CheckSizes(QkdKey[] keys, int? expectedKeyBytes)
    {
        if (expectedKeyBytes is not int bytes)
        {
            return;
        }

        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i].Length != bytes)
            {
                throw Invalid("Key container", $"key {i + 1} is {keys[i].SizeInBits} bits, but {bytes * 8} were asked for");
            }
        }
    }

    private static QkdKey[] OrderByRequest(List<QkdKey> keys, IReadOnlyList<Guid> expectedIds)
    {
        var byId = new Dictionary<Guid, QkdKey>(keys.Count);
        foreach (QkdKey key in keys)
        {
            if (!byId.TryAdd(key.KeyId, key))
            {
                throw Invalid("Key container", "it holds the same key_ID twice");
            }
        }

        var ordered = new QkdKey[expectedIds.Count];
        for (int i = 0; i < ordered.Length; i++)
        {
            if (!byId.TryGetValue(expectedIds[i], out QkdKey? key))
            {
                throw Invalid("Key container", $"it lacks the key {expectedIds[i]:D} that was asked for and holds another");
            }

            ordered[i] = key;
        }

        return ordered;
    }

    /// <summary>
    /// Moves to the next member of the current object and onto its value; false at the end of the object. A member that
    /// appears twice is refused (<paramref name="seen"/> holds the names read so far, for the checks of required members).
    /// </summary>
    private static bool NextMember(ref Utf8JsonReader reader, string what, HashSet<string> seen, out string name)
    {
        if (Next(ref reader, what) != JsonTokenType.PropertyName)
        {
            name = string.Empty;
            return false;
        }

        name = reader.GetString()!;
        if (!seen.Add(name))
        {
            throw Invalid(what, $"it has the member '{name}' twice");
        }

        Next(ref reader, what);
        return true;
    }

    /// <summary>
    /// Refuses an object that lacks one of its required <paramref name="members"/> (014 §6.1, §6.3 list which are);
    /// <paramref name="seen"/> holds the names <see cref="NextMember"/> read.
    /// </summary>
    private static void RequireMembers(HashSet<string> seen, string what, params ReadOnlySpan<string> members)
    {
        foreach (string member in members)
        {
            if (!seen.Contains(member))
            {
                throw Invalid(what, $"the member '{member}' is missing");
            }
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader, string what)
    {
        if (!reader.Read())
        {
            throw Invalid(what, "it is truncated");
        }

        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw Invalid(what, $"a JSON {Describe(type)} was expected, not a {Describe(reader.TokenType)}");
        }
    }

    private static void ExpectEndOfDocument(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0)
        {
            throw Invalid(what, "it is not a single JSON object");
        }

        if (reader.Read())
        {
            throw Invalid(what, "something follows the JSON object");
        }
    }

    private static string ReadString(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Invalid("response", $"'{name}' is not a string");
        }

        return reader.GetString()!;
    }

    private static int ReadCount(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int value) || value < 0)
        {
            throw Invalid("Status", $"'{name}' is not a non-negative integer");
        }

        return value;
    }

    private static JsonElement ReadObject(ref Utf8JsonReader reader, string name)
    {
        // 014 §6: every *_extension member is an object.
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Invalid("response", $"'{name}' is not a JSON object");
        }

        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> body) =>
        body.StartsWith("\uFEFF"u8) ? body[3..] : body;

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "token",
    };

    private static string Sanitise(string message)
    {
        var text = new StringBuilder(Math.Min(message.Length, MaxMessageLength));
        foreach (char c in message)
        {
            if (text.Length == MaxMessageLength)
            {
                break;
            }

            text.Append(char.IsControl(c) ? ' ' : c);
        }

        return text.ToString().Trim();
    }

    private static KeySourceException Invalid(string what, string reason) =>
        new(KeySourceError.InvalidResponse, $"The KME's answer is not a valid ETSI GS QKD 014 {what}: {reason}.", 200);
}
