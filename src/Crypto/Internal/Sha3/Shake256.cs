// SHAKE256: the SHA-3 extendable-output function with 256-bit security.
//
// References: FIPS 202, §6.2: SHAKE256(M, d) = KECCAK[512](M || 1111, d); rate r = 1600 - 512 = 1088 bits (136 bytes).

using System;

namespace FintechCrypto.Internal.Sha3;

/// <summary>
/// SHAKE256 (FIPS 202 §6.2), one-shot or incremental and allocation-free:
/// <c>using var x = Shake256.Create(); x.Absorb(a); x.Absorb(b); x.Squeeze(out1); x.Squeeze(out2);</c>.
/// A mutable struct: never copy it after use has begun.
/// </summary>
internal struct Shake256 : IDisposable
{
    /// <summary>The rate (block size), 136 bytes.</summary>
    internal const int RateInBytes = 136;

    private KeccakSponge _sponge;

    private Shake256(KeccakSponge sponge) => _sponge = sponge;

    /// <summary>Creates an empty SHAKE256 computation.</summary>
    internal static Shake256 Create() => new(new KeccakSponge(RateInBytes, KeccakSponge.ShakePadding));

    /// <summary>Writes the first <paramref name="output"/>.Length bytes of SHAKE256(<paramref name="input"/>).</summary>
    internal static void HashData(ReadOnlySpan<byte> input, Span<byte> output)
    {
        Shake256 xof = Create();
        try
        {
            xof.Absorb(input);
            xof.Squeeze(output);
        }
        finally
        {
            xof.Clear();
        }
    }

    /// <summary>Appends <paramref name="data"/> to the input.</summary>
    /// <exception cref="InvalidOperationException">Squeezing has begun.</exception>
    internal void Absorb(ReadOnlySpan<byte> data) => _sponge.Absorb(data);

    /// <summary>Writes the next <paramref name="output"/>.Length bytes of output; the first call ends the input.</summary>
    internal void Squeeze(Span<byte> output) => _sponge.Squeeze(output);

    /// <summary>Writes the next whole 136-byte blocks of output (same stream as <see cref="Squeeze"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not a multiple of 136 bytes.</exception>
    /// <exception cref="InvalidOperationException">Earlier squeezes did not end on a block boundary.</exception>
    internal void SqueezeBlocks(Span<byte> output) => _sponge.SqueezeBlocks(output);

    /// <summary>Zeroes the state and starts a new, empty input.</summary>
    internal void Clear() => _sponge.Clear();

    /// <summary>Zeroes the state (same as <see cref="Clear"/>).</summary>
    public void Dispose() => _sponge.Clear();
}
