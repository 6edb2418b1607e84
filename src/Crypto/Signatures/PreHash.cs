// The pre-hash functions of HashML-DSA (FIPS 204 §5.4, Table 2 of the OIDs) and HashSLH-DSA (FIPS 205 §10.2.2):
// the signature covers OID(PH) ‖ PH(M), so the hash's OID and output length are fixed here.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Sha3;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace FintechCrypto;

/// <summary>Names and OIDs of the pre-hash functions FintechCrypto accepts for HashML-DSA and HashSLH-DSA.</summary>
internal static class PreHash
{
    /// <summary>Returns the hash's OID and output length, or throws ArgumentException for an unsupported hash.</summary>
    internal static (string Oid, int Length) Describe(HashAlgorithmName hash, string paramName) => hash.Name switch
    {
        "SHA224" => ("2.16.840.1.101.3.4.2.4", 28),
        "SHA256" => ("2.16.840.1.101.3.4.2.1", 32),
        "SHA384" => ("2.16.840.1.101.3.4.2.2", 48),
        "SHA512" => ("2.16.840.1.101.3.4.2.3", 64),
        "SHA512/224" => ("2.16.840.1.101.3.4.2.5", 28),
        "SHA512/256" => ("2.16.840.1.101.3.4.2.6", 32),
        "SHA3-224" or "SHA3_224" => ("2.16.840.1.101.3.4.2.7", 28),
        "SHA3-256" or "SHA3_256" => ("2.16.840.1.101.3.4.2.8", 32),
        "SHA3-384" or "SHA3_384" => ("2.16.840.1.101.3.4.2.9", 48),
        "SHA3-512" or "SHA3_512" => ("2.16.840.1.101.3.4.2.10", 64),
        "SHAKE128" => ("2.16.840.1.101.3.4.2.11", 32),
        "SHAKE256" => ("2.16.840.1.101.3.4.2.12", 64),
        _ => throw Error.Argument_HashNotSupported(
            paramName,
            hash.Name ?? "?",
            "pre-hashing",
            "SHA224, SHA256, SHA384, SHA512, SHA512/224, SHA512/256, SHA3-224, SHA3-256, SHA3-384, SHA3-512, SHAKE128 (32-byte output) or SHAKE256 (64-byte output)"),
    };

    /// <summary>
    /// Computes PH(M) for a supported pre-hash: SHA-2 by the OS (SHA-224 and SHA-512/t by BouncyCastle, which the BCL
    /// lacks), SHA-3 and SHAKE by our Keccak. <paramref name="output"/> must have the hash's length.
    /// </summary>
    internal static void Compute(HashAlgorithmName hash, ReadOnlySpan<byte> message, Span<byte> output)
    {
        (_, int length) = Describe(hash, nameof(hash));
        if (output.Length != length)
        {
            throw Error.Argument_Length(nameof(output), length, output.Length);
        }

        switch (hash.Name)
        {
            case "SHA256":
                SHA256.HashData(message, output);
                break;
            case "SHA384":
                SHA384.HashData(message, output);
                break;
            case "SHA512":
                SHA512.HashData(message, output);
                break;
            case "SHA224":
                BouncyCastle(new Sha224Digest(), message, output);
                break;
            case "SHA512/224":
                BouncyCastle(new Sha512tDigest(224), message, output);
                break;
            case "SHA512/256":
                BouncyCastle(new Sha512tDigest(256), message, output);
                break;
            case "SHA3-224" or "SHA3_224":
                Sha3Hash.HashData224(message, output);
                break;
            case "SHA3-256" or "SHA3_256":
                Sha3Hash.HashData256(message, output);
                break;
            case "SHA3-384" or "SHA3_384":
                Sha3Hash.HashData384(message, output);
                break;
            case "SHA3-512" or "SHA3_512":
                Sha3Hash.HashData512(message, output);
                break;
            case "SHAKE128":
                Internal.Sha3.Shake.HashData128(message, output);
                break;
            default:
                Internal.Sha3.Shake.HashData256(message, output);
                break;
        }
    }

    private static void BouncyCastle(IDigest digest, ReadOnlySpan<byte> message, Span<byte> output)
    {
        digest.BlockUpdate(message);
        digest.DoFinal(output);
    }
}
