using System;
using System.Numerics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using FintechCrypto.Native.Arithmetic;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>
/// Native/Arithmetic/Multiply64: the portable 32-bit-halves twin against BigInteger, and the MULX form against the
/// portable twin, on edge values and random words.
/// </summary>
[Trait("Category", "KnownAnswer")]
public sealed class Multiply64DifferentialTests
{
    private static readonly ulong[] Edges =
    {
        0, 1, 2, 19, uint.MaxValue, (ulong)uint.MaxValue + 1, (1UL << 51) - 1, 1UL << 51, (1UL << 54) - 1,
        1UL << 63, ulong.MaxValue - 1, ulong.MaxValue,
    };

    [Fact]
    public void Portable_MatchesBigInteger()
    {
        foreach ((ulong a, ulong b) in Pairs())
        {
            ulong high = Multiply64.FullPortable(a, b, out ulong low);
            BigInteger expected = (BigInteger)a * b;
            Assert.Equal(expected, ((BigInteger)high << 64) | low);
        }
    }

    [RequiresIsaFact(InstructionSet.Bmi2)]
    public void Mulx_MatchesPortable()
    {
        foreach ((ulong a, ulong b) in Pairs())
        {
            ulong expectedHigh = Multiply64.FullPortable(a, b, out ulong expectedLow);
            Assert.Equal(expectedHigh, Bmi2.X64.MultiplyNoFlags(a, b));
            Assert.Equal(expectedLow, unchecked(a * b));
            Assert.Equal(expectedHigh, Multiply64.Full(a, b, out ulong low));
            Assert.Equal(expectedLow, low);
        }
    }

    private static System.Collections.Generic.IEnumerable<(ulong, ulong)> Pairs()
    {
        foreach (ulong a in Edges)
        {
            foreach (ulong b in Edges)
            {
                yield return (a, b);
            }
        }

        byte[] random = RandomNumberGenerator.GetBytes(16 * 2000);
        for (int i = 0; i < random.Length; i += 16)
        {
            yield return (BitConverter.ToUInt64(random, i), BitConverter.ToUInt64(random, i + 8));
        }
    }
}
