using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using FintechCrypto.Tests.Contract;
using Xunit;

namespace FintechCrypto.Tests;

/// <summary>
/// Every parameter set of the one API, for theories that run the same contract over all of them (NSec's Registry).
/// Theory data holds labels (strings, so that each parameter set is its own test case); a label is the algorithm's
/// <c>Name</c>, or the name and the nonce size for an AES-GCM instance with a non-standard nonce.
/// </summary>
public static class Registry
{
    /// <summary>The message the shared signatures sign.</summary>
    public static byte[] Message { get; } = Encoding.UTF8.GetBytes("pacs.008 credit transfer 12345.67 EUR");

    /// <summary>The classical signature parameter sets (the ones without contexts or seeds).</summary>
    public static IEnumerable<SignatureAlgorithm> SignatureAlgorithms => new[]
    {
        SignatureAlgorithm.Ed25519,
        SignatureAlgorithm.EcdsaP256Sha256,
        SignatureAlgorithm.EcdsaP256Sha256Der,
        SignatureAlgorithm.RsaPss2048Sha256,
        SignatureAlgorithm.RsaPss(2048, HashAlgorithmName.SHA384, HashAlgorithmName.SHA256, 20),
    };

    /// <summary>Every signature parameter set: the classical ones, RSA-PSS at every predefined size, ML-DSA (FIPS 204) and the twelve SLH-DSA sets (FIPS 205).</summary>
    public static IEnumerable<SignatureAlgorithm> AllSignatureAlgorithms => SignatureAlgorithms.Concat(new[]
    {
        SignatureAlgorithm.RsaPss3072Sha256,
        SignatureAlgorithm.RsaPss4096Sha256,
        SignatureAlgorithm.MlDsa44,
        SignatureAlgorithm.MlDsa65,
        SignatureAlgorithm.MlDsa87,
        SignatureAlgorithm.SlhDsaSha2_128s,
        SignatureAlgorithm.SlhDsaSha2_128f,
        SignatureAlgorithm.SlhDsaSha2_192s,
        SignatureAlgorithm.SlhDsaSha2_192f,
        SignatureAlgorithm.SlhDsaSha2_256s,
        SignatureAlgorithm.SlhDsaSha2_256f,
        SignatureAlgorithm.SlhDsaShake_128s,
        SignatureAlgorithm.SlhDsaShake_128f,
        SignatureAlgorithm.SlhDsaShake_192s,
        SignatureAlgorithm.SlhDsaShake_192f,
        SignatureAlgorithm.SlhDsaShake_256s,
        SignatureAlgorithm.SlhDsaShake_256f,
    });

    /// <summary>Every KEM parameter set: ML-KEM (FIPS 203) and the X-Wing hybrid.</summary>
    public static IEnumerable<KemAlgorithm> KemAlgorithms => new[] { KemAlgorithm.MlKem512, KemAlgorithm.MlKem768, KemAlgorithm.MlKem1024, KemAlgorithm.XWing };

    /// <summary>Every key-agreement parameter set.</summary>
    public static IEnumerable<KeyAgreementAlgorithm> KeyAgreementAlgorithms => new[] { KeyAgreementAlgorithm.X25519, KeyAgreementAlgorithm.EcdhP256 };

    /// <summary>Every AEAD parameter set, and AES-GCM with a 16-byte nonce (the BouncyCastle path).</summary>
    public static IEnumerable<AeadAlgorithm> AeadAlgorithms => new[]
    {
        AeadAlgorithm.Aes128Gcm, AeadAlgorithm.Aes192Gcm, AeadAlgorithm.Aes256Gcm, AeadAlgorithm.ChaCha20Poly1305, AeadAlgorithm.AesGcm(16, 16),
    };

    /// <summary>The classical signature parameter sets, by name.</summary>
    public static TheoryData<string> SignatureNames => Labels(SignatureAlgorithms, a => a.Name);

    /// <summary>Every signature parameter set, by name.</summary>
    public static TheoryData<string> AllSignatureNames => Labels(AllSignatureAlgorithms, a => a.Name);

    /// <summary>The signature parameter sets whose signing takes milliseconds: all but SLH-DSA's small ('s') sets.</summary>
    public static TheoryData<string> FastSigningNames => Labels(AllSignatureAlgorithms.Where(a => !IsSlowSigner(a)), a => a.Name);

    /// <summary>SLH-DSA's small ('s') sets, whose signing takes seconds: theories over them carry the Slow trait.</summary>
    public static TheoryData<string> SlowSigningNames => Labels(AllSignatureAlgorithms.Where(IsSlowSigner), a => a.Name);

    /// <summary>Every KEM parameter set, by name.</summary>
    public static TheoryData<string> KemNames => Labels(KemAlgorithms, a => a.Name);

    /// <summary>Every key-agreement parameter set, by name.</summary>
    public static TheoryData<string> KeyAgreementNames => Labels(KeyAgreementAlgorithms, a => a.Name);

    /// <summary>The AEAD parameter sets with the standard 12-byte nonce, by name.</summary>
    public static TheoryData<string> AeadNames => new() { "AES-128-GCM", "AES-192-GCM", "AES-256-GCM", "ChaCha20-Poly1305" };

    /// <summary>Every AEAD parameter set, by label.</summary>
    public static TheoryData<string> AllAeadLabels => Labels(AeadAlgorithms, AeadLabel);

    /// <summary>Every key type of the one API with every parameter set of its family: (type name, label).</summary>
    public static TheoryData<string, string> Keys => KeyPairs(_ => true);

    /// <summary>The key types that hold a secret, with every parameter set.</summary>
    public static TheoryData<string, string> SecretKeys => KeyPairs(kind => kind.HoldsSecret);

    /// <summary>The key types whose public half belongs to them (SigningKey.PublicKey…), with every parameter set.</summary>
    public static TheoryData<string, string> KeysWithPublicHalves => KeyPairs(kind => kind.HasPublicHalf);

    /// <summary>The signature parameter set named <paramref name="name"/>.</summary>
    public static SignatureAlgorithm Signature(string name) => Find(AllSignatureAlgorithms, a => a.Name, name);

    /// <summary>The KEM parameter set named <paramref name="name"/>.</summary>
    public static KemAlgorithm Kem(string name) => Find(KemAlgorithms, a => a.Name, name);

    /// <summary>The key-agreement parameter set named <paramref name="name"/>.</summary>
    public static KeyAgreementAlgorithm KeyAgreement(string name) => Find(KeyAgreementAlgorithms, a => a.Name, name);

    /// <summary>The AEAD parameter set labelled <paramref name="label"/>.</summary>
    public static AeadAlgorithm Aead(string label) => Find(AeadAlgorithms, AeadLabel, label);

    /// <summary>True for SLH-DSA's small sets, whose signatures take seconds.</summary>
    public static bool IsSlowSigner(SignatureAlgorithm algorithm) => algorithm.Name.StartsWith("SLH-DSA-", StringComparison.Ordinal) && algorithm.Name.EndsWith('s');

    private static readonly Dictionary<string, object> s_shared = new(StringComparer.Ordinal);

    /// <summary>
    /// One signing key per parameter set, shared by every test (RSA and SLH-DSA key generation is slow; keys are
    /// immutable). RSA-3072 and RSA-4096 are fixed keys (<see cref="TestKeys"/>): their generation can take many seconds. Never dispose it.
    /// </summary>
    public static SigningKey SharedKey(SignatureAlgorithm algorithm) => Shared("sign " + algorithm.Name, () => algorithm.Name switch
    {
        "RSA-PSS-3072-SHA256" => SigningKey.Import(algorithm, Encoding.ASCII.GetBytes(TestKeys.Rsa3072Pkcs8Pem), KeyBlobFormat.PemPkcs8PrivateKey),
        "RSA-PSS-4096-SHA256" => SigningKey.Import(algorithm, Encoding.ASCII.GetBytes(TestKeys.Rsa4096Pkcs8Pem), KeyBlobFormat.PemPkcs8PrivateKey),
        _ => SigningKey.Generate(algorithm),
    });

    /// <summary>The shared key's signature of <see cref="Message"/>, made once (an SLH-DSA 's' signature takes seconds).</summary>
    public static byte[] SharedSignature(SignatureAlgorithm algorithm) => Shared("signature " + algorithm.Name, () => SharedKey(algorithm).Sign(Message));

    /// <summary>One decapsulation key per KEM parameter set, shared by every test. Never dispose it.</summary>
    public static DecapsulationKey SharedKey(KemAlgorithm algorithm) => Shared("kem " + algorithm.Name, () => DecapsulationKey.Generate(algorithm));

    /// <summary>One key-agreement key per parameter set, shared by every test. Never dispose it.</summary>
    public static KeyAgreementKey SharedKey(KeyAgreementAlgorithm algorithm) => Shared("agree " + algorithm.Name, () => KeyAgreementKey.Generate(algorithm));

    /// <summary>One AEAD key per parameter set, shared by every test. Never dispose it.</summary>
    public static AeadKey SharedKey(AeadAlgorithm algorithm) => Shared("aead " + AeadLabel(algorithm), () => AeadKey.Generate(algorithm));

    /// <summary>The label of an AEAD parameter set: its name, and the nonce size when it is not 12 bytes.</summary>
    public static string AeadLabel(AeadAlgorithm algorithm) =>
        algorithm.NonceSize == 12 ? algorithm.Name : $"{algorithm.Name} ({algorithm.NonceSize}-byte nonce)";

    private static T Shared<T>(string id, Func<T> create)
        where T : class
    {
        lock (s_shared)
        {
            if (!s_shared.TryGetValue(id, out object? value))
            {
                value = create();
                s_shared.Add(id, value);
            }

            return (T)value;
        }
    }

    private static TheoryData<string> Labels<T>(IEnumerable<T> algorithms, Func<T, string> label)
    {
        var data = new TheoryData<string>();
        foreach (T algorithm in algorithms)
        {
            data.Add(label(algorithm));
        }

        return data;
    }

    private static TheoryData<string, string> KeyPairs(Func<KeyKind, bool> which)
    {
        var data = new TheoryData<string, string>();
        foreach (KeyKind kind in KeyKind.All.Where(which))
        {
            foreach (string label in kind.Labels)
            {
                data.Add(kind.TypeName, label);
            }
        }

        return data;
    }

    private static T Find<T>(IEnumerable<T> algorithms, Func<T, string> label, string wanted) =>
        algorithms.FirstOrDefault(a => label(a) == wanted) ?? throw new KeyNotFoundException(wanted);
}
