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
using System.Text;
using System.Text.Json;
using FintechCrypto.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost;

/// <summary>Writes and reads the JSON form of FROST messages.</summary>
internal static class FrostJson
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
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Writes the header, then <paramref name="body"/>, as one JSON object; clears the UTF-8 buffer.</summary>
    internal static string Write(FrostMessageType type, FrostCiphersuite ciphersuite, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("version", WireWriter.Version);
                writer.WriteString("type", TypeName(type));
                writer.WriteString("ciphersuite", ciphersuite.Name);
                body(writer);
                writer.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            buffer.Clear(); // zeroes the written bytes (secret shares are in some messages)
        }
    }

    /// <summary>Writes a scalar as hex.</summary>
    internal static void WriteScalar(Utf8JsonWriter writer, string name, FrostCiphersuite ciphersuite, in Scalar scalar)
    {
        Span<byte> bytes = stackalloc byte[ciphersuite.ScalarLength];
        ciphersuite.Suite.Scalars.Encode(scalar, bytes);
        WriteHex(writer, name, bytes);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
    }

    /// <summary>Writes a secret scalar's stored encoding as hex, without decoding it; clears the copy.</summary>
    /// <exception cref="ObjectDisposedException">The secret was cleared.</exception>
    internal static void WriteSecretScalar(Utf8JsonWriter writer, string name, SecretScalar secret)
    {
        Span<byte> bytes = stackalloc byte[secret.Length];
        try
        {
            secret.CopyTo(bytes);
            WriteHex(writer, name, bytes);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Writes an element as hex.</summary>
    internal static void WriteElement(Utf8JsonWriter writer, string name, FrostCiphersuite ciphersuite, GroupElement element) =>
        WriteHex(writer, name, ciphersuite.Suite.Group.SerializeElement(element));

    /// <summary>Writes a JSON array of elements as hex (a VSS commitment, for one).</summary>
    internal static void WriteElements(Utf8JsonWriter writer, string name, FrostCiphersuite ciphersuite, ReadOnlySpan<GroupElement> elements)
    {
        writer.WriteStartArray(name);
        foreach (GroupElement element in elements)
        {
            writer.WriteStringValue(Convert.ToHexStringLower(ciphersuite.Suite.Group.SerializeElement(element)));
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes bytes as lowercase hex.</summary>
    internal static void WriteHex(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> bytes)
    {
        char[] hex = new char[bytes.Length * 2];
        try
        {
            Convert.TryToHexStringLower(bytes, hex, out _);
            writer.WriteString(name, hex);
        }
        finally
        {
            Array.Clear(hex);
        }
    }

    /// <summary>A parsed JSON message whose header and set of top-level properties have been checked.</summary>
    internal sealed class Reader : IDisposable
    {
        private static readonly string[] HeaderProperties = ["version", "type", "ciphersuite"];
        private readonly JsonDocument _document;
        private readonly string _what;

        /// <summary>Parses <paramref name="json"/>, checks its header, and checks that the top-level object holds
        /// exactly the header and <paramref name="properties"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
        /// <exception cref="FintechCryptoException">The JSON is malformed, of another type or suite, or has other properties.</exception>
        internal Reader(string json, FrostMessageType type, string what, params string[] properties)
        {
            ArgumentNullException.ThrowIfNull(json);
            _what = what;
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
                Root = _document.RootElement;
                if (Root.ValueKind != JsonValueKind.Object)
                {
                    throw Malformed("it is not a JSON object");
                }

                int version = GetInt(Root, "version", 0, 255);
                if (version != WireWriter.Version)
                {
                    throw Malformed($"format version {version} is not supported (expected {WireWriter.Version})");
                }

                // Input strings are named in a message only when they are one of the format's own names (issue 11:
                // no input bytes in exceptions; a malformed message can shift a secret into any field).
                string typeName = GetString(Root, "type");
                if (!string.Equals(typeName, TypeName(type), StringComparison.Ordinal))
                {
                    throw Malformed(IsTypeName(typeName)
                        ? $"it is a '{typeName}' message, not '{TypeName(type)}'"
                        : $"its type is not a FROST message type (expected '{TypeName(type)}')");
                }

                string suiteName = GetString(Root, "ciphersuite");
                if (!FrostCiphersuite.TryFromName(suiteName, out FrostCiphersuite? suite))
                {
                    throw Malformed("the ciphersuite is not one that FintechCrypto knows");
                }

                Ciphersuite = suite;
                ExpectProperties(Root, [.. HeaderProperties, .. properties]);
            }
            catch
            {
                _document.Dispose();
                throw;
            }
        }

        internal JsonElement Root { get; }

        internal FrostCiphersuite Ciphersuite { get; }

        /// <summary>Checks that <paramref name="obj"/> has exactly the given properties, each once.</summary>
        internal void ExpectProperties(JsonElement obj, params string[] names)
        {
            if (obj.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("an entry is not a JSON object");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty property in obj.EnumerateObject())
            {
                if (Array.IndexOf(names, property.Name) < 0)
                {
                    throw Malformed("it holds a property that is not part of the format"); // the name is input: not echoed
                }

                if (!seen.Add(property.Name))
                {
                    throw Malformed($"the property '{property.Name}' appears twice");
                }
            }

            foreach (string name in names)
            {
                if (!seen.Contains(name))
                {
                    throw Malformed($"the property '{name}' is missing");
                }
            }
        }

        internal string GetString(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String)
            {
                throw Malformed($"'{name}' is missing or not a string");
            }

            return value.GetString() ?? string.Empty;
        }

        internal int GetInt(JsonElement obj, string name, int minimum, int maximum)
        {
            if (!obj.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.Number
                || !value.TryGetInt32(out int number) || number < minimum || number > maximum)
            {
                throw Malformed($"'{name}' is missing or not an integer from {minimum} to {maximum}");
            }

            return number;
        }

        internal JsonElement GetArray(JsonElement obj, string name, int maximumLength)
        {
            if (!obj.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.Array)
            {
                throw Malformed($"'{name}' is missing or not an array");
            }

            if (value.GetArrayLength() > maximumLength)
            {
                throw Malformed($"'{name}' has more than {maximumLength} entries");
            }

            return value;
        }

        /// <summary>A non-empty JSON array of hex elements (a VSS commitment, for one).</summary>
        internal GroupElement[] GetElements(JsonElement obj, string name)
        {
            var elements = new List<GroupElement>();
            foreach (JsonElement item in GetArray(obj, name, ushort.MaxValue).EnumerateArray())
            {
                elements.Add(DecodeElement(GetEntryHex(item, name), name));
            }

            if (elements.Count == 0)
            {
                throw Malformed($"'{name}' is empty");
            }

            return [.. elements];
        }

        /// <summary>One hex scalar entry of the array <paramref name="name"/>; the caller clears it.</summary>
        internal Scalar DecodeScalarEntry(JsonElement item, string name) =>
            DecodeScalar(GetEntryHex(item, name), $"an entry of '{name}' is not a canonical scalar");

        internal byte[] GetHex(JsonElement obj, string name) => DecodeHex(GetString(obj, name), name);

        internal byte[] DecodeHex(string hex, string name)
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

        internal Scalar GetScalar(JsonElement obj, string name) =>
            DecodeScalar(GetHex(obj, name), $"'{name}' is not a canonical {Ciphersuite.ScalarLength}-byte scalar");

        // Decodes a scalar and clears its bytes (they may be secret).
        private Scalar DecodeScalar(byte[] bytes, string problem)
        {
            try
            {
                if (!Ciphersuite.Suite.Scalars.TryDecode(bytes, out Scalar scalar))
                {
                    throw Malformed(problem);
                }

                return scalar;
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
            }
        }

        internal GroupElement GetElement(JsonElement obj, string name) => DecodeElement(GetHex(obj, name), name);

        internal GroupElement DecodeElement(byte[] bytes, string name)
        {
            if (!Ciphersuite.Suite.Group.TryDeserializeElement(bytes, out GroupElement element))
            {
                throw Malformed($"'{name}' is not a valid element of {Ciphersuite.Suite.Group.Name}");
            }

            return element;
        }

        internal FrostIdentifier GetIdentifier(JsonElement obj, string name)
        {
            byte[] bytes = GetHex(obj, name);
            ScalarField field = Ciphersuite.Suite.Scalars;
            if (!field.TryDecode(bytes, out Scalar scalar) || field.IsZero(scalar))
            {
                throw Malformed($"'{name}' is not a canonical non-zero scalar");
            }

            return FrostIdentifier.FromScalar(Ciphersuite, scalar);
        }

        internal FintechCryptoException Malformed(string reason) => new($"The {_what} JSON is malformed: {reason}.");

        public void Dispose() => _document.Dispose();

        private byte[] GetEntryHex(JsonElement item, string name)
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw Malformed($"an entry of '{name}' is not a string");
            }

            return DecodeHex(item.GetString() ?? string.Empty, name);
        }

        private static bool IsTypeName(string name)
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
}
