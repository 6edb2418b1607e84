using System;
using FintechCrypto.Native.MlDsa;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>The AVX2 ML-DSA NTT kernels against their scalar twins, bit for bit.</summary>
public class MlDsaNttDifferentialTests
{
    private const int Q = 8380417;

    private static int[] Make(int kind, int seed, int bound)
    {
        var rng = new Random(seed);
        var f = new int[256];
        for (int i = 0; i < 256; i++)
        {
            f[i] = kind switch
            {
                0 => rng.Next(-bound + 1, bound),
                1 => 0,
                2 => bound - 1,
                3 => -(bound - 1),
                _ => i % 2 == 0 ? bound - 1 : -(bound - 1),
            };
        }

        return f;
    }

    [RequiresIsaFact(InstructionSet.Avx2)]
    public void NttInverseNttAndPointwise_Avx2EqualsScalar()
    {
        for (int iteration = 0; iteration < 300; iteration++)
        {
            int kind = iteration % 5;
            int[] a = Make(kind, iteration, Q);
            int[] s = (int[])a.Clone();
            int[] v = (int[])a.Clone();
            MlDsaNttScalar.Ntt(s);
            MlDsaNttAvx2.Ntt(v);
            Assert.Equal(s, v);

            int[] b = Make(kind, iteration + 1, Q);
            s = (int[])b.Clone();
            v = (int[])b.Clone();
            MlDsaNttScalar.InverseNttToMont(s);
            MlDsaNttAvx2.InverseNttToMont(v);
            Assert.Equal(s, v);

            int[] x = Make(0, iteration + 2, 9 * Q / 10 * 9);
            int[] y = Make(kind, iteration + 3, Q);
            int[] rs = Make(0, iteration + 4, Q);
            int[] rv = (int[])rs.Clone();
            MlDsaNttScalar.PointwiseAccumulate(x, y, rs);
            MlDsaNttAvx2.PointwiseAccumulate(x, y, rv);
            Assert.Equal(rs, rv);
            MlDsaNttScalar.PointwiseMontgomery(x, y, rs);
            MlDsaNttAvx2.PointwiseMontgomery(x, y, rv);
            Assert.Equal(rs, rv);
        }
    }

    [Fact]
    public void Decompose_MatchesFips204Algorithm36_ForEveryCoefficient()
    {
        foreach (int gamma2 in new[] { (Q - 1) / 88, (Q - 1) / 32 })
        {
            for (int r = 0; r < Q; r++)
            {
                // Algorithm 36: r0 = r mod± 2γ2; if r − r0 = q − 1 then r1 = 0, r0 = r0 − 1 else r1 = (r − r0)/(2γ2).
                int r0 = r % (2 * gamma2);
                if (r0 > gamma2)
                {
                    r0 -= 2 * gamma2;
                }

                int r1;
                if (r - r0 == Q - 1)
                {
                    r1 = 0;
                    r0 -= 1;
                }
                else
                {
                    r1 = (r - r0) / (2 * gamma2);
                }

                int got1 = MlDsaRoundingScalar.Decompose(r, gamma2, out int got0);
                if (got1 != r1 || got0 != r0)
                {
                    Assert.Fail($"Decompose({r}) with γ2 = {gamma2}: expected ({r1}, {r0}), got ({got1}, {got0})");
                }
            }
        }
    }
}

/// <summary>The AVX2 ML-DSA rounding kernels against their scalar twins.</summary>
public class MlDsaRoundingDifferentialTests
{
    private const int Q = 8380417;

    [RequiresIsaTheory(InstructionSet.Avx2)]
    [InlineData((Q - 1) / 88)]
    [InlineData((Q - 1) / 32)]
    public void RoundingKernels_Avx2EqualsScalar(int gamma2)
    {
        var rng = new Random(gamma2);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            int[] a = new int[512];
            int[] b = new int[512];
            int[] hint = new int[512];
            for (int i = 0; i < a.Length; i++)
            {
                // Canonical values with the edges 0, q − 1 and the decomposition boundaries mixed in.
                a[i] = (iteration % 4) switch
                {
                    0 => rng.Next(0, Q),
                    1 => (i % 3) switch { 0 => 0, 1 => Q - 1, _ => (Q - 1) - (i % 7) },
                    2 => ((i % 40) * 2 * gamma2) + (i % 3) - 1 < 0 ? 0 : Math.Min(Q - 1, ((i % 40) * 2 * gamma2) + (i % 3) - 1),
                    _ => rng.Next(Q - (2 * gamma2), Q),
                };
                b[i] = rng.Next(0, Q);
                hint[i] = rng.Next(0, 2);
            }

            int[] s1 = new int[512];
            int[] s0 = new int[512];
            int[] v1 = new int[512];
            int[] v0 = new int[512];
            MlDsaRoundingScalar.Power2Round(a, s1, s0);
            MlDsaRoundingAvx2.Power2Round(a, v1, v0);
            Assert.Equal(s1, v1);
            Assert.Equal(s0, v0);
            MlDsaRoundingScalar.HighBits(a, s1, gamma2);
            MlDsaRoundingAvx2.HighBits(a, v1, gamma2);
            Assert.Equal(s1, v1);
            MlDsaRoundingScalar.LowBits(a, s0, gamma2);
            MlDsaRoundingAvx2.LowBits(a, v0, gamma2);
            Assert.Equal(s0, v0);
            Assert.Equal(
                MlDsaRoundingScalar.MakeHint(a, b, s1, gamma2),
                MlDsaRoundingAvx2.MakeHint(a, b, v1, gamma2));
            Assert.Equal(s1, v1);
            MlDsaRoundingScalar.UseHint(hint, a, s1, gamma2);
            MlDsaRoundingAvx2.UseHint(hint, a, v1, gamma2);
            Assert.Equal(s1, v1);

            int[] wide = new int[512];
            for (int i = 0; i < wide.Length; i++)
            {
                wide[i] = rng.Next(-2 * Q, 2 * Q);
            }

            foreach (int bound in new[] { 1, gamma2 - 78, gamma2, (1 << 19) - 196, Q / 2 })
            {
                Assert.Equal(
                    MlDsaRoundingScalar.NormAtLeast(wide, bound),
                    MlDsaRoundingAvx2.NormAtLeast(wide, bound));
                int[] small = new int[256];
                for (int i = 0; i < small.Length; i++)
                {
                    small[i] = rng.Next(-bound + 1, bound);
                }

                Assert.False(MlDsaRoundingAvx2.NormAtLeast(small, bound));
                small[rng.Next(256)] = rng.Next(2) == 0 ? bound : -bound;
                Assert.True(MlDsaRoundingAvx2.NormAtLeast(small, bound));
                Assert.True(MlDsaRoundingScalar.NormAtLeast(small, bound));
            }

            int[] fs = (int[])wide.Clone();
            int[] fv = (int[])wide.Clone();
            MlDsaRoundingScalar.Freeze(fs);
            MlDsaRoundingAvx2.Freeze(fv);
            Assert.Equal(fs, fv);
        }
    }
}

/// <summary>The AVX2 ML-DSA rejection sampler against its scalar twin.</summary>
public class MlDsaSamplingDifferentialTests
{
    [RequiresIsaFact(InstructionSet.Avx2)]
    public void RejectUniform_Avx2EqualsScalar()
    {
        var rng = new Random(11);
        for (int iteration = 0; iteration < 500; iteration++)
        {
            byte[] buffer = new byte[3 * rng.Next(1, 400)];
            rng.NextBytes(buffer);
            if (iteration % 3 == 1)
            {
                // Candidates at q − 1, q and with the ignored top bit set.
                for (int i = 0; i + 2 < buffer.Length; i += 3)
                {
                    int z = (i / 3) % 3 == 0 ? 8380416 : (i / 3) % 3 == 1 ? 8380417 : 8380416 | 0x800000;
                    buffer[i] = unchecked((byte)z);
                    buffer[i + 1] = unchecked((byte)(z >> 8));
                    buffer[i + 2] = unchecked((byte)(z >> 16));
                }
            }

            int start = rng.Next(0, 256);
            int[] scalar = new int[256];
            int[] vector = new int[256];
            Assert.Equal(
                MlDsaSamplingScalar.RejectUniformVartime(buffer, scalar, start),
                MlDsaSamplingAvx2.RejectUniformVartime(buffer, vector, start));
            Assert.Equal(scalar, vector);
        }
    }
}

/// <summary>The AVX2 bounded rejection sampler (ExpandS) against its scalar twin.</summary>
public class MlDsaBoundedSamplingDifferentialTests
{
    [RequiresIsaTheory(InstructionSet.Avx2)]
    [InlineData(2)]
    [InlineData(4)]
    public void RejectBounded_Avx2EqualsScalar(int eta)
    {
        var rng = new Random(eta);
        for (int iteration = 0; iteration < 500; iteration++)
        {
            byte[] buffer = new byte[rng.Next(0, 300)];
            rng.NextBytes(buffer);
            if (iteration % 4 == 1)
            {
                // Nibbles at and around the limits (8, 9, 14, 15) and all-rejected bytes.
                for (int i = 0; i < buffer.Length; i++)
                {
                    buffer[i] = (i % 4) switch { 0 => 0x98, 1 => 0xEF, 2 => 0xFF, _ => 0x00 };
                }
            }

            int start = rng.Next(0, 256);
            int[] scalar = new int[256];
            int[] vector = new int[256];
            Assert.Equal(
                MlDsaSamplingScalar.RejectBounded(buffer, eta, scalar, start),
                MlDsaSamplingAvx2.RejectBounded(buffer, eta, vector, start));
            Assert.Equal(scalar, vector);
        }
    }
}
