// NIST ACVP SLH-DSA (FIPS 205), modes keyGen and sigVer (ACVP-Server gen-val, "SLH-DSA" JSON specification):
//   keyGen: (skSeed, skPrf, pkSeed) -> slh_keygen_internal (Algorithm 18) -> sk and pk, both compared exactly;
//   sigVer: (pk, message, signature) -> slh_verify_internal (Algorithm 20) on the message as M' (the internal
//           interface, which these files test; SOURCES.md), whose decision must equal testPassed. Groups of the
//           external interface (newer files, not in ../shared/vectors) are skipped with that reason.
// sigGen sets are not in ../shared/vectors (SOURCES.md); FintechCrypto.Tests re-signs the valid sigVer cases instead.

using System;

namespace FintechCrypto.Testing;

internal sealed class SlhDsaAcvpHandler(string? mode) : AcvpHandler("SLH-DSA", mode, "keyGen", "sigVer")
{
    protected override bool IsKnownParameterSet(string? name)
    {
        if (name is null || !name.StartsWith("SLH-DSA-", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            SignatureAlgorithm.FromName(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    protected override string? ModeSkipReason(AcvpGroup group) =>
        Mode == "keyGen" || group.GetString("signatureInterface") is null or "internal"
            ? null
            : $"the SLH-DSA signature interface '{group.GetString("signatureInterface")}' is not supported";

    public override CaseOutcome Run(AcvpGroup group, AcvpTest test)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(group.ParameterSet!);
        return Mode == "keyGen" ? KeyGen(algorithm, test) : SigVer(algorithm, test);
    }

    private static CaseOutcome KeyGen(SignatureAlgorithm algorithm, AcvpTest test)
    {
        using SigningKey key = SignatureTesting.SlhDsaKeyGenInternalForTesting(algorithm, test.GetHex("skSeed"), test.GetHex("skPrf"), test.GetHex("pkSeed"));
        return CompareKeyPair(test, "pk", key.PublicKey.Export(KeyBlobFormat.RawPublicKey), "sk", () => key.Export(KeyBlobFormat.RawPrivateKey));
    }

    private static CaseOutcome SigVer(SignatureAlgorithm algorithm, AcvpTest test)
    {
        bool expected = test.GetBoolean("testPassed");
        using VerificationKey key = VerificationKey.Import(algorithm, test.GetHex("pk"), KeyBlobFormat.RawPublicKey);
        bool valid = SignatureTesting.SlhDsaVerifyInternalForTesting(key, test.GetHex("message"), test.GetHex("signature"));
        return Decision(test, expected, valid, "the signature verified", "the signature did not verify");
    }
}
