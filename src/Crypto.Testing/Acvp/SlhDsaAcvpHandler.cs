// NIST ACVP SLH-DSA (FIPS 205), modes keyGen and sigVer (ACVP-Server gen-val, "SLH-DSA" JSON specification):
//   keyGen: (skSeed, skPrf, pkSeed) -> slh_keygen_internal (Algorithm 18) -> sk and pk, both compared exactly;
//   sigVer: (pk, message, signature) -> slh_verify_internal (Algorithm 20) on the message as M' (the internal
//           interface, which these files test; SOURCES.md), whose decision must equal testPassed. Groups of the
//           external interface (newer files, not in ../shared/vectors) are skipped with that reason.
// sigGen sets are not in ../shared/vectors (SOURCES.md); FintechCrypto.Tests re-signs the valid sigVer cases instead.

using System;
using System.Security.Cryptography;
using System.Text.Json;

namespace FintechCrypto.Testing;

internal sealed class SlhDsaAcvpHandler : IAcvpHandler
{
    public string? GroupSkipReason(AcvpVectorSet set, AcvpGroup group)
    {
        string? parameterSet = group.ParameterSet;
        if (parameterSet is null || !parameterSet.StartsWith("SLH-DSA-", StringComparison.Ordinal) || !IsKnown(parameterSet))
        {
            return $"the SLH-DSA parameter set '{parameterSet}' is not supported";
        }

        return set.Mode switch
        {
            "keyGen" => null,
            "sigVer" => group.GetString("signatureInterface") is null or "internal"
                ? null
                : $"the SLH-DSA signature interface '{group.GetString("signatureInterface")}' is not supported",
            _ => $"the SLH-DSA mode '{set.Mode}' is not supported",
        };
    }

    public CaseOutcome Run(AcvpVectorSet set, AcvpGroup group, AcvpTest test)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(group.ParameterSet!);
        return set.Mode == "keyGen" ? KeyGen(algorithm, test) : SigVer(algorithm, test);
    }

    private static bool IsKnown(string name)
    {
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

    private static CaseOutcome KeyGen(SignatureAlgorithm algorithm, AcvpTest test)
    {
        using SigningKey key = SignatureTesting.SlhDsaKeyGenInternalForTesting(algorithm, test.GetHex("skSeed"), test.GetHex("skPrf"), test.GetHex("pkSeed"));
        CaseOutcome pk = CaseOutcome.Compare("pk", key.PublicKey.Export(KeyBlobFormat.RawPublicKey), test.GetHex("pk"));
        if (pk.Verdict != CaseVerdict.Accepted)
        {
            return pk;
        }

        byte[] sk = key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            return CaseOutcome.Compare("sk", sk, test.GetHex("sk"));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sk);
        }
    }

    private static CaseOutcome SigVer(SignatureAlgorithm algorithm, AcvpTest test)
    {
        bool expected = TestPassed(test);
        using VerificationKey key = VerificationKey.Import(algorithm, test.GetHex("pk"), KeyBlobFormat.RawPublicKey);
        byte[] message = test.GetHex("message");
        byte[] signature = test.GetHex("signature");
        bool valid = SignatureTesting.SlhDsaVerifyInternalForTesting(key, message, signature);

        if (valid == expected)
        {
            return CaseOutcome.Accepted;
        }

        string reason = test.TryGet("reason", out JsonElement r) && r.ValueKind == JsonValueKind.String ? $" ({r.GetString()})" : string.Empty;
        return valid
            ? CaseOutcome.WrongOutput($"the signature verified, but testPassed is false{reason}")
            : CaseOutcome.Rejected($"the signature did not verify, but testPassed is true{reason}");
    }

    private static bool TestPassed(AcvpTest test)
    {
        if (test.TryGet("testPassed", out JsonElement value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        throw new VectorFileException($"{test.Where}: the field 'testPassed' is missing or not a boolean.");
    }
}
