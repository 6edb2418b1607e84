// FrostMessage: the one field-list codec behind every FROST message's ToBytes / FromBytes / ToJson / FromJson and
// equality (docs/frost-wire.md). A message lists its fields once, in order, to a FrostFieldWriter (WriteFields) and
// reads them back once from a FrostFieldReader (ReadFields); the wire form (WireFormat.cs), the JSON form
// (FrostJson.cs) and value equality (FieldComparison.cs) are the three interpretations of that one list.

using System;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost;

/// <summary>The message types of the FROST wire format (the header's second byte).</summary>
internal enum FrostMessageType : byte
{
    SigningCommitments = 1,
    SigningPackage = 2,
    SignatureShare = 3,
    SecretShare = 4,
    KeyPackage = 5,
    PublicKeyPackage = 6,
    VssCommitment = 7,
    DkgRound1SecretPackage = 8,
    DkgRound1Package = 9,
    DkgRound2SecretPackage = 10,
    DkgRound2Package = 11,
    RefreshRound1Package = 12,
    RepairDelta = 13,
    RepairSigma = 14,
}

/// <summary>A FROST message: its ciphersuite and its fields, in order.</summary>
internal interface IFrostMessage
{
    /// <summary>The ciphersuite, named in the header.</summary>
    FrostCiphersuite Ciphersuite { get; }

    /// <summary>Lists the fields, in wire order, to <paramref name="writer"/>.</summary>
    void WriteFields(FrostFieldWriter writer);
}

/// <summary>A FROST message type: its header type, its name in errors, and how it reads its fields back.</summary>
/// <typeparam name="TSelf">The message type.</typeparam>
internal interface IFrostMessage<TSelf> : IFrostMessage
    where TSelf : IFrostMessage<TSelf>
{
    /// <summary>The header's message type.</summary>
    static abstract FrostMessageType MessageType { get; }

    /// <summary>The message's name in errors ("FROST key package").</summary>
    static abstract string What { get; }

    /// <summary>Reads the fields <see cref="IFrostMessage.WriteFields"/> lists, in the same order, and checks them.</summary>
    /// <exception cref="FintechCryptoException">A field is malformed or the fields do not fit together.</exception>
    static abstract TSelf ReadFields(FrostFieldReader reader);
}

/// <summary>The entry points the public message types delegate to.</summary>
internal static class FrostCodec
{
    /// <summary>The versioned wire encoding; the working buffer is cleared (messages may hold secrets).</summary>
    internal static byte[] ToBytes<T>(T message)
        where T : IFrostMessage<T>
    {
        using var writer = new WireFieldWriter(T.MessageType, message.Ciphersuite);
        message.WriteFields(writer);
        return writer.ToArray();
    }

    /// <summary>The JSON form; the UTF-8 working buffer is cleared.</summary>
    internal static string ToJson<T>(T message)
        where T : IFrostMessage<T>
    {
        using var writer = new JsonFieldWriter(T.MessageType, message.Ciphersuite);
        message.WriteFields(writer);
        return writer.ToJsonString();
    }

    /// <summary>Decodes the wire encoding: header, fields, no trailing bytes.</summary>
    internal static T FromBytes<T>(ReadOnlySpan<byte> encoded)
        where T : IFrostMessage<T>
    {
        using var reader = new WireFieldReader(encoded, T.MessageType, T.What);
        T message = T.ReadFields(reader);
        reader.End();
        return message;
    }

    /// <summary>Decodes the JSON form: header, fields, no other property.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    internal static T FromJson<T>(string json)
        where T : IFrostMessage<T>
    {
        using var reader = new JsonFieldReader(json, T.MessageType, T.What);
        T message = T.ReadFields(reader);
        reader.End();
        return message;
    }

    /// <summary>True when both messages are of one ciphersuite and list equal fields (public messages only).</summary>
    internal static bool FieldsEqual<T>(T message, T? other)
        where T : class, IFrostMessage<T> =>
        other is not null && (ReferenceEquals(message, other) || FieldComparison.Equal(message, other));

    /// <summary>A hash of the public fields, consistent with <see cref="FieldsEqual"/>.</summary>
    internal static int FieldsHash<T>(T message)
        where T : IFrostMessage<T> => FieldComparison.Hash(T.MessageType, message);
}
