using System;
using System.Diagnostics;
using System.IO;
using FintechCrypto.Native;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>The switch that forces scalar kernels (architecture.md) exists and is read from the environment.</summary>
public class DispatchTests
{
    [Fact]
    public void Describe_ReflectsTheEnvironmentSwitch()
    {
        string? env = Environment.GetEnvironmentVariable(Dispatch.DisableSimdEnvironmentVariable);
        bool forced = env is "1" || string.Equals(env, "true", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(forced, Dispatch.SimdDisabled);
        if (forced)
        {
            Assert.False(Dispatch.UseAvx2);
            Assert.False(Dispatch.UseVector128);
            Assert.False(Dispatch.UseVector256);
            Assert.StartsWith("scalar", Dispatch.Describe(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(System.Runtime.Intrinsics.X86.Avx2.IsSupported, Dispatch.UseAvx2);
        }
    }

    // The checks the ISA-specific kernel tests made before returning early on a CPU without the set, made once:
    // Dispatch never selects a kernel whose instruction set is absent or turned off.
    [Fact]
    public void Dispatch_NeverSelectsAKernelTheCpuOrRuntimeLacks()
    {
        bool avx2 = System.Runtime.Intrinsics.X86.Avx2.IsSupported;
        bool avx512 = System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported;
        Assert.Equal(avx2, Dispatch.HasAvx2);
        Assert.Equal(!Dispatch.SimdDisabled && avx2, Dispatch.UseAvx2);
        Assert.Equal(Dispatch.UseAvx2 && Dispatch.HasAvx512, Dispatch.UseAvx512);
        Assert.True(avx512 || !Dispatch.HasAvx512, "Dispatch claims AVX-512VL on a machine or runtime without it.");
        if (!avx2)
        {
            Assert.False(Dispatch.UseAvx2, "Dispatch selected the AVX2 kernels on a machine without AVX2.");
        }

        if (!avx512)
        {
            Assert.False(Dispatch.UseAvx512, "Dispatch selected the AVX-512VL kernels on a machine without AVX-512VL.");
        }
    }

    // .NET 10 ignores the pre-.NET 10 knob DOTNET_EnableAVX512F that the CI leg sets; Dispatch honours it, so that
    // leg really runs the AVX2 kernels (and reports the AVX-512VL kernel tests as skipped).
    [Fact]
    public void Dispatch_HonoursTheLegacyAvx512Knob()
    {
        string? knob = Environment.GetEnvironmentVariable(Dispatch.LegacyDisableAvx512EnvironmentVariable)?.Trim();
        bool off = !string.IsNullOrEmpty(knob) && knob.TrimStart('0').Length == 0;
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported && Dispatch.HasAvx2 && !off, Dispatch.HasAvx512);
        if (off)
        {
            Assert.False(Dispatch.UseAvx512);
            Assert.NotNull(RequiresIsa.SkipReason(InstructionSet.Avx512VL));
        }
    }
}
