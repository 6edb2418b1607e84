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
}
