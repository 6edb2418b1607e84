// One source, compiled twice: into FintechCrypto.Benchmarks.BeforeAfter against this checkout's library (namespace
// ...After) and into FintechCrypto.Benchmarks.BeforeAfter.Baseline against a baseline build of the library whose
// assemblies carry the suffix ".Baseline" (namespace ...Before; see build-baseline.sh). Where the public API was
// renamed between the two, `#if BASELINE_API` picks the baseline's spelling (defined for the Before side, and for the
// After side with -p:AfterHasBaselineApi=true when both sides are the same revision: an A/A check of the method); the
// work measured is the same.

using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Simulator;
using FintechCrypto.Threshold;
#if BEFORE
namespace FintechCrypto.Benchmarks.BeforeAfter.Before;
#else
namespace FintechCrypto.Benchmarks.BeforeAfter.After;
#endif

/// <summary>The operations measured before and after a refactor, by name; each returns a value so none is elided.</summary>
public static class Operations
{
    /// <summary>Every operation's name, in report order.</summary>
    public static readonly string[] Names =
    [
        "Ed25519 sign", "Ed25519 verify", "Ed25519 import+verify",
        "ECDSA-P256 sign", "ECDSA-P256 verify",
        "RSA-PSS-2048 sign", "RSA-PSS-2048 verify",
        "ML-DSA-65 keygen", "ML-DSA-65 sign", "ML-DSA-65 verify",
        "SLH-DSA-SHA2-128f sign", "SLH-DSA-SHA2-128f verify", "SLH-DSA-SHAKE-128f verify",
        "ML-KEM-768 keygen", "ML-KEM-768 encaps", "ML-KEM-768 decaps",
        "X-Wing encaps", "X-Wing decaps",
        "X25519 agree", "ECDH-P256 agree",
        "AES-256-GCM seal 1K", "AES-256-GCM open 1K", "ChaCha20-Poly1305 seal 1K", "ChaCha20-Poly1305 open 1K",
        "HMAC-SHA256 1K", "HKDF-SHA256 32",
        "FROST-Ed25519 2-of-3 sign", "FROST-P256 2-of-3 sign", "FROST-Ed25519 dealer 2-of-3",
        "QKD protect+unprotect 4K",
    ];

    /// <summary>Sets up the named operation and returns it, ready to be called repeatedly.</summary>
    public static Func<int> Create(string name)
    {
        byte[] message = new byte[1024];
        RandomNumberGenerator.Fill(message);
        return name switch
        {
            "Ed25519 sign" => Sign(SignatureAlgorithm.Ed25519, message),
            "Ed25519 verify" => Verify(SignatureAlgorithm.Ed25519, message),
            "Ed25519 import+verify" => ImportVerify(SignatureAlgorithm.Ed25519, message),
            "ECDSA-P256 sign" => Sign(SignatureAlgorithm.EcdsaP256Sha256, message),
            "ECDSA-P256 verify" => Verify(SignatureAlgorithm.EcdsaP256Sha256, message),
            "RSA-PSS-2048 sign" => Sign(SignatureAlgorithm.RsaPss2048Sha256, message),
            "RSA-PSS-2048 verify" => Verify(SignatureAlgorithm.RsaPss2048Sha256, message),
            "ML-DSA-65 keygen" => () => { using SigningKey k = SigningKey.Generate(SignatureAlgorithm.MlDsa65); return 1; },
            "ML-DSA-65 sign" => Sign(SignatureAlgorithm.MlDsa65, message),
            "ML-DSA-65 verify" => Verify(SignatureAlgorithm.MlDsa65, message),
            "SLH-DSA-SHA2-128f sign" => Sign(SignatureAlgorithm.SlhDsaSha2_128f, message),
            "SLH-DSA-SHA2-128f verify" => Verify(SignatureAlgorithm.SlhDsaSha2_128f, message),
            "SLH-DSA-SHAKE-128f verify" => Verify(SignatureAlgorithm.SlhDsaShake_128f, message),
            "ML-KEM-768 keygen" => () => { using DecapsulationKey k = DecapsulationKey.Generate(KemAlgorithm.MlKem768); return 1; },
            "ML-KEM-768 encaps" => Encapsulate(KemAlgorithm.MlKem768),
            "ML-KEM-768 decaps" => Decapsulate(KemAlgorithm.MlKem768),
            "X-Wing encaps" => Encapsulate(KemAlgorithm.XWing),
            "X-Wing decaps" => Decapsulate(KemAlgorithm.XWing),
            "X25519 agree" => Agree(KeyAgreementAlgorithm.X25519),
            "ECDH-P256 agree" => Agree(KeyAgreementAlgorithm.EcdhP256),
            "AES-256-GCM seal 1K" => Seal(AeadAlgorithm.Aes256Gcm, message),
            "AES-256-GCM open 1K" => Open(AeadAlgorithm.Aes256Gcm, message),
            "ChaCha20-Poly1305 seal 1K" => Seal(AeadAlgorithm.ChaCha20Poly1305, message),
            "ChaCha20-Poly1305 open 1K" => Open(AeadAlgorithm.ChaCha20Poly1305, message),
            "HMAC-SHA256 1K" => Hmac(message),
            "HKDF-SHA256 32" => Hkdf(),
            "FROST-Ed25519 2-of-3 sign" => FrostSign(FrostCiphersuite.FromName("FROST-ED25519-SHA512-v1"), message),
            "FROST-P256 2-of-3 sign" => FrostSign(FrostCiphersuite.FromName("FROST-P256-SHA256-v1"), message),
            "FROST-Ed25519 dealer 2-of-3" => FrostDealer(FrostCiphersuite.FromName("FROST-ED25519-SHA512-v1")),
            "QKD protect+unprotect 4K" => QkdRecords(),
            _ => throw new ArgumentException($"Unknown operation '{name}'.", nameof(name)),
        };
    }

    private static Func<int> Sign(SignatureAlgorithm algorithm, byte[] message)
    {
        SigningKey key = SigningKey.Generate(algorithm);
        byte[] signature = new byte[key.SignatureSize];
        return () => key.Sign(message, signature);
    }

    private static Func<int> Verify(SignatureAlgorithm algorithm, byte[] message)
    {
        SigningKey key = SigningKey.Generate(algorithm);
        byte[] signature = key.Sign(message);
        VerificationKey publicKey = key.PublicKey;
        return () => publicKey.Verify(message, signature) ? 1 : 0;
    }

    private static Func<int> ImportVerify(SignatureAlgorithm algorithm, byte[] message)
    {
        SigningKey key = SigningKey.Generate(algorithm);
        byte[] signature = key.Sign(message);
        byte[] raw = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        return () =>
        {
            using VerificationKey publicKey = VerificationKey.Import(algorithm, raw, KeyBlobFormat.RawPublicKey);
            return publicKey.Verify(message, signature) ? 1 : 0;
        };
    }

    private static Func<int> Encapsulate(KemAlgorithm algorithm)
    {
        DecapsulationKey key = DecapsulationKey.Generate(algorithm);
        EncapsulationKey publicKey = key.EncapsulationKey;
        byte[] ciphertext = new byte[algorithm.CiphertextSize];
        byte[] secret = new byte[algorithm.SharedSecretSize];
        return () => { publicKey.Encapsulate(ciphertext, secret); return secret[0]; };
    }

    private static Func<int> Decapsulate(KemAlgorithm algorithm)
    {
        DecapsulationKey key = DecapsulationKey.Generate(algorithm);
        byte[] ciphertext = key.EncapsulationKey.Encapsulate(out byte[] secret);
        return () => { key.Decapsulate(ciphertext, secret); return secret[0]; };
    }

    private static Func<int> Agree(KeyAgreementAlgorithm algorithm)
    {
        KeyAgreementKey ours = KeyAgreementKey.Generate(algorithm);
        KeyAgreementKey theirs = KeyAgreementKey.Generate(algorithm);
        KeyAgreementPublicKey peer = theirs.PublicKey;
        byte[] secret = new byte[ours.Agree(peer).Length];
        return () => { ours.Agree(peer, secret); return secret[0]; };
    }

    private static AeadKey NewAeadKey(AeadAlgorithm algorithm) =>
        AeadKey.Import(algorithm, RandomNumberGenerator.GetBytes(algorithm.KeySize), KeyBlobFormat.RawPrivateKey);

    private static Func<int> Seal(AeadAlgorithm algorithm, byte[] message)
    {
        AeadKey key = NewAeadKey(algorithm);
        byte[] nonce = new byte[algorithm.NonceSize];
        byte[] associatedData = new byte[32];
        byte[] ciphertext = new byte[message.Length + algorithm.TagSize];
        return () =>
        {
            nonce[0]++;
            key.Encrypt(nonce, message, associatedData, ciphertext);
            return ciphertext[0];
        };
    }

    private static Func<int> Open(AeadAlgorithm algorithm, byte[] message)
    {
        AeadKey key = NewAeadKey(algorithm);
        byte[] nonce = new byte[algorithm.NonceSize];
        byte[] associatedData = new byte[32];
        byte[] ciphertext = new byte[message.Length + algorithm.TagSize];
        byte[] plaintext = new byte[message.Length];
        key.Encrypt(nonce, message, associatedData, ciphertext);
#if BASELINE_API
        return () => key.Decrypt(nonce, ciphertext, associatedData, plaintext) ? 1 : 0;
#else
        return () => key.TryDecrypt(nonce, ciphertext, associatedData, plaintext, out int written) ? written : 0;
#endif
    }

    private static Func<int> Hmac(byte[] message)
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        byte[] mac = new byte[32];
        return () => { MacAlgorithm.HmacSha256.Compute(key, message, mac); return mac[0]; };
    }

    private static Func<int> Hkdf()
    {
        byte[] secret = RandomNumberGenerator.GetBytes(32);
        byte[] salt = RandomNumberGenerator.GetBytes(32);
        byte[] info = "payments v1 session key"u8.ToArray();
        byte[] output = new byte[32];
        return () => { KdfAlgorithm.HkdfSha256.DeriveKey(secret, salt, info, output); return output[0]; };
    }

    /// <summary>RFC 9591 §5: commit (two signers), sign (two shares), aggregate with every share verified.</summary>
    private static Func<int> FrostSign(FrostCiphersuite suite, byte[] message)
    {
        FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
        FrostKeyPackage[] signers = [dealt.SecretShares[0].ToKeyPackage(), dealt.SecretShares[1].ToKeyPackage()];
        return () =>
        {
            var nonces = new FrostSigningNonces[signers.Length];
            var commitments = new List<KeyValuePair<FrostIdentifier, FrostSigningCommitments>>();
            for (int i = 0; i < signers.Length; i++)
            {
                (nonces[i], FrostSigningCommitments c) = FrostParticipant.Commit(signers[i]);
                commitments.Add(new(signers[i].Identifier, c));
            }

            var package = new FrostSigningPackage(commitments, message);
            var shares = new List<KeyValuePair<FrostIdentifier, FrostSignatureShare>>();
            for (int i = 0; i < signers.Length; i++)
            {
                shares.Add(new(signers[i].Identifier, FrostParticipant.Sign(package, nonces[i], signers[i])));
            }

            return FrostCoordinator.Aggregate(package, shares, dealt.PublicKeyPackage).Length;
        };
    }

    private static Func<int> FrostDealer(FrostCiphersuite suite) => () =>
    {
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
        return dealt.SecretShares.Count;
    };

    /// <summary>A 4 KB record protected by one session and opened by its peer (ML-KEM-768 sessions, simulated QKD link).</summary>
    private static Func<int> QkdRecords()
    {
        var link = new SimulatedQkdLink(["KME-A", "KME-B"], new QkdLinkOptions { MaxKeyCount = 100_000 });
        DecapsulationKey kemKey = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        QkdResponderKey responderKey = QkdResponderKey.Pinned(KemAlgorithm.MlKem768, kemKey.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey));
        var initiator = QkdSession.CreateInitiator(
            new QkdSessionOptions
            {
                LocalSaeId = "SAE-A", PeerSaeId = "SAE-B", KeySource = link.CreateKeySource(0, "SAE-A"), Kem = KemAlgorithm.MlKem768,
                RekeyAfterMessages = QkdSessionOptions.MaxRekeyAfterMessages, RekeyAfterBytes = QkdSessionOptions.MaxRekeyAfterBytes,
                RekeyAfterTime = TimeSpan.FromDays(1),
            },
            responderKey);
        var responder = QkdSession.CreateResponder(
            new QkdSessionOptions { LocalSaeId = "SAE-B", PeerSaeId = "SAE-A", KeySource = link.CreateKeySource(1, "SAE-B"), Kem = KemAlgorithm.MlKem768 },
            kemKey);
        responder.AcceptAsync(initiator.InitiateAsync().GetAwaiter().GetResult()).GetAwaiter().GetResult();
        byte[] plaintext = RandomNumberGenerator.GetBytes(4096);
        byte[] record = new byte[plaintext.Length + QkdSession.RecordOverhead];
        byte[] opened = new byte[plaintext.Length];
        long records = 0;
        return () =>
        {
            if (++records % 500_000 == 0)
            {
                // Stay far below the session's per-key record ceilings however long the run.
                responder.AcceptAsync(initiator.RekeyAsync().GetAwaiter().GetResult()!).GetAwaiter().GetResult();
            }

            int length = initiator.Protect(plaintext, record);
            return responder.TryUnprotect(record.AsSpan(0, length), opened, out int written) ? written : 0;
        };
    }
}
