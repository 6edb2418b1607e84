using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using FintechCrypto.Internal.Memory;

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
    private readonly AeadCore _core;
    private readonly KeyLifetime _lifetime; // every use of _core holds a lease on it

    private AeadKey(AeadAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        Algorithm = algorithm;
        _core = AeadCore.Create(algorithm, key);
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
    public static AeadKey Import(AeadAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format)
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
    public byte[] Export(KeyBlobFormat format)
    {
        using SecretLease lease = _lifetime.Lease(this);
        if (format != KeyBlobFormat.RawPrivateKey)
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, Algorithm.Name);
        }

        return _core.ExportKey();
    }

    /// <summary>Encrypts and authenticates <paramref name="plaintext"/> and <paramref name="associatedData"/>.</summary>
    /// <param name="nonce">Exactly <see cref="AeadAlgorithm.NonceSize"/> bytes, never repeated under this key.</param>
    /// <param name="plaintext">The message.</param>
    /// <param name="associatedData">Data authenticated but not encrypted (may be empty).</param>
    /// <param name="ciphertext">The destination: at least plaintext length + <see cref="AeadAlgorithm.TagSize"/> bytes; ciphertext ‖ tag is written at its start.</param>
    /// <returns>The number of bytes written: plaintext length + <see cref="AeadAlgorithm.TagSize"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="nonce"/> has the wrong length, <paramref name="ciphertext"/> is too small, or the bytes written overlap an input in a way other than exactly aliasing <paramref name="plaintext"/>.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public int Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext)
    {
        using SecretLease lease = _lifetime.Lease(this);
        CheckNonce(nonce);
        int length = plaintext.Length + Algorithm.TagSize;
        if (ciphertext.Length < length)
        {
            throw Error.Argument_DestinationTooSmall(nameof(ciphertext), length, ciphertext.Length);
        }

        Span<byte> output = ciphertext[..length];
        if (output.Overlaps(nonce) || output.Overlaps(associatedData) || (output.Overlaps(plaintext, out int offset) && offset != 0))
        {
            throw Error.Argument_Overlap(nameof(ciphertext));
        }

        _core.Encrypt(nonce, plaintext, associatedData, output);
        return length;
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

    /// <summary>
    /// Checks the tag and decrypts. Fails one way: false, with <paramref name="plaintext"/> cleared, when the tag is
    /// invalid or the ciphertext is shorter than a tag.
    /// </summary>
    /// <param name="nonce">Exactly <see cref="AeadAlgorithm.NonceSize"/> bytes.</param>
    /// <param name="ciphertext">Ciphertext ‖ tag.</param>
    /// <param name="associatedData">The authenticated data given to Encrypt.</param>
    /// <param name="plaintext">The destination: at least ciphertext length − <see cref="AeadAlgorithm.TagSize"/> bytes; the plaintext is written at its start.</param>
    /// <param name="bytesWritten">The length of the plaintext, or 0 when authentication fails.</param>
    /// <returns>True when the tag is valid; false when it is not or the ciphertext is shorter than a tag.</returns>
    /// <exception cref="ArgumentException"><paramref name="nonce"/> has the wrong length, <paramref name="plaintext"/> is too small, or buffers overlap.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> associatedData, Span<byte> plaintext, out int bytesWritten)
    {
        using SecretLease lease = _lifetime.Lease(this);
        CheckNonce(nonce);
        bytesWritten = 0;
        int length = ciphertext.Length - Algorithm.TagSize;
        if (length < 0)
        {
            plaintext.Clear();
            return false;
        }

        if (plaintext.Length < length)
        {
            throw Error.Argument_DestinationTooSmall(nameof(plaintext), length, plaintext.Length);
        }

        Span<byte> output = plaintext[..length];
        if (output.Overlaps(nonce) || output.Overlaps(associatedData) || (output.Overlaps(ciphertext, out int offset) && offset != 0))
        {
            throw Error.Argument_Overlap(nameof(plaintext));
        }

        if (!_core.Decrypt(nonce, ciphertext, associatedData, output))
        {
            plaintext.Clear();
            return false;
        }

        bytesWritten = length;
        return true;
    }

    /// <summary>Checks the tag and decrypts into a new array. Fails one way: false and null when authentication fails.</summary>
    /// <param name="nonce">Exactly <see cref="AeadAlgorithm.NonceSize"/> bytes.</param>
    /// <param name="ciphertext">Ciphertext ‖ tag.</param>
    /// <param name="associatedData">The authenticated data given to Encrypt, or null.</param>
    /// <param name="plaintext">The plaintext, or null when authentication fails.</param>
    /// <returns>True when the tag is valid; false when it is not or the ciphertext is shorter than a tag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nonce"/> or <paramref name="ciphertext"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="nonce"/> has the wrong length.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool TryDecrypt(byte[] nonce, byte[] ciphertext, byte[]? associatedData, [NotNullWhen(true)] out byte[]? plaintext)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(ciphertext);
        byte[] buffer = new byte[Math.Max(0, ciphertext.Length - Algorithm.TagSize)];
        plaintext = TryDecrypt(nonce, ciphertext, associatedData, buffer, out _) ? buffer : null;
        return plaintext is not null;
    }

    /// <summary>
    /// Clears the key: at once when no operation is running, otherwise when the last running one finishes; no new
    /// operation starts. Calling it again has no effect.
    /// </summary>
    public void Dispose() => _lifetime.Dispose();

    /// <summary>Names the algorithm only; never key material.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"AeadKey({Algorithm.Name})";

    private void CheckNonce(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != Algorithm.NonceSize)
        {
            throw Error.Argument_Length(nameof(nonce), Algorithm.NonceSize, nonce.Length);
        }
    }

    // Runs once, when the key is disposed and no operation holds a lease (SecretLifetime).
    private void FreeKey() => _core.Dispose();
}
