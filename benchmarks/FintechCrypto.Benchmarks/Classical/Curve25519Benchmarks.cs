// Issue 13's suites: the field and ladder kernels, X25519, Ed25519 key generation, signing, verification with a key
// reused and with a fresh import, and batch verification, each beside BouncyCastle (or, for a kernel, beside its
// scalar twin) in the same run. RESULTS.md records the ratios with the CPU model.

using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FintechCrypto.Native.Field25519;
using Org.BouncyCastle.Crypto.Parameters;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;
using BcX25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;
using BcX25519Field = Org.BouncyCastle.Math.EC.Rfc7748.X25519Field;

namespace FintechCrypto.Benchmarks.Classical;

/// <summary>One field multiplication and one ladder step: ours (radix 2^51; four-lane AVX2) against BouncyCastle's and the scalar twin.</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class Curve25519KernelBenchmarks
{
    private const int Chain = 1000;
    private FieldElement25519 _a = new(1234567, 7654321, 1UL << 50, 99, 5);
    private FieldElement25519 _b = new(1UL << 50, 3, 1UL << 49, 999, 12345);
    private int[] _bcA = null!;
    private int[] _bcB = null!;
    private readonly byte[] _k = Enumerable.Range(1, 32).Select(i => (byte)(i * 37)).ToArray();

    [GlobalSetup]
    public void Setup()
    {
        _bcA = BcX25519Field.Create();
        _bcB = BcX25519Field.Create();
        _bcA[0] = 1234567;
        _bcA[3] = 7654321;
        _bcB[1] = 3;
        _bcB[5] = 12345;
    }

    /// <summary>A chain of dependent multiplications, per multiplication.</summary>
    [Benchmark(OperationsPerInvoke = Chain), BenchmarkCategory("Field multiply")]
    public ulong FieldMultiply_FintechCrypto()
    {
        FieldElement25519 a = _a;
        for (int i = 0; i < Chain; i++)
        {
            Field25519.Multiply(out a, a, _b);
        }

        _a = a;
        return a.L0;
    }

    /// <summary>BouncyCastle's radix-2^25.5 multiplication (int[10]), the same chain.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Chain), BenchmarkCategory("Field multiply")]
    public int FieldMultiply_BouncyCastle()
    {
        for (int i = 0; i < Chain; i++)
        {
            BcX25519Field.Mul(_bcA, _bcB, _bcA);
        }

        return _bcA[0];
    }

    /// <summary>The whole RFC 7748 ladder (255 steps), per step: the dispatched kernel (AVX2 where present).</summary>
    [Benchmark(OperationsPerInvoke = X25519Ladder.Bits), BenchmarkCategory("Ladder step")]
    public ulong LadderStep_FintechCrypto()
    {
        X25519Ladder.Run(_k, _a, out FieldElement25519 x2, out _);
        return x2.L0;
    }

    /// <summary>The same ladder on the scalar twin (the reference), per step.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = X25519Ladder.Bits), BenchmarkCategory("Ladder step")]
    public ulong LadderStep_ScalarTwin()
    {
        X25519LadderScalar.Run(_k, _a, out FieldElement25519 x2, out _);
        return x2.L0;
    }
}

/// <summary>X25519 and Ed25519 through the public API, beside BouncyCastle 2.x.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class Curve25519Benchmarks
{
    private readonly byte[] _message = Iso20022Message.Create();
    private readonly byte[] _signature = new byte[64];
    private readonly byte[] _secret = new byte[32];
    private readonly byte[] _publicKeyBytes = new byte[32];
    private byte[] _seed = null!;
    private byte[] _rawPublicKey = null!;
    private byte[] _validSignature = null!;
    private SigningKey _key = null!;
    private VerificationKey _publicKey = null!;
    private KeyAgreementKey _x25519 = null!;
    private KeyAgreementPublicKey _x25519Peer = null!;
    private Ed25519PrivateKeyParameters _bcKey = null!;
    private Ed25519PublicKeyParameters _bcPublicKey = null!;
    private X25519PrivateKeyParameters _bcX25519 = null!;
    private X25519PublicKeyParameters _bcX25519Peer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        _seed = _key.Export(KeyBlobFormat.PrivateKeySeed);
        _publicKey = _key.PublicKey;
        _rawPublicKey = _publicKey.Export(KeyBlobFormat.RawPublicKey);
        _validSignature = _key.Sign(_message);
        _bcKey = new Ed25519PrivateKeyParameters(_seed);
        _bcPublicKey = _bcKey.GeneratePublicKey();

        _x25519 = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        using KeyAgreementKey peer = KeyAgreementKey.Generate(KeyAgreementAlgorithm.X25519);
        byte[] raw = peer.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        _x25519Peer = KeyAgreementPublicKey.Import(KeyAgreementAlgorithm.X25519, raw, KeyBlobFormat.RawPublicKey);
        _bcX25519Peer = new X25519PublicKeyParameters(raw);
        _bcX25519 = new X25519PrivateKeyParameters(_x25519.Export(KeyBlobFormat.RawPrivateKey));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _key.Dispose();
        _x25519.Dispose();
        _x25519Peer.Dispose();
    }

    [Benchmark, BenchmarkCategory("X25519")]
    public byte[] X25519_FintechCrypto()
    {
        _x25519.Agree(_x25519Peer, _secret);
        return _secret;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("X25519")]
    public byte[] X25519_BouncyCastle()
    {
        _bcX25519.GenerateSecret(_bcX25519Peer, _secret, 0);
        return _secret;
    }

    /// <summary>Key generation from a seed (RFC 8032 §5.1.5) and the public key.</summary>
    [Benchmark, BenchmarkCategory("Ed25519 keygen")]
    public byte[] Keygen_FintechCrypto()
    {
        using SigningKey key = SigningKey.Import(SignatureAlgorithm.Ed25519, _seed, KeyBlobFormat.PrivateKeySeed);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Ed25519 keygen")]
    public byte[] Keygen_BouncyCastle()
    {
        BcEd25519.GeneratePublicKey(_seed, 0, _publicKeyBytes, 0);
        return _publicKeyBytes;
    }

    [Benchmark, BenchmarkCategory("Ed25519 sign")]
    public int Sign_FintechCrypto() => _key.Sign(_message.AsSpan(), _signature.AsSpan());

    [Benchmark(Baseline = true), BenchmarkCategory("Ed25519 sign")]
    public byte[] Sign_BouncyCastle()
    {
        _bcKey.Sign(BcEd25519.Algorithm.Ed25519, null, _message, 0, _message.Length, _signature, 0);
        return _signature;
    }

    /// <summary>Verification with a key object that has verified before (its tables are built).</summary>
    [Benchmark, BenchmarkCategory("Ed25519 verify (key reused)")]
    public bool Verify_FintechCrypto() => _publicKey.Verify(_message, _validSignature);

    [Benchmark(Baseline = true), BenchmarkCategory("Ed25519 verify (key reused)")]
    public bool Verify_BouncyCastle() =>
        _bcPublicKey.Verify(BcEd25519.Algorithm.Ed25519, null, _message, 0, _message.Length, _validSignature, 0);

    /// <summary>Import of the raw public key and its first verification.</summary>
    [Benchmark, BenchmarkCategory("Ed25519 import + verify")]
    public bool ImportVerify_FintechCrypto()
    {
        using VerificationKey key = VerificationKey.Import(SignatureAlgorithm.Ed25519, _rawPublicKey, KeyBlobFormat.RawPublicKey);
        return key.Verify(_message, _validSignature);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Ed25519 import + verify")]
    public bool ImportVerify_BouncyCastle() =>
        new Ed25519PublicKeyParameters(_rawPublicKey).Verify(BcEd25519.Algorithm.Ed25519, null, _message, 0, _message.Length, _validSignature, 0);
}

/// <summary>
/// Batch verification of N signatures under N different keys (card and payment verifiers see many keys), against N
/// single verifications of ours with the same key objects (which have verified before, so each has its tables: the
/// fastest single path) and N of BouncyCastle's; and, for keys that arrive with their signatures (each card's key used
/// once), N imports then one batch against N imports each followed by its single verification.
/// </summary>
[MemoryDiagnoser]
public class Ed25519BatchBenchmarks
{
    private BatchVerificationItem[] _items = null!;
    private Ed25519PublicKeyParameters[] _bcKeys = null!;
    private byte[][] _messages = null!;
    private byte[][] _signatures = null!;
    private byte[][] _rawKeys = null!;

    [Params(1, 8, 64, 256)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        byte[] message = Iso20022Message.Create();
        _items = new BatchVerificationItem[N];
        _bcKeys = new Ed25519PublicKeyParameters[N];
        _messages = new byte[N][];
        _signatures = new byte[N][];
        _rawKeys = new byte[N][];
        for (int i = 0; i < N; i++)
        {
            using SigningKey key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
            byte[] m = [.. message, (byte)i, (byte)(i >> 8)];
            byte[] raw = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
            _rawKeys[i] = raw;
            var publicKey = VerificationKey.Import(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey);
            _messages[i] = m;
            _signatures[i] = key.Sign(m);
            _items[i] = new BatchVerificationItem(publicKey, m, _signatures[i]);
            _bcKeys[i] = new Ed25519PublicKeyParameters(raw);
            publicKey.Verify(m, _items[i].Signature.Span);
            publicKey.Verify(m, _items[i].Signature.Span); // the second verification builds the key's tables
        }
    }

    [Benchmark]
    public bool Batch_FintechCrypto() => VerificationKey.VerifyBatch(_items);

    [Benchmark(Baseline = true)]
    public bool Singles_FintechCrypto()
    {
        bool all = true;
        foreach (BatchVerificationItem item in _items)
        {
            all &= item.Key.Verify(item.Message.Span, item.Signature.Span);
        }

        return all;
    }

    [Benchmark]
    public bool Singles_BouncyCastle()
    {
        bool all = true;
        for (int i = 0; i < _items.Length; i++)
        {
            byte[] m = _messages[i];
            all &= _bcKeys[i].Verify(BcEd25519.Algorithm.Ed25519, null, m, 0, m.Length, _signatures[i], 0);
        }

        return all;
    }

    [Benchmark]
    public bool ImportThenBatch_FintechCrypto()
    {
        var items = new BatchVerificationItem[_rawKeys.Length];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = new BatchVerificationItem(VerificationKey.Import(SignatureAlgorithm.Ed25519, _rawKeys[i], KeyBlobFormat.RawPublicKey), _messages[i], _signatures[i]);
        }

        return VerificationKey.VerifyBatch(items);
    }

    [Benchmark]
    public bool ImportThenSingles_FintechCrypto()
    {
        bool all = true;
        for (int i = 0; i < _rawKeys.Length; i++)
        {
            using VerificationKey key = VerificationKey.Import(SignatureAlgorithm.Ed25519, _rawKeys[i], KeyBlobFormat.RawPublicKey);
            all &= key.Verify(_messages[i], _signatures[i]);
        }

        return all;
    }
}
