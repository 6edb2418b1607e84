// AeadKey used while it is disposed (issue 11 defect 4): on the BouncyCastle path (AES-GCM with a nonce other than
// 12 bytes) an Encrypt racing Dispose returned ciphertexts under the all-zero key as success.

using System;
using System.Linq;
using System.Text;
using Xunit;

namespace FintechCrypto.Tests.Lifetime;

public class AeadKeyDisposeRaceTests
{
    private static readonly byte[] Payment = Encoding.UTF8.GetBytes("<Document><CstmrCdtTrfInitn><GrpHdr><MsgId>RACE-1</MsgId></GrpHdr></CstmrCdtTrfInitn></Document>");
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("pain.001.001.09");

    /// <summary>Both backends: BouncyCastle (nonces other than 12 bytes) and the OS provider.</summary>
    public static TheoryData<string, int> Algorithms => new()
    {
        { "AES-128-GCM", 16 }, // the reported case: BouncyCastle's GcmBlockCipher
        { "AES-256-GCM", 8 },
        { "AES-256-GCM", 12 }, // the OS AesGcm
        { "ChaCha20-Poly1305", 12 },
    };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Encrypt_DisposedBetweenItsCheckAndTheKeyRead_EncryptsUnderTheRealKey(string name, int nonceSize)
    {
        AeadAlgorithm algorithm = Create(name, nonceSize);
        byte[] keyBytes = KeyBytes(algorithm);
        byte[] nonce = Nonce(algorithm);
        byte[] expected = EncryptWith(algorithm, keyBytes, nonce);
        byte[] underZeroKey = EncryptWith(algorithm, new byte[algorithm.KeySize], nonce);

        AeadKey key = AeadKey.Import(algorithm, keyBytes, KeyBlobFormat.RawPrivateKey);
        byte[] ciphertext;
        using (var armed = DisposeDuringUse.Arm(key))
        {
            ciphertext = key.Encrypt(nonce, Payment, Header);
            Assert.True(armed.Fired);
        }

        // The lease was taken before Dispose, so the encryption finished on the real key; the key is cleared after it.
        Assert.NotEqual(underZeroKey, ciphertext);
        Assert.Equal(expected, ciphertext);
        Assert.Throws<ObjectDisposedException>(() => key.Encrypt(nonce, Payment, Header));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Decrypt_DisposedBetweenItsCheckAndTheKeyRead_DecryptsUnderTheRealKey(string name, int nonceSize)
    {
        AeadAlgorithm algorithm = Create(name, nonceSize);
        byte[] keyBytes = KeyBytes(algorithm);
        byte[] nonce = Nonce(algorithm);
        byte[] ciphertext = EncryptWith(algorithm, keyBytes, nonce);

        AeadKey key = AeadKey.Import(algorithm, keyBytes, KeyBlobFormat.RawPrivateKey);
        byte[]? plaintext;
        using (var armed = DisposeDuringUse.Arm(key))
        {
            Assert.True(key.TryDecrypt(nonce, ciphertext, Header, out plaintext));
            Assert.True(armed.Fired);
        }

        Assert.Equal(Payment, plaintext);
        Assert.Throws<ObjectDisposedException>(() => key.TryDecrypt(nonce, ciphertext, Header, out _));
    }

    [Fact]
    public void Export_DisposedBetweenItsCheckAndTheKeyRead_ExportsTheRealKey()
    {
        byte[] keyBytes = KeyBytes(AeadAlgorithm.Aes256Gcm);
        AeadKey key = AeadKey.Import(AeadAlgorithm.Aes256Gcm, keyBytes, KeyBlobFormat.RawPrivateKey);
        byte[] exported;
        using (var armed = DisposeDuringUse.Arm(key))
        {
            exported = key.Export(KeyBlobFormat.RawPrivateKey);
            Assert.True(armed.Fired);
        }

        Assert.Equal(keyBytes, exported);
        Assert.Throws<ObjectDisposedException>(() => key.Export(KeyBlobFormat.RawPrivateKey));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void EncryptOnManyThreads_RacingDispose_EitherUsesTheRealKeyOrThrowsObjectDisposed(string name, int nonceSize)
    {
        AeadAlgorithm algorithm = Create(name, nonceSize);
        byte[] keyBytes = KeyBytes(algorithm);
        byte[] nonce = Nonce(algorithm);
        byte[] expected = EncryptWith(algorithm, keyBytes, nonce);
        DisposeRace.Run(
            rounds: 30,
            workers: 3,
            () => AeadKey.Import(algorithm, keyBytes, KeyBlobFormat.RawPrivateKey),
            key => key.Encrypt(nonce, Payment, Header),
            ciphertext => ciphertext.AsSpan().SequenceEqual(expected));
    }

    /// <summary>The reported reproduction's size: 20,000 encryptions on the BouncyCastle path racing Dispose.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void EncryptOnManyThreads_RacingDispose_TwentyThousandTimes_OnTheBouncyCastlePath()
    {
        AeadAlgorithm algorithm = AeadAlgorithm.AesGcm(16, 16);
        byte[] keyBytes = KeyBytes(algorithm);
        byte[] nonce = Nonce(algorithm);
        byte[] expected = EncryptWith(algorithm, keyBytes, nonce);
        DisposeRace.Run(
            rounds: 2000,
            workers: 4,
            () => AeadKey.Import(algorithm, keyBytes, KeyBlobFormat.RawPrivateKey),
            key => key.Encrypt(nonce, Payment, Header),
            ciphertext => ciphertext.AsSpan().SequenceEqual(expected));
    }

    private static AeadAlgorithm Create(string name, int nonceSize)
    {
        AeadAlgorithm standard = AeadAlgorithm.FromName(name);
        return nonceSize == standard.NonceSize ? standard : AeadAlgorithm.AesGcm(standard.KeySize, nonceSize);
    }

    private static byte[] KeyBytes(AeadAlgorithm algorithm) => Enumerable.Range(0x41, algorithm.KeySize).Select(i => (byte)i).ToArray();

    private static byte[] Nonce(AeadAlgorithm algorithm) => Enumerable.Range(1, algorithm.NonceSize).Select(i => (byte)(i * 3)).ToArray();

    private static byte[] EncryptWith(AeadAlgorithm algorithm, byte[] keyBytes, byte[] nonce)
    {
        using AeadKey key = AeadKey.Import(algorithm, keyBytes, KeyBlobFormat.RawPrivateKey);
        return key.Encrypt(nonce, Payment, Header);
    }
}
