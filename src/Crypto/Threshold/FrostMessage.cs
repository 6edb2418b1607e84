// FrostMessage: what every FROST message shares: its ciphersuite and its four encodings, the versioned wire format and
// the JSON form of docs/frost-wire.md, written once over the message's field list (Internal/Frost/Codec).
//
// References: docs/frost-wire.md (header, field kinds, JSON names); RFC 9591 §4.1 and §6.x for the scalar and element
// encodings inside.

using System;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A FROST message or key package with a versioned byte encoding (<see cref="FrostMessage{TSelf}.ToBytes"/>, <see cref="FrostMessage{TSelf}.FromBytes"/>) and
/// a JSON form (<see cref="FrostMessage{TSelf}.ToJson"/>, <see cref="FrostMessage{TSelf}.FromJson"/>), both named in docs/frost-wire.md. Only FintechCrypto
/// defines message types.
/// </summary>
/// <typeparam name="TSelf">The message type.</typeparam>
/// <remarks>
/// The encodings of a message that holds a secret (a secret share, a key package, a DKG secret package, a round-2
/// package, a repair delta or sigma) hold the secret too: clear the bytes
/// (<see cref="System.Security.Cryptography.CryptographicOperations.ZeroMemory"/>) once sent or stored, and prefer them to the JSON string, which
/// cannot be cleared.
/// </remarks>
public abstract class FrostMessage<TSelf>
    where TSelf : FrostMessage<TSelf>
{
    private static readonly FrostMessageKind<TSelf> s_kind = FrostMessageTable.Of<TSelf>();

    private protected FrostMessage()
    {
    }

    /// <summary>The ciphersuite.</summary>
    public abstract FrostCiphersuite Ciphersuite { get; }

    /// <summary>The message type's row of the message table (header number, name in errors, reader, one field's name).</summary>
    private protected static FrostMessageKind<TSelf> Kind => s_kind;

    /// <summary>Decodes a message from its versioned wire format.</summary>
    /// <param name="encoded">The bytes <see cref="FrostMessage{TSelf}.ToBytes"/> produced.</param>
    /// <returns>The message. A decoded secret share is not yet verified (call <see cref="FrostSecretShare.Verify"/>);
    /// a DKG round-1 package's proof is checked by <see cref="FrostDkg.Part2"/>.</returns>
    /// <exception cref="FintechCryptoException">
    /// The bytes are malformed (another version, type or suite, truncated, trailing bytes, a non-canonical scalar, an
    /// invalid element, a list out of order) or inconsistent (a threshold out of range, a verifying share that is not
    /// the signing share times the generator, counts that do not fit the message's purpose).
    /// </exception>
    public static TSelf FromBytes(ReadOnlySpan<byte> encoded) => FrostCodec.FromBytes(encoded, s_kind);

    /// <summary>Decodes a message from its JSON form.</summary>
    /// <param name="json">The text <see cref="FrostMessage{TSelf}.ToJson"/> produced.</param>
    /// <returns>The message (checked as <see cref="FrostMessage{TSelf}.FromBytes"/> checks it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The JSON is malformed (also unknown, missing or repeated properties) or
    /// inconsistent, as for <see cref="FrostMessage{TSelf}.FromBytes"/>.</exception>
    public static TSelf FromJson(string json) => FrostCodec.FromJson(json, s_kind);

    /// <summary>Encodes the message in the versioned wire format (docs/frost-wire.md).</summary>
    /// <returns>The encoding; for a message that holds a secret, a secret the caller clears after use.</returns>
    /// <exception cref="ObjectDisposedException">The message holds a secret and was disposed.</exception>
    public byte[] ToBytes() => FrostCodec.ToBytes(this, s_kind);

    /// <summary>Encodes the message as JSON (docs/frost-wire.md).</summary>
    /// <returns>The JSON text; for a message that holds a secret, a secret that cannot be cleared: prefer
    /// <see cref="FrostMessage{TSelf}.ToBytes"/>.</returns>
    /// <exception cref="ObjectDisposedException">The message holds a secret and was disposed.</exception>
    public string ToJson() => FrostCodec.ToJson(this, s_kind);

    /// <summary>Lists the message's fields, in wire order (the one list behind every encoding).</summary>
    internal abstract void WriteFields(FrostFieldWriter writer);
}
