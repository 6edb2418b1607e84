// The one place keys are wrapped and unwrapped (NSec's Formatting/): PEM (RFC 7468) around PKCS#8 PrivateKeyInfo
// (RFC 5208 §5, RFC 5958 §2) and SubjectPublicKeyInfo (RFC 5280 §4.1.1.2), the AlgorithmIdentifier check, and the
// private-key forms of KeyEncoding. Algorithms see only their raw and seed forms.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto.Internal.Encodings;

/// <summary>Import and export of every key type in every <see cref="KeyBlobFormat"/>.</summary>
internal static class KeyFormats
{
    internal static bool IsPrivate(KeyBlobFormat format) =>
        format is KeyBlobFormat.RawPrivateKey or KeyBlobFormat.Pkcs8PrivateKey or KeyBlobFormat.PemPkcs8PrivateKey or KeyBlobFormat.PrivateKeySeed;

    internal static bool IsPublic(KeyBlobFormat format) =>
        format is KeyBlobFormat.RawPublicKey or KeyBlobFormat.SubjectPublicKeyInfo or KeyBlobFormat.PemSubjectPublicKeyInfo;

    /// <summary>Imports a private key in any private format the algorithm supports.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a private format of the algorithm.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed or is not a key of the algorithm.</exception>
    internal static TPrivateCore ImportPrivate<TPrivateCore, TPublicCore>(IKeyAlgorithm<TPrivateCore, TPublicCore>? algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format)
        where TPrivateCore : PrivateKeyCore
        where TPublicCore : PublicKeyCore
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        CheckPrivateFormat(algorithm, format);
        switch (format)
        {
            case KeyBlobFormat.RawPrivateKey:
            case KeyBlobFormat.PrivateKeySeed:
                return algorithm.ImportPrivateCore(new DecodedPrivateKey(blob, format == KeyBlobFormat.PrivateKeySeed, format));
            case KeyBlobFormat.PemPkcs8PrivateKey:
            {
                byte[] der = KeyBlobs.FromPem(blob, KeyBlobs.PemPrivateKeyLabel, algorithm.Name, format);
                try
                {
                    return ImportPkcs8(algorithm, der);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(der);
                }
            }

            default:
                return ImportPkcs8(algorithm, blob);
        }
    }

    /// <summary>Imports a public key in any public format the algorithm supports.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a public format of the algorithm.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed or is not a key of the algorithm.</exception>
    internal static TPublicCore ImportPublic<TPrivateCore, TPublicCore>(IKeyAlgorithm<TPrivateCore, TPublicCore>? algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format)
        where TPrivateCore : PrivateKeyCore
        where TPublicCore : PublicKeyCore
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        CheckPublicFormat(algorithm, format);
        switch (format)
        {
            case KeyBlobFormat.RawPublicKey:
                return algorithm.ImportPublicCore(blob, format);
            case KeyBlobFormat.PemSubjectPublicKeyInfo:
                return ImportSubjectPublicKeyInfo(algorithm, KeyBlobs.FromPem(blob, KeyBlobs.PemPublicKeyLabel, algorithm.Name, format));
            default:
                return ImportSubjectPublicKeyInfo(algorithm, blob);
        }
    }

    /// <summary>Exports a private key in any private format the algorithm supports; the caller clears the result.</summary>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a private format of the algorithm, or is the seed of a key imported without one.</exception>
    internal static byte[] ExportPrivate(IKeyAlgorithm algorithm, PrivateKeyCore core, KeyBlobFormat format)
    {
        CheckPrivateFormat(algorithm, format);
        switch (format)
        {
            case KeyBlobFormat.RawPrivateKey:
                return core.ExportRawPrivateKey();
            case KeyBlobFormat.PrivateKeySeed:
                return core.HasSeed ? core.ExportSeed() : throw Error.Argument_NoSeed(nameof(format), algorithm.Name);
            case KeyBlobFormat.PemPkcs8PrivateKey:
            {
                byte[] der = WritePkcs8(algorithm.Encoding!, core);
                try
                {
                    return KeyBlobs.ToPem(KeyBlobs.PemPrivateKeyLabel, der);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(der);
                }
            }

            default:
                return WritePkcs8(algorithm.Encoding!, core);
        }
    }

    /// <summary>Exports a public key in any public format the algorithm supports.</summary>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a public format of the algorithm.</exception>
    internal static byte[] ExportPublic(IKeyAlgorithm algorithm, PublicKeyCore core, KeyBlobFormat format)
    {
        CheckPublicFormat(algorithm, format);
        if (format == KeyBlobFormat.RawPublicKey)
        {
            return core.ExportRawPublicKey();
        }

        KeyEncoding encoding = algorithm.Encoding!;
        byte[] spki = KeyBlobs.WriteSubjectPublicKeyInfo(encoding.Oid, encoding.Parameters, core.ExportRawPublicKey());
        return format == KeyBlobFormat.PemSubjectPublicKeyInfo ? KeyBlobs.ToPem(KeyBlobs.PemPublicKeyLabel, spki) : spki;
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

    private static void CheckPrivateFormat(IKeyAlgorithm algorithm, KeyBlobFormat format)
    {
        bool supported = format switch
        {
            KeyBlobFormat.RawPrivateKey => true,
            KeyBlobFormat.PrivateKeySeed => algorithm.SupportsSeed,
            KeyBlobFormat.Pkcs8PrivateKey or KeyBlobFormat.PemPkcs8PrivateKey => algorithm.Encoding is not null,
            _ => false,
        };

        if (!supported)
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, algorithm.Name);
        }
    }

    private static void CheckPublicFormat(IKeyAlgorithm algorithm, KeyBlobFormat format)
    {
        bool supported = format switch
        {
            KeyBlobFormat.RawPublicKey => true,
            KeyBlobFormat.SubjectPublicKeyInfo or KeyBlobFormat.PemSubjectPublicKeyInfo => algorithm.Encoding is not null,
            _ => false,
        };

        if (!supported)
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, algorithm.Name);
        }
    }

    private static TPublicCore ImportSubjectPublicKeyInfo<TPrivateCore, TPublicCore>(IKeyAlgorithm<TPrivateCore, TPublicCore> algorithm, ReadOnlySpan<byte> der)
        where TPrivateCore : PrivateKeyCore
        where TPublicCore : PublicKeyCore
    {
        const KeyBlobFormat format = KeyBlobFormat.SubjectPublicKeyInfo;
        DecodedKeyInfo info = KeyBlobs.ReadSubjectPublicKeyInfo(der, algorithm.Name, format);
        algorithm.Encoding!.CheckAlgorithmIdentifier(info, algorithm.Name, format);
        return algorithm.ImportPublicCore(info.Key, format);
    }

    // PKCS#8 (PEM unwrapped): the AlgorithmIdentifier check, then the private key in the algorithm's form.
    private static TPrivateCore ImportPkcs8<TPrivateCore, TPublicCore>(IKeyAlgorithm<TPrivateCore, TPublicCore> algorithm, ReadOnlySpan<byte> der)
        where TPrivateCore : PrivateKeyCore
        where TPublicCore : PublicKeyCore
    {
        const KeyBlobFormat format = KeyBlobFormat.Pkcs8PrivateKey;
        string name = algorithm.Name;
        KeyEncoding encoding = algorithm.Encoding!;
        DecodedKeyInfo info = KeyBlobs.ReadPkcs8(der, name, format);
        byte[]? inner = null;
        byte[]? expanded = null;
        try
        {
            encoding.CheckAlgorithmIdentifier(info, name, format);
            switch (encoding.PrivateKeyForm)
            {
                case PrivateKeyForm.Raw:
                    return algorithm.ImportPrivateCore(new DecodedPrivateKey(info.Key, isSeed: false, format));
                case PrivateKeyForm.OctetString:
                    inner = KeyBlobs.ReadOctetStringContents(info.Key, name, format);
                    return algorithm.ImportPrivateCore(new DecodedPrivateKey(inner, isSeed: false, format));
                case PrivateKeyForm.EcPrivateKey:
                    inner = EcPrivateKey.Read(info.Key, encoding.Parameters, name, format, out byte[]? publicKey);
                    return algorithm.ImportPrivateCore(new DecodedPrivateKey(inner, isSeed: false, format, publicKey));
                default:
                    SeedOrExpandedKey.Read(info.Key, name, format, out inner, out expanded);
                    return inner is null
                        ? algorithm.ImportPrivateCore(new DecodedPrivateKey(expanded, isSeed: false, format))
                        : ImportSeedAndExpanded(algorithm, inner, expanded, format);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(info.Key);
            KeyBlobs.Clear(inner);
            KeyBlobs.Clear(expanded);
        }
    }

    // The seed choice, or "both": then the expanded key must be the one the seed generates (constant-time comparison).
    private static TPrivateCore ImportSeedAndExpanded<TPrivateCore, TPublicCore>(IKeyAlgorithm<TPrivateCore, TPublicCore> algorithm, byte[] seed, byte[]? expanded, KeyBlobFormat format)
        where TPrivateCore : PrivateKeyCore
        where TPublicCore : PublicKeyCore
    {
        TPrivateCore core = algorithm.ImportPrivateCore(new DecodedPrivateKey(seed, isSeed: true, format));
        if (expanded is not null && !SeedOrExpandedKey.Matches(core.ExportRawPrivateKey(), expanded))
        {
            core.Dispose();
            throw Error.Format_InvalidKey(algorithm.Name, format, "the expanded key does not match the seed");
        }

        return core;
    }

    // PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, privateKey OCTET STRING } with the algorithm's form.
    private static byte[] WritePkcs8(KeyEncoding encoding, PrivateKeyCore core)
    {
        byte[] raw = encoding.PrivateKeyForm == PrivateKeyForm.SeedOrExpandedKey && core.HasSeed ? core.ExportSeed() : core.ExportRawPrivateKey();
        byte[]? inner = null;
        try
        {
            inner = encoding.PrivateKeyForm switch
            {
                PrivateKeyForm.Raw => null,
                PrivateKeyForm.OctetString => KeyBlobs.WriteOctetString(raw),
                PrivateKeyForm.EcPrivateKey => EcPrivateKey.Write(raw, core.ExportRawPublicKey()),
                _ => SeedOrExpandedKey.Write(raw, core.HasSeed),
            };
            return KeyBlobs.WritePkcs8(encoding.Oid, encoding.Parameters, inner ?? raw);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
            KeyBlobs.Clear(inner);
        }
    }
}
