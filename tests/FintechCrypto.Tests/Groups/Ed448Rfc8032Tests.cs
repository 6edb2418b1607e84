using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;
using Org.BouncyCastle.Crypto.Digests;
using Xunit;
using BcEd448 = Org.BouncyCastle.Math.EC.Rfc8032.Ed448;

namespace FintechCrypto.Tests.Groups;

/// <summary>
/// Ed448Group against Ed448 itself: the RFC 8032 §7.4 test vectors and BouncyCastle's independent Ed448, signed
/// and verified here with nothing but the group (RFC 8032 §5.2.5 key generation, §5.2.6 signing, §5.2.7
/// verification) and BouncyCastle's SHAKE256.
/// </summary>
public sealed class Ed448Rfc8032Tests
{
    private static readonly Ed448Group G = Ed448Group.Instance;
    private static readonly ScalarField Fq = G.Scalars;

    /// <summary>RFC 8032 §7.4 (Ed448, not Ed448ph): secret key, public key, message, context, signature.</summary>
    private static readonly string[][] s_vectors =
    [
        [
            // -----Blank
            "6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b",
            "5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180",
            "",
            "",
            "533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600"
        ],
        [
            // -----1 octet
            "c4eab05d357007c632f3dbb48489924d552b08fe0c353a0d4a1f00acda2c463afbea67c5e8d2877c5e3bc397a659949ef8021e954e0a12274e",
            "43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c0866aea01eb00742802b8438ea4cb82169c235160627b4c3a9480",
            "03",
            "",
            "26b8f91727bd62897af15e41eb43c377efb9c610d48f2335cb0bd0087810f4352541b143c4b981b7e18f62de8ccdf633fc1bf037ab7cd779805e0dbcc0aae1cbcee1afb2e027df36bc04dcecbf154336c19f0af7e0a6472905e799f1953d2a0ff3348ab21aa4adafd1d234441cf807c03a00"
        ],
        [
            // -----1 octet (with context "foo")
            "c4eab05d357007c632f3dbb48489924d552b08fe0c353a0d4a1f00acda2c463afbea67c5e8d2877c5e3bc397a659949ef8021e954e0a12274e",
            "43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c0866aea01eb00742802b8438ea4cb82169c235160627b4c3a9480",
            "03",
            "666f6f",
            "d4f8f6131770dd46f40867d6fd5d5055de43541f8c5e35abbcd001b32a89f7d2151f7647f11d8ca2ae279fb842d607217fce6e042f6815ea000c85741de5c8da1144a6a1aba7f96de42505d7a7298524fda538fccbbb754f578c1cad10d54d0d5428407e85dcbc98a49155c13764e66c3c00"
        ],
        [
            // -----11 octets
            "cd23d24f714274e744343237b93290f511f6425f98e64459ff203e8985083ffdf60500553abc0e05cd02184bdb89c4ccd67e187951267eb328",
            "dcea9e78f35a1bf3499a831b10b86c90aac01cd84b67a0109b55a36e9328b1e365fce161d71ce7131a543ea4cb5f7e9f1d8b00696447001400",
            "0c3e544074ec63b0265e0c",
            "",
            "1f0a8888ce25e8d458a21130879b840a9089d999aaba039eaf3e3afa090a09d389dba82c4ff2ae8ac5cdfb7c55e94d5d961a29fe0109941e00b8dbdeea6d3b051068df7254c0cdc129cbe62db2dc957dbb47b51fd3f213fb8698f064774250a5028961c9bf8ffd973fe5d5c206492b140e00"
        ],
        [
            // -----12 octets
            "258cdd4ada32ed9c9ff54e63756ae582fb8fab2ac721f2c8e676a72768513d939f63dddb55609133f29adf86ec9929dccb52c1c5fd2ff7e21b",
            "3ba16da0c6f2cc1f30187740756f5e798d6bc5fc015d7c63cc9510ee3fd44adc24d8e968b6e46e6f94d19b945361726bd75e149ef09817f580",
            "64a65f3cdedcdd66811e2915",
            "",
            "7eeeab7c4e50fb799b418ee5e3197ff6bf15d43a14c34389b59dd1a7b1b85b4ae90438aca634bea45e3a2695f1270f07fdcdf7c62b8efeaf00b45c2c96ba457eb1a8bf075a3db28e5c24f6b923ed4ad747c3c9e03c7079efb87cb110d3a99861e72003cbae6d6b8b827e4e6c143064ff3c00"
        ],
        [
            // -----13 octets
            "7ef4e84544236752fbb56b8f31a23a10e42814f5f55ca037cdcc11c64c9a3b2949c1bb60700314611732a6c2fea98eebc0266a11a93970100e",
            "b3da079b0aa493a5772029f0467baebee5a8112d9d3a22532361da294f7bb3815c5dc59e176b4d9f381ca0938e13c6c07b174be65dfa578e80",
            "64a65f3cdedcdd66811e2915e7",
            "",
            "6a12066f55331b6c22acd5d5bfc5d71228fbda80ae8dec26bdd306743c5027cb4890810c162c027468675ecf645a83176c0d7323a2ccde2d80efe5a1268e8aca1d6fbc194d3f77c44986eb4ab4177919ad8bec33eb47bbb5fc6e28196fd1caf56b4e7e0ba5519234d047155ac727a1053100"
        ],
        [
            // -----64 octets
            "d65df341ad13e008567688baedda8e9dcdc17dc024974ea5b4227b6530e339bff21f99e68ca6968f3cca6dfe0fb9f4fab4fa135d5542ea3f01",
            "df9705f58edbab802c7f8363cfe5560ab1c6132c20a9f1dd163483a26f8ac53a39d6808bf4a1dfbd261b099bb03b3fb50906cb28bd8a081f00",
            "bd0f6a3747cd561bdddf4640a332461a4a30a12a434cd0bf40d766d9c6d458e5512204a30c17d1f50b5079631f64eb3112182da3005835461113718d1a5ef944",
            "",
            "554bc2480860b49eab8532d2a533b7d578ef473eeb58c98bb2d0e1ce488a98b18dfde9b9b90775e67f47d4a1c3482058efc9f40d2ca033a0801b63d45b3b722ef552bad3b4ccb667da350192b61c508cf7b6b5adadc2c8d9a446ef003fb05cba5f30e88e36ec2703b349ca229c2670833900"
        ],
        [
            // -----256 octets
            "2ec5fe3c17045abdb136a5e6a913e32ab75ae68b53d2fc149b77e504132d37569b7e766ba74a19bd6162343a21c8590aa9cebca9014c636df5",
            "79756f014dcfe2079f5dd9e718be4171e2ef2486a08f25186f6bff43a9936b9bfe12402b08ae65798a3d81e22e9ec80e7690862ef3d4ed3a00",
            "15777532b0bdd0d1389f636c5f6b9ba734c90af572877e2d272dd078aa1e567cfa80e12928bb542330e8409f3174504107ecd5efac61ae7504dabe2a602ede89e5cca6257a7c77e27a702b3ae39fc769fc54f2395ae6a1178cab4738e543072fc1c177fe71e92e25bf03e4ecb72f47b64d0465aaea4c7fad372536c8ba516a6039c3c2a39f0e4d832be432dfa9a706a6e5c7e19f397964ca4258002f7c0541b590316dbc5622b6b2a6fe7a4abffd96105eca76ea7b98816af0748c10df048ce012d901015a51f189f3888145c03650aa23ce894c3bd889e030d565071c59f409a9981b51878fd6fc110624dcbcde0bf7a69ccce38fabdf86f3bef6044819de11",
            "",
            "c650ddbb0601c19ca11439e1640dd931f43c518ea5bea70d3dcde5f4191fe53f00cf966546b72bcc7d58be2b9badef28743954e3a44a23f880e8d4f1cfce2d7a61452d26da05896f0a50da66a239a8a188b6d825b3305ad77b73fbac0836ecc60987fd08527c1a8e80d5823e65cafe2a3d00"
        ],
    ];

    public static TheoryData<int> Rfc8032Vectors => new() { 0, 1, 2, 3, 4, 5, 6, 7 };

    [Theory]
    [Trait("Category", "KnownAnswer")]
    [MemberData(nameof(Rfc8032Vectors))]
    public void PublicKey_IsTheEncodingOfTheSecretScalarTimesB(int index)
    {
        (byte[] secret, byte[] publicKey, _, _, _) = Vector(index);
        Assert.Equal(publicKey, PublicKey(secret));
    }

    [Theory]
    [Trait("Category", "KnownAnswer")]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Signature_ComputedWithTheGroup_IsTheVectorsSignature(int index)
    {
        (byte[] secret, _, byte[] message, byte[] context, byte[] signature) = Vector(index);
        Assert.Equal(signature, Sign(secret, context, message));
    }

    [Theory]
    [Trait("Category", "KnownAnswer")]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Signature_SatisfiesTheGroupEquation_AndAnAlteredOneDoesNot(int index)
    {
        (_, byte[] pk, byte[] msg, byte[] ctx, byte[] sig) = Vector(index);
        Assert.True(Verify(pk, ctx, msg, sig));

        byte[] otherMessage = [.. msg, 0x00];
        Assert.False(Verify(pk, ctx, otherMessage, sig));
        byte[] otherS = (byte[])sig.Clone();
        otherS[60] ^= 0x01;
        Assert.False(Verify(pk, ctx, msg, otherS));
        byte[] otherR = (byte[])sig.Clone();
        otherR[56] ^= 0x80; // -R
        Assert.False(Verify(pk, ctx, msg, otherR));

        // BouncyCastle agrees on the unaltered signature.
        Assert.True(BcEd448.Verify(sig, pk, ctx, msg));
    }

    [Fact]
    public void PublicKeys_MatchBouncyCastle_ForRandomSeeds()
    {
        for (int i = 0; i < 24; i++)
        {
            byte[] secret = RandomNumberGenerator.GetBytes(57);
            byte[] expected = new byte[57];
            BcEd448.GeneratePublicKey(secret, expected);
            Assert.Equal(expected, PublicKey(secret));
        }
    }

    [Fact]
    public void Signatures_MatchBouncyCastle_AndItsSignaturesSatisfyTheGroupEquation()
    {
        for (int i = 0; i < 12; i++)
        {
            byte[] secret = RandomNumberGenerator.GetBytes(57);
            byte[] message = RandomNumberGenerator.GetBytes(i * 13);
            byte[] context = RandomNumberGenerator.GetBytes(i % 3 == 0 ? 0 : i);
            byte[] publicKey = new byte[57];
            BcEd448.GeneratePublicKey(secret, publicKey);

            byte[] bcSignature = new byte[114];
            BcEd448.Sign(secret, context, message, bcSignature);
            Assert.True(Verify(publicKey, context, message, bcSignature));
            Assert.Equal(bcSignature, Sign(secret, context, message));
            Assert.True(BcEd448.Verify(Sign(secret, context, message), publicKey, context, message));

            byte[] otherMessage = [.. message, 0x01];
            Assert.False(Verify(publicKey, context, otherMessage, bcSignature));
        }
    }

    private static (byte[] Secret, byte[] PublicKey, byte[] Message, byte[] Context, byte[] Signature) Vector(int index)
    {
        string[] v = s_vectors[index];
        return (Hex.Decode(v[0]), Hex.Decode(v[1]), Hex.Decode(v[2]), Hex.Decode(v[3]), Hex.Decode(v[4]));
    }

    // RFC 8032 §5.2.5: h = SHAKE256(secret, 114); s = h[0..57) with the two low bits cleared, bit 447 set and
    // the last byte cleared; A = [s]B.
    internal static byte[] PublicKey(byte[] secret) => G.SerializeElement(G.MultiplyBase(SecretScalar(secret, out _)));

    // RFC 8032 §5.2.6 (Ed448, F = 0): r = SHAKE256(dom4(0, C) || prefix || M, 114); R = [r]B;
    // k = SHAKE256(dom4(0, C) || R || A || M, 114); S = (r + k s) mod L; signature R || S.
    internal static byte[] Sign(byte[] secret, byte[] context, byte[] message)
    {
        Scalar s = SecretScalar(secret, out byte[] prefix);
        byte[] a = G.SerializeElement(G.MultiplyBase(s));
        Scalar r = Fq.ReduceWide(Shake256(Dom4(context), prefix, message));
        byte[] rEncoded = G.SerializeElement(G.MultiplyBase(r));
        Scalar k = Fq.ReduceWide(Shake256(Dom4(context), rEncoded, a, message));
        return [.. rEncoded, .. Fq.Encode(Fq.Add(r, Fq.Multiply(k, s)))];
    }

    // RFC 8032 §5.2.7 with RFC 9591's strict decoding: A and R in the prime-order subgroup, S < L, and
    // [S]B = R + [k]A with k = SHAKE256(dom4(0, C) || R || A || M, 114) mod L. Checked twice: as written, and as
    // the multi-scalar [S]B + [-k]A = R.
    internal static bool Verify(byte[] publicKey, byte[] context, byte[] message, byte[] signature)
    {
        if (signature.Length != 114
            || !G.TryDeserializeElement(publicKey, out GroupElement a)
            || !G.TryDeserializeElement(signature.AsSpan(0, 57), out GroupElement r)
            || !Fq.TryDecode(signature.AsSpan(57), out Scalar s))
        {
            return false;
        }

        Scalar k = Fq.ReduceWide(Shake256(Dom4(context), signature[..57], publicKey, message));
        bool direct = G.ElementEquals(G.MultiplyBase(s), G.Add(r, G.MultiplyVartime(a, k)));
        bool multi = G.ElementEquals(r, G.MultiScalarMultiplyVartime([s, Fq.Negate(k)], [G.Generator, a]));
        Assert.Equal(direct, multi);
        return direct;
    }

    private static Scalar SecretScalar(byte[] secret, out byte[] prefix)
    {
        byte[] h = Shake256(secret);
        byte[] s = h[..57];
        s[0] &= 0xFC;
        s[55] |= 0x80;
        s[56] = 0;
        prefix = h[57..];
        return Fq.ReduceWide(s);
    }

    // dom4(x, y) = "SigEd448" || octet(x) || octet(OLEN(y)) || y (RFC 8032 §2), here with x = 0 (Ed448).
    private static byte[] Dom4(byte[] context) => [.. "SigEd448"u8, 0x00, (byte)context.Length, .. context];

    private static byte[] Shake256(params byte[][] parts)
    {
        var xof = new ShakeDigest(256);
        foreach (byte[] part in parts)
        {
            xof.BlockUpdate(part, 0, part.Length);
        }

        byte[] output = new byte[114];
        xof.OutputFinal(output, 0, output.Length);
        return output;
    }
}
