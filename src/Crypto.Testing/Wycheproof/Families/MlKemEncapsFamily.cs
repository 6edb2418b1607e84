// Wycheproof ML-KEM encapsulation (mlkem_encaps_test_schema.json, type MLKEMEncapsTest): ek and the 32-byte m of
// ML-KEM.Encaps_internal (FIPS 203 Algorithm 17) must give c and K, through the testing-only derandomized entry point.
// The invalid cases (flag ModulusOverflow, comment "Public key not reduced") hold a coefficient >= q in ek: the
// FIPS 203 §7.2 modulus check refuses them at import (InvalidKeyEncodingException).

namespace FintechCrypto.Testing;

internal sealed class MlKemEncapsFamily : MlKemFamilyBase
{
    protected override CaseOutcome Run(KemAlgorithm algorithm, WycheproofTest test)
    {
        using EncapsulationKey ek = EncapsulationKey.Import(algorithm, test.GetHex("ek"), KeyBlobFormat.RawPublicKey);
        byte[] c = KemTesting.EncapsulateDeterministicForTesting(ek, test.GetHex("m"), out byte[] k);
        return CaseOutcome.Compare("the ciphertext", c, test.GetHex("c")).Then(() => CaseOutcome.Compare("the shared secret", k, test.GetHex("K")));
    }
}
