using System.Collections.Generic;
using System.Security.Cryptography;
using Xunit;

namespace FintechCrypto.Tests;

/// <summary>Every parameter set of the one API, for theories that run the same contract over all of them (NSec's Registry).</summary>
public static class Registry
{
    public static IEnumerable<SignatureAlgorithm> SignatureAlgorithms => new[]
    {
        SignatureAlgorithm.Ed25519,
        SignatureAlgorithm.EcdsaP256Sha256,
        SignatureAlgorithm.EcdsaP256Sha256Der,
        SignatureAlgorithm.RsaPss2048Sha256,
        SignatureAlgorithm.RsaPss(2048, HashAlgorithmName.SHA384, HashAlgorithmName.SHA256, 20),
    };

    public static TheoryData<string> SignatureNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (SignatureAlgorithm a in SignatureAlgorithms)
            {
                data.Add(a.Name);
            }

            return data;
        }
    }

    public static TheoryData<string> KeyAgreementNames => new() { "X25519", "ECDH-P256" };

    public static TheoryData<string> AeadNames => new() { "AES-128-GCM", "AES-192-GCM", "AES-256-GCM", "ChaCha20-Poly1305" };

    public static SignatureAlgorithm Signature(string name)
    {
        foreach (SignatureAlgorithm a in SignatureAlgorithms)
        {
            if (a.Name == name)
            {
                return a;
            }
        }

        throw new KeyNotFoundException(name);
    }

    /// <summary>RSA key generation is slow; tests share one key per algorithm (keys are immutable).</summary>
    private static readonly Dictionary<string, SigningKey> s_keys = new();

    public static SigningKey SharedKey(SignatureAlgorithm algorithm)
    {
        lock (s_keys)
        {
            if (!s_keys.TryGetValue(algorithm.Name, out SigningKey? key))
            {
                key = SigningKey.Generate(algorithm);
                s_keys.Add(algorithm.Name, key);
            }

            return key;
        }
    }
}
