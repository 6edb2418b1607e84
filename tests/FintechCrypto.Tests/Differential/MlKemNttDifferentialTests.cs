using System;
using System.Runtime.Intrinsics.X86;
using FintechCrypto.Native.MlKem;
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

            MlKemCodecScalar.CompressEncode(f, d, scalarBytes);
            MlKemCodecAvx2.CompressEncode(f, d, vectorBytes);
            Assert.Equal(scalarBytes, vectorBytes);
            rng.NextBytes(scalarBytes);
            MlKemCodecScalar.DecodeDecompress(scalarBytes, d, scalarBack);
            MlKemCodecAvx2.DecodeDecompress(scalarBytes, d, vectorBack);
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
            int cs = MlKemSamplingScalar.RejectSampleVartime(buffer, scalar, start);
            int cv = MlKemSamplingAvx2.RejectSampleVartime(buffer, vector, start);
            Assert.Equal(cs, cv);
            Assert.Equal(scalar, vector);
        }
    }
}
