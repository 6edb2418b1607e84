using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto;

/// <summary>
/// A private key-agreement key. Its secrets are cleared on <see cref="Key{TAlgorithm}.Dispose"/>; every member except
/// <see cref="Algorithm"/> then throws <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class KeyAgreementKey : Key<KeyAgreementAlgorithm>
{
    private readonly PrivateKeyState<KeyAgreementAlgorithm, KeyAgreementKeyCore, KeyAgreementPublicKey> _key; // every use of its core holds a lease

    private KeyAgreementKey(KeyAgreementAlgorithm algorithm, KeyAgreementKeyCore core)
        : base(algorithm)
    {
        _key = new(algorithm, algorithm.Keys, core, static (a, c) => new KeyAgreementPublicKey(a, c.CreatePublicKey()));
    }

    private protected override SecretKeyState State => _key;

    /// <summary>The public key. It belongs to this key and is disposed with it.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public KeyAgreementPublicKey PublicKey => _key.PublicKey(this);

    /// <summary>Generates a new key from the system's cryptographically secure random number generator.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <returns>The new key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    public static KeyAgreementKey Generate(KeyAgreementAlgorithm algorithm) => new(algorithm, KeyGeneration.Generate(algorithm?.Keys));

    /// <summary>Imports a private key.</summary>
    /// <param name="algorithm">The parameter set the key must belong to.</param>
    /// <param name="blob">The encoded key.</param>
    /// <param name="format"><see cref="KeyBlobFormat.RawPrivateKey"/>, <see cref="KeyBlobFormat.Pkcs8PrivateKey"/> or <see cref="KeyBlobFormat.PemPkcs8PrivateKey"/>.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a private-key format.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed or is not a key of <paramref name="algorithm"/>.</exception>
    public static KeyAgreementKey Import(KeyAgreementAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) =>
        new(algorithm, KeyFormats.ImportPrivate(algorithm?.Keys, blob, format));

    /// <summary>Computes the shared secret with <paramref name="peer"/> into <paramref name="sharedSecret"/>.</summary>
    /// <param name="peer">The other party's public key, of the same algorithm.</param>
    /// <param name="sharedSecret">The destination: at least <see cref="KeyAgreementAlgorithm.SharedSecretSize"/> bytes; the secret is written at its start.</param>
    /// <returns>The number of bytes written: <see cref="KeyAgreementAlgorithm.SharedSecretSize"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="peer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="peer"/> is of another algorithm, or <paramref name="sharedSecret"/> is too small.</exception>
    /// <exception cref="FintechCryptoException">The peer's key yields a forbidden shared secret (an X25519 low-order point).</exception>
    /// <exception cref="ObjectDisposedException">This key or <paramref name="peer"/> was disposed.</exception>
    public int Agree(KeyAgreementPublicKey peer, Span<byte> sharedSecret)
    {
        ArgumentNullException.ThrowIfNull(peer);
        using SecretLease lease = _key.Lease(this);
        if (!peer.Algorithm.Equals(Algorithm))
        {
            throw Error.Argument_KeyAlgorithmMismatch(nameof(peer), peer.Algorithm.Name, Algorithm.Name);
        }

        Span<byte> secret = Destination.Take(sharedSecret, Algorithm.SharedSecretSize, nameof(sharedSecret));
        _key.Core.Agree(peer.Core, secret);
        return secret.Length;
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
}
