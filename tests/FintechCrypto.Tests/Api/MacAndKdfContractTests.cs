using System;
using Xunit;

namespace FintechCrypto.Tests.Api;

public class MacAndKdfContractTests
{
    [Fact]
    public void Mac_VerifiesFullAndTruncatedTags_RefusesShortOrLongOnes()
    {
        byte[] key = new byte[32];
        byte[] data = { 1, 2, 3 };
        byte[] tag = MacAlgorithm.HmacSha256.Compute(key, data);
        Assert.True(MacAlgorithm.HmacSha256.Verify(key, data, tag));
        Assert.True(MacAlgorithm.HmacSha256.Verify(key, data, tag.AsSpan(0, 16)));
        Assert.False(MacAlgorithm.HmacSha256.Verify(key, data, tag.AsSpan(0, 15)));
        Assert.False(MacAlgorithm.HmacSha256.Verify(key, data, Array.Empty<byte>()));
        Assert.False(MacAlgorithm.HmacSha256.Verify(key, data, new byte[33]));
        tag[31] ^= 1;
        Assert.False(MacAlgorithm.HmacSha256.Verify(key, data, tag));
        Assert.Equal("mac", Assert.Throws<ArgumentException>(() => MacAlgorithm.HmacSha384.Compute(key, data, new byte[32])).ParamName);
    }

    [Fact]
    public void Kdf_OutputLimits_AreArgumentExceptions()
    {
        KdfAlgorithm hkdf = KdfAlgorithm.HkdfSha256;
        Assert.Equal(255 * 32, hkdf.MaxOutputSize);
        Assert.Equal(hkdf.MaxOutputSize, hkdf.DeriveKey(new byte[16], null, null, hkdf.MaxOutputSize).Length);
        Assert.Throws<ArgumentException>(() => hkdf.DeriveKey(new byte[16], null, null, hkdf.MaxOutputSize + 1));
        Assert.Throws<ArgumentException>(() => hkdf.DeriveKey(new byte[16], null, null, 0));
        Assert.Equal("pseudorandomKey", Assert.Throws<ArgumentException>(() => hkdf.Extract(new byte[16], default, new byte[31])).ParamName);
        Assert.Equal("pseudorandomKey", Assert.Throws<ArgumentException>(() => hkdf.Expand(new byte[31], default, new byte[8])).ParamName);
    }

    [Fact]
    public void Kdf_ExtractThenExpand_EqualsDeriveKey()
    {
        KdfAlgorithm hkdf = KdfAlgorithm.HkdfSha384;
        byte[] ikm = { 9, 8, 7 };
        byte[] salt = { 1 };
        byte[] info = { 2 };
        byte[] prk = new byte[hkdf.PseudorandomKeySize];
        hkdf.Extract(ikm, salt, prk);
        byte[] okm = new byte[100];
        hkdf.Expand(prk, info, okm);
        Assert.Equal(okm, hkdf.DeriveKey(ikm, salt, info, 100));
    }
}
