// NIST ACVP ML-DSA (FIPS 204), modes keyGen, sigGen and sigVer (ACVP-Server gen-val, "ML-DSA" JSON specification):
//   keyGen: seed ξ -> ML-DSA.KeyGen_internal (Algorithm 6) -> pk and sk, both compared exactly;
//   sigGen: sk, message (and rnd) -> the signature, compared exactly and verified with the key's pk. Groups without a
//           signatureInterface (the older revision in ../shared/vectors, SOURCES.md) and "internal" groups sign the
//           message as M' with Sign_internal (Algorithm 7), or μ when externalMu; "external" groups sign with the
//           context as ML-DSA.Sign (Algorithm 2) or, for preHash, HashML-DSA.Sign (Algorithm 4) on PH(message).
//           rnd is 32 zero bytes in deterministic groups (FIPS 204 §3.4), the case's rnd otherwise;
//   sigVer: pk, message or μ, signature -> the decision, which must equal testPassed: "external"/pure through
//           VerificationKey.Verify with the context, "external"/preHash through VerifyPreHash on PH(message) with the
//           case's hashAlg, "internal" through Verify_internal (Algorithm 8) on the message as M', or on μ when
//           externalMu.

using System;
using System.Security.Cryptography;
using System.Text.Json;

namespace FintechCrypto.Testing;

internal sealed class MlDsaAcvpHandler : IAcvpHandler
{
    public string? GroupSkipReason(AcvpVectorSet set, AcvpGroup group)
    {
        if (group.ParameterSet is not ("ML-DSA-44" or "ML-DSA-65" or "ML-DSA-87"))
        {
            return $"the ML-DSA parameter set '{group.ParameterSet}' is not supported";
        }

        if (set.Mode is not ("keyGen" or "sigGen" or "sigVer"))
        {
            return $"the ML-DSA mode '{set.Mode}' is not supported";
        }

        string? signatureInterface = group.GetString("signatureInterface");
        if (signatureInterface is not (null or "internal" or "external"))
        {
            return $"the ML-DSA signature interface '{signatureInterface}' is not supported";
        }

        string? preHash = group.GetString("preHash");
        return signatureInterface == "external" && preHash is not ("pure" or "preHash")
            ? $"the ML-DSA preHash mode '{preHash}' is not supported"
            : null;
    }

    public CaseOutcome Run(AcvpVectorSet set, AcvpGroup group, AcvpTest test)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(group.ParameterSet!);
        return set.Mode switch
        {
            "keyGen" => KeyGen(algorithm, test),
            "sigGen" => SigGen(algorithm, group, test),
            _ => SigVer(algorithm, group, test),
        };
    }

    /// <summary>ACVP's hashAlg names for the pre-hash functions, mapped to the names of <see cref="SigningKey.SignPreHash"/>.</summary>
    internal static HashAlgorithmName? PreHashName(string acvpName) => acvpName switch
    {
        "SHA2-224" => new HashAlgorithmName("SHA224"),
        "SHA2-256" => HashAlgorithmName.SHA256,
        "SHA2-384" => HashAlgorithmName.SHA384,
        "SHA2-512" => HashAlgorithmName.SHA512,
        "SHA2-512/224" => new HashAlgorithmName("SHA512/224"),
        "SHA2-512/256" => new HashAlgorithmName("SHA512/256"),
        "SHA3-224" => new HashAlgorithmName("SHA3-224"),
        "SHA3-256" => new HashAlgorithmName("SHA3-256"),
        "SHA3-384" => new HashAlgorithmName("SHA3-384"),
        "SHA3-512" => new HashAlgorithmName("SHA3-512"),
        "SHAKE-128" => new HashAlgorithmName("SHAKE128"),
        "SHAKE-256" => new HashAlgorithmName("SHAKE256"),
        _ => null,
    };

    private static CaseOutcome KeyGen(SignatureAlgorithm algorithm, AcvpTest test)
    {
        using SigningKey key = SigningKey.Import(algorithm, test.GetHex("seed"), KeyBlobFormat.PrivateKeySeed);
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

    private static CaseOutcome SigGen(SignatureAlgorithm algorithm, AcvpGroup group, AcvpTest test)
    {
        byte[] rnd = GroupFlag(group, "deterministic") ? new byte[MlDsaTesting.RandomnessSize] : test.GetHex("rnd");
        byte[] sk = test.GetHex("sk");
        byte[] signature;
        bool verified;
        using (SigningKey key = SigningKey.Import(algorithm, sk, KeyBlobFormat.RawPrivateKey))
        {
            CryptographicOperations.ZeroMemory(sk);
            VerificationKey pk = key.PublicKey;
            if (group.GetString("signatureInterface") == "external")
            {
                byte[] message = test.GetHex("message");
                byte[] context = Context(test);
                if (group.GetString("preHash") == "preHash")
                {
                    HashAlgorithmName? hash = HashOf(test, out CaseOutcome? skip);
                    if (hash is null)
                    {
                        return skip!.Value;
                    }

                    byte[] ph = PreHashOf(hash.Value, message);
                    signature = MlDsaTesting.SignPreHashWithRandomnessForTesting(key, ph, hash.Value, context, rnd);
                    verified = pk.VerifyPreHash(ph, hash.Value, signature, context);
                }
                else
                {
                    signature = MlDsaTesting.SignWithRandomnessForTesting(key, message, context, rnd);
                    verified = pk.Verify(message, signature, context);
                }
            }
            else if (GroupFlag(group, "externalMu"))
            {
                byte[] mu = test.GetHex("mu");
                signature = MlDsaTesting.SignExternalMuForTesting(key, mu, rnd);
                verified = MlDsaTesting.VerifyExternalMuForTesting(pk, mu, signature);
            }
            else
            {
                byte[] message = test.GetHex("message");
                signature = MlDsaTesting.SignInternalForTesting(key, message, rnd);
                verified = MlDsaTesting.VerifyInternalForTesting(pk, message, signature);
            }
        }

        CaseOutcome outcome = CaseOutcome.Compare("signature", signature, test.GetHex("signature"));
        return outcome.Verdict != CaseVerdict.Accepted || verified
            ? outcome
            : CaseOutcome.WrongOutput("the expected signature came out, but the key's public key does not verify it");
    }

    private static CaseOutcome SigVer(SignatureAlgorithm algorithm, AcvpGroup group, AcvpTest test)
    {
        bool expected = TestPassed(test);
        using VerificationKey key = VerificationKey.Import(algorithm, test.GetHex("pk"), KeyBlobFormat.RawPublicKey);
        byte[] signature = test.GetHex("signature");
        bool valid;
        if (group.GetString("signatureInterface") == "external")
        {
            byte[] message = test.GetHex("message");
            byte[] context = Context(test);
            if (group.GetString("preHash") == "preHash")
            {
                HashAlgorithmName? hash = HashOf(test, out CaseOutcome? skip);
                if (hash is null)
                {
                    return skip!.Value;
                }

                valid = key.VerifyPreHash(PreHashOf(hash.Value, message), hash.Value, signature, context);
            }
            else
            {
                valid = key.Verify(message, signature, context);
            }
        }
        else
        {
            valid = GroupFlag(group, "externalMu")
                ? MlDsaTesting.VerifyExternalMuForTesting(key, test.GetHex("mu"), signature)
                : MlDsaTesting.VerifyInternalForTesting(key, test.GetHex("message"), signature);
        }

        if (valid == expected)
        {
            return CaseOutcome.Accepted;
        }

        string reason = test.TryGet("reason", out JsonElement r) && r.ValueKind == JsonValueKind.String ? $" ({r.GetString()})" : string.Empty;
        return valid
            ? CaseOutcome.WrongOutput($"the signature verified, but testPassed is false{reason}")
            : CaseOutcome.Rejected($"the signature did not verify, but testPassed is true{reason}");
    }

    /// <summary>The case's context (empty when absent, as in the internal interface).</summary>
    private static byte[] Context(AcvpTest test) => test.TryGet("context", out _) ? test.GetHex("context") : Array.Empty<byte>();

    private static HashAlgorithmName? HashOf(AcvpTest test, out CaseOutcome? skip)
    {
        string acvpName = test.TryGet("hashAlg", out JsonElement h) && h.ValueKind == JsonValueKind.String
            ? h.GetString()!
            : throw new VectorFileException($"{test.Where}: the field 'hashAlg' is missing or not a string.");
        HashAlgorithmName? hash = PreHashName(acvpName);
        skip = hash is null ? CaseOutcome.Skipped($"the pre-hash '{acvpName}' is not supported") : null;
        return hash;
    }

    /// <summary>PH(M) (FIPS 204 Algorithm 4 steps 10-22) with the library's pre-hash implementations.</summary>
    private static byte[] PreHashOf(HashAlgorithmName hash, byte[] message)
    {
        (_, int length) = PreHash.Describe(hash, nameof(hash));
        byte[] ph = new byte[length];
        PreHash.Compute(hash, message, ph);
        return ph;
    }

    private static bool GroupFlag(AcvpGroup group, string name) =>
        JsonFields.TryGet(group.Json, name, out JsonElement value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new VectorFileException($"{group.Where}: the field '{name}' must be a boolean."),
        };

    private static bool TestPassed(AcvpTest test)
    {
        if (test.TryGet("testPassed", out JsonElement value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        throw new VectorFileException($"{test.Where}: the field 'testPassed' is missing or not a boolean.");
    }
}
