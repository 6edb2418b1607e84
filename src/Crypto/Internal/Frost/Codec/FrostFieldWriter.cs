// FrostFieldWriter / FrostFieldReader: the kinds of field a FROST message is made of (docs/frost-wire.md "fields"),
// each with its wire form and its JSON form:
//
//   kind           wire                                      JSON
//   identifier     Ns bytes                                  hex
//   scalar         Ns bytes (SerializeScalar)                hex
//   secret scalars k x Ns bytes, k known from other fields   array of hex
//   element        Ne bytes (SerializeElement)               hex
//   elements       count (2 bytes, >= 1) || count x Ne        array of hex
//   count          2 bytes big-endian                        number
//   bytes          4-byte big-endian length || bytes         hex
//   purpose        1 byte (0 DKG, 1 refresh)                 "dkg" | "refresh"
//   proof          element || scalar                         hex of both (a Schnorr signature R || z)
//   list           count (2 bytes) || entries                array of objects
//   object         (nothing: its fields follow inline)       a nested object

using System;
using FintechCrypto.Internal.Frost.Keys;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost;

/// <summary>
/// What the writers and readers share: the ciphersuite, and the structure of lists and nested objects that only the
/// JSON form shows (no-ops for the wire and the comparison).
/// </summary>
internal abstract class FrostFieldWalker
{
    private FrostCiphersuite? _ciphersuite;

    /// <summary>The ciphersuite (for a reader, the one its header named).</summary>
    internal FrostCiphersuite Ciphersuite
    {
        get => _ciphersuite ?? throw Error.Crypto_InternalError("a FROST field was read before the header");
        private protected set => _ciphersuite = value;
    }

    /// <summary>Opens the next entry of the current list.</summary>
    internal virtual void BeginEntry()
    {
    }

    internal virtual void EndEntry()
    {
    }

    internal virtual void EndList()
    {
    }

    /// <summary>Opens a nested JSON object; on the wire its fields follow inline.</summary>
    internal virtual void BeginObject(string name)
    {
    }

    internal virtual void EndObject()
    {
    }
}

/// <summary>Receives a message's fields in order: the wire writer, the JSON writer and the comparison collector.</summary>
internal abstract class FrostFieldWriter : FrostFieldWalker
{
    private protected FrostFieldWriter(FrostCiphersuite ciphersuite) => Ciphersuite = ciphersuite;

    internal abstract void Identifier(string name, FrostIdentifier value);

    internal abstract void Scalar(string name, in Scalar value);

    /// <summary>A secret scalar, written from its stored encoding without decoding it.</summary>
    /// <exception cref="ObjectDisposedException">The secret was cleared.</exception>
    internal abstract void SecretScalar(string name, SecretScalar value);

    /// <summary>Secret scalars as their stored encodings (Ns bytes each); their number is implied by other fields.</summary>
    internal abstract void SecretScalars(string name, ReadOnlySpan<byte> encodings);

    internal abstract void Element(string name, GroupElement value);

    internal abstract void Elements(string name, ReadOnlySpan<GroupElement> values);

    internal abstract void Count(string name, int value);

    internal abstract void Bytes(string name, ReadOnlySpan<byte> value);

    internal abstract void Purpose(string name, KeyGenPurpose value);

    internal abstract void Proof(string name, GroupElement r, in Scalar z);

    /// <summary>Opens a list of <paramref name="count"/> entries, each opened with <see cref="FrostFieldWalker.BeginEntry"/>.</summary>
    internal abstract void BeginList(string name, int count);

}

/// <summary>
/// Gives a message's fields back in the order it listed them, refusing every malformation with a
/// <see cref="FintechCryptoException"/> that holds no input bytes (issue 11).
/// </summary>
internal abstract class FrostFieldReader : FrostFieldWalker, IDisposable
{
    private readonly string _what;

    private protected FrostFieldReader(string what) => _what = what;

    internal abstract FrostIdentifier Identifier(string name);

    /// <summary>A scalar; the caller clears it when it is secret.</summary>
    internal abstract Scalar Scalar(string name);

    /// <summary>Fills <paramref name="destination"/> with secret scalars; the caller clears them, also on failure.</summary>
    internal abstract void SecretScalars(string name, Span<Scalar> destination);

    internal abstract GroupElement Element(string name);

    /// <summary>A non-empty list of elements.</summary>
    internal abstract GroupElement[] Elements(string name);

    /// <summary>A count, 0 to 65535; the message checks its range.</summary>
    internal abstract int Count(string name);

    internal abstract byte[] Bytes(string name);

    internal abstract KeyGenPurpose Purpose(string name);

    internal abstract GroupElement Proof(string name, out Scalar z);

    /// <summary>Opens a list and returns its number of entries (0 to 65535).</summary>
    internal abstract int BeginList(string name);

    /// <summary>Checks that nothing follows the last field.</summary>
    internal abstract void End();

    public abstract void Dispose();

    /// <summary>The error for a malformed message; <paramref name="reason"/> holds no input bytes.</summary>
    internal virtual FintechCryptoException Malformed(string reason) => Error.Frost_Malformed(_what, reason);

    /// <summary>Checks that a list's identifiers are strictly ascending (RFC 9591 §4.3 sorted lists) and not empty.</summary>
    internal void RequireAscending(ReadOnlySpan<FrostIdentifier> identifiers, string emptyProblem)
    {
        if (identifiers.IsEmpty)
        {
            throw Malformed(emptyProblem);
        }

        for (int i = 1; i < identifiers.Length; i++)
        {
            if (identifiers[i].CompareTo(identifiers[i - 1]) <= 0)
            {
                throw Malformed("its identifiers are not strictly ascending (a duplicate or an unsorted list)");
            }
        }
    }

    private protected string What => _what;
}
