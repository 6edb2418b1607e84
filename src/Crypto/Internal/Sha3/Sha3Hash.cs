// SHA3-224, SHA3-256, SHA3-384 and SHA3-512: one type, parameterised by the digest size, as Go's crypto/sha3 does.
//
// References: FIPS 202, §6.1: SHA3-d(M) = KECCAK[2d](M || 01, d) for d = 224, 256, 384, 512, so the capacity is 2d
// bits and the rate 1600 − 2d bits: 144, 136, 104 and 72 bytes (rate in bytes = 200 − 2 · digest bytes).

using System;

namespace FintechCrypto.Internal.Sha3;

/// <summary>
/// SHA3-224/256/384/512 (FIPS 202 §6.1), one-shot or incremental and allocation-free:
/// <c>using var h = Sha3Hash.Create256(); h.Absorb(a); h.Absorb(b); h.GetHashAndReset(digest);</c>.
/// A mutable struct: never copy it after use has begun.
/// </summary>
internal struct Sha3Hash : IDisposable
{
    private KeccakSponge _sponge;
    private readonly int _hashSize;

    private Sha3Hash(int hashSizeInBytes)
    {
        _sponge = new KeccakSponge(RateOf(hashSizeInBytes), KeccakSponge.Sha3Padding);
        _hashSize = hashSizeInBytes;
    }

    /// <summary>The digest size in bytes: 28, 32, 48 or 64.</summary>
    internal readonly int HashSizeInBytes => _hashSize;

    /// <summary>The rate (block size) in bytes: 144, 136, 104 or 72.</summary>
    internal readonly int RateInBytes => _sponge.RateInBytes;

    /// <summary>Creates an empty SHA3-224 computation (28-byte digest, rate 144).</summary>
    internal static Sha3Hash Create224() => new(28);

    /// <summary>Creates an empty SHA3-256 computation (32-byte digest, rate 136).</summary>
    internal static Sha3Hash Create256() => new(32);

    /// <summary>Creates an empty SHA3-384 computation (48-byte digest, rate 104).</summary>
    internal static Sha3Hash Create384() => new(48);

    /// <summary>Creates an empty SHA3-512 computation (64-byte digest, rate 72).</summary>
    internal static Sha3Hash Create512() => new(64);

    /// <summary>Computes SHA3-224(<paramref name="input"/>) into <paramref name="output"/> (28 bytes).</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not 28 bytes.</exception>
    internal static void HashData224(ReadOnlySpan<byte> input, Span<byte> output) => HashData(28, input, output);

    /// <summary>Computes SHA3-256(<paramref name="input"/>) into <paramref name="output"/> (32 bytes).</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not 32 bytes.</exception>
    internal static void HashData256(ReadOnlySpan<byte> input, Span<byte> output) => HashData(32, input, output);

    /// <summary>Computes SHA3-384(<paramref name="input"/>) into <paramref name="output"/> (48 bytes).</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not 48 bytes.</exception>
    internal static void HashData384(ReadOnlySpan<byte> input, Span<byte> output) => HashData(48, input, output);

    /// <summary>Computes SHA3-512(<paramref name="input"/>) into <paramref name="output"/> (64 bytes).</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not 64 bytes.</exception>
    internal static void HashData512(ReadOnlySpan<byte> input, Span<byte> output) => HashData(64, input, output);

    /// <summary>Writes SHA3-512(<paramref name="first"/> ‖ <paramref name="second"/>) into <paramref name="output"/> (64 bytes).</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not 64 bytes.</exception>
    internal static void HashData512(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> output)
    {
        CheckDigestSize(64, output.Length, nameof(output));
        KeccakSponge.HashData(RateOf(64), KeccakSponge.Sha3Padding, first, second, output);
    }

    /// <summary>Appends <paramref name="data"/> to the message.</summary>
    internal void Absorb(ReadOnlySpan<byte> data) => _sponge.Absorb(data);

    /// <summary>Writes the digest of everything absorbed, then clears the state for a new message.</summary>
    /// <exception cref="ArgumentException"><paramref name="hash"/> is not <see cref="HashSizeInBytes"/> bytes.</exception>
    internal void GetHashAndReset(Span<byte> hash)
    {
        _sponge.ThrowIfUninitialized();
        CheckDigestSize(_hashSize, hash.Length, nameof(hash));
        _sponge.Squeeze(hash);
        _sponge.Clear();
    }

    /// <summary>Zeroes the state and starts a new, empty message.</summary>
    internal void Clear() => _sponge.Clear();

    /// <summary>Zeroes the state (same as <see cref="Clear"/>).</summary>
    public void Dispose() => _sponge.Clear();

    // §6.1: capacity 2d bits, so the rate is 200 − 2 · (d / 8) bytes.
    private static int RateOf(int hashSizeInBytes) => 200 - (2 * hashSizeInBytes);

    private static void HashData(int hashSizeInBytes, ReadOnlySpan<byte> input, Span<byte> output)
    {
        CheckDigestSize(hashSizeInBytes, output.Length, nameof(output));
        KeccakSponge.HashData(RateOf(hashSizeInBytes), KeccakSponge.Sha3Padding, input, output);
    }

    private static void CheckDigestSize(int hashSizeInBytes, int length, string paramName)
    {
        if (length != hashSizeInBytes)
        {
            throw new ArgumentException($"The SHA3-{8 * hashSizeInBytes} digest is {hashSizeInBytes} bytes.", paramName);
        }
    }
}
