// RFC 8410 key encodings for the curve25519/curve448 algorithms: SubjectPublicKeyInfo (§4) with no parameters,
// and PKCS#8 (§7) whose privateKey OCTET STRING holds a CurvePrivateKey OCTET STRING.

using System;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.Encoding;

internal static class Rfc8410
{
    internal static byte[] WriteSubjectPublicKeyInfo(string oid, ReadOnlySpan<byte> publicKey) =>
        KeyBlobs.WriteSubjectPublicKeyInfo(oid, default, parametersPresent: false, publicKey);

    internal static byte[] WritePkcs8(string oid, ReadOnlySpan<byte> privateKey)
    {
        byte[] inner = KeyBlobs.WriteOctetString(privateKey);
        try
        {
            return KeyBlobs.WritePkcs8(oid, default, parametersPresent: false, inner);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(inner);
        }
    }

    /// <summary>Returns the public key bytes; refuses another OID, parameters, or the wrong size.</summary>
    internal static byte[] ReadSubjectPublicKeyInfo(ReadOnlySpan<byte> der, string oid, int keySize, string algorithm, KeyBlobFormat format)
    {
        DecodedKeyInfo info = KeyBlobs.ReadSubjectPublicKeyInfo(der, algorithm, format);
        if (info.AlgorithmOid != oid || info.Parameters is not null)
        {
            throw Error.Format_InvalidKey(algorithm, format, $"the algorithm must be {oid} without parameters (RFC 8410 §3)");
        }

        if (info.Key.Length != keySize)
        {
            throw Error.Format_InvalidKey(algorithm, format, $"the public key must be {keySize} bytes, not {info.Key.Length}");
        }

        return info.Key;
    }

    /// <summary>Returns the private key bytes (the caller clears them); refuses another OID, parameters, or the wrong size.</summary>
    internal static byte[] ReadPkcs8(ReadOnlySpan<byte> der, string oid, int keySize, string algorithm, KeyBlobFormat format)
    {
        DecodedKeyInfo info = KeyBlobs.ReadPkcs8(der, algorithm, format);
        try
        {
            if (info.AlgorithmOid != oid || info.Parameters is not null)
            {
                throw Error.Format_InvalidKey(algorithm, format, $"the algorithm must be {oid} without parameters (RFC 8410 §3)");
            }

            byte[] key = KeyBlobs.ReadOctetStringContents(info.Key, algorithm, format);
            if (key.Length != keySize)
            {
                CryptographicOperations.ZeroMemory(key);
                throw Error.Format_InvalidKey(algorithm, format, $"the CurvePrivateKey must be {keySize} bytes");
            }

            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(info.Key);
        }
    }
}
