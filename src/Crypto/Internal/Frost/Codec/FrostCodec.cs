// FrostCodec: the one field-list codec behind every FROST message's ToBytes / FromBytes / ToJson / FromJson and
// equality (docs/frost-wire.md). A message lists its fields once, in order, to a FrostFieldWriter (WriteFields) and
// reads them back once from a FrostFieldReader (ReadFields); the wire form (WireFormat.cs), the JSON form
// (FrostJson.cs) and value equality (FieldComparison.cs) are the three readings of that one list. The table below
// names each message type's header number, its name in errors and its reader, once, and for the messages that are one
// secret scalar (FrostSecretScalarMessage) the name of that field and the constructor.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;
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

/// <summary>
/// One message type: its header number, its name in errors ("FROST key package"), its field reader, and for a message
/// that is one secret scalar the JSON name of that field (else null).
/// </summary>
internal sealed record FrostMessageKind<T>(FrostMessageType Type, string What, Func<FrostFieldReader, T> Read, string? Field = null);

/// <summary>The fourteen message types, once.</summary>
internal static class FrostMessageTable
{
    private static readonly Dictionary<Type, object> s_kinds = new()
    {
        [typeof(FrostSigningCommitments)] = Kind(FrostMessageType.SigningCommitments, "FROST signing commitments", FrostSigningCommitments.ReadFields),
        [typeof(FrostSigningPackage)] = Kind(FrostMessageType.SigningPackage, "FROST signing package", FrostSigningPackage.ReadFields),
        [typeof(FrostSignatureShare)] = Kind(FrostMessageType.SignatureShare, "FROST signature share", FrostSignatureShare.ReadFields),
        [typeof(FrostSecretShare)] = Kind(FrostMessageType.SecretShare, "FROST secret share", FrostSecretShare.ReadFields),
        [typeof(FrostKeyPackage)] = Kind(FrostMessageType.KeyPackage, "FROST key package", FrostKeyPackage.ReadFields),
        [typeof(FrostPublicKeyPackage)] = Kind(FrostMessageType.PublicKeyPackage, "FROST public key package", FrostPublicKeyPackage.ReadFields),
        [typeof(FrostVssCommitment)] = Kind(FrostMessageType.VssCommitment, "FROST VSS commitment", FrostVssCommitment.ReadFields),
        [typeof(FrostDkgRound1SecretPackage)] = Kind(FrostMessageType.DkgRound1SecretPackage, "FROST DKG round-1 secret package", FrostDkgRound1SecretPackage.ReadFields),
        [typeof(FrostDkgRound1Package)] = Kind(FrostMessageType.DkgRound1Package, "FROST DKG round-1 package", FrostDkgRound1Package.ReadFields),
        [typeof(FrostDkgRound2SecretPackage)] = Kind(FrostMessageType.DkgRound2SecretPackage, "FROST DKG round-2 secret package", FrostDkgRound2SecretPackage.ReadFields),
        [typeof(FrostDkgRound2Package)] = OneSecretScalar(FrostMessageType.DkgRound2Package, "FROST DKG round-2 package", "signing_share", static (FrostCiphersuite suite, in Scalar value) => new FrostDkgRound2Package(suite, value)),
        [typeof(FrostRefreshRound1Package)] = Kind(FrostMessageType.RefreshRound1Package, "FROST refresh round-1 package", FrostRefreshRound1Package.ReadFields),
        [typeof(FrostRepairDelta)] = OneSecretScalar(FrostMessageType.RepairDelta, "FROST repair delta", "delta", static (FrostCiphersuite suite, in Scalar value) => new FrostRepairDelta(suite, value)),
        [typeof(FrostRepairSigma)] = OneSecretScalar(FrostMessageType.RepairSigma, "FROST repair sigma", "sigma", static (FrostCiphersuite suite, in Scalar value) => new FrostRepairSigma(suite, value)),
    };

    /// <summary>The kind of <typeparamref name="T"/>.</summary>
    internal static FrostMessageKind<T> Of<T>() => (FrostMessageKind<T>)s_kinds[typeof(T)];

    private static FrostMessageKind<T> Kind<T>(FrostMessageType type, string what, Func<FrostFieldReader, T> read) => new(type, what, read);

    // A message that is one secret scalar in the field named field (docs/frost-wire.md types 11, 13, 14).
    private static FrostMessageKind<T> OneSecretScalar<T>(FrostMessageType type, string what, string field, FrostSecretScalarMessage<T>.Create create)
        where T : FrostSecretScalarMessage<T> =>
        new(type, what, reader => FrostSecretScalarMessage<T>.Read(reader, field, create), field);
}

/// <summary>The encodings and decodings every message type shares.</summary>
internal static class FrostCodec
{
    /// <summary>The versioned wire encoding; the working buffer is cleared (messages may hold secrets).</summary>
    internal static byte[] ToBytes<T>(FrostMessage<T> message, FrostMessageKind<T> kind)
        where T : FrostMessage<T>
    {
        using var writer = new WireFieldWriter(kind.Type, message.Ciphersuite);
        message.WriteFields(writer);
        return writer.ToArray();
    }

    /// <summary>The JSON form; the UTF-8 working buffer is cleared.</summary>
    internal static string ToJson<T>(FrostMessage<T> message, FrostMessageKind<T> kind)
        where T : FrostMessage<T>
    {
        using var writer = new JsonFieldWriter(kind.Type, message.Ciphersuite);
        message.WriteFields(writer);
        return writer.ToJsonString();
    }

    /// <summary>Decodes the wire encoding: header, fields, no trailing bytes.</summary>
    internal static T FromBytes<T>(ReadOnlySpan<byte> encoded, FrostMessageKind<T> kind)
    {
        using var reader = new WireFieldReader(encoded, kind.Type, kind.What);
        T message = kind.Read(reader);
        reader.End();
        return message;
    }

    /// <summary>Decodes the JSON form: header, fields, no other property.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    internal static T FromJson<T>(string json, FrostMessageKind<T> kind)
    {
        using var reader = new JsonFieldReader(json, kind.Type, kind.What);
        T message = kind.Read(reader);
        reader.End();
        return message;
    }
}
