using System;
using System.Security.Cryptography;
using FintechCrypto.Qkd;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// The plain mappings from QKD keys to IKEv2 PPKs (RFC 8784), WireGuard PSKs and MACsec CKN/CAK: exact bytes and text
/// for a known key_ID, round trips of the key_ID hand-off, and refusals of keys of the wrong size.
/// </summary>
public sealed class IntegrationMappingTests
{
    private static readonly Guid s_keyId = Guid.Parse("bc490419-7d60-487f-adc1-4ddcc177c139");

    [Fact]
    public void Ikev2PpkId_IsOpaqueTypeThenTheUuidBytesInRfc4122Order()
    {
        byte[] id = Ikev2Ppk.ToPpkId(s_keyId);
        Assert.Equal("01bc4904197d60487fadc14ddcc177c139", Convert.ToHexStringLower(id));
        Assert.True(Ikev2Ppk.TryFromPpkId(id, out Guid back));
        Assert.Equal(s_keyId, back);

        Assert.False(Ikev2Ppk.TryFromPpkId(id.AsSpan(0, 16), out _));
        id[0] = 2; // PPK_ID_FIXED is not what this mapping produces
        Assert.False(Ikev2Ppk.TryFromPpkId(id, out Guid none));
        Assert.Equal(Guid.Empty, none);
    }

    [Fact]
    public void Ikev2Ppk_IsTheKeyBytes_AndShortKeysAreRefused()
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(32);
        using var key = new QkdKey(s_keyId, bytes);
        byte[] ppk = new byte[32];
        Ikev2Ppk.WritePpk(key, ppk);
        Assert.Equal(bytes, ppk);

        using var shortKey = new QkdKey(s_keyId, new byte[16]);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => Ikev2Ppk.WritePpk(shortKey, new byte[16])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Ikev2Ppk.WritePpk(key, new byte[31])).ParamName);
    }

    [Fact]
    public void WireGuardPsk_IsTheKeyInBase64()
    {
        byte[] bytes = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        using var key = new QkdKey(s_keyId, bytes);
        Assert.Equal("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", WireGuardPresharedKey.ToPskString(key));

        using var wrong = new QkdKey(s_keyId, new byte[16]);
        Assert.Throws<ArgumentException>(() => WireGuardPresharedKey.ToPskString(wrong));
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => WireGuardPresharedKey.ToPskString(key));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void MacsecCak_IsTheKeyInHex_AndTheCknNamesTheKeyId(int size)
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(size);
        using var key = new QkdKey(s_keyId, bytes);
        Assert.Equal(Convert.ToHexStringLower(bytes), MacsecPresharedKey.ToCakString(key));

        string ckn = MacsecPresharedKey.ToCkn(s_keyId);
        Assert.Equal("bc4904197d60487fadc14ddcc177c139", ckn);
        Assert.True(MacsecPresharedKey.TryFromCkn(ckn.ToUpperInvariant(), out Guid back));
        Assert.Equal(s_keyId, back);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(24)]
    [InlineData(64)]
    public void MacsecCak_RefusesKeysThatAreNot128Or256Bits(int size)
    {
        using var key = new QkdKey(s_keyId, new byte[size]);
        Assert.Equal("key", Assert.Throws<ArgumentException>(() => MacsecPresharedKey.ToCakString(key)).ParamName);
    }

    [Property(MaxTest = 200)]
    public void KeyIdHandOffs_RoundTripAndRejectGarbage(Guid keyId, string garbage)
    {
        Assert.True(Ikev2Ppk.TryFromPpkId(Ikev2Ppk.ToPpkId(keyId), out Guid fromPpk));
        Assert.Equal(keyId, fromPpk);
        Assert.True(MacsecPresharedKey.TryFromCkn(MacsecPresharedKey.ToCkn(keyId), out Guid fromCkn));
        Assert.Equal(keyId, fromCkn);

        // Garbage CKNs give false, never an exception.
        if (garbage is not null && garbage.Length != 32)
        {
            Assert.False(MacsecPresharedKey.TryFromCkn(garbage, out _));
        }
    }

    [Fact]
    public void Writers_TakeADestinationOfAtLeastTheSize_AndReturnWhatTheyWrote()
    {
        // The output-span convention: at least the size, written from the start, the count returned; too small refused.
        byte[] bytes = RandomNumberGenerator.GetBytes(32);
        using var key = new QkdKey(s_keyId, bytes);

        byte[] ppk = new byte[40];
        Assert.Equal(32, Ikev2Ppk.WritePpk(key, ppk));
        Assert.Equal(bytes, ppk[..32]);
        byte[] ppkId = new byte[20];
        Assert.Equal(Ikev2Ppk.PpkIdSize, Ikev2Ppk.WritePpkId(s_keyId, ppkId));
        Assert.Equal(Ikev2Ppk.ToPpkId(s_keyId), ppkId[..Ikev2Ppk.PpkIdSize]);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Ikev2Ppk.WritePpkId(s_keyId, new byte[16])).ParamName);

        char[] psk = new char[50];
        Assert.Equal(WireGuardPresharedKey.Base64Length, WireGuardPresharedKey.WritePsk(key, psk));
        Assert.Equal(Convert.ToBase64String(bytes), new string(psk, 0, WireGuardPresharedKey.Base64Length));
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => WireGuardPresharedKey.WritePsk(key, new char[43])).ParamName);

        char[] cak = new char[70];
        Assert.Equal(64, MacsecPresharedKey.WriteCak(key, cak));
        Assert.Equal(Convert.ToHexStringLower(bytes), new string(cak, 0, 64));
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => MacsecPresharedKey.WriteCak(key, new char[63])).ParamName);
    }

    [Fact]
    public void QkdKey_ToStringNamesTheIdNeverTheKey()
    {
        byte[] bytes = Convert.FromHexString("00112233445566778899aabbccddeeff");
        using var key = new QkdKey(s_keyId, bytes);
        string text = key.ToString();
        Assert.Equal("QkdKey(bc490419-7d60-487f-adc1-4ddcc177c139, 128 bits)", text);
        Assert.DoesNotContain("00112233", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(bytes), text, StringComparison.Ordinal);
    }
}
