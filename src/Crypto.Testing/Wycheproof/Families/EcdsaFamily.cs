// Wycheproof ECDSA over secp256r1 with SHA-256: DER signatures (ecdsa_verify_schema_v1) map to
// ECDSA-P256-SHA256-DER, IEEE P1363 r||s signatures (ecdsa_p1363_verify_schema_v1) to ECDSA-P256-SHA256.
// The group's public key is imported from publicKeyDer as an RFC 5480 SubjectPublicKeyInfo.

namespace FintechCrypto.Testing;

internal sealed class EcdsaFamily : IWycheproofFamily
{
    private readonly SignatureAlgorithm _algorithm;

    internal EcdsaFamily(SignatureAlgorithm algorithm)
    {
        _algorithm = algorithm;
    }

    public string? GroupSkipReason(WycheproofGroup group)
    {
        string? curve = group.GetPublicKeyField("curve");
        string? sha = group.GetString("sha");
        return curve == "secp256r1" && sha == "SHA-256"
            ? null
            : $"ECDSA over '{curve}' with '{sha}' is not supported (the library has P-256 with SHA-256 only)";
    }

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        byte[] spki = group.GetHexOrNull("publicKeyDer") ?? throw new VectorFileException($"{group.Where}: the field 'publicKeyDer' is missing.");
        using VerificationKey key = VerificationKey.Import(_algorithm, spki, KeyBlobFormat.SubjectPublicKeyInfo);
        return CaseOutcome.FromCheck(key.Verify(test.GetHex("msg"), test.GetHex("sig")), "Verify returned false");
    }
}
