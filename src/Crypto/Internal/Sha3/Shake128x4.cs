// SHAKE128x4: four SHAKE128 computations in lockstep on the 4-way Keccak-f[1600] kernel.
//
// References: FIPS 202, §6.2 (SHAKE128); KeccakSpongeX4.cs (layout); KeccakF1600x4 (AVX2 or scalar twin).

using System;

namespace FintechCrypto.Internal.Sha3;

/// <summary>
/// Four independent SHAKE128 computations (FIPS 202 §6.2) over inputs of equal length, producing outputs of equal
/// length; each output equals Shake128.HashData of its input. A mutable struct: never copy it after use has begun.
/// </summary>
internal struct Shake128x4 : IDisposable
{
    /// <summary>The rate (block size), 168 bytes.</summary>
    internal const int RateInBytes = 168;

    private KeccakSpongeX4 _sponge;

    private Shake128x4(KeccakSpongeX4 sponge) => _sponge = sponge;

    /// <summary>Creates four empty SHAKE128 computations.</summary>
    internal static Shake128x4 Create() => new(new KeccakSpongeX4(RateInBytes, KeccakSponge.ShakePadding));

    /// <summary>Writes SHAKE128(input<i>j</i>) into output<i>j</i> for j = 0..3.</summary>
    /// <exception cref="ArgumentException">The inputs, or the outputs, differ in length.</exception>
    internal static void HashData(
        ReadOnlySpan<byte> input0, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2, ReadOnlySpan<byte> input3,
        Span<byte> output0, Span<byte> output1, Span<byte> output2, Span<byte> output3)
    {
        Shake128x4 xof = Create();
        try
        {
            xof.Absorb(input0, input1, input2, input3);
            xof.Squeeze(output0, output1, output2, output3);
        }
        finally
        {
            xof.Clear();
        }
    }

    /// <summary>Appends one input of the same length to each of the four computations.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length.</exception>
    /// <exception cref="InvalidOperationException">Squeezing has begun.</exception>
    internal void Absorb(ReadOnlySpan<byte> input0, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2, ReadOnlySpan<byte> input3) =>
        _sponge.Absorb(input0, input1, input2, input3);

    /// <summary>Writes the next bytes of the four outputs; the first call ends the inputs.</summary>
    /// <exception cref="ArgumentException">The outputs differ in length.</exception>
    internal void Squeeze(Span<byte> output0, Span<byte> output1, Span<byte> output2, Span<byte> output3) =>
        _sponge.Squeeze(output0, output1, output2, output3);

    /// <summary>Writes the next whole 168-byte blocks of the four outputs (same streams as <see cref="Squeeze"/>).</summary>
    /// <exception cref="ArgumentException">The outputs differ in length or are not a multiple of 168 bytes.</exception>
    /// <exception cref="InvalidOperationException">Earlier squeezes did not end on a block boundary.</exception>
    internal void SqueezeBlocks(Span<byte> output0, Span<byte> output1, Span<byte> output2, Span<byte> output3) =>
        _sponge.SqueezeBlocks(output0, output1, output2, output3);

    /// <summary>Zeroes the four states and starts four new, empty inputs.</summary>
    internal void Clear() => _sponge.Clear();

    /// <summary>Zeroes the four states (same as <see cref="Clear"/>).</summary>
    public void Dispose() => _sponge.Clear();
}
