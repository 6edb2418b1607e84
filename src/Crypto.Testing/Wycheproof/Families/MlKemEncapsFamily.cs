// Wycheproof ML-KEM encapsulation (mlkem_encaps_test_schema.json, type MLKEMEncapsTest): ek and the 32-byte m of
// ML-KEM.Encaps_internal (FIPS 203 Algorithm 17) must give c and K, through the testing-only derandomized entry point.
// The invalid cases (flag ModulusOverflow, comment "Public key not reduced") hold a coefficient >= q in ek: the
// FIPS 203 §7.2 modulus check refuses them at import (InvalidKeyEncodingException).

namespace FintechCrypto.Testing;

internal sealed class MlKemEncapsFamily : IWycheproofFamily
{
    public string? GroupSkipReason(WycheproofGroup group) => MlKemParameters.SkipReason(group);

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        KemAlgorithm algorithm = MlKemParameters.Of(group);
        using EncapsulationKey ek = EncapsulationKey.Import(algorithm, test.GetHex("ek"), KeyBlobFormat.RawPublicKey);
        byte[] c = KemTesting.EncapsulateDeterministicForTesting(ek, test.GetHex("m"), out byte[] k);
        CaseOutcome outcome = CaseOutcome.Compare("the ciphertext", c, test.GetHex("c"));
        return outcome.Verdict != CaseVerdict.Accepted ? outcome : CaseOutcome.Compare("the shared secret", k, test.GetHex("K"));
    }
}
