// AES-GCM with 96-bit nonces (SP 800-38D §8.2) and ChaCha20-Poly1305 (RFC 8439 §2.8) on the OS provider
// (System.Security.Cryptography.AesGcm / ChaCha20Poly1305), whose cipher object, holding the expanded key schedule, is
// created once per key.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Internal.Classical;

internal sealed class OsAeadCore : AeadCore
{
    private readonly AeadAlgorithm _algorithm;
    private readonly SecretBytes _key;
    private readonly object _providerLock = new();
    private IDisposable? _provider; // created on first use, under _providerLock

    internal OsAeadCore(AeadAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        _algorithm = algorithm;
        _key = new SecretBytes(key);
    }

    internal override void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext)
    {
        int n = plaintext.Length;

        // The OS objects are not documented as thread-safe; one lock per key keeps them correct under concurrency.
        lock (_providerLock)
        {
            switch (Provider())
            {
                case AesGcm gcm:
                    gcm.Encrypt(nonce, plaintext, ciphertext[..n], ciphertext[n..], associatedData);
                    break;
                case ChaCha20Poly1305 chacha:
                    chacha.Encrypt(nonce, plaintext, ciphertext[..n], ciphertext[n..], associatedData);
                    break;
            }
        }
    }

    internal override bool Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        int n = plaintext.Length;
        try
        {
            lock (_providerLock)
            {
                switch (Provider())
                {
                    case AesGcm gcm:
                        gcm.Decrypt(nonce, ciphertext[..n], ciphertext[n..], plaintext, associatedData);
                        break;
                    case ChaCha20Poly1305 chacha:
                        chacha.Decrypt(nonce, ciphertext[..n], ciphertext[n..], plaintext, associatedData);
                        break;
                }
            }

            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return false;
        }
    }

    internal override byte[] ExportRawPrivateKey() => _key.Span.ToArray();

    public override void Dispose()
    {
        lock (_providerLock)
        {
            _provider?.Dispose();
            _provider = null;
        }

        _key.Dispose();
    }

    // Called under _providerLock and the key's lease.
    private IDisposable Provider() =>
        _provider ??= _algorithm.Kind == AeadKind.AesGcm
            ? new AesGcm(_key.Span, _algorithm.TagSize)
            : new ChaCha20Poly1305(_key.Span);
}
