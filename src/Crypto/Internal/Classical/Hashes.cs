using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace FintechCrypto.Internal.Classical;

/// <summary>The hash functions the classical algorithms accept, by <see cref="HashAlgorithmName"/>.</summary>
internal static class Hashes
{
    internal static readonly HashAlgorithmName Sha224 = new("SHA224");

    /// <summary>The hashes this class knows, for messages.</summary>
    internal const string Supported = "SHA1, SHA224, SHA256, SHA384 or SHA512";

    /// <summary>Output length in bytes, or 0 when the hash is not supported.</summary>
    internal static int OutputSize(HashAlgorithmName hash) => hash.Name switch
    {
        "SHA1" => 20,
        "SHA224" => 28,
        "SHA256" => 32,
        "SHA384" => 48,
        "SHA512" => 64,
        _ => 0,
    };

    /// <summary>The name in the style of the standards (SHA-256).</summary>
    internal static string DisplayName(HashAlgorithmName hash) => hash.Name switch
    {
        "SHA1" => "SHA1",
        "SHA224" => "SHA224",
        "SHA256" => "SHA256",
        "SHA384" => "SHA384",
        "SHA512" => "SHA512",
        _ => hash.Name ?? "?",
    };

    /// <summary>A BouncyCastle digest, for the parameters the BCL lacks (SHA-224, PSS with another MGF1 hash or salt).</summary>
    internal static IDigest CreateDigest(HashAlgorithmName hash) => hash.Name switch
    {
        "SHA1" => new Sha1Digest(),
        "SHA224" => new Sha224Digest(),
        "SHA256" => new Sha256Digest(),
        "SHA384" => new Sha384Digest(),
        "SHA512" => new Sha512Digest(),
        _ => throw Error.Argument_HashNotSupported(nameof(hash), hash.Name ?? "?", "this operation", Supported),
    };

    /// <summary>Maps Wycheproof and ACVP spellings ("SHA-256", "SHA2-256", "SHA256") to a name.</summary>
    internal static HashAlgorithmName Parse(string name) => name.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "SHA1" => HashAlgorithmName.SHA1,
        "SHA224" or "SHA2224" => Sha224,
        "SHA256" or "SHA2256" => HashAlgorithmName.SHA256,
        "SHA384" or "SHA2384" => HashAlgorithmName.SHA384,
        "SHA512" or "SHA2512" => HashAlgorithmName.SHA512,
        _ => throw Error.Argument_HashNotSupported(nameof(name), name, "this operation", Supported),
    };
}
