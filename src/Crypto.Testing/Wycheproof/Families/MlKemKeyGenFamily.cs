// Wycheproof ML-KEM key generation (mlkem_keygen_seed_test_schema.json, type MLKEMKeyGen): the 64-byte seed d || z
// must give ek and the expanded dk of ML-KEM.KeyGen_internal (FIPS 203 Algorithm 16) exactly.

namespace FintechCrypto.Testing;

internal sealed class MlKemKeyGenFamily : MlKemFamilyBase
{
    protected override CaseOutcome Run(KemAlgorithm algorithm, WycheproofTest test)
    {
        using DecapsulationKey key = DecapsulationKey.Import(algorithm, test.GetHex("seed"), KeyBlobFormat.PrivateKeySeed);
        return CaseOutcome.Compare("the encapsulation key", key.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), test.GetHex("ek"))
            .Then(() => CaseOutcome.Compare("the decapsulation key", key.Export(KeyBlobFormat.RawPrivateKey), test.GetHex("dk")));
    }
}
