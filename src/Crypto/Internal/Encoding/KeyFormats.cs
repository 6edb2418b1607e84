using System;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.Encoding;

/// <summary>
/// The format plumbing shared by every key type: PEM is always PKCS#8 or SPKI DER wrapped in RFC 7468 text,
/// so backends only ever see raw and DER forms.
/// </summary>
internal static class KeyFormats
{
    internal static bool IsPrivate(KeyBlobFormat format) =>
        format is KeyBlobFormat.RawPrivateKey or KeyBlobFormat.Pkcs8PrivateKey or KeyBlobFormat.PemPkcs8PrivateKey or KeyBlobFormat.PrivateKeySeed;

    internal static bool IsPublic(KeyBlobFormat format) =>
        format is KeyBlobFormat.RawPublicKey or KeyBlobFormat.SubjectPublicKeyInfo or KeyBlobFormat.PemSubjectPublicKeyInfo;

    /// <summary>Imports through <paramref name="import"/>, unwrapping PEM first.</summary>
    internal static T Import<T>(ReadOnlySpan<byte> blob, KeyBlobFormat format, string algorithm, Func<byte[], KeyBlobFormat, T> import)
    {
        byte[] der = format switch
        {
            KeyBlobFormat.PemPkcs8PrivateKey => KeyBlobs.FromPem(blob, KeyBlobs.PemPrivateKeyLabel, algorithm, format),
            KeyBlobFormat.PemSubjectPublicKeyInfo => KeyBlobs.FromPem(blob, KeyBlobs.PemPublicKeyLabel, algorithm, format),
            _ => blob.ToArray(),
        };

        KeyBlobFormat inner = format switch
        {
            KeyBlobFormat.PemPkcs8PrivateKey => KeyBlobFormat.Pkcs8PrivateKey,
            KeyBlobFormat.PemSubjectPublicKeyInfo => KeyBlobFormat.SubjectPublicKeyInfo,
            _ => format,
        };

        try
        {
            return import(der, inner);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    /// <summary>Exports through <paramref name="export"/>, wrapping PEM last.</summary>
    internal static byte[] Export(KeyBlobFormat format, Func<KeyBlobFormat, byte[]> export)
    {
        switch (format)
        {
            case KeyBlobFormat.PemPkcs8PrivateKey:
            {
                byte[] der = export(KeyBlobFormat.Pkcs8PrivateKey);
                try
                {
                    return KeyBlobs.ToPem(KeyBlobs.PemPrivateKeyLabel, der);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(der);
                }
            }

            case KeyBlobFormat.PemSubjectPublicKeyInfo:
                return KeyBlobs.ToPem(KeyBlobs.PemPublicKeyLabel, export(KeyBlobFormat.SubjectPublicKeyInfo));
            default:
                return export(format);
        }
    }

    /// <summary>Copies an export into <paramref name="destination"/>, clearing the temporary copy.</summary>
    internal static bool TryCopy(byte[] exported, Span<byte> destination, out int bytesWritten)
    {
        try
        {
            if (exported.Length > destination.Length)
            {
                bytesWritten = 0;
                return false;
            }

            exported.CopyTo(destination);
            bytesWritten = exported.Length;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(exported);
        }
    }
}
