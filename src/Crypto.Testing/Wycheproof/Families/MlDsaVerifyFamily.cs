// Wycheproof ML-DSA verification (C2SP/wycheproof schemas/mldsa_verify_schema.json, test type MlDsaVerify): the
// group's FIPS 204 pk (publicKey) is imported, and its SubjectPublicKeyInfo form (publicKeyDer, id-ml-dsa-44/65/87)
// must give the same key; each case is ML-DSA.Verify(pk, msg, sig, ctx) (FIPS 204 Algorithm 3) through the public
// API. The invalid cases are refused: a pk of the wrong length at import (InvalidKeyEncodingException), a context
// longer than 255 bytes by Verify (ArgumentException; FIPS 204 §5.3), and every malformed or modified signature
// (wrong length, hints out of order or over ω, ‖z‖∞ ≥ γ1 − β, a changed c̃) by Verify returning false.

using System;

namespace FintechCrypto.Testing;

internal sealed class MlDsaVerifyFamily : IWycheproofFamily
{
    private readonly SignatureAlgorithm _algorithm;

    internal MlDsaVerifyFamily(SignatureAlgorithm algorithm)
    {
        _algorithm = algorithm;
    }

    public string? GroupSkipReason(WycheproofGroup group) => null;

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        byte[] raw = group.GetHexOrNull("publicKey") ?? throw new VectorFileException($"{group.Where}: the field 'publicKey' is missing.");
        using VerificationKey key = VerificationKey.Import(_algorithm, raw, KeyBlobFormat.RawPublicKey);
        byte[]? der = group.GetHexOrNull("publicKeyDer");
        if (der is not null)
        {
            using VerificationKey fromDer = VerificationKey.Import(_algorithm, der, KeyBlobFormat.SubjectPublicKeyInfo);
            CaseOutcome same = CaseOutcome.Compare("the key in publicKeyDer", fromDer.Export(KeyBlobFormat.RawPublicKey), raw);
            if (same.Verdict != CaseVerdict.Accepted)
            {
                return same;
            }
        }

        byte[] context = test.GetHexOrNull("ctx") ?? Array.Empty<byte>();
        bool valid = key.Verify(test.GetHex("msg"), test.GetHex("sig"), context);
        return CaseOutcome.FromCheck(valid, "the signature did not verify");
    }
}
