using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Org.BouncyCastle.Crypto.Parameters;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace FintechCrypto.Benchmarks.Classical;

/// <summary>Ed25519 (RFC 8032 §5.1) sign and verify of a 1 KiB pacs.008 message.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class Ed25519Benchmarks
{
    private readonly byte[] _message = Iso20022Message.Create();
    private readonly byte[] _signature = new byte[64];
    private SigningKey _key = null!;
    private VerificationKey _publicKey = null!;
    private Ed25519PrivateKeyParameters _bcKey = null!;
    private Ed25519PublicKeyParameters _bcPublicKey = null!;
    private byte[] _validSignature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        _publicKey = _key.PublicKey;
        _bcKey = new Ed25519PrivateKeyParameters(_key.Export(KeyBlobFormat.RawPrivateKey));
        _bcPublicKey = _bcKey.GeneratePublicKey();
        _validSignature = _key.Sign(_message);
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark, BenchmarkCategory("Ed25519", "Sign")]
    public int Sign_FintechCrypto() => _key.Sign(_message.AsSpan(), _signature.AsSpan());

    [Benchmark(Baseline = true), BenchmarkCategory("Ed25519", "Sign")]
    public byte[] Sign_BouncyCastle()
    {
        _bcKey.Sign(BcEd25519.Algorithm.Ed25519, null, _message, 0, _message.Length, _signature, 0);
        return _signature;
    }

    [Benchmark, BenchmarkCategory("Ed25519", "Verify")]
    public bool Verify_FintechCrypto() => _publicKey.Verify(_message, _validSignature);

    [Benchmark(Baseline = true), BenchmarkCategory("Ed25519", "Verify")]
    public bool Verify_BouncyCastle() =>
        _bcPublicKey.Verify(BcEd25519.Algorithm.Ed25519, null, _message, 0, _message.Length, _validSignature, 0);
}
