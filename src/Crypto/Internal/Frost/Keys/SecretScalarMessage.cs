// SecretScalarMessage: the byte and JSON forms of the FROST key-generation messages that are one secret scalar
// (a DKG round-2 share, a repair delta, a repair sigma), in the shared wire format (WireFormat.cs, FrostJson.cs):
//   bytes = header(type) || scalar (Ns)        JSON = { header, "<field>": "<hex>" }

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>Builds a one-secret-scalar message from its decoded scalar, which the codec clears afterwards.</summary>
internal delegate T SecretScalarMessageFactory<T>(FrostCiphersuite ciphersuite, in Scalar value);

/// <summary>Codec for one-secret-scalar messages; every malformation is a <see cref="FintechCryptoException"/>.</summary>
internal static class SecretScalarMessage
{
    internal static byte[] ToBytes(FrostMessageType type, FrostCiphersuite ciphersuite, SecretScalar value) =>
        WireWriter.Encode(type, ciphersuite, w => w.WriteSecretScalar(value));

    internal static string ToJson(FrostMessageType type, FrostCiphersuite ciphersuite, string field, SecretScalar value) =>
        FrostJson.Write(type, ciphersuite, w => FrostJson.WriteSecretScalar(w, field, value));

    /// <summary>Decodes the message and builds it with <paramref name="create"/>; clears the decoded scalar.</summary>
    internal static T FromBytes<T>(ReadOnlySpan<byte> encoded, FrostMessageType type, string what, string field, SecretScalarMessageFactory<T> create)
    {
        var reader = new WireReader(encoded, type, what);
        Scalar value = reader.ReadScalar(field);
        try
        {
            reader.End();
            return create(reader.Ciphersuite, value);
        }
        finally
        {
            value.Clear();
        }
    }

    /// <summary>Decodes the JSON form and builds the message with <paramref name="create"/>; clears the decoded scalar.</summary>
    internal static T FromJson<T>(string json, FrostMessageType type, string what, string field, SecretScalarMessageFactory<T> create)
    {
        using var reader = new FrostJson.Reader(json, type, what, field);
        Scalar value = reader.GetScalar(reader.Root, field);
        try
        {
            return create(reader.Ciphersuite, value);
        }
        finally
        {
            value.Clear();
        }
    }
}
