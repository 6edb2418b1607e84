// SHA3-224: the SHA-3 hash function with a 224-bit digest.
//
// References: FIPS 202, §6.1: SHA3-224(M) = KECCAK[448](M || 01, 224); rate r = 1600 - 448 = 1152 bits (144 bytes).

using System;

namespace FintechCrypto.Internal.Sha3;

/// <summary>
/// SHA3-224 (FIPS 202 §6.1), one-shot or incremental and allocation-free:
/// <c>using var h = Sha3_224.Create(); h.Absorb(a); h.Absorb(b); h.GetHashAndReset(digest);</c>.
/// A mutable struct: never copy it after use has begun.
/// </summary>
internal struct Sha3_224 : IDisposable
{
    /// <summary>The digest size, 28 bytes.</summary>
    internal const int HashSizeInBytes = 28;

    /// <summary>The rate (block size), 144 bytes.</summary>
    internal const int RateInBytes = 144;

    private KeccakSponge _sponge;

    private Sha3_224(KeccakSponge sponge) => _sponge = sponge;

    /// <summary>Creates an empty SHA3-224 computation.</summary>
    internal static Sha3_224 Create() => new(new KeccakSponge(RateInBytes, KeccakSponge.Sha3Padding));

    /// <summary>Computes SHA3-224(<paramref name="input"/>) into <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not 28 bytes.</exception>
    internal static void HashData(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length != HashSizeInBytes)
        {
            throw new ArgumentException("The SHA3-224 digest is 28 bytes.", nameof(output));
        }

        Sha3_224 hash = Create();
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
    /// <exception cref="ArgumentException"><paramref name="hash"/> is not 28 bytes.</exception>
    internal void GetHashAndReset(Span<byte> hash)
    {
        if (hash.Length != HashSizeInBytes)
        {
            throw new ArgumentException("The SHA3-224 digest is 28 bytes.", nameof(hash));
        }

        _sponge.Squeeze(hash);
        _sponge.Clear();
    }

    /// <summary>Zeroes the state and starts a new, empty message.</summary>
    internal void Clear() => _sponge.Clear();

    /// <summary>Zeroes the state (same as <see cref="Clear"/>).</summary>
    public void Dispose() => _sponge.Clear();
}
