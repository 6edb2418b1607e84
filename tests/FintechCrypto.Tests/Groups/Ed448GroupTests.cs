using System;
using System.Collections.Generic;
using System.Numerics;
using FintechCrypto.Internal.Groups;
using Xunit;

namespace FintechCrypto.Tests.Groups;

/// <summary>
/// Ed448Group (RFC 9591 §6.3 over RFC 8032 §5.2): group laws, the four scalar multiplications against each other
/// and against a BigInteger model, encoding round trips, and every way DeserializeElement must say no.
/// </summary>
public sealed class Ed448GroupTests
{
    private static readonly Ed448Group G = Ed448Group.Instance;
    private static readonly ScalarField Fq = G.Scalars;

    // B as a distinct object: MultiplyVartime takes the base table for the Generator instance itself, and the
    // wNAF path for any other element, this one included.
    private static readonly GroupElement GeneratorCopy = Decode(G.SerializeElement(G.Generator));

    [Fact]
    public void Parameters_AreThoseOfRfc9591Section6_3()
    {
        Assert.Equal("edwards448", G.Name);
        Assert.Equal(57, G.ElementLength);
        Assert.Equal(57, Fq.Length);
        Assert.True(Fq.LittleEndian);
        Assert.Equal(Ed448ReferenceModel.L, Fq.Order);
        Assert.Equal(Ed448ReferenceModel.P, Ed448Field.P);
        Assert.True(Ed448ReferenceModel.IsOnCurve(Ed448ReferenceModel.B));
    }

    [Fact]
    public void ReferenceModel_OrderTimesBase_IsTheIdentity()
    {
        // Checks the model's constants (p, d, B, L) against each other before the model is trusted.
        Assert.Equal(Ed448ReferenceModel.Identity, Ed448ReferenceModel.Multiply(Ed448ReferenceModel.L, Ed448ReferenceModel.B));
        Assert.NotEqual(Ed448ReferenceModel.Identity, Ed448ReferenceModel.Multiply(Ed448ReferenceModel.L - 1, Ed448ReferenceModel.B));
    }

    [Fact]
    public void ReferenceModel_ProjectiveMultiply_AgreesWithRepeatedAffineAddition()
    {
        (BigInteger X, BigInteger Y) a = Ed448ReferenceModel.Multiply(31337, Ed448ReferenceModel.B);
        Assert.True(Ed448ReferenceModel.IsOnCurve(a));
        for (int k = 0; k <= 20; k++)
        {
            Assert.Equal(Ed448ReferenceModel.MultiplyByAddition(k, a), Ed448ReferenceModel.Multiply(k, a));
        }
    }

    [Fact]
    public void Generator_EncodesAsTheReferenceModelsBasePoint()
    {
        Assert.Equal(Ed448ReferenceModel.Encode(Ed448ReferenceModel.B), G.SerializeElement(G.Generator));
        Assert.Equal(Ed448ReferenceModel.B.X, Ed448Field.ToBigInteger(((Ed448Element)G.Generator).Point.X));
        Assert.Equal(Ed448ReferenceModel.B.Y, Ed448Field.ToBigInteger(((Ed448Element)G.Generator).Point.Y));
    }

    [Fact]
    public void ScalarMultiplications_MatchTheReferenceModel()
    {
        var scalars = new List<BigInteger> { 1, 2, 3, 7, 8, 9, 15, 16, 17, 255, 256, Ed448ReferenceModel.L - 1, Ed448ReferenceModel.L - 8, BigInteger.Pow(2, 445) };
        for (int i = 0; i < 4; i++)
        {
            scalars.Add(Fq.ToBigInteger(Fq.Random()));
        }

        (BigInteger X, BigInteger Y) pointModel = Ed448ReferenceModel.Multiply(123456789, Ed448ReferenceModel.B);
        GroupElement point = G.MultiplyBase(Fq.FromUInt64(123456789));
        Assert.Equal(Ed448ReferenceModel.Encode(pointModel), G.SerializeElement(point));

        foreach (BigInteger k in scalars)
        {
            Scalar s = Fq.FromBigInteger(k);
            byte[] expectedBase = Ed448ReferenceModel.Encode(Ed448ReferenceModel.Multiply(k, Ed448ReferenceModel.B));
            Assert.Equal(expectedBase, G.SerializeElement(G.MultiplyBase(s)));
            Assert.Equal(expectedBase, G.SerializeElement(G.Multiply(G.Generator, s)));
            Assert.Equal(expectedBase, G.SerializeElement(G.MultiplyVartime(G.Generator, s)));
            Assert.Equal(expectedBase, G.SerializeElement(G.MultiplyVartime(GeneratorCopy, s)));
            Assert.Equal(expectedBase, G.SerializeElement(G.Multiply(GeneratorCopy, s)));

            byte[] expectedPoint = Ed448ReferenceModel.Encode(Ed448ReferenceModel.Multiply(k, pointModel));
            Assert.Equal(expectedPoint, G.SerializeElement(G.Multiply(point, s)));
            Assert.Equal(expectedPoint, G.SerializeElement(G.MultiplyVartime(point, s)));
        }
    }

    [Fact]
    public void Addition_MatchesTheReferenceModel()
    {
        (BigInteger X, BigInteger Y) a = Ed448ReferenceModel.Multiply(1000, Ed448ReferenceModel.B);
        (BigInteger X, BigInteger Y) b = Ed448ReferenceModel.Multiply(Ed448ReferenceModel.L - 77, Ed448ReferenceModel.B);
        GroupElement ga = G.MultiplyBase(Fq.FromUInt64(1000));
        GroupElement gb = G.MultiplyBase(Fq.FromBigInteger(Ed448ReferenceModel.L - 77));

        Assert.Equal(Ed448ReferenceModel.Encode(Ed448ReferenceModel.Add(a, b)), G.SerializeElement(G.Add(ga, gb)));
        Assert.Equal(Ed448ReferenceModel.Encode(Ed448ReferenceModel.Add(a, a)), G.SerializeElement(G.Add(ga, ga)));
        Assert.Equal(Ed448ReferenceModel.Encode(Ed448ReferenceModel.Negate(a)), G.SerializeElement(G.Negate(ga)));
    }

    [Fact]
    public void GroupLaws_HoldForRandomElements()
    {
        for (int i = 0; i < 8; i++)
        {
            GroupElement a = RandomElement();
            GroupElement b = RandomElement();
            GroupElement c = RandomElement();

            Assert.True(G.ElementEquals(G.Add(G.Add(a, b), c), G.Add(a, G.Add(b, c))), "associativity");
            Assert.True(G.ElementEquals(G.Add(a, b), G.Add(b, a)), "commutativity");
            Assert.True(G.ElementEquals(G.Add(a, G.Identity), a), "identity on the right");
            Assert.True(G.ElementEquals(G.Add(G.Identity, a), a), "identity on the left");
            Assert.True(G.IsIdentity(G.Add(a, G.Negate(a))), "inverse");
            Assert.True(G.IsIdentity(G.Subtract(a, a)), "a - a");
            Assert.True(G.ElementEquals(G.Subtract(G.Add(a, b), b), a), "(a + b) - b");
            Assert.False(G.ElementEquals(a, b));
            Assert.False(G.IsIdentity(a));
        }
    }

    [Fact]
    public void Doubling_EqualsAddingAPointToItself()
    {
        var t = new Ed448Point.Scratch();
        foreach (GroupElement a in new[] { RandomElement(), RandomElement(), G.Generator, G.Identity })
        {
            Ed448Point p = ((Ed448Element)a).Point;
            var doubled = new Ed448Point();
            var added = new Ed448Point();
            Ed448Point.Double(p, doubled, t);
            Ed448Point.Add(p, p, added, t);
            Assert.True(doubled.EqualsVar(added));

            // In place (output aliasing the input) gives the same point.
            Ed448Point copy = p.Clone();
            Ed448Point.Double(copy, copy, t);
            Assert.True(copy.EqualsVar(doubled));
            Ed448Point sum = p.Clone();
            Ed448Point.Add(sum, sum, sum, t);
            Assert.True(sum.EqualsVar(doubled));

            Assert.True(G.ElementEquals(new Ed448Element(doubled), G.Multiply(a, Fq.FromUInt64(2))));
        }
    }

    [Fact]
    public void ScalarMultiplications_AgreeWithEachOther_OnRandomScalars()
    {
        GroupElement p = RandomElement();
        for (int i = 0; i < 16; i++)
        {
            Scalar k = Fq.Random();
            GroupElement viaBase = G.MultiplyBase(k);
            Assert.True(G.ElementEquals(viaBase, G.Multiply(G.Generator, k)));
            Assert.True(G.ElementEquals(viaBase, G.MultiplyVartime(G.Generator, k)));
            Assert.True(G.ElementEquals(viaBase, G.MultiplyVartime(GeneratorCopy, k)));
            Assert.True(G.ElementEquals(viaBase, G.MultiScalarMultiplyVartime([k], [GeneratorCopy])));
            Assert.True(G.ElementEquals(viaBase, G.MultiScalarMultiplyVartime([k], [G.Generator])));

            GroupElement kp = G.Multiply(p, k);
            Assert.True(G.ElementEquals(kp, G.MultiplyVartime(p, k)));
            Assert.Equal(G.SerializeElement(kp), G.SerializeElement(G.MultiplyVartime(p, k)));
        }
    }

    [Fact]
    public void ScalarMultiplication_IsLinearInTheScalar()
    {
        GroupElement p = RandomElement();
        for (int i = 0; i < 6; i++)
        {
            Scalar k1 = Fq.Random();
            Scalar k2 = Fq.Random();
            Assert.True(G.ElementEquals(G.Multiply(p, Fq.Add(k1, k2)), G.Add(G.Multiply(p, k1), G.Multiply(p, k2))));
            Assert.True(G.ElementEquals(G.MultiplyBase(Fq.Multiply(k1, k2)), G.Multiply(G.MultiplyBase(k2), k1)));
            Assert.True(G.ElementEquals(G.MultiplyBase(Fq.Negate(k1)), G.Negate(G.MultiplyBase(k1))));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void MultiScalarMultiplyVartime_EqualsTheSumOfProducts(int count)
    {
        var scalars = new Scalar[count];
        var elements = new GroupElement[count];
        GroupElement expected = G.Identity;
        for (int i = 0; i < count; i++)
        {
            scalars[i] = i == 1 ? Fq.Zero : Fq.Random();
            elements[i] = i == 2 ? G.Generator : RandomElement();
            expected = G.Add(expected, G.Multiply(elements[i], scalars[i]));
        }

        Assert.True(G.ElementEquals(expected, G.MultiScalarMultiplyVartime(scalars, elements)));
    }

    [Fact]
    public void MultiScalarMultiplyVartime_RejectsListsOfDifferentLengths()
    {
        Assert.Throws<ArgumentException>(() => G.MultiScalarMultiplyVartime([Fq.One, Fq.One], [G.Generator]));
        Assert.True(G.IsIdentity(G.MultiScalarMultiplyVartime([], [])));
    }

    [Fact]
    public void OrderTimesGenerator_IsTheIdentity()
    {
        Scalar orderMinusOne = Fq.FromBigInteger(Ed448ReferenceModel.L - 1);
        Assert.True(G.IsIdentity(G.Add(G.MultiplyBase(orderMinusOne), G.Generator)));
        Assert.True(G.ElementEquals(G.MultiplyBase(orderMinusOne), G.Negate(G.Generator)));
        Assert.True(G.ElementEquals(G.Multiply(G.Generator, orderMinusOne), G.Negate(G.Generator)));
        Assert.True(G.ElementEquals(G.MultiplyVartime(G.Generator, orderMinusOne), G.Negate(G.Generator)));
        Assert.True(G.ElementEquals(G.MultiplyVartime(GeneratorCopy, orderMinusOne), G.Negate(G.Generator)));

        GroupElement p = RandomElement();
        Assert.True(G.IsIdentity(G.Add(G.Multiply(p, orderMinusOne), p)));
        Assert.True(G.IsIdentity(G.Add(G.MultiplyVartime(p, orderMinusOne), p)));
    }

    [Fact]
    public void ZeroScalar_GivesTheIdentity()
    {
        GroupElement p = RandomElement();
        Assert.True(G.IsIdentity(G.MultiplyBase(Fq.Zero)));
        Assert.True(G.IsIdentity(G.Multiply(p, Fq.Zero)));
        Assert.True(G.IsIdentity(G.MultiplyVartime(p, Fq.Zero)));
        Assert.True(G.IsIdentity(G.Multiply(G.Identity, Fq.Random())));
        Assert.True(G.ElementEquals(G.MultiplyBase(Fq.One), G.Generator));
    }

    [Fact]
    public void SerializeThenDeserialize_RoundTrips()
    {
        for (int i = 0; i < 12; i++)
        {
            GroupElement a = RandomElement();
            byte[] encoded = G.SerializeElement(a);
            Assert.Equal(57, encoded.Length);
            Assert.Equal(0, encoded[56] & 0x7F);
            Assert.True(G.TryDeserializeElement(encoded, out GroupElement decoded));
            Assert.True(G.ElementEquals(a, decoded));
            Assert.Equal(encoded, G.SerializeElement(decoded));

            // -A differs from A in the sign bit only.
            byte[] negated = G.SerializeElement(G.Negate(a));
            Assert.Equal(encoded[..56], negated[..56]);
            Assert.Equal(0x80, (encoded[56] ^ negated[56]) & 0x80);
        }
    }

    [Fact]
    public void SerializeElement_RefusesTheIdentity_AndAWrongDestination()
    {
        Assert.Throws<FintechCryptoException>(() => G.SerializeElement(G.Identity));
        Assert.Throws<FintechCryptoException>(() => G.SerializeElement(G.Subtract(G.Generator, G.Generator)));
        Assert.Throws<ArgumentException>(() => G.SerializeElement(G.Generator, new byte[56]));
        Assert.Throws<ArgumentNullException>(() => G.SerializeElement(null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(56)]
    [InlineData(58)]
    [InlineData(114)]
    public void Deserialize_RejectsAWrongLength(int length)
    {
        byte[] encoded = new byte[length];
        if (length > 0)
        {
            G.SerializeElement(G.Generator).AsSpan(0, Math.Min(57, length)).CopyTo(encoded);
        }

        Assert.False(G.TryDeserializeElement(encoded, out GroupElement element));
        Assert.True(G.IsIdentity(element));
    }

    [Fact]
    public void Deserialize_RejectsNonCanonicalY()
    {
        BigInteger p = Ed448ReferenceModel.P;
        // A small y whose point is in the subgroup: its canonical encoding decodes, y + p must not.
        BigInteger validY = 2;
        while (Ed448ReferenceModel.Decode(Ed448ReferenceModel.RawEncoding(validY, 0)) is not { } point
            || Ed448ReferenceModel.Multiply(Ed448ReferenceModel.L, point) != Ed448ReferenceModel.Identity)
        {
            validY++;
        }

        Assert.True(G.TryDeserializeElement(Ed448ReferenceModel.RawEncoding(validY, 0), out _));
        Assert.True(G.TryDeserializeElement(Ed448ReferenceModel.RawEncoding(validY, 1), out _));

        // y = p, p + 1 (which would be 1: the identity), p + 2, 2^448 - 1, and that valid y + p.
        foreach (BigInteger y in new[] { p, p + 1, p + 2, BigInteger.Pow(2, 448) - 1, validY + p })
        {
            Assert.True(y < BigInteger.Pow(2, 448));
            foreach (int sign in new[] { 0, 1 })
            {
                Assert.False(G.TryDeserializeElement(Ed448ReferenceModel.RawEncoding(y, sign), out _));
            }
        }

        // Any bit among 448..454 set: y >= 2^448.
        byte[] generator = G.SerializeElement(G.Generator);
        for (int bit = 0; bit < 7; bit++)
        {
            byte[] encoded = (byte[])generator.Clone();
            encoded[56] |= (byte)(1 << bit);
            Assert.False(G.TryDeserializeElement(encoded, out _));
        }
    }

    [Fact]
    public void Deserialize_RejectsXZeroWithTheSignBitSet()
    {
        // (0, 1) and (0, -1) are the only points with x = 0; with the sign bit set neither encoding is canonical.
        Assert.Null(Ed448ReferenceModel.Decode(Ed448ReferenceModel.RawEncoding(1, 1)));
        Assert.False(G.TryDeserializeElement(Ed448ReferenceModel.RawEncoding(1, 1), out _));
        Assert.False(G.TryDeserializeElement(Ed448ReferenceModel.RawEncoding(Ed448ReferenceModel.P - 1, 1), out _));
    }

    [Fact]
    public void Deserialize_RejectsYsThatAreNotOnTheCurve()
    {
        int found = 0;
        for (BigInteger y = 2; found < 8; y++)
        {
            byte[] encoded = Ed448ReferenceModel.RawEncoding(y, 0);
            if (Ed448ReferenceModel.Decode(encoded) is null)
            {
                found++;
                Assert.False(G.TryDeserializeElement(encoded, out _));
                encoded[56] |= 0x80;
                Assert.False(G.TryDeserializeElement(encoded, out _));
            }
            else
            {
                // On the curve but (almost surely) outside the subgroup or not: the decoder must agree with the model.
                (BigInteger X, BigInteger Y) point = Ed448ReferenceModel.Decode(encoded)!.Value;
                bool inSubgroup = Ed448ReferenceModel.Multiply(Ed448ReferenceModel.L, point) == Ed448ReferenceModel.Identity;
                Assert.Equal(inSubgroup, G.TryDeserializeElement(encoded, out _));
            }
        }
    }

    [Fact]
    public void Deserialize_RejectsTheIdentity()
    {
        byte[] identity = Ed448ReferenceModel.Encode(Ed448ReferenceModel.Identity);
        Assert.Equal(1, identity[0]);
        Assert.NotNull(Ed448ReferenceModel.Decode(identity)); // RFC 8032 decodes it; RFC 9591 rejects it
        Assert.False(G.TryDeserializeElement(identity, out _));
    }

    [Fact]
    public void Deserialize_RejectsPointsOfSmallOrder()
    {
        // (0, -1) has order 2; (1, 0) and (-1, 0) have order 4 (x^2 = 1 when y = 0).
        var smallOrder = new (BigInteger X, BigInteger Y)[] { (0, Ed448ReferenceModel.P - 1), (1, 0), (Ed448ReferenceModel.P - 1, 0) };
        foreach ((BigInteger X, BigInteger Y) point in smallOrder)
        {
            Assert.True(Ed448ReferenceModel.IsOnCurve(point));
            Assert.Equal(Ed448ReferenceModel.Identity, Ed448ReferenceModel.Multiply(4, point));
            byte[] encoded = Ed448ReferenceModel.Encode(point);
            Assert.Equal(point, Ed448ReferenceModel.Decode(encoded));
            Assert.False(G.TryDeserializeElement(encoded, out _));
        }
    }

    [Fact]
    public void Deserialize_RejectsPointsOutsideThePrimeOrderSubgroup()
    {
        // B + T for T of order 2 or 4 has order 2L or 4L: on the curve, decodable by RFC 8032, not in the subgroup.
        var torsion = new (BigInteger X, BigInteger Y)[] { (0, Ed448ReferenceModel.P - 1), (1, 0), (Ed448ReferenceModel.P - 1, 0) };
        (BigInteger X, BigInteger Y) a = Ed448ReferenceModel.Multiply(987654321, Ed448ReferenceModel.B);
        foreach ((BigInteger X, BigInteger Y) t in torsion)
        {
            foreach ((BigInteger X, BigInteger Y) q in new[] { Ed448ReferenceModel.B, a })
            {
                (BigInteger X, BigInteger Y) mixed = Ed448ReferenceModel.Add(q, t);
                Assert.True(Ed448ReferenceModel.IsOnCurve(mixed));
                byte[] encoded = Ed448ReferenceModel.Encode(mixed);
                Assert.Equal(mixed, Ed448ReferenceModel.Decode(encoded));
                Assert.False(G.TryDeserializeElement(encoded, out GroupElement element));
                Assert.True(G.IsIdentity(element));
            }
        }

        // The subgroup points themselves decode.
        Assert.True(G.TryDeserializeElement(Ed448ReferenceModel.Encode(a), out GroupElement decoded));
        Assert.True(G.ElementEquals(decoded, G.MultiplyBase(Fq.FromUInt64(987654321))));
    }

    [Fact]
    public void Deserialize_NeverThrows_OnRandomBytes()
    {
        var random = new Random(448);
        int accepted = 0;
        for (int i = 0; i < 200; i++)
        {
            byte[] encoded = new byte[57];
            random.NextBytes(encoded);
            encoded[56] &= 0x80; // mostly canonical y, so decoding gets past the first check
            bool ok = G.TryDeserializeElement(encoded, out GroupElement element);
            (BigInteger X, BigInteger Y)? model = Ed448ReferenceModel.Decode(encoded);
            if (ok)
            {
                accepted++;
                Assert.NotNull(model);
                Assert.Equal(encoded, G.SerializeElement(element));
            }
        }

        // A random y is on the curve about half the time, and then in the subgroup one time in four.
        Assert.InRange(accepted, 5, 60);
    }

    private static GroupElement RandomElement() => G.MultiplyBase(Fq.RandomNonZero());

    private static GroupElement Decode(byte[] encoded)
    {
        Assert.True(G.TryDeserializeElement(encoded, out GroupElement element));
        return element;
    }
}
