// The registry of Wycheproof families: the file's "algorithm" (and, where one algorithm has several encodings,
// its "schema") selects the family. Later issues replace a PendingFamily with a real one.

using System;

namespace FintechCrypto.Testing;

internal static class WycheproofFamilies
{
    internal const string SlhDsaPending = "SLH-DSA is not implemented yet (issue 4)";

    /// <summary>The family for a file, or null when the algorithm (or its schema) is unknown.</summary>
    internal static IWycheproofFamily? Find(string algorithm, string schema) => algorithm switch
    {
        "EDDSA" => new EddsaFamily(),
        "XDH" => KeyAgreementFamily.Xdh(),
        "ECDH" when schema.StartsWith("ecdh_test_schema", StringComparison.Ordinal) => KeyAgreementFamily.Ecdh(KeyBlobFormat.SubjectPublicKeyInfo),
        "ECDH" when schema.StartsWith("ecdh_ecpoint_test_schema", StringComparison.Ordinal) => KeyAgreementFamily.Ecdh(KeyBlobFormat.RawPublicKey),
        "ECDSA" when schema.StartsWith("ecdsa_p1363_verify_schema", StringComparison.Ordinal) => new EcdsaFamily(SignatureAlgorithm.EcdsaP256Sha256),
        "ECDSA" when schema.StartsWith("ecdsa_verify_schema", StringComparison.Ordinal) => new EcdsaFamily(SignatureAlgorithm.EcdsaP256Sha256Der),
        "AES-GCM" => new AeadFamily(chaCha: false),
        "CHACHA20-POLY1305" => new AeadFamily(chaCha: true),
        "HKDF-SHA-256" => new HkdfFamily(KdfAlgorithm.HkdfSha256),
        "HKDF-SHA-384" => new HkdfFamily(KdfAlgorithm.HkdfSha384),
        "HKDF-SHA-512" => new HkdfFamily(KdfAlgorithm.HkdfSha512),
        "HMACSHA256" => new HmacFamily(MacAlgorithm.HmacSha256),
        "HMACSHA384" => new HmacFamily(MacAlgorithm.HmacSha384),
        "HMACSHA512" => new HmacFamily(MacAlgorithm.HmacSha512),
        "RSASSA-PSS" => new RsaPssFamily(),
        "ML-KEM" or "MLKEM" => MlKem(schema),
        _ when algorithm.StartsWith("ML-DSA", StringComparison.Ordinal) => MlDsa(algorithm, schema),
        _ when algorithm.StartsWith("SLH-DSA", StringComparison.Ordinal) => new PendingFamily(SlhDsaPending),
        _ => null,
    };

    /// <summary>
    /// The three ML-DSA schemas of C2SP/wycheproof (schemas/mldsa_*_schema.json); the parameter set is the file's
    /// algorithm (ML-DSA-44, ML-DSA-65, ML-DSA-87). Null for another schema or parameter set.
    /// </summary>
    private static IWycheproofFamily? MlDsa(string algorithm, string schema)
    {
        SignatureAlgorithm? parameterSet = algorithm switch
        {
            "ML-DSA-44" => SignatureAlgorithm.MlDsa44,
            "ML-DSA-65" => SignatureAlgorithm.MlDsa65,
            "ML-DSA-87" => SignatureAlgorithm.MlDsa87,
            _ => null,
        };
        return parameterSet is null ? null : schema switch
        {
            _ when schema.StartsWith("mldsa_sign_seed_schema", StringComparison.Ordinal) => new MlDsaSignFamily(parameterSet, seed: true),
            _ when schema.StartsWith("mldsa_sign_noseed_schema", StringComparison.Ordinal) => new MlDsaSignFamily(parameterSet, seed: false),
            _ when schema.StartsWith("mldsa_verify_schema", StringComparison.Ordinal) => new MlDsaVerifyFamily(parameterSet),
            _ => null,
        };
    }

    /// <summary>The four ML-KEM schemas of C2SP/wycheproof (schemas/mlkem_*_schema.json); null for another.</summary>
    private static IWycheproofFamily? MlKem(string schema) => schema switch
    {
        _ when schema.StartsWith("mlkem_test_schema", StringComparison.Ordinal) => new MlKemFamily(),
        _ when schema.StartsWith("mlkem_encaps_test_schema", StringComparison.Ordinal) => new MlKemEncapsFamily(),
        _ when schema.StartsWith("mlkem_keygen_seed_test_schema", StringComparison.Ordinal) => new MlKemKeyGenFamily(),
        _ when schema.StartsWith("mlkem_semi_expanded_decaps_test_schema", StringComparison.Ordinal) => new MlKemDecapsValidationFamily(),
        _ => null,
    };
}
