// The twelve SLH-DSA parameter sets of FIPS 205 §11 (Table 2), SHA2 (§11.2) and SHAKE (§11.1) instantiations,
// implemented in src/Crypto/Internal/SlhDsa.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.SlhDsa;

namespace FintechCrypto;

/// <content>The SLH-DSA parameter sets (FIPS 205).</content>
public abstract partial class SignatureAlgorithm
{
    // One lazily created algorithm per parameter set, in the order of SlhDsaParameterSet.All (FIPS 205 Table 2).
    private static readonly Lazy<SignatureAlgorithm>[] s_slhDsa = CreateLazily(SlhDsaParameterSet.All, static p => new SlhDsaAlgorithm(p));

    /// <summary>
    /// SLH-DSA-SHA2-128s (FIPS 205 Table 2): security category 1, the small variant over SHA-256; 32-byte public keys,
    /// 64-byte private keys (48-byte seeds), 7,856-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_128s => s_slhDsa[0].Value;

    /// <summary>
    /// SLH-DSA-SHA2-128f (FIPS 205 Table 2): security category 1, the fast variant over SHA-256; 32-byte public keys,
    /// 64-byte private keys (48-byte seeds), 17,088-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_128f => s_slhDsa[1].Value;

    /// <summary>
    /// SLH-DSA-SHA2-192s (FIPS 205 Table 2): security category 3, the small variant over SHA-256 and SHA-512; 48-byte public keys,
    /// 96-byte private keys (72-byte seeds), 16,224-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_192s => s_slhDsa[2].Value;

    /// <summary>
    /// SLH-DSA-SHA2-192f (FIPS 205 Table 2): security category 3, the fast variant over SHA-256 and SHA-512; 48-byte public keys,
    /// 96-byte private keys (72-byte seeds), 35,664-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_192f => s_slhDsa[3].Value;

    /// <summary>
    /// SLH-DSA-SHA2-256s (FIPS 205 Table 2): security category 5, the small variant over SHA-256 and SHA-512; 64-byte public keys,
    /// 128-byte private keys (96-byte seeds), 29,792-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_256s => s_slhDsa[4].Value;

    /// <summary>
    /// SLH-DSA-SHA2-256f (FIPS 205 Table 2): security category 5, the fast variant over SHA-256 and SHA-512; 64-byte public keys,
    /// 128-byte private keys (96-byte seeds), 49,856-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaSha2_256f => s_slhDsa[5].Value;

    /// <summary>
    /// SLH-DSA-SHAKE-128s (FIPS 205 Table 2): security category 1, the small variant over SHAKE256; 32-byte public keys,
    /// 64-byte private keys (48-byte seeds), 7,856-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_128s => s_slhDsa[6].Value;

    /// <summary>
    /// SLH-DSA-SHAKE-128f (FIPS 205 Table 2): security category 1, the fast variant over SHAKE256; 32-byte public keys,
    /// 64-byte private keys (48-byte seeds), 17,088-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_128f => s_slhDsa[7].Value;

    /// <summary>
    /// SLH-DSA-SHAKE-192s (FIPS 205 Table 2): security category 3, the small variant over SHAKE256; 48-byte public keys,
    /// 96-byte private keys (72-byte seeds), 16,224-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_192s => s_slhDsa[8].Value;

    /// <summary>
    /// SLH-DSA-SHAKE-192f (FIPS 205 Table 2): security category 3, the fast variant over SHAKE256; 48-byte public keys,
    /// 96-byte private keys (72-byte seeds), 35,664-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_192f => s_slhDsa[9].Value;

    /// <summary>
    /// SLH-DSA-SHAKE-256s (FIPS 205 Table 2): security category 5, the small variant over SHAKE256; 64-byte public keys,
    /// 128-byte private keys (96-byte seeds), 29,792-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_256s => s_slhDsa[10].Value;

    /// <summary>
    /// SLH-DSA-SHAKE-256f (FIPS 205 Table 2): security category 5, the fast variant over SHAKE256; 64-byte public keys,
    /// 128-byte private keys (96-byte seeds), 49,856-byte signatures. Pure signing takes a context of up to 255 bytes,
    /// <see cref="SigningKey.SignPreHash"/> gives HashSLH-DSA, and <see cref="SigningMode.Deterministic"/> the deterministic variant.
    /// </summary>
    public static SignatureAlgorithm SlhDsaShake_256f => s_slhDsa[11].Value;

    private static IEnumerable<(string Name, Func<SignatureAlgorithm> Get)> SlhDsaNames() =>
        RegistryEntries(SlhDsaParameterSet.All, static p => p.Name, static i => s_slhDsa[i].Value);
}
