// WireFormat: the versioned byte encoding shared by every FROST message (docs/frost-wire.md).
//
//   header  = version (1 byte, currently 1) || message type (1 byte) || suite name length n (1 byte) ||
//             suite name (n ASCII bytes, the RFC 9591 context string)
//   fields  = fixed-length scalars (Ns bytes) and elements (Ne bytes) in the suite's own encodings (RFC 9591 §6.x
//             SerializeScalar / SerializeElement), counts as 2-byte big-endian integers, byte strings as a 4-byte
//             big-endian length followed by the bytes (FrostFieldWriter.cs lists every kind).
//
// The decoder refuses: another version or type, an unknown suite, truncation, trailing bytes, non-canonical
// scalars, elements that do not decode (including the identity). Every failure is a FintechCryptoException whose
// message holds no input bytes (issue 11): counts and the header's version and type numbers only.

using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FintechCrypto.Internal.Frost.Keys;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost;

/// <summary>Writes one FROST message in the wire format; clears its buffer when disposed (messages may hold secrets).</summary>
internal sealed class WireFieldWriter : FrostFieldWriter, IDisposable
{
    /// <summary>The current format version.</summary>
    internal const byte Version = 1;

    private byte[] _buffer = new byte[256];
    private int _length;

    internal WireFieldWriter(FrostMessageType type, FrostCiphersuite ciphersuite)
        : base(ciphersuite)
    {
        byte[] name = System.Text.Encoding.ASCII.GetBytes(ciphersuite.Name);
        Reserve(3 + name.Length);
        _buffer[0] = Version;
        _buffer[1] = (byte)type;
        _buffer[2] = checked((byte)name.Length);
        name.CopyTo(_buffer, 3);
    }

    internal override void Identifier(string name, FrostIdentifier value) => Raw(value.Encoded);

    internal override void Scalar(string name, in Scalar value) => Ciphersuite.Suite.Scalars.Encode(value, Reserve(Ciphersuite.ScalarLength));

    internal override void SecretScalar(string name, SecretScalar value) => value.CopyTo(Reserve(Ciphersuite.ScalarLength));

    internal override void SecretScalars(string name, ReadOnlySpan<byte> encodings) => Raw(encodings);

    internal override void Element(string name, GroupElement value) =>
        Ciphersuite.Suite.Group.SerializeElement(value, Reserve(Ciphersuite.ElementLength));

    internal override void Elements(string name, ReadOnlySpan<GroupElement> values)
    {
        Count(name, values.Length);
        foreach (GroupElement value in values)
        {
            Element(name, value);
        }
    }

    internal override void Count(string name, int value)
    {
        if (value is < 0 or > ushort.MaxValue)
        {
            throw Error.ArgumentOutOfRange(nameof(value), "a count in a FROST message is at most 65535");
        }

        BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), (ushort)value);
    }

    internal override void Bytes(string name, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), (uint)value.Length);
        Raw(value);
    }

    internal override void Purpose(string name, KeyGenPurpose value) => Reserve(1)[0] = (byte)value;

    internal override void Proof(string name, GroupElement r, in Scalar z)
    {
        Element(name, r);
        Scalar(name, z);
    }

    internal override void BeginList(string name, int count) => Count(name, count);

    internal byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void Dispose() => CryptographicOperations.ZeroMemory(_buffer);

    private void Raw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            byte[] larger = new byte[Math.Max(_buffer.Length * 2, _length + count)];
            _buffer.AsSpan(0, _length).CopyTo(larger);
            CryptographicOperations.ZeroMemory(_buffer);
            _buffer = larger;
        }

        Span<byte> span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}

/// <summary>Reads one FROST message in the wire format from a pinned copy that <see cref="Dispose"/> clears.</summary>
internal sealed class WireFieldReader : FrostFieldReader
{
    private readonly byte[] _message;
    private int _position;

    /// <summary>Copies the message and reads and checks its header.</summary>
    internal WireFieldReader(ReadOnlySpan<byte> message, FrostMessageType type, string what)
        : base(what)
    {
        _message = GC.AllocateArray<byte>(message.Length, pinned: true);
        message.CopyTo(_message);
        try
        {
            byte version = ReadByte();
            if (version != WireFieldWriter.Version)
            {
                throw Malformed($"format version {version} is not supported (expected {WireFieldWriter.Version})");
            }

            byte actualType = ReadByte();
            if (actualType != (byte)type)
            {
                throw Malformed($"it is a message of type {actualType}, not {(byte)type}");
            }

            ReadOnlySpan<byte> name = Take(ReadByte());
            foreach (byte b in name)
            {
                if (b is < 0x20 or > 0x7e)
                {
                    throw Malformed("the ciphersuite name is not printable ASCII");
                }
            }

            // Not echoed: a wrong length byte makes the "name" run into the identifier and the secret that follow.
            Ciphersuite = (FrostCiphersuite.TryFromName(System.Text.Encoding.ASCII.GetString(name), out FrostCiphersuite? suite)
                ? suite
                : throw Malformed("the ciphersuite is not one that FintechCrypto knows"));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    internal override FrostIdentifier Identifier(string name)
    {
        ScalarField field = Ciphersuite.Suite.Scalars;
        if (!field.TryDecode(Take(Ciphersuite.ScalarLength), out Scalar scalar) || field.IsZero(scalar))
        {
            throw Malformed("an identifier is not a canonical non-zero scalar");
        }

        return FrostIdentifier.FromScalar(Ciphersuite, scalar);
    }

    internal override Scalar Scalar(string name) =>
        Ciphersuite.Suite.Scalars.TryDecode(Take(Ciphersuite.ScalarLength), out Scalar scalar)
            ? scalar
            : throw Malformed($"the {Words(name)} is not a canonical scalar");

    internal override void SecretScalars(string name, Span<Scalar> destination)
    {
        for (int k = 0; k < destination.Length; k++)
        {
            destination[k] = Scalar(name);
        }
    }

    internal override GroupElement Element(string name) =>
        Ciphersuite.Suite.Group.TryDeserializeElement(Take(Ciphersuite.ElementLength), out GroupElement element)
            ? element
            : throw Malformed($"the {Words(name)} is not a valid element of {Ciphersuite.Suite.Group.Name}");

    internal override GroupElement[] Elements(string name)
    {
        int count = Count(name);
        if (count == 0)
        {
            throw Malformed($"the {Words(name)} has no elements");
        }

        var elements = new GroupElement[count];
        for (int i = 0; i < count; i++)
        {
            elements[i] = Element(name);
        }

        return elements;
    }

    internal override int Count(string name) => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    internal override byte[] Bytes(string name)
    {
        uint length = BinaryPrimitives.ReadUInt32BigEndian(Take(4));
        return length > (uint)(_message.Length - _position) ? throw Malformed("it is truncated") : Take((int)length).ToArray();
    }

    internal override KeyGenPurpose Purpose(string name)
    {
        byte purpose = ReadByte();
        return purpose <= (byte)KeyGenPurpose.Refresh
            ? (KeyGenPurpose)purpose
            : throw Malformed($"purpose {purpose} is neither 0 (DKG) nor 1 (refresh)");
    }

    internal override GroupElement Proof(string name, out Scalar z)
    {
        GroupElement r = Element(name + " R");
        z = Scalar(name + " mu");
        return r;
    }

    internal override int BeginList(string name) => Count(name);

    internal override void End()
    {
        if (_position != _message.Length)
        {
            throw Malformed($"{_message.Length - _position} bytes follow the end of the message");
        }
    }

    public override void Dispose() => CryptographicOperations.ZeroMemory(_message);

    // "signing_share" -> "signing share": the field's name in a sentence.
    private static string Words(string name) => name.Replace('_', ' ');

    private byte ReadByte() => Take(1)[0];

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _message.Length - _position)
        {
            throw Malformed("it is truncated");
        }

        ReadOnlySpan<byte> bytes = _message.AsSpan(_position, count);
        _position += count;
        return bytes;
    }
}
