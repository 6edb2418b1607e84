// The Wycheproof signature-verification schemas (eddsa_verify, ecdsa_verify, ecdsa_p1363_verify, rsassa_pss_verify,
// mldsa_verify): the group's public key, imported for each case, verifies msg and sig (with ctx where the case has
// one) through the public API; a false Verify is Rejected.

using System;

namespace FintechCrypto.Testing;

internal abstract class SignatureVerifyFamily(string refusal) : IWycheproofFamily
{
    public virtual string? GroupSkipReason(WycheproofGroup group) => null;

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        using VerificationKey key = ImportKey(group);
        CaseOutcome keyCheck = CheckKey(group, key);
        if (keyCheck.Verdict != CaseVerdict.Accepted)
        {
            return keyCheck;
        }

        bool valid = key.Verify(test.GetHex("msg"), test.GetHex("sig"), test.GetHexOrNull("ctx") ?? Array.Empty<byte>());
        return CaseOutcome.FromCheck(valid, refusal);
    }

    /// <summary>The group's public key.</summary>
    protected abstract VerificationKey ImportKey(WycheproofGroup group);

    /// <summary>A check of the imported key against the group's other encodings of it; Accepted when there is none.</summary>
    protected virtual CaseOutcome CheckKey(WycheproofGroup group, VerificationKey key) => CaseOutcome.Accepted;

    /// <summary>Null when the curve is the one the library has; otherwise the skip reason.</summary>
    internal static string? CurveSkipReason(string what, string? curve, string supported, string library) =>
        curve == supported ? null : $"{what} over '{curve}' is not supported (the library has {library} only)";
}
