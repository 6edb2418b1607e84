using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace FintechCrypto.Benchmarks.Signatures;

/// <summary>
/// ML-DSA (FIPS 204) key generation from a seed, hedged signing and verification of a 50-byte message (the issue's
/// measurement), FintechCrypto's own code against BouncyCastle 2.7.0 in the same run. Verification uses the Span
/// form, which must allocate nothing. Run with FINTECHCRYPTO_DISABLE_SIMD=1 for the scalar kernels.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class MlDsaBenchmarks
{
    private readonly byte[] _seed = new byte[32];
    private readonly byte[] _message = new byte[50];
    private SignatureAlgorithm _algorithm = null!;
    private SigningKey _key = null!;
    private VerificationKey _publicKey = null!;
    private byte[] _signature = null!;
    private byte[] _buffer = null!;
    private MLDsaParameters _bcParameters = null!;
    private MLDsaSigner _bcSigner = null!;
    private MLDsaSigner _bcVerifier = null!;

    [Params("ML-DSA-44", "ML-DSA-65", "ML-DSA-87")]
    public string ParameterSet { get; set; } = "ML-DSA-65";

    [GlobalSetup]
    public void Setup()
    {
        new Random(2).NextBytes(_seed);
        new Random(3).NextBytes(_message);
        _algorithm = SignatureAlgorithm.FromName(ParameterSet);
        _key = SigningKey.Import(_algorithm, _seed, KeyBlobFormat.PrivateKeySeed);
        _publicKey = _key.PublicKey;
        _signature = _key.Sign(_message);
        _buffer = new byte[_algorithm.SignatureSize];
        _bcParameters = ParameterSet switch
        {
            "ML-DSA-44" => MLDsaParameters.ml_dsa_44,
            "ML-DSA-65" => MLDsaParameters.ml_dsa_65,
            _ => MLDsaParameters.ml_dsa_87,
        };
        MLDsaPrivateKeyParameters bcKey = MLDsaPrivateKeyParameters.FromSeed(_bcParameters, _seed);
        _bcSigner = new MLDsaSigner(_bcParameters, deterministic: false);
        _bcSigner.Init(true, new ParametersWithRandom(bcKey, new SecureRandom()));
        _bcVerifier = new MLDsaSigner(_bcParameters, deterministic: false);
        _bcVerifier.Init(false, bcKey.GetPublicKey());
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark, BenchmarkCategory("KeyGen")]
    public void KeyGen_FintechCrypto()
    {
        using SigningKey key = SigningKey.Import(_algorithm, _seed, KeyBlobFormat.PrivateKeySeed);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("KeyGen")]
    public object KeyGen_BouncyCastle() => MLDsaPrivateKeyParameters.FromSeed(_bcParameters, _seed).GetPublicKeyEncoded();

    [Benchmark, BenchmarkCategory("Sign")]
    public int Sign_FintechCrypto() => _key.Sign(_message, _buffer);

    [Benchmark(Baseline = true), BenchmarkCategory("Sign")]
    public byte[] Sign_BouncyCastle()
    {
        _bcSigner.BlockUpdate(_message, 0, _message.Length);
        return _bcSigner.GenerateSignature();
    }

    [Benchmark, BenchmarkCategory("Verify")]
    public bool Verify_FintechCrypto() => _publicKey.Verify(_message.AsSpan(), _signature.AsSpan());

    [Benchmark(Baseline = true), BenchmarkCategory("Verify")]
    public bool Verify_BouncyCastle()
    {
        _bcVerifier.BlockUpdate(_message, 0, _message.Length);
        return _bcVerifier.VerifySignature(_signature);
    }
}
