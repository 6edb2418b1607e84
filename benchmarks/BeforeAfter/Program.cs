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
        if (args is ["--probe", string name, ..])
        {
            // A quick look outside BenchmarkDotNet (for diagnosis only; the table comes from the BenchmarkDotNet run):
            // the two builds alternated, five rounds of one second each.
            System.Func<int> before = FintechCrypto.Benchmarks.BeforeAfter.Before.Operations.Create(name), after = FintechCrypto.Benchmarks.BeforeAfter.After.Operations.Create(name);
            for (int round = 0; round < 5; round++)
            {
                System.Console.WriteLine($"{name}: before {Time(before):F2} µs, after {Time(after):F2} µs");
            }

            return 0;
        }

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

    private static double Time(System.Func<int> operation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long count = 0;
        while (clock.ElapsedMilliseconds < 1000)
        {
            operation();
            count++;
        }

        return clock.Elapsed.TotalMicroseconds / count;
    }
}
