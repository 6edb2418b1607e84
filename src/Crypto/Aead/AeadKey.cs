using System;
using System.Diagnostics;
using System.Security.Cryptography;
using FintechCrypto.Internal.Memory;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace FintechCrypto;

/// <summary>
/// A symmetric key of one <see cref="AeadAlgorithm"/>, held in pinned memory and cleared on <see cref="Dispose"/>.
/// Ciphertexts are ciphertext ‖ tag. A nonce must never repeat under one key.
/// </summary>
/// <remarks>
/// Thread-safe. An operation that runs while another thread disposes the key either completes with the key or throws
/// <see cref="ObjectDisposedException"/>: the key is cleared only after the last running operation has finished.
/// </remarks>
[DebuggerDisplay("AeadKey {Algorithm.Name}")]
public sealed class AeadKey : IDisposable
{
    private readonly SecretBytes _key;
    private readonly KeyLifetime _lifetime; // every use of _key or _provider holds a lease on it
    private readonly object _providerLock = new();
    private IDisposable? _provider; // the OS cipher object, created once: it holds the expanded key schedule

    private AeadKey(AeadAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        Algorithm = algorithm;
        _key = new SecretBytes(key);
        _lifetime = new KeyLifetime(FreeKey);
    }

    /// <summary>The parameter set of this key.</summary>
    public AeadAlgorithm Algorithm { get; }

    /// <summary>Generates a new random key.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    public static AeadKey Generate(AeadAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        Span<byte> key = stackalloc byte[algorithm.KeySize];
        try
        {
            RandomNumberGenerator.Fill(key);
            return new AeadKey(algorithm, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Imports a key from its raw bytes.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <param name="blob">The key bytes, exactly <see cref="AeadAlgorithm.KeySize"/> long.</param>
    /// <param name="format">Must be <see cref="KeyBlobFormat.RawPrivateKey"/>.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not RawPrivateKey.</exception>
    /// <exception cref="InvalidKeyEncodingException"><paramref name="blob"/> has the wrong length.</exception>
    public static AeadKey Import(AeadAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format = KeyBlobFormat.RawPrivateKey)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (format != KeyBlobFormat.RawPrivateKey)
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, algorithm.Name);
        }

        if (blob.Length != algorithm.KeySize)
        {
            throw Error.Format_InvalidKey(algorithm.Name, format, $"the key must be {algorithm.KeySize} bytes, not {blob.Length}");
        }

        return new AeadKey(algorithm, blob);
    }

    /// <summary>Exports the raw key bytes. The caller should clear them after use.</summary>
    /// <param name="format">Must be <see cref="KeyBlobFormat.RawPrivateKey"/>.</param>
    /// <returns>The key bytes.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not RawPrivateKey.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Export(KeyBlobFormat format = KeyBlobFormat.RawPrivateKey)
    {
        using SecretLease lease = _lifetime.Lease(this);
        if (format != KeyBlobFormat.RawPrivateKey)
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, Algorithm.Name);
        }

        return _key.Span.ToArray();
    }

    /// <summary>Encrypts and authenticates <paramref name="plaintext"/> and <paramref name="associatedData"/>.</summary>
    /// <param name="nonce">Exactly <see cref="AeadAlgorithm.NonceSize"/> bytes, never repeated under this key.</param>
    /// <param name="plaintext">The message.</param>
    /// <param name="associatedData">Data authenticated but not encrypted (may be empty).</param>
    /// <param name="ciphertext">The destination: exactly plaintext length + <see cref="AeadAlgorithm.TagSize"/> bytes.</param>
    /// <exception cref="ArgumentException">A length is wrong, or <paramref name="ciphertext"/> overlaps an input in a way other than exactly aliasing <paramref name="plaintext"/>.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext)
    {
        using SecretLease lease = _lifetime.Lease(this);
        CheckNonce(nonce);
        if (ciphertext.Length != plaintext.Length + Algorithm.TagSize)
        {
            throw Error.Argument_Length(nameof(ciphertext), plaintext.Length + Algorithm.TagSize, ciphertext.Length);
        }

        if (ciphertext.Overlaps(nonce) || ciphertext.Overlaps(associatedData) || (ciphertext.Overlaps(plaintext, out int offset) && offset != 0))
        {
            throw Error.Argument_Overlap(nameof(ciphertext));
        }

        int n = plaintext.Length;
        if (!Algorithm.UsesOsProvider || (Algorithm.Kind == AeadKind.ChaCha20Poly1305 && !System.Security.Cryptography.ChaCha20Poly1305.IsSupported))
        {
            RunBouncyCastle(forEncryption: true, nonce, plaintext, associatedData, ciphertext);
            return;
        }

        // The OS objects are not documented as thread-safe; one lock per key keeps them correct under concurrency.
        lock (_providerLock)
        {
            switch (Provider())
            {
                case AesGcm gcm:
                    gcm.Encrypt(nonce, plaintext, ciphertext[..n], ciphertext[n..], associatedData);
                    break;
                case System.Security.Cryptography.ChaCha20Poly1305 chacha:
                    chacha.Encrypt(nonce, plaintext, ciphertext[..n], ciphertext[n..], associatedData);
                    break;
            }
        }
    }

    /// <summary>Encrypts and returns ciphertext ‖ tag.</summary>
    /// <param name="nonce">Exactly <see cref="AeadAlgorithm.NonceSize"/> bytes.</param>
    /// <param name="plaintext">The message.</param>
    /// <param name="associatedData">Authenticated data, or null.</param>
    /// <returns>The ciphertext followed by the tag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nonce"/> or <paramref name="plaintext"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="nonce"/> has the wrong length.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Encrypt(byte[] nonce, byte[] plaintext, byte[]? associatedData = null)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(plaintext);
        byte[] ciphertext = new byte[plaintext.Length + Algorithm.TagSize];
        Encrypt(nonce, plaintext, associatedData, ciphertext);
        return ciphertext;
    }

    /// <summary>Checks the tag and decrypts. On failure <paramref name="plaintext"/> is cleared and false is returned.</summary>
    /// <param name="nonce">Exactly <see cref="AeadAlgorithm.NonceSize"/> bytes.</param>
    /// <param name="ciphertext">Ciphertext ‖ tag.</param>
    /// <param name="associatedData">The authenticated data given to Encrypt.</param>
    /// <param name="plaintext">The destination: exactly ciphertext length − <see cref="AeadAlgorithm.TagSize"/> bytes (or empty when the ciphertext is shorter than a tag).</param>
    /// <returns>True when the tag is valid; false when it is not or the ciphertext is shorter than a tag.</returns>
    /// <exception cref="ArgumentException"><paramref name="nonce"/> or <paramref name="plaintext"/> has the wrong length, or buffers overlap.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        using SecretLease lease = _lifetime.Lease(this);
        CheckNonce(nonce);
        int n = ciphertext.Length - Algorithm.TagSize;
        if (n < 0)
        {
            plaintext.Clear();
            return false;
        }

        if (plaintext.Length != n)
        {
            throw Error.Argument_Length(nameof(plaintext), n, plaintext.Length);
        }

        if (plaintext.Overlaps(nonce) || plaintext.Overlaps(associatedData) || (plaintext.Overlaps(ciphertext, out int offset) && offset != 0))
        {
            throw Error.Argument_Overlap(nameof(plaintext));
        }

        try
        {
            if (!Algorithm.UsesOsProvider || (Algorithm.Kind == AeadKind.ChaCha20Poly1305 && !System.Security.Cryptography.ChaCha20Poly1305.IsSupported))
            {
                return RunBouncyCastle(forEncryption: false, nonce, ciphertext, associatedData, plaintext);
            }

            lock (_providerLock)
            {
                switch (Provider())
                {
                    case AesGcm gcm:
                        gcm.Decrypt(nonce, ciphertext[..n], ciphertext[n..], plaintext, associatedData);
                        break;
                    case System.Security.Cryptography.ChaCha20Poly1305 chacha:
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

    /// <summary>Checks the tag and decrypts; null when the tag is invalid.</summary>
    /// <param name="nonce">Exactly <see cref="AeadAlgorithm.NonceSize"/> bytes.</param>
    /// <param name="ciphertext">Ciphertext ‖ tag.</param>
    /// <param name="associatedData">The authenticated data given to Encrypt, or null.</param>
    /// <returns>The plaintext, or null when authentication fails.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nonce"/> or <paramref name="ciphertext"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="nonce"/> has the wrong length.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[]? Decrypt(byte[] nonce, byte[] ciphertext, byte[]? associatedData = null)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(ciphertext);
        byte[] plaintext = new byte[Math.Max(0, ciphertext.Length - Algorithm.TagSize)];
        if (ciphertext.Length < Algorithm.TagSize)
        {
            ObjectDisposedException.ThrowIf(_lifetime.IsDisposed, this);
            CheckNonce(nonce);
            return null;
        }

        return Decrypt(nonce, ciphertext, associatedData, plaintext) ? plaintext : null;
    }

    /// <summary>
    /// Clears the key: at once when no operation is running, otherwise when the last running one finishes; no new
    /// operation starts. Calling it again has no effect.
    /// </summary>
    public void Dispose() => _lifetime.Dispose();

    /// <summary>Names the algorithm only; never key material.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"AeadKey({Algorithm.Name})";

    // Called under _providerLock and a lease.
    private IDisposable Provider() =>
        _provider ??= Algorithm.Kind == AeadKind.AesGcm
            ? new AesGcm(_key.Span, Algorithm.TagSize)
            : new System.Security.Cryptography.ChaCha20Poly1305(_key.Span);

    private void CheckNonce(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != Algorithm.NonceSize)
        {
            throw Error.Argument_Length(nameof(nonce), Algorithm.NonceSize, nonce.Length);
        }
    }

    /// <summary>
    /// The BouncyCastle path: GCM with nonces other than 96 bits (SP 800-38D §7.1 step 2), or ChaCha20-Poly1305 where
    /// the OS lacks it. Called under a lease, so the key bytes it copies are never the cleared ones.
    /// </summary>
    private bool RunBouncyCastle(bool forEncryption, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> input, ReadOnlySpan<byte> associatedData, Span<byte> output)
    {
        IAeadCipher cipher = Algorithm.Kind == AeadKind.AesGcm
            ? new GcmBlockCipher(AesUtilities.CreateEngine())
            : new Org.BouncyCastle.Crypto.Modes.ChaCha20Poly1305();
        var parameters = new AeadParameters(new KeyParameter(_key.Span), Algorithm.TagSize * 8, nonce.ToArray(), associatedData.ToArray());
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

    // Runs once, when the key is disposed and no operation holds a lease (SecretLifetime).
    private void FreeKey()
    {
        lock (_providerLock)
        {
            _provider?.Dispose();
            _provider = null;
        }

        _key.Dispose();
    }
}
