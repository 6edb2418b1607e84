using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BeforeOps = FintechCrypto.Benchmarks.BeforeAfter.Before.Operations;
using AfterOps = FintechCrypto.Benchmarks.BeforeAfter.After.Operations;

namespace FintechCrypto.Benchmarks.BeforeAfter;

/// <summary>
/// Each operation of <c>Operations.Names</c> run by the baseline build (Before, the Ratio's baseline) and by this
/// checkout's build (After) in the same process, in the order Before, After, After, Before (an ABBA design: a
/// machine that gets slower or faster over the seconds one operation takes is charged to both builds alike, which a
/// single Before-then-After pair could not do on a shared VM). ratio-ci.py pools each build's two blocks.
/// </summary>
[MemoryDiagnoser]
public class BeforeAfterBenchmarks
{
    private Func<int> _before = null!;
    private Func<int> _after = null!;

    /// <summary>The operations, by name.</summary>
    public static IEnumerable<string> OperationNames() => AfterOps.Names;

    /// <summary>The operation measured.</summary>
    [ParamsSource(nameof(OperationNames))]
    public string Operation { get; set; } = "Ed25519 sign";

    [GlobalSetup]
    public void Setup()
    {
        _before = BeforeOps.Create(Operation);
        _after = AfterOps.Create(Operation);
    }

    [Benchmark(Baseline = true)]
    public int Before_() => _before();

    [Benchmark]
    public int After_() => _after();

    [Benchmark]
    public int After2_() => _after();

    [Benchmark]
    public int Before2_() => _before();
}
