using System;
using System.Numerics;
using System.Security.Cryptography;
using FintechCrypto.Internal.Curve25519;
using FintechCrypto.Native.Field25519;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>
/// The Field25519 kernels: the scalar field arithmetic against System.Numerics.BigInteger, and the Vector256
/// table lookup against its scalar twin.
/// </summary>
public sealed class Field25519DifferentialTests
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;

    private static BigInteger RandomBelowP() => new BigInteger(RandomNumberGenerator.GetBytes(40), isUnsigned: true) % P;

    [Fact]
    public void ArithmeticMatchesBigInteger()
    {
        BigInteger[] edge = [0, 1, 2, 18, 19, P - 1, P - 2, P - 19, BigInteger.Pow(2, 51), BigInteger.Pow(2, 254)];
        for (int i = 0; i < 300; i++)
        {
            BigInteger x = i < edge.Length ? edge[i] : RandomBelowP();
            BigInteger y = RandomBelowP();
            FieldElement25519 fx = EdwardsConstants.FromBigInteger(x);
            FieldElement25519 fy = EdwardsConstants.FromBigInteger(y);

            Field25519.Add(out FieldElement25519 sum, fx, fy);
            Field25519.Subtract(out FieldElement25519 difference, fx, fy);
            Field25519.Multiply(out FieldElement25519 product, fx, fy);
            Field25519.Square(out FieldElement25519 square, fx);
            Field25519.Negate(out FieldElement25519 negation, fx);
            Field25519.Invert(out FieldElement25519 inverse, fx);
            Field25519.MultiplySmall(out FieldElement25519 small, fx, 121666);

            Assert.Equal((x + y) % P, EdwardsConstants.ToBigInteger(sum));
            Assert.Equal(((x - y) % P + P) % P, EdwardsConstants.ToBigInteger(difference));
            Assert.Equal(x * y % P, EdwardsConstants.ToBigInteger(product));
            Assert.Equal(x * x % P, EdwardsConstants.ToBigInteger(square));
            Assert.Equal((P - x) % P, EdwardsConstants.ToBigInteger(negation));
            Assert.Equal(x.IsZero ? 0 : BigInteger.ModPow(x, P - 2, P), EdwardsConstants.ToBigInteger(inverse));
            Assert.Equal(x * 121666 % P, EdwardsConstants.ToBigInteger(small));

            // Chains of unreduced sums stay within the multiplication bound.
            Field25519.Add(out FieldElement25519 twice, sum, sum);
            Field25519.Multiply(out FieldElement25519 chained, twice, sum);
            Assert.Equal(2 * (x + y) * (x + y) % P, EdwardsConstants.ToBigInteger(chained));
        }
    }

    // MultiplySmall at the edge of its contract: limbs just below 2^54 (the Add-of-sums bound) times constants up to
    // 2^32 - 1, including X25519's a24 = 121665 (RFC 7748 §5), against BigInteger; the output keeps the reduced bound.
    [Theory]
    [InlineData(121665u)]
    [InlineData(121666u)]
    [InlineData(uint.MaxValue)]
    public void MultiplySmall_AtTheLimbBound_MatchesBigInteger(uint k)
    {
        const ulong Top = (1UL << 54) - 1;
        FieldElement25519[] inputs =
        [
            new(Top, Top, Top, Top, Top),
            new(Top, 0, Top, 0, Top),
            new(0, 0, 0, 0, Top),
            new(Top - 12345, (1UL << 51) + 19, Top, 1, Top - 1),
        ];
        foreach (FieldElement25519 a in inputs)
        {
            BigInteger value = a.L0 + (new BigInteger(a.L1) << 51) + (new BigInteger(a.L2) << 102) + (new BigInteger(a.L3) << 153) + (new BigInteger(a.L4) << 204);
            Field25519.MultiplySmall(out FieldElement25519 r, a, k);
            Assert.Equal(value * k % P, EdwardsConstants.ToBigInteger(r));
            ulong reducedBound = (1UL << 51) + (1UL << 13);
            Assert.All(new[] { r.L0, r.L1, r.L2, r.L3, r.L4 }, limb => Assert.True(limb < reducedBound));
        }
    }

    [Fact]
    public void EncodingIsCanonicalAndDecodingIgnoresTheTopBit()
    {
        // p + 5 (non-canonical) encodes as 5 after a round trip; the top bit is ignored on input.
        byte[] nonCanonical = (P + 5).ToByteArray(isUnsigned: true, isBigEndian: false);
        Array.Resize(ref nonCanonical, 32);
        Field25519.Decode(out FieldElement25519 value, nonCanonical);
        Assert.Equal(5, EdwardsConstants.ToBigInteger(value));
        byte[] withTopBit = new byte[32];
        withTopBit[0] = 9;
        withTopBit[31] = 0x80;
        Field25519.Decode(out value, withTopBit);
        Assert.Equal(9, EdwardsConstants.ToBigInteger(value));
    }

    [Fact]
    public void SqrtRatioM1FollowsRfc9496()
    {
        for (int i = 0; i < 50; i++)
        {
            BigInteger u = RandomBelowP();
            BigInteger v = RandomBelowP() + 1;
            bool isSquare = Field25519.SqrtRatioM1(out FieldElement25519 r, EdwardsConstants.FromBigInteger(u), EdwardsConstants.FromBigInteger(v), EdwardsConstants.SqrtM1);
            BigInteger root = EdwardsConstants.ToBigInteger(r);
            Assert.True(root.IsEven); // non-negative
            BigInteger ratio = u * BigInteger.ModPow(v, P - 2, P) % P;
            BigInteger sqrtM1 = EdwardsConstants.ToBigInteger(EdwardsConstants.SqrtM1);
            BigInteger expected = isSquare ? ratio : sqrtM1 * ratio % P;
            Assert.Equal(expected, root * root % P);
            Assert.Equal(BigInteger.ModPow(ratio, (P - 1) / 2, P) != P - 1, isSquare);
        }

        Assert.Equal(P - 1, BigInteger.ModPow(EdwardsConstants.ToBigInteger(EdwardsConstants.SqrtM1), 2, P));
    }

    [Theory]
    [InlineData(16, 9)]
    [InlineData(20, 9)]
    [InlineData(4, 3)]
    public void LookupTwinsAgree(int width, int entries)
    {
        ulong[] table = new ulong[width * entries];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        }

        for (uint index = 0; index < entries + 3; index++)
        {
            ulong[] scalar = new ulong[width];
            ulong[] vector = new ulong[width];
            Field25519LookupScalar.Select(table, width, index, scalar);
            Field25519LookupVector256.Select(table, width, index, vector);
            Assert.Equal(scalar, vector);
            if (index < entries)
            {
                Assert.Equal(table.AsSpan((int)index * width, width).ToArray(), scalar);
            }
            else
            {
                Assert.All(scalar, limb => Assert.Equal(0UL, limb));
            }
        }

        Assert.Throws<ArgumentException>(() => Field25519Lookup.Select(table, width + 1, 0, new ulong[width + 1]));
    }
}
