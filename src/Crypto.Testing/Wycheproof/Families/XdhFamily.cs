// Wycheproof XDH (xdh_comp_schema_v1) for curve25519: raw 32-byte private scalars and public u-coordinates,
// RFC 7748 §5. The library refuses an all-zero shared secret (§6.1), so low-order public points are rejected.

namespace FintechCrypto.Testing;

internal sealed class XdhFamily : IWycheproofFamily
{
    public string? GroupSkipReason(WycheproofGroup group)
    {
        string? curve = group.GetString("curve");
        return curve == "curve25519" ? null : $"XDH over '{curve}' is not supported (the library has X25519 only)";
    }

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        using KeyAgreementKey key = KeyAgreementKey.Import(KeyAgreementAlgorithm.X25519, test.GetHex("private"), KeyBlobFormat.RawPrivateKey);
        using KeyAgreementPublicKey peer = KeyAgreementPublicKey.Import(KeyAgreementAlgorithm.X25519, test.GetHex("public"), KeyBlobFormat.RawPublicKey);
        return CaseOutcome.Compare("the shared secret", key.Agree(peer), test.GetHex("shared"));
    }
}
