using System;
using FintechCrypto.Internal.Sha3;
using Xunit;

namespace FintechCrypto.Tests.Internals;

/// <summary>The contract of the sponge structs: misuse throws, Clear resets, one-shots equal incremental use.</summary>
public class Sha3SpongeContractTests
{
    [Fact]
    public void Absorb_AfterSqueeze_Throws()
    {
        var x = Shake.Create128();
        x.Absorb([1, 2, 3]);
        x.Squeeze(new byte[1]);
        byte[] more = [4];
        Assert.Throws<InvalidOperationException>(() => x.Absorb(more));
        x.Clear();
    }

    [Fact]
    public void Absorb_AfterSqueeze_Throws_For4Way()
    {
        var x = ShakeX4.Create256();
        x.Squeeze(new byte[1], new byte[1], new byte[1], new byte[1]);
        byte[] more = [4];
        Assert.Throws<InvalidOperationException>(() => x.Absorb(more, more, more, more));
    }

    [Fact]
    public void SqueezeBlocks_RejectsLengthsThatAreNotMultiplesOfTheRate()
    {
        var x = Shake.Create128();
        Assert.Throws<ArgumentException>("output", () => x.SqueezeBlocks(new byte[167]));
        Assert.Throws<ArgumentException>("output", () => x.SqueezeBlocks(new byte[169]));
        var y = Shake.Create256();
        Assert.Throws<ArgumentException>("output", () => y.SqueezeBlocks(new byte[168]));
        var z = ShakeX4.Create128();
        Assert.Throws<ArgumentException>("output0", () => z.SqueezeBlocks(new byte[100], new byte[100], new byte[100], new byte[100]));
    }

    [Fact]
    public void SqueezeBlocks_AfterAPartialSqueeze_Throws()
    {
        var x = Shake.Create128();
        x.Squeeze(new byte[10]);
        Assert.Throws<InvalidOperationException>(() => x.SqueezeBlocks(new byte[168]));
        var z = ShakeX4.Create128();
        z.Squeeze(new byte[10], new byte[10], new byte[10], new byte[10]);
        Assert.Throws<InvalidOperationException>(() => z.SqueezeBlocks(new byte[168], new byte[168], new byte[168], new byte[168]));
    }

    [Fact]
    public void FourWay_RejectsUnequalLengths()
    {
        var x = ShakeX4.Create128();
        Assert.Throws<ArgumentException>("input1", () => x.Absorb(new byte[3], new byte[4], new byte[3], new byte[3]));
        Assert.Throws<ArgumentException>("input1", () => x.Absorb(new byte[3], new byte[3], new byte[3], new byte[2]));
        Assert.Throws<ArgumentException>("output1", () => x.Squeeze(new byte[3], new byte[3], new byte[4], new byte[3]));
    }

    [Fact]
    public void Sha3_RejectsWrongDigestSizes()
    {
        Assert.Throws<ArgumentException>("output", () => Sha3Hash.HashData224([], new byte[29]));
        Assert.Throws<ArgumentException>("output", () => Sha3Hash.HashData256([], new byte[31]));
        Assert.Throws<ArgumentException>("output", () => Sha3Hash.HashData384([], new byte[64]));
        Assert.Throws<ArgumentException>("output", () => Sha3Hash.HashData512([], new byte[32]));
    }

    [Fact]
    public void DefaultStructs_ThrowInsteadOfLooping()
    {
        Shake x = default;
        Assert.Throws<InvalidOperationException>(() => x.Absorb([1]));
        Assert.Throws<InvalidOperationException>(() => x.Squeeze(new byte[1]));
        Sha3Hash h = default;
        Assert.Throws<InvalidOperationException>(() => h.GetHashAndReset(new byte[32]));
        ShakeX4 z = default;
        Assert.Throws<InvalidOperationException>(() => z.Squeeze(new byte[1], new byte[1], new byte[1], new byte[1]));
    }

    [Fact]
    public void Clear_ReturnsToAnEmptySponge()
    {
        byte[] expected = new byte[200];
        Shake.HashData128("second"u8, expected);

        using var x = Shake.Create128();
        x.Absorb("first message"u8);
        x.Squeeze(new byte[50]);
        x.Clear();
        x.Absorb("second"u8);
        byte[] actual = new byte[200];
        x.Squeeze(actual);
        Assert.Equal(expected, actual);

        byte[] expectedDigest = new byte[32];
        Sha3Hash.HashData256("b"u8, expectedDigest);
        using var h = Sha3Hash.Create256();
        h.Absorb("a"u8);
        h.GetHashAndReset(new byte[32]);
        h.Absorb("b"u8);
        byte[] digest = new byte[32];
        h.GetHashAndReset(digest);
        Assert.Equal(expectedDigest, digest);

        var z = ShakeX4.Create256();
        z.Absorb("aa"u8, "bb"u8, "cc"u8, "dd"u8);
        z.Squeeze(new byte[5], new byte[5], new byte[5], new byte[5]);
        z.Clear();
        z.Absorb("second"u8, "second"u8, "second"u8, "second"u8);
        byte[][] outputs = [new byte[40], new byte[40], new byte[40], new byte[40]];
        z.Squeeze(outputs[0], outputs[1], outputs[2], outputs[3]);
        byte[] single = new byte[40];
        Shake.HashData256("second"u8, single);
        Assert.All(outputs, o => Assert.Equal(single, o));
    }

    [Fact]
    public void EmptySqueezeAndEmptyAbsorb_DoNotChangeTheStream()
    {
        byte[] expected = new byte[300];
        Shake.HashData256("abc"u8, expected);
        using var x = Shake.Create256();
        x.Absorb([]);
        x.Absorb("abc"u8);
        x.Absorb([]);
        x.Squeeze([]);
        byte[] actual = new byte[300];
        x.Squeeze(actual.AsSpan(0, 136));
        x.Squeeze([]);
        x.Squeeze(actual.AsSpan(136));
        Assert.Equal(expected, actual);
    }
}
