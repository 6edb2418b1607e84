using System;
using System.Security.Cryptography;
using FintechCrypto.Qkd;
using FsCheck.Xunit;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// The hybrid KDFs' contracts: a pre-shared (QKD) key never stands alone, output bounds, CasKDF's chaining and
/// disposal, and the SP 800-56C "Z ‖ T" mode against independent HKDF (BouncyCastle) and one-step HMAC computations.
/// </summary>
public sealed class HybridKdfTests
{
    public static TheoryData<string> Names => new() { "HKDF-SHA256", "HKDF-SHA384", "HMAC-SHA256", "HMAC-SHA384", "KMAC128", "KMAC256" };

    [Theory]
    [MemberData(nameof(Names))]
    public void FromName_FindsEachKdf_AndNamesRoundTrip(string name)
    {
        HybridKdf kdf = HybridKdf.FromName(name);
        Assert.Equal(name, kdf.Name);
        Assert.Equal(name.Contains("384", StringComparison.Ordinal) || name == "KMAC256" ? 48 : 32, kdf.HashSize);
        Assert.Throws<ArgumentException>(() => HybridKdf.FromName(name.ToLowerInvariant()));
    }

    [Fact]
    public void HkdfAndHmacSuites_AreBuiltOnTheLibrarysKdfAndMacParameterSets()
    {
        // HybridKdf declares no HKDF or HMAC parameter set of its own: it is built on KdfAlgorithm / MacAlgorithm and
        // carries their names; TS 103 744 has no SHA-512 suite.
        Assert.Same(HybridKdf.FromName("HKDF-SHA256"), HybridKdf.Hkdf(KdfAlgorithm.HkdfSha256));
        Assert.Same(HybridKdf.FromName("HKDF-SHA384"), HybridKdf.Hkdf(KdfAlgorithm.HkdfSha384));
        Assert.Same(HybridKdf.FromName("HMAC-SHA256"), HybridKdf.Hmac(MacAlgorithm.HmacSha256));
        Assert.Same(HybridKdf.FromName("HMAC-SHA384"), HybridKdf.Hmac(MacAlgorithm.HmacSha384));
        Assert.Equal(KdfAlgorithm.HkdfSha384.PseudorandomKeySize, HybridKdf.Hkdf(KdfAlgorithm.HkdfSha384).HashSize);
        Assert.Equal(MacAlgorithm.HmacSha256.MacSize, HybridKdf.Hmac(MacAlgorithm.HmacSha256).HashSize);
        Assert.Equal("kdf", Assert.Throws<ArgumentException>(() => HybridKdf.Hkdf(KdfAlgorithm.HkdfSha512)).ParamName);
        Assert.Equal("mac", Assert.Throws<ArgumentException>(() => HybridKdf.Hmac(MacAlgorithm.HmacSha512)).ParamName);
        Assert.Throws<ArgumentNullException>(() => HybridKdf.Hkdf(null!));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CatKdf_RefusesAPreSharedKeyAlone(string name)
    {
        byte[] output = new byte[32];
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
            CatKdf.DeriveKey(HybridKdf.FromName(name), new byte[32], ReadOnlySpan<byte>.Empty, "l"u8, "i"u8, "a"u8, "b"u8, output));
        Assert.Equal("secrets", e.ParamName);
        Assert.All(output, b => Assert.Equal(0, b));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Outputs_AreBoundedAndDependOnEveryInput(string name)
    {
        HybridKdf kdf = HybridKdf.FromName(name);
        Assert.Throws<ArgumentException>(() => CatKdf.DeriveKey(kdf, null, new byte[32], [], [], [], [], 0));
        Assert.Throws<ArgumentException>(() => CatKdf.DeriveKey(kdf, null, new byte[32], [], [], [], [], kdf.MaxOutputSize + 1));
        Assert.Equal(kdf.MaxOutputSize, CatKdf.DeriveKey(kdf, null, new byte[32], [], [], [], [], kdf.MaxOutputSize).Length);

        byte[] psk = RandomNumberGenerator.GetBytes(32), k = RandomNumberGenerator.GetBytes(32);
        byte[] label = [1], info = [2], ma = [3], mb = [4];
        byte[] reference = CatKdf.DeriveKey(kdf, psk, k, label, info, ma, mb, 40);
        Assert.Equal(reference, CatKdf.DeriveKey(kdf, psk, k, label, info, ma, mb, 40));
        Assert.NotEqual(reference, CatKdf.DeriveKey(kdf, Flip(psk), k, label, info, ma, mb, 40));
        Assert.NotEqual(reference, CatKdf.DeriveKey(kdf, psk, Flip(k), label, info, ma, mb, 40));
        Assert.NotEqual(reference, CatKdf.DeriveKey(kdf, psk, k, [9], info, ma, mb, 40));
        Assert.NotEqual(reference, CatKdf.DeriveKey(kdf, psk, k, label, [9], ma, mb, 40));
        Assert.NotEqual(reference, CatKdf.DeriveKey(kdf, psk, k, label, info, [9], mb, 40));
        Assert.NotEqual(reference, CatKdf.DeriveKey(kdf, psk, k, label, info, ma, [9], 40));
        Assert.NotEqual(reference, CatKdf.DeriveKey(kdf, null, k, label, info, ma, mb, 40));

        // The context is length-prefixed, so moving a byte from MA to MB changes the key.
        Assert.NotEqual(
            CatKdf.DeriveKey(kdf, psk, k, label, info, [3, 4], [5], 32),
            CatKdf.DeriveKey(kdf, psk, k, label, info, [3], [4, 5], 32));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CasKdf_ChainsRounds_AndIsClearedOnDispose(string name)
    {
        HybridKdf kdf = HybridKdf.FromName(name);
        byte[] k1 = RandomNumberGenerator.GetBytes(32), k2 = RandomNumberGenerator.GetBytes(32);
        byte[] first = Cascade(kdf, [], k1, k2);
        Assert.Equal(first, Cascade(kdf, [], k1, k2));
        Assert.NotEqual(first, Cascade(kdf, [], Flip(k1), k2)); // the first round's secret reaches the last key
        Assert.NotEqual(first, Cascade(kdf, RandomNumberGenerator.GetBytes(32), k1, k2)); // so does the psk

        var cascade = new CasKdf(kdf);
        Assert.Throws<ArgumentException>(() => cascade.DeriveRound([], [1], [], [], [], new byte[16]));
        Assert.Equal($"CasKdf({name}, 0 rounds)", cascade.ToString());
        cascade.Dispose();
        cascade.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cascade.DeriveRound(k1, [1], [], [], [], new byte[16]));
    }

    [Property(MaxTest = 50)]
    public void ZtKdf_Hkdf_IsHkdfOverZThenT(byte[] z, byte[] t, byte[] salt, byte[] fixedInfo)
    {
        if (z.Length == 0)
        {
            return;
        }

        byte[] ours = new byte[42];
        ZtKdf.DeriveKey(HybridKdf.Hkdf(KdfAlgorithm.HkdfSha256), z, t, salt, fixedInfo, ours);

        var bc = new HkdfBytesGenerator(new Sha256Digest());
        bc.Init(new HkdfParameters([.. z, .. t], salt, fixedInfo));
        byte[] theirs = new byte[42];
        bc.GenerateBytes(theirs, 0, theirs.Length);
        Assert.Equal(theirs, ours);
    }

    [Property(MaxTest = 50)]
    public void ZtKdf_Hmac_IsTheOneStepKdfOverZThenT(byte[] z, byte[] t, byte[] salt, byte[] fixedInfo)
    {
        if (z.Length == 0)
        {
            return;
        }

        byte[] ours = new byte[70];
        ZtKdf.DeriveKey(HybridKdf.Hmac(MacAlgorithm.HmacSha384), z, t, salt, fixedInfo, ours);

        // SP 800-56C Rev. 2 §4.1: K(i) = HMAC-SHA-384(salt, BE32(i) ‖ Z' ‖ FixedInfo), Z' = Z ‖ T.
        byte[] theirs = [
            .. HMACSHA384.HashData(salt, (byte[])[0, 0, 0, 1, .. z, .. t, .. fixedInfo]),
            .. HMACSHA384.HashData(salt, (byte[])[0, 0, 0, 2, .. z, .. t, .. fixedInfo])];
        Assert.Equal(theirs.AsSpan(0, 70).ToArray(), ours);
    }

    [Fact]
    public void ZtKdf_RefusesAnAuxiliarySecretAlone()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
            ZtKdf.DeriveKey(HybridKdf.Kmac256, [], new byte[32], [], [], new byte[32]));
        Assert.Equal("z", e.ParamName);
    }

    [Fact]
    public void ZtKdf_Kmac_EmptySaltIsTheDefaultAllZeroSalt()
    {
        byte[] z = RandomNumberGenerator.GetBytes(32), t = RandomNumberGenerator.GetBytes(32);
        byte[] withDefault = new byte[32], withZeros = new byte[32];
        ZtKdf.DeriveKey(HybridKdf.Kmac128, z, t, [], [7], withDefault);
        ZtKdf.DeriveKey(HybridKdf.Kmac128, z, t, new byte[164], [7], withZeros);
        Assert.Equal(withZeros, withDefault);
    }

    private static byte[] Cascade(HybridKdf kdf, byte[] psk, byte[] k1, byte[] k2)
    {
        using var cascade = new CasKdf(kdf, psk);
        byte[] km = new byte[24];
        cascade.DeriveRound(k1, [1], [2], [3], [4], km);
        cascade.DeriveRound(k2, [5], [2], [6], [7], km);
        return km;
    }

    private static byte[] Flip(byte[] value)
    {
        byte[] copy = (byte[])value.Clone();
        copy[0] ^= 1;
        return copy;
    }
}
