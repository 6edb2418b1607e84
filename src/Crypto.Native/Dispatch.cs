// Dispatch: the one place in FintechCrypto that asks which instruction sets exist.
//
// Nothing else in src/ reads Avx2.IsSupported, Avx512F.VL.IsSupported, Vector256.IsHardwareAccelerated and the
// like: every kernel's entry function branches on the flags below, as Go's crypto code does,
//     if (Dispatch.UseAvx512) { Kernel<Avx512Ops>(...); } else if (Dispatch.UseAvx2) { Kernel<Avx2Ops>(...); } else { Scalar(...); }
// and the tests ask the Has* flags whether a kernel can run at all. The fields are static readonly, so the tier-1
// JIT reads them as constants and the untaken branches vanish.
//
// Every vector kernel in this assembly has a scalar twin with the same signature; the scalar twin is the
// reference. Two switches force it for the whole process (architecture.md, "Rules of the house"):
//   - the AppContext switch  FintechCrypto.Native.DisableSimd  (runtimeconfig.json or AppContext.SetSwitch)
//   - the environment variable  FINTECHCRYPTO_DISABLE_SIMD=1
// The runtime's own knobs turn instruction sets off below us: DOTNET_EnableAVX2=0 (then Avx2.IsSupported is false)
// and DOTNET_EnableAVX512=0 (.NET 10's name). .NET 10 no longer reads the older DOTNET_EnableAVX512F, which our CI
// legs and documents use, so Dispatch honours DOTNET_EnableAVX512F=0 itself (AVX-512 kernels off, AVX2 ones on).
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

    /// <summary>The pre-.NET 10 runtime knob that turns AVX-512 off; Dispatch honours it (see the file header).</summary>
    internal const string LegacyDisableAvx512EnvironmentVariable = "DOTNET_EnableAVX512F";

    /// <summary>True when the AppContext switch or the environment variable forces the scalar kernels.</summary>
    internal static readonly bool SimdDisabled = ReadSimdDisabled();

    /// <summary>True when this CPU and runtime execute AVX2, whatever the SIMD switch says (kernels may be called directly).</summary>
    internal static readonly bool HasAvx2 = Avx2.IsSupported;

    /// <summary>
    /// True when this CPU and runtime execute the AVX-512VL forms of 256-bit instructions (64-bit rotates and
    /// three-input logic on Vector256), whatever the SIMD switch says; false under DOTNET_EnableAVX512F=0.
    /// </summary>
    internal static readonly bool HasAvx512 = HasAvx2 && Avx512F.VL.IsSupported && !IsZero(LegacyDisableAvx512EnvironmentVariable);

    /// <summary>True when this CPU and runtime execute BMI2's MULX (x64), whatever the SIMD switch says.</summary>
    internal static readonly bool HasBmi2 = Bmi2.X64.IsSupported;

    /// <summary>True when Vector256 operations are hardware accelerated, whatever the SIMD switch says.</summary>
    internal static readonly bool HasVector256 = Vector256.IsHardwareAccelerated;

    /// <summary>True when Vector128 operations are hardware accelerated (SSE2, AdvSimd), whatever the SIMD switch says.</summary>
    internal static readonly bool HasVector128 = Vector128.IsHardwareAccelerated;

    /// <summary>True when 256-bit AVX2 kernels may run.</summary>
    internal static readonly bool UseAvx2 = !SimdDisabled && HasAvx2;

    /// <summary>
    /// True when the AVX-512VL forms of the 256-bit kernels may run. Implies <see cref="UseAvx2"/>;
    /// DOTNET_EnableAVX2=0, DOTNET_EnableAVX512=0 and DOTNET_EnableAVX512F=0 turn it off.
    /// </summary>
    internal static readonly bool UseAvx512 = UseAvx2 && HasAvx512;

    /// <summary>
    /// True when scalar code may use MULX for 64 x 64 -> 128-bit products (Arithmetic/Multiply64). Not SIMD, but an
    /// instruction-set choice with a portable twin all the same, so the scalar switch forces the twin too.
    /// </summary>
    internal static readonly bool UseBmi2 = !SimdDisabled && HasBmi2;

    /// <summary>True when 128-bit portable vector kernels may run (SSE2/AdvSimd via Vector128).</summary>
    internal static readonly bool UseVector128 = !SimdDisabled && HasVector128;

    /// <summary>True when 256-bit portable vector kernels may run (Vector256).</summary>
    internal static readonly bool UseVector256 = !SimdDisabled && HasVector256;

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

    // The runtime reads its DOTNET_Enable* knobs as hexadecimal numbers; 0 (in any spelling, e.g. "00") turns off.
    private static bool IsZero(string environmentVariable)
    {
        string? value = Environment.GetEnvironmentVariable(environmentVariable)?.Trim();
        return !string.IsNullOrEmpty(value) && value.TrimStart('0').Length == 0;
    }
}
