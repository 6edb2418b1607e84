using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace FintechCrypto.Benchmarks.Classical;

/// <summary>
/// HMAC-SHA256 (RFC 2104) of a 1 KiB pacs.008 message under a 32-byte key, and HKDF-SHA256 (RFC 5869) of 32 bytes
/// from a 32-byte secret, 32-byte salt and a short info string. Both sides process the key on every call, as the
/// FintechCrypto API does.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class MacKdfBenchmarks
{
    private readonly byte[] _message = Iso20022Message.Create();
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _salt = new byte[32];
    private readonly byte[] _info = System.Text.Encoding.ASCII.GetBytes("pacs.008 session key v1");
    private readonly byte[] _output = new byte[32];
    private readonly HMac _bcHmac = new(new Sha256Digest());

    [GlobalSetup]
    public void Setup()
    {
        System.Security.Cryptography.RandomNumberGenerator.Fill(_key);
        System.Security.Cryptography.RandomNumberGenerator.Fill(_salt);
    }

    [Benchmark, BenchmarkCategory("HMAC-SHA256", "Compute")]
    public byte[] Hmac_FintechCrypto()
    {
        MacAlgorithm.HmacSha256.Compute(_key, _message, _output);
        return _output;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("HMAC-SHA256", "Compute")]
    public byte[] Hmac_BouncyCastle()
    {
        _bcHmac.Init(new KeyParameter(_key));
        _bcHmac.BlockUpdate(_message, 0, _message.Length);
        _bcHmac.DoFinal(_output, 0);
        return _output;
    }

    [Benchmark, BenchmarkCategory("HKDF-SHA256", "DeriveKey")]
    public byte[] Hkdf_FintechCrypto()
    {
        KdfAlgorithm.HkdfSha256.DeriveKey(_key, _salt, _info, _output);
        return _output;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("HKDF-SHA256", "DeriveKey")]
    public byte[] Hkdf_BouncyCastle()
    {
        var hkdf = new HkdfBytesGenerator(new Sha256Digest());
        hkdf.Init(new HkdfParameters(_key, _salt, _info));
        hkdf.GenerateBytes(_output, 0, _output.Length);
        return _output;
    }
}
