using System;
using FintechCrypto.Native.Keccak;
using FintechCrypto.Native.Simd;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>The 4-way Keccak kernel with AVX-512VL operations against its AVX2 form and its scalar twin.</summary>
public class KeccakAvx512DifferentialTests
{
    // Where AVX-512VL is absent, DispatchTests checks that the dispatcher never picks the kernel.
    [RequiresIsaFact(InstructionSet.Avx512VL)]
    public void Avx512_EqualsScalarTwin_OnRandomAndEdgeStates()
    {
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
            KeccakF1600x4Vector256.Permute<Avx2Ops>(avx2);
            KeccakF1600x4Vector256.Permute<Avx512Ops>(avx512);
            Assert.Equal(scalar, avx512);
            Assert.Equal(avx2, avx512);
        }
    }
}
