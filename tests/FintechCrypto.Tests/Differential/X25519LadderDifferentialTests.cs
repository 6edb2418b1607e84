using System;
using System.Numerics;
using System.Security.Cryptography;
using FintechCrypto.Internal.Curve25519;
using FintechCrypto.Native.Field25519;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>
/// The four-lane X25519 kernels (issue 13): Field25519x4 against System.Numerics.BigInteger lane by lane, and the
/// AVX2 ladder against its scalar twin (X25519LadderScalar, the reference) on random and edge inputs.
/// </summary>
[Trait("Category", "KnownAnswer")]
public sealed class X25519LadderDifferentialTests
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;

    private static BigInteger RandomBelowP() => new BigInteger(RandomNumberGenerator.GetBytes(40), isUnsigned: true) % P;

    private static BigInteger[] Edges => [0, 1, 2, 19, P - 1, P - 2, P - 19, BigInteger.Pow(2, 51), BigInteger.Pow(2, 254), BigInteger.Pow(2, 255) - 20];

    private static FieldElement25519x4 Pack(BigInteger[] v) =>
        X25519LadderAvx2.Pack(EdwardsConstants.FromBigInteger(v[0]), EdwardsConstants.FromBigInteger(v[1]), EdwardsConstants.FromBigInteger(v[2]), EdwardsConstants.FromBigInteger(v[3]));

    private static BigInteger Lane(in FieldElement25519x4 a, int lane) => EdwardsConstants.ToBigInteger(X25519LadderAvx2.Unpack(a, lane)) % P;

    [RequiresIsaFact(InstructionSet.Avx2)]
    public void Field25519x4_MatchesBigInteger_LaneByLane()
    {
        for (int round = 0; round < 200; round++)
        {
            BigInteger[] x = new BigInteger[4], y = new BigInteger[4];
            for (int j = 0; j < 4; j++)
            {
                int e = (4 * round) + j;
                x[j] = e < Edges.Length ? Edges[e] % P : RandomBelowP();
                y[j] = e < Edges.Length ? Edges[Edges.Length - 1 - e] % P : RandomBelowP();
            }

            FieldElement25519x4 a = Pack(x), b = Pack(y);
            Field25519x4.Multiply(out FieldElement25519x4 product, a, b);
            Field25519x4.MultiplySmall(out FieldElement25519x4 small, a, X25519LadderScalar.A24);
            Field25519x4.Add(out FieldElement25519x4 sum, a, b);
            Field25519x4.SubtractWith2P(out FieldElement25519x4 difference, a, b);

            // The unreduced sum and difference at the top of the multiplication's input bound, then multiplied.
            Field25519x4.Multiply(out FieldElement25519x4 sumSquared, sum, sum);
            Field25519x4.Multiply(out FieldElement25519x4 mixed, difference, sum);
            Field25519x4.Multiply(out FieldElement25519x4 differenceSquared, difference, difference);
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(x[j] * y[j] % P, Lane(product, j));
                Assert.Equal(x[j] * X25519LadderScalar.A24 % P, Lane(small, j));
                BigInteger s = (x[j] + y[j]) % P, d = ((x[j] - y[j]) % P + P) % P;
                Assert.Equal(s * s % P, Lane(sumSquared, j));
                Assert.Equal(d * s % P, Lane(mixed, j));
                Assert.Equal(d * d % P, Lane(differenceSquared, j));
            }
        }
    }

    [RequiresIsaFact(InstructionSet.Avx2)]
    public void Ladder_Avx2_MatchesTheScalarTwin()
    {
        byte[][] scalars =
        [
            new byte[32],
            [.. new byte[31], 0x40],
            Convert.FromHexString("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"), // RFC 7748 §5.2
            [.. Enumerable(0xFF)],
        ];
        for (int round = 0; round < 60; round++)
        {
            byte[] k = round < scalars.Length ? scalars[round] : RandomNumberGenerator.GetBytes(32);
            X25519.DecodeScalar25519(k.AsSpan(), k);
            BigInteger u = round < Edges.Length ? Edges[round] : RandomBelowP();
            FieldElement25519 x1 = EdwardsConstants.FromBigInteger(u % P);

            X25519LadderScalar.Run(k, x1, out FieldElement25519 x2, out FieldElement25519 z2);
            X25519LadderAvx2.Run(k, x1, out FieldElement25519 vx2, out FieldElement25519 vz2);
            BigInteger expected = Ratio(x2, z2), actual = Ratio(vx2, vz2);
            Assert.Equal(expected, actual);
            Assert.Equal(EdwardsConstants.ToBigInteger(x2) % P, EdwardsConstants.ToBigInteger(vx2) % P);
            Assert.Equal(EdwardsConstants.ToBigInteger(z2) % P, EdwardsConstants.ToBigInteger(vz2) % P);
        }
    }

    private static byte[] Enumerable(byte value)
    {
        byte[] b = new byte[32];
        Array.Fill(b, value);
        return b;
    }

    private static BigInteger Ratio(in FieldElement25519 x, in FieldElement25519 z)
    {
        BigInteger zz = EdwardsConstants.ToBigInteger(z) % P;
        return zz.IsZero ? BigInteger.MinusOne : EdwardsConstants.ToBigInteger(x) * BigInteger.ModPow(zz, P - 2, P) % P;
    }
}
