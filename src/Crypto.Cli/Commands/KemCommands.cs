// `fintechcrypto kem keygen|encaps|decaps` (cli.md, "KEM"). ML-KEM (FIPS 203): `seed` is the 64-byte d || z of
// ML-KEM.KeyGen_internal (Algorithm 16), `decapsulationKey` the expanded dk (768k + 96 bytes, §7.3 checks on input),
// `--entropy` the 32-byte m of ML-KEM.Encaps_internal (Algorithm 17). X-Wing (draft-connolly-cfrg-xwing-kem): the
// 32-byte private key is both `seed` and `decapsulationKey`, `--entropy` the 64-byte eseed. `--entropy` goes through
// FintechCrypto.Testing.KemTesting (the derandomized entry point, for tests only); without it the library draws m.

using System;
using System.IO;
using FintechCrypto.Testing;

namespace FintechCrypto.Cli.Commands;

/// <summary>The KEM commands.</summary>
internal static class KemCommands
{
    internal static int Keygen(Arguments a, TextWriter stdout)
    {
        KemAlgorithm alg = ResolveAlgorithm(a);
        byte[]? seed = a.Hex("seed");
        byte[]? exportedSeed = null;
        byte[]? decapsulationKey = null;
        try
        {
            if (seed is not null && seed.Length != alg.SeedSize)
            {
                throw new CliException($"--seed for {alg.Name} must be {alg.SeedSize} bytes ({SeedDescription(alg)}), not {seed.Length}");
            }

            using DecapsulationKey key = seed is null ? DecapsulationKey.Generate(alg) : DecapsulationKey.Import(alg, seed, KeyBlobFormat.PrivateKeySeed);
            exportedSeed = key.Export(KeyBlobFormat.PrivateKeySeed);
            decapsulationKey = key.Export(KeyBlobFormat.RawPrivateKey);
            byte[] encapsulationKey = key.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey);
            JsonOutput.WriteHexObject(stdout, ("encapsulationKey", encapsulationKey), ("decapsulationKey", decapsulationKey), ("seed", exportedSeed));
        }
        finally
        {
            Secret.Clear(seed, exportedSeed, decapsulationKey);
        }

        return ExitCodes.Success;
    }

    internal static int Encaps(Arguments a, TextWriter stdout)
    {
        KemAlgorithm alg = ResolveAlgorithm(a);
        byte[] ekBytes = a.RequiredHex("ek");
        byte[]? entropy = a.Hex("entropy");
        byte[] ciphertext = new byte[alg.CiphertextSize];
        byte[] sharedSecret = new byte[alg.SharedSecretSize];
        try
        {
            if (ekBytes.Length != alg.EncapsulationKeySize)
            {
                throw new CliException($"--ek for {alg.Name} must be {alg.EncapsulationKeySize} bytes, not {ekBytes.Length}");
            }

            // A malformed key (for ML-KEM, the FIPS 203 §7.2 modulus check) is InvalidKeyEncodingException: exit 2.
            using EncapsulationKey ek = EncapsulationKey.Import(alg, ekBytes, KeyBlobFormat.RawPublicKey);
            int entropySize = KemTesting.RandomnessSize(ek);
            if (entropy is not null && entropy.Length != entropySize)
            {
                throw new CliException($"--entropy for {alg.Name} must be {entropySize} bytes ({EntropyDescription(alg)}), not {entropy.Length}");
            }

            if (entropy is null)
            {
                ek.Encapsulate(ciphertext, sharedSecret);
            }
            else
            {
                KemTesting.EncapsulateDeterministicForTesting(ek, entropy, ciphertext, sharedSecret);
            }

            JsonOutput.WriteHexObject(stdout, ("ciphertext", ciphertext), ("sharedSecret", sharedSecret));
        }
        finally
        {
            Secret.Clear(entropy, sharedSecret);
        }

        return ExitCodes.Success;
    }

    internal static int Decaps(Arguments a, TextWriter stdout)
    {
        KemAlgorithm alg = ResolveAlgorithm(a);
        byte[] dk = a.RequiredHex("dk");
        byte[] ciphertext = a.RequiredHex("ct");
        byte[] sharedSecret = new byte[alg.SharedSecretSize];
        try
        {
            // --dk takes the seed (ML-KEM d || z, X-Wing's private key) or ML-KEM's expanded dk; X-Wing's two are the same.
            KeyBlobFormat format;
            if (dk.Length == alg.SeedSize)
            {
                format = KeyBlobFormat.PrivateKeySeed;
            }
            else if (dk.Length == alg.DecapsulationKeySize)
            {
                format = KeyBlobFormat.RawPrivateKey;
            }
            else
            {
                string expected = alg.SeedSize == alg.DecapsulationKeySize
                    ? $"{alg.SeedSize} bytes"
                    : $"{alg.SeedSize} bytes (the seed d || z) or {alg.DecapsulationKeySize} bytes (the expanded decapsulation key)";
                throw new CliException($"--dk for {alg.Name} must be {expected}, not {dk.Length}");
            }

            if (ciphertext.Length != alg.CiphertextSize)
            {
                throw new CliException($"--ct for {alg.Name} must be {alg.CiphertextSize} bytes, not {ciphertext.Length}");
            }

            // An expanded dk failing the FIPS 203 §7.3 hash check is InvalidKeyEncodingException: exit 2. A well-formed
            // but wrong ciphertext is not an error: ML-KEM answers with its implicit-rejection secret.
            using DecapsulationKey key = DecapsulationKey.Import(alg, dk, format);
            key.Decapsulate(ciphertext, sharedSecret);
            JsonOutput.WriteHexObject(stdout, ("sharedSecret", sharedSecret));
        }
        finally
        {
            Secret.Clear(dk, sharedSecret);
        }

        return ExitCodes.Success;
    }

    private static KemAlgorithm ResolveAlgorithm(Arguments a)
    {
        string name = a.RequiredValue("alg");
        return name switch
        {
            "ML-KEM-512" => KemAlgorithm.MlKem512,
            "ML-KEM-768" => KemAlgorithm.MlKem768,
            "ML-KEM-1024" => KemAlgorithm.MlKem1024,
            "X-Wing" => KemAlgorithm.XWing,
            _ => throw new CliException(
                $"unknown KEM algorithm {Arguments.Describe(name)}; known: ML-KEM-512, ML-KEM-768, ML-KEM-1024, X-Wing (names are case-sensitive)"),
        };
    }

    private static string SeedDescription(KemAlgorithm alg) =>
        alg == KemAlgorithm.XWing ? "the X-Wing private key" : "FIPS 203's d || z";

    private static string EntropyDescription(KemAlgorithm alg) =>
        alg == KemAlgorithm.XWing ? "the X-Wing encapsulation seed eseed" : "the m of ML-KEM.Encaps_internal";
}
