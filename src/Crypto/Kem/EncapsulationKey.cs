using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto;

/// <summary>A public KEM key: anyone holding it can encapsulate a fresh shared secret to its owner.</summary>
public sealed class EncapsulationKey : PublicKey<KemAlgorithm>
{
    private readonly EncapsulationKeyCore _core;

    internal EncapsulationKey(KemAlgorithm algorithm, EncapsulationKeyCore core)
        : base(algorithm, algorithm.Keys, core)
    {
        _core = core;
    }

    /// <summary>The size of the randomness of the derandomized entry point.</summary>
    internal int RandomnessSize
    {
        get
        {
            ThrowIfDisposed();
            return _core.RandomnessSize;
        }
    }

    /// <summary>Imports a public key.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <param name="blob">The encoded key.</param>
    /// <param name="format">A public-key format.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a public-key format.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed, fails the standard's input checks (FIPS 203 §7.2 modulus check), or is for another algorithm.</exception>
    public static EncapsulationKey Import(KemAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) =>
        new(algorithm, KeyFormats.ImportPublic(algorithm?.Keys, blob, format));

    /// <summary>Generates a fresh shared secret and the ciphertext that carries it to the key's owner.</summary>
    /// <param name="ciphertext">The destination of the ciphertext: at least <see cref="KemAlgorithm.CiphertextSize"/> bytes, written from its start.</param>
    /// <param name="sharedSecret">The destination of the secret: at least <see cref="KemAlgorithm.SharedSecretSize"/> bytes, written from its start.</param>
    /// <returns>The number of ciphertext bytes written: <see cref="KemAlgorithm.CiphertextSize"/> (the secret is always <see cref="KemAlgorithm.SharedSecretSize"/> bytes).</returns>
    /// <exception cref="ArgumentException">A destination is too small, or the two overlap.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public int Encapsulate(Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        ThrowIfDisposed();
        TakeOutputs(ciphertext, sharedSecret, out Span<byte> ct, out Span<byte> secret);
        Span<byte> randomness = stackalloc byte[_core.RandomnessSize];
        try
        {
            RandomNumberGenerator.Fill(randomness);
            _core.Encapsulate(randomness, ct, secret);
            return ct.Length;
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

    /// <summary>
    /// The derandomized encapsulation of the standard (ML-KEM.Encaps_internal with the given m), for known-answer
    /// tests only; reached from FintechCrypto.Testing. Never use fixed randomness in production.
    /// </summary>
    internal void EncapsulateDeterministicForTesting(ReadOnlySpan<byte> randomness, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        ThrowIfDisposed();
        TakeOutputs(ciphertext, sharedSecret, out Span<byte> ct, out Span<byte> secret);
        if (randomness.Length != _core.RandomnessSize)
        {
            throw Error.Argument_Length(nameof(randomness), _core.RandomnessSize, randomness.Length);
        }

        _core.Encapsulate(randomness, ct, secret);
    }

    // The parts of the destinations written: the ciphertext and the secret, which must not overlap.
    private void TakeOutputs(Span<byte> ciphertext, Span<byte> sharedSecret, out Span<byte> ct, out Span<byte> secret)
    {
        ct = Destination.Take(ciphertext, Algorithm.CiphertextSize, nameof(ciphertext));
        secret = Destination.Take(sharedSecret, Algorithm.SharedSecretSize, nameof(sharedSecret));
        if (secret.Overlaps(ct))
        {
            throw Error.Argument_Overlap(nameof(sharedSecret));
        }
    }
}
