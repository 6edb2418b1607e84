// The twelve SLH-DSA parameter sets of FIPS 205 §11 (Table 2), SHA2 (§11.2) and SHAKE (§11.1) instantiations,
// implemented in src/Crypto/Internal/SlhDsa.

using System;
using FintechCrypto.Internal.SlhDsa;

namespace FintechCrypto;

/// <content>The SLH-DSA parameter sets (FIPS 205).</content>
public abstract partial class SignatureAlgorithm
{
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaSha2128s = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Sha2_128s));
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaSha2128f = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Sha2_128f));
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaSha2192s = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Sha2_192s));
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaSha2192f = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Sha2_192f));
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaSha2256s = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Sha2_256s));
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaSha2256f = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Sha2_256f));
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaShake128s = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Shake_128s));
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaShake128f = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Shake_128f));
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaShake192s = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Shake_192s));
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaShake192f = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Shake_192f));
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaShake256s = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Shake_256s));
    private static readonly Lazy<SignatureAlgorithm> s_slhDsaShake256f = new(() => new SlhDsaAlgorithm(SlhDsaParameterSet.Shake_256f));

    /// <summary>
    /// SLH-DSA-SHA2-128s (FIPS 205 Table 2): security category 1, the small variant over SHA-256; 32-byte public keys,
    /// 64-byte private keys (48-byte seeds), 7,856-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_128s => s_slhDsaSha2128s.Value;

    /// <summary>
    /// SLH-DSA-SHA2-128f (FIPS 205 Table 2): security category 1, the fast variant over SHA-256; 32-byte public keys,
    /// 64-byte private keys (48-byte seeds), 17,088-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_128f => s_slhDsaSha2128f.Value;

    /// <summary>
    /// SLH-DSA-SHA2-192s (FIPS 205 Table 2): security category 3, the small variant over SHA-256 and SHA-512; 48-byte public keys,
    /// 96-byte private keys (72-byte seeds), 16,224-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_192s => s_slhDsaSha2192s.Value;

    /// <summary>
    /// SLH-DSA-SHA2-192f (FIPS 205 Table 2): security category 3, the fast variant over SHA-256 and SHA-512; 48-byte public keys,
    /// 96-byte private keys (72-byte seeds), 35,664-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_192f => s_slhDsaSha2192f.Value;

    /// <summary>
    /// SLH-DSA-SHA2-256s (FIPS 205 Table 2): security category 5, the small variant over SHA-256 and SHA-512; 64-byte public keys,
    /// 128-byte private keys (96-byte seeds), 29,792-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_256s => s_slhDsaSha2256s.Value;

    /// <summary>
    /// SLH-DSA-SHA2-256f (FIPS 205 Table 2): security category 5, the fast variant over SHA-256 and SHA-512; 64-byte public keys,
    /// 128-byte private keys (96-byte seeds), 49,856-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_256f => s_slhDsaSha2256f.Value;

    /// <summary>
    /// SLH-DSA-SHAKE-128s (FIPS 205 Table 2): security category 1, the small variant over SHAKE256; 32-byte public keys,
    /// 64-byte private keys (48-byte seeds), 7,856-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_128s => s_slhDsaShake128s.Value;

    /// <summary>
    /// SLH-DSA-SHAKE-128f (FIPS 205 Table 2): security category 1, the fast variant over SHAKE256; 32-byte public keys,
    /// 64-byte private keys (48-byte seeds), 17,088-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_128f => s_slhDsaShake128f.Value;

    /// <summary>
    /// SLH-DSA-SHAKE-192s (FIPS 205 Table 2): security category 3, the small variant over SHAKE256; 48-byte public keys,
    /// 96-byte private keys (72-byte seeds), 16,224-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_192s => s_slhDsaShake192s.Value;

    /// <summary>
    /// SLH-DSA-SHAKE-192f (FIPS 205 Table 2): security category 3, the fast variant over SHAKE256; 48-byte public keys,
    /// 96-byte private keys (72-byte seeds), 35,664-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_192f => s_slhDsaShake192f.Value;

    /// <summary>
    /// SLH-DSA-SHAKE-256s (FIPS 205 Table 2): security category 5, the small variant over SHAKE256; 64-byte public keys,
    /// 128-byte private keys (96-byte seeds), 29,792-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_256s => s_slhDsaShake256s.Value;

    /// <summary>
    /// SLH-DSA-SHAKE-256f (FIPS 205 Table 2): security category 5, the fast variant over SHAKE256; 64-byte public keys,
    /// 128-byte private keys (96-byte seeds), 49,856-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_256f => s_slhDsaShake256f.Value;

    private static (string Name, Func<SignatureAlgorithm> Get)[] SlhDsaNames() =>
    [
        ("SLH-DSA-SHA2-128s", () => SlhDsaSha2_128s),
        ("SLH-DSA-SHA2-128f", () => SlhDsaSha2_128f),
        ("SLH-DSA-SHA2-192s", () => SlhDsaSha2_192s),
        ("SLH-DSA-SHA2-192f", () => SlhDsaSha2_192f),
        ("SLH-DSA-SHA2-256s", () => SlhDsaSha2_256s),
        ("SLH-DSA-SHA2-256f", () => SlhDsaSha2_256f),
        ("SLH-DSA-SHAKE-128s", () => SlhDsaShake_128s),
        ("SLH-DSA-SHAKE-128f", () => SlhDsaShake_128f),
        ("SLH-DSA-SHAKE-192s", () => SlhDsaShake_192s),
        ("SLH-DSA-SHAKE-192f", () => SlhDsaShake_192f),
        ("SLH-DSA-SHAKE-256s", () => SlhDsaShake_256s),
        ("SLH-DSA-SHAKE-256f", () => SlhDsaShake_256f),
    ];
}
