using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;
using Xunit;

namespace FintechCrypto.Tests.Groups;

/// <summary>ScalarField against System.Numerics.BigInteger for the five group orders FROST uses.</summary>
public sealed class ScalarFieldTests
{
    private static readonly BigInteger L25519 = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", CultureInfo.InvariantCulture);
    private static readonly BigInteger L448 = BigInteger.Pow(2, 446) - BigInteger.Parse("13818066809895115352007386748515426880336692474882178609894547503885", CultureInfo.InvariantCulture);
    private static readonly BigInteger NP256 = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    private static readonly BigInteger NK256 = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static IEnumerable<object[]> Fields() =>
    [
        ["edwards25519", L25519, 32, true],
        ["Ed448", L448, 57, true],
        ["P-256", NP256, 32, false],
        ["secp256k1", NK256, 32, false],
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public void ArithmeticMatchesBigInteger(string name, BigInteger order, int length, bool littleEndian)
    {
        var field = new ScalarField(order, length, littleEndian);
        Assert.Equal(order, field.Order);
        var values = new List<BigInteger> { 0, 1, 2, order - 1, order - 2, (order - 1) / 2, BigInteger.Pow(2, 64) - 1 };
        for (int i = 0; i < 40; i++)
        {
            values.Add(new BigInteger(RandomNumberGenerator.GetBytes(length + 8), isUnsigned: true) % order);
        }

        foreach (BigInteger x in values)
        {
            Scalar sx = field.FromBigInteger(x);
            Assert.Equal(x, field.ToBigInteger(sx));
            foreach (BigInteger y in values.GetRange(0, 12))
            {
                Scalar sy = field.FromBigInteger(y);
                Assert.Equal((x + y) % order, field.ToBigInteger(field.Add(sx, sy)));
                Assert.Equal(((x - y) % order + order) % order, field.ToBigInteger(field.Subtract(sx, sy)));
                Assert.Equal(x * y % order, field.ToBigInteger(field.Multiply(sx, sy)));
                Assert.Equal(x == y, field.Equal(sx, sy));
            }

            Assert.Equal((order - x) % order, field.ToBigInteger(field.Negate(sx)));
            BigInteger expectedInverse = x.IsZero ? 0 : BigInteger.ModPow(x, order - 2, order);
            Assert.Equal(expectedInverse, field.ToBigInteger(field.Invert(sx)));
        }

        Assert.True(name.Length > 0);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void EncodingIsCanonicalInTheSuiteByteOrder(string name, BigInteger order, int length, bool littleEndian)
    {
        var field = new ScalarField(order, length, littleEndian);
        BigInteger x = new BigInteger(RandomNumberGenerator.GetBytes(length + 8), isUnsigned: true) % order;
        byte[] encoded = field.Encode(field.FromBigInteger(x));
        byte[] expected = new byte[length];
        byte[] raw = x.ToByteArray(isUnsigned: true, isBigEndian: !littleEndian);
        if (littleEndian)
        {
            raw.CopyTo(expected, 0);
        }
        else
        {
            raw.CopyTo(expected, length - raw.Length);
        }

        Assert.Equal(expected, encoded);
        Assert.True(field.TryDecode(encoded, out Scalar back));
        Assert.Equal(x, field.ToBigInteger(back));

        // q itself, q + 1 and all ones are not canonical; neither are wrong lengths.
        foreach (BigInteger bad in new[] { order, order + 1, BigInteger.Pow(2, 8 * length) - 1 })
        {
            byte[] badBytes = new byte[length];
            byte[] b = bad.ToByteArray(isUnsigned: true, isBigEndian: !littleEndian);
            if (littleEndian)
            {
                b.CopyTo(badBytes, 0);
            }
            else
            {
                b.CopyTo(badBytes, length - b.Length);
            }

            Assert.False(field.TryDecode(badBytes, out _), name);
        }

        Assert.False(field.TryDecode(new byte[length - 1], out _));
        Assert.False(field.TryDecode(new byte[length + 1], out _));
        Assert.Throws<FintechCryptoException>(() => field.Decode(new byte[length + 1], "share"));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void ReduceWideMatchesBigInteger(string name, BigInteger order, int length, bool littleEndian)
    {
        var field = new ScalarField(order, length, littleEndian);
        foreach (int size in new[] { 0, 1, 31, 32, 48, 57, 64, 114, 200 })
        {
            byte[] bytes = RandomNumberGenerator.GetBytes(size);
            BigInteger value = new(bytes, isUnsigned: true, isBigEndian: !littleEndian);
            Assert.Equal(value % order, field.ToBigInteger(field.ReduceWide(bytes)));
        }

        byte[] ones = new byte[64];
        Array.Fill(ones, (byte)0xff);
        Assert.Equal((BigInteger.Pow(2, 512) - 1) % order, field.ToBigInteger(field.ReduceWide(ones)));
        Assert.NotEqual(field.ToBigInteger(field.Random()), field.ToBigInteger(field.Random()));
        Assert.Equal(12345UL, (ulong)field.ToBigInteger(field.FromUInt64(12345)));
        Assert.DoesNotContain(name, field.One.ToString(), StringComparison.Ordinal);
    }
}
