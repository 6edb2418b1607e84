using System;
using System.Diagnostics;
using System.Threading;
using FintechCrypto.Internal.Encoding;

namespace FintechCrypto;

/// <summary>A public key-agreement key (the other party's share).</summary>
[DebuggerDisplay("KeyAgreementPublicKey {Algorithm.Name}")]
public sealed class KeyAgreementPublicKey : IDisposable
{
    private readonly KeyAgreementPublicKeyCore _core;
    private int _disposed;

    internal KeyAgreementPublicKey(KeyAgreementAlgorithm algorithm, KeyAgreementPublicKeyCore core)
    {
        Algorithm = algorithm;
        _core = core;
    }

    /// <summary>The parameter set of this key.</summary>
    public KeyAgreementAlgorithm Algorithm { get; }

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
    public static KeyAgreementPublicKey Import(KeyAgreementAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (!KeyFormats.IsPublic(format))
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, algorithm.Name);
        }

        return new KeyAgreementPublicKey(algorithm, KeyFormats.Import(blob, format, algorithm.Name, (der, f) => algorithm.ImportPublicCore(der, f)));
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
    public override string ToString() => $"KeyAgreementPublicKey({Algorithm.Name})";

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
