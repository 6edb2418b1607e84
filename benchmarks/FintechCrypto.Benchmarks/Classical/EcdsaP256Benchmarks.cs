using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace FintechCrypto.Benchmarks.Classical;

/// <summary>ECDSA P-256 with SHA-256 (FIPS 186-5 §6.4), IEEE P1363 r || s signatures, randomized nonces, over a 1 KiB message.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class EcdsaP256Benchmarks
{
    private readonly byte[] _message = Iso20022Message.Create();
    private readonly byte[] _signature = new byte[64];
    private SigningKey _key = null!;
    private VerificationKey _publicKey = null!;
    private ISigner _bcSigner = null!;
    private ISigner _bcVerifier = null!;
    private ICipherParameters _bcKey = null!;
    private AsymmetricKeyParameter _bcPublicKey = null!;
    private byte[] _validSignature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = SigningKey.Generate(SignatureAlgorithm.EcdsaP256Sha256);
        _publicKey = _key.PublicKey;
        _bcKey = new ParametersWithRandom(PrivateKeyFactory.CreateKey(_key.Export(KeyBlobFormat.Pkcs8PrivateKey)), new SecureRandom());
        _bcPublicKey = PublicKeyFactory.CreateKey(_publicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo));
        _bcSigner = SignerUtilities.GetSigner("SHA-256withPLAIN-ECDSA");
        _bcVerifier = SignerUtilities.GetSigner("SHA-256withPLAIN-ECDSA");
        _validSignature = _key.Sign(_message);
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark, BenchmarkCategory("ECDSA-P256", "Sign")]
    public int Sign_FintechCrypto() => _key.Sign(_message.AsSpan(), _signature.AsSpan());

    [Benchmark(Baseline = true), BenchmarkCategory("ECDSA-P256", "Sign")]
    public byte[] Sign_BouncyCastle()
    {
        _bcSigner.Init(true, _bcKey);
        _bcSigner.BlockUpdate(_message, 0, _message.Length);
        return _bcSigner.GenerateSignature();
    }

    [Benchmark, BenchmarkCategory("ECDSA-P256", "Verify")]
    public bool Verify_FintechCrypto() => _publicKey.Verify(_message, _validSignature);

    [Benchmark(Baseline = true), BenchmarkCategory("ECDSA-P256", "Verify")]
    public bool Verify_BouncyCastle()
    {
        _bcVerifier.Init(false, _bcPublicKey);
        _bcVerifier.BlockUpdate(_message, 0, _message.Length);
        return _bcVerifier.VerifySignature(_validSignature);
    }
}
