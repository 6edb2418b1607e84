using System;
using System.Runtime.Intrinsics.X86;
using FintechCrypto.Native.Ntt;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>Every AVX2 ML-KEM kernel against its scalar twin, bit for bit, on random and edge inputs.</summary>
public class MlKemNttDifferentialTests
{
    private const short Q = 3329;

    public static TheoryData<string> Inputs => new() { "random", "zero", "q-1", "-(q-1)", "alternating", "max-bound" };

    private static short[] Make(string kind, int seed, int bound)
    {
        var rng = new Random(seed);
        var f = new short[256];
        for (int i = 0; i < 256; i++)
        {
            f[i] = kind switch
            {
                "zero" => 0,
                "q-1" => Q - 1,
                "-(q-1)" => -(Q - 1),
                "alternating" => (short)(i % 2 == 0 ? Q - 1 : -(Q - 1)),
                "max-bound" => (short)(bound - 1),
                _ => (short)rng.Next(-bound + 1, bound),
            };
        }

        return f;
    }

    [Fact]
    public void Avx2_IsUsedWhenPresent_AndNotWhenForcedOff()
    {
        Assert.Equal(Avx2.IsSupported && !FintechCrypto.Native.Dispatch.SimdDisabled, FintechCrypto.Native.Dispatch.UseAvx2);
    }

    [RequiresIsaTheory(InstructionSet.Avx2)]
    [MemberData(nameof(Inputs))]
    public void Ntt_Avx2EqualsScalar(string kind)
    {
        for (int iteration = 0; iteration < 200; iteration++)
        {
            short[] scalar = Make(kind, iteration, Q);
            short[] vector = (short[])scalar.Clone();
            MlKemNttScalar.Ntt(scalar);
            MlKemNttAvx2.Ntt(vector);
            Assert.Equal(scalar, vector);
        }
    }

    [RequiresIsaTheory(InstructionSet.Avx2)]
    [MemberData(nameof(Inputs))]
    public void InverseNtt_Avx2EqualsScalar(string kind)
    {
        for (int iteration = 0; iteration < 200; iteration++)
        {
            short[] scalar = Make(kind, iteration, Q);
            short[] vector = (short[])scalar.Clone();
            MlKemNttScalar.InverseNtt(scalar);
            MlKemNttAvx2.InverseNtt(vector);
            Assert.Equal(scalar, vector);
        }
    }

    [RequiresIsaTheory(InstructionSet.Avx2)]
    [MemberData(nameof(Inputs))]
    public void MultiplyAccumulate_Avx2EqualsScalar(string kind)
    {
        for (int iteration = 0; iteration < 200; iteration++)
        {
            short[] a = Make(kind, iteration, Q);
            short[] b = Make("random", iteration + 1000, Q);
            short[] rs = Make("random", iteration + 2000, Q);
            short[] rv = (short[])rs.Clone();
            MlKemNttScalar.MultiplyAccumulate(a, b, rs);
            MlKemNttAvx2.MultiplyAccumulate(a, b, rv);
            Assert.Equal(rs, rv);
        }
    }

    [RequiresIsaTheory(InstructionSet.Avx2)]
    [MemberData(nameof(Inputs))]
    public void ReduceAndToMontgomeryAndAddSub_Avx2EqualsScalar(string kind)
    {
        for (int iteration = 0; iteration < 100; iteration++)
        {
            short[] a = Make(kind, iteration, short.MaxValue);
            short[] b = Make("random", iteration + 7, Q);
            short[] s = (short[])a.Clone();
            short[] v = (short[])a.Clone();
            MlKemNttScalar.Reduce(s);
            MlKemNttAvx2.Reduce(v);
            Assert.Equal(s, v);
            MlKemNttScalar.ToMontgomery(s);
            MlKemNttAvx2.ToMontgomery(v);
            Assert.Equal(s, v);
            MlKemNttScalar.Add(s, b);
            MlKemNttAvx2.Add(v, b);
            Assert.Equal(s, v);
            MlKemNttScalar.SubtractFrom(b, s);
            MlKemNttAvx2.SubtractFrom(b, v);
            Assert.Equal(s, v);
        }
    }

    [Fact]
    public void InverseOfForward_IsIdentityTimesR_AndProductMatchesSchoolbook()
    {
        // NTT^-1(NTT(a) ∘ NTT(b)) = a·b mod (X^256 + 1): the kernels compute the negacyclic product.
        var rng = new Random(42);
        var a = new short[256];
        var b = new short[256];
        for (int i = 0; i < 256; i++)
        {
            a[i] = (short)rng.Next(0, Q);
            b[i] = (short)rng.Next(0, Q);
        }

        var expected = new long[256];
        for (int i = 0; i < 256; i++)
        {
            for (int j = 0; j < 256; j++)
            {
                long term = (long)a[i] * b[j];
                int d = i + j;
                if (d < 256)
                {
                    expected[d] += term;
                }
                else
                {
                    expected[d - 256] -= term;
                }
            }
        }

        short[] na = (short[])a.Clone();
        short[] nb = (short[])b.Clone();
        MlKemNtt.Ntt(na);
        MlKemNtt.Ntt(nb);
        var product = new short[256];
        MlKemNtt.MultiplyAccumulate(na, nb, product);
        MlKemNtt.Reduce(product);
        MlKemNtt.InverseNtt(product);
        for (int i = 0; i < 256; i++)
        {
            long want = ((expected[i] % Q) + Q) % Q;
            long got = ((product[i] % Q) + Q) % Q;
            Assert.Equal(want, got);
        }
    }
}

/// <summary>The AVX2 ML-KEM codec against its scalar twin.</summary>
public class MlKemCodecDifferentialTests
{
    [RequiresIsaTheory(InstructionSet.Avx2)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(11)]
    public void CompressEncodeAndDecodeDecompress_Avx2EqualsScalar(int d)
    {
        var rng = new Random(d);
        var f = new short[256];
        var scalarBytes = new byte[32 * d];
        var vectorBytes = new byte[32 * d];
        var scalarBack = new short[256];
        var vectorBack = new short[256];
        for (int iteration = 0; iteration < 300; iteration++)
        {
            for (int i = 0; i < 256; i++)
            {
                // Random values in (-q, q), with the edges 0, ±(q-1) and the rounding boundaries mixed in.
                f[i] = (iteration % 3) switch
                {
                    0 => (short)rng.Next(-3328, 3329),
                    1 => (short)((i % 3) switch { 0 => 0, 1 => 3328, _ => -3328 }),
                    _ => (short)((i * 3328 / 256) + (iteration % 7) - 3),
                };
            }

            FintechCrypto.Native.MlKem.MlKemCodecScalar.CompressEncode(f, d, scalarBytes);
            FintechCrypto.Native.MlKem.MlKemCodecAvx2.CompressEncode(f, d, vectorBytes);
            Assert.Equal(scalarBytes, vectorBytes);
            rng.NextBytes(scalarBytes);
            FintechCrypto.Native.MlKem.MlKemCodecScalar.DecodeDecompress(scalarBytes, d, scalarBack);
            FintechCrypto.Native.MlKem.MlKemCodecAvx2.DecodeDecompress(scalarBytes, d, vectorBack);
            Assert.Equal(scalarBack, vectorBack);
        }
    }
}

/// <summary>The AVX2 rejection sampler against its scalar twin.</summary>
public class MlKemSamplingDifferentialTests
{
    [RequiresIsaFact(InstructionSet.Avx2)]
    public void RejectSample_Avx2EqualsScalar_OnRandomAndAdversarialStreams()
    {
        var rng = new Random(7);
        for (int iteration = 0; iteration < 500; iteration++)
        {
            byte[] buffer = new byte[3 * rng.Next(1, 300)];
            rng.NextBytes(buffer);
            if (iteration % 5 == 1)
            {
                // Streams where most candidates are rejected (values ≥ q), and the boundary values q-1 and q.
                for (int i = 0; i < buffer.Length; i++)
                {
                    buffer[i] = (byte)(i % 3 == 0 ? 0x01 : 0xFF);
                }
            }
            else if (iteration % 5 == 2)
            {
                for (int i = 0; i + 2 < buffer.Length; i += 3)
                {
                    int d1 = (i / 3) % 2 == 0 ? 3328 : 3329;
                    int d2 = (i / 3) % 2 == 0 ? 3329 : 3328;
                    buffer[i] = unchecked((byte)d1);
                    buffer[i + 1] = unchecked((byte)((d1 >> 8) | (d2 << 4)));
                    buffer[i + 2] = unchecked((byte)(d2 >> 4));
                }
            }

            int start = rng.Next(0, 256);
            short[] scalar = new short[256];
            short[] vector = new short[256];
            int cs = FintechCrypto.Native.MlKem.MlKemSamplingScalar.RejectSampleVartime(buffer, scalar, start);
            int cv = FintechCrypto.Native.MlKem.MlKemSamplingAvx2.RejectSampleVartime(buffer, vector, start);
            Assert.Equal(cs, cv);
            Assert.Equal(scalar, vector);
        }
    }
}

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
            FintechCrypto.Native.Ntt.MlDsaNttScalar.Ntt(s);
            FintechCrypto.Native.Ntt.MlDsaNttAvx2.Ntt(v);
            Assert.Equal(s, v);

            int[] b = Make(kind, iteration + 1, Q);
            s = (int[])b.Clone();
            v = (int[])b.Clone();
            FintechCrypto.Native.Ntt.MlDsaNttScalar.InverseNttToMont(s);
            FintechCrypto.Native.Ntt.MlDsaNttAvx2.InverseNttToMont(v);
            Assert.Equal(s, v);

            int[] x = Make(0, iteration + 2, 9 * Q / 10 * 9);
            int[] y = Make(kind, iteration + 3, Q);
            int[] rs = Make(0, iteration + 4, Q);
            int[] rv = (int[])rs.Clone();
            FintechCrypto.Native.Ntt.MlDsaNttScalar.PointwiseAccumulate(x, y, rs);
            FintechCrypto.Native.Ntt.MlDsaNttAvx2.PointwiseAccumulate(x, y, rv);
            Assert.Equal(rs, rv);
            FintechCrypto.Native.Ntt.MlDsaNttScalar.PointwiseMontgomery(x, y, rs);
            FintechCrypto.Native.Ntt.MlDsaNttAvx2.PointwiseMontgomery(x, y, rv);
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

                int got1 = FintechCrypto.Native.MlDsa.MlDsaRoundingScalar.Decompose(r, gamma2, out int got0);
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
            FintechCrypto.Native.MlDsa.MlDsaRoundingScalar.Power2Round(a, s1, s0);
            FintechCrypto.Native.MlDsa.MlDsaRoundingAvx2.Power2Round(a, v1, v0);
            Assert.Equal(s1, v1);
            Assert.Equal(s0, v0);
            FintechCrypto.Native.MlDsa.MlDsaRoundingScalar.HighBits(a, s1, gamma2);
            FintechCrypto.Native.MlDsa.MlDsaRoundingAvx2.HighBits(a, v1, gamma2);
            Assert.Equal(s1, v1);
            FintechCrypto.Native.MlDsa.MlDsaRoundingScalar.LowBits(a, s0, gamma2);
            FintechCrypto.Native.MlDsa.MlDsaRoundingAvx2.LowBits(a, v0, gamma2);
            Assert.Equal(s0, v0);
            Assert.Equal(
                FintechCrypto.Native.MlDsa.MlDsaRoundingScalar.MakeHint(a, b, s1, gamma2),
                FintechCrypto.Native.MlDsa.MlDsaRoundingAvx2.MakeHint(a, b, v1, gamma2));
            Assert.Equal(s1, v1);
            FintechCrypto.Native.MlDsa.MlDsaRoundingScalar.UseHint(hint, a, s1, gamma2);
            FintechCrypto.Native.MlDsa.MlDsaRoundingAvx2.UseHint(hint, a, v1, gamma2);
            Assert.Equal(s1, v1);

            int[] wide = new int[512];
            for (int i = 0; i < wide.Length; i++)
            {
                wide[i] = rng.Next(-2 * Q, 2 * Q);
            }

            foreach (int bound in new[] { 1, gamma2 - 78, gamma2, (1 << 19) - 196, Q / 2 })
            {
                Assert.Equal(
                    FintechCrypto.Native.MlDsa.MlDsaRoundingScalar.NormAtLeast(wide, bound),
                    FintechCrypto.Native.MlDsa.MlDsaRoundingAvx2.NormAtLeast(wide, bound));
                int[] small = new int[256];
                for (int i = 0; i < small.Length; i++)
                {
                    small[i] = rng.Next(-bound + 1, bound);
                }

                Assert.False(FintechCrypto.Native.MlDsa.MlDsaRoundingAvx2.NormAtLeast(small, bound));
                small[rng.Next(256)] = rng.Next(2) == 0 ? bound : -bound;
                Assert.True(FintechCrypto.Native.MlDsa.MlDsaRoundingAvx2.NormAtLeast(small, bound));
                Assert.True(FintechCrypto.Native.MlDsa.MlDsaRoundingScalar.NormAtLeast(small, bound));
            }

            int[] fs = (int[])wide.Clone();
            int[] fv = (int[])wide.Clone();
            FintechCrypto.Native.MlDsa.MlDsaRoundingScalar.Freeze(fs);
            FintechCrypto.Native.MlDsa.MlDsaRoundingAvx2.Freeze(fv);
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
                FintechCrypto.Native.MlDsa.MlDsaSamplingScalar.RejectUniformVartime(buffer, scalar, start),
                FintechCrypto.Native.MlDsa.MlDsaSamplingAvx2.RejectUniformVartime(buffer, vector, start));
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
                FintechCrypto.Native.MlDsa.MlDsaSamplingScalar.RejectBounded(buffer, eta, scalar, start),
                FintechCrypto.Native.MlDsa.MlDsaSamplingAvx2.RejectBounded(buffer, eta, vector, start));
            Assert.Equal(scalar, vector);
        }
    }
}
