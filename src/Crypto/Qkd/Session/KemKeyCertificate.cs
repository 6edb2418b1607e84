// KemKeyCertificate: a responder's KEM encapsulation key signed with an ML-DSA key (FIPS 204) the initiator trusts, so
// that a QKD session never starts against an unauthenticated KEM key. A deliberately small structure, not X.509.

using System;
using System.Buffers.Binary;
using System.Text;

namespace FintechCrypto.Qkd;

/// <summary>
/// A "KEM key certificate": the responder SAE's ID, its KEM algorithm and encapsulation key, and an expiry, signed with
/// ML-DSA-44, -65 or -87 (FIPS 204, with a context string). The initiator checks it with
/// <see cref="QkdResponderKey.FromCertificate"/>.
/// </summary>
/// <remarks>
/// Layout, every integer big-endian:
/// <code>
/// magic "QKDC" (4) | version 0x01 (1) | signature algorithm (1: 1 ML-DSA-44, 2 ML-DSA-65, 3 ML-DSA-87) | KEM id (2)
/// | SAE ID (2-byte length, 1..256 bytes UTF-8) | not after (8, Unix time in seconds)
/// | encapsulation key (2-byte length, exactly the KEM's size) | signature (2-byte length, exactly the algorithm's size)
/// </code>
/// The signature covers every byte before its length field. Nothing may follow it.
/// </remarks>
public sealed class KemKeyCertificate
{
    /// <summary>The version this library writes and reads.</summary>
    public const byte CurrentVersion = 1;

    private static readonly byte[] s_magic = "QKDC"u8.ToArray();
    private static readonly byte[] s_defaultContext = "FintechCrypto QKD KEM key certificate v1"u8.ToArray();
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _encapsulationKey;
    private readonly byte[] _signature;
    private readonly byte[] _signedData;

    private KemKeyCertificate(SignatureAlgorithm signatureAlgorithm, KemAlgorithm kem, string saeId, DateTimeOffset notAfter, byte[] encapsulationKey, byte[] signature, byte[] signedData)
    {
        SignatureAlgorithm = signatureAlgorithm;
        Kem = kem;
        SaeId = saeId;
        NotAfter = notAfter;
        _encapsulationKey = encapsulationKey;
        _signature = signature;
        _signedData = signedData;
    }

    /// <summary>The context string used when none is given: the ASCII bytes of <c>FintechCrypto QKD KEM key certificate v1</c>.</summary>
    public static ReadOnlySpan<byte> DefaultContext => s_defaultContext;

    /// <summary>The ML-DSA parameter set of the signature.</summary>
    public SignatureAlgorithm SignatureAlgorithm { get; }

    /// <summary>The KEM of the certified key.</summary>
    public KemAlgorithm Kem { get; }

    /// <summary>The SAE that holds the matching decapsulation key.</summary>
    public string SaeId { get; }

    /// <summary>The time after which the certificate is no longer valid (whole seconds).</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>The raw encapsulation key.</summary>
    public ReadOnlyMemory<byte> EncapsulationKey => _encapsulationKey;

    /// <summary>The signature.</summary>
    public ReadOnlyMemory<byte> Signature => _signature;

    /// <summary>Signs a certificate for <paramref name="encapsulationKey"/>.</summary>
    /// <param name="signer">An ML-DSA-44, -65 or -87 signing key.</param>
    /// <param name="saeId">The responder SAE ID the key belongs to.</param>
    /// <param name="encapsulationKey">The responder's KEM encapsulation key.</param>
    /// <param name="notAfter">The expiry (rounded down to whole seconds).</param>
    /// <param name="context">The FIPS 204 context string (at most 255 bytes), or null for <see cref="DefaultContext"/>.</param>
    /// <returns>The encoded certificate.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="signer"/> is not ML-DSA, the KEM is not one a session supports, <paramref name="saeId"/> is empty or too long, or the context is too long.</exception>
    public static byte[] Create(SigningKey signer, string saeId, EncapsulationKey encapsulationKey, DateTimeOffset notAfter, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(saeId);
        ArgumentNullException.ThrowIfNull(encapsulationKey);
        byte algorithmId = SignatureAlgorithmId(signer.Algorithm)
            ?? throw Error.Argument_KeyAlgorithmMismatch(nameof(signer), signer.Algorithm.Name, "ML-DSA-44, ML-DSA-65 or ML-DSA-87");
        ushort kemId = QkdSuiteIds.OfKem(encapsulationKey.Algorithm);
        byte[] id = QkdHandshakeMessage.IdBytes(saeId, 1, nameof(saeId));
        byte[] key = encapsulationKey.Export(KeyBlobFormat.RawPublicKey);

        int signedLength = 4 + 1 + 1 + 2 + 2 + id.Length + 8 + 2 + key.Length;
        int signatureSize = signer.Algorithm.SignatureSize;
        byte[] certificate = new byte[signedLength + 2 + signatureSize];
        Span<byte> span = certificate;
        s_magic.CopyTo(span);
        span[4] = CurrentVersion;
        span[5] = algorithmId;
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], kemId);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)id.Length);
        id.CopyTo(span[10..]);
        int offset = 10 + id.Length;
        BinaryPrimitives.WriteInt64BigEndian(span[offset..], notAfter.ToUnixTimeSeconds());
        offset += 8;
        BinaryPrimitives.WriteUInt16BigEndian(span[offset..], (ushort)key.Length);
        key.CopyTo(span[(offset + 2)..]);
        offset += 2 + key.Length;
        BinaryPrimitives.WriteUInt16BigEndian(span[offset..], (ushort)signatureSize);
        int written = signer.Sign(span[..signedLength], span[(offset + 2)..], context ?? s_defaultContext);
        if (written != signatureSize)
        {
            throw Error.Crypto_InternalError("an ML-DSA signature of an unexpected length");
        }

        return certificate;
    }

    /// <summary>Decodes a certificate strictly (the signature is not checked here; see <see cref="Verify"/>).</summary>
    /// <param name="certificate">The encoded certificate.</param>
    /// <returns>The decoded certificate.</returns>
    /// <exception cref="QkdSessionException">The certificate is malformed or names an unknown algorithm.</exception>
    public static KemKeyCertificate Decode(ReadOnlySpan<byte> certificate)
    {
        int offset = 0;
        ReadOnlySpan<byte> Take(int count, ReadOnlySpan<byte> input)
        {
            if (count > input.Length - offset)
            {
                throw Malformed($"it ends after {input.Length} bytes, inside a field");
            }

            ReadOnlySpan<byte> slice = input.Slice(offset, count);
            offset += count;
            return slice;
        }

        if (!Take(4, certificate).SequenceEqual(s_magic))
        {
            throw Malformed("it does not start with the magic \"QKDC\"");
        }

        byte version = Take(1, certificate)[0];
        if (version != CurrentVersion)
        {
            throw Malformed($"version {version} is not supported (only {CurrentVersion})");
        }

        byte algorithmId = Take(1, certificate)[0];
        SignatureAlgorithm algorithm = algorithmId switch
        {
            1 => SignatureAlgorithm.MlDsa44,
            2 => SignatureAlgorithm.MlDsa65,
            3 => SignatureAlgorithm.MlDsa87,
            _ => throw Malformed($"the signature algorithm {algorithmId} is not 1, 2 or 3 (ML-DSA-44, -65, -87)"),
        };
        ushort kemId = BinaryPrimitives.ReadUInt16BigEndian(Take(2, certificate));
        KemAlgorithm kem = QkdSuiteIds.KemOf(kemId) ?? throw Malformed($"the KEM id 0x{kemId:X4} is unknown");
        int idLength = BinaryPrimitives.ReadUInt16BigEndian(Take(2, certificate));
        if (idLength is < 1 or > QkdHandshakeMessage.MaxIdLength)
        {
            throw Malformed($"the SAE ID is {idLength} bytes long (allowed: 1 to {QkdHandshakeMessage.MaxIdLength})");
        }

        string saeId;
        try
        {
            saeId = s_strictUtf8.GetString(Take(idLength, certificate));
        }
        catch (DecoderFallbackException)
        {
            throw Malformed("the SAE ID is not valid UTF-8");
        }

        long notAfterSeconds = BinaryPrimitives.ReadInt64BigEndian(Take(8, certificate));
        if (notAfterSeconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || notAfterSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw Malformed("the expiry is outside the representable range");
        }

        int keyLength = BinaryPrimitives.ReadUInt16BigEndian(Take(2, certificate));
        if (keyLength != kem.EncapsulationKeySize)
        {
            throw Malformed($"the {kem.Name} encapsulation key must be {kem.EncapsulationKeySize} bytes, not {keyLength}");
        }

        byte[] key = Take(keyLength, certificate).ToArray();
        int signedLength = offset;
        int signatureLength = BinaryPrimitives.ReadUInt16BigEndian(Take(2, certificate));
        if (signatureLength != algorithm.SignatureSize)
        {
            throw Malformed($"the {algorithm.Name} signature must be {algorithm.SignatureSize} bytes, not {signatureLength}");
        }

        byte[] signature = Take(signatureLength, certificate).ToArray();
        if (offset != certificate.Length)
        {
            throw Malformed($"{certificate.Length - offset} bytes follow the signature");
        }

        return new KemKeyCertificate(
            algorithm, kem, saeId, DateTimeOffset.FromUnixTimeSeconds(notAfterSeconds), key, signature, certificate[..signedLength].ToArray());
    }

    /// <summary>Checks the signature with <paramref name="trustedSigner"/>.</summary>
    /// <param name="trustedSigner">The ML-DSA public key the initiator trusts.</param>
    /// <param name="context">The context string the certificate was signed with, or null for <see cref="DefaultContext"/>.</param>
    /// <returns>True when the signature is valid and made with a key of the certificate's algorithm; false otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trustedSigner"/> is null.</exception>
    public bool Verify(VerificationKey trustedSigner, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(trustedSigner);
        return trustedSigner.Algorithm == SignatureAlgorithm && trustedSigner.Verify(_signedData, _signature, context ?? s_defaultContext);
    }

    /// <summary>Names the SAE, the algorithms and the expiry.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"KemKeyCertificate({SaeId}, {Kem.Name}, signed with {SignatureAlgorithm.Name}, not after {NotAfter:O})";

    private static byte? SignatureAlgorithmId(SignatureAlgorithm algorithm) =>
        algorithm == SignatureAlgorithm.MlDsa44 ? (byte)1
        : algorithm == SignatureAlgorithm.MlDsa65 ? (byte)2
        : algorithm == SignatureAlgorithm.MlDsa87 ? (byte)3
        : null;

    private static QkdSessionException Malformed(string reason) =>
        new(QkdSessionError.MalformedMessage, $"The KEM key certificate is malformed: {reason}.");
}
