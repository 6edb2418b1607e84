using System;
using System.Text;
using Xunit;

namespace FintechCrypto.Tests.Api;

public class AeadContractTests
{
    private static readonly byte[] Payment = Encoding.UTF8.GetBytes("<Document><CstmrCdtTrfInitn><GrpHdr><MsgId>ABC-123</MsgId></GrpHdr></CstmrCdtTrfInitn></Document>");
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("pain.001.001.09");

    [Theory]
    [MemberData(nameof(Registry.AeadNames), MemberType = typeof(Registry))]
    public void EncryptDecrypt_RoundTrips_AndEveryTamperFails(string name)
    {
        AeadAlgorithm algorithm = AeadAlgorithm.FromName(name);
        using AeadKey key = AeadKey.Generate(algorithm);
        byte[] nonce = new byte[algorithm.NonceSize];
        nonce[0] = 7;
        byte[] sealedBox = key.Encrypt(nonce, Payment, Header);
        Assert.Equal(Payment.Length + algorithm.TagSize, sealedBox.Length);
        Assert.Equal(Payment, Open(key, nonce, sealedBox, Header));

        for (int i = 0; i < sealedBox.Length; i += 7)
        {
            byte[] tampered = (byte[])sealedBox.Clone();
            tampered[i] ^= 0x01;
            Assert.Null(Open(key, nonce, tampered, Header));
        }

        Assert.Null(Open(key, nonce, sealedBox, Encoding.UTF8.GetBytes("pain.001.001.08")));
        byte[] otherNonce = (byte[])nonce.Clone();
        otherNonce[^1] ^= 1;
        Assert.Null(Open(key, otherNonce, sealedBox, Header));
    }

    [Fact]
    public void Decrypt_FailureClearsThePlaintextBuffer()
    {
        using AeadKey key = AeadKey.Generate(AeadAlgorithm.Aes256Gcm);
        byte[] nonce = new byte[12];
        byte[] box = key.Encrypt(nonce, Payment, null);
        box[0] ^= 1;
        byte[] plaintext = new byte[Payment.Length];
        plaintext.AsSpan().Fill(0xAA);
        Assert.False(key.TryDecrypt(nonce, box, default, plaintext, out int written));
        Assert.Equal(0, written);
        Assert.All(plaintext, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Decrypt_CiphertextShorterThanTag_IsFalse()
    {
        using AeadKey key = AeadKey.Generate(AeadAlgorithm.ChaCha20Poly1305);
        Assert.Null(Open(key, new byte[12], new byte[15]));
        Assert.False(key.TryDecrypt(new byte[12], new byte[3], default, Span<byte>.Empty, out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(60)]
    [InlineData(257)]
    public void AesGcm_AnyNonceLength_RoundTrips_AndMatchesBouncyCastle(int nonceSize)
    {
        AeadAlgorithm algorithm = AeadAlgorithm.AesGcm(32, nonceSize);
        Assert.Equal(nonceSize, algorithm.NonceSize);
        byte[] keyBytes = new byte[32];
        new Random(nonceSize).NextBytes(keyBytes);
        byte[] nonce = new byte[nonceSize];
        new Random(nonceSize + 1).NextBytes(nonce);
        using AeadKey key = AeadKey.Import(algorithm, keyBytes, KeyBlobFormat.RawPrivateKey);
        byte[] box = key.Encrypt(nonce, Payment, Header);

        var gcm = new Org.BouncyCastle.Crypto.Modes.GcmBlockCipher(new Org.BouncyCastle.Crypto.Engines.AesEngine());
        gcm.Init(true, new Org.BouncyCastle.Crypto.Parameters.AeadParameters(new Org.BouncyCastle.Crypto.Parameters.KeyParameter(keyBytes), 128, nonce, Header));
        byte[] expected = new byte[gcm.GetOutputSize(Payment.Length)];
        int n = gcm.ProcessBytes(Payment, 0, Payment.Length, expected, 0);
        gcm.DoFinal(expected, n);
        Assert.Equal(expected, box);
        Assert.Equal(Payment, Open(key, nonce, box, Header));
    }

    [Fact]
    public void AesGcm_96BitNonce_IsThePredefinedInstance_AndOtherSizesAreDistinct()
    {
        Assert.Same(AeadAlgorithm.Aes256Gcm, AeadAlgorithm.AesGcm(32, 12));
        Assert.NotEqual(AeadAlgorithm.Aes256Gcm, AeadAlgorithm.AesGcm(32, 16));
        Assert.Equal(AeadAlgorithm.AesGcm(32, 16), AeadAlgorithm.AesGcm(32, 16));
        Assert.Equal("AES-256-GCM", AeadAlgorithm.AesGcm(32, 16).Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => AeadAlgorithm.AesGcm(32, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AeadAlgorithm.AesGcm(20, 12));
    }

    [Fact]
    public void WrongLengths_AreArgumentExceptionsNamingTheParameter()
    {
        using AeadKey key = AeadKey.Generate(AeadAlgorithm.Aes256Gcm);
        Assert.Equal("nonce", Assert.Throws<ArgumentException>(() => key.Encrypt(new byte[11], Payment)).ParamName);
        Assert.Equal("ciphertext", Assert.Throws<ArgumentException>(() => key.Encrypt(new byte[12], Payment, default, new byte[Payment.Length])).ParamName);
        Assert.Equal("plaintext", Assert.Throws<ArgumentException>(() => key.TryDecrypt(new byte[12], new byte[40], default, new byte[23], out _)).ParamName);
        Assert.Throws<InvalidKeyEncodingException>(() => AeadKey.Import(AeadAlgorithm.Aes256Gcm, new byte[16], KeyBlobFormat.RawPrivateKey));
        Assert.Throws<ArgumentException>(() => AeadKey.Import(AeadAlgorithm.Aes256Gcm, new byte[32], KeyBlobFormat.Pkcs8PrivateKey));
    }

    [Fact]
    public void InPlaceEncryption_IsAllowed_PartialOverlapIsNot()
    {
        using AeadKey key = AeadKey.Generate(AeadAlgorithm.Aes256Gcm);
        byte[] nonce = new byte[12];
        byte[] buffer = new byte[Payment.Length + 16];
        Payment.CopyTo(buffer, 0);
        key.Encrypt(nonce, buffer.AsSpan(0, Payment.Length), default, buffer);
        Assert.Equal(Payment, Open(key, nonce, buffer));
        Assert.Throws<ArgumentException>(() => key.Encrypt(nonce, buffer.AsSpan(0, 10), default, buffer.AsSpan(1, 26)));
    }

    [Fact]
    public void Disposed_ThrowsObjectDisposedException()
    {
        AeadKey key = AeadKey.Generate(AeadAlgorithm.ChaCha20Poly1305);
        key.Dispose();
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Encrypt(new byte[12], Payment));
        Assert.Throws<ObjectDisposedException>(() => Open(key, new byte[12], new byte[32]));
        Assert.Throws<ObjectDisposedException>(() => key.Export(KeyBlobFormat.RawPrivateKey));
        Assert.Equal("AeadKey(ChaCha20-Poly1305)", key.ToString());
    }

    /// <summary>The array form of TryDecrypt as one value: the plaintext, or null exactly when it returned false.</summary>
    private static byte[]? Open(AeadKey key, byte[] nonce, byte[] ciphertext, byte[]? associatedData = null)
    {
        bool opened = key.TryDecrypt(nonce, ciphertext, associatedData, out byte[]? plaintext);
        Assert.Equal(opened, plaintext is not null);
        return plaintext;
    }
}
