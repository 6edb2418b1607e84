// Wycheproof ECDSA over secp256r1 with SHA-256: DER signatures (ecdsa_verify_schema_v1) map to
// ECDSA-P256-SHA256-DER, IEEE P1363 r||s signatures (ecdsa_p1363_verify_schema_v1) to ECDSA-P256-SHA256.
// The group's public key is imported from publicKeyDer as an RFC 5480 SubjectPublicKeyInfo.

namespace FintechCrypto.Testing;

internal sealed class EcdsaFamily(SignatureAlgorithm algorithm) : SignatureVerifyFamily("Verify returned false")
{
    public override string? GroupSkipReason(WycheproofGroup group)
    {
        string? curve = group.GetPublicKeyField("curve");
        string? sha = group.GetString("sha");
        return curve == "secp256r1" && sha == "SHA-256"
            ? null
            : $"ECDSA over '{curve}' with '{sha}' is not supported (the library has P-256 with SHA-256 only)";
    }

    protected override VerificationKey ImportKey(WycheproofGroup group) =>
        VerificationKey.Import(algorithm, group.GetHex("publicKeyDer"), KeyBlobFormat.SubjectPublicKeyInfo);
}
