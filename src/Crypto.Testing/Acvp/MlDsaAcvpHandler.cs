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

namespace FintechCrypto.Testing;

internal sealed class MlDsaAcvpHandler(string? mode) : AcvpHandler("ML-DSA", mode, "keyGen", "sigGen", "sigVer")
{
    /// <summary>What a group signs or verifies (FIPS 204).</summary>
    private enum Form
    {
        /// <summary>M with a context: ML-DSA.Sign / Verify (Algorithms 2 and 3), the "external" "pure" groups.</summary>
        Pure,

        /// <summary>PH(M) with a context: HashML-DSA (Algorithms 4 and 5), the "external" "preHash" groups.</summary>
        PreHash,

        /// <summary>μ: Sign_internal / Verify_internal (Algorithms 7 and 8) with μ given, the "internal" externalMu groups.</summary>
        ExternalMu,

        /// <summary>M′: Sign_internal / Verify_internal on the message, the "internal" groups and those of the older revision.</summary>
        Internal,
    }

    protected override bool IsKnownParameterSet(string? name) => name is "ML-DSA-44" or "ML-DSA-65" or "ML-DSA-87";

    protected override string? ModeSkipReason(AcvpGroup group)
    {
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

    public override CaseOutcome Run(AcvpGroup group, AcvpTest test)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(group.ParameterSet!);
        return Mode switch
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
        return CompareKeyPair(test, "pk", key.PublicKey.Export(KeyBlobFormat.RawPublicKey), "sk", () => key.Export(KeyBlobFormat.RawPrivateKey));
    }

    private static CaseOutcome SigGen(SignatureAlgorithm algorithm, AcvpGroup group, AcvpTest test)
    {
        byte[] rnd = group.GetFlag("deterministic") ? new byte[MlDsaTesting.RandomnessSize] : test.GetHex("rnd");
        byte[] sk = test.GetHex("sk");
        byte[] signature;
        bool verified;
        using (SigningKey key = SigningKey.Import(algorithm, sk, KeyBlobFormat.RawPrivateKey))
        {
            CryptographicOperations.ZeroMemory(sk);
            if (ReadInput(group, test, out Form form, out byte[] data, out byte[] context, out HashAlgorithmName hash) is { } skip)
            {
                return skip;
            }

            signature = form switch
            {
                Form.Pure => MlDsaTesting.SignWithRandomnessForTesting(key, data, context, rnd),
                Form.PreHash => MlDsaTesting.SignPreHashWithRandomnessForTesting(key, data, hash, context, rnd),
                Form.ExternalMu => MlDsaTesting.SignExternalMuForTesting(key, data, rnd),
                _ => MlDsaTesting.SignInternalForTesting(key, data, rnd),
            };
            verified = Verify(key.PublicKey, form, data, context, hash, signature);
        }

        CaseOutcome outcome = CaseOutcome.Compare("signature", signature, test.GetHex("signature"));
        return outcome.Verdict != CaseVerdict.Accepted || verified
            ? outcome
            : CaseOutcome.WrongOutput("the expected signature came out, but the key's public key does not verify it");
    }

    private static CaseOutcome SigVer(SignatureAlgorithm algorithm, AcvpGroup group, AcvpTest test)
    {
        bool expected = test.GetBoolean("testPassed");
        using VerificationKey key = VerificationKey.Import(algorithm, test.GetHex("pk"), KeyBlobFormat.RawPublicKey);
        byte[] signature = test.GetHex("signature");
        if (ReadInput(group, test, out Form form, out byte[] data, out byte[] context, out HashAlgorithmName hash) is { } skip)
        {
            return skip;
        }

        return Decision(test, expected, Verify(key, form, data, context, hash, signature), "the signature verified", "the signature did not verify");
    }

    /// <summary>
    /// The group's form and the case's input to it: the message (PH(message) for pre-hash groups, μ for externalMu
    /// groups) and the context. A skip outcome when the case's pre-hash function is one the library lacks.
    /// </summary>
    private static CaseOutcome? ReadInput(AcvpGroup group, AcvpTest test, out Form form, out byte[] data, out byte[] context, out HashAlgorithmName hash)
    {
        hash = default;
        context = Array.Empty<byte>();
        if (group.GetString("signatureInterface") != "external")
        {
            form = group.GetFlag("externalMu") ? Form.ExternalMu : Form.Internal;
            data = test.GetHex(form == Form.ExternalMu ? "mu" : "message");
            return null;
        }

        data = test.GetHex("message");
        context = test.GetHexOrNull("context") ?? Array.Empty<byte>();
        form = group.GetString("preHash") == "preHash" ? Form.PreHash : Form.Pure;
        if (form == Form.Pure)
        {
            return null;
        }

        string acvpName = test.GetString("hashAlg") ?? throw JsonFields.Missing("hashAlg", test.Where);
        if (PreHashName(acvpName) is not { } preHash)
        {
            return CaseOutcome.Skipped($"the pre-hash '{acvpName}' is not supported");
        }

        hash = preHash;
        data = PreHashOf(hash, data);
        return null;
    }

    private static bool Verify(VerificationKey key, Form form, byte[] data, byte[] context, HashAlgorithmName hash, byte[] signature) => form switch
    {
        Form.Pure => key.Verify(data, signature, context),
        Form.PreHash => key.VerifyPreHash(data, hash, signature, context),
        Form.ExternalMu => MlDsaTesting.VerifyExternalMuForTesting(key, data, signature),
        _ => MlDsaTesting.VerifyInternalForTesting(key, data, signature),
    };

    /// <summary>PH(M) (FIPS 204 Algorithm 4 steps 10-22) with the library's pre-hash implementations.</summary>
    private static byte[] PreHashOf(HashAlgorithmName hash, byte[] message)
    {
        (_, int length) = PreHash.Describe(hash, nameof(hash));
        byte[] ph = new byte[length];
        PreHash.Compute(hash, message, ph);
        return ph;
    }
}
