// AEAD parameter sets: AES-GCM (NIST SP 800-38D) and ChaCha20-Poly1305 (RFC 8439 §2.8).
// Ciphertexts are ciphertext || tag, with a 16-byte tag. AES-GCM takes 96-bit nonces by default (SP 800-38D
// §8.2, the recommended length, run by the OS provider); AesGcm(keySize, nonceSize) gives any other nonce
// length SP 800-38D §5.2.1.1 allows (1 byte and up, GHASH-derived J0), run by BouncyCastle's GcmBlockCipher.

using System;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto;

/// <summary>An authenticated-encryption parameter set. Keys are <see cref="AeadKey"/>.</summary>
public sealed class AeadAlgorithm : Algorithm, IKeyAlgorithm<AeadCore, PublicKeyCore>
{
    /// <summary>The largest nonce this library accepts for AES-GCM (SP 800-38D allows up to 2^64-1 bits).</summary>
    public const int MaxGcmNonceSize = 1 << 16;

    private static readonly Lazy<AeadAlgorithm> s_aes128 = new(() => new AeadAlgorithm("AES-128-GCM", AeadKind.AesGcm, 16, 12));
    private static readonly Lazy<AeadAlgorithm> s_aes192 = new(() => new AeadAlgorithm("AES-192-GCM", AeadKind.AesGcm, 24, 12));
    private static readonly Lazy<AeadAlgorithm> s_aes256 = new(() => new AeadAlgorithm("AES-256-GCM", AeadKind.AesGcm, 32, 12));
    private static readonly Lazy<AeadAlgorithm> s_chacha = new(() => new AeadAlgorithm("ChaCha20-Poly1305", AeadKind.ChaCha20Poly1305, 32, 12));
    private static readonly AlgorithmRegistry<AeadAlgorithm> s_registry = new(
        "AEAD",
        [("AES-128-GCM", () => Aes128Gcm), ("AES-192-GCM", () => Aes192Gcm), ("AES-256-GCM", () => Aes256Gcm), ("ChaCha20-Poly1305", () => ChaCha20Poly1305)]);

    private AeadAlgorithm(string name, AeadKind kind, int keySize, int nonceSize)
        : base(name, nonceSize == 12 ? name : $"{name}/nonce={nonceSize}")
    {
        Kind = kind;
        KeySize = keySize;
        NonceSize = nonceSize;
    }

    /// <summary>AES-128-GCM with a 12-byte nonce and a 16-byte tag.</summary>
    public static AeadAlgorithm Aes128Gcm => s_aes128.Value;

    /// <summary>AES-192-GCM with a 12-byte nonce and a 16-byte tag.</summary>
    public static AeadAlgorithm Aes192Gcm => s_aes192.Value;

    /// <summary>AES-256-GCM with a 12-byte nonce and a 16-byte tag.</summary>
    public static AeadAlgorithm Aes256Gcm => s_aes256.Value;

    /// <summary>ChaCha20-Poly1305 (RFC 8439) with a 32-byte key, a 12-byte nonce and a 16-byte tag.</summary>
    public static AeadAlgorithm ChaCha20Poly1305 => s_chacha.Value;

    /// <summary>The key size in bytes.</summary>
    public int KeySize { get; }

    /// <summary>The nonce size in bytes; every nonce must be exactly this long.</summary>
    public int NonceSize { get; }

    /// <summary>The authentication tag size in bytes (16).</summary>
    public int TagSize => 16;

    internal AeadKind Kind { get; }

    /// <summary>True when the OS provider runs this parameter set (96-bit nonces); otherwise BouncyCastle.</summary>
    internal bool UsesOsProvider => NonceSize == 12;

    /// <summary>AES-GCM with a 16-, 24- or 32-byte key and any nonce length from 1 to <see cref="MaxGcmNonceSize"/> bytes.</summary>
    /// <param name="keySizeInBytes">16, 24 or 32.</param>
    /// <param name="nonceSizeInBytes">The nonce length in bytes; 12 is recommended (SP 800-38D §8.2).</param>
    /// <returns>The parameter set; the predefined instance for 12-byte nonces.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public static AeadAlgorithm AesGcm(int keySizeInBytes, int nonceSizeInBytes)
    {
        if (keySizeInBytes is not (16 or 24 or 32))
        {
            throw Error.ArgumentOutOfRange(nameof(keySizeInBytes), "16, 24 or 32 bytes");
        }

        if (nonceSizeInBytes < 1 || nonceSizeInBytes > MaxGcmNonceSize)
        {
            throw Error.ArgumentOutOfRange(nameof(nonceSizeInBytes), $"from 1 to {MaxGcmNonceSize} bytes (SP 800-38D §5.2.1.1)");
        }

        AeadAlgorithm standard = keySizeInBytes switch { 16 => Aes128Gcm, 24 => Aes192Gcm, _ => Aes256Gcm };
        return nonceSizeInBytes == 12 ? standard : new AeadAlgorithm(standard.Name, AeadKind.AesGcm, keySizeInBytes, nonceSizeInBytes);
    }

    /// <summary>Finds a parameter set by name: <c>AES-128-GCM</c>, <c>AES-192-GCM</c>, <c>AES-256-GCM</c>, <c>ChaCha20-Poly1305</c>.</summary>
    /// <param name="name">The name (case-sensitive).</param>
    /// <returns>The parameter set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No parameter set has that name.</exception>
    public static AeadAlgorithm FromName(string name) => s_registry.FromName(name);

    /// <summary>The algorithm's backend, as the key lifecycle and the encoding layer use it: raw keys only.</summary>
    internal IKeyAlgorithm<AeadCore, PublicKeyCore> Keys => this;

    /// <summary>An AEAD key is <see cref="KeySize"/> random bytes.</summary>
    int IKeyAlgorithm<AeadCore, PublicKeyCore>.KeyGenerationSeedSize => KeySize;

    AeadCore IKeyAlgorithm<AeadCore, PublicKeyCore>.ImportPrivateCore(DecodedPrivateKey key) => AeadCore.Create(this, key.OfSize(KeySize, Name, "the key"));

    PublicKeyCore IKeyAlgorithm<AeadCore, PublicKeyCore>.ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format) =>
        throw Error.Argument_FormatNotSupported(nameof(format), format, Name);
}

/// <summary>The AEAD constructions.</summary>
internal enum AeadKind
{
    AesGcm,
    ChaCha20Poly1305,
}
