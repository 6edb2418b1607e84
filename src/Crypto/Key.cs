using System;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto;

/// <summary>
/// A key holding secret material: <see cref="SigningKey"/>, <see cref="DecapsulationKey"/>, <see cref="KeyAgreementKey"/>,
/// <see cref="AeadKey"/>. Its secrets are kept in pinned memory or OS objects and cleared on <see cref="Dispose"/>; every
/// member except <see cref="Algorithm"/> and <see cref="ToString"/> then throws <see cref="ObjectDisposedException"/>.
/// </summary>
/// <remarks>
/// Thread-safe. An operation that runs while another thread disposes the key either completes with the key or throws
/// <see cref="ObjectDisposedException"/>: the secrets are cleared only after the last running operation has finished.
/// The hierarchy is closed (NSec's <c>Key</c>): only FintechCrypto derives from this type.
/// </remarks>
/// <typeparam name="TAlgorithm">The family's algorithm type.</typeparam>
public abstract class Key<TAlgorithm> : IDisposable
    where TAlgorithm : Algorithm
{
    private protected Key(TAlgorithm algorithm)
    {
        Algorithm = algorithm;
    }

    /// <summary>The parameter set of this key.</summary>
    public TAlgorithm Algorithm { get; }

    /// <summary>The key's lifecycle (Internal/Keys): the lease count, the backend, export and disposal.</summary>
    private protected abstract SecretKeyState State { get; }

    /// <summary>Exports the key.</summary>
    /// <param name="format">A format of the algorithm: a private format, or a public one (which exports the public key).</param>
    /// <returns>The encoding. For private formats the caller should clear it after use.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a format of the algorithm, or is the seed of a key imported without one.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Export(KeyBlobFormat format) => State.Export(this, format);

    /// <summary>Exports the key into <paramref name="destination"/>.</summary>
    /// <param name="format">A format of the algorithm.</param>
    /// <param name="destination">Where to write the encoding, from its start.</param>
    /// <param name="bytesWritten">The length of the encoding, or 0 when <paramref name="destination"/> is too small.</param>
    /// <returns>False when <paramref name="destination"/> is too small (nothing is written).</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a format of the algorithm.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool TryExport(KeyBlobFormat format, Span<byte> destination, out int bytesWritten) =>
        KeyFormats.TryCopy(Export(format), destination, out bytesWritten);

    /// <summary>
    /// Clears the key's secrets: at once when no operation is running, otherwise when the last running one finishes;
    /// no new operation starts. Calling it again has no effect.
    /// </summary>
    public void Dispose() => State.Dispose();

    /// <summary>Names the key type and the algorithm only; never key material.</summary>
    /// <returns>For example <c>SigningKey(Ed25519)</c>.</returns>
    public sealed override string ToString() => $"{GetType().Name}({Algorithm.Name})";
}
