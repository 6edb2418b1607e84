using System;
using System.Collections.Generic;
using FintechCrypto.Internal.MlDsa;

namespace FintechCrypto;

/// <content>The ML-DSA parameter sets (FIPS 204).</content>
public abstract partial class SignatureAlgorithm
{
    // One lazily created algorithm per parameter set, in the order of FIPS 204 Table 1.
    private static readonly Lazy<SignatureAlgorithm>[] s_mlDsa = CreateLazily(MlDsaSets(), static p => new MlDsaAlgorithm(p));

    /// <summary>ML-DSA-44 (FIPS 204, security category 2): 1312-byte public keys, 2420-byte signatures.</summary>
    public static SignatureAlgorithm MlDsa44 => s_mlDsa[0].Value;

    /// <summary>ML-DSA-65 (FIPS 204, security category 3): 1952-byte public keys, 3309-byte signatures. The recommended default.</summary>
    public static SignatureAlgorithm MlDsa65 => s_mlDsa[1].Value;

    /// <summary>ML-DSA-87 (FIPS 204, security category 5): 2592-byte public keys, 4627-byte signatures.</summary>
    public static SignatureAlgorithm MlDsa87 => s_mlDsa[2].Value;

    private static IEnumerable<(string Name, Func<SignatureAlgorithm> Get)> MlDsaNames() =>
        RegistryEntries(MlDsaSets(), static p => p.Name, static i => s_mlDsa[i].Value);

    private static MlDsaParameterSet[] MlDsaSets() => [MlDsaParameterSet.MlDsa44, MlDsaParameterSet.MlDsa65, MlDsaParameterSet.MlDsa87];
}
