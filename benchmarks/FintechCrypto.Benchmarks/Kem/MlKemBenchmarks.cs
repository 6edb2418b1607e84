using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace FintechCrypto.Benchmarks.Kem;

/// <summary>
/// ML-KEM (FIPS 203) key generation from a seed, encapsulation and decapsulation, FintechCrypto's own code against
/// BouncyCastle 2.7.0 in the same run. The FintechCrypto encapsulation and decapsulation use the Span forms, which
/// must allocate nothing. Run with FINTECHCRYPTO_DISABLE_SIMD=1 for the scalar kernels.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class MlKemBenchmarks
{
    private readonly byte[] _seed = new byte[64];
    private KemAlgorithm _algorithm = null!;
    private DecapsulationKey _key = null!;
    private EncapsulationKey _publicKey = null!;
    private byte[] _ciphertext = null!;
    private byte[] _sharedSecret = new byte[32];
    private MLKemParameters _bcParameters = null!;
    private MLKemEncapsulator _bcEncapsulator = null!;
    private MLKemDecapsulator _bcDecapsulator = null!;
    private byte[] _bcCiphertext = null!;

    [Params("ML-KEM-512", "ML-KEM-768", "ML-KEM-1024")]
    public string ParameterSet { get; set; } = "ML-KEM-768";

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_seed);
        _algorithm = KemAlgorithm.FromName(ParameterSet);
        _key = DecapsulationKey.Import(_algorithm, _seed, KeyBlobFormat.PrivateKeySeed);
        _publicKey = _key.EncapsulationKey;
        _ciphertext = new byte[_algorithm.CiphertextSize];
        _publicKey.Encapsulate(_ciphertext, _sharedSecret);

        _bcParameters = ParameterSet switch
        {
            "ML-KEM-512" => MLKemParameters.ml_kem_512,
            "ML-KEM-768" => MLKemParameters.ml_kem_768,
            _ => MLKemParameters.ml_kem_1024,
        };
        MLKemPrivateKeyParameters bcKey = MLKemPrivateKeyParameters.FromSeed(_bcParameters, _seed);
        _bcEncapsulator = new MLKemEncapsulator(_bcParameters);
        _bcEncapsulator.Init(new ParametersWithRandom(bcKey.GetPublicKey(), new SecureRandom()));
        _bcDecapsulator = new MLKemDecapsulator(_bcParameters);
        _bcDecapsulator.Init(bcKey);
        _bcCiphertext = (byte[])_ciphertext.Clone();
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark, BenchmarkCategory("KeyGen")]
    public void KeyGen_FintechCrypto()
    {
        using DecapsulationKey key = DecapsulationKey.Import(_algorithm, _seed, KeyBlobFormat.PrivateKeySeed);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("KeyGen")]
    public object KeyGen_BouncyCastle() => MLKemPrivateKeyParameters.FromSeed(_bcParameters, _seed).GetPublicKeyEncoded();

    [Benchmark, BenchmarkCategory("Encaps")]
    public void Encaps_FintechCrypto() => _publicKey.Encapsulate(_ciphertext, _sharedSecret);

    [Benchmark(Baseline = true), BenchmarkCategory("Encaps")]
    public void Encaps_BouncyCastle() => _bcEncapsulator.Encapsulate(_bcCiphertext, 0, _bcCiphertext.Length, _sharedSecret, 0, 32);

    [Benchmark, BenchmarkCategory("Decaps")]
    public void Decaps_FintechCrypto() => _key.Decapsulate(_ciphertext, _sharedSecret);

    [Benchmark(Baseline = true), BenchmarkCategory("Decaps")]
    public void Decaps_BouncyCastle() => _bcDecapsulator.Decapsulate(_ciphertext, 0, _ciphertext.Length, _sharedSecret, 0, 32);
}
