// Entry point: `dotnet run -c Release --project benchmarks/FintechCrypto.Benchmarks -- [--quick] <BenchmarkDotNet arguments>`.
// Every suite runs the FintechCrypto operation beside the same operation in BouncyCastle (the baseline) in the
// same run, so the figure that matters is the Ratio column (architecture.md, "Performance").

using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace FintechCrypto.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        bool quick = args.Contains(BenchmarkConfigs.QuickSwitch, StringComparer.Ordinal);
        string[] rest = args.Where(a => !string.Equals(a, BenchmarkConfigs.QuickSwitch, StringComparison.Ordinal)).ToArray();
        IConfig config = quick ? BenchmarkConfigs.Quick() : BenchmarkConfigs.Default();

        // People and RESULTS.md need to know which kernels were selected (FINTECHCRYPTO_DISABLE_SIMD forces scalar).
        Console.Error.WriteLine($"FintechCrypto.Native dispatch: {FintechCrypto.Native.Dispatch.Describe()}");
        Console.Error.WriteLine($"Configuration: {(quick ? "quick (short run, for a first look and CI)" : "default BenchmarkDotNet jobs")}");

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
