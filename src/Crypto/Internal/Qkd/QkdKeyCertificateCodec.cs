// QkdKeyCertificateCodec: the one encoding, decoding and set of trust checks of the session's two small key
// certificates, KemKeyCertificate (a responder's KEM key) and InitiatorKeyCertificate (an initiator's ML-DSA key), and
// the pinned-fingerprint check of QkdResponderKey and QkdInitiatorKey. Deliberately small structures, not X.509; what
// differs between the two is a QkdKeyKind.

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

    /// <summary>Signs a certificate of the raw <paramref name="key"/> of <paramref name="keyAlgorithm"/> for <paramref name="saeId"/>.</summary>
    /// <exception cref="ArgumentException">The signer is not ML-DSA, the key's algorithm is not of the kind, the SAE ID is empty or too long, or the context is too long.</exception>
    internal static Decoded<T> Create<T>(QkdKeyKind<T> kind, SigningKey signer, string saeId, T keyAlgorithm, string keyParamName, ReadOnlySpan<byte> key, DateTimeOffset notAfter, ReadOnlySpan<byte> context)
        where T : Algorithm
    {
        kind.CheckAlgorithm(keyAlgorithm, keyParamName);
        ushort keyType = kind.Algorithms.Find(keyAlgorithm)!.Value;
        QkdKeyKinds.MlDsa.CheckAlgorithm(signer.Algorithm, nameof(signer));
        byte algorithmId = (byte)QkdSuiteIds.MlDsa.Find(signer.Algorithm)!.Value;
        byte[] id = QkdHandshakeMessage.IdBytes(saeId, 1, nameof(saeId));
        int signedLength = 4 + 1 + 1 + 2 + 2 + id.Length + 8 + 2 + key.Length;
        int signatureSize = signer.Algorithm.SignatureSize;
        byte[] certificate = new byte[signedLength + 2 + signatureSize];
        Span<byte> span = certificate;
        kind.Magic.CopyTo(span);
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

        return new Decoded<T>(
            signer.Algorithm, keyAlgorithm, saeId, DateTimeOffset.FromUnixTimeSeconds(notAfter.ToUnixTimeSeconds()), key.ToArray(), certificate[(offset + 2)..], certificate, signedLength);
    }

    /// <summary>Decodes strictly; the signature is not checked here.</summary>
    /// <exception cref="QkdSessionException">The certificate is malformed or names an unknown algorithm (<see cref="QkdSessionError.MalformedMessage"/>).</exception>
    internal static Decoded<T> Decode<T>(QkdKeyKind<T> kind, ReadOnlySpan<byte> certificate)
        where T : Algorithm
    {
        string what = kind.CertificateName;
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

        if (!Take(4, certificate).SequenceEqual(kind.Magic))
        {
            throw Malformed(what, $"it does not start with the magic \"{Encoding.ASCII.GetString(kind.Magic)}\"");
        }

        byte version = Take(1, certificate)[0];
        if (version != Version)
        {
            throw Malformed(what, $"version {version} is not supported (only {Version})");
        }

        byte algorithmId = Take(1, certificate)[0];
        SignatureAlgorithm algorithm = QkdSuiteIds.MlDsa.Find(algorithmId)
            ?? throw Malformed(what, $"the signature algorithm {algorithmId} is not 1, 2 or 3 (ML-DSA-44, -65, -87)");
        ushort keyType = BinaryPrimitives.ReadUInt16BigEndian(Take(2, certificate));
        T keyAlgorithm = kind.Algorithms.Find(keyType) ?? throw Malformed(what, $"the key type 0x{keyType:X4} is unknown");
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

        int keySize = kind.PublicKeySize(keyAlgorithm);
        int keyLength = BinaryPrimitives.ReadUInt16BigEndian(Take(2, certificate));
        if (keyLength != keySize)
        {
            throw Malformed(what, $"the {keyAlgorithm.Name} {kind.KeyRole} key must be {keySize} bytes, not {keyLength}");
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

        return new Decoded<T>(algorithm, keyAlgorithm, saeId, DateTimeOffset.FromUnixTimeSeconds(notAfterSeconds), key, signature, certificate.ToArray(), signedLength);
    }

    /// <summary>
    /// The trust checks of a decoded certificate: the trusted signer's algorithm, the signature, the SAE ID and the
    /// expiry. Throws the kind's untrusted-key exception on the first that fails.
    /// </summary>
    internal static void CheckTrusted<T>(QkdKeyKind<T> kind, Decoded<T> decoded, VerificationKey trustedSigner, string expectedSaeId, TimeProvider? timeProvider, ReadOnlySpan<byte> context)
        where T : Algorithm
    {
        string? reason = null;
        if (trustedSigner.Algorithm != decoded.SignatureAlgorithm)
        {
            reason = $"it is signed with {decoded.SignatureAlgorithm.Name}, but the trusted key is {trustedSigner.Algorithm.Name}";
        }
        else if (!decoded.Verify(trustedSigner, context))
        {
            reason = "its signature does not verify with the trusted key";
        }
        else if (!string.Equals(decoded.SaeId, expectedSaeId, StringComparison.Ordinal))
        {
            reason = $"it is for SAE '{decoded.SaeId}', not '{expectedSaeId}'";
        }
        else if ((timeProvider ?? TimeProvider.System).GetUtcNow() > decoded.NotAfter)
        {
            reason = $"it expired at {decoded.NotAfter:O}";
        }

        if (reason is not null)
        {
            throw kind.Untrusted($"The {kind.Owner} certificate is not acceptable: {reason}.");
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

    /// <summary>A decoded certificate and its encoding; the signature is not checked by decoding.</summary>
    internal sealed record Decoded<T>(
        SignatureAlgorithm SignatureAlgorithm, T KeyAlgorithm, string SaeId, DateTimeOffset NotAfter, byte[] Key, byte[] Signature, byte[] Encoding, int SignedLength)
        where T : Algorithm
    {
        internal bool Verify(VerificationKey trustedSigner, ReadOnlySpan<byte> context) =>
            trustedSigner.Algorithm == SignatureAlgorithm && trustedSigner.Verify(Encoding.AsSpan(0, SignedLength), Signature, context);
    }
}
