using System;
using System.Collections.Generic;
using System.Numerics;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;
using Org.BouncyCastle.Asn1.X9;
using Xunit;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;
using BcPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace FintechCrypto.Tests.Groups;

/// <summary>
/// P-256 and secp256k1 (RFC 9591 §6.4, §6.5) against BouncyCastle's plain arithmetic on the standard curve
/// parameters (ECNamedCurveTable, not the custom curves the groups use): group laws, SEC 1 encodings, refusal of
/// bad encodings, and agreement of the three scalar multiplications.
/// </summary>
public sealed class WeierstrassGroupTests
{
    public static TheoryData<string> Groups => new() { "P-256", "secp256k1" };

    private static WeierstrassGroup Get(string name) => name switch
    {
        "P-256" => WeierstrassGroup.P256,
        "secp256k1" => WeierstrassGroup.Secp256k1,
        _ => throw new ArgumentException(name, nameof(name)),
    };

    private static X9ECParameters Reference(string name) =>
        ECNamedCurveTable.GetByName(name == "P-256" ? "secp256r1" : "secp256k1");

    // Scalars that exercise the recoding's edges: 0, 1, small evens (the exceptional additions), n - 1, n - 2,
    // values with the top bits set, and random values.
    private static List<BigInteger> EdgeAndRandomScalars(BigInteger n, int randomCount)
    {
        var values = new List<BigInteger> { 0, 1, 2, 3, 4, 30, 31, 32, 33, 62, 63, 64, 65, n - 1, n - 2, n - 62, n - 64, n / 2, (n + 1) / 2, BigInteger.Pow(2, 255), BigInteger.Pow(2, 128) - 1 };
        for (int i = 0; i < randomCount; i++)
        {
            values.Add(new BigInteger(RandomNumberGenerator.GetBytes(40), isUnsigned: true) % n);
        }

        return values;
    }

    private static byte[] Append(byte[] a, byte b) => [.. a, b];

    private static BcBigInteger ToBc(BigInteger value) => new(1, value.ToByteArray(isUnsigned: true, isBigEndian: true));

    private static byte[] Expected(BcPoint point) => point.IsInfinity ? [] : point.Normalize().GetEncoded(true);

    private static byte[] Encode(WeierstrassGroup group, GroupElement element) =>
        group.IsIdentity(element) ? [] : group.SerializeElement(element);

    [Theory]
    [MemberData(nameof(Groups))]
    public void Parameters_MatchTheStandardCurve(string name)
    {
        WeierstrassGroup group = Get(name);
        X9ECParameters reference = Reference(name);
        Assert.Equal(33, group.ElementLength);
        Assert.Equal(32, group.Scalars.Length);
        Assert.False(group.Scalars.LittleEndian);
        Assert.Equal(new BigInteger(reference.N.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true), group.Scalars.Order);
        Assert.Equal(reference.G.GetEncoded(true), group.SerializeElement(group.Generator));
        Assert.True(group.IsIdentity(group.Identity));
        Assert.False(group.IsIdentity(group.Generator));
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void ScalarMultiplications_AgreeWithBouncyCastle(string name)
    {
        WeierstrassGroup group = Get(name);
        X9ECParameters reference = Reference(name);
        BigInteger n = group.Scalars.Order;

        // A second base point with an unknown logarithm-free construction: h * G for a random h.
        BigInteger h = new BigInteger(RandomNumberGenerator.GetBytes(40), isUnsigned: true) % (n - 1) + 1;
        BcPoint otherReference = reference.G.Multiply(ToBc(h)).Normalize();
        Assert.True(group.TryDeserializeElement(otherReference.GetEncoded(true), out GroupElement other));

        foreach (BigInteger k in EdgeAndRandomScalars(n, 24))
        {
            Scalar s = group.Scalars.FromBigInteger(k);
            byte[] expectedBase = Expected(reference.G.Multiply(ToBc(k)));
            Assert.Equal(expectedBase, Encode(group, group.MultiplyBase(s)));
            Assert.Equal(expectedBase, Encode(group, group.Multiply(group.Generator, s)));
            Assert.Equal(expectedBase, Encode(group, group.MultiplyVartime(group.Generator, s)));

            byte[] expectedOther = Expected(otherReference.Multiply(ToBc(k)));
            Assert.Equal(expectedOther, Encode(group, group.Multiply(other, s)));
            Assert.Equal(expectedOther, Encode(group, group.MultiplyVartime(other, s)));
        }

        // The identity times anything is the identity.
        Assert.True(group.IsIdentity(group.Multiply(group.Identity, group.Scalars.FromUInt64(5))));
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void GroupLaws_Hold(string name)
    {
        WeierstrassGroup group = Get(name);
        ScalarField f = group.Scalars;
        for (int i = 0; i < 8; i++)
        {
            Scalar a = f.Random();
            Scalar b = f.Random();
            Scalar c = f.Random();
            GroupElement pa = group.MultiplyBase(a);
            GroupElement pb = group.MultiplyBase(b);
            GroupElement pc = group.MultiplyBase(c);

            Assert.True(group.ElementEquals(group.Add(pa, pb), group.Add(pb, pa)));
            Assert.True(group.ElementEquals(group.Add(group.Add(pa, pb), pc), group.Add(pa, group.Add(pb, pc))));
            Assert.True(group.ElementEquals(group.Add(pa, group.Identity), pa));
            Assert.True(group.IsIdentity(group.Add(pa, group.Negate(pa))));
            Assert.True(group.ElementEquals(group.Subtract(pa, pb), group.MultiplyBase(f.Subtract(a, b))));
            Assert.True(group.ElementEquals(group.Add(pa, pb), group.MultiplyBase(f.Add(a, b))));
            Assert.True(group.ElementEquals(group.Multiply(pa, b), group.MultiplyBase(f.Multiply(a, b))));
            Assert.True(group.ElementEquals(group.Add(pa, pa), group.MultiplyBase(f.Add(a, a))));
            Assert.False(group.ElementEquals(pa, pb));
        }
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void MultiScalarMultiplication_IsTheSumOfProducts(string name)
    {
        WeierstrassGroup group = Get(name);
        ScalarField f = group.Scalars;
        Assert.True(group.IsIdentity(group.MultiScalarMultiplyVartime([], [])));
        for (int count = 1; count <= 5; count++)
        {
            var scalars = new Scalar[count];
            var elements = new GroupElement[count];
            GroupElement expected = group.Identity;
            for (int i = 0; i < count; i++)
            {
                scalars[i] = f.Random();
                elements[i] = group.MultiplyBase(f.Random());
                expected = group.Add(expected, group.Multiply(elements[i], scalars[i]));
            }

            Assert.True(group.ElementEquals(expected, group.MultiScalarMultiplyVartime(scalars, elements)));
        }

        Assert.Throws<ArgumentException>(() => group.MultiScalarMultiplyVartime(new Scalar[2], new GroupElement[1]));
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Encoding_RoundTrips(string name)
    {
        WeierstrassGroup group = Get(name);
        for (int i = 0; i < 16; i++)
        {
            GroupElement p = group.MultiplyBase(group.Scalars.RandomNonZero());
            byte[] encoded = group.SerializeElement(p);
            Assert.Equal(33, encoded.Length);
            Assert.True(encoded[0] is 0x02 or 0x03);
            Assert.True(group.TryDeserializeElement(encoded, out GroupElement decoded));
            Assert.True(group.ElementEquals(p, decoded));
            Assert.Equal(encoded, group.SerializeElement(decoded));
        }
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void SerializeElement_RefusesTheIdentity(string name)
    {
        WeierstrassGroup group = Get(name);
        Assert.Throws<FintechCryptoException>(() => group.SerializeElement(group.Identity));
        Assert.Throws<ArgumentException>(() => group.SerializeElement(group.Generator, new byte[32]));
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void DeserializeElement_RefusesBadEncodings(string name)
    {
        WeierstrassGroup group = Get(name);
        X9ECParameters reference = Reference(name);
        byte[] good = group.SerializeElement(group.Generator);
        BigInteger p = new(reference.Curve.Field.Characteristic.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);

        var bad = new List<byte[]>
        {
            Array.Empty<byte>(),
            good[..32],
            Append(good, 0),
            reference.G.GetEncoded(false),               // uncompressed: not the RFC 9591 encoding
            new byte[33],                                // prefix 0x00 (and SEC 1's one-byte identity is 1 byte)
            new byte[] { 0x00 },
        };
        foreach (byte prefix in new byte[] { 0x00, 0x01, 0x04, 0x05, 0x06, 0x07, 0xff })
        {
            byte[] b = (byte[])good.Clone();
            b[0] = prefix;
            bad.Add(b);
        }

        // x = p, x = p + 1 and x = 2^256 - 1: not canonical field elements.
        foreach (BigInteger x in new[] { p, p + 1, BigInteger.Pow(2, 256) - 1 })
        {
            byte[] b = new byte[33];
            b[0] = 0x02;
            x.ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(b, 1);
            bad.Add(b);
            byte[] b3 = (byte[])b.Clone();
            b3[0] = 0x03;
            bad.Add(b3);
        }

        // An x for which x^3 + ax + b is not a square: no point.
        int offCurveFound = 0;
        for (int x = 0; offCurveFound < 3 && x < 64; x++)
        {
            var fx = reference.Curve.FromBigInteger(BcBigInteger.ValueOf(x));
            var rhs = fx.Square().Add(reference.Curve.A).Multiply(fx).Add(reference.Curve.B);
            if (rhs.Sqrt() is null)
            {
                byte[] b = new byte[33];
                b[0] = 0x02;
                b[32] = (byte)x;
                bad.Add(b);
                offCurveFound++;
            }
        }

        Assert.Equal(3, offCurveFound);
        foreach (byte[] encoding in bad)
        {
            Assert.False(group.TryDeserializeElement(encoding, out GroupElement element), Hex.Encode(encoding));
            Assert.True(group.IsIdentity(element));
        }
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void DeserializeElement_NeverThrowsOnRandomBytes(string name)
    {
        WeierstrassGroup group = Get(name);
        int accepted = 0;
        for (int i = 0; i < 200; i++)
        {
            byte[] b = RandomNumberGenerator.GetBytes(33);
            b[0] = (byte)(2 + (i & 1));
            if (group.TryDeserializeElement(b, out GroupElement element))
            {
                accepted++;
                Assert.Equal(b, group.SerializeElement(element));
            }
        }

        // About half of all x have a point; 200 tries with none accepted would mean a broken decoder.
        Assert.InRange(accepted, 40, 160);
    }

    [Fact]
    public void ElementsOfAnotherGroup_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => WeierstrassGroup.P256.Add(WeierstrassGroup.P256.Generator, WeierstrassGroup.Secp256k1.Generator));
    }
}
