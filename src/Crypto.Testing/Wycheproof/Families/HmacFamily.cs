// Wycheproof MAC (mac_test_schema_v1) for HMAC-SHA-2: the tag is the leftmost tagSize bits of the HMAC
// (RFC 2104 §5). Verify checks it (truncated tags of 16 bytes or more); for an accepted tag, Compute's prefix must
// also equal it.

using System;

namespace FintechCrypto.Testing;

internal sealed class HmacFamily(MacAlgorithm algorithm) : IWycheproofFamily
{
    public string? GroupSkipReason(WycheproofGroup group)
    {
        int tagBits = group.GetInt32("tagSize");
        return tagBits % 8 == 0 && tagBits / 8 >= MacAlgorithm.MinTruncatedMacSize && tagBits / 8 <= algorithm.MacSize
            ? null
            : $"{tagBits}-bit tags are not supported (the library checks tags of {MacAlgorithm.MinTruncatedMacSize} to {algorithm.MacSize} bytes)";
    }

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        byte[] key = test.GetHex("key");
        byte[] msg = test.GetHex("msg");
        byte[] tag = test.GetHex("tag");
        if (!algorithm.Verify(key, msg, tag))
        {
            return CaseOutcome.Rejected("Verify returned false");
        }

        byte[] full = algorithm.Compute(key, msg);
        return CaseOutcome.Compare("the tag prefix from Compute", full.AsSpan(0, Math.Min(tag.Length, full.Length)), tag);
    }
}
