// HKDF (RFC 5869) with SHA-256, SHA-384 and SHA-512, run by the OS provider (System.Security.Cryptography.HKDF).

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto;

/// <summary>A key-derivation parameter set: HKDF extract-and-expand.</summary>
public sealed class KdfAlgorithm : Algorithm
{
    private static readonly AlgorithmRegistry<KdfAlgorithm> s_registry = AlgorithmRegistry<KdfAlgorithm>.Lazily(
        "KDF",
        ("HKDF-SHA256", () => new KdfAlgorithm("HKDF-SHA256", HashAlgorithmName.SHA256, 32)),
        ("HKDF-SHA384", () => new KdfAlgorithm("HKDF-SHA384", HashAlgorithmName.SHA384, 48)),
        ("HKDF-SHA512", () => new KdfAlgorithm("HKDF-SHA512", HashAlgorithmName.SHA512, 64)));

    private KdfAlgorithm(string name, HashAlgorithmName hash, int hashSize)
        : base(name)
    {
        Hash = hash;
        PseudorandomKeySize = hashSize;
    }

    /// <summary>HKDF with SHA-256.</summary>
    public static KdfAlgorithm HkdfSha256 => s_registry[0];

    /// <summary>HKDF with SHA-384.</summary>
    public static KdfAlgorithm HkdfSha384 => s_registry[1];

    /// <summary>HKDF with SHA-512.</summary>
    public static KdfAlgorithm HkdfSha512 => s_registry[2];

    /// <summary>The size of the pseudorandom key PRK (the hash length, HashLen).</summary>
    public int PseudorandomKeySize { get; }

    /// <summary>The largest output: 255 · HashLen bytes (RFC 5869 §2.3).</summary>
    public int MaxOutputSize => 255 * PseudorandomKeySize;

    internal HashAlgorithmName Hash { get; }

    /// <summary>Finds a parameter set by name: <c>HKDF-SHA256</c>, <c>HKDF-SHA384</c>, <c>HKDF-SHA512</c> (case-sensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The parameter set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No parameter set has that name.</exception>
    public static KdfAlgorithm FromName(string name) => s_registry.FromName(name);

    /// <summary>HKDF-Extract then HKDF-Expand (RFC 5869 §2.2, §2.3) into <paramref name="output"/>.</summary>
    /// <param name="inputKeyMaterial">IKM.</param>
    /// <param name="salt">The salt; empty means HashLen zero bytes.</param>
    /// <param name="info">Context and application-specific information (may be empty).</param>
    /// <param name="output">The destination: 1 to <see cref="MaxOutputSize"/> bytes; its length is the length derived, and it is filled.</param>
    /// <returns>The number of bytes written: the length of <paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is empty or longer than <see cref="MaxOutputSize"/>.</exception>
    public int DeriveKey(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output)
    {
        CheckOutput(output.Length, nameof(output));
        HKDF.DeriveKey(Hash, inputKeyMaterial, output, salt, info);
        return output.Length;
    }

    /// <summary>HKDF-Extract then HKDF-Expand, returning <paramref name="outputLength"/> bytes.</summary>
    /// <param name="inputKeyMaterial">IKM.</param>
    /// <param name="salt">The salt, or null.</param>
    /// <param name="info">The info string, or null.</param>
    /// <param name="outputLength">1 to <see cref="MaxOutputSize"/>.</param>
    /// <returns>The output keying material; the caller should clear it after use.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputKeyMaterial"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="outputLength"/> is out of range.</exception>
    public byte[] DeriveKey(byte[] inputKeyMaterial, byte[]? salt, byte[]? info, int outputLength)
    {
        ArgumentNullException.ThrowIfNull(inputKeyMaterial);
        CheckOutput(outputLength, nameof(outputLength));
        byte[] output = new byte[outputLength];
        DeriveKey(inputKeyMaterial, salt, info, output);
        return output;
    }

    /// <summary>HKDF-Extract (RFC 5869 §2.2): PRK = HMAC-Hash(salt, IKM).</summary>
    /// <param name="inputKeyMaterial">IKM.</param>
    /// <param name="salt">The salt; empty means HashLen zero bytes.</param>
    /// <param name="pseudorandomKey">The destination: at least <see cref="PseudorandomKeySize"/> bytes; PRK is written at its start.</param>
    /// <returns>The number of bytes written: <see cref="PseudorandomKeySize"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="pseudorandomKey"/> is too small.</exception>
    public int Extract(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, Span<byte> pseudorandomKey)
    {
        Span<byte> prk = Destination.Take(pseudorandomKey, PseudorandomKeySize, nameof(pseudorandomKey));
        return HKDF.Extract(Hash, inputKeyMaterial, salt, prk);
    }

    /// <summary>HKDF-Expand (RFC 5869 §2.3).</summary>
    /// <param name="pseudorandomKey">PRK, at least <see cref="PseudorandomKeySize"/> bytes.</param>
    /// <param name="info">The info string (may be empty).</param>
    /// <param name="output">The destination: 1 to <see cref="MaxOutputSize"/> bytes; its length is the length derived, and it is filled.</param>
    /// <returns>The number of bytes written: the length of <paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="pseudorandomKey"/> is too short or <paramref name="output"/> is out of range.</exception>
    public int Expand(ReadOnlySpan<byte> pseudorandomKey, ReadOnlySpan<byte> info, Span<byte> output)
    {
        if (pseudorandomKey.Length < PseudorandomKeySize)
        {
            throw Error.Argument_LengthAtLeast(nameof(pseudorandomKey), PseudorandomKeySize, pseudorandomKey.Length);
        }

        CheckOutput(output.Length, nameof(output));
        HKDF.Expand(Hash, pseudorandomKey, output, info);
        return output.Length;
    }

    private void CheckOutput(int length, string paramName)
    {
        if (length < 1 || length > MaxOutputSize)
        {
            throw Error.Argument_LengthRange(paramName, 1, MaxOutputSize, length);
        }
    }
}
