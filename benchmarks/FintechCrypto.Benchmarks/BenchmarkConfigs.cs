using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace FintechCrypto.Benchmarks;

/// <summary>The two configurations: BenchmarkDotNet's defaults, and a quick one for a first look on a small machine.</summary>
public static class BenchmarkConfigs
{
    /// <summary>The command-line switch that selects <see cref="Quick"/>.</summary>
    public const string QuickSwitch = "--quick";

    /// <summary>
    /// Wide enough for a whole FROST context string (FROST-RISTRETTO255-SHA512-v1 is 28 characters); BenchmarkDotNet's
    /// default of 20 would shorten two suites' names to the same "FROST(...)12-v1".
    /// </summary>
    private const int ParameterColumnWidth = 32;

    /// <summary>BenchmarkDotNet's default job, with ratios shown as plain numbers.</summary>
    public static IConfig Default() => DefaultConfig.Instance
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value).WithMaxParameterColumnWidth(ParameterColumnWidth))
        .AddColumn(CategoriesColumn.Default);

    /// <summary>
    /// One launch, 3 warm-up and 10 measured iterations of about 250 ms each: all classical suites finish in a few
    /// minutes on 2 cores. Good enough for ratios against the in-run baseline; use the default job for figures
    /// that an issue depends on.
    /// </summary>
    public static IConfig Quick() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithId("Quick")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .AsDefault())
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value).WithMaxParameterColumnWidth(ParameterColumnWidth))
        .AddColumn(CategoriesColumn.Default);
}
