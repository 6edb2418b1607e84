// Entry point: see README.md. Everything on the command line is BenchmarkDotNet's own (--filter, --job...).

using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FintechCrypto.Benchmarks.BeforeAfter;

public static class Program
{
    public static int Main(string[] args)
    {
        // Both builds in one process and one job, in this process (the in-process toolchain: BenchmarkDotNet does not
        // rebuild this project, so the build that loaded the baseline is the one measured); the full JSON keeps every
        // measurement so that ratio-ci.py can put a confidence interval on each ratio.
        IConfig config = DefaultConfig.Instance
            .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(12).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(120)).WithEvaluateOverhead(false).WithToolchain(InProcessEmitToolchain.Instance))
            .AddExporter(JsonExporter.Full)
            .AddColumn(StatisticColumn.Median)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(64));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
