using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace FintechCrypto.Benchmarks.Signatures;

/// <summary>
/// SLH-DSA (FIPS 205) hedged signing and verification of a 1 KiB pacs.008 message with an empty context,
/// FintechCrypto's own code against BouncyCastle 2.7.0's SlhDsaSigner (the baseline) in the same run, on the same
/// key. The SHAKE set runs on the 4-way Keccak kernel (AVX2, or the scalar twin with FINTECHCRYPTO_DISABLE_SIMD=1);
/// the SHA2 set on SHA-256. Add other sets to <see cref="ParameterSet"/> for the full table (the 's' sets sign in
/// hundreds of milliseconds to seconds).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SlhDsaBenchmarks
{
    private readonly byte[] _message = Iso20022Message.Create();
    private SigningKey _key = null!;
    private VerificationKey _publicKey = null!;
    private byte[] _signature = null!;
    private byte[] _destination = null!;
    private SlhDsaParameters _bcParameters = null!;
    private SlhDsaPrivateKeyParameters _bcPrivate = null!;
    private SlhDsaPublicKeyParameters _bcPublic = null!;
    private SecureRandom _bcRandom = null!;

    [Params("SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f")]
    public string ParameterSet { get; set; } = "SLH-DSA-SHAKE-128f";

    [GlobalSetup]
    public void Setup()
    {
        SignatureAlgorithm algorithm = SignatureAlgorithm.FromName(ParameterSet);
        byte[] seed = new byte[algorithm.SeedSize];
        new Random(1).NextBytes(seed);
        _key = SigningKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        _publicKey = _key.PublicKey;
        _signature = _key.Sign(_message);
        _destination = new byte[algorithm.SignatureSize];

        string field = ParameterSet.ToLowerInvariant().Replace('-', '_');
        _bcParameters = (SlhDsaParameters)typeof(SlhDsaParameters).GetField(field)!.GetValue(null)!;
        _bcPrivate = SlhDsaPrivateKeyParameters.FromEncoding(_bcParameters, _key.Export(KeyBlobFormat.RawPrivateKey));
        _bcPublic = _bcPrivate.GetPublicKey();
        _bcRandom = new SecureRandom();
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark, BenchmarkCategory("Sign")]
    public int Sign_FintechCrypto() => _key.Sign(_message, _destination);

    [Benchmark(Baseline = true), BenchmarkCategory("Sign")]
    public byte[] Sign_BouncyCastle()
    {
        var signer = new SlhDsaSigner(_bcParameters, deterministic: false);
        signer.Init(true, new ParametersWithRandom(_bcPrivate, _bcRandom));
        signer.BlockUpdate(_message);
        return signer.GenerateSignature();
    }

    [Benchmark, BenchmarkCategory("Verify")]
    public bool Verify_FintechCrypto() => _publicKey.Verify(_message, _signature);

    [Benchmark(Baseline = true), BenchmarkCategory("Verify")]
    public bool Verify_BouncyCastle()
    {
        var verifier = new SlhDsaSigner(_bcParameters, deterministic: false);
        verifier.Init(false, _bcPublic);
        verifier.BlockUpdate(_message);
        return verifier.VerifySignature(_signature);
    }
}
