// The library's versioned FROST wire format (version 1; docs/frost-wire.md, the public FromBytes/ToBytes of
// FintechCrypto.Threshold), so that `frost dealer` and `frost sign` can move between
// cli.md's bare RFC 9591 encodings (SerializeScalar / SerializeElement hex) and the library's message objects
// through the public API only:
//
//   header            = version (1) || message type (1 byte) || len(ciphersuite name) (1 byte) || name (ASCII)
//   secret share      = header(type 4) || identifier (Ns) || signing share (Ns) || count t (2 bytes BE) || t x element (Ne)
//   key package       = header(type 5) || identifier (Ns) || signing share (Ns) || verifying share (Ne) ||
//                       group verifying key (Ne) || min signers (2 bytes BE)
//   public key package= header(type 6) || count (2 bytes BE) || count x (identifier (Ns) || verifying share (Ne)),
//                       ascending identifiers || group verifying key (Ne) || min signers (2 bytes BE)
//   VSS commitment    = header(type 7) || count t (2 bytes BE) || t x element (Ne)
//
// Messages that hold a signing share are built in pinned buffers that the caller clears.

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using FintechCrypto.Threshold;

namespace FintechCrypto.Cli.Commands;

/// <summary>Builds and takes apart the library's FROST wire messages from and into bare RFC 9591 encodings.</summary>
internal static class FrostWireFormat
{
    private const byte Version = 1;
    private const byte SecretShareType = 4;
    private const byte KeyPackageType = 5;
    private const byte PublicKeyPackageType = 6;
    private const byte VssCommitmentType = 7;

    /// <summary>A VSS commitment from its elements (RFC 9591 Appendix C.2 vss_commitment).</summary>
    /// <exception cref="FintechCryptoException">An element does not decode (the library's check).</exception>
    public static FrostVssCommitment Commitment(FrostCiphersuite suite, IReadOnlyList<byte[]> elements)
    {
        var message = new Builder(suite, VssCommitmentType, 2 + (elements.Count * suite.ElementLength));
        message.UInt16(elements.Count);
        foreach (byte[] element in elements)
        {
            message.Bytes(element);
        }

        return FrostVssCommitment.FromBytes(message.Finish());
    }

    /// <summary>The elements of a VSS commitment, in order (the first is the group verifying key).</summary>
    public static List<byte[]> CommitmentElements(FrostVssCommitment commitment)
    {
        FrostCiphersuite suite = commitment.Ciphersuite;
        byte[] encoded = commitment.ToBytes();
        int offset = HeaderLength(suite);
        int count = BinaryPrimitives.ReadUInt16BigEndian(encoded.AsSpan(offset, 2));
        offset += 2;
        var elements = new List<byte[]>(count);
        for (int i = 0; i < count; i++)
        {
            elements.Add(encoded.AsSpan(offset, suite.ElementLength).ToArray());
            offset += suite.ElementLength;
        }

        return elements;
    }

    /// <summary>The bare signing share (SerializeScalar, Ns bytes) of a dealer's secret share; the caller clears it.</summary>
    public static byte[] SigningShare(FrostSecretShare share)
    {
        FrostCiphersuite suite = share.Ciphersuite;
        byte[] encoded = share.ToBytes();
        try
        {
            return encoded.AsSpan(HeaderLength(suite) + suite.ScalarLength, suite.ScalarLength).ToArray();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(encoded);
        }
    }

    /// <summary>A key package from bare encodings; the library checks that the verifying share is the share times B.</summary>
    /// <exception cref="FintechCryptoException">The share is not a canonical scalar, an element does not decode, or the verifying share does not match.</exception>
    public static FrostKeyPackage KeyPackage(
        FrostIdentifier identifier, ReadOnlySpan<byte> signingShare, ReadOnlySpan<byte> verifyingShare, ReadOnlySpan<byte> groupVerifyingKey, int minSigners)
    {
        FrostCiphersuite suite = identifier.Ciphersuite;
        var message = new Builder(suite, KeyPackageType, (2 * suite.ScalarLength) + (2 * suite.ElementLength) + 2);
        try
        {
            message.Bytes(identifier.ToBytes());
            message.Bytes(signingShare);
            message.Bytes(verifyingShare);
            message.Bytes(groupVerifyingKey);
            message.UInt16(minSigners);
            return FrostKeyPackage.FromBytes(message.Finish());
        }
        finally
        {
            message.Clear();
        }
    }

    /// <summary>A dealer's secret share from bare encodings, with the dealer's commitment.</summary>
    /// <exception cref="FintechCryptoException">The share is not a canonical scalar.</exception>
    public static FrostSecretShare SecretShare(FrostIdentifier identifier, ReadOnlySpan<byte> signingShare, IReadOnlyList<byte[]> commitment)
    {
        FrostCiphersuite suite = identifier.Ciphersuite;
        var message = new Builder(suite, SecretShareType, (2 * suite.ScalarLength) + 2 + (commitment.Count * suite.ElementLength));
        try
        {
            message.Bytes(identifier.ToBytes());
            message.Bytes(signingShare);
            message.UInt16(commitment.Count);
            foreach (byte[] element in commitment)
            {
                message.Bytes(element);
            }

            return FrostSecretShare.FromBytes(message.Finish());
        }
        finally
        {
            message.Clear();
        }
    }

    /// <summary>A public key package from the verifying shares, which must be sorted by identifier.</summary>
    /// <exception cref="FintechCryptoException">An element does not decode, or the threshold exceeds the number of participants.</exception>
    public static FrostPublicKeyPackage PublicKeyPackage(
        FrostCiphersuite suite, IReadOnlyList<(FrostIdentifier Identifier, byte[] VerifyingShare)> sortedShares, ReadOnlySpan<byte> groupVerifyingKey, int minSigners)
    {
        var message = new Builder(suite, PublicKeyPackageType, 2 + (sortedShares.Count * (suite.ScalarLength + suite.ElementLength)) + suite.ElementLength + 2);
        message.UInt16(sortedShares.Count);
        foreach ((FrostIdentifier identifier, byte[] verifyingShare) in sortedShares)
        {
            message.Bytes(identifier.ToBytes());
            message.Bytes(verifyingShare);
        }

        message.Bytes(groupVerifyingKey);
        message.UInt16(minSigners);
        return FrostPublicKeyPackage.FromBytes(message.Finish());
    }

    private static int HeaderLength(FrostCiphersuite suite) => 3 + Encoding.ASCII.GetByteCount(suite.Name);

    /// <summary>One message of a known length in a pinned buffer.</summary>
    private sealed class Builder
    {
        private readonly byte[] _buffer;
        private int _length;

        public Builder(FrostCiphersuite suite, byte type, int bodyLength)
        {
            byte[] name = Encoding.ASCII.GetBytes(suite.Name);
            _buffer = GC.AllocateArray<byte>(3 + name.Length + bodyLength, pinned: true);
            _buffer[0] = Version;
            _buffer[1] = type;
            _buffer[2] = checked((byte)name.Length);
            name.CopyTo(_buffer, 3);
            _length = 3 + name.Length;
        }

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public void UInt16(int value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(_length, 2), checked((ushort)value));
            _length += 2;
        }

        /// <summary>The whole message; every byte must have been written.</summary>
        public ReadOnlySpan<byte> Finish()
        {
            if (_length != _buffer.Length)
            {
                throw new InvalidOperationException("A FROST message was built with the wrong length.");
            }

            return _buffer;
        }

        public void Clear() => CryptographicOperations.ZeroMemory(_buffer);
    }
}
