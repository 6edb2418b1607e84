using System;
using System.Threading;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto;

/// <summary>
/// A public key: <see cref="VerificationKey"/>, <see cref="EncapsulationKey"/>, <see cref="KeyAgreementPublicKey"/>.
/// It holds no secret; after <see cref="Dispose"/> (which frees OS objects) every member except <see cref="Algorithm"/>
/// and <see cref="ToString"/> throws <see cref="ObjectDisposedException"/>.
/// </summary>
/// <remarks>The hierarchy is closed (NSec's <c>PublicKey</c>): only FintechCrypto derives from this type.</remarks>
/// <typeparam name="TAlgorithm">The family's algorithm type.</typeparam>
public abstract class PublicKey<TAlgorithm> : IDisposable
    where TAlgorithm : Algorithm
{
    private readonly IKeyAlgorithm _keyAlgorithm;
    private readonly PublicKeyCore _core;
    private int _disposed;

    private protected PublicKey(TAlgorithm algorithm, IKeyAlgorithm keyAlgorithm, PublicKeyCore core)
    {
        Algorithm = algorithm;
        _keyAlgorithm = keyAlgorithm;
        _core = core;
    }

    /// <summary>The parameter set of this key.</summary>
    public TAlgorithm Algorithm { get; }

    /// <summary>Exports the key.</summary>
    /// <param name="format"><see cref="KeyBlobFormat.RawPublicKey"/>, <see cref="KeyBlobFormat.SubjectPublicKeyInfo"/> or <see cref="KeyBlobFormat.PemSubjectPublicKeyInfo"/>.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a public-key format.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Export(KeyBlobFormat format)
    {
        ThrowIfDisposed();
        return KeyFormats.ExportPublic(_keyAlgorithm, _core, format);
    }

    /// <summary>Exports the key into <paramref name="destination"/>.</summary>
    /// <param name="format">A public-key format.</param>
    /// <param name="destination">Where to write the encoding, from its start.</param>
    /// <param name="bytesWritten">The length of the encoding, or 0 when <paramref name="destination"/> is too small.</param>
    /// <returns>False when <paramref name="destination"/> is too small (nothing is written).</returns>
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

    /// <summary>Names the key type and the algorithm.</summary>
    /// <returns>For example <c>VerificationKey(Ed25519)</c>.</returns>
    public sealed override string ToString() => $"{GetType().Name}({Algorithm.Name})";

    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    private protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
