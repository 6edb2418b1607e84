// WireFormat: the versioned byte encoding shared by every FROST message (docs/frost-wire.md).
//
//   header  = version (1 byte, currently 1) || message type (1 byte) || suite name length n (1 byte) ||
//             suite name (n ASCII bytes, the RFC 9591 context string)
//   fields  = fixed-length scalars (Ns bytes) and elements (Ne bytes) in the suite's own encodings (RFC 9591 §6.x
//             SerializeScalar / SerializeElement), counts as 2-byte big-endian integers, byte strings as a 4-byte
//             big-endian length followed by the bytes.
//
// The decoder refuses: another version or type, an unknown suite, truncation, trailing bytes, non-canonical
// scalars, elements that do not decode (including the identity). Every failure is a FintechCryptoException whose
// message holds no input bytes (issue 11): counts and the header's version and type numbers only.

using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FintechCrypto.Groups;
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

/// <summary>Builds one FROST message; clears its buffer when disposed (messages may hold secret shares).</summary>
internal sealed class WireWriter : IDisposable
{
    /// <summary>The current format version.</summary>
    internal const byte Version = 1;

    private byte[] _buffer = new byte[256];
    private int _length;

    internal WireWriter(FrostMessageType type, FrostCiphersuite ciphersuite)
    {
        Ciphersuite = ciphersuite;
        byte[] name = System.Text.Encoding.ASCII.GetBytes(ciphersuite.Name);
        WriteByte(Version);
        WriteByte((byte)type);
        WriteByte(checked((byte)name.Length));
        WriteBytes(name);
    }

    internal FrostCiphersuite Ciphersuite { get; }

    /// <summary>Writes the header, then <paramref name="body"/>, and returns the message; clears the buffer.</summary>
    internal static byte[] Encode(FrostMessageType type, FrostCiphersuite ciphersuite, Action<WireWriter> body)
    {
        using var writer = new WireWriter(type, ciphersuite);
        body(writer);
        return writer.ToArray();
    }

    internal void WriteByte(byte value) => Reserve(1)[0] = value;

    internal void WriteUInt16(int value)
    {
        if (value is < 0 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A count in a FROST message is at most 65535.");
        }

        BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), (ushort)value);
    }

    internal void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    internal void WriteByteString(ReadOnlySpan<byte> bytes)
    {
        BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), (uint)bytes.Length);
        WriteBytes(bytes);
    }

    internal void WriteScalar(in Scalar scalar) => Ciphersuite.Suite.Scalars.Encode(scalar, Reserve(Ciphersuite.ScalarLength));

    /// <summary>Writes a secret scalar's stored encoding (Ns bytes) without decoding it.</summary>
    /// <exception cref="ObjectDisposedException">The secret was cleared.</exception>
    internal void WriteSecretScalar(SecretScalar secret) => secret.CopyTo(Reserve(Ciphersuite.ScalarLength));

    internal void WriteElement(GroupElement element) => Ciphersuite.Suite.Group.SerializeElement(element, Reserve(Ciphersuite.ElementLength));

    /// <summary>Writes a list of elements: count (2 bytes) || elements (a VSS commitment, for one).</summary>
    internal void WriteElements(ReadOnlySpan<GroupElement> elements)
    {
        WriteUInt16(elements.Length);
        foreach (GroupElement element in elements)
        {
            WriteElement(element);
        }
    }

    internal void WriteIdentifier(FrostIdentifier identifier) => WriteBytes(identifier.Encoded);

    internal byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void Dispose() => CryptographicOperations.ZeroMemory(_buffer);

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

/// <summary>Reads one FROST message; every malformation throws <see cref="FintechCryptoException"/>.</summary>
internal ref struct WireReader
{
    private readonly string _what;
    private ReadOnlySpan<byte> _remaining;

    /// <summary>Reads and checks the header.</summary>
    internal WireReader(ReadOnlySpan<byte> message, FrostMessageType type, string what)
    {
        _what = what;
        _remaining = message;
        byte version = ReadByte();
        if (version != WireWriter.Version)
        {
            throw Malformed($"format version {version} is not supported (expected {WireWriter.Version})");
        }

        byte actualType = ReadByte();
        if (actualType != (byte)type)
        {
            throw Malformed($"it is a message of type {actualType}, not {(byte)type}");
        }

        int nameLength = ReadByte();
        ReadOnlySpan<byte> name = ReadBytes(nameLength);
        foreach (byte b in name)
        {
            if (b is < 0x20 or > 0x7e)
            {
                throw Malformed("the ciphersuite name is not printable ASCII");
            }
        }

        string suiteName = System.Text.Encoding.ASCII.GetString(name);
        if (!FrostCiphersuite.TryFromName(suiteName, out FrostCiphersuite? suite))
        {
            // Not echoed: a wrong length byte makes the "name" run into the identifier and the secret that follow.
            throw Malformed("the ciphersuite is not one that FintechCrypto knows");
        }

        Ciphersuite = suite;
    }

    internal FrostCiphersuite Ciphersuite { get; }

    internal byte ReadByte() => ReadBytes(1)[0];

    internal int ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(ReadBytes(2));

    internal ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > _remaining.Length)
        {
            throw Malformed("it is truncated");
        }

        ReadOnlySpan<byte> bytes = _remaining[..count];
        _remaining = _remaining[count..];
        return bytes;
    }

    internal ReadOnlySpan<byte> ReadByteString()
    {
        uint length = BinaryPrimitives.ReadUInt32BigEndian(ReadBytes(4));
        if (length > (uint)_remaining.Length)
        {
            throw Malformed("it is truncated");
        }

        return ReadBytes((int)length);
    }

    internal Scalar ReadScalar(string field)
    {
        if (!Ciphersuite.Suite.Scalars.TryDecode(ReadBytes(Ciphersuite.ScalarLength), out Scalar scalar))
        {
            throw Malformed($"the {field} is not a canonical scalar");
        }

        return scalar;
    }

    internal GroupElement ReadElement(string field)
    {
        if (!Ciphersuite.Suite.Group.TryDeserializeElement(ReadBytes(Ciphersuite.ElementLength), out GroupElement element))
        {
            throw Malformed($"the {field} is not a valid element of {Ciphersuite.Suite.Group.Name}");
        }

        return element;
    }

    internal FrostIdentifier ReadIdentifier()
    {
        ReadOnlySpan<byte> bytes = ReadBytes(Ciphersuite.ScalarLength);
        ScalarField field = Ciphersuite.Suite.Scalars;
        if (!field.TryDecode(bytes, out Scalar scalar) || field.IsZero(scalar))
        {
            throw Malformed("an identifier is not a canonical non-zero scalar");
        }

        return FrostIdentifier.FromScalar(Ciphersuite, scalar);
    }

    /// <summary>Checks that the whole message was read.</summary>
    internal readonly void End()
    {
        if (!_remaining.IsEmpty)
        {
            throw Malformed($"{_remaining.Length} bytes follow the end of the message");
        }
    }

    internal readonly FintechCryptoException Malformed(string reason) => new($"The {_what} is malformed: {reason}.");
}
