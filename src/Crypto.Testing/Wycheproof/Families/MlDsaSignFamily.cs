// Wycheproof ML-DSA signing (C2SP/wycheproof schemas mldsa_signseed_schema.json and mldsa_sign_noseed_schema.json,
// test type MlDsaSign, cases per mldsa_sign_common.json). The group's key is imported: the 32-byte seed ξ
// (privateSeed, KeyGen_internal, FIPS 204 Algorithm 6; its PKCS#8 seed form privateKeyPkcs8 must give the same key)
// or the FIPS 204 sk encoding (privateKey, skDecode with the range and consistency checks on s1, s2, t0 and tr).
// When the group gives publicKey, the key's pk must equal it. Each case then signs and the signature must equal sig
// exactly, and verify:
//   msg without rnd:   ML-DSA.Sign deterministic (rnd = 0³², FIPS 204 §3.4) through the public API with ctx;
//   msg with rnd:      ML-DSA.Sign with that rnd (the "Randomized" cases), through MlDsaTesting;
//   no msg ("Internal"): Sign_internal from the given μ (FIPS 204 Algorithm 7 with μ supplied), through MlDsaTesting;
// and where the case lists μ beside msg, H(tr ‖ M', 64) must equal it. The invalid cases are refused: a seed or sk
// of the wrong length and an sk with s1 or s2 out of range at import (InvalidKeyEncodingException), a context longer
// than 255 bytes by Sign (ArgumentException; FIPS 204 §5.2).

using System;

namespace FintechCrypto.Testing;

/// <param name="algorithm">The file's parameter set.</param>
/// <param name="seed">True for mldsa_signseed_schema (privateSeed), false for mldsa_sign_noseed_schema (privateKey).</param>
internal sealed class MlDsaSignFamily(SignatureAlgorithm algorithm, bool seed) : IWycheproofFamily
{
    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        using SigningKey key = ImportKey(group, out CaseOutcome keyOutcome);
        if (keyOutcome.Verdict != CaseVerdict.Accepted)
        {
            return keyOutcome;
        }

        VerificationKey publicKey = key.PublicKey;
        byte[] expected = test.GetHex("sig");
        byte[]? mu = test.GetHexOrNull("mu");
        byte[]? message = test.GetHexOrNull("msg");
        byte[] rnd = test.GetHexOrNull("rnd") ?? new byte[MlDsaTesting.RandomnessSize];
        byte[] signature;
        bool verified;
        if (message is null)
        {
            if (mu is null)
            {
                throw new VectorFileException($"{group.Where} tcId {test.TcId}: a case needs msg or mu.");
            }

            signature = MlDsaTesting.SignExternalMuForTesting(key, mu, rnd);
            verified = MlDsaTesting.VerifyExternalMuForTesting(publicKey, mu, signature);
        }
        else
        {
            byte[] context = test.GetHexOrNull("ctx") ?? Array.Empty<byte>();
            if (test.GetHexOrNull("rnd") is null)
            {
                signature = new byte[algorithm.SignatureSize];
                key.Sign(message, signature, context, SigningMode.Deterministic);
            }
            else
            {
                signature = MlDsaTesting.SignWithRandomnessForTesting(key, message, context, rnd);
            }

            verified = publicKey.Verify(message, signature, context);
            if (mu is not null)
            {
                CaseOutcome muOutcome = CaseOutcome.Compare("μ = H(tr ‖ M', 64)", MlDsaTesting.ComputeMuForTesting(publicKey, message, context), mu);
                if (muOutcome.Verdict != CaseVerdict.Accepted)
                {
                    return muOutcome;
                }
            }
        }

        CaseOutcome outcome = CaseOutcome.Compare("the signature", signature, expected);
        return outcome.Verdict != CaseVerdict.Accepted || verified
            ? outcome
            : CaseOutcome.WrongOutput("the expected signature came out, but the key's public key does not verify it");
    }

    private SigningKey ImportKey(WycheproofGroup group, out CaseOutcome outcome)
    {
        SigningKey key = seed
            ? SigningKey.Import(algorithm, group.GetHex("privateSeed"), KeyBlobFormat.PrivateKeySeed)
            : SigningKey.Import(algorithm, group.GetHex("privateKey"), KeyBlobFormat.RawPrivateKey);
        try
        {
            byte[] pk = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
            outcome = CaseOutcome.Accepted;
            byte[]? expectedPk = group.GetHexOrNull("publicKey");
            if (expectedPk is not null)
            {
                outcome = CaseOutcome.Compare("the public key", pk, expectedPk);
            }

            byte[]? pkcs8 = seed ? group.GetHexOrNull("privateKeyPkcs8") : null;
            if (outcome.Verdict == CaseVerdict.Accepted && pkcs8 is not null)
            {
                // RFC 9881's seed form of the same ξ: the same key pair.
                using SigningKey fromPkcs8 = SigningKey.Import(algorithm, pkcs8, KeyBlobFormat.Pkcs8PrivateKey);
                outcome = CaseOutcome.Compare("the public key of privateKeyPkcs8", fromPkcs8.PublicKey.Export(KeyBlobFormat.RawPublicKey), pk);
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
