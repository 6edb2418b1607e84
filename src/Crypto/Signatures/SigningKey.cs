using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto;

/// <summary>
/// A private signature key of one <see cref="SignatureAlgorithm"/>. The key's secrets are cleared on
/// <see cref="Key{TAlgorithm}.Dispose"/>; every member except <see cref="Key{TAlgorithm}.Algorithm"/> then throws <see cref="ObjectDisposedException"/>.
/// </summary>
/// <example>
/// <code>
/// using SigningKey key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
/// byte[] signature = key.Sign(message);
/// bool ok = key.PublicKey.Verify(message, signature);
/// </code>
/// </example>
public sealed class SigningKey : Key<SignatureAlgorithm>
{
    private readonly PrivateKeyState<SignatureAlgorithm, SigningKeyCore, VerificationKey> _key; // every use of its core holds a lease

    private SigningKey(SignatureAlgorithm algorithm, SigningKeyCore core)
        : base(algorithm)
    {
        _key = new(algorithm, algorithm.Keys, core, static (a, c) => new VerificationKey(a, c.CreatePublicKey()));
    }

    private protected override SecretKeyState State => _key;

    /// <summary>The size in bytes of this key's signatures (for DER encodings, the largest size).</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public int SignatureSize
    {
        get
        {
            using SecretLease lease = _key.Lease(this);
            return _key.Core.SignatureSize;
        }
    }

    /// <summary>The public key. It belongs to this key and is disposed with it.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public VerificationKey PublicKey => _key.PublicKey(this);

    /// <summary>Generates a new key from the system's cryptographically secure random number generator.</summary>
    /// <param name="algorithm">The parameter set.</param>
    /// <returns>The new key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    public static SigningKey Generate(SignatureAlgorithm algorithm) => new(algorithm, KeyGeneration.Generate(algorithm?.Keys));

    /// <summary>Imports a private key.</summary>
    /// <param name="algorithm">The parameter set the key must belong to.</param>
    /// <param name="blob">The encoded key.</param>
    /// <param name="format"><see cref="KeyBlobFormat.RawPrivateKey"/>, <see cref="KeyBlobFormat.Pkcs8PrivateKey"/>, <see cref="KeyBlobFormat.PemPkcs8PrivateKey"/>, or <see cref="KeyBlobFormat.PrivateKeySeed"/> where <see cref="SignatureAlgorithm.SupportsSeed"/>.</param>
    /// <returns>The key; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a private-key format of the algorithm.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed or is not a key of <paramref name="algorithm"/>.</exception>
    public static SigningKey Import(SignatureAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) =>
        new(algorithm, KeyFormats.ImportPrivate(algorithm?.Keys, blob, format));

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
        using SecretLease lease = _key.Lease(this);
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
        using SecretLease lease = _key.Lease(this);
        string oid = Algorithm.ValidatePreHashArguments(hash, hashAlgorithm, context, mode);
        CheckSignatureDestination(signature, hash, context);
        return _key.Core.SignPreHash(hash, oid, signature, context, mode);
    }

    /// <summary>
    /// The backend, for FintechCrypto.Testing's derandomized and internal-interface entry points. Used outside a lease:
    /// those callers must not dispose the key while they use the core.
    /// </summary>
    internal SigningKeyCore CoreForTesting => _key.CoreForTesting(this);

    private byte[] SignToArray(ReadOnlySpan<byte> data, ReadOnlySpan<byte> context, SigningMode mode)
    {
        using SecretLease lease = _key.Lease(this);
        byte[] buffer = new byte[_key.Core.SignatureSize];
        int written = SignUnderLease(data, buffer, context, mode);
        return written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
    }

    // Sign's checks and signature; the caller holds a lease (a second lease would fail once Dispose was called).
    private int SignUnderLease(ReadOnlySpan<byte> data, Span<byte> signature, ReadOnlySpan<byte> context, SigningMode mode)
    {
        Algorithm.ValidateSignArguments(context, mode);
        CheckSignatureDestination(signature, data, context);
        return _key.Core.Sign(data, signature, context, mode);
    }

    // The destination holds at least one signature and overlaps no input; the caller holds a lease.
    private void CheckSignatureDestination(Span<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context)
    {
        int size = _key.Core.SignatureSize;
        if (signature.Length < size)
        {
            throw Error.Argument_DestinationTooSmall(nameof(signature), size, signature.Length);
        }

        if (signature.Overlaps(message) || signature.Overlaps(context))
        {
            throw Error.Argument_Overlap(nameof(signature));
        }
    }
}
