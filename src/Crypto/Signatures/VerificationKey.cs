using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encodings;

namespace FintechCrypto;

/// <summary>
/// A public signature key of one <see cref="SignatureAlgorithm"/>. A signature that does not verify, including one
/// of the wrong length, makes <see cref="Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> return false.
/// </summary>
public sealed class VerificationKey : PublicKey<SignatureAlgorithm>
{
    private readonly VerificationKeyCore _core;

    internal VerificationKey(SignatureAlgorithm algorithm, VerificationKeyCore core)
        : base(algorithm, algorithm.Keys, core)
    {
        _core = core;
    }

    /// <summary>Imports a public key.</summary>
    /// <param name="algorithm">The parameter set the key must belong to.</param>
    /// <param name="blob">The encoded key.</param>
    /// <param name="format"><see cref="KeyBlobFormat.RawPublicKey"/>, <see cref="KeyBlobFormat.SubjectPublicKeyInfo"/> or <see cref="KeyBlobFormat.PemSubjectPublicKeyInfo"/>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a public-key format.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed or is not a key of <paramref name="algorithm"/>.</exception>
    public static VerificationKey Import(SignatureAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) =>
        new(algorithm, KeyFormats.ImportPublic(algorithm?.Keys, blob, format));

    /// <summary>Verifies <paramref name="signature"/> on <paramref name="data"/>.</summary>
    /// <param name="data">The message.</param>
    /// <param name="signature">The signature; any length (a wrong length is simply invalid).</param>
    /// <param name="context">The context string, for algorithms where <see cref="SignatureAlgorithm.SupportsContext"/>; otherwise empty.</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="ArgumentException">The algorithm takes no context and <paramref name="context"/> is not empty.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context = default)
    {
        ThrowIfDisposed();
        Algorithm.ValidateSignArguments(context, SigningMode.Default);
        return _core.Verify(data, signature, context);
    }

    /// <summary>Verifies <paramref name="signature"/> on <paramref name="data"/>.</summary>
    /// <param name="data">The message.</param>
    /// <param name="signature">The signature.</param>
    /// <param name="context">The context string, or null.</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="signature"/> is null.</exception>
    /// <exception cref="ArgumentException">The algorithm takes no context and <paramref name="context"/> is not empty.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool Verify(byte[] data, byte[] signature, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(signature);
        return Verify(data.AsSpan(), signature.AsSpan(), context.AsSpan());
    }

    /// <summary>Verifies a pre-hashed signature (HashML-DSA, HashSLH-DSA); see <see cref="SigningKey.SignPreHash"/>.</summary>
    /// <param name="hash">PH(M), exactly the output length of <paramref name="hashAlgorithm"/>.</param>
    /// <param name="hashAlgorithm">The pre-hash function the signer used.</param>
    /// <param name="signature">The signature; any length (a wrong length is simply invalid).</param>
    /// <param name="context">The context string (0-255 bytes).</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="ArgumentException">The algorithm has no pre-hash variant, the hash is not supported or has the wrong length, or the context is too long.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool VerifyPreHash(ReadOnlySpan<byte> hash, HashAlgorithmName hashAlgorithm, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context = default)
    {
        ThrowIfDisposed();
        string oid = Algorithm.ValidatePreHashArguments(hash, hashAlgorithm, context, SigningMode.Default);
        return _core.VerifyPreHash(hash, oid, signature, context);
    }

    /// <summary>The backend, for FintechCrypto.Testing's internal-interface entry points.</summary>
    internal VerificationKeyCore CoreForTesting
    {
        get
        {
            ThrowIfDisposed();
            return _core;
        }
    }
}
