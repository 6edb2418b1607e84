// Wycheproof HKDF (hkdf_test_schema_v1): RFC 5869 extract-then-expand; an output longer than 255 * HashLen
// (§2.3) is refused with ArgumentException, which counts as rejected.

namespace FintechCrypto.Testing;

internal sealed class HkdfFamily(KdfAlgorithm algorithm) : IWycheproofFamily
{
    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        byte[] okm = algorithm.DeriveKey(test.GetHex("ikm"), test.GetHex("salt"), test.GetHex("info"), test.GetInt32("size"));
        return CaseOutcome.Compare("the output keying material", okm, test.GetHex("okm"));
    }
}
