// Wycheproof ML-KEM key generation (mlkem_keygen_seed_test_schema.json, type MLKEMKeyGen): the 64-byte seed d || z
// must give ek and the expanded dk of ML-KEM.KeyGen_internal (FIPS 203 Algorithm 16) exactly.

namespace FintechCrypto.Testing;

internal sealed class MlKemKeyGenFamily : IWycheproofFamily
{
    public string? GroupSkipReason(WycheproofGroup group) => MlKemParameters.SkipReason(group);

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        KemAlgorithm algorithm = MlKemParameters.Of(group);
        using DecapsulationKey key = DecapsulationKey.Import(algorithm, test.GetHex("seed"), KeyBlobFormat.PrivateKeySeed);
        CaseOutcome outcome = CaseOutcome.Compare("the encapsulation key", key.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), test.GetHex("ek"));
        return outcome.Verdict != CaseVerdict.Accepted ? outcome
            : CaseOutcome.Compare("the decapsulation key", key.Export(KeyBlobFormat.RawPrivateKey), test.GetHex("dk"));
    }
}
