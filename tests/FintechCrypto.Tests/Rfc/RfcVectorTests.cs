using System;
using System.Text;
using Xunit;

namespace FintechCrypto.Tests.Rfc;

/// <summary>Known answers printed in the RFCs themselves.</summary>
[Trait("Category", "KnownAnswer")]
public class RfcVectorTests
{
    // RFC 8032 §7.1, TEST 1, TEST 2, TEST 3 and TEST SHA(abc).
    [Theory]
    [InlineData("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    [InlineData("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7", "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a")]
    public void Ed25519_Rfc8032_Section7_1(string secret, string publicKey, string message, string signature)
    {
        using SigningKey key = SigningKey.Import(SignatureAlgorithm.Ed25519, Hex.Decode(secret), KeyBlobFormat.RawPrivateKey);
        Assert.Equal(publicKey, Hex.Encode(key.Export(KeyBlobFormat.RawPublicKey)));
        byte[] sig = key.Sign(Hex.Decode(message));
        Assert.Equal(signature, Hex.Encode(sig));
        using VerificationKey pk = VerificationKey.Import(SignatureAlgorithm.Ed25519, Hex.Decode(publicKey), KeyBlobFormat.RawPublicKey);
        Assert.True(pk.Verify(Hex.Decode(message), sig));
    }

    // RFC 8410 §10.3: the example Ed25519 private key in PKCS#8 and its public key.
    [Fact]
    public void Ed25519_Rfc8410_Pkcs8Example()
    {
        const string pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
        using SigningKey key = SigningKey.Import(SignatureAlgorithm.Ed25519, Encoding.ASCII.GetBytes(pem), KeyBlobFormat.PemPkcs8PrivateKey);
        Assert.Equal("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842", Hex.Encode(key.Export(KeyBlobFormat.RawPrivateKey)));
        Assert.Equal(pem.Replace("\n", string.Empty), Encoding.ASCII.GetString(key.Export(KeyBlobFormat.PemPkcs8PrivateKey)).Replace("\n", string.Empty));
    }

    // RFC 7748 §6.1.
    [Fact]
    public void X25519_Rfc7748_Section6_1()
    {
        using KeyAgreementKey alice = KeyAgreementKey.Import(KeyAgreementAlgorithm.X25519, Hex.Decode("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"), KeyBlobFormat.RawPrivateKey);
        using KeyAgreementKey bob = KeyAgreementKey.Import(KeyAgreementAlgorithm.X25519, Hex.Decode("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"), KeyBlobFormat.RawPrivateKey);
        Assert.Equal("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", Hex.Encode(alice.Export(KeyBlobFormat.RawPublicKey)));
        Assert.Equal("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", Hex.Encode(bob.Export(KeyBlobFormat.RawPublicKey)));
        Assert.Equal("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", Hex.Encode(alice.Agree(bob.PublicKey)));
        Assert.Equal("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", Hex.Encode(bob.Agree(alice.PublicKey)));
    }

    // RFC 6979 Appendix A.2.5: P-256, SHA-256, messages "sample" and "test".
    [Theory]
    [InlineData("sample", "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8")]
    [InlineData("test", "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083")]
    public void EcdsaP256_Rfc6979_AppendixA25(string message, string expected)
    {
        using SigningKey key = SigningKey.Import(SignatureAlgorithm.EcdsaP256Sha256, Hex.Decode("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"), KeyBlobFormat.RawPrivateKey);
        Assert.Equal(
            "0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb67903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299",
            Hex.Encode(key.Export(KeyBlobFormat.RawPublicKey)));
        byte[] sig = key.Sign(Encoding.ASCII.GetBytes(message), SigningMode.Deterministic);
        Assert.Equal(expected, Hex.Encode(sig));
        Assert.True(key.PublicKey.Verify(Encoding.ASCII.GetBytes(message), sig));
    }

    // RFC 5869 Appendix A.1 (Test Case 1).
    [Fact]
    public void HkdfSha256_Rfc5869_A1()
    {
        byte[] ikm = Hex.Decode("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = Hex.Decode("000102030405060708090a0b0c");
        byte[] info = Hex.Decode("f0f1f2f3f4f5f6f7f8f9");
        byte[] prk = new byte[32];
        KdfAlgorithm.HkdfSha256.Extract(ikm, salt, prk);
        Assert.Equal("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", Hex.Encode(prk));
        Assert.Equal(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
            Hex.Encode(KdfAlgorithm.HkdfSha256.DeriveKey(ikm, salt, info, 42)));
    }

    // RFC 4231 §4.3 (Test Case 2).
    [Fact]
    public void Hmac_Rfc4231_TestCase2()
    {
        byte[] key = Encoding.ASCII.GetBytes("Jefe");
        byte[] data = Encoding.ASCII.GetBytes("what do ya want for nothing?");
        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Hex.Encode(MacAlgorithm.HmacSha256.Compute(key, data)));
        Assert.Equal(
            "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
            Hex.Encode(MacAlgorithm.HmacSha384.Compute(key, data)));
    }

    // RFC 8439 §2.8.2: the AEAD example's tag.
    [Fact]
    public void ChaCha20Poly1305_Rfc8439_Section2_8_2()
    {
        byte[] plaintext = Encoding.ASCII.GetBytes("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
        using AeadKey key = AeadKey.Import(AeadAlgorithm.ChaCha20Poly1305, Hex.Decode("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"), KeyBlobFormat.RawPrivateKey);
        byte[] nonce = Hex.Decode("070000004041424344454647");
        byte[] aad = Hex.Decode("50515253c0c1c2c3c4c5c6c7");
        byte[] box = key.Encrypt(nonce, plaintext, aad);
        Assert.Equal("d31a8d34648e60db7b86afbc53ef7ec2", Hex.Encode(box.AsSpan(0, 16)));
        Assert.Equal("1ae10b594f09e26a7e902ecbd0600691", Hex.Encode(box.AsSpan(box.Length - 16)));
        Assert.True(key.TryDecrypt(nonce, box, aad, out byte[]? opened));
        Assert.Equal(plaintext, opened);
    }
}
