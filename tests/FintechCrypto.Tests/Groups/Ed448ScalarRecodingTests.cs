using System;
using System.Collections.Generic;
using System.Numerics;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;
using Xunit;

namespace FintechCrypto.Tests.Groups;

/// <summary>The signed radix-16 and wNAF expansions rebuild the scalar and keep their digit bounds.</summary>
public sealed class Ed448ScalarRecodingTests
{
    public static IEnumerable<object[]> Scalars()
    {
        BigInteger l = Ed448ReferenceModel.L;
        var values = new List<BigInteger> { 0, 1, 7, 8, 9, 15, 16, 0x88, 0x8888, l - 1, l - 2, BigInteger.Pow(2, 446) - 1, BigInteger.Pow(2, 445) };
        for (int i = 0; i < 20; i++)
        {
            values.Add(new BigInteger(RandomNumberGenerator.GetBytes(56), isUnsigned: true) % l);
        }

        foreach (BigInteger value in values)
        {
            yield return [value];
        }
    }

    [Theory]
    [MemberData(nameof(Scalars))]
    public void SignedRadix16_RebuildsTheScalar_WithDigitsInRange(BigInteger k)
    {
        byte[] bytes = ToBytes(k, 57);
        var digits = new sbyte[Ed448ScalarRecoding.Radix16Digits];
        Ed448ScalarRecoding.SignedRadix16(bytes, digits);

        BigInteger rebuilt = 0;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            Assert.InRange(digits[i], (sbyte)-8, (sbyte)8);
            rebuilt = (rebuilt * 16) + digits[i];
        }

        Assert.Equal(k, rebuilt);
    }

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Wnaf_RebuildsTheScalar_WithOddDigitsSpacedApart(BigInteger k)
    {
        foreach (int width in new[] { 2, 4, 5, 6 })
        {
            byte[] bytes = ToBytes(k, 57);
            var naf = new sbyte[(8 * bytes.Length) + 1];
            int top = Ed448ScalarRecoding.Wnaf(bytes, width, naf);

            BigInteger rebuilt = 0;
            int lastNonZero = -width;
            for (int i = 0; i < naf.Length; i++)
            {
                if (naf[i] != 0)
                {
                    Assert.True((naf[i] & 1) == 1, "wNAF digits are odd");
                    Assert.InRange(Math.Abs((int)naf[i]), 1, (1 << (width - 1)) - 1);
                    Assert.True(i - lastNonZero >= width, "non-zero wNAF digits are at least w apart");
                    lastNonZero = i;
                    Assert.True(i < top);
                }

                rebuilt += naf[i] * BigInteger.Pow(2, i);
            }

            Assert.Equal(k, rebuilt);
            Assert.Equal(k.IsZero ? 0 : lastNonZero + 1, top);
        }
    }

    [Fact]
    public void Wnaf_HandlesACarryOutOfTheTopByte()
    {
        byte[] allOnes = [0xFF, 0xFF];
        var naf = new sbyte[17];
        int top = Ed448ScalarRecoding.Wnaf(allOnes, 5, naf);
        Assert.Equal(17, top);
        Assert.Equal(1, naf[16]);
        Assert.Equal(-1, naf[0]);
    }

    [Fact]
    public void Recoders_RejectWrongSizes()
    {
        Assert.Throws<ArgumentException>(() => Ed448ScalarRecoding.SignedRadix16(new byte[56], new sbyte[112]));
        Assert.Throws<ArgumentException>(() => Ed448ScalarRecoding.SignedRadix16(new byte[57], new sbyte[111]));
        Assert.Throws<ArgumentException>(() => Ed448ScalarRecoding.Wnaf(new byte[57], 5, new sbyte[456]));
        Assert.Throws<ArgumentException>(() => Ed448ScalarRecoding.Wnaf(new byte[57], 1, new sbyte[457]));
    }

    private static byte[] ToBytes(BigInteger k, int length)
    {
        byte[] bytes = new byte[length];
        k.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }
}
