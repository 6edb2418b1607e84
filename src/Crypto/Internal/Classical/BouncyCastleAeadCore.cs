// The AEAD parameter sets the OS provider does not run: AES-GCM with nonces other than 96 bits (SP 800-38D §5.2.1.1,
// J0 derived by GHASH as §7.1 step 2 says), and ChaCha20-Poly1305 (RFC 8439 §2.8) where the OS lacks it; on
// BouncyCastle's GcmBlockCipher and ChaCha20Poly1305.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Memory;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace FintechCrypto.Internal.Classical;

internal sealed class BouncyCastleAeadCore : AeadCore
{
    private readonly AeadAlgorithm _algorithm;
    private readonly SecretBytes _key;

    internal BouncyCastleAeadCore(AeadAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        _algorithm = algorithm;
        _key = new SecretBytes(key);
    }

    internal override void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext) =>
        Run(forEncryption: true, nonce, plaintext, associatedData, ciphertext);

    internal override bool Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> associatedData, Span<byte> plaintext) =>
        Run(forEncryption: false, nonce, ciphertext, associatedData, plaintext);

    internal override byte[] ExportRawPrivateKey() => _key.Span.ToArray();

    public override void Dispose() => _key.Dispose();

    /// <summary>One pass of the cipher; called under the key's lease, so the key bytes it copies are never the cleared ones.</summary>
    private bool Run(bool forEncryption, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> input, ReadOnlySpan<byte> associatedData, Span<byte> output)
    {
        IAeadCipher cipher = _algorithm.Kind == AeadKind.AesGcm
            ? new GcmBlockCipher(AesUtilities.CreateEngine())
            : new Org.BouncyCastle.Crypto.Modes.ChaCha20Poly1305();
        var parameters = new AeadParameters(new KeyParameter(_key.Span), _algorithm.TagSize * 8, nonce.ToArray(), associatedData.ToArray());
        cipher.Init(forEncryption, parameters);
        byte[] buffer = new byte[cipher.GetOutputSize(input.Length)];
        try
        {
            int written = cipher.ProcessBytes(input, buffer);
            written += cipher.DoFinal(buffer.AsSpan(written));
            buffer.AsSpan(0, written).CopyTo(output);
            return true;
        }
        catch (InvalidCipherTextException)
        {
            CryptographicOperations.ZeroMemory(output);
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }
}
