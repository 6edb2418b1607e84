// SecretScalarMessage: the byte and JSON forms of the FROST key-generation messages that are one secret scalar
// (a DKG round-2 share, a repair delta, a repair sigma), in the shared wire format (WireFormat.cs, FrostJson.cs):
//   bytes = header(type) || scalar (Ns)        JSON = { header, "<field>": "<hex>" }

using System;
using System.Security.Cryptography;
using FintechCrypto.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>Codec for one-secret-scalar messages; every malformation is a <see cref="FintechCryptoException"/>.</summary>
internal static class SecretScalarMessage
{
    internal static byte[] ToBytes(FrostMessageType type, FrostCiphersuite ciphersuite, SecretScalar value)
    {
        Scalar scalar = value.Get();
        try
        {
            using var writer = new WireWriter(type, ciphersuite);
            writer.WriteScalar(scalar);
            return writer.ToArray();
        }
        finally
        {
            scalar.Clear();
        }
    }

    internal static string ToJson(FrostMessageType type, FrostCiphersuite ciphersuite, string field, SecretScalar value)
    {
        byte[] bytes = GC.AllocateArray<byte>(ciphersuite.ScalarLength, pinned: true);
        try
        {
            value.CopyTo(bytes);
            return FrostJson.Write(type, ciphersuite, w => FrostJson.WriteHex(w, field, bytes));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Decodes the message; the caller clears the returned scalar.</summary>
    internal static (FrostCiphersuite Ciphersuite, Scalar Value) FromBytes(ReadOnlySpan<byte> encoded, FrostMessageType type, string what, string field)
    {
        var reader = new WireReader(encoded, type, what);
        Scalar value = reader.ReadScalar(field);
        try
        {
            reader.End();
        }
        catch
        {
            value.Clear();
            throw;
        }

        return (reader.Ciphersuite, value);
    }

    /// <summary>Decodes the JSON form; the caller clears the returned scalar.</summary>
    internal static (FrostCiphersuite Ciphersuite, Scalar Value) FromJson(string json, FrostMessageType type, string what, string field)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new FrostJson.Reader(json, type, what);
        reader.ExpectProperties(reader.Root, "version", "type", "ciphersuite", field);
        return (reader.Ciphersuite, reader.GetScalar(reader.Root, field));
    }
}
