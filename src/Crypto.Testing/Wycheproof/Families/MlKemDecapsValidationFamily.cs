// Wycheproof ML-KEM decapsulation with an expanded key (mlkem_semi_expanded_decaps_test_schema.json, type
// MLKEMDecapsValidationTest). dk is the FIPS 203 expanded decapsulation key, imported as RawPrivateKey with the
// §7.3 input checks; c is decapsulated (Algorithm 18) and must give K when the case has one. By flag:
//   IncorrectDecapsulationKeyLength, InvalidDecapsulationKey (corrupted H(ek) or embedded ek): refused at import
//       by the §7.3 length and hash checks (InvalidKeyEncodingException);
//   IncorrectCiphertextLength: refused by Decapsulate (ArgumentException; §7.3 ciphertext type check);
//   MalleableCiphertext (valid): the re-encryption comparison covers all of c, so the implicit-rejection secret K
//       of the file comes out.
// For an accepted key, the embedded encapsulation key must equal the case's ek.

namespace FintechCrypto.Testing;

internal sealed class MlKemDecapsValidationFamily : MlKemFamilyBase
{
    protected override CaseOutcome Run(KemAlgorithm algorithm, WycheproofTest test)
    {
        using DecapsulationKey key = DecapsulationKey.Import(algorithm, test.GetHex("dk"), KeyBlobFormat.RawPrivateKey);
        return CaseOutcome.Compare("the encapsulation key in dk", key.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), test.GetHex("ek")).Then(() =>
        {
            byte[] k = key.Decapsulate(test.GetHex("c"));
            byte[]? expected = test.GetHexOrNull("K");
            return expected is null ? CaseOutcome.Accepted : CaseOutcome.Compare("the shared secret", k, expected);
        });
    }
}
