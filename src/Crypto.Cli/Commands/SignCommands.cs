// `fintechcrypto sign keygen|sign|verify` (cli.md, "Signatures"). Key encodings per algorithm follow the
// table there: Ed25519 raw RFC 8032 keys (§5.1.5, the 32-byte private key is the seed); ECDSA P-256 and
// RSA-PSS as SubjectPublicKeyInfo (RFC 5280 §4.1) and PKCS#8 (RFC 5958) DER; ECDSA signatures IEEE P1363 r || s;
// RSASSA-PSS per RFC 8017 §8.1 with MGF1-SHA-256 and a 32-byte salt. SLH-DSA (FIPS 205): the seed is
// SK.seed ‖ SK.prf ‖ PK.seed (3n bytes), the keys the FIPS 205 pk / sk encodings (2n / 4n bytes), a context of
// 0-255 bytes, and --deterministic the deterministic variant (opt_rand = PK.seed). ML-DSA (FIPS 204): the seed is
// the 32-byte ξ of ML-DSA.KeyGen_internal (Algorithm 6), the keys the FIPS 204 pk / sk encodings (pkEncode,
// skEncode), a context of 0-255 bytes, and --deterministic the deterministic variant (rnd = 0³², §3.4).

using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;

namespace FintechCrypto.Cli.Commands;

/// <summary>The signature commands.</summary>
internal static class SignCommands
{
    private const int Ed25519KeySize = 32;

    /// <summary>The SLH-DSA names of cli.md (FIPS 205 Table 2).</summary>
    private static readonly HashSet<string> s_slhDsaNames = new(StringComparer.Ordinal)
    {
        "SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-128f", "SLH-DSA-SHA2-192s", "SLH-DSA-SHA2-192f", "SLH-DSA-SHA2-256s", "SLH-DSA-SHA2-256f",
        "SLH-DSA-SHAKE-128s", "SLH-DSA-SHAKE-128f", "SLH-DSA-SHAKE-192s", "SLH-DSA-SHAKE-192f", "SLH-DSA-SHAKE-256s", "SLH-DSA-SHAKE-256f",
    };

    /// <summary>KEM names of cli.md: not signature algorithms (see 'kem').</summary>
    private static readonly HashSet<string> s_kemNames = new(StringComparer.Ordinal)
    {
        "ML-KEM-512", "ML-KEM-768", "ML-KEM-1024", "X-Wing",
    };

    private enum Family
    {
        Ed25519,
        Ecdsa,
        RsaPss,
        SlhDsa,
        MlDsa,
    }

    internal static int Keygen(Arguments a, TextWriter stdout)
    {
        (SignatureAlgorithm alg, Family family) = ResolveAlgorithm(a);
        byte[]? seed = a.Hex("seed");
        try
        {
            if (family == Family.SlhDsa)
            {
                SlhDsaKeygen(alg, seed, stdout);
            }
            else if (family == Family.MlDsa)
            {
                MlDsaKeygen(alg, seed, stdout);
            }
            else if (family == Family.Ed25519)
            {
                // RFC 8032 §5.1.5: the private key is 32 random bytes; the public key is derived from it.
                if (seed is not null && seed.Length != Ed25519KeySize)
                {
                    throw new CliException($"--seed for Ed25519 must be {Ed25519KeySize} bytes (the RFC 8032 private key), not {seed.Length}");
                }

                using SigningKey key = seed is null ? SigningKey.Generate(alg) : SigningKey.Import(alg, seed, KeyBlobFormat.RawPrivateKey);
                WriteKeyPair(stdout, key, KeyBlobFormat.RawPrivateKey, KeyBlobFormat.RawPublicKey, seed: KeyBlobFormat.RawPrivateKey);
            }
            else
            {
                if (seed is not null)
                {
                    throw new CliException($"--seed is not supported for {alg.Name}: its keys come from the system's random number generator");
                }

                // For RSA-PSS the library exports rsaEncryption SubjectPublicKeyInfo, as cli.md asks.
                using SigningKey key = SigningKey.Generate(alg);
                WriteKeyPair(stdout, key, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.SubjectPublicKeyInfo, seed: null);
            }
        }
        finally
        {
            if (seed is not null)
            {
                CryptographicOperations.ZeroMemory(seed);
            }
        }

        return ExitCodes.Success;
    }

    private static void SlhDsaKeygen(SignatureAlgorithm alg, byte[]? seed, TextWriter stdout) =>
        // FIPS 205 Algorithm 18 on SK.seed ‖ SK.prf ‖ PK.seed, or Algorithm 21 (fresh seeds) without --seed.
        SeededKeygen(alg, seed, "SK.seed ‖ SK.prf ‖ PK.seed", stdout);

    /// <summary>keygen for the seeded post-quantum signatures: {"publicKey", "privateKey", "seed"} per cli.md.</summary>
    private static void SeededKeygen(SignatureAlgorithm alg, byte[]? seed, string seedDescription, TextWriter stdout)
    {
        if (seed is not null && seed.Length != alg.SeedSize)
        {
            throw new CliException($"--seed for {alg.Name} must be {alg.SeedSize} bytes ({seedDescription}), not {seed.Length}");
        }

        using SigningKey key = seed is null ? SigningKey.Generate(alg) : SigningKey.Import(alg, seed, KeyBlobFormat.PrivateKeySeed);
        WriteKeyPair(stdout, key, KeyBlobFormat.RawPrivateKey, KeyBlobFormat.RawPublicKey, seed: KeyBlobFormat.PrivateKeySeed);
    }

    /// <summary>
    /// keygen's <c>{"publicKey", "privateKey", "seed"?}</c> (cli.md): the key's exports in the family's formats, the
    /// secret ones cleared once written; no <c>seed</c> member when <paramref name="seed"/> is null.
    /// </summary>
    private static void WriteKeyPair(TextWriter stdout, SigningKey key, KeyBlobFormat privateKey, KeyBlobFormat publicKey, KeyBlobFormat? seed)
    {
        byte[] privateBytes = key.Export(privateKey);
        byte[]? seedBytes = seed is KeyBlobFormat format ? key.Export(format) : null;
        try
        {
            byte[] publicBytes = key.PublicKey.Export(publicKey);
            JsonOutput.WriteHexObject(stdout, seedBytes is null
                ? [("publicKey", publicBytes), ("privateKey", privateBytes)]
                : [("publicKey", publicBytes), ("privateKey", privateBytes), ("seed", seedBytes)]);
        }
        finally
        {
            Secret.Clear(privateBytes, seedBytes);
        }
    }

    internal static int Sign(Arguments a, TextWriter stdout)
    {
        (SignatureAlgorithm alg, Family family) = ResolveAlgorithm(a);
        if (family == Family.SlhDsa)
        {
            return SlhDsaSign(a, alg, stdout);
        }

        if (family == Family.MlDsa)
        {
            return MlDsaSign(a, alg, stdout);
        }

        RefuseContext(a, alg);
        SigningMode mode = SigningMode.Default;
        if (a.Flag("deterministic"))
        {
            switch (family)
            {
                case Family.Ed25519:
                    break; // RFC 8032 signatures are always deterministic: accepted, no effect.
                case Family.Ecdsa:
                    mode = SigningMode.Deterministic; // RFC 6979 nonce.
                    break;
                default:
                    throw new CliException($"--deterministic is not supported for {alg.Name}: its PSS salt is 32 random bytes");
            }
        }

        byte[] secret = a.RequiredHex("sk");
        byte[] message = a.RequiredHex("msg");
        try
        {
            if (family == Family.Ed25519 && secret.Length != Ed25519KeySize)
            {
                throw new CliException($"--sk for Ed25519 must be {Ed25519KeySize} bytes (the RFC 8032 private key), not {secret.Length}");
            }

            KeyBlobFormat format = family == Family.Ed25519 ? KeyBlobFormat.RawPrivateKey : KeyBlobFormat.Pkcs8PrivateKey;
            using SigningKey key = SigningKey.Import(alg, secret, format);
            byte[] signature = key.Sign(message, mode);
            JsonOutput.WriteObject(stdout, w => w.WriteHex("signature", signature));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }

        return ExitCodes.Success;
    }

    private static int SlhDsaSign(Arguments a, SignatureAlgorithm alg, TextWriter stdout) =>
        ContextSign(a, alg, stdout, secret =>
        {
            // --sk is the FIPS 205 sk (4n bytes) or the seed SK.seed ‖ SK.prf ‖ PK.seed (3n bytes).
            int n = alg.SeedSize / 3;
            return secret.Length == 4 * n ? KeyBlobFormat.RawPrivateKey
                : secret.Length == 3 * n ? KeyBlobFormat.PrivateKeySeed
                : throw new CliException($"--sk for {alg.Name} must be {4 * n} bytes (the FIPS 205 sk) or {3 * n} bytes (the seed), not {secret.Length}");
        });

    /// <summary>
    /// sign for ML-DSA and SLH-DSA: <c>--ctx</c> of 0-255 bytes, <c>--deterministic</c> the standard's deterministic
    /// variant, <c>--sk</c> the private key or its seed (<paramref name="format"/> tells which by its length, or refuses it).
    /// </summary>
    private static int ContextSign(Arguments a, SignatureAlgorithm alg, TextWriter stdout, Func<byte[], KeyBlobFormat> format)
    {
        byte[] context = Context(a, alg);
        SigningMode mode = a.Flag("deterministic") ? SigningMode.Deterministic : SigningMode.Default;
        byte[] secret = a.RequiredHex("sk");
        byte[] message = a.RequiredHex("msg");
        try
        {
            using SigningKey key = SigningKey.Import(alg, secret, format(secret));
            JsonOutput.WriteHexObject(stdout, ("signature", key.Sign(message, context, mode)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }

        return ExitCodes.Success;
    }

    private static byte[] Context(Arguments a, SignatureAlgorithm alg)
    {
        byte[] context = a.Hex("ctx") ?? Array.Empty<byte>();
        if (context.Length > alg.MaxContextSize)
        {
            throw new CliException($"--ctx for {alg.Name} must be at most {alg.MaxContextSize} bytes, not {context.Length}");
        }

        return context;
    }

    private static void MlDsaKeygen(SignatureAlgorithm alg, byte[]? seed, TextWriter stdout) =>
        // FIPS 204 ML-DSA.KeyGen_internal(ξ) (Algorithm 6), or ML-DSA.KeyGen (Algorithm 1, fresh ξ) without --seed.
        SeededKeygen(alg, seed, "the FIPS 204 seed ξ", stdout);

    private static int MlDsaSign(Arguments a, SignatureAlgorithm alg, TextWriter stdout) =>
        // --sk is the FIPS 204 sk encoding or the 32-byte seed ξ; any other length is refused by the library, as is a
        // malformed sk (s1, s2 out of range, t0 or tr inconsistent): InvalidKeyEncodingException.
        ContextSign(a, alg, stdout, secret => secret.Length == alg.SeedSize ? KeyBlobFormat.PrivateKeySeed : KeyBlobFormat.RawPrivateKey);

    private static int MlDsaVerify(Arguments a, SignatureAlgorithm alg, TextWriter stdout)
    {
        byte[] context = Context(a, alg);
        byte[] publicKeyBytes = a.RequiredHex("pk");
        byte[] message = a.RequiredHex("msg");
        byte[] signature = a.RequiredHex("sig");

        // A pk of the wrong length is InvalidKeyEncodingException (exit 2); a signature of the wrong length is
        // simply invalid (cli.md).
        using VerificationKey key = VerificationKey.Import(alg, publicKeyBytes, KeyBlobFormat.RawPublicKey);
        bool valid = key.Verify(message, signature, context);
        JsonOutput.WriteObject(stdout, w => w.WriteBoolean("valid", valid));
        return ExitCodes.Success;
    }

    internal static int Verify(Arguments a, TextWriter stdout)
    {
        (SignatureAlgorithm alg, Family family) = ResolveAlgorithm(a);
        if (family == Family.MlDsa)
        {
            return MlDsaVerify(a, alg, stdout);
        }

        if (family == Family.SlhDsa)
        {
            byte[] context = Context(a, alg);
            byte[] pk = a.RequiredHex("pk");
            byte[] msg = a.RequiredHex("msg");
            byte[] sig = a.RequiredHex("sig");
            if (pk.Length != 2 * (alg.SeedSize / 3))
            {
                throw new CliException($"--pk for {alg.Name} must be {2 * (alg.SeedSize / 3)} bytes (the FIPS 205 pk), not {pk.Length}");
            }

            using VerificationKey slhKey = VerificationKey.Import(alg, pk, KeyBlobFormat.RawPublicKey);

            // A signature of the wrong length is simply invalid (cli.md).
            bool ok = slhKey.Verify(msg, sig, context);
            JsonOutput.WriteObject(stdout, w => w.WriteBoolean("valid", ok));
            return ExitCodes.Success;
        }

        RefuseContext(a, alg);
        byte[] publicKeyBytes = a.RequiredHex("pk");
        byte[] message = a.RequiredHex("msg");
        byte[] signature = a.RequiredHex("sig");
        if (family == Family.Ed25519 && publicKeyBytes.Length != Ed25519KeySize)
        {
            throw new CliException($"--pk for Ed25519 must be {Ed25519KeySize} bytes (the RFC 8032 public key), not {publicKeyBytes.Length}");
        }

        KeyBlobFormat format = family == Family.Ed25519 ? KeyBlobFormat.RawPublicKey : KeyBlobFormat.SubjectPublicKeyInfo;
        using VerificationKey key = VerificationKey.Import(alg, publicKeyBytes, format);

        // A signature of the wrong length is simply invalid (cli.md), which Verify reports as false.
        bool valid = key.Verify(message, signature);
        JsonOutput.WriteObject(stdout, w => w.WriteBoolean("valid", valid));
        return ExitCodes.Success;
    }

    private static (SignatureAlgorithm Algorithm, Family Family) ResolveAlgorithm(Arguments a)
    {
        string name = a.RequiredValue("alg");
        switch (name)
        {
            case "Ed25519":
                return (SignatureAlgorithm.Ed25519, Family.Ed25519);
            case "ECDSA-P256-SHA256":
                return (SignatureAlgorithm.EcdsaP256Sha256, Family.Ecdsa);
            case "RSA-PSS-2048-SHA256":
                return (SignatureAlgorithm.RsaPss2048Sha256, Family.RsaPss);
            case "RSA-PSS-3072-SHA256":
                return (SignatureAlgorithm.RsaPss3072Sha256, Family.RsaPss);
            case "RSA-PSS-4096-SHA256":
                return (SignatureAlgorithm.RsaPss4096Sha256, Family.RsaPss);
        }

        if (s_slhDsaNames.Contains(name))
        {
            return (SignatureAlgorithm.FromName(name), Family.SlhDsa);
        }

        if (name is "ML-DSA-44" or "ML-DSA-65" or "ML-DSA-87")
        {
            return (SignatureAlgorithm.FromName(name), Family.MlDsa);
        }

        if (s_kemNames.Contains(name))
        {
            throw new CliException($"'{name}' is a KEM, not a signature algorithm; use 'fintechcrypto kem'");
        }

        throw new CliException(
            $"unknown signature algorithm {Arguments.Describe(name)}; known: Ed25519, ECDSA-P256-SHA256, " +
            "RSA-PSS-2048-SHA256, RSA-PSS-3072-SHA256, RSA-PSS-4096-SHA256, ML-DSA-44, ML-DSA-65, ML-DSA-87, SLH-DSA-SHA2-128s … SLH-DSA-SHAKE-256f (names are case-sensitive)");
    }

    private static void RefuseContext(Arguments a, SignatureAlgorithm alg)
    {
        // cli.md: --ctx is refused (exit 2) for Ed25519, ECDSA and RSA-PSS, which take no context string.
        if (a.Has("ctx"))
        {
            throw new CliException($"--ctx is not supported for {alg.Name}: it takes no context string");
        }
    }
}
