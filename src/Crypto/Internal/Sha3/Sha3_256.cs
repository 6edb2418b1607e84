// SHA3-256: the SHA-3 hash function with a 256-bit digest.
//
// References: FIPS 202, §6.1: SHA3-256(M) = KECCAK[512](M || 01, 256); rate r = 1600 - 512 = 1088 bits (136 bytes).

using System;

namespace FintechCrypto.Internal.Sha3;

/// <summary>
/// SHA3-256 (FIPS 202 §6.1), one-shot or incremental and allocation-free:
/// <c>using var h = Sha3_256.Create(); h.Absorb(a); h.Absorb(b); h.GetHashAndReset(digest);</c>.
/// A mutable struct: never copy it after use has begun.
/// </summary>
internal struct Sha3_256 : IDisposable
{
    /// <summary>The digest size, 32 bytes.</summary>
    internal const int HashSizeInBytes = 32;

    /// <summary>The rate (block size), 136 bytes.</summary>
    internal const int RateInBytes = 136;

    private KeccakSponge _sponge;

    private Sha3_256(KeccakSponge sponge) => _sponge = sponge;

    /// <summary>Creates an empty SHA3-256 computation.</summary>
    internal static Sha3_256 Create() => new(new KeccakSponge(RateInBytes, KeccakSponge.Sha3Padding));

    /// <summary>Computes SHA3-256(<paramref name="input"/>) into <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not 32 bytes.</exception>
    internal static void HashData(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length != HashSizeInBytes)
        {
            throw new ArgumentException("The SHA3-256 digest is 32 bytes.", nameof(output));
        }

        Sha3_256 hash = Create();
        try
        {
            hash.Absorb(input);
            hash.GetHashAndReset(output);
        }
        finally
        {
            hash.Clear();
        }
    }

    /// <summary>Appends <paramref name="data"/> to the message.</summary>
    internal void Absorb(ReadOnlySpan<byte> data) => _sponge.Absorb(data);

    /// <summary>Writes the digest of everything absorbed, then clears the state for a new message.</summary>
    /// <exception cref="ArgumentException"><paramref name="hash"/> is not 32 bytes.</exception>
    internal void GetHashAndReset(Span<byte> hash)
    {
        if (hash.Length != HashSizeInBytes)
        {
            throw new ArgumentException("The SHA3-256 digest is 32 bytes.", nameof(hash));
        }

        _sponge.Squeeze(hash);
        _sponge.Clear();
    }

    /// <summary>Zeroes the state and starts a new, empty message.</summary>
    internal void Clear() => _sponge.Clear();

    /// <summary>Zeroes the state (same as <see cref="Clear"/>).</summary>
    public void Dispose() => _sponge.Clear();
}
