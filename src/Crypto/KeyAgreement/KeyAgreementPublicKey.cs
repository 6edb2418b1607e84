using System;
using FintechCrypto.Internal.Encodings;

namespace FintechCrypto;

/// <summary>A public key-agreement key (the other party's share).</summary>
public sealed class KeyAgreementPublicKey : PublicKey<KeyAgreementAlgorithm>
{
    private readonly KeyAgreementPublicKeyCore _core;

    internal KeyAgreementPublicKey(KeyAgreementAlgorithm algorithm, KeyAgreementPublicKeyCore core)
        : base(algorithm, algorithm.Keys, core)
    {
        _core = core;
    }

    /// <summary>The backend, for <see cref="KeyAgreementKey.Agree(KeyAgreementPublicKey, Span{byte})"/>.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    internal KeyAgreementPublicKeyCore Core
    {
        get
        {
            ThrowIfDisposed();
            return _core;
        }
    }

    /// <summary>Imports a public key.</summary>
    /// <param name="algorithm">The parameter set the key must belong to.</param>
    /// <param name="blob">The encoded key.</param>
    /// <param name="format">A public-key format.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a public-key format.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed or is not a key of <paramref name="algorithm"/>.</exception>
    public static KeyAgreementPublicKey Import(KeyAgreementAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) =>
        new(algorithm, KeyFormats.ImportPublic(algorithm?.Keys, blob, format));

}
