// Dispatch: the one place in FintechCrypto that asks which instruction sets exist.
//
// Every vector kernel in this assembly has a scalar twin with the same signature; callers ask
// Dispatch which one to run. The scalar twin is the reference. Two switches force it for the whole
// process (architecture.md, "Rules of the house"):
//   - the AppContext switch  FintechCrypto.Native.DisableSimd  (runtimeconfig.json or AppContext.SetSwitch)
//   - the environment variable  FINTECHCRYPTO_DISABLE_SIMD=1
// The decision is read once, at first use, so it is constant for the life of the process.

using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native;

/// <summary>Selects SIMD or scalar kernels, once per process.</summary>
internal static class Dispatch
{
    /// <summary>The AppContext switch that forces the scalar kernels.</summary>
    internal const string DisableSimdSwitch = "FintechCrypto.Native.DisableSimd";

    /// <summary>The environment variable that forces the scalar kernels when set to 1 or true.</summary>
    internal const string DisableSimdEnvironmentVariable = "FINTECHCRYPTO_DISABLE_SIMD";

    /// <summary>True when the AppContext switch or the environment variable forces the scalar kernels.</summary>
    internal static readonly bool SimdDisabled = ReadSimdDisabled();

    /// <summary>True when 256-bit AVX2 kernels may run.</summary>
    internal static readonly bool UseAvx2 = !SimdDisabled && Avx2.IsSupported;

    /// <summary>
    /// True when the AVX-512VL forms of the 256-bit kernels may run (64-bit rotates and three-input logic on
    /// Vector256). Implies <see cref="UseAvx2"/>; DOTNET_EnableAVX2=0 and DOTNET_EnableAVX512F=0 turn it off.
    /// </summary>
    internal static readonly bool UseAvx512 = UseAvx2 && Avx512F.VL.IsSupported;

    /// <summary>True when 128-bit portable vector kernels may run (SSE2/AdvSimd via Vector128).</summary>
    internal static readonly bool UseVector128 = !SimdDisabled && Vector128.IsHardwareAccelerated;

    /// <summary>True when 256-bit portable vector kernels may run (Vector256).</summary>
    internal static readonly bool UseVector256 = !SimdDisabled && Vector256.IsHardwareAccelerated;

    /// <summary>A short description of the selected backend, for diagnostics and benchmark reports.</summary>
    internal static string Describe() =>
        SimdDisabled ? "scalar (SIMD disabled)"
        : UseAvx512 ? "AVX2 + AVX-512VL"
        : UseAvx2 ? "AVX2"
        : UseVector256 ? "Vector256"
        : UseVector128 ? "Vector128"
        : "scalar (no SIMD hardware)";

    private static bool ReadSimdDisabled()
    {
        if (AppContext.TryGetSwitch(DisableSimdSwitch, out bool disabled) && disabled)
        {
            return true;
        }

        string? value = Environment.GetEnvironmentVariable(DisableSimdEnvironmentVariable);
        return value is not null
            && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
    }
}
