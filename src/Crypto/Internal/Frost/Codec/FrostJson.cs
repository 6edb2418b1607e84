// FrostJson: the JSON form of every FROST message (docs/frost-wire.md), written with Utf8JsonWriter and read with
// JsonDocument by hand (no reflection: the library is AOT-compatible).
//
//   { "version": 1, "type": "<message type>", "ciphersuite": "<RFC 9591 context string>", <fields> }
//
// Scalars, elements and identifiers are lowercase hex of their RFC 9591 encodings; counts are JSON numbers. The
// reader refuses unknown, missing and repeated properties, other versions, types and suites, bad hex, non-canonical
// scalars and invalid elements, always with a FintechCryptoException whose message names only the format's own
// property, type and suite names and keeps no inner exception: nothing of the input (which may hold a secret) is
// echoed (issue 11).

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FintechCrypto.Internal.Frost.Keys;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost;

/// <summary>The JSON names of the message types and of the key-generation purposes.</summary>
internal static class FrostJsonNames
{
    /// <summary>The "type" string of each message type.</summary>
    internal static string TypeName(FrostMessageType type) => type switch
    {
        FrostMessageType.SigningCommitments => "signing_commitments",
        FrostMessageType.SigningPackage => "signing_package",
        FrostMessageType.SignatureShare => "signature_share",
        FrostMessageType.SecretShare => "secret_share",
        FrostMessageType.KeyPackage => "key_package",
        FrostMessageType.PublicKeyPackage => "public_key_package",
        FrostMessageType.VssCommitment => "vss_commitment",
        FrostMessageType.DkgRound1SecretPackage => "dkg_round1_secret_package",
        FrostMessageType.DkgRound1Package => "dkg_round1_package",
        FrostMessageType.DkgRound2SecretPackage => "dkg_round2_secret_package",
        FrostMessageType.DkgRound2Package => "dkg_round2_package",
        FrostMessageType.RefreshRound1Package => "refresh_round1_package",
        FrostMessageType.RepairDelta => "repair_delta",
        FrostMessageType.RepairSigma => "repair_sigma",
        _ => throw Error.ArgumentOutOfRange(nameof(type), "a FROST message type from 1 to 14"),
    };

    internal static bool IsTypeName(string name)
    {
        foreach (FrostMessageType t in Enum.GetValues<FrostMessageType>())
        {
            if (string.Equals(name, TypeName(t), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Writes one FROST message as a JSON object; clears the UTF-8 buffer (secret shares are in some messages).</summary>
internal sealed class JsonFieldWriter : FrostFieldWriter, IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _writer;

    internal JsonFieldWriter(FrostMessageType type, FrostCiphersuite ciphersuite)
        : base(ciphersuite)
    {
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartObject();
        _writer.WriteNumber("version", WireFieldWriter.Version);
        _writer.WriteString("type", FrostJsonNames.TypeName(type));
        _writer.WriteString("ciphersuite", ciphersuite.Name);
    }

    internal override void Identifier(string name, FrostIdentifier value) => Hex(name, value.Encoded);

    internal override void Scalar(string name, in Scalar value)
    {
        Span<byte> bytes = stackalloc byte[Ciphersuite.ScalarLength];
        Ciphersuite.Suite.Scalars.Encode(value, bytes);
        Hex(name, bytes);
        CryptographicOperations.ZeroMemory(bytes);
    }

    internal override void SecretScalar(string name, SecretScalar value)
    {
        Span<byte> bytes = stackalloc byte[value.Length];
        try
        {
            value.CopyTo(bytes);
            Hex(name, bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    internal override void SecretScalars(string name, ReadOnlySpan<byte> encodings)
    {
        int ns = Ciphersuite.ScalarLength;
        _writer.WriteStartArray(name);
        for (int k = 0; k < encodings.Length / ns; k++)
        {
            Hex(null, encodings.Slice(k * ns, ns));
        }

        _writer.WriteEndArray();
    }

    internal override void Element(string name, GroupElement value) => Hex(name, Ciphersuite.Suite.Group.SerializeElement(value));

    internal override void Elements(string name, ReadOnlySpan<GroupElement> values)
    {
        _writer.WriteStartArray(name);
        foreach (GroupElement value in values)
        {
            _writer.WriteStringValue(Convert.ToHexStringLower(Ciphersuite.Suite.Group.SerializeElement(value)));
        }

        _writer.WriteEndArray();
    }

    internal override void Count(string name, int value) => _writer.WriteNumber(name, value);

    internal override void Bytes(string name, ReadOnlySpan<byte> value) => Hex(name, value);

    internal override void Purpose(string name, KeyGenPurpose value) => _writer.WriteString(name, value == KeyGenPurpose.Dkg ? "dkg" : "refresh");

    internal override void Proof(string name, GroupElement r, in Scalar z)
    {
        Span<byte> proof = stackalloc byte[Ciphersuite.SignatureLength];
        Ciphersuite.Suite.Group.SerializeElement(r, proof[..Ciphersuite.ElementLength]);
        Ciphersuite.Suite.Scalars.Encode(z, proof[Ciphersuite.ElementLength..]);
        Hex(name, proof);
    }

    internal override void BeginList(string name, int count) => _writer.WriteStartArray(name);

    internal override void BeginEntry() => _writer.WriteStartObject();

    internal override void EndEntry() => _writer.WriteEndObject();

    internal override void EndList() => _writer.WriteEndArray();

    internal override void BeginObject(string name) => _writer.WriteStartObject(name);

    internal override void EndObject() => _writer.WriteEndObject();

    /// <summary>Closes the object and returns the text.</summary>
    internal string ToJsonString()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Clear(); // zeroes the written bytes
    }

    // Bytes as lowercase hex, through a cleared char buffer (the bytes may be secret); a property, or an array entry
    // when name is null.
    private void Hex(string? name, ReadOnlySpan<byte> bytes)
    {
        char[] hex = new char[bytes.Length * 2];
        try
        {
            Convert.TryToHexStringLower(bytes, hex, out _);
            if (name is null)
            {
                _writer.WriteStringValue(hex);
            }
            else
            {
                _writer.WriteString(name, hex);
            }
        }
        finally
        {
            Array.Clear(hex);
        }
    }
}

/// <summary>Reads one FROST message's JSON form: its header, then the fields by name, then checks that no other
/// property is present, in the top-level object and in every nested one.</summary>
internal sealed class JsonFieldReader : FrostFieldReader
{
    private static readonly string[] HeaderProperties = ["version", "type", "ciphersuite"];
    private readonly JsonDocument _document;
    private readonly Stack<(JsonElement Object, List<string> Read)> _objects = new();
    private readonly Stack<JsonElement.ArrayEnumerator> _lists = new();

    /// <summary>Parses <paramref name="json"/> and checks its header.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The JSON is malformed, or of another version, type or suite.</exception>
    internal JsonFieldReader(string json, FrostMessageType type, string what)
        : base(what)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            _document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            // Issue 11: no inner exception and nothing from the parser's message. System.Text.Json's messages quote
            // the input where parsing failed (a hex digit of a signing share, or a whole run of it when a quote is
            // missing), and many of these messages hold secrets.
            throw new FintechCryptoException($"The {what} is not valid JSON.");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Text that is not valid UTF-16 (a lone surrogate); as above, the cause is not kept.
            throw new FintechCryptoException($"The {what} is not valid JSON: it is not valid UTF-16 text.");
        }

        try
        {
            JsonElement root = _document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("it is not a JSON object");
            }

            _objects.Push((root, [.. HeaderProperties]));
            int version = GetInt("version", 0, 255);
            if (version != WireFieldWriter.Version)
            {
                throw Malformed($"format version {version} is not supported (expected {WireFieldWriter.Version})");
            }

            // Input strings are named in a message only when they are one of the format's own names (issue 11:
            // no input bytes in exceptions; a malformed message can shift a secret into any field).
            string typeName = GetString("type");
            string expected = FrostJsonNames.TypeName(type);
            if (!string.Equals(typeName, expected, StringComparison.Ordinal))
            {
                throw Malformed(FrostJsonNames.IsTypeName(typeName)
                    ? $"it is a '{typeName}' message, not '{expected}'"
                    : $"its type is not a FROST message type (expected '{expected}')");
            }

            Ciphersuite = (FrostCiphersuite.TryFromName(GetString("ciphersuite"), out FrostCiphersuite? suite)
                ? suite
                : throw Malformed("the ciphersuite is not one that FintechCrypto knows"));
        }
        catch
        {
            _document.Dispose();
            throw;
        }
    }

    internal override FrostIdentifier Identifier(string name)
    {
        byte[] bytes = GetHex(Property(name), name);
        ScalarField field = Ciphersuite.Suite.Scalars;
        return field.TryDecode(bytes, out Scalar scalar) && !field.IsZero(scalar)
            ? FrostIdentifier.FromScalar(Ciphersuite, scalar)
            : throw Malformed($"'{name}' is not a canonical non-zero scalar");
    }

    internal override Scalar Scalar(string name) =>
        DecodeScalar(GetHex(Property(name), name), $"'{name}' is not a canonical {Ciphersuite.ScalarLength}-byte scalar");

    internal override void SecretScalars(string name, Span<Scalar> destination)
    {
        JsonElement array = GetArray(Property(name), name);
        if (array.GetArrayLength() != destination.Length)
        {
            throw Malformed($"'{name}' must hold {destination.Length} scalars for this threshold");
        }

        int k = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            destination[k++] = DecodeScalar(GetEntryHex(item, name), $"an entry of '{name}' is not a canonical scalar");
        }
    }

    internal override GroupElement Element(string name) => DecodeElement(GetHex(Property(name), name), name);

    internal override GroupElement[] Elements(string name)
    {
        var elements = new List<GroupElement>();
        foreach (JsonElement item in GetArray(Property(name), name).EnumerateArray())
        {
            elements.Add(DecodeElement(GetEntryHex(item, name), name));
        }

        return elements.Count > 0 ? [.. elements] : throw Malformed($"'{name}' is empty");
    }

    internal override int Count(string name) => GetInt(name, 0, ushort.MaxValue);

    internal override byte[] Bytes(string name) => GetHex(Property(name), name);

    internal override KeyGenPurpose Purpose(string name) => GetString(name) switch
    {
        "dkg" => KeyGenPurpose.Dkg,
        "refresh" => KeyGenPurpose.Refresh,
        _ => throw Malformed($"'{name}' is neither \"dkg\" nor \"refresh\""),
    };

    internal override GroupElement Proof(string name, out Scalar z)
    {
        byte[] proof = GetHex(Property(name), name);
        if (proof.Length != Ciphersuite.SignatureLength)
        {
            throw Malformed($"'{name}' must be {Ciphersuite.SignatureLength} bytes (R || mu)");
        }

        GroupElement r = DecodeElement(proof[..Ciphersuite.ElementLength], name);
        z = DecodeScalar(proof[Ciphersuite.ElementLength..], $"the mu of '{name}' is not a canonical scalar");
        return r;
    }

    internal override int BeginList(string name)
    {
        JsonElement array = GetArray(Property(name), name);
        _lists.Push(array.EnumerateArray());
        return array.GetArrayLength();
    }

    internal override void BeginEntry()
    {
        JsonElement.ArrayEnumerator list = _lists.Pop();
        list.MoveNext();
        _lists.Push(list);
        Open(list.Current);
    }

    internal override void EndEntry() => Close();

    internal override void EndList() => _lists.Pop();

    internal override void BeginObject(string name) => Open(Property(name));

    internal override void EndObject() => Close();

    internal override void End() => Close();

    internal override FintechCryptoException Malformed(string reason) => Error.Frost_MalformedJson(What, reason);

    public override void Dispose() => _document.Dispose();

    // A property of the current object, recorded as read.
    private JsonElement Property(string name)
    {
        (JsonElement obj, List<string> read) = _objects.Peek();
        read.Add(name);
        return obj.TryGetProperty(name, out JsonElement value) ? value : default;
    }

    private void Open(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(obj.ValueKind == JsonValueKind.Undefined ? "an object is missing" : "an entry is not a JSON object");
        }

        _objects.Push((obj, []));
    }

    // Checks that the current object has exactly the properties read from it, each once.
    private void Close()
    {
        (JsonElement obj, List<string> read) = _objects.Pop();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            if (!read.Contains(property.Name))
            {
                throw Malformed("it holds a property that is not part of the format"); // the name is input: not echoed
            }

            if (!seen.Add(property.Name))
            {
                throw Malformed($"the property '{property.Name}' appears twice");
            }
        }

        foreach (string name in read)
        {
            if (!seen.Contains(name))
            {
                throw Malformed($"the property '{name}' is missing");
            }
        }
    }

    private string GetString(string name)
    {
        JsonElement value = Property(name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? string.Empty
            : throw Malformed($"'{name}' is missing or not a string");
    }

    private int GetInt(string name, int minimum, int maximum)
    {
        JsonElement value = Property(name);
        return value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out int number) && number >= minimum && number <= maximum
            ? number
            : throw Malformed($"'{name}' is missing or not an integer from {minimum} to {maximum}");
    }

    private JsonElement GetArray(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Malformed($"'{name}' is missing or not an array");
        }

        return value.GetArrayLength() <= ushort.MaxValue ? value : throw Malformed($"'{name}' has more than {ushort.MaxValue} entries");
    }

    private byte[] GetHex(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String
            ? DecodeHex(value.GetString() ?? string.Empty, name)
            : throw Malformed($"'{name}' is missing or not a string");

    private byte[] GetEntryHex(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.String
            ? DecodeHex(item.GetString() ?? string.Empty, name)
            : throw Malformed($"an entry of '{name}' is not a string");

    private byte[] DecodeHex(string hex, string name)
    {
        if (hex.Length % 2 != 0)
        {
            throw Malformed($"'{name}' is not an even number of hex digits");
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw Malformed($"'{name}' is not hex");
        }
    }

    // Decodes a scalar and clears its bytes (they may be secret).
    private Scalar DecodeScalar(byte[] bytes, string problem)
    {
        try
        {
            return Ciphersuite.Suite.Scalars.TryDecode(bytes, out Scalar scalar) ? scalar : throw Malformed(problem);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private GroupElement DecodeElement(byte[] bytes, string name) =>
        Ciphersuite.Suite.Group.TryDeserializeElement(bytes, out GroupElement element)
            ? element
            : throw Malformed($"'{name}' is not a valid element of {Ciphersuite.Suite.Group.Name}");
}
