using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading;
using FintechCrypto.Internal.Encoding;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto;

/// <summary>
/// A private key-agreement key. Its secrets are cleared on <see cref="Dispose"/>; every member except
/// <see cref="Algorithm"/> then throws <see cref="ObjectDisposedException"/>.
/// </summary>
/// <remarks>
/// Thread-safe. An operation that runs while another thread disposes the key either completes with the key or throws
/// <see cref="ObjectDisposedException"/>: the secrets are cleared only after the last running operation has finished.
/// </remarks>
[DebuggerDisplay("KeyAgreementKey {Algorithm.Name}")]
public sealed class KeyAgreementKey : IDisposable
{
    private readonly KeyAgreementKeyCore _core;
    private readonly KeyLifetime _lifetime; // every use of _core holds a lease on it
    private KeyAgreementPublicKey? _publicKey;

    private KeyAgreementKey(KeyAgreementAlgorithm algorithm, KeyAgreementKeyCore core)
    {
        Algorithm = algorithm;
        _core = core;
        _lifetime = new KeyLifetime(FreeSecrets);
    }

    /// <summary>The parameter set of this key.</summary>
    public KeyAgreementAlgorithm Algorithm { get; }

    /// <summary>The public key. It belongs to this key and is disposed with it.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public KeyAgreementPublicKey PublicKey
    {
        get
        {
            using SecretLease lease = _lifetime.Lease(this);
            return PublicKeyUnderLease();
        }
    }

    /// <summary>Generates a new key from the system's cryptographically secure random number generator.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <returns>The new key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    public static KeyAgreementKey Generate(KeyAgreementAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        return new KeyAgreementKey(algorithm, algorithm.GenerateCore());
    }

    /// <summary>Imports a private key.</summary>
    /// <param name="algorithm">The parameter set the key must belong to.</param>
    /// <param name="blob">The encoded key.</param>
    /// <param name="format">A private-key format.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a private-key format.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed or is not a key of <paramref name="algorithm"/>.</exception>
    public static KeyAgreementKey Import(KeyAgreementAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (!KeyFormats.IsPrivate(format) || format == KeyBlobFormat.PrivateKeySeed)
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, algorithm.Name);
        }

        return new KeyAgreementKey(algorithm, KeyFormats.Import(blob, format, algorithm.Name, (der, f) => algorithm.ImportPrivateCore(der, f)));
    }

    /// <summary>Computes the shared secret with <paramref name="peer"/> into <paramref name="sharedSecret"/>.</summary>
    /// <param name="peer">The other party's public key, of the same algorithm.</param>
    /// <param name="sharedSecret">The destination, exactly <see cref="KeyAgreementAlgorithm.SharedSecretSize"/> bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="peer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="peer"/> is of another algorithm, or <paramref name="sharedSecret"/> has the wrong length.</exception>
    /// <exception cref="FintechCryptoException">The peer's key yields a forbidden shared secret (an X25519 low-order point).</exception>
    /// <exception cref="ObjectDisposedException">This key or <paramref name="peer"/> was disposed.</exception>
    public void Agree(KeyAgreementPublicKey peer, Span<byte> sharedSecret)
    {
        ArgumentNullException.ThrowIfNull(peer);
        using SecretLease lease = _lifetime.Lease(this);
        if (!peer.Algorithm.Equals(Algorithm))
        {
            throw Error.Argument_KeyAlgorithmMismatch(nameof(peer), peer.Algorithm.Name, Algorithm.Name);
        }

        if (sharedSecret.Length != Algorithm.SharedSecretSize)
        {
            throw Error.Argument_Length(nameof(sharedSecret), Algorithm.SharedSecretSize, sharedSecret.Length);
        }

        _core.Agree(peer.Core, sharedSecret);
    }

    /// <summary>Computes the shared secret with <paramref name="peer"/>. The caller should clear the result after use.</summary>
    /// <param name="peer">The other party's public key.</param>
    /// <returns>The shared secret.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="peer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="peer"/> is of another algorithm.</exception>
    /// <exception cref="FintechCryptoException">The peer's key yields a forbidden shared secret.</exception>
    /// <exception cref="ObjectDisposedException">This key or <paramref name="peer"/> was disposed.</exception>
    public byte[] Agree(KeyAgreementPublicKey peer)
    {
        byte[] secret = new byte[Algorithm.SharedSecretSize];
        try
        {
            Agree(peer, secret);
            return secret;
        }
        catch
        {
            CryptographicOperations.ZeroMemory(secret);
            throw;
        }
    }

    /// <summary>Exports the key.</summary>
    /// <param name="format">Any <see cref="KeyBlobFormat"/>; public formats export the public key.</param>
    /// <returns>The encoding; for private formats the caller should clear it after use.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a key format.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Export(KeyBlobFormat format)
    {
        using SecretLease lease = _lifetime.Lease(this);
        if (KeyFormats.IsPublic(format))
        {
            return PublicKeyUnderLease().Export(format);
        }

        if (!KeyFormats.IsPrivate(format) || format == KeyBlobFormat.PrivateKeySeed)
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
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a key format.</exception>
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
    public override string ToString() => $"KeyAgreementKey({Algorithm.Name})";

    // The public half, created once; the caller holds a lease (a second lease would fail once Dispose was called).
    private KeyAgreementPublicKey PublicKeyUnderLease()
    {
        if (_publicKey is null)
        {
            var created = new KeyAgreementPublicKey(Algorithm, _core.CreatePublicKey());
            if (Interlocked.CompareExchange(ref _publicKey, created, null) is not null)
            {
                created.Dispose();
            }
        }

        return _publicKey;
    }

    // Runs once, when the key is disposed and no operation holds a lease (SecretLifetime).
    private void FreeSecrets()
    {
        _publicKey?.Dispose();
        _core.Dispose();
    }
}
