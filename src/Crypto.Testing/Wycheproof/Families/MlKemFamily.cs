// Wycheproof ML-KEM (mlkem_test_schema.json, type MLKEMTest): KeyGen and Decaps. The key is generated from the
// 64-byte seed d || z (FIPS 203 Algorithm 16); when the case gives ek, the generated encapsulation key must equal
// it; the ciphertext c is decapsulated (Algorithm 18) and must give K (for the Strcmp cases, the implicit-rejection
// secret). The invalid cases are rejected by the library's input checks: a seed that is not 64 bytes is refused at
// import (InvalidKeyEncodingException), a ciphertext that is not CiphertextSize bytes by Decapsulate
// (ArgumentException; FIPS 203 §7.3 ciphertext type check).

namespace FintechCrypto.Testing;

internal sealed class MlKemFamily : MlKemFamilyBase
{
    protected override CaseOutcome Run(KemAlgorithm algorithm, WycheproofTest test)
    {
        using DecapsulationKey key = DecapsulationKey.Import(algorithm, test.GetHex("seed"), KeyBlobFormat.PrivateKeySeed);
        byte[]? ek = test.GetHexOrNull("ek");
        CaseOutcome keyOutcome = ek is null ? CaseOutcome.Accepted : CaseOutcome.Compare("the encapsulation key", key.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), ek);
        return keyOutcome.Then(() => CaseOutcome.Compare("the shared secret", key.Decapsulate(test.GetHex("c")), test.GetHex("K")));
    }
}
