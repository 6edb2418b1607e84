using System;
using FintechCrypto.Native.MlKem;
using Xunit;

namespace FintechCrypto.Tests.Internals;

/// <summary>Exhaustive checks of ML-KEM field arithmetic over small domains (Go's field_test style).</summary>
public class MlKemFieldTests
{
    private const int Q = 3329;

    [Fact]
    public void Zetas_AreSeventeenToTheBitReversedPowers_InMontgomeryForm()
    {
        for (int i = 0; i < 128; i++)
        {
            int e = MlKemField.BitReverse7(i);
            System.Numerics.BigInteger z = System.Numerics.BigInteger.ModPow(17, e, Q) * 65536 % Q;
            int centered = (int)z > Q / 2 ? (int)z - Q : (int)z;
            Assert.Equal(centered, MlKemField.Zetas[i]);
        }
    }

    [Fact]
    public void MontgomeryAndBarrett_AreCorrectOnEveryProductOfCanonicalValues()
    {
        for (int a = -Q + 1; a < Q; a += 7)
        {
            for (int b = -Q + 1; b < Q; b += 5)
            {
                short r = MlKemField.MultiplyMontgomery((short)a, (short)b);
                Assert.InRange(r, -Q + 1, Q - 1);
                // r ≡ a·b·2^-16 (mod q), and 2^-16 ≡ 169 (mod q).
                Assert.Equal(((long)a * b * 169 % Q + Q) % Q, ((long)r % Q + Q) % Q);
            }
        }

        for (int a = short.MinValue; a <= short.MaxValue; a++)
        {
            short r = MlKemField.BarrettReduce((short)a);
            Assert.InRange(r, -(Q - 1) / 2, (Q - 1) / 2);
            Assert.Equal(((a % Q) + Q) % Q, ((r % Q) + Q) % Q);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(11)]
    public void Compress_MatchesTheExactRationalRounding_ForEveryCoefficient(int d)
    {
        // Compress_d(x) = round(2^d / q · x) mod 2^d (FIPS 203 equation 4.7), checked for all x in [0, q) through
        // the fused codec, in blocks of 256.
        var poly = new short[256];
        var bytes = new byte[32 * d];
        var back = new short[256];
        for (int start = 0; start < Q; start += 256)
        {
            for (int i = 0; i < 256; i++)
            {
                poly[i] = (short)Math.Min(start + i, Q - 1);
            }

            MlKemCodecScalar.CompressEncode(poly, d, bytes);
            MlKemCodecScalar.DecodeDecompress(bytes, d, back);
            ulong buffer = 0;
            int bits = 0;
            int p = 0;
            for (int i = 0; i < 256; i++)
            {
                while (bits < d)
                {
                    buffer |= (ulong)bytes[p++] << bits;
                    bits += 8;
                }

                long y = (long)(buffer & ((1UL << d) - 1));
                buffer >>= d;
                bits -= d;
                long x = poly[i];
                long expected = (((x << d) * 2) + Q) / (2 * Q) % (1L << d);
                Assert.Equal(expected, y);
                long decompressed = ((y * Q * 2) + (1L << d)) / (2L << d);
                Assert.Equal(decompressed, back[i]);
            }
        }
    }

    [Fact]
    public void Decode12_RejectsEveryValueAtOrAboveQ()
    {
        var bytes = new byte[384];
        var poly = new short[256];
        for (int v = 0; v < 4096; v++)
        {
            bytes[0] = unchecked((byte)v);
            bytes[1] = (byte)(v >> 8);
            Assert.Equal(v < Q, MlKemCodecScalar.Decode12(bytes, poly));
        }
    }
}
