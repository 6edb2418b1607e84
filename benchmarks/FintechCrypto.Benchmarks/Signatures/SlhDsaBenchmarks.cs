using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace FintechCrypto.Benchmarks.Signatures;

/// <summary>
/// SLH-DSA (FIPS 205), all twelve parameter sets: hedged signing and verification of a 1 KiB pacs.008 message with an
/// empty context, FintechCrypto's own code against BouncyCastle 2.7.0's SlhDsaSigner (the baseline, Ratio = ours /
/// BouncyCastle's) in the same run, on the same key. The SHAKE sets run on the 4-way Keccak kernel, the SHA2 sets on
/// the 8-way SHA-256 kernel (AVX2 / AVX-512VL; with FINTECHCRYPTO_DISABLE_SIMD=1 the scalar twins and single calls).
/// Three classes, so that each gets a job it can afford:
///   - <see cref="SlhDsaBenchmarks"/>: the six 'f' sets, sign and verify (milliseconds each);
///   - <see cref="SlhDsaSmallSignBenchmarks"/>: the six 's' sets, sign (hundreds of milliseconds to seconds), with
///     <see cref="SlhDsaJobs.Slow"/>: one launch, one warm-up, five iterations of one invocation each;
///   - <see cref="SlhDsaSmallVerifyBenchmarks"/>: the six 's' sets, verify (about a millisecond).
/// Run all with <c>--filter "*SlhDsa*"</c>. The environment variable FINTECHCRYPTO_BENCH_SLHDSA_SETS (a comma-separated
/// list of set names) restricts every suite to those sets, e.g. the SHA2-128f / SHAKE-128f pair for a scalar run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[Config(typeof(SlhDsaJobs.Fast))]
public class SlhDsaBenchmarks : SlhDsaBenchmarkState
{
    /// <summary>The parameter set (FIPS 205 name).</summary>
    [ParamsSource(typeof(SlhDsaJobs), nameof(SlhDsaJobs.FastSets))]
    public override string ParameterSet { get; set; } = "SLH-DSA-SHA2-128f";

    /// <summary>FintechCrypto: hedged sign.</summary>
    [Benchmark, BenchmarkCategory("Sign")]
    public int Sign_FintechCrypto() => SignOurs();

    /// <summary>BouncyCastle: hedged sign (baseline).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Sign")]
    public byte[] Sign_BouncyCastle() => SignBouncyCastle();

    /// <summary>FintechCrypto: verify.</summary>
    [Benchmark, BenchmarkCategory("Verify")]
    public bool Verify_FintechCrypto() => VerifyOurs();

    /// <summary>BouncyCastle: verify (baseline).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Verify")]
    public bool Verify_BouncyCastle() => VerifyBouncyCastle();
}

/// <summary>SLH-DSA signing for the six 's' parameter sets (see <see cref="SlhDsaBenchmarks"/>).</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[Config(typeof(SlhDsaJobs.Slow))]
public class SlhDsaSmallSignBenchmarks : SlhDsaBenchmarkState
{
    /// <summary>The parameter set (FIPS 205 name).</summary>
    [ParamsSource(typeof(SlhDsaJobs), nameof(SlhDsaJobs.SmallSets))]
    public override string ParameterSet { get; set; } = "SLH-DSA-SHA2-128s";

    /// <summary>FintechCrypto: hedged sign.</summary>
    [Benchmark, BenchmarkCategory("Sign")]
    public int Sign_FintechCrypto() => SignOurs();

    /// <summary>BouncyCastle: hedged sign (baseline).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Sign")]
    public byte[] Sign_BouncyCastle() => SignBouncyCastle();
}

/// <summary>SLH-DSA verification for the six 's' parameter sets (see <see cref="SlhDsaBenchmarks"/>).</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[Config(typeof(SlhDsaJobs.Fast))]
public class SlhDsaSmallVerifyBenchmarks : SlhDsaBenchmarkState
{
    /// <summary>The parameter set (FIPS 205 name).</summary>
    [ParamsSource(typeof(SlhDsaJobs), nameof(SlhDsaJobs.SmallSets))]
    public override string ParameterSet { get; set; } = "SLH-DSA-SHA2-128s";

    /// <summary>FintechCrypto: verify.</summary>
    [Benchmark, BenchmarkCategory("Verify")]
    public bool Verify_FintechCrypto() => VerifyOurs();

    /// <summary>BouncyCastle: verify (baseline).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Verify")]
    public bool Verify_BouncyCastle() => VerifyBouncyCastle();
}

/// <summary>The jobs of the SLH-DSA suites (they replace the global job for these classes).</summary>
public static class SlhDsaJobs
{
    /// <summary>The environment variable that restricts the suites to some sets (comma-separated names).</summary>
    public const string SetsVariable = "FINTECHCRYPTO_BENCH_SLHDSA_SETS";

    /// <summary>The six 'f' sets (or those of them named in <see cref="SetsVariable"/>).</summary>
    public static IEnumerable<string> FastSets() =>
        Selected("SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f", "SLH-DSA-SHA2-192f", "SLH-DSA-SHAKE-192f", "SLH-DSA-SHA2-256f", "SLH-DSA-SHAKE-256f");

    /// <summary>The six 's' sets (or those of them named in <see cref="SetsVariable"/>).</summary>
    public static IEnumerable<string> SmallSets() =>
        Selected("SLH-DSA-SHA2-128s", "SLH-DSA-SHAKE-128s", "SLH-DSA-SHA2-192s", "SLH-DSA-SHAKE-192s", "SLH-DSA-SHA2-256s", "SLH-DSA-SHAKE-256s");

    /// <summary>Milliseconds per operation: one launch, 3 warm-ups, 10 iterations of about 500 ms.</summary>
    public sealed class Fast : ManualConfig
    {
        /// <summary>Creates the configuration.</summary>
        public Fast() => AddJob(Job.Default
            .WithId("SlhDsaFast")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(500)));
    }

    private static IEnumerable<string> Selected(params string[] sets)
    {
        string? only = Environment.GetEnvironmentVariable(SetsVariable);
        if (string.IsNullOrWhiteSpace(only))
        {
            return sets;
        }

        string[] names = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return sets.Where(s => names.Contains(s, StringComparer.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>Up to seconds per operation: one launch, one warm-up, five iterations of one invocation each.</summary>
    public sealed class Slow : ManualConfig
    {
        /// <summary>Creates the configuration.</summary>
        public Slow() => AddJob(Job.Default
            .WithId("SlhDsaSlow")
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
    }
}

/// <summary>The keys and messages shared by the SLH-DSA suites: one key from a fixed seed, imported into both libraries.</summary>
public abstract class SlhDsaBenchmarkState
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

    /// <summary>The parameter set (FIPS 205 name); each suite lists its sets.</summary>
    public abstract string ParameterSet { get; set; }

    /// <summary>Generates the key from a fixed seed and one signature to verify.</summary>
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
        if (!VerifyBouncyCastle())
        {
            throw new InvalidOperationException("BouncyCastle does not verify FintechCrypto's signature.");
        }
    }

    /// <summary>Disposes the key.</summary>
    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    /// <summary>FintechCrypto: hedged sign into a preallocated buffer.</summary>
    protected int SignOurs() => _key.Sign(_message, _destination);

    /// <summary>BouncyCastle: hedged sign.</summary>
    protected byte[] SignBouncyCastle()
    {
        var signer = new SlhDsaSigner(_bcParameters, deterministic: false);
        signer.Init(true, new ParametersWithRandom(_bcPrivate, _bcRandom));
        signer.BlockUpdate(_message);
        return signer.GenerateSignature();
    }

    /// <summary>FintechCrypto: verify.</summary>
    protected bool VerifyOurs() => _publicKey.Verify(_message, _signature);

    /// <summary>BouncyCastle: verify.</summary>
    protected bool VerifyBouncyCastle()
    {
        var verifier = new SlhDsaSigner(_bcParameters, deterministic: false);
        verifier.Init(false, _bcPublic);
        verifier.BlockUpdate(_message);
        return verifier.VerifySignature(_signature);
    }
}
