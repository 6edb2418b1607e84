using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading;
using FintechCrypto.Internal.Encoding;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto;

/// <summary>
/// A private signature key of one <see cref="SignatureAlgorithm"/>. The key's secrets are cleared on
/// <see cref="Dispose"/>; every member except <see cref="Algorithm"/> then throws <see cref="ObjectDisposedException"/>.
/// </summary>
/// <remarks>
/// Thread-safe. An operation that runs while another thread disposes the key either completes with the key or throws
/// <see cref="ObjectDisposedException"/>: the secrets (pinned arrays, or the OS key object) are cleared only after the
/// last running operation has finished.
/// </remarks>
/// <example>
/// <code>
/// using SigningKey key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
/// byte[] signature = key.Sign(message);
/// bool ok = key.PublicKey.Verify(message, signature);
/// </code>
/// </example>
[DebuggerDisplay("SigningKey {Algorithm.Name}")]
public sealed class SigningKey : IDisposable
{
    private readonly SigningKeyCore _core;
    private readonly KeyLifetime _lifetime; // every use of _core holds a lease on it
    private VerificationKey? _publicKey;

    private SigningKey(SignatureAlgorithm algorithm, SigningKeyCore core)
    {
        Algorithm = algorithm;
        _core = core;
        _lifetime = new KeyLifetime(FreeSecrets);
    }

    /// <summary>The parameter set of this key.</summary>
    public SignatureAlgorithm Algorithm { get; }

    /// <summary>The size in bytes of this key's signatures (for DER encodings, the largest size).</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public int SignatureSize
    {
        get
        {
            using SecretLease lease = _lifetime.Lease(this);
            return _core.SignatureSize;
        }
    }

    /// <summary>The public key. It belongs to this key and is disposed with it.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public VerificationKey PublicKey
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
    public static SigningKey Generate(SignatureAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        return new SigningKey(algorithm, algorithm.GenerateCore());
    }

    /// <summary>Imports a private key.</summary>
    /// <param name="algorithm">The parameter set the key must belong to.</param>
    /// <param name="blob">The encoded key.</param>
    /// <param name="format"><see cref="KeyBlobFormat.RawPrivateKey"/>, <see cref="KeyBlobFormat.Pkcs8PrivateKey"/> or <see cref="KeyBlobFormat.PemPkcs8PrivateKey"/>.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a private-key format.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed or is not a key of <paramref name="algorithm"/>.</exception>
    public static SigningKey Import(SignatureAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (!KeyFormats.IsPrivate(format) || (format == KeyBlobFormat.PrivateKeySeed && !algorithm.SupportsSeed))
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, algorithm.Name);
        }

        SigningKeyCore core = KeyFormats.Import(blob, format, algorithm.Name, (der, f) => algorithm.ImportPrivateCore(der, f));
        return new SigningKey(algorithm, core);
    }

    /// <summary>Signs <paramref name="data"/> into <paramref name="signature"/>.</summary>
    /// <param name="data">The message.</param>
    /// <param name="signature">The destination; at least <see cref="SignatureSize"/> bytes.</param>
    /// <param name="context">The context string, for algorithms where <see cref="SignatureAlgorithm.SupportsContext"/>; otherwise empty.</param>
    /// <param name="mode">Randomized (the default) or deterministic signing.</param>
    /// <returns>The number of bytes written (always <see cref="SignatureSize"/> except for DER encodings).</returns>
    /// <exception cref="ArgumentException"><paramref name="signature"/> is too small or overlaps <paramref name="data"/>.
    /// -or- The algorithm takes no context and <paramref name="context"/> is not empty.
    /// -or- The algorithm does not support <paramref name="mode"/>.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public int Sign(ReadOnlySpan<byte> data, Span<byte> signature, ReadOnlySpan<byte> context = default, SigningMode mode = SigningMode.Default)
    {
        using SecretLease lease = _lifetime.Lease(this);
        return SignUnderLease(data, signature, context, mode);
    }

    /// <summary>Signs <paramref name="data"/> and returns the signature.</summary>
    /// <param name="data">The message.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Sign(byte[] data) => Sign(data, SigningMode.Default);

    /// <summary>Signs <paramref name="data"/> in the given mode and returns the signature.</summary>
    /// <param name="data">The message.</param>
    /// <param name="mode">Randomized (the default) or deterministic signing.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">The algorithm does not support <paramref name="mode"/>.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Sign(byte[] data, SigningMode mode)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SignToArray(data, default, mode);
    }

    /// <summary>Signs <paramref name="data"/> under a context string and returns the signature.</summary>
    /// <remarks>The mode is required here so that <c>Sign(data, buffer)</c> never binds a destination buffer as a context.</remarks>
    /// <param name="data">The message.</param>
    /// <param name="context">The context string, for algorithms where <see cref="SignatureAlgorithm.SupportsContext"/>.</param>
    /// <param name="mode">Randomized or deterministic signing.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="context"/> is null.</exception>
    /// <exception cref="ArgumentException">The algorithm takes no context and <paramref name="context"/> is not empty, or does not support <paramref name="mode"/>.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Sign(byte[] data, byte[] context, SigningMode mode)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        return SignToArray(data, context, mode);
    }

    /// <summary>
    /// Signs a message that the caller already hashed with <paramref name="hashAlgorithm"/>: HashML-DSA (FIPS 204
    /// Algorithm 4) and HashSLH-DSA (FIPS 205 Algorithm 23). The signature differs from a pure signature of the message.
    /// </summary>
    /// <param name="hash">PH(M), exactly the output length of <paramref name="hashAlgorithm"/> (SHAKE128: 32 bytes, SHAKE256: 64).</param>
    /// <param name="hashAlgorithm">SHA224, SHA256, SHA384, SHA512, SHA512/224, SHA512/256, SHA3-224/256/384/512, SHAKE128 or SHAKE256.</param>
    /// <param name="signature">The destination; at least <see cref="SignatureSize"/> bytes.</param>
    /// <param name="context">The context string (0-255 bytes).</param>
    /// <param name="mode">Hedged (the default) or deterministic signing.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">The algorithm has no pre-hash variant, the hash is not supported or has the wrong length, a buffer is too small, or the context is too long.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public int SignPreHash(ReadOnlySpan<byte> hash, HashAlgorithmName hashAlgorithm, Span<byte> signature, ReadOnlySpan<byte> context = default, SigningMode mode = SigningMode.Default)
    {
        using SecretLease lease = _lifetime.Lease(this);
        if (!Algorithm.SupportsPreHash)
        {
            throw new ArgumentException($"{Algorithm.Name} has no pre-hash variant.", nameof(hashAlgorithm));
        }

        Algorithm.ValidateSignArguments(context, mode);
        (string oid, int length) = PreHash.Describe(hashAlgorithm, nameof(hashAlgorithm));
        if (hash.Length != length)
        {
            throw Error.Argument_Length(nameof(hash), length, hash.Length);
        }

        int size = _core.SignatureSize;
        if (signature.Length < size)
        {
            throw Error.Argument_DestinationTooSmall(nameof(signature), size, signature.Length);
        }

        if (signature.Overlaps(hash) || signature.Overlaps(context))
        {
            throw Error.Argument_Overlap(nameof(signature));
        }

        return _core.SignPreHash(hash, oid, signature, context, mode);
    }

    /// <summary>Exports the key.</summary>
    /// <param name="format">Any <see cref="KeyBlobFormat"/>; public formats export the public key.</param>
    /// <returns>The encoded key. For private formats the caller should clear it after use.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a key format.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] Export(KeyBlobFormat format)
    {
        using SecretLease lease = _lifetime.Lease(this);
        if (KeyFormats.IsPublic(format))
        {
            return PublicKeyUnderLease().Export(format);
        }

        if (!KeyFormats.IsPrivate(format) || (format == KeyBlobFormat.PrivateKeySeed && !Algorithm.SupportsSeed))
        {
            throw Error.Argument_FormatNotSupported(nameof(format), format, Algorithm.Name);
        }

        return KeyFormats.Export(format, _core.ExportPrivate);
    }

    /// <summary>Exports the key into <paramref name="destination"/>.</summary>
    /// <param name="format">Any <see cref="KeyBlobFormat"/>.</param>
    /// <param name="destination">Where to write the encoding.</param>
    /// <param name="bytesWritten">The length of the encoding, or 0 when <paramref name="destination"/> is too small.</param>
    /// <returns>False when <paramref name="destination"/> is too small (nothing is written).</returns>
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
    public override string ToString() => $"SigningKey({Algorithm.Name})";

    private byte[] SignToArray(ReadOnlySpan<byte> data, ReadOnlySpan<byte> context, SigningMode mode)
    {
        using SecretLease lease = _lifetime.Lease(this);
        byte[] buffer = new byte[_core.SignatureSize];
        int written = SignUnderLease(data, buffer, context, mode);
        return written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
    }

    // Sign's checks and signature; the caller holds a lease (a second lease would fail once Dispose was called).
    private int SignUnderLease(ReadOnlySpan<byte> data, Span<byte> signature, ReadOnlySpan<byte> context, SigningMode mode)
    {
        Algorithm.ValidateSignArguments(context, mode);
        int size = _core.SignatureSize;
        if (signature.Length < size)
        {
            throw Error.Argument_DestinationTooSmall(nameof(signature), size, signature.Length);
        }

        if (signature.Overlaps(data) || signature.Overlaps(context))
        {
            throw Error.Argument_Overlap(nameof(signature));
        }

        return _core.Sign(data, signature, context, mode);
    }

    // The public key, created once; the caller holds a lease.
    private VerificationKey PublicKeyUnderLease()
    {
        if (_publicKey is null)
        {
            var created = new VerificationKey(Algorithm, _core.CreatePublicKey());
            if (Interlocked.CompareExchange(ref _publicKey, created, null) is not null)
            {
                created.Dispose();
            }
        }

        return _publicKey;
    }

    /// <summary>
    /// The backend, for FintechCrypto.Testing's derandomized and internal-interface entry points. Used outside a lease:
    /// those callers must not dispose the key while they use the core.
    /// </summary>
    internal SigningKeyCore CoreForTesting
    {
        get
        {
            ObjectDisposedException.ThrowIf(_lifetime.IsDisposed, this);
            return _core;
        }
    }

    // Runs once, when the key is disposed and no operation holds a lease (SecretLifetime).
    private void FreeSecrets()
    {
        _publicKey?.Dispose();
        _core.Dispose();
    }
}
