using System;
using FintechCrypto.Native;
using FintechCrypto.Native.Keccak;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>The AVX-512VL 4-way Keccak kernel against its AVX2 and scalar twins.</summary>
public class KeccakAvx512DifferentialTests
{
    [Fact]
    public void Avx512_EqualsScalarTwin_OnRandomAndEdgeStates()
    {
        if (!System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported)
        {
            // No AVX-512VL on this machine: the dispatcher must not pick the kernel.
            Assert.False(Dispatch.UseAvx512);
            return;
        }

        Assert.Equal(!Dispatch.SimdDisabled && Dispatch.UseAvx2, Dispatch.UseAvx512);
        var rng = new Random(512);
        byte[] bytes = new byte[800];
        for (int iteration = 0; iteration < 1000; iteration++)
        {
            ulong[] states = new ulong[100];
            switch (iteration % 4)
            {
                case 0:
                    rng.NextBytes(bytes);
                    Buffer.BlockCopy(bytes, 0, states, 0, 800);
                    break;
                case 1:
                    break;
                case 2:
                    Array.Fill(states, ulong.MaxValue);
                    break;
                default:
                    states[rng.Next(100)] = 1UL << rng.Next(64);
                    break;
            }

            ulong[] scalar = (ulong[])states.Clone();
            ulong[] avx2 = (ulong[])states.Clone();
            ulong[] avx512 = (ulong[])states.Clone();
            KeccakF1600x4Scalar.Permute(scalar);
            KeccakF1600x4Avx2.Permute(avx2);
            KeccakF1600x4Avx512.Permute(avx512);
            Assert.Equal(scalar, avx512);
            Assert.Equal(avx2, avx512);
        }
    }
}
