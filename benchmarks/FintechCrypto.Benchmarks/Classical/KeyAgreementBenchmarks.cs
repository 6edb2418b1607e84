using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace FintechCrypto.Benchmarks.Classical;

/// <summary>X25519 (RFC 7748 §6.1) and ECDH over P-256 (SP 800-56A §5.7.1.2): one shared-secret computation.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class KeyAgreementBenchmarks
{
    private readonly byte[] _secret = new byte[32];
    private KeyAgreementKey _x25519 = null!;
    private KeyAgreementPublicKey _x25519Peer = null!;
    private KeyAgreementKey _p256 = null!;
    private KeyAgreementPublicKey _p256Peer = null!;
    private X25519PrivateKeyParameters _bcX25519 = null!;
    private X25519PublicKeyParameters _bcX25519Peer = null!;
    private ECPrivateKeyParameters _bcP256 = null!;
    private ECPublicKeyParameters _bcP256Peer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _x25519 = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        using (KeyAgreementKey peer = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519))
        {
            byte[] raw = peer.PublicKey.Export(KeyBlobFormat.RawPublicKey);
            _x25519Peer = KeyAgreementPublicKey.Import(KeyAgreementAlgorithm.X25519, raw, KeyBlobFormat.RawPublicKey);
            _bcX25519Peer = new X25519PublicKeyParameters(raw);
        }

        _bcX25519 = new X25519PrivateKeyParameters(_x25519.Export(KeyBlobFormat.RawPrivateKey));

        _p256 = KeyAgreementKey.Generate(KeyAgreementAlgorithm.EcdhP256);
        using (KeyAgreementKey peer = KeyAgreementKey.Generate(KeyAgreementAlgorithm.EcdhP256))
        {
            byte[] spki = peer.PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo);
            _p256Peer = KeyAgreementPublicKey.Import(KeyAgreementAlgorithm.EcdhP256, spki, KeyBlobFormat.SubjectPublicKeyInfo);
            _bcP256Peer = (ECPublicKeyParameters)PublicKeyFactory.CreateKey(spki);
        }

        _bcP256 = (ECPrivateKeyParameters)PrivateKeyFactory.CreateKey(_p256.Export(KeyBlobFormat.Pkcs8PrivateKey));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _x25519.Dispose();
        _x25519Peer.Dispose();
        _p256.Dispose();
        _p256Peer.Dispose();
    }

    [Benchmark, BenchmarkCategory("X25519", "Agree")]
    public byte[] X25519_FintechCrypto()
    {
        _x25519.Agree(_x25519Peer, _secret);
        return _secret;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("X25519", "Agree")]
    public byte[] X25519_BouncyCastle()
    {
        _bcX25519.GenerateSecret(_bcX25519Peer, _secret, 0);
        return _secret;
    }

    [Benchmark, BenchmarkCategory("ECDH-P256", "Agree")]
    public byte[] EcdhP256_FintechCrypto()
    {
        _p256.Agree(_p256Peer, _secret);
        return _secret;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("ECDH-P256", "Agree")]
    public byte[] EcdhP256_BouncyCastle()
    {
        var agreement = new ECDHBasicAgreement();
        agreement.Init(_bcP256);
        return BigIntegers.AsUnsignedByteArray(32, agreement.CalculateAgreement(_bcP256Peer));
    }
}
