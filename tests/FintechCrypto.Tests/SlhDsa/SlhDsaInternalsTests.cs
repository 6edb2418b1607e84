using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.SlhDsa;
using Xunit;
using FintechCrypto.Internal.Sha3;

namespace FintechCrypto.Tests.SlhDsa;

/// <summary>
/// The building blocks against first principles: base_2b against a bit-by-bit reader, ADRS and ADRSc layouts
/// (FIPS 205 §4.2, §11.2), the one-block SHAKE F/H/PRF against the SHAKE256 sponge, and the 4-way calls against
/// four single calls (the AVX2 Keccak kernel, or its scalar twin when SIMD is disabled).
/// </summary>
public class SlhDsaInternalsTests
{
    [Fact]
    public void Base2b_ReadsBigEndianDigits()
    {
        byte[] x = RandomNumberGenerator.GetBytes(64);
        foreach (int b in new[] { 4, 6, 8, 9, 12, 14 })
        {
            int count = (8 * x.Length) / b;
            uint[] digits = new uint[count];
            Wots.Base2b(x, b, digits);
            for (int i = 0; i < count; i++)
            {
                uint expected = 0;
                for (int bit = i * b; bit < (i + 1) * b; bit++)
                {
                    expected = (expected << 1) | (uint)((x[bit / 8] >> (7 - (bit % 8))) & 1);
                }

                Assert.Equal(expected, digits[i]);
            }
        }
    }

    [Fact]
    public void Address_LayoutsFollowFips205()
    {
        Address adrs = default;
        adrs.SetLayerAddress(0x0A0B0C0D);
        adrs.SetTreeAddress(0x1112131415161718);
        adrs.SetTypeAndClear(AddressType.ForsTree);
        adrs.SetKeyPairAddress(0x21222324);
        adrs.SetTreeHeight(0x31323334);
        adrs.SetTreeIndex(0x41424344);
        byte[] full = new byte[32];
        adrs.Write(full);
        Assert.Equal(Convert.FromHexString("0A0B0C0D" + "00000000" + "1112131415161718" + "00000003" + "21222324" + "31323334" + "41424344"), full);

        // ADRSc = ADRS[3] ‖ ADRS[8:16] ‖ ADRS[19] ‖ ADRS[20:32].
        byte[] compressed = new byte[22];
        adrs.WriteCompressed(compressed);
        Assert.Equal([full[3], .. full[8..16], full[19], .. full[20..32]], compressed);

        // The Keccak lanes are the little-endian words of ADRS.
        adrs.GetLanes(out ulong l0, out ulong l1, out ulong l2, out ulong l3);
        Assert.Equal(new[] { l0, l1, l2, l3 }, new[] { BitConverter.ToUInt64(full, 0), BitConverter.ToUInt64(full, 8), BitConverter.ToUInt64(full, 16), BitConverter.ToUInt64(full, 24) });

        adrs.SetTypeAndClear(AddressType.WotsPk);
        adrs.Write(full);
        Assert.Equal(new byte[12], full[20..]);
        Assert.Equal(1, full[19]);
    }

    [Theory]
    [InlineData("SLH-DSA-SHAKE-128f")]
    [InlineData("SLH-DSA-SHAKE-192s")]
    [InlineData("SLH-DSA-SHAKE-256f")]
    public void ShakeOneBlockFunctions_EqualTheSponge(string name)
    {
        SlhDsaParameterSet p = Parameters(name);
        int n = p.N;
        byte[] pkSeed = RandomNumberGenerator.GetBytes(n);
        using HashFunctions hash = HashFunctions.Create(p, pkSeed);
        Address adrs = RandomAddress(new Random(n));
        byte[] adrsBytes = new byte[32];
        adrs.Write(adrsBytes);
        foreach (int length in new[] { n, 2 * n, 5 * n })
        {
            byte[] message = RandomNumberGenerator.GetBytes(length);
            byte[] expected = new byte[n];
            Shake.HashData256([.. pkSeed, .. adrsBytes, .. message], expected);
            byte[] actual = new byte[n];
            if (length == n)
            {
                hash.F(adrs, message, actual);
                Assert.Equal(expected, actual);
                hash.Prf(adrs, message, actual);
            }
            else if (length == 2 * n)
            {
                hash.H(adrs, message, actual);
            }
            else
            {
                hash.T(adrs, message, actual);
            }

            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [InlineData("SLH-DSA-SHAKE-128f")]
    [InlineData("SLH-DSA-SHAKE-192f")]
    [InlineData("SLH-DSA-SHAKE-256s")]
    [InlineData("SLH-DSA-SHA2-128f")]
    [InlineData("SLH-DSA-SHA2-192s")]
    [InlineData("SLH-DSA-SHA2-256f")]
    public void BatchedCalls_EqualSingleCalls(string name)
    {
        // FMany / HMany / PrfMany (4-way Keccak for SHAKE, 8-way SHA-256 for SHA2 when vectorized) for every batch
        // size 1 … Ways, against the single calls; F and H also in place (input and output the same span).
        SlhDsaParameterSet p = Parameters(name);
        int n = p.N;
        var rng = new Random(name.Length);
        using HashFunctions hash = HashFunctions.Create(p, RandomNumberGenerator.GetBytes(n));
        int ways = hash.Ways;
        Assert.Equal(p.IsShake ? 4 : (FintechCrypto.Native.Sha2.Sha256x8.IsVectorized ? 8 : 1), ways);
        for (int round = 0; round < 10; round++)
        {
            for (int count = 1; count <= ways; count++)
            {
                Address[] adrs = new Address[count];
                for (int j = 0; j < count; j++)
                {
                    adrs[j] = RandomAddress(rng);
                }

                byte[] input = RandomNumberGenerator.GetBytes(2 * count * n);
                byte[] skSeed = RandomNumberGenerator.GetBytes(n);
                byte[] many = new byte[count * n];
                byte[] one = new byte[count * n];

                hash.FMany(adrs, input.AsSpan(0, count * n), many);
                for (int j = 0; j < count; j++)
                {
                    hash.F(adrs[j], input.AsSpan(j * n, n), one.AsSpan(j * n, n));
                }

                Assert.Equal(one, many);
                byte[] inPlace = input.AsSpan(0, count * n).ToArray();
                hash.FMany(adrs, inPlace, inPlace);
                Assert.Equal(one, inPlace);

                hash.HMany(adrs, input, many);
                for (int j = 0; j < count; j++)
                {
                    hash.H(adrs[j], input.AsSpan(2 * j * n, 2 * n), one.AsSpan(j * n, n));
                }

                Assert.Equal(one, many);

                hash.PrfMany(adrs, skSeed, many);
                for (int j = 0; j < count; j++)
                {
                    hash.Prf(adrs[j], skSeed, one.AsSpan(j * n, n));
                }

                Assert.Equal(one, many);
            }
        }
    }

    [Theory]
    [InlineData("SLH-DSA-SHA2-128f")]
    [InlineData("SLH-DSA-SHA2-192f")]
    [InlineData("SLH-DSA-SHA2-256s")]
    public void Sha2Functions_EqualSha256AndSha512OfTheWholeInput(string name)
    {
        // FIPS 205 §11.2: F, PRF (SHA-256 in every category), H and T_l (SHA-256 at category 1, SHA-512 above) from
        // the saved PK.seed-block state equal the hash of PK.seed ‖ toByte(0, 64 − n or 128 − n) ‖ ADRSc ‖ M.
        SlhDsaParameterSet p = Parameters(name);
        int n = p.N;
        byte[] pkSeed = RandomNumberGenerator.GetBytes(n);
        using HashFunctions hash = HashFunctions.Create(p, pkSeed);
        var rng = new Random(n);
        foreach (int length in new[] { n, 2 * n, 3 * n, 5 * n, 35 * n, p.Len * n })
        {
            Address adrs = RandomAddress(rng);
            byte[] adrsc = new byte[22];
            adrs.WriteCompressed(adrsc);
            byte[] message = RandomNumberGenerator.GetBytes(length);
            bool sha512 = p.Category != 1 && length != n;
            byte[] input = [.. pkSeed, .. new byte[(sha512 ? 128 : 64) - n], .. adrsc, .. message];
            byte[] expected = (sha512 ? SHA512.HashData(input) : SHA256.HashData(input))[..n];
            byte[] actual = new byte[n];
            if (length == n)
            {
                hash.F(adrs, message, actual);
                Assert.Equal(expected, actual);
                hash.Prf(adrs, message, actual);
            }
            else if (length == 2 * n)
            {
                hash.H(adrs, message, actual);
            }
            else
            {
                hash.T(adrs, message, actual);
            }

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void DerivedSizes_MatchTable2()
    {
        foreach (SlhDsaParameterSet p in SlhDsaParameterSet.All)
        {
            Assert.Equal(p.H, p.D * p.HPrime);
            Assert.Equal(p.M, p.MdBytes + p.TreeIndexBytes + p.LeafIndexBytes);
            Assert.Equal(2 * p.N, p.Len1);
            Assert.Equal(SignatureAlgorithm.FromName(p.Name).SignatureSize, p.SignatureSize);
        }
    }

    private static SlhDsaParameterSet Parameters(string name) => ((FintechCrypto.Internal.SlhDsa.SlhDsaAlgorithm)SignatureAlgorithm.FromName(name)).Parameters;

    private static Address RandomAddress(Random rng)
    {
        Address adrs = default;
        adrs.SetLayerAddress((uint)rng.Next(32));
        adrs.SetTreeAddress((ulong)rng.NextInt64());
        adrs.SetTypeAndClear((AddressType)rng.Next(7));
        adrs.SetKeyPairAddress((uint)rng.Next());
        adrs.SetChainAddress((uint)rng.Next());
        adrs.SetHashAddress((uint)rng.Next());
        return adrs;
    }
}
