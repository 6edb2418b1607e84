using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading;
using FintechCrypto.Internal.Encoding;

namespace FintechCrypto;

/// <summary>A public KEM key: anyone holding it can encapsulate a fresh shared secret to its owner.</summary>
[DebuggerDisplay("EncapsulationKey {Algorithm.Name}")]
public sealed class EncapsulationKey : IDisposable
{
    private readonly EncapsulationKeyCore _core;
    private int _disposed;

    internal EncapsulationKey(KemAlgorithm algorithm, EncapsulationKeyCore core)
    {
        Algorithm = algorithm;
        _core = core;
    }

    /// <summary>The parameter set of this key.</summary>
    public KemAlgorithm Algorithm { get; }

    /// <summary>Imports a public key.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <param name="blob">The encoded key.</param>
    /// <param name="format">A public-key format.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a public-key format.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed, fails the standard's input checks (FIPS 203 §7.2 modulus check), or is for another algorithm.</exception>
    public static EncapsulationKey Import(KemAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (!KeyFormats.IsPublic(format))
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, algorithm.Name);
        }

        return new EncapsulationKey(algorithm, KeyFormats.Import(blob, format, algorithm.Name, (der, f) => algorithm.ImportPublicCore(der, f)));
    }

    /// <summary>Generates a fresh shared secret and the ciphertext that carries it to the key's owner.</summary>
    /// <param name="ciphertext">Exactly <see cref="KemAlgorithm.CiphertextSize"/> bytes.</param>
    /// <param name="sharedSecret">Exactly <see cref="KemAlgorithm.SharedSecretSize"/> bytes.</param>
    /// <exception cref="ArgumentException">A length is wrong, or the buffers overlap.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public void Encapsulate(Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        ThrowIfDisposed();
        CheckOutputs(ciphertext, sharedSecret);
        Span<byte> randomness = stackalloc byte[_core.RandomnessSize];
        try
        {
            RandomNumberGenerator.Fill(randomness);
            _core.Encapsulate(randomness, ciphertext, sharedSecret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(randomness);
        }
    }

    /// <summary>Generates a fresh shared secret and returns the ciphertext. The caller should clear the secret after use.</summary>
    /// <param name="sharedSecret">The shared secret.</param>
    /// <returns>The ciphertext.</returns>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Encapsulate(out byte[] sharedSecret)
    {
        byte[] ciphertext = new byte[Algorithm.CiphertextSize];
        byte[] secret = new byte[Algorithm.SharedSecretSize];
        Encapsulate(ciphertext, secret);
        sharedSecret = secret;
        return ciphertext;
    }

    /// <summary>Exports the key.</summary>
    /// <param name="format">A public-key format.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a public-key format.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Export(KeyBlobFormat format)
    {
        ThrowIfDisposed();
        if (!KeyFormats.IsPublic(format))
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, Algorithm.Name);
        }

        return KeyFormats.Export(format, _core.ExportPublic);
    }

    /// <summary>Exports the key into <paramref name="destination"/>.</summary>
    /// <param name="format">A public-key format.</param>
    /// <param name="destination">Where to write the encoding.</param>
    /// <param name="bytesWritten">The length written, or 0.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a public-key format.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool TryExport(KeyBlobFormat format, Span<byte> destination, out int bytesWritten) =>
        KeyFormats.TryCopy(Export(format), destination, out bytesWritten);

    /// <summary>Releases the key. Calling it again has no effect.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _core.Dispose();
        }
    }

    /// <summary>Names the algorithm.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"EncapsulationKey({Algorithm.Name})";

    /// <summary>
    /// The derandomized encapsulation of the standard (ML-KEM.Encaps_internal with the given m), for known-answer
    /// tests only; reached from FintechCrypto.Testing. Never use fixed randomness in production.
    /// </summary>
    internal void EncapsulateDeterministicForTesting(ReadOnlySpan<byte> randomness, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        ThrowIfDisposed();
        CheckOutputs(ciphertext, sharedSecret);
        if (randomness.Length != _core.RandomnessSize)
        {
            throw Error.Argument_Length(nameof(randomness), _core.RandomnessSize, randomness.Length);
        }

        _core.Encapsulate(randomness, ciphertext, sharedSecret);
    }

    /// <summary>The size of the randomness of the derandomized entry point.</summary>
    internal int RandomnessSize => _core.RandomnessSize;

    private void CheckOutputs(Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        if (ciphertext.Length != Algorithm.CiphertextSize)
        {
            throw Error.Argument_Length(nameof(ciphertext), Algorithm.CiphertextSize, ciphertext.Length);
        }

        if (sharedSecret.Length != Algorithm.SharedSecretSize)
        {
            throw Error.Argument_Length(nameof(sharedSecret), Algorithm.SharedSecretSize, sharedSecret.Length);
        }

        if (sharedSecret.Overlaps(ciphertext))
        {
            throw Error.Argument_Overlap(nameof(sharedSecret));
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
