// ShakeX4: four SHAKE128 or four SHAKE256 computations run side by side on KeccakF1600x4 (AVX-512VL or AVX2 where
// Dispatch allows, else the scalar twin).
//
// References: FIPS 202, §6.2 (SHAKE128, SHAKE256), §4 (the sponge construction), §B.2 (byte-oriented padding); see
// KeccakSponge.cs for the single sponge, whose stream each instance reproduces.
//
// The four instances always absorb inputs of equal length and squeeze outputs of equal length, so they share one
// position and one phase; only their data differ. Lane i of instance j is _states[4i + j] (KeccakLanes maps bytes
// to lanes). Typical uses: ML-KEM's SHAKE128(rho || j || i) matrix expansion (34-byte inputs) and SHAKE256(sigma || N)
// PRF (33 bytes), ML-DSA's ExpandA and ExpandS. The states can hold secret material (sigma): owners call Clear()
// (or Dispose()).

using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FintechCrypto.Native.Keccak;

namespace FintechCrypto.Internal.Sha3;

/// <summary>
/// Four independent SHAKE128 or SHAKE256 computations (FIPS 202 §6.2) over inputs of equal length, producing outputs
/// of equal length; each output equals <see cref="Shake"/>'s on its input. A mutable struct: never copy it after use
/// has begun.
/// </summary>
internal struct ShakeX4 : IDisposable
{
    private const int Ways = 4;

    private KeccakStateX4 _states;
    private readonly int _rate;
    private int _position;
    private bool _squeezing;

    private ShakeX4(int rateInBytes) => _rate = rateInBytes;

    /// <summary>The rate (block size) in bytes: <see cref="Shake.Rate128"/> or <see cref="Shake.Rate256"/>.</summary>
    internal readonly int RateInBytes => _rate;

    /// <summary>Creates four empty SHAKE128 computations.</summary>
    internal static ShakeX4 Create128() => new(Shake.Rate128);

    /// <summary>Creates four empty SHAKE256 computations.</summary>
    internal static ShakeX4 Create256() => new(Shake.Rate256);

    /// <summary>Writes SHAKE128(input<i>j</i>) into output<i>j</i> for j = 0..3.</summary>
    /// <exception cref="ArgumentException">The inputs, or the outputs, differ in length.</exception>
    internal static void HashData128(
        ReadOnlySpan<byte> input0, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2, ReadOnlySpan<byte> input3,
        Span<byte> output0, Span<byte> output1, Span<byte> output2, Span<byte> output3) =>
        HashData(Shake.Rate128, input0, input1, input2, input3, output0, output1, output2, output3);

    /// <summary>Writes SHAKE256(input<i>j</i>) into output<i>j</i> for j = 0..3.</summary>
    /// <exception cref="ArgumentException">The inputs, or the outputs, differ in length.</exception>
    internal static void HashData256(
        ReadOnlySpan<byte> input0, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2, ReadOnlySpan<byte> input3,
        Span<byte> output0, Span<byte> output1, Span<byte> output2, Span<byte> output3) =>
        HashData(Shake.Rate256, input0, input1, input2, input3, output0, output1, output2, output3);

    /// <summary>Appends one input of the same length to each of the four computations.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length.</exception>
    /// <exception cref="InvalidOperationException">Squeezing has begun, or the struct was not created by a factory.</exception>
    internal void Absorb(ReadOnlySpan<byte> input0, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2, ReadOnlySpan<byte> input3)
    {
        KeccakLanes.ThrowIfUninitialized(_rate);
        int length = input0.Length;
        if (input1.Length != length || input2.Length != length || input3.Length != length)
        {
            throw new ArgumentException("The four inputs of a 4-way sponge must have the same length.", nameof(input1));
        }

        KeccakLanes.ThrowIfSqueezing(_squeezing);
        Span<ulong> states = _states;
        int position = _position;
        for (int offset = 0; offset < length;)
        {
            int take = Math.Min(_rate - position, length - offset);
            KeccakLanes.XorBytes(states, Ways, 0, position, input0.Slice(offset, take));
            KeccakLanes.XorBytes(states, Ways, 1, position, input1.Slice(offset, take));
            KeccakLanes.XorBytes(states, Ways, 2, position, input2.Slice(offset, take));
            KeccakLanes.XorBytes(states, Ways, 3, position, input3.Slice(offset, take));
            offset += take;
            position = PermuteIfFull(states, position + take);
        }

        _position = position;
    }

    /// <summary>Writes the next bytes of the four outputs (any number of calls, any equal lengths); the first call ends the inputs.</summary>
    /// <exception cref="ArgumentException">The outputs differ in length.</exception>
    /// <exception cref="InvalidOperationException">The struct was not created by a factory.</exception>
    internal void Squeeze(Span<byte> output0, Span<byte> output1, Span<byte> output2, Span<byte> output3)
    {
        KeccakLanes.ThrowIfUninitialized(_rate);
        int length = output0.Length;
        if (output1.Length != length || output2.Length != length || output3.Length != length)
        {
            throw new ArgumentException("The four outputs of a 4-way sponge must have the same length.", nameof(output1));
        }

        if (!_squeezing)
        {
            Finish();
        }

        Span<ulong> states = _states;
        int position = _position;
        for (int offset = 0; offset < length;)
        {
            position = PermuteIfFull(states, position);
            int take = Math.Min(_rate - position, length - offset);
            KeccakLanes.ExtractBytes(states, Ways, 0, position, output0.Slice(offset, take));
            KeccakLanes.ExtractBytes(states, Ways, 1, position, output1.Slice(offset, take));
            KeccakLanes.ExtractBytes(states, Ways, 2, position, output2.Slice(offset, take));
            KeccakLanes.ExtractBytes(states, Ways, 3, position, output3.Slice(offset, take));
            offset += take;
            position += take;
        }

        _position = position;
    }

    /// <summary>Writes the next whole rate-sized blocks of the four outputs (same streams as <see cref="Squeeze"/>).</summary>
    /// <exception cref="ArgumentException">The outputs differ in length or are not a multiple of the rate.</exception>
    /// <exception cref="InvalidOperationException">
    /// Earlier squeezes did not end on a block boundary, or the struct was not created by a factory.
    /// </exception>
    internal void SqueezeBlocks(Span<byte> output0, Span<byte> output1, Span<byte> output2, Span<byte> output3)
    {
        KeccakLanes.ThrowIfUninitialized(_rate);
        if (output0.Length % _rate != 0)
        {
            throw new ArgumentException($"The outputs must be a multiple of the rate, {_rate} bytes.", nameof(output0));
        }

        if (_squeezing && _position != 0 && _position != _rate)
        {
            throw new InvalidOperationException("SqueezeBlocks needs the output streams at a block boundary.");
        }

        Squeeze(output0, output1, output2, output3);
    }

    /// <summary>Zeroes the four states and starts four new, empty inputs.</summary>
    internal void Clear()
    {
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes((Span<ulong>)_states));
        _position = 0;
        _squeezing = false;
    }

    /// <summary>Zeroes the four states (same as <see cref="Clear"/>).</summary>
    public void Dispose() => Clear();

    // The one-shots: absorb, squeeze, and clear the states on the way out (also when an exception escapes).
    private static void HashData(
        int rateInBytes,
        ReadOnlySpan<byte> input0, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2, ReadOnlySpan<byte> input3,
        Span<byte> output0, Span<byte> output1, Span<byte> output2, Span<byte> output3)
    {
        using var xof = new ShakeX4(rateInBytes);
        xof.Absorb(input0, input1, input2, input3);
        xof.Squeeze(output0, output1, output2, output3);
    }

    // After a block is complete (position = rate) the next absorb or squeeze starts on a fresh permutation.
    private readonly int PermuteIfFull(Span<ulong> states, int position)
    {
        if (position != _rate)
        {
            return position;
        }

        KeccakF1600x4.Permute(states);
        return 0;
    }

    // Pads each instance (FIPS 202 §B.2) and permutes; the first output blocks are then ready at position 0.
    private void Finish()
    {
        Span<ulong> states = _states;
        KeccakLanes.Pad(states, Ways, _position, _rate, KeccakSponge.ShakePadding);
        KeccakF1600x4.Permute(states);
        _position = 0;
        _squeezing = true;
    }
}
