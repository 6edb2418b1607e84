// Wycheproof EDDSA (eddsa_verify_schema_v1): RFC 8032 §5.1.7 verification of Ed25519 signatures.

namespace FintechCrypto.Testing;

internal sealed class EddsaFamily() : SignatureVerifyFamily("Verify returned false")
{
    public override string? GroupSkipReason(WycheproofGroup group) => CurveSkipReason("EdDSA", group.GetPublicKeyField("curve"), "edwards25519", "Ed25519");

    protected override VerificationKey ImportKey(WycheproofGroup group) =>
        VerificationKey.Import(SignatureAlgorithm.Ed25519, JsonFields.GetHex(JsonFields.Get(group.Json, "publicKey", group.Where), "pk", group.Where), KeyBlobFormat.RawPublicKey);
}
