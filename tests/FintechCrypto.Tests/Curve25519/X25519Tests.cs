using System;
using System.Numerics;
using FsCheck.Xunit;
using Xunit;
using BcX25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;
using OurX25519 = FintechCrypto.Internal.Curve25519.X25519;

namespace FintechCrypto.Tests.Curve25519;

/// <summary>
/// Our X25519 function (Internal/Curve25519/X25519, RFC 7748 §5 on Field25519): the RFC's own vectors (§5.2 and §6.1),
/// BouncyCastle's Rfc7748 code as the oracle on random and edge-case inputs, and the edwards25519 route of the
/// public-key computation against the ladder at u = 9.
/// </summary>
public sealed class X25519Tests
{
    private static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;

    // u-coordinates of small order on curve25519 or its twist (all yield the all-zero output): 0, 1, two points of
    // order 8, p - 1, and the non-canonical p and p + 1 (that is 0 and 1), and 0 and 1 with the top bit set.
    public static TheoryData<string> LowOrderU => new()
    {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "0100000000000000000000000000000000000000000000000000000000000080",
    };

    // RFC 7748 §5.2: the two input scalar / input u-coordinate / output u-coordinate triples. The second u has its top
    // bit set, which decodeUCoordinate masks.
    [Trait("Category", "KnownAnswer")]
    [Theory]
    [InlineData(
        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
        "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
        "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")]
    [InlineData(
        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
        "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
        "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957")]
    public void ScalarMult_ReproducesRfc7748Section5_2(string scalar, string u, string expected)
    {
        byte[] output = new byte[32];
        OurX25519.ScalarMult(Hex.Decode(scalar), Hex.Decode(u), output);
        Assert.Equal(expected, Hex.Encode(output));
    }

    // RFC 7748 §5.2: k = u = 9; then repeatedly (k, u) = (X25519(k, u), k).
    [Trait("Category", "KnownAnswer")]
    [Theory]
    [InlineData(1, "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079")]
    [InlineData(1000, "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51")]
    public void ScalarMult_ReproducesRfc7748Section5_2Iterated(int iterations, string expected) =>
        Assert.Equal(expected, Hex.Encode(Iterate(iterations)));

    // RFC 7748 §5.2: the same after 1,000,000 iterations (about a minute).
    [Trait("Category", "Slow")]
    [Fact]
    public void ScalarMult_ReproducesRfc7748Section5_2IteratedAMillionTimes() =>
        Assert.Equal("7c3911e0ab2586fd864497297e575e6f3bc601c0883c30df5f4dd2d24f665424", Hex.Encode(Iterate(1_000_000)));

    // RFC 7748 §6.1: Alice's and Bob's public keys (X25519(k, 9), computed both through edwards25519 and with the
    // ladder) and their shared secret.
    [Trait("Category", "KnownAnswer")]
    [Fact]
    public void ScalarMultAndScalarMultBase_ReproduceRfc7748Section6_1()
    {
        byte[] alicePrivate = Hex.Decode("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bobPrivate = Hex.Decode("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        const string AlicePublic = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
        const string BobPublic = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
        const string Shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

        Assert.Equal(AlicePublic, Hex.Encode(Base(alicePrivate)));
        Assert.Equal(BobPublic, Hex.Encode(Base(bobPrivate)));
        Assert.Equal(AlicePublic, Hex.Encode(Mult(alicePrivate, NineU())));
        Assert.Equal(BobPublic, Hex.Encode(Mult(bobPrivate, NineU())));
        Assert.Equal(Shared, Hex.Encode(Mult(alicePrivate, Hex.Decode(BobPublic))));
        Assert.Equal(Shared, Hex.Encode(Mult(bobPrivate, Hex.Decode(AlicePublic))));
    }

    [Trait("Category", "KnownAnswer")]
    [Theory]
    [MemberData(nameof(LowOrderU))]
    public void ScalarMult_OfASmallOrderU_IsAllZeros_AsInBouncyCastle(string u)
    {
        byte[] uBytes = Hex.Decode(u);
        for (int i = 0; i < 8; i++)
        {
            byte[] scalar = RandomBytes(i, 32);
            byte[] ours = Mult(scalar, uBytes);
            Assert.Equal(new byte[32], ours);
            byte[] theirs = new byte[32];
            BcX25519.ScalarMult(scalar, 0, uBytes, 0, theirs, 0);
            Assert.Equal(theirs, ours);
        }
    }

    // 500 random (scalar, u) pairs; shape picks the u: uniform 32 bytes (top bit random), top bit forced on, a
    // non-canonical p + r (r < 19, with or without the top bit), a small value, or a value just below p.
    [Trait("Category", "KnownAnswer")] // also in the scalar and no-AVX2 legs of .ci/run (issue 13)
    [Property(MaxTest = 500)]
    public void ScalarMult_AgreesWithBouncyCastle(int seed, int salt, byte shape)
    {
        var random = Seeded(seed, salt);
        byte[] scalar = new byte[32];
        random.NextBytes(scalar);
        byte[] u = new byte[32];
        random.NextBytes(u);
        switch (shape % 6)
        {
            case 1:
                u[31] |= 0x80;
                break;
            case 2:
                u = Encode(P + random.Next(19), topBit: false);
                break;
            case 3:
                u = Encode(P + random.Next(19), topBit: true);
                break;
            case 4:
                u = Encode(random.Next(64), topBit: random.Next(2) == 1);
                break;
            case 5:
                u = Encode(P - 1 - random.Next(64), topBit: random.Next(2) == 1);
                break;
        }

        byte[] ours = Mult(scalar, u);
        byte[] theirs = new byte[32];
        BcX25519.ScalarMult(scalar, 0, u, 0, theirs, 0);
        Assert.Equal(theirs, ours);

        // The output is the canonical encoding: below p, top bit clear.
        Assert.True(new BigInteger(ours, isUnsigned: true) < P);
    }

    // Non-canonical u = p + r is the same input as r (RFC 7748 §5: "accept non-canonical values and process them as
    // if they had been reduced modulo the field prime"), and the top bit is ignored.
    [Trait("Category", "KnownAnswer")] // also in the scalar and no-AVX2 legs of .ci/run (issue 13)
    [Property(MaxTest = 100)]
    public void ScalarMult_ReducesNonCanonicalUAndIgnoresTheTopBit(int seed, int salt)
    {
        var random = Seeded(seed, salt);
        byte[] scalar = new byte[32];
        random.NextBytes(scalar);
        int r = random.Next(19);
        byte[] reduced = Mult(scalar, Encode(r, topBit: false));
        Assert.Equal(reduced, Mult(scalar, Encode(P + r, topBit: false)));
        Assert.Equal(reduced, Mult(scalar, Encode(P + r, topBit: true)));
        Assert.Equal(reduced, Mult(scalar, Encode(r, topBit: true)));
    }

    // The public key through edwards25519 (ScalarMultBase) against BouncyCastle's ScalarMultBase and against our ladder
    // at u = 9, for random scalars and edge scalars (all zeros, all ones: clamping decides what they mean).
    [Trait("Category", "KnownAnswer")] // also in the scalar and no-AVX2 legs of .ci/run (issue 13)
    [Property(MaxTest = 500)]
    public void ScalarMultBase_AgreesWithBouncyCastleAndWithTheLadderAtNine(int seed, int salt, byte shape)
    {
        var random = Seeded(seed, salt);
        byte[] scalar = new byte[32];
        switch (shape % 8)
        {
            case 0:
                break;
            case 1:
                scalar.AsSpan().Fill(0xff);
                break;
            default:
                random.NextBytes(scalar);
                break;
        }

        byte[] ours = Base(scalar);
        byte[] theirs = new byte[32];
        BcX25519.ScalarMultBase(scalar, 0, theirs, 0);
        Assert.Equal(theirs, ours);
        Assert.Equal(Mult(scalar, NineU()), ours);
    }

    [Fact]
    public void Clamping_IgnoresTheLowThreeBitsAndTheTopBit()
    {
        byte[] scalar = RandomBytes(7, 32);
        byte[] u = RandomBytes(8, 32);
        byte[] expected = Mult(scalar, u);
        byte[] flipped = (byte[])scalar.Clone();
        flipped[0] ^= 0x07;
        flipped[31] ^= 0xc0; // bit 255 is cleared and bit 254 set by decodeScalar25519 whatever they were
        Assert.Equal(expected, Mult(flipped, u));
        Assert.Equal(Base(scalar), Base(flipped));

        byte[] clamped = new byte[32];
        OurX25519.DecodeScalar25519(flipped, clamped);
        Assert.Equal(0, clamped[0] & 7);
        Assert.Equal(0x40, clamped[31] & 0xc0);
    }

    [Theory]
    [InlineData(31, 32, 32)]
    [InlineData(32, 33, 32)]
    [InlineData(32, 32, 31)]
    [InlineData(0, 32, 32)]
    public void WrongLengths_AreRefused(int scalarLength, int uLength, int outputLength)
    {
        Assert.Throws<ArgumentException>(() => OurX25519.ScalarMult(new byte[scalarLength], new byte[uLength], new byte[outputLength]));
        if (uLength == 32)
        {
            Assert.Throws<ArgumentException>(() => OurX25519.ScalarMultBase(new byte[scalarLength], new byte[outputLength]));
        }
    }

    // A reproducible generator from FsCheck's two integers (which start small, so one alone repeats often).
    private static Random Seeded(int seed, int salt) => new(unchecked((seed * 1_000_003) + salt));

    private static byte[] Iterate(int iterations)
    {
        byte[] k = NineU();
        byte[] u = NineU();
        byte[] next = new byte[32];
        for (int i = 0; i < iterations; i++)
        {
            OurX25519.ScalarMult(k, u, next);
            (u, k, next) = (k, next, u);
        }

        return k;
    }

    private static byte[] Mult(byte[] scalar, byte[] u)
    {
        byte[] output = new byte[32];
        OurX25519.ScalarMult(scalar, u, output);
        return output;
    }

    private static byte[] Base(byte[] scalar)
    {
        byte[] output = new byte[32];
        OurX25519.ScalarMultBase(scalar, output);
        return output;
    }

    private static byte[] NineU()
    {
        byte[] nine = new byte[32];
        nine[0] = 9;
        return nine;
    }

    private static byte[] RandomBytes(int seed, int length)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Encode(BigInteger value, bool topBit)
    {
        byte[] bytes = new byte[32];
        Assert.True(value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false));
        if (topBit)
        {
            bytes[31] |= 0x80;
        }

        return bytes;
    }
}
