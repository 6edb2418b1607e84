using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Sha3;
using FsCheck.Xunit;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Our KMAC128/KMAC256 (SP 800-185 §4, on our Keccak): NIST's published KMAC samples, BouncyCastle's KMac on random
/// inputs (any key length, any output length, incremental absorption), and .NET's OpenSSL-backed Kmac where present.
/// </summary>
public sealed class KmacTests
{
    private static readonly byte[] s_sampleKey = Convert.FromHexString("404142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F");

    [Trait("Category", "KnownAnswer")]
    [Theory]
    [InlineData(false, "00010203", "", "E5780B0D3EA6F7D3A429C5706AA43A00FADBD7D49628839E3187243F456EE14E")]
    [InlineData(false, "00010203", "My Tagged Application", "3B1FBA963CD8B0B59E8C1A6D71888B7143651AF8BA0A7070C0979E2811324AA5")]
    public void Kmac128_ReproducesTheSp800185Samples(bool wide, string dataHex, string customization, string expectedHex)
    {
        byte[] output = new byte[expectedHex.Length / 2];
        Kmac.Compute(wide, s_sampleKey, Convert.FromHexString(dataHex), System.Text.Encoding.ASCII.GetBytes(customization), output);
        Assert.Equal(expectedHex, Convert.ToHexString(output));
    }

    [Property(MaxTest = 200)]
    public void Kmac_AgreesWithBouncyCastle(bool wide, byte[] key, byte[] data, byte[] customization, byte outputLength)
    {
        int length = 1 + outputLength;
        byte[] ours = new byte[length];
        Kmac.Compute(wide, key, data, customization, ours);

        var bc = new KMac(wide ? 256 : 128, customization);
        bc.Init(new KeyParameter(key));
        bc.BlockUpdate(data, 0, data.Length);
        byte[] theirs = new byte[length];
        bc.OutputFinal(theirs, 0, length);

        Assert.Equal(theirs, ours);
    }

    [Property(MaxTest = 100)]
    public void Kmac_IncrementalAbsorptionEqualsOneShot(bool wide, byte[] key, byte[] first, byte[] second)
    {
        byte[] oneShot = new byte[48];
        Kmac.Compute(wide, key, [.. first, .. second], "KDF"u8, oneShot);

        Kmac incremental = Kmac.Create(wide, key, "KDF"u8);
        incremental.Absorb(first);
        incremental.Absorb(second);
        byte[] output = new byte[48];
        incremental.Finish(output);
        incremental.Dispose();

        Assert.Equal(oneShot, output);
    }

    // .NET's Kmac128/Kmac256 run on OpenSSL 3.0+ and need keys of at least 4 bytes; where the OS lacks KMAC they
    // must refuse, which is the reason ours exists.
    [Theory]
    [InlineData(false, 4, 0, 32)]
    [InlineData(false, 32, 1000, 16)]
    [InlineData(true, 48, 77, 48)]
    [InlineData(true, 200, 300, 200)]
    public void Kmac_AgreesWithDotNetWhereTheOsHasIt(bool wide, int keyLength, int dataLength, int outputLength)
    {
        byte[] key = RandomNumberGenerator.GetBytes(keyLength);
        byte[] data = RandomNumberGenerator.GetBytes(dataLength);
        byte[] ours = new byte[outputLength];
        Kmac.Compute(wide, key, data, "KDF"u8, ours);

        bool supported = wide ? Kmac256.IsSupported : Kmac128.IsSupported;
        if (!supported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => Kmac128.HashData(key, data, outputLength, "KDF"u8.ToArray()));
            return;
        }

        byte[] theirs = wide
            ? Kmac256.HashData(key, data, outputLength, "KDF"u8.ToArray())
            : Kmac128.HashData(key, data, outputLength, "KDF"u8.ToArray());
        Assert.Equal(theirs, ours);
    }
}
