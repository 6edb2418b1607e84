using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Curve25519;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Suites;
using Xunit;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace FintechCrypto.Tests.Groups;

/// <summary>edwards25519 and ristretto255 on our Field25519 kernels, and Ed25519 (RFC 8032) built on them.</summary>
public sealed class Curve25519GroupTests
{
    public static TheoryData<string> Groups => new() { "edwards25519", "ristretto255" };

    private static PrimeOrderGroup GroupNamed(string name) =>
        name == "edwards25519" ? Edwards25519Group.Instance : Ristretto255Group.Instance;

    [Theory]
    [MemberData(nameof(Groups))]
    public void GroupLawsAndMultiplicationsAgree(string name)
    {
        PrimeOrderGroup g = GroupNamed(name);
        ScalarField f = g.Scalars;
        for (int i = 0; i < 12; i++)
        {
            Scalar a = f.Random();
            Scalar b = f.Random();
            GroupElement aB = g.MultiplyBase(a);
            GroupElement bB = g.MultiplyBase(b);

            // [a]B + [b]B = [a + b]B, [a]([b]B) = [ab]B, the three multiplications agree.
            Assert.True(g.ElementEquals(g.Add(aB, bB), g.MultiplyBase(f.Add(a, b))));
            Assert.True(g.ElementEquals(g.Multiply(bB, a), g.MultiplyBase(f.Multiply(a, b))));
            Assert.True(g.ElementEquals(g.MultiplyVartime(bB, a), g.Multiply(bB, a)));
            Assert.True(g.ElementEquals(g.Multiply(g.Generator, a), aB));
            Assert.True(g.ElementEquals(
                g.MultiScalarMultiplyVartime([a, b, f.One], [g.Generator, aB, bB]),
                g.Add(g.Add(aB, g.Multiply(aB, b)), bB)));
            Assert.True(g.IsIdentity(g.Add(aB, g.Negate(aB))));
            Assert.True(g.ElementEquals(g.Subtract(aB, bB), g.MultiplyBase(f.Subtract(a, b))));

            // Serialization round trip.
            byte[] encoded = g.SerializeElement(aB);
            Assert.True(g.TryDeserializeElement(encoded, out GroupElement back));
            Assert.True(g.ElementEquals(aB, back));
            Assert.Equal(encoded, g.SerializeElement(back));
        }

        Assert.True(g.IsIdentity(g.MultiplyBase(f.Zero)));
        Assert.True(g.IsIdentity(g.Multiply(g.Generator, f.Zero)));
        Assert.True(g.ElementEquals(g.MultiplyBase(f.One), g.Generator));
        Assert.Throws<FintechCryptoException>(() => g.SerializeElement(g.Identity));
        Assert.False(g.TryDeserializeElement(new byte[32], out _)); // the identity (ristretto) or (0, 0) off-curve
        Assert.False(g.TryDeserializeElement(new byte[31], out _));
        Assert.False(g.TryDeserializeElement(new byte[33], out _));
        byte[] allOnes = new byte[32];
        Array.Fill(allOnes, (byte)0xff);
        Assert.False(g.TryDeserializeElement(allOnes, out _)); // non-canonical
    }

    [Fact]
    public void Edwards25519RejectsTheIdentitySmallOrderAndMixedOrderPoints()
    {
        PrimeOrderGroup g = Edwards25519Group.Instance;
        byte[] identity = new byte[32];
        identity[0] = 1;
        Assert.False(g.TryDeserializeElement(identity, out _));

        // (0, -1) has order 2; its encoding is p - 1 = ec ff .. ff 7f.
        byte[] orderTwo = Convert.FromHexString("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        Assert.True(EdwardsEncoding.TryDecompress(orderTwo, out ExtendedPoint t2));
        Assert.False(g.TryDeserializeElement(orderTwo, out _));

        // B + T2 decodes as a curve point but is outside the prime-order subgroup.
        ExtendedPoint mixed = EdwardsArithmetic.Add(EdwardsScalarMultiplication.BasePoint, t2);
        byte[] mixedEncoding = new byte[32];
        EdwardsEncoding.Compress(mixed, mixedEncoding);
        Assert.True(EdwardsEncoding.TryDecompress(mixedEncoding, out _));
        Assert.False(g.TryDeserializeElement(mixedEncoding, out _));

        // x = 0 with the sign bit set ("-0") is not a valid encoding (RFC 8032 §5.1.3 step 4).
        byte[] minusZero = (byte[])identity.Clone();
        minusZero[31] |= 0x80;
        Assert.False(EdwardsEncoding.TryDecompress(minusZero, out _));

        // y = p + 1 is a non-canonical encoding of y = 1.
        byte[] nonCanonical = Convert.FromHexString("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        Assert.False(EdwardsEncoding.TryDecompress(nonCanonical, out _));
    }

    [Fact]
    public void RistrettoRejectsNegativeAndNonCanonicalEncodings()
    {
        PrimeOrderGroup g = Ristretto255Group.Instance;
        byte[] one = new byte[32];
        one[0] = 1; // s = 1 is negative (odd)
        Assert.False(g.TryDeserializeElement(one, out _));
        byte[] p = Convert.FromHexString("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        Assert.False(g.TryDeserializeElement(p, out _)); // s = p, non-canonical 0
        Assert.True(Ristretto.TryDecode(new byte[32], out ExtendedPoint zero));
        Assert.True(Ristretto.IsIdentity(zero));

        // The 4-torsion does not change a ristretto255 element: B + T2 encodes like B.
        Assert.True(EdwardsEncoding.TryDecompress(Convert.FromHexString("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), out ExtendedPoint t2));
        byte[] b = new byte[32], bPlusT2 = new byte[32];
        Ristretto.Encode(EdwardsScalarMultiplication.BasePoint, b);
        Ristretto.Encode(EdwardsArithmetic.Add(EdwardsScalarMultiplication.BasePoint, t2), bPlusT2);
        Assert.Equal(b, bPlusT2);

        // RFC 9496 Appendix A.1: the encoding of the generator.
        Assert.Equal("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76", Hex.Encode(b));
    }

    [Fact]
    [Trait("Category", "KnownAnswer")] // also in the scalar and no-AVX2 legs of .ci/run (issue 13)
    public void Ed25519CoreMatchesBouncyCastleByteForByte()
    {
        for (int i = 0; i < 64; i++)
        {
            byte[] seed = RandomNumberGenerator.GetBytes(32);
            byte[] message = RandomNumberGenerator.GetBytes(i * 3);
            byte[] scalar = new byte[32], prefix = new byte[32], publicKey = new byte[32], expectedPublicKey = new byte[32];
            Ed25519Core.ExpandSeed(seed, scalar, prefix);
            Ed25519Core.PublicKeyFromScalar(scalar, publicKey);
            BcEd25519.GeneratePublicKey(seed, 0, expectedPublicKey, 0);
            Assert.Equal(expectedPublicKey, publicKey);

            byte[] signature = new byte[64], expectedSignature = new byte[64];
            Ed25519Core.Sign(scalar, prefix, publicKey, message, signature);
            BcEd25519.Sign(seed, 0, message, 0, message.Length, expectedSignature, 0);
            Assert.Equal(expectedSignature, signature);

            Assert.True(EdwardsEncoding.TryDecompress(publicKey, out ExtendedPoint a));
            Assert.True(Ed25519Core.Verify(a, publicKey, message, signature));
            signature[i % 64] ^= 0x10;
            Assert.False(Ed25519Core.Verify(a, publicKey, message, signature));
            Assert.Equal(BcEd25519.Verify(signature, 0, publicKey, 0, message, 0, message.Length), Ed25519Core.Verify(a, publicKey, message, signature));
        }
    }

    public static TheoryData<string> Suites => new() { "frost-ed25519-sha512.json", "frost-ristretto255-sha512.json" };

    [Theory]
    [Trait("Category", "KnownAnswer")]
    [MemberData(nameof(Suites))]
    public void Rfc9591VectorsReproduceNoncesCommitmentsAndBindingFactors(string file)
    {
        FrostSuite suite = file.Contains("ed25519", StringComparison.Ordinal) ? Sha512Suite.Ed25519 : Sha512Suite.Ristretto255;
        PrimeOrderGroup g = suite.Group;
        ScalarField f = suite.Scalars;
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Testing.VectorFiles.Resolve("frost/rfc9591/" + file)));
        JsonElement inputs = doc.RootElement.GetProperty("inputs");
        Scalar secret = f.Decode(Hex.Decode(inputs.GetProperty("group_secret_key").GetString()!), "secret");
        Assert.Equal(inputs.GetProperty("group_public_key").GetString(), Hex.Encode(g.SerializeElement(g.MultiplyBase(secret))));

        var shares = new Dictionary<int, byte[]>();
        foreach (JsonElement share in inputs.GetProperty("participant_shares").EnumerateArray())
        {
            shares[share.GetProperty("identifier").GetInt32()] = Hex.Decode(share.GetProperty("participant_share").GetString()!);
        }

        int outputs = 0;
        foreach (JsonElement output in doc.RootElement.GetProperty("round_one_outputs").GetProperty("outputs").EnumerateArray())
        {
            byte[] share = shares[output.GetProperty("identifier").GetInt32()];
            foreach (string which in new[] { "hiding", "binding" })
            {
                byte[] randomness = Hex.Decode(output.GetProperty(which + "_nonce_randomness").GetString()!);
                Scalar nonce = suite.H3([.. randomness, .. share]);
                Assert.Equal(output.GetProperty(which + "_nonce").GetString(), Hex.Encode(f.Encode(nonce)));
                Assert.Equal(output.GetProperty(which + "_nonce_commitment").GetString(), Hex.Encode(g.SerializeElement(g.MultiplyBase(nonce))));
            }

            byte[] bindingInput = Hex.Decode(output.GetProperty("binding_factor_input").GetString()!);
            Assert.Equal(output.GetProperty("binding_factor").GetString(), Hex.Encode(f.Encode(suite.H1(bindingInput))));
            outputs++;
        }

        Assert.Equal(2, outputs);

        // The final signature verifies with the group equation [z]B = R + [c]PK, c = H2(R || PK || msg).
        byte[] sig = Hex.Decode(doc.RootElement.GetProperty("final_output").GetProperty("sig").GetString()!);
        byte[] pk = Hex.Decode(inputs.GetProperty("group_public_key").GetString()!);
        byte[] msg = Hex.Decode(inputs.GetProperty("message").GetString()!);
        Assert.True(g.TryDeserializeElement(sig.AsSpan(0, 32), out GroupElement r));
        Assert.True(g.TryDeserializeElement(pk, out GroupElement publicKey));
        Scalar z = f.Decode(sig.AsSpan(32, 32), "z");
        Scalar c = suite.H2([.. sig.AsSpan(0, 32), .. pk, .. msg]);
        Assert.True(g.ElementEquals(g.MultiplyBase(z), g.Add(r, g.MultiplyVartime(publicKey, c))));
        if (suite == Sha512Suite.Ed25519)
        {
            Assert.True(BcEd25519.Verify(sig, 0, pk, 0, msg, 0, msg.Length));
        }
    }

    [Fact]
    public void ConstantsMatchTheirDefinitions()
    {
        BigInteger p = EdwardsConstants.P;
        BigInteger d = EdwardsConstants.ToBigInteger(EdwardsConstants.D);
        Assert.Equal(p - 121665, d * 121666 % p);
        Assert.Equal(2 * d % p, EdwardsConstants.ToBigInteger(EdwardsConstants.D2));
        BigInteger sqrtAdMinusOne = EdwardsConstants.ToBigInteger(EdwardsConstants.SqrtAdMinusOne);
        Assert.Equal(((p - d) - 1 + p) % p, sqrtAdMinusOne * sqrtAdMinusOne % p); // a d - 1 with a = -1
        BigInteger invSqrt = EdwardsConstants.ToBigInteger(EdwardsConstants.InvSqrtAMinusD);
        Assert.Equal(1, invSqrt * invSqrt % p * ((p - 1 - d + p) % p) % p);
        Assert.Equal(((1 - (d * d)) % p + p) % p, EdwardsConstants.ToBigInteger(EdwardsConstants.OneMinusDSquared));
        Assert.Equal((d - 1) * (d - 1) % p, EdwardsConstants.ToBigInteger(EdwardsConstants.DMinusOneSquared));
    }

    [Fact]
    public void SignedRadix32DigitsReconstructTheScalar()
    {
        for (int i = 0; i < 50; i++)
        {
            byte[] scalar = RandomNumberGenerator.GetBytes(32);
            scalar[31] &= 0x1f; // below 2^253
            if (i == 0)
            {
                Array.Fill(scalar, (byte)0xff);
                scalar[31] = 0x1f;
            }

            sbyte[] digits = new sbyte[51];
            EdwardsScalarMultiplication.ToSignedRadix32(scalar, digits);
            BigInteger value = BigInteger.Zero;
            for (int d = 50; d >= 0; d--)
            {
                Assert.InRange(digits[d], d == 50 ? 0 : -16, d == 50 ? 8 : 15);
                value = (value * 32) + digits[d];
            }

            Assert.Equal(new BigInteger(scalar, isUnsigned: true), value);
        }
    }

    [Fact]
    public void PrecomputedVerificationTablesGiveTheSameMultiples()
    {
        for (int i = 0; i < 20; i++)
        {
            byte[] a = Ed25519Scalars.Field.Encode(Ed25519Scalars.Field.Random());
            byte[] b = Ed25519Scalars.Field.Encode(Ed25519Scalars.Field.Random());
            if (i == 0)
            {
                a = new byte[32];
            }

            ExtendedPoint p = EdwardsScalarMultiplication.MultiplyBase(Ed25519Scalars.Field.Encode(Ed25519Scalars.Field.Random()));
            ExtendedPoint plain = EdwardsVartime.DoubleScalarMultiplyBase(a, p, b);
            ExtendedPoint split = EdwardsVartime.DoubleScalarMultiplyBase(a, new EdwardsPrecomputedPoint(p), b);
            Assert.True(EdwardsArithmetic.EqualVartime(plain, split));
            ExtendedPoint expected = EdwardsArithmetic.Add(EdwardsScalarMultiplication.Multiply(p, a), EdwardsScalarMultiplication.MultiplyBase(b));
            Assert.True(EdwardsArithmetic.EqualVartime(expected, split));
        }
    }

    [Fact]
    public void Ed25519KeysVerifyTheSameWayBeforeAndAfterTheirTablesExist()
    {
        using SigningKey key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        VerificationKey publicKey = key.PublicKey;
        byte[] message = RandomNumberGenerator.GetBytes(77);
        byte[] signature = key.Sign(message);
        byte[] tampered = (byte[])signature.Clone();
        tampered[63] ^= 1;
        for (int i = 0; i < 4; i++)
        {
            Assert.True(publicKey.Verify(message, signature));
            Assert.False(publicKey.Verify(message, tampered));
        }
    }
}
