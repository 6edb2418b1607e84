using System;
using FintechCrypto.Native;
using FintechCrypto.Native.Keccak;
using FintechCrypto.Native.Simd;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>
/// The 4-way Keccak-f[1600] kernels (AVX2 and its scalar twin) against four runs of the x1 scalar kernel, on
/// random and edge states (architecture.md: every vector kernel against its scalar twin).
/// </summary>
public class KeccakPermutationDifferentialTests
{
    private const int RandomIterations = 2000;

    [Fact]
    public void X4Scalar_EqualsFourX1Permutations_OnRandomStates()
    {
        var random = new Random(20250101);
        for (int iteration = 0; iteration < RandomIterations; iteration++)
        {
            ulong[] states = RandomStates(random);
            AssertX4Kernel(KeccakF1600x4Scalar.Permute, states, $"random iteration {iteration}");
        }
    }

    [Fact]
    public void X4Scalar_EqualsFourX1Permutations_OnEdgeStates()
    {
        foreach ((string name, ulong[] states) in EdgeStates())
        {
            AssertX4Kernel(KeccakF1600x4Scalar.Permute, states, name);
        }
    }

    // Where AVX2 is absent (or DOTNET_EnableAVX2=0) these report as skipped; DispatchTests checks instead that
    // Dispatch never selects the kernel there.
    [RequiresIsaFact(InstructionSet.Avx2)]
    public void X4Avx2_EqualsScalarTwinAndFourX1Permutations_WhenAvx2IsPresent()
    {
        var random = new Random(20250102);
        for (int iteration = 0; iteration < RandomIterations; iteration++)
        {
            ulong[] states = RandomStates(random);
            AssertX4Kernel(KeccakF1600x4Vector256.Permute<Avx2Ops>, states, $"random iteration {iteration}");
            AssertSameAsScalarTwin(KeccakF1600x4Vector256.Permute<Avx2Ops>, states, $"random iteration {iteration}");
        }

        foreach ((string name, ulong[] states) in EdgeStates())
        {
            AssertX4Kernel(KeccakF1600x4Vector256.Permute<Avx2Ops>, states, name);
            AssertSameAsScalarTwin(KeccakF1600x4Vector256.Permute<Avx2Ops>, states, name);
        }
    }

    [RequiresIsaFact(InstructionSet.Avx2)]
    public void X4Avx2_IteratedFromZero_MatchesScalarTwin_WhenAvx2IsPresent()
    {
        // Chained permutations: each output is the next input, 500 times, per kernel.
        ulong[] vector = new ulong[KeccakF1600x4.StatesLength];
        ulong[] scalar = new ulong[KeccakF1600x4.StatesLength];
        for (int i = 0; i < 500; i++)
        {
            KeccakF1600x4Vector256.Permute<Avx2Ops>(vector);
            KeccakF1600x4Scalar.Permute(scalar);
        }

        Assert.Equal(scalar, vector);
    }

    [Fact]
    public void X4Dispatcher_SelectsAvx2ExactlyWhenDispatchAllowsIt_AndMatchesScalar()
    {
        Assert.Equal(!Dispatch.SimdDisabled && System.Runtime.Intrinsics.X86.Avx2.IsSupported, Dispatch.UseAvx2);
        var random = new Random(20250103);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            ulong[] states = RandomStates(random);
            AssertX4Kernel(KeccakF1600x4.Permute, states, $"random iteration {iteration}");
        }
    }

    [Fact]
    public void X1Dispatcher_MatchesScalar()
    {
        var random = new Random(20250104);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            ulong[] state = new ulong[25];
            for (int i = 0; i < 25; i++)
            {
                state[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
            }

            ulong[] expected = (ulong[])state.Clone();
            KeccakF1600Scalar.Permute(expected);
            KeccakF1600.Permute(state);
            Assert.Equal(expected, state);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(24)]
    [InlineData(26)]
    [InlineData(100)]
    public void X1Kernels_RejectStatesThatAreNot25Lanes(int length)
    {
        Assert.Throws<ArgumentException>("state", () => KeccakF1600Scalar.Permute(new ulong[length]));
        Assert.Throws<ArgumentException>("state", () => KeccakF1600.Permute(new ulong[length]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    [InlineData(99)]
    [InlineData(101)]
    public void X4Kernels_RejectStatesThatAreNot100Lanes(int length)
    {
        Assert.Throws<ArgumentException>("states", () => KeccakF1600x4Scalar.Permute(new ulong[length]));
        Assert.Throws<ArgumentException>("states", () => KeccakF1600x4.Permute(new ulong[length]));
    }

    [RequiresIsaTheory(InstructionSet.Avx2)]
    [InlineData(0)]
    [InlineData(25)]
    [InlineData(99)]
    [InlineData(101)]
    public void X4Avx2Kernel_RejectsStatesThatAreNot100Lanes(int length)
    {
        Assert.Throws<ArgumentException>("states", () => KeccakF1600x4Vector256.Permute<Avx2Ops>(new ulong[length]));
    }

    private delegate void X4Kernel(Span<ulong> states);

    // Runs the kernel on the interleaved states and compares each instance with KeccakF1600Scalar on that instance.
    private static void AssertX4Kernel(X4Kernel kernel, ulong[] states, string label)
    {
        ulong[] expected = new ulong[KeccakF1600x4.StatesLength];
        ulong[] one = new ulong[25];
        for (int j = 0; j < 4; j++)
        {
            for (int i = 0; i < 25; i++)
            {
                one[i] = states[(4 * i) + j];
            }

            KeccakF1600Scalar.Permute(one);
            for (int i = 0; i < 25; i++)
            {
                expected[(4 * i) + j] = one[i];
            }
        }

        ulong[] actual = (ulong[])states.Clone();
        kernel(actual);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            Assert.Fail($"4-way Keccak-f[1600] differs from 4 x1 permutations on {label}.");
        }
    }

    private static void AssertSameAsScalarTwin(X4Kernel kernel, ulong[] states, string label)
    {
        ulong[] expected = (ulong[])states.Clone();
        KeccakF1600x4Scalar.Permute(expected);
        ulong[] actual = (ulong[])states.Clone();
        kernel(actual);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            Assert.Fail($"AVX2 Keccak-f[1600] x4 differs from its scalar twin on {label}.");
        }
    }

    private static ulong[] RandomStates(Random random)
    {
        ulong[] states = new ulong[KeccakF1600x4.StatesLength];
        byte[] bytes = new byte[8 * states.Length];
        random.NextBytes(bytes);
        Buffer.BlockCopy(bytes, 0, states, 0, bytes.Length);
        return states;
    }

    // All zero, all ones, alternating patterns, and every single-bit state (each of the 1600 bits set alone in
    // instance 0, with instances 1..3 holding the bits 400, 800 and 1200 positions further on).
    private static System.Collections.Generic.IEnumerable<(string Name, ulong[] States)> EdgeStates()
    {
        yield return ("all zero", new ulong[KeccakF1600x4.StatesLength]);

        ulong[] ones = new ulong[KeccakF1600x4.StatesLength];
        Array.Fill(ones, ulong.MaxValue);
        yield return ("all ones", ones);

        ulong[] mixed = new ulong[KeccakF1600x4.StatesLength];
        for (int i = 0; i < 25; i++)
        {
            mixed[4 * i] = 0;
            mixed[(4 * i) + 1] = ulong.MaxValue;
            mixed[(4 * i) + 2] = 0xAAAAAAAAAAAAAAAAUL;
            mixed[(4 * i) + 3] = 0x5555555555555555UL;
        }

        yield return ("zero / ones / 0xAA.. / 0x55.. per instance", mixed);

        for (int bit = 0; bit < 1600; bit++)
        {
            ulong[] single = new ulong[KeccakF1600x4.StatesLength];
            for (int j = 0; j < 4; j++)
            {
                int b = (bit + (400 * j)) % 1600;
                single[(4 * (b / 64)) + j] = 1UL << (b % 64);
            }

            yield return ($"single bit {bit}", single);
        }
    }
}
