using System;
using FintechCrypto.Internal.MlDsa;

namespace FintechCrypto;

/// <content>The ML-DSA parameter sets (FIPS 204).</content>
public abstract partial class SignatureAlgorithm
{
    private static readonly Lazy<SignatureAlgorithm> s_mlDsa44 = new(() => new MlDsaAlgorithm(MlDsaParameterSet.MlDsa44));
    private static readonly Lazy<SignatureAlgorithm> s_mlDsa65 = new(() => new MlDsaAlgorithm(MlDsaParameterSet.MlDsa65));
    private static readonly Lazy<SignatureAlgorithm> s_mlDsa87 = new(() => new MlDsaAlgorithm(MlDsaParameterSet.MlDsa87));

    /// <summary>ML-DSA-44 (FIPS 204, security category 2): 1312-byte public keys, 2420-byte signatures.</summary>
    public static SignatureAlgorithm MlDsa44 => s_mlDsa44.Value;

    /// <summary>ML-DSA-65 (FIPS 204, security category 3): 1952-byte public keys, 3309-byte signatures. The recommended default.</summary>
    public static SignatureAlgorithm MlDsa65 => s_mlDsa65.Value;

    /// <summary>ML-DSA-87 (FIPS 204, security category 5): 2592-byte public keys, 4627-byte signatures.</summary>
    public static SignatureAlgorithm MlDsa87 => s_mlDsa87.Value;

    private static (string Name, Func<SignatureAlgorithm> Get)[] MlDsaNames() =>
    [
        ("ML-DSA-44", () => MlDsa44),
        ("ML-DSA-65", () => MlDsa65),
        ("ML-DSA-87", () => MlDsa87),
    ];
}
