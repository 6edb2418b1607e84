using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading;
using FintechCrypto.Internal.Encoding;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto;

/// <summary>
/// A private KEM key. Its secrets are cleared on <see cref="Dispose"/>; every member except <see cref="Algorithm"/>
/// then throws <see cref="ObjectDisposedException"/>. Decapsulation of a well-formed but wrong ciphertext does not
/// fail: ML-KEM returns the implicit-rejection secret (FIPS 203 Algorithm 18), which the peer cannot know.
/// </summary>
/// <remarks>
/// Thread-safe. An operation that runs while another thread disposes the key either completes with the key or throws
/// <see cref="ObjectDisposedException"/>: the secrets are cleared only after the last running operation has finished.
/// </remarks>
[DebuggerDisplay("DecapsulationKey {Algorithm.Name}")]
public sealed class DecapsulationKey : IDisposable
{
    private readonly DecapsulationKeyCore _core;
    private readonly KeyLifetime _lifetime; // every use of _core holds a lease on it
    private EncapsulationKey? _encapsulationKey;

    private DecapsulationKey(KemAlgorithm algorithm, DecapsulationKeyCore core)
    {
        Algorithm = algorithm;
        _core = core;
        _lifetime = new KeyLifetime(FreeSecrets);
    }

    /// <summary>The parameter set of this key.</summary>
    public KemAlgorithm Algorithm { get; }

    /// <summary>The encapsulation (public) key. It belongs to this key and is disposed with it.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public EncapsulationKey EncapsulationKey
    {
        get
        {
            using SecretLease lease = _lifetime.Lease(this);
            return EncapsulationKeyUnderLease();
        }
    }

    /// <summary>Generates a key from a fresh random seed.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    public static DecapsulationKey Generate(KemAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        Span<byte> seed = stackalloc byte[algorithm.SeedSize];
        try
        {
            RandomNumberGenerator.Fill(seed);
            return new DecapsulationKey(algorithm, algorithm.GenerateCore(seed));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Imports a private key.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <param name="blob">The encoded key.</param>
    /// <param name="format"><see cref="KeyBlobFormat.PrivateKeySeed"/> (generates the key from the seed), <see cref="KeyBlobFormat.RawPrivateKey"/> (the standard's expanded encoding), <see cref="KeyBlobFormat.Pkcs8PrivateKey"/> or <see cref="KeyBlobFormat.PemPkcs8PrivateKey"/>.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a private-key format.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed, fails the standard's input checks (FIPS 203 §7.3), or is for another algorithm.</exception>
    public static DecapsulationKey Import(KemAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (!KeyFormats.IsPrivate(format))
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, algorithm.Name);
        }

        return new DecapsulationKey(algorithm, KeyFormats.Import(blob, format, algorithm.Name, (der, f) => algorithm.ImportPrivateCore(der, f)));
    }

    /// <summary>Recovers the shared secret from <paramref name="ciphertext"/>.</summary>
    /// <param name="ciphertext">Exactly <see cref="KemAlgorithm.CiphertextSize"/> bytes.</param>
    /// <param name="sharedSecret">Exactly <see cref="KemAlgorithm.SharedSecretSize"/> bytes.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public void Decapsulate(ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret)
    {
        using SecretLease lease = _lifetime.Lease(this);
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

        _core.Decapsulate(ciphertext, sharedSecret);
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

    /// <summary>Exports the key.</summary>
    /// <param name="format">Any <see cref="KeyBlobFormat"/>; public formats export the encapsulation key.</param>
    /// <returns>The encoding; for private formats the caller should clear it after use.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not supported (for example the seed of a key imported without one).</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Export(KeyBlobFormat format)
    {
        using SecretLease lease = _lifetime.Lease(this);
        if (KeyFormats.IsPublic(format))
        {
            return EncapsulationKeyUnderLease().Export(format);
        }

        if (!KeyFormats.IsPrivate(format))
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, Algorithm.Name);
        }

        return KeyFormats.Export(format, _core.ExportPrivate);
    }

    /// <summary>Exports the key into <paramref name="destination"/>.</summary>
    /// <param name="format">Any <see cref="KeyBlobFormat"/>.</param>
    /// <param name="destination">Where to write the encoding.</param>
    /// <param name="bytesWritten">The length written, or 0.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not supported.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool TryExport(KeyBlobFormat format, Span<byte> destination, out int bytesWritten) =>
        KeyFormats.TryCopy(Export(format), destination, out bytesWritten);

    /// <summary>
    /// Clears the key's secrets: at once when no operation is running, otherwise when the last running one finishes;
    /// no new operation starts. Calling it again has no effect.
    /// </summary>
    public void Dispose() => _lifetime.Dispose();

    /// <summary>Names the algorithm only; never key material.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"DecapsulationKey({Algorithm.Name})";

    /// <summary>Generates a key from a given seed (the derandomized key generation of the standard).</summary>
    internal static DecapsulationKey GenerateFromSeed(KemAlgorithm algorithm, ReadOnlySpan<byte> seed)
    {
        if (seed.Length != algorithm.SeedSize)
        {
            throw Error.Argument_Length(nameof(seed), algorithm.SeedSize, seed.Length);
        }

        return new DecapsulationKey(algorithm, algorithm.GenerateCore(seed));
    }

    // The public half, created once; the caller holds a lease (a second lease would fail once Dispose was called).
    private EncapsulationKey EncapsulationKeyUnderLease()
    {
        if (_encapsulationKey is null)
        {
            var created = new EncapsulationKey(Algorithm, _core.CreateEncapsulationKey());
            if (Interlocked.CompareExchange(ref _encapsulationKey, created, null) is not null)
            {
                created.Dispose();
            }
        }

        return _encapsulationKey;
    }

    // Runs once, when the key is disposed and no operation holds a lease (SecretLifetime).
    private void FreeSecrets()
    {
        _encapsulationKey?.Dispose();
        _core.Dispose();
    }
}
