// SHAKE128 and SHAKE256: one type, parameterised by the security strength, as Go's crypto/sha3 does.
//
// References: FIPS 202, §6.2: SHAKE128(M, d) = KECCAK[256](M || 1111, d) and SHAKE256(M, d) = KECCAK[512](M || 1111, d);
// rates 1600 − 256 = 1344 bits (168 bytes) and 1600 − 512 = 1088 bits (136 bytes).

using System;

namespace FintechCrypto.Internal.Sha3;

/// <summary>
/// SHAKE128 / SHAKE256 (FIPS 202 §6.2), one-shot or incremental and allocation-free:
/// <c>using var x = Shake.Create128(); x.Absorb(a); x.Absorb(b); x.Squeeze(out1); x.Squeeze(out2);</c>.
/// A mutable struct: never copy it after use has begun.
/// </summary>
internal struct Shake : IDisposable
{
    /// <summary>The rate (block size) of SHAKE128, 168 bytes.</summary>
    internal const int Rate128 = 168;

    /// <summary>The rate (block size) of SHAKE256, 136 bytes.</summary>
    internal const int Rate256 = 136;

    private KeccakSponge _sponge;

    private Shake(int rateInBytes) => _sponge = new KeccakSponge(rateInBytes, KeccakSponge.ShakePadding);

    /// <summary>The rate (block size) in bytes: <see cref="Rate128"/> or <see cref="Rate256"/>.</summary>
    internal readonly int RateInBytes => _sponge.RateInBytes;

    /// <summary>Creates an empty SHAKE128 computation.</summary>
    internal static Shake Create128() => new(Rate128);

    /// <summary>Creates an empty SHAKE256 computation.</summary>
    internal static Shake Create256() => new(Rate256);

    /// <summary>Writes the first <paramref name="output"/>.Length bytes of SHAKE128(<paramref name="input"/>).</summary>
    internal static void HashData128(ReadOnlySpan<byte> input, Span<byte> output) =>
        KeccakSponge.HashData(Rate128, KeccakSponge.ShakePadding, input, output);

    /// <summary>Writes the first <paramref name="output"/>.Length bytes of SHAKE256(<paramref name="input"/>).</summary>
    internal static void HashData256(ReadOnlySpan<byte> input, Span<byte> output) =>
        KeccakSponge.HashData(Rate256, KeccakSponge.ShakePadding, input, output);

    /// <summary>Writes the first <paramref name="output"/>.Length bytes of SHAKE256(<paramref name="first"/> ‖ <paramref name="second"/>).</summary>
    internal static void HashData256(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> output) =>
        KeccakSponge.HashData(Rate256, KeccakSponge.ShakePadding, first, second, output);

    /// <summary>Appends <paramref name="data"/> to the input.</summary>
    /// <exception cref="InvalidOperationException">Squeezing has begun.</exception>
    internal void Absorb(ReadOnlySpan<byte> data) => _sponge.Absorb(data);

    /// <summary>Writes the next <paramref name="output"/>.Length bytes of output; the first call ends the input.</summary>
    internal void Squeeze(Span<byte> output) => _sponge.Squeeze(output);

    /// <summary>Writes the next whole rate-sized blocks of output (same stream as <see cref="Squeeze"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not a multiple of the rate.</exception>
    /// <exception cref="InvalidOperationException">Earlier squeezes did not end on a block boundary.</exception>
    internal void SqueezeBlocks(Span<byte> output) => _sponge.SqueezeBlocks(output);

    /// <summary>Zeroes the state and starts a new, empty input.</summary>
    internal void Clear() => _sponge.Clear();

    /// <summary>Zeroes the state (same as <see cref="Clear"/>).</summary>
    public void Dispose() => _sponge.Clear();
}
