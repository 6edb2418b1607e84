// Wycheproof EDDSA (eddsa_verify_schema_v1): RFC 8032 §5.1.7 verification of Ed25519 signatures.

namespace FintechCrypto.Testing;

internal sealed class EddsaFamily : IWycheproofFamily
{
    public string? GroupSkipReason(WycheproofGroup group)
    {
        string? curve = group.GetPublicKeyField("curve");
        return curve == "edwards25519" ? null : $"EdDSA over '{curve}' is not supported (the library has Ed25519 only)";
    }

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        byte[] pk = JsonFields.GetHex(JsonFields.Get(group.Json, "publicKey", group.Where), "pk", group.Where);
        using VerificationKey key = VerificationKey.Import(SignatureAlgorithm.Ed25519, pk, KeyBlobFormat.RawPublicKey);
        return CaseOutcome.FromCheck(key.Verify(test.GetHex("msg"), test.GetHex("sig")), "Verify returned false");
    }
}
