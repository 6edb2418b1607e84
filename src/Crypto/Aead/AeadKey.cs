using System;
using System.Diagnostics.CodeAnalysis;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto;

/// <summary>
/// A symmetric key of one <see cref="AeadAlgorithm"/>, held in pinned memory and cleared on <see cref="Key{TAlgorithm}.Dispose"/>.
/// Ciphertexts are ciphertext ‖ tag. A nonce must never repeat under one key. Its only format is
/// <see cref="KeyBlobFormat.RawPrivateKey"/>.
/// </summary>
public sealed class AeadKey : Key<AeadAlgorithm>
{
    private readonly SecretKeyState<AeadCore> _key; // every use of its core holds a lease

    private AeadKey(AeadAlgorithm algorithm, AeadCore core)
        : base(algorithm)
    {
        _key = new(algorithm, core);
    }

    private protected override SecretKeyState State => _key;

    /// <summary>Generates a new random key.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    public static AeadKey Generate(AeadAlgorithm algorithm) => new(algorithm, KeyGeneration.Generate(algorithm?.Keys));

    /// <summary>Imports a key from its raw bytes.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <param name="blob">The key bytes, exactly <see cref="AeadAlgorithm.KeySize"/> long.</param>
    /// <param name="format"><see cref="KeyBlobFormat.RawPrivateKey"/>, the only format of AEAD keys.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not RawPrivateKey.</exception>
    /// <exception cref="InvalidKeyEncodingException"><paramref name="blob"/> has the wrong length.</exception>
    public static AeadKey Import(AeadAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) =>
        new(algorithm, KeyFormats.ImportPrivate(algorithm?.Keys, blob, format));

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
        using SecretLease lease = _key.Lease(this);
        CheckNonce(nonce);
        Span<byte> output = Destination.Take(ciphertext, plaintext.Length + Algorithm.TagSize, nameof(ciphertext));
        CheckOverlap(output, nonce, associatedData, plaintext, nameof(ciphertext));
        _key.Core.Encrypt(nonce, plaintext, associatedData, output);
        return output.Length;
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
        using SecretLease lease = _key.Lease(this);
        CheckNonce(nonce);
        bytesWritten = 0;
        int length = ciphertext.Length - Algorithm.TagSize;
        if (length < 0)
        {
            plaintext.Clear();
            return false;
        }

        Span<byte> output = Destination.Take(plaintext, length, nameof(plaintext));
        CheckOverlap(output, nonce, associatedData, ciphertext, nameof(plaintext));
        if (!_key.Core.Decrypt(nonce, ciphertext, associatedData, output))
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

    // The output may alias the input exactly (in-place operation) and overlaps nothing else.
    private static void CheckOverlap(Span<byte> output, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> input, string paramName)
    {
        if (output.Overlaps(nonce) || output.Overlaps(associatedData) || (output.Overlaps(input, out int offset) && offset != 0))
        {
            throw Error.Argument_Overlap(paramName);
        }
    }

    private void CheckNonce(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != Algorithm.NonceSize)
        {
            throw Error.Argument_Length(nameof(nonce), Algorithm.NonceSize, nonce.Length);
        }
    }
}
