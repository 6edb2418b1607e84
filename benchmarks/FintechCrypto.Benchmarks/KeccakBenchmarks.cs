using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FintechCrypto.Internal.Sha3;
using FintechCrypto.Native;
using FintechCrypto.Native.Keccak;
using FintechCrypto.Native.Simd;
using Org.BouncyCastle.Crypto.Digests;

namespace FintechCrypto.Benchmarks;

/// <summary>
/// Keccak-f[1600] (FIPS 202 §3.4) kernels and SHAKE128 in ML-KEM's matrix-expansion shape (FIPS 203 SampleNTT:
/// a 34-byte rho || j || i input, three 168-byte output blocks). The permutation group's baseline is four x1
/// scalar permutations (what the x4 kernels replace); the SHAKE groups' baseline is BouncyCastle's ShakeDigest.
/// The AVX2 benchmark runs the scalar twin when Dispatch does not allow AVX2 (see the dispatch line printed first).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class KeccakBenchmarks
{
    private const string Permutation = "Keccak-f[1600]";
    private const string Shake = "SHAKE128 34 -> 504 bytes";
    private const string Shake4 = "4 x SHAKE128 34 -> 504 bytes";

    private readonly ulong[] _state = new ulong[25];
    private readonly ulong[] _states = new ulong[100];
    private readonly byte[][] _seeds = new byte[4][];
    private readonly byte[][] _outputs = [new byte[504], new byte[504], new byte[504], new byte[504]];
    private readonly ShakeDigest _bouncyCastle = new(128);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (int j = 0; j < 4; j++)
        {
            _seeds[j] = new byte[34];
            random.NextBytes(_seeds[j]);
        }

        for (int i = 0; i < _states.Length; i++)
        {
            _states[i] = (ulong)random.NextInt64();
        }
    }

    [Benchmark(Description = "x1 scalar")]
    [BenchmarkCategory(Permutation)]
    public void X1Scalar() => KeccakF1600Scalar.Permute(_state);

    [Benchmark(Baseline = true, Description = "4 x x1 scalar")]
    [BenchmarkCategory(Permutation)]
    public void FourX1Scalar()
    {
        KeccakF1600Scalar.Permute(_state);
        KeccakF1600Scalar.Permute(_state);
        KeccakF1600Scalar.Permute(_state);
        KeccakF1600Scalar.Permute(_state);
    }

    [Benchmark(Description = "x4 scalar twin")]
    [BenchmarkCategory(Permutation)]
    public void X4Scalar() => KeccakF1600x4Scalar.Permute(_states);

    [Benchmark(Description = "x4 AVX2")]
    [BenchmarkCategory(Permutation)]
    public void X4Avx2()
    {
        if (Dispatch.UseAvx2)
        {
            KeccakF1600x4Vector256.Permute<Avx2Ops>(_states);
        }
        else
        {
            KeccakF1600x4Scalar.Permute(_states);
        }
    }

    [Benchmark(Baseline = true, Description = "BouncyCastle ShakeDigest")]
    [BenchmarkCategory(Shake)]
    public void BouncyCastleShake128()
    {
        _bouncyCastle.BlockUpdate(_seeds[0], 0, 34);
        _bouncyCastle.OutputFinal(_outputs[0], 0, 504);
    }

    [Benchmark(Description = "FintechCrypto Shake128")]
    [BenchmarkCategory(Shake)]
    public void OurShake128() => Internal.Sha3.Shake.HashData128(_seeds[0], _outputs[0]);

    [Benchmark(Description = "FintechCrypto Shake128 SqueezeBlocks")]
    [BenchmarkCategory(Shake)]
    public void OurShake128Blocks()
    {
        var xof = Internal.Sha3.Shake.Create128();
        xof.Absorb(_seeds[0]);
        xof.SqueezeBlocks(_outputs[0]);
        xof.Clear();
    }

    [Benchmark(Baseline = true, Description = "4 x BouncyCastle ShakeDigest")]
    [BenchmarkCategory(Shake4)]
    public void FourBouncyCastleShake128()
    {
        for (int j = 0; j < 4; j++)
        {
            _bouncyCastle.BlockUpdate(_seeds[j], 0, 34);
            _bouncyCastle.OutputFinal(_outputs[j], 0, 504);
        }
    }

    [Benchmark(Description = "4 x FintechCrypto Shake128")]
    [BenchmarkCategory(Shake4)]
    public void FourOurShake128()
    {
        for (int j = 0; j < 4; j++)
        {
            Internal.Sha3.Shake.HashData128(_seeds[j], _outputs[j]);
        }
    }

    [Benchmark(Description = "FintechCrypto Shake128x4")]
    [BenchmarkCategory(Shake4)]
    public void OurShake128x4() =>
        ShakeX4.HashData128(_seeds[0], _seeds[1], _seeds[2], _seeds[3], _outputs[0], _outputs[1], _outputs[2], _outputs[3]);
}
