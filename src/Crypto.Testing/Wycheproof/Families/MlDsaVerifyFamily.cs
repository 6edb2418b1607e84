// Wycheproof ML-DSA verification (C2SP/wycheproof schemas/mldsa_verify_schema.json, test type MlDsaVerify): the
// group's FIPS 204 pk (publicKey) is imported, and its SubjectPublicKeyInfo form (publicKeyDer, id-ml-dsa-44/65/87)
// must give the same key; each case is ML-DSA.Verify(pk, msg, sig, ctx) (FIPS 204 Algorithm 3) through the public
// API. The invalid cases are refused: a pk of the wrong length at import (InvalidKeyEncodingException), a context
// longer than 255 bytes by Verify (ArgumentException; FIPS 204 §5.3), and every malformed or modified signature
// (wrong length, hints out of order or over ω, ‖z‖∞ ≥ γ1 − β, a changed c̃) by Verify returning false.

namespace FintechCrypto.Testing;

internal sealed class MlDsaVerifyFamily(SignatureAlgorithm algorithm) : SignatureVerifyFamily("the signature did not verify")
{
    protected override VerificationKey ImportKey(WycheproofGroup group) =>
        VerificationKey.Import(algorithm, group.GetHex("publicKey"), KeyBlobFormat.RawPublicKey);

    protected override CaseOutcome CheckKey(WycheproofGroup group, VerificationKey key)
    {
        byte[]? der = group.GetHexOrNull("publicKeyDer");
        if (der is null)
        {
            return CaseOutcome.Accepted;
        }

        using VerificationKey fromDer = VerificationKey.Import(algorithm, der, KeyBlobFormat.SubjectPublicKeyInfo);
        return CaseOutcome.Compare("the key in publicKeyDer", fromDer.Export(KeyBlobFormat.RawPublicKey), key.Export(KeyBlobFormat.RawPublicKey));
    }
}
