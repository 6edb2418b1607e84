using System;
using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using BcChaCha20Poly1305 = Org.BouncyCastle.Crypto.Modes.ChaCha20Poly1305;

namespace FintechCrypto.Benchmarks.Classical;

/// <summary>
/// AES-256-GCM (SP 800-38D) and ChaCha20-Poly1305 (RFC 8439 §2.8): seal and open of a 1 KiB pacs.008 message
/// with 32 bytes of associated data. Each seal uses a fresh 96-bit nonce (a counter), as a real sender must;
/// BouncyCastle refuses a repeated key and nonce for encryption.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class AeadBenchmarks
{
    private readonly byte[] _message = Iso20022Message.Create();
    private readonly byte[] _associatedData = new byte[32];
    private readonly byte[] _sealed = new byte[Iso20022Message.Size + 16];
    private readonly byte[] _opened = new byte[Iso20022Message.Size];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _fixedNonce = new byte[12];
    private ulong _counter;
    private AeadKey _aesGcm = null!;
    private AeadKey _chaCha = null!;
    private KeyParameter _bcAesKey = null!;
    private KeyParameter _bcChaChaKey = null!;
    private GcmBlockCipher _bcGcm = null!;
    private BcChaCha20Poly1305 _bcChaCha = null!;
    private byte[] _aesGcmSealed = null!;
    private byte[] _chaChaSealed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _aesGcm = AeadKey.Generate(AeadAlgorithm.Aes256Gcm);
        _chaCha = AeadKey.Generate(AeadAlgorithm.ChaCha20Poly1305);
        _bcAesKey = new KeyParameter(_aesGcm.Export(KeyBlobFormat.RawPrivateKey));
        _bcChaChaKey = new KeyParameter(_chaCha.Export(KeyBlobFormat.RawPrivateKey));
        _bcGcm = new GcmBlockCipher(AesUtilities.CreateEngine());
        _bcChaCha = new BcChaCha20Poly1305();
        _aesGcmSealed = _aesGcm.Encrypt(_fixedNonce, _message, _associatedData);
        _chaChaSealed = _chaCha.Encrypt(_fixedNonce, _message, _associatedData);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _aesGcm.Dispose();
        _chaCha.Dispose();
    }

    [Benchmark, BenchmarkCategory("AES-256-GCM", "Seal")]
    public byte[] AesGcmSeal_FintechCrypto()
    {
        _aesGcm.Encrypt(NextNonce(), _message, _associatedData, _sealed);
        return _sealed;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("AES-256-GCM", "Seal")]
    public byte[] AesGcmSeal_BouncyCastle() => BouncyCastleRun(_bcGcm, true, _bcAesKey, NextNonce().ToArray(), _message, _sealed);

    [Benchmark, BenchmarkCategory("AES-256-GCM", "Open")]
    public bool AesGcmOpen_FintechCrypto() => _aesGcm.TryDecrypt(_fixedNonce, _aesGcmSealed, _associatedData, _opened, out _);

    [Benchmark(Baseline = true), BenchmarkCategory("AES-256-GCM", "Open")]
    public byte[] AesGcmOpen_BouncyCastle() => BouncyCastleRun(_bcGcm, false, _bcAesKey, _fixedNonce, _aesGcmSealed, _opened);

    [Benchmark, BenchmarkCategory("ChaCha20-Poly1305", "Seal")]
    public byte[] ChaChaSeal_FintechCrypto()
    {
        _chaCha.Encrypt(NextNonce(), _message, _associatedData, _sealed);
        return _sealed;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("ChaCha20-Poly1305", "Seal")]
    public byte[] ChaChaSeal_BouncyCastle() => BouncyCastleRun(_bcChaCha, true, _bcChaChaKey, NextNonce().ToArray(), _message, _sealed);

    [Benchmark, BenchmarkCategory("ChaCha20-Poly1305", "Open")]
    public bool ChaChaOpen_FintechCrypto() => _chaCha.TryDecrypt(_fixedNonce, _chaChaSealed, _associatedData, _opened, out _);

    [Benchmark(Baseline = true), BenchmarkCategory("ChaCha20-Poly1305", "Open")]
    public byte[] ChaChaOpen_BouncyCastle() => BouncyCastleRun(_bcChaCha, false, _bcChaChaKey, _fixedNonce, _chaChaSealed, _opened);

    private ReadOnlySpan<byte> NextNonce()
    {
        BinaryPrimitives.WriteUInt64BigEndian(_nonce.AsSpan(4), ++_counter);
        return _nonce;
    }

    private byte[] BouncyCastleRun(IAeadCipher cipher, bool forEncryption, KeyParameter key, byte[] nonce, byte[] input, byte[] output)
    {
        cipher.Init(forEncryption, new AeadParameters(key, 128, nonce, _associatedData));
        int written = cipher.ProcessBytes(input, 0, input.Length, output, 0);
        cipher.DoFinal(output, written);
        return output;
    }
}
