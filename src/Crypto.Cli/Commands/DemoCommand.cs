// `fintechcrypto demo` (cli.md, "Demo"): one end-to-end use of each capability the library has today, with an
// account for people on stderr and {"steps": [{"name", "ok"}]} on stdout. It prints no secret material: only
// sizes, public values and short fingerprints.

using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using FintechCrypto.Threshold;

namespace FintechCrypto.Cli.Commands;

/// <summary>The demo tour.</summary>
internal static class DemoCommand
{
    /// <summary>A sample ISO 20022 pacs.008-like credit transfer (illustrative data only).</summary>
    private const string PaymentMessage =
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf>" +
        "<GrpHdr><MsgId>FCDEMO-20250101-0001</MsgId><CreDtTm>2025-01-01T09:30:00Z</CreDtTm><NbOfTxs>1</NbOfTxs>" +
        "<SttlmInf><SttlmMtd>CLRG</SttlmMtd></SttlmInf></GrpHdr>" +
        "<CdtTrfTxInf><PmtId><EndToEndId>E2E-0001</EndToEndId></PmtId>" +
        "<IntrBkSttlmAmt Ccy=\"EUR\">1250.00</IntrBkSttlmAmt>" +
        "<Dbtr><Nm>Alice Example GmbH</Nm></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>" +
        "<Cdtr><Nm>Bob Example SARL</Nm></Cdtr><CdtrAcct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></CdtrAcct>" +
        "</CdtTrfTxInf></FIToFICstmrCdtTrf></Document>";

    private static readonly byte[] s_payment = Encoding.UTF8.GetBytes(PaymentMessage);

    public static int Run(Arguments a, TextWriter stdout, TextWriter stderr)
    {
        var steps = new (string Name, Func<TextWriter, bool> Body)[]
        {
            ("Ed25519 sign/verify", log => SignVerify(SignatureAlgorithm.Ed25519, SigningMode.Default, log)),
            ("ECDSA-P256-SHA256 sign/verify", log => SignVerify(SignatureAlgorithm.EcdsaP256Sha256, SigningMode.Deterministic, log)),
            ("RSA-PSS-2048-SHA256 sign/verify", log => SignVerify(SignatureAlgorithm.RsaPss2048Sha256, SigningMode.Default, log)),
            ("ML-DSA-65 sign/verify (post-quantum)", log => SignVerify(SignatureAlgorithm.MlDsa65, SigningMode.Deterministic, log)),
            ("SLH-DSA-SHAKE-128f sign/verify (post-quantum, hash-based)", log => SignVerify(SignatureAlgorithm.SlhDsaShake_128f, SigningMode.Default, log)),
            ("X25519 key agreement", log => Agree(KeyAgreementAlgorithm.X25519, log, out _)),
            ("ECDH-P256 key agreement", log => Agree(KeyAgreementAlgorithm.EcdhP256, log, out _)),
            ("ML-KEM-768 encapsulation", log => Kem(KemAlgorithm.MlKem768, log)),
            ("X-Wing hybrid encapsulation", log => Kem(KemAlgorithm.XWing, log)),
            ("HKDF-SHA256 + AES-256-GCM payment encryption", HkdfAesGcm),
            ("ChaCha20-Poly1305 encryption", ChaCha),
            ("HMAC-SHA256", Hmac),
            ("PEM key export/import", PemRoundTrip),
            ("FROST(Ed25519) 2-of-3 threshold signature", FrostEd25519),
            ("QKD + ML-KEM-768 hybrid session over the embedded ETSI 014 KME", log => DemoQkdStep.Run(s_payment, log)),
        };

        stderr.WriteLine("FintechCrypto demo: one pass through each capability.");
        var results = new List<(string Name, bool Ok)>();
        foreach ((string name, Func<TextWriter, bool> body) in steps)
        {
            stderr.WriteLine();
            stderr.WriteLine($"== {name}");
            bool ok;
            try
            {
                ok = body(stderr);
            }
            catch (CryptographicException e)
            {
                stderr.WriteLine($"   error: {e.GetType().Name}: {e.Message}");
                ok = false;
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"   error: {e.GetType().Name}: {e.Message}");
                ok = false;
            }

            stderr.WriteLine(ok ? "   -> ok" : "   -> FAILED");
            results.Add((name, ok));
        }

        bool allOk = results.TrueForAll(r => r.Ok);
        stderr.WriteLine();
        stderr.WriteLine(allOk ? "All steps ok." : "Some steps FAILED.");
        JsonOutput.WriteObject(stdout, w =>
        {
            w.WriteStartArray("steps");
            foreach ((string name, bool ok) in results)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteBoolean("ok", ok);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
        return allOk ? ExitCodes.Success : ExitCodes.VectorFailures; // a run with failures, like a vector run
    }

    private static bool SignVerify(SignatureAlgorithm alg, SigningMode mode, TextWriter log)
    {
        using SigningKey key = SigningKey.Generate(alg);
        byte[] signature = key.Sign(s_payment, mode);
        bool valid = key.PublicKey.Verify(s_payment, signature);
        byte[] tampered = Tamper(s_payment);
        bool tamperedValid = key.PublicKey.Verify(tampered, signature);
        log.WriteLine($"   signed the {s_payment.Length}-byte payment message: {signature.Length}-byte signature {Fingerprint(signature)}");
        log.WriteLine($"   verifies under the public key: {valid}; a one-bit change of the message verifies: {tamperedValid}");
        bool ok = valid && !tamperedValid;
        if (mode == SigningMode.Deterministic)
        {
            bool same = key.Sign(s_payment, mode).AsSpan().SequenceEqual(signature);
            log.WriteLine($"   deterministic signing (RFC 6979 / FIPS 204 rnd = 0) gives the same signature twice: {same}");
            ok &= same;
        }

        return ok;
    }

    private static bool Agree(KeyAgreementAlgorithm alg, TextWriter log, out byte[] shared)
    {
        using KeyAgreementKey alice = KeyAgreementKey.Generate(alg);
        using KeyAgreementKey bob = KeyAgreementKey.Generate(alg);
        byte[] aliceSide = alice.Agree(bob.PublicKey);
        byte[] bobSide = bob.Agree(alice.PublicKey);
        bool equal = CryptographicOperations.FixedTimeEquals(aliceSide, bobSide);
        log.WriteLine($"   Alice and Bob each derived a {aliceSide.Length}-byte shared secret; both sides equal: {equal}");
        CryptographicOperations.ZeroMemory(bobSide);
        shared = aliceSide;
        return equal;
    }

    private static bool Kem(KemAlgorithm alg, TextWriter log)
    {
        using DecapsulationKey bank = DecapsulationKey.Generate(alg);
        byte[] published = bank.Export(KeyBlobFormat.RawPublicKey);
        using EncapsulationKey received = EncapsulationKey.Import(alg, published, KeyBlobFormat.RawPublicKey);
        byte[] ciphertext = received.Encapsulate(out byte[] senderSecret);
        byte[] bankSecret = bank.Decapsulate(ciphertext);
        bool equal = CryptographicOperations.FixedTimeEquals(senderSecret, bankSecret);
        byte[] rejected = bank.Decapsulate(Tamper(ciphertext));
        bool differs = !CryptographicOperations.FixedTimeEquals(rejected, bankSecret);
        log.WriteLine($"   the bank published a {published.Length}-byte encapsulation key; the sender's {ciphertext.Length}-byte ciphertext carries a {senderSecret.Length}-byte secret");
        log.WriteLine($"   both sides hold the same secret: {equal}; a one-bit change of the ciphertext gives an unrelated (implicit-rejection) secret: {differs}");
        CryptographicOperations.ZeroMemory(senderSecret);
        CryptographicOperations.ZeroMemory(bankSecret);
        return equal && differs;
    }

    private static bool HkdfAesGcm(TextWriter log)
    {
        if (!Agree(KeyAgreementAlgorithm.X25519, log, out byte[] shared))
        {
            return false;
        }

        // RFC 5869: extract-and-expand the shared secret into a 32-byte AES-256-GCM key, bound to its use by info.
        byte[] salt = RandomNumberGenerator.GetBytes(32);
        byte[] keyBytes = KdfAlgorithm.HkdfSha256.DeriveKey(shared, salt, Encoding.ASCII.GetBytes("FintechCrypto demo pacs.008 v1"), 32);
        CryptographicOperations.ZeroMemory(shared);
        using AeadKey key = AeadKey.Import(AeadAlgorithm.Aes256Gcm, keyBytes, KeyBlobFormat.RawPrivateKey);
        CryptographicOperations.ZeroMemory(keyBytes);
        log.WriteLine("   HKDF-SHA256 turned the X25519 secret into an AES-256-GCM key");
        return SealOpen(key, log);
    }

    private static bool ChaCha(TextWriter log)
    {
        using AeadKey key = AeadKey.Generate(AeadAlgorithm.ChaCha20Poly1305);
        return SealOpen(key, log);
    }

    private static bool SealOpen(AeadKey key, TextWriter log)
    {
        byte[] nonce = RandomNumberGenerator.GetBytes(key.Algorithm.NonceSize);
        byte[] header = Encoding.ASCII.GetBytes("MsgId=FCDEMO-20250101-0001");
        byte[] sealedMessage = key.Encrypt(nonce, s_payment, header);
        bool roundTrip = key.TryDecrypt(nonce, sealedMessage, header, out byte[]? opened) && opened.AsSpan().SequenceEqual(s_payment);
        key.TryDecrypt(nonce, Tamper(sealedMessage), header, out byte[]? tampered);
        key.TryDecrypt(nonce, sealedMessage, Tamper(header), out byte[]? wrongHeader);
        log.WriteLine($"   {key.Algorithm.Name}: {s_payment.Length}-byte payment message -> {sealedMessage.Length} bytes (ciphertext + {key.Algorithm.TagSize}-byte tag)");
        log.WriteLine($"   decrypts to the original: {roundTrip}; a changed ciphertext is rejected: {tampered is null}; a changed header is rejected: {wrongHeader is null}");
        return roundTrip && tampered is null && wrongHeader is null;
    }

    private static bool Hmac(TextWriter log)
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        byte[] mac = MacAlgorithm.HmacSha256.Compute(key, s_payment);
        bool valid = MacAlgorithm.HmacSha256.Verify(key, s_payment, mac);
        bool tamperedValid = MacAlgorithm.HmacSha256.Verify(key, Tamper(s_payment), mac);
        CryptographicOperations.ZeroMemory(key);
        log.WriteLine($"   {mac.Length}-byte tag {Fingerprint(mac)}; verifies: {valid}; a changed message verifies: {tamperedValid}");
        return valid && !tamperedValid;
    }

    private static bool PemRoundTrip(TextWriter log)
    {
        bool ok = true;
        foreach (SignatureAlgorithm alg in new[] { SignatureAlgorithm.Ed25519, SignatureAlgorithm.EcdsaP256Sha256 })
        {
            using SigningKey original = SigningKey.Generate(alg);
            byte[] privatePem = original.Export(KeyBlobFormat.PemPkcs8PrivateKey);
            byte[] publicPem = original.PublicKey.Export(KeyBlobFormat.PemSubjectPublicKeyInfo);
            using SigningKey imported = SigningKey.Import(alg, privatePem, KeyBlobFormat.PemPkcs8PrivateKey);
            CryptographicOperations.ZeroMemory(privatePem);
            using VerificationKey importedPublic = VerificationKey.Import(alg, publicPem, KeyBlobFormat.PemSubjectPublicKeyInfo);
            byte[] signature = imported.Sign(s_payment);
            bool crossValid = original.PublicKey.Verify(s_payment, signature) && importedPublic.Verify(s_payment, signature);
            bool samePublic = importedPublic.Export(KeyBlobFormat.SubjectPublicKeyInfo).AsSpan()
                .SequenceEqual(original.PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo));
            string firstLine = Encoding.ASCII.GetString(publicPem).Split('\n')[0];
            log.WriteLine($"   {alg.Name}: PKCS#8 PEM and '{firstLine}' re-imported; same public key: {samePublic}; signature of the re-imported key verifies: {crossValid}");
            ok &= crossValid && samePublic;
        }

        return ok;
    }

    /// <summary>
    /// FROST(Ed25519, SHA-512), RFC 9591: a trusted dealer shares a key among three approvers (Appendix C), two of
    /// them sign in two rounds (§5.1, §5.2), the coordinator verifies their shares and aggregates (§5.3, §5.4), and
    /// the result verifies as an ordinary RFC 8032 Ed25519 signature under the group key.
    /// </summary>
    private static bool FrostEd25519(TextWriter log)
    {
        FrostCiphersuite suite = FrostCiphersuite.Ed25519;
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, minSigners: 2, maxSigners: 3);
        var keyPackages = new List<FrostKeyPackage>();
        var nonces = new List<FrostSigningNonces>();
        try
        {
            foreach (FrostSecretShare share in dealt.SecretShares)
            {
                keyPackages.Add(share.ToKeyPackage()); // checks the share against the dealer's VSS commitment
            }

            byte[] groupKey = dealt.PublicKeyPackage.GroupVerifyingKey.ToArray();
            log.WriteLine($"   the dealer split a group key {Fingerprint(groupKey)} into 3 shares, any 2 of which sign");

            // Approvers 1 and 3 sign; approver 2 takes no part.
            FrostKeyPackage[] signers = [keyPackages[0], keyPackages[2]];
            var commitments = new List<KeyValuePair<FrostIdentifier, FrostSigningCommitments>>();
            foreach (FrostKeyPackage signer in signers)
            {
                (FrostSigningNonces n, FrostSigningCommitments c) = FrostParticipant.Commit(signer);
                nonces.Add(n);
                commitments.Add(new(signer.Identifier, c));
            }

            var package = new FrostSigningPackage(commitments, s_payment);
            var shares = new List<KeyValuePair<FrostIdentifier, FrostSignatureShare>>();
            for (int i = 0; i < signers.Length; i++)
            {
                shares.Add(new(signers[i].Identifier, FrostParticipant.Sign(package, nonces[i], signers[i])));
            }

            byte[] signature = FrostCoordinator.Aggregate(package, shares, dealt.PublicKeyPackage);
            using VerificationKey ed25519 = VerificationKey.Import(SignatureAlgorithm.Ed25519, groupKey, KeyBlobFormat.RawPublicKey);
            bool valid = ed25519.Verify(s_payment, signature);
            bool tamperedValid = ed25519.Verify(Tamper(s_payment), signature);
            log.WriteLine($"   approvers 1 and 3 signed the payment message in two rounds: {signature.Length}-byte signature {Fingerprint(signature)}");
            log.WriteLine($"   verifies as a plain Ed25519 signature under the group key: {valid}; a one-bit change of the message verifies: {tamperedValid}");
            return valid && !tamperedValid;
        }
        finally
        {
            foreach (FrostSigningNonces n in nonces)
            {
                n.Dispose();
            }

            foreach (FrostKeyPackage keyPackage in keyPackages)
            {
                keyPackage.Dispose();
            }
        }
    }

    private static byte[] Tamper(byte[] data)
    {
        byte[] copy = (byte[])data.Clone();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }

    private static string Fingerprint(byte[] publicValue) => Hex.Encode(publicValue.AsSpan(0, Math.Min(8, publicValue.Length))) + "...";
}
