// Wycheproof RSASSA-PSS (rsassa_pss_verify_schema_v1): RFC 8017 §8.1.2 verification with the group's modulus
// size, hash, MGF1 hash and salt length (SignatureAlgorithm.RsaPss). The key is imported from publicKeyAsn
// (PKCS#1 RSAPublicKey, RFC 8017 Appendix A.1.1) when present, else from publicKeyDer (SubjectPublicKeyInfo).

using System.Security.Cryptography;

namespace FintechCrypto.Testing;

internal sealed class RsaPssFamily() : SignatureVerifyFamily("Verify returned false")
{
    public override string? GroupSkipReason(WycheproofGroup group)
    {
        string? mgf = group.GetString("mgf");
        if (mgf != "MGF1")
        {
            return $"the mask generation function '{mgf}' is not supported (MGF1 only)";
        }

        foreach (string field in new[] { "sha", "mgfSha" })
        {
            string? name = group.GetString(field);
            if (Hash(name) is null)
            {
                return $"the hash '{name}' is not supported for RSA-PSS (SHA-1, SHA-224, SHA-256, SHA-384, SHA-512)";
            }
        }

        return null;
    }

    protected override VerificationKey ImportKey(WycheproofGroup group)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.RsaPss(
            group.GetInt32("keySize"), Hash(group.GetString("sha"))!.Value, Hash(group.GetString("mgfSha"))!.Value, group.GetInt32("sLen"));
        byte[]? pkcs1 = group.GetHexOrNull("publicKeyAsn");
        return pkcs1 is not null
            ? VerificationKey.Import(algorithm, pkcs1, KeyBlobFormat.RawPublicKey)
            : VerificationKey.Import(algorithm, group.GetHexOrNull("publicKeyDer") ?? throw new VectorFileException($"{group.Where}: no publicKeyAsn or publicKeyDer."), KeyBlobFormat.SubjectPublicKeyInfo);
    }

    private static HashAlgorithmName? Hash(string? wycheproofName) => wycheproofName switch
    {
        "SHA-1" => HashAlgorithmName.SHA1,
        "SHA-224" => new HashAlgorithmName("SHA224"),
        "SHA-256" => HashAlgorithmName.SHA256,
        "SHA-384" => HashAlgorithmName.SHA384,
        "SHA-512" => HashAlgorithmName.SHA512,
        _ => null,
    };
}
