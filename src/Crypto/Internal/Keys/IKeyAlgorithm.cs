// What the key lifecycle and the encoding layer need from an algorithm, family by family the same: its name, whether
// it has seeds, how its keys sit in SPKI and PKCS#8, and how its backend generates and imports cores from raw forms.

using System;
using FintechCrypto.Internal.Encodings;

namespace FintechCrypto.Internal.Keys;

/// <summary>An algorithm as the encoding layer sees it.</summary>
internal interface IKeyAlgorithm
{
    /// <summary>The algorithm's name, for messages.</summary>
    string Name { get; }

    /// <summary>True when private keys have a seed (<see cref="KeyBlobFormat.PrivateKeySeed"/>).</summary>
    bool SupportsSeed => false;

    /// <summary>The size of the seed, or 0 when <see cref="SupportsSeed"/> is false.</summary>
    int SeedSize => 0;

    /// <summary>How keys sit in SubjectPublicKeyInfo and PKCS#8; null when the algorithm has raw forms only.</summary>
    KeyEncoding? Encoding => null;
}

/// <summary>An algorithm's backend, as the key lifecycle uses it.</summary>
/// <typeparam name="TPrivateCore">The family's private-core type.</typeparam>
/// <typeparam name="TPublicCore">The family's public-core type.</typeparam>
internal interface IKeyAlgorithm<TPrivateCore, TPublicCore> : IKeyAlgorithm
    where TPrivateCore : PrivateKeyCore
    where TPublicCore : PublicKeyCore
{
    /// <summary>
    /// How many random bytes <see cref="GenerateCore"/> takes: the seed by default (for X25519 and AEAD keys, the key
    /// itself); 0 when the backend generates the key itself (the OS for ECDSA, ECDH and RSA).
    /// </summary>
    int KeyGenerationSeedSize => SeedSize;

    /// <summary>
    /// Generates a private key from <see cref="KeyGenerationSeedSize"/> fresh random bytes. By default the standards'
    /// key generation from a seed, which is also what importing the seed does (FIPS 203 §7.1, FIPS 204 §6.1,
    /// FIPS 205 §9.1, RFC 8032 §5.1.5).
    /// </summary>
    TPrivateCore GenerateCore(ReadOnlySpan<byte> seed) => ImportPrivateCore(new DecodedPrivateKey(seed, isSeed: true, KeyBlobFormat.PrivateKeySeed));

    /// <summary>Imports a private key in its raw or seed form (the encoding layer has unwrapped PEM and PKCS#8).</summary>
    TPrivateCore ImportPrivateCore(DecodedPrivateKey key);

    /// <summary>Imports a public key in its raw form (the encoding layer has unwrapped PEM and SPKI).</summary>
    /// <param name="publicKey">The raw public key.</param>
    /// <param name="format">The format the caller gave, named in error messages.</param>
    TPublicCore ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format);
}
