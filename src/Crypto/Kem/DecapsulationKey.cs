using System;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto;

/// <summary>
/// A private KEM key. Its secrets are cleared on <see cref="Key{TAlgorithm}.Dispose"/>; every member except <see cref="Key{TAlgorithm}.Algorithm"/>
/// then throws <see cref="ObjectDisposedException"/>. Decapsulation of a well-formed but wrong ciphertext does not
/// fail: ML-KEM returns the implicit-rejection secret (FIPS 203 Algorithm 18), which the peer cannot know.
/// </summary>
public sealed class DecapsulationKey : Key<KemAlgorithm>
{
    private readonly PrivateKeyState<KemAlgorithm, DecapsulationKeyCore, EncapsulationKey> _key; // every use of its core holds a lease

    private DecapsulationKey(KemAlgorithm algorithm, DecapsulationKeyCore core)
        : base(algorithm)
    {
        _key = new(algorithm, algorithm.Keys, core, static (a, c) => new EncapsulationKey(a, c.CreatePublicKey()));
    }

    private protected override SecretKeyState State => _key;

    /// <summary>The encapsulation (public) key. It belongs to this key and is disposed with it.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public EncapsulationKey EncapsulationKey => _key.PublicKey(this);

    /// <summary>Generates a key from a fresh random seed.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    public static DecapsulationKey Generate(KemAlgorithm algorithm) => new(algorithm, KeyGeneration.Generate(algorithm?.Keys));

    /// <summary>Imports a private key.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <param name="blob">The encoded key.</param>
    /// <param name="format"><see cref="KeyBlobFormat.PrivateKeySeed"/> (generates the key from the seed), <see cref="KeyBlobFormat.RawPrivateKey"/> (the standard's expanded encoding), <see cref="KeyBlobFormat.Pkcs8PrivateKey"/> or <see cref="KeyBlobFormat.PemPkcs8PrivateKey"/>.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a private-key format.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed, fails the standard's input checks (FIPS 203 §7.3), or is for another algorithm.</exception>
    public static DecapsulationKey Import(KemAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) =>
        new(algorithm, KeyFormats.ImportPrivate(algorithm?.Keys, blob, format));

    /// <summary>Recovers the shared secret from <paramref name="ciphertext"/>.</summary>
    /// <param name="ciphertext">Exactly <see cref="KemAlgorithm.CiphertextSize"/> bytes.</param>
    /// <param name="sharedSecret">The destination: at least <see cref="KemAlgorithm.SharedSecretSize"/> bytes; the secret is written at its start.</param>
    /// <returns>The number of bytes written: <see cref="KemAlgorithm.SharedSecretSize"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="ciphertext"/> has the wrong length, <paramref name="sharedSecret"/> is too small, or they overlap.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public int Decapsulate(ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret)
    {
        using SecretLease lease = _key.Lease(this);
        if (ciphertext.Length != Algorithm.CiphertextSize)
        {
            throw Error.Argument_Length(nameof(ciphertext), Algorithm.CiphertextSize, ciphertext.Length);
        }

        Span<byte> secret = Destination.Take(sharedSecret, Algorithm.SharedSecretSize, nameof(sharedSecret));
        if (secret.Overlaps(ciphertext))
        {
            throw Error.Argument_Overlap(nameof(sharedSecret));
        }

        _key.Core.Decapsulate(ciphertext, secret);
        return secret.Length;
    }

    /// <summary>Recovers the shared secret. The caller should clear it after use.</summary>
    /// <param name="ciphertext">Exactly <see cref="KemAlgorithm.CiphertextSize"/> bytes.</param>
    /// <returns>The shared secret.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ciphertext"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ciphertext"/> has the wrong length.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Decapsulate(byte[] ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        byte[] sharedSecret = new byte[Algorithm.SharedSecretSize];
        Decapsulate(ciphertext, sharedSecret);
        return sharedSecret;
    }
}
