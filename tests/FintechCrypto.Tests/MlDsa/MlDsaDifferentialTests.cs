using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Xunit;

namespace FintechCrypto.Tests.MlDsa;

/// <summary>ML-DSA against BouncyCastle 2.7.0: identical keys and deterministic signatures, cross-verification both ways.</summary>
[Trait("Category", "KnownAnswer")]
public class MlDsaDifferentialTests
{
    public static TheoryData<string> Names => new() { "ML-DSA-44", "ML-DSA-65", "ML-DSA-87" };

    internal static MLDsaParameters BcParameters(string name, bool preHash = false) => (name, preHash) switch
    {
        ("ML-DSA-44", false) => MLDsaParameters.ml_dsa_44,
        ("ML-DSA-65", false) => MLDsaParameters.ml_dsa_65,
        ("ML-DSA-87", false) => MLDsaParameters.ml_dsa_87,
        ("ML-DSA-44", true) => MLDsaParameters.ml_dsa_44_with_sha512,
        ("ML-DSA-65", true) => MLDsaParameters.ml_dsa_65_with_sha512,
        _ => MLDsaParameters.ml_dsa_87_with_sha512,
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void KeysAndDeterministicSignatures_AreByteIdenticalToBouncyCastle(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        var rng = new Random(name.Length * 31);
        for (int i = 0; i < 12; i++)
        {
            byte[] seed = new byte[32];
            byte[] message = new byte[rng.Next(0, 300)];
            byte[] context = new byte[rng.Next(0, 40)];
            rng.NextBytes(seed);
            rng.NextBytes(message);
            rng.NextBytes(context);
            MLDsaPrivateKeyParameters bcKey = MLDsaPrivateKeyParameters.FromSeed(BcParameters(name), seed);
            using SigningKey key = SigningKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
            Assert.Equal(bcKey.GetPublicKeyEncoded(), key.Export(KeyBlobFormat.RawPublicKey));
            Assert.Equal(bcKey.WithPreferredFormat(MLDsaPrivateKeyParameters.Format.EncodingOnly).GetEncoded(), key.Export(KeyBlobFormat.RawPrivateKey));

            var signer = new MLDsaSigner(BcParameters(name), deterministic: true);
            signer.Init(true, new ParametersWithContext(bcKey, context));
            signer.BlockUpdate(message, 0, message.Length);
            byte[] expected = signer.GenerateSignature();
            byte[] ours = key.Sign(message, context, SigningMode.Deterministic);
            Assert.Equal(expected, ours);
            Assert.True(key.PublicKey.Verify(message, ours, context));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void HedgedSignatures_CrossVerifyBothWays(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        byte[] seed = RandomNumberGenerator.GetBytes(32);
        byte[] message = RandomNumberGenerator.GetBytes(77);
        byte[] context = { 1, 2, 3 };
        MLDsaPrivateKeyParameters bcKey = MLDsaPrivateKeyParameters.FromSeed(BcParameters(name), seed);
        using SigningKey key = SigningKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);

        byte[] ours = key.Sign(message, context, SigningMode.Default);
        Assert.NotEqual(ours, key.Sign(message, context, SigningMode.Default));
        var verifier = new MLDsaSigner(BcParameters(name), deterministic: false);
        verifier.Init(false, new ParametersWithContext(bcKey.GetPublicKey(), context));
        verifier.BlockUpdate(message, 0, message.Length);
        Assert.True(verifier.VerifySignature(ours));

        var signer = new MLDsaSigner(BcParameters(name), deterministic: false);
        signer.Init(true, new ParametersWithContext(new ParametersWithRandom(bcKey, new SecureRandom()), context));
        signer.BlockUpdate(message, 0, message.Length);
        Assert.True(key.PublicKey.Verify(message, signer.GenerateSignature(), context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void HashMlDsaWithSha512_MatchesBouncyCastle(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        byte[] seed = RandomNumberGenerator.GetBytes(32);
        byte[] message = RandomNumberGenerator.GetBytes(500);
        byte[] context = { 9, 9 };
        MLDsaPrivateKeyParameters bcKey = MLDsaPrivateKeyParameters.FromSeed(BcParameters(name, preHash: true), seed);
        using SigningKey key = SigningKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        byte[] hash = SHA512.HashData(message);

        var signer = new HashMLDsaSigner(BcParameters(name, preHash: true), deterministic: true);
        signer.Init(true, new ParametersWithContext(bcKey, context));
        signer.BlockUpdate(message, 0, message.Length);
        byte[] expected = signer.GenerateSignature();

        byte[] ours = new byte[algorithm.SignatureSize];
        key.SignPreHash(hash, HashAlgorithmName.SHA512, ours, context, SigningMode.Deterministic);
        Assert.Equal(expected, ours);
        Assert.True(key.PublicKey.VerifyPreHash(hash, HashAlgorithmName.SHA512, ours, context));
        Assert.False(key.PublicKey.Verify(message, ours, context));
        Assert.False(key.PublicKey.VerifyPreHash(hash, HashAlgorithmName.SHA256 == HashAlgorithmName.SHA512 ? HashAlgorithmName.SHA384 : new HashAlgorithmName("SHA3-512"), ours, context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Pkcs8AndSpki_InteroperateWithBouncyCastle(string name)
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        byte[] seed = RandomNumberGenerator.GetBytes(32);
        using SigningKey key = SigningKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        MLDsaPrivateKeyParameters bcKey = MLDsaPrivateKeyParameters.FromSeed(BcParameters(name), seed);

        var parsed = (MLDsaPrivateKeyParameters)PrivateKeyFactory.CreateKey(key.Export(KeyBlobFormat.Pkcs8PrivateKey));
        Assert.Equal(seed, parsed.GetSeed());
        var parsedPublic = (MLDsaPublicKeyParameters)PublicKeyFactory.CreateKey(key.Export(KeyBlobFormat.SubjectPublicKeyInfo));
        Assert.Equal(key.Export(KeyBlobFormat.RawPublicKey), parsedPublic.GetEncoded());
        Assert.Equal(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(bcKey.GetPublicKey()).GetEncoded(), key.Export(KeyBlobFormat.SubjectPublicKeyInfo));

        foreach (MLDsaPrivateKeyParameters.Format format in new[] { MLDsaPrivateKeyParameters.Format.SeedOnly, MLDsaPrivateKeyParameters.Format.EncodingOnly, MLDsaPrivateKeyParameters.Format.SeedAndEncoding })
        {
            byte[] pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo(bcKey.WithPreferredFormat(format)).GetEncoded();
            using SigningKey imported = SigningKey.Import(algorithm, pkcs8, KeyBlobFormat.Pkcs8PrivateKey);
            Assert.Equal(key.Export(KeyBlobFormat.RawPrivateKey), imported.Export(KeyBlobFormat.RawPrivateKey));
        }
    }

    [Fact]
    public void AccumulatedDigest_OverManyKeysAndMessages_EqualsBouncyCastles()
    {
        // Go-style accumulated test: inputs from one SHAKE128 stream, outputs (pk, deterministic signatures with and
        // without context) into another; the digest must equal BouncyCastle's for the same procedure.
        foreach (string name in new[] { "ML-DSA-44", "ML-DSA-65", "ML-DSA-87" })
        {
            Assert.Equal(Accumulate(name, 60, bouncyCastle: true), Accumulate(name, 60, bouncyCastle: false));
        }
    }

    private static string Accumulate(string name, int iterations, bool bouncyCastle)
    {
        var input = new ShakeDigest(128);
        var output = new ShakeDigest(128);
        byte[] label = System.Text.Encoding.ASCII.GetBytes(name);
        input.BlockUpdate(label, 0, label.Length);
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(name);
        byte[] seed = new byte[32];
        byte[] message = new byte[64];
        byte[] context = new byte[8];
        for (int i = 0; i < iterations; i++)
        {
            input.Output(seed, 0, 32);
            input.Output(message, 0, 64);
            input.Output(context, 0, 8);
            byte[] pk;
            byte[] sig;
            if (bouncyCastle)
            {
                MLDsaPrivateKeyParameters bcKey = MLDsaPrivateKeyParameters.FromSeed(BcParameters(name), seed);
                pk = bcKey.GetPublicKeyEncoded();
                var signer = new MLDsaSigner(BcParameters(name), deterministic: true);
                signer.Init(true, new ParametersWithContext(bcKey, context));
                signer.BlockUpdate(message, 0, message.Length);
                sig = signer.GenerateSignature();
            }
            else
            {
                using SigningKey key = SigningKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
                pk = key.Export(KeyBlobFormat.RawPublicKey);
                sig = key.Sign(message, context, SigningMode.Deterministic);
                Assert.True(key.PublicKey.Verify(message, sig, context));
            }

            output.BlockUpdate(pk, 0, pk.Length);
            output.BlockUpdate(sig, 0, sig.Length);
        }

        byte[] digest = new byte[32];
        output.OutputFinal(digest, 0, 32);
        return Convert.ToHexString(digest);
    }
}
