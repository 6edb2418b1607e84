// QkdKeyCertificateCodec: the encoding, decoding and trust checks shared by the session's two small key certificates,
// KemKeyCertificate (a responder's KEM key) and InitiatorKeyCertificate (an initiator's ML-DSA key), and the pinned-
// fingerprint check shared by QkdResponderKey and QkdInitiatorKey. Deliberately small structures, not X.509.

using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd;

/// <summary>
/// One certificate layout, every integer big-endian:
/// <c>magic (4) | version (1) | signature algorithm (1: 1 ML-DSA-44, 2 ML-DSA-65, 3 ML-DSA-87) | key type (2)
/// | SAE ID (2-byte length, 1..256 bytes UTF-8) | not after (8, Unix seconds) | key (2-byte length, exactly the key
/// type's size) | signature (2-byte length, exactly the algorithm's size)</c>; the signature (FIPS 204 ML-DSA with a
/// context string) covers every byte before its length field. Nothing may follow it.
/// </summary>
internal static class QkdKeyCertificateCodec
{
    internal const byte Version = 1;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The ML-DSA parameter set of a one-byte id (1, 2, 3), or null.</summary>
    internal static SignatureAlgorithm? MlDsaOf(byte id) => id switch
    {
        1 => SignatureAlgorithm.MlDsa44,
        2 => SignatureAlgorithm.MlDsa65,
        3 => SignatureAlgorithm.MlDsa87,
        _ => null,
    };

    /// <summary>The one-byte id of an ML-DSA parameter set, or null for another algorithm.</summary>
    internal static byte? MlDsaId(SignatureAlgorithm algorithm) =>
        algorithm == SignatureAlgorithm.MlDsa44 ? (byte)1
        : algorithm == SignatureAlgorithm.MlDsa65 ? (byte)2
        : algorithm == SignatureAlgorithm.MlDsa87 ? (byte)3
        : null;

    /// <summary>Signs a certificate of <paramref name="key"/> (of type <paramref name="keyType"/>) for <paramref name="saeId"/>.</summary>
    internal static byte[] Create(ReadOnlySpan<byte> magic, SigningKey signer, ushort keyType, string saeId, ReadOnlySpan<byte> key, DateTimeOffset notAfter, ReadOnlySpan<byte> context)
    {
        byte algorithmId = MlDsaId(signer.Algorithm)
            ?? throw Error.Argument_KeyAlgorithmMismatch(nameof(signer), signer.Algorithm.Name, "ML-DSA-44, ML-DSA-65 or ML-DSA-87");
        byte[] id = QkdHandshakeMessage.IdBytes(saeId, 1, nameof(saeId));
        int signedLength = 4 + 1 + 1 + 2 + 2 + id.Length + 8 + 2 + key.Length;
        int signatureSize = signer.Algorithm.SignatureSize;
        byte[] certificate = new byte[signedLength + 2 + signatureSize];
        Span<byte> span = certificate;
        magic.CopyTo(span);
        span[4] = Version;
        span[5] = algorithmId;
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], keyType);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)id.Length);
        id.CopyTo(span[10..]);
        int offset = 10 + id.Length;
        BinaryPrimitives.WriteInt64BigEndian(span[offset..], notAfter.ToUnixTimeSeconds());
        offset += 8;
        BinaryPrimitives.WriteUInt16BigEndian(span[offset..], (ushort)key.Length);
        key.CopyTo(span[(offset + 2)..]);
        offset += 2 + key.Length;
        BinaryPrimitives.WriteUInt16BigEndian(span[offset..], (ushort)signatureSize);
        int written = signer.Sign(span[..signedLength], span[(offset + 2)..], context);
        if (written != signatureSize)
        {
            throw Error.Crypto_InternalError("an ML-DSA signature of an unexpected length");
        }

        return certificate;
    }

    /// <summary>
    /// Decodes strictly. <paramref name="keyTypeOf"/> names a key type and its key size, or null for an unknown type;
    /// <paramref name="what"/> names the certificate in errors ("KEM key certificate").
    /// </summary>
    internal static Decoded Decode(ReadOnlySpan<byte> magic, ReadOnlySpan<byte> certificate, Func<ushort, (string Name, int KeySize)?> keyTypeOf, string what)
    {
        int offset = 0;
        ReadOnlySpan<byte> Take(int count, ReadOnlySpan<byte> input)
        {
            if (count > input.Length - offset)
            {
                throw Malformed(what, $"it ends after {input.Length} bytes, inside a field");
            }

            ReadOnlySpan<byte> slice = input.Slice(offset, count);
            offset += count;
            return slice;
        }

        if (!Take(4, certificate).SequenceEqual(magic))
        {
            throw Malformed(what, $"it does not start with the magic \"{Encoding.ASCII.GetString(magic)}\"");
        }

        byte version = Take(1, certificate)[0];
        if (version != Version)
        {
            throw Malformed(what, $"version {version} is not supported (only {Version})");
        }

        byte algorithmId = Take(1, certificate)[0];
        SignatureAlgorithm algorithm = MlDsaOf(algorithmId)
            ?? throw Malformed(what, $"the signature algorithm {algorithmId} is not 1, 2 or 3 (ML-DSA-44, -65, -87)");
        ushort keyType = BinaryPrimitives.ReadUInt16BigEndian(Take(2, certificate));
        (string keyName, int keySize) = keyTypeOf(keyType) ?? throw Malformed(what, $"the key type 0x{keyType:X4} is unknown");
        int idLength = BinaryPrimitives.ReadUInt16BigEndian(Take(2, certificate));
        if (idLength is < 1 or > QkdHandshakeMessage.MaxIdLength)
        {
            throw Malformed(what, $"the SAE ID is {idLength} bytes long (allowed: 1 to {QkdHandshakeMessage.MaxIdLength})");
        }

        string saeId;
        try
        {
            saeId = s_strictUtf8.GetString(Take(idLength, certificate));
        }
        catch (DecoderFallbackException)
        {
            throw Malformed(what, "the SAE ID is not valid UTF-8");
        }

        long notAfterSeconds = BinaryPrimitives.ReadInt64BigEndian(Take(8, certificate));
        if (notAfterSeconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || notAfterSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw Malformed(what, "the expiry is outside the representable range");
        }

        int keyLength = BinaryPrimitives.ReadUInt16BigEndian(Take(2, certificate));
        if (keyLength != keySize)
        {
            throw Malformed(what, $"the {keyName} key must be {keySize} bytes, not {keyLength}");
        }

        byte[] key = Take(keyLength, certificate).ToArray();
        int signedLength = offset;
        int signatureLength = BinaryPrimitives.ReadUInt16BigEndian(Take(2, certificate));
        if (signatureLength != algorithm.SignatureSize)
        {
            throw Malformed(what, $"the {algorithm.Name} signature must be {algorithm.SignatureSize} bytes, not {signatureLength}");
        }

        byte[] signature = Take(signatureLength, certificate).ToArray();
        if (offset != certificate.Length)
        {
            throw Malformed(what, $"{certificate.Length - offset} bytes follow the signature");
        }

        return new Decoded(algorithm, keyType, saeId, DateTimeOffset.FromUnixTimeSeconds(notAfterSeconds), key, signature, certificate[..signedLength].ToArray());
    }

    /// <summary>
    /// The trust checks of a decoded certificate: the trusted signer's algorithm, the signature, the SAE ID and the
    /// expiry. Throws <paramref name="untrusted"/>(reason) on the first that fails.
    /// </summary>
    internal static void CheckTrusted(Decoded decoded, VerificationKey trustedSigner, string expectedSaeId, TimeProvider? timeProvider, ReadOnlySpan<byte> context, Func<string, QkdSessionException> untrusted)
    {
        if (trustedSigner.Algorithm != decoded.SignatureAlgorithm)
        {
            throw untrusted($"it is signed with {decoded.SignatureAlgorithm.Name}, but the trusted key is {trustedSigner.Algorithm.Name}");
        }

        if (!decoded.Verify(trustedSigner, context))
        {
            throw untrusted("its signature does not verify with the trusted key");
        }

        if (!string.Equals(decoded.SaeId, expectedSaeId, StringComparison.Ordinal))
        {
            throw untrusted($"it is for SAE '{decoded.SaeId}', not '{expectedSaeId}'");
        }

        DateTimeOffset now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        if (now > decoded.NotAfter)
        {
            throw untrusted($"it expired at {decoded.NotAfter:O}");
        }
    }

    /// <summary>Checks that SHA-256(<paramref name="key"/>) is the pinned <paramref name="expectedFingerprint"/> (in constant time).</summary>
    /// <exception cref="ArgumentException">The fingerprint is not 32 bytes.</exception>
    internal static bool MatchesFingerprint(ReadOnlySpan<byte> key, ReadOnlySpan<byte> expectedFingerprint, string paramName)
    {
        if (expectedFingerprint.Length != SHA256.HashSizeInBytes)
        {
            throw Error.Argument_Length(paramName, SHA256.HashSizeInBytes, expectedFingerprint.Length);
        }

        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expectedFingerprint);
    }

    private static QkdSessionException Malformed(string what, string reason) =>
        new(QkdSessionError.MalformedMessage, $"The {what} is malformed: {reason}.");

    /// <summary>A decoded certificate; the signature is not checked by decoding.</summary>
    internal sealed record Decoded(SignatureAlgorithm SignatureAlgorithm, ushort KeyType, string SaeId, DateTimeOffset NotAfter, byte[] Key, byte[] Signature, byte[] SignedData)
    {
        internal bool Verify(VerificationKey trustedSigner, ReadOnlySpan<byte> context) =>
            trustedSigner.Algorithm == SignatureAlgorithm && trustedSigner.Verify(SignedData, Signature, context);
    }
}
