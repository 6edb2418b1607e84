// Four Keccak sponges run side by side on KeccakF1600x4 (AVX2 where Dispatch allows, else the scalar twin).
//
// References: FIPS 202, §4 (the sponge construction), §B.2 (byte-oriented padding); see KeccakSponge.cs.
//
// The four instances always absorb inputs of equal length and squeeze outputs of equal length, so they share
// one position and one phase; only their data differ. Lane i of instance j is _states[4i + j]. Typical uses:
// ML-KEM's SHAKE128(rho || j || i) matrix expansion (34-byte inputs) and SHAKE256(sigma || N) PRF (33 bytes).
// The states can hold secret material (sigma): owners call Clear() (or Dispose()).

using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FintechCrypto.Native.Keccak;

namespace FintechCrypto.Internal.Sha3;

/// <summary>
/// Four Keccak sponges with the same rate and padding, absorbing and squeezing equal lengths in lockstep.
/// A mutable struct: keep it in a local or a field and never copy it after use has begun.
/// </summary>
internal struct KeccakSpongeX4
{
    private KeccakStateX4 _states;
    private readonly int _rate;
    private readonly byte _padding;
    private int _position;
    private bool _squeezing;

    /// <summary>Creates four empty sponges.</summary>
    /// <param name="rateInBytes">The rate r / 8: a multiple of 8 below 200.</param>
    /// <param name="padding"><see cref="KeccakSponge.Sha3Padding"/> or <see cref="KeccakSponge.ShakePadding"/>.</param>
    internal KeccakSpongeX4(int rateInBytes, byte padding)
    {
        Debug.Assert(rateInBytes > 0 && rateInBytes < 200 && rateInBytes % 8 == 0);
        Debug.Assert(padding is KeccakSponge.Sha3Padding or KeccakSponge.ShakePadding);
        _rate = rateInBytes;
        _padding = padding;
    }

    /// <summary>The rate in bytes.</summary>
    internal readonly int RateInBytes => _rate;

    /// <summary>Absorbs one more input into each instance; the four inputs have equal lengths.</summary>
    /// <exception cref="ArgumentException">The inputs differ in length.</exception>
    /// <exception cref="InvalidOperationException">Squeezing has begun, or the sponge was not created by a factory.</exception>
    internal void Absorb(ReadOnlySpan<byte> input0, ReadOnlySpan<byte> input1, ReadOnlySpan<byte> input2, ReadOnlySpan<byte> input3)
    {
        ThrowIfUninitialized();
        int length = input0.Length;
        if (input1.Length != length || input2.Length != length || input3.Length != length)
        {
            throw new ArgumentException("The four inputs of a 4-way sponge must have the same length.", nameof(input1));
        }

        if (_squeezing)
        {
            throw new InvalidOperationException("A Keccak sponge cannot absorb after squeezing has begun.");
        }

        Span<ulong> states = _states;
        int rate = _rate;
        int position = _position;
        int offset = 0;
        while (offset < length)
        {
            int take = Math.Min(rate - position, length - offset);
            XorBytes(states, 0, position, input0.Slice(offset, take));
            XorBytes(states, 1, position, input1.Slice(offset, take));
            XorBytes(states, 2, position, input2.Slice(offset, take));
            XorBytes(states, 3, position, input3.Slice(offset, take));
            position += take;
            offset += take;
            if (position == rate)
            {
                KeccakF1600x4.Permute(states);
                position = 0;
            }
        }

        _position = position;
    }

    /// <summary>Squeezes equal lengths of output from the four instances (any number of calls, any lengths).</summary>
    /// <exception cref="ArgumentException">The outputs differ in length.</exception>
    /// <exception cref="InvalidOperationException">The sponge was not created by a factory.</exception>
    internal void Squeeze(Span<byte> output0, Span<byte> output1, Span<byte> output2, Span<byte> output3)
    {
        ThrowIfUninitialized();
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
        int rate = _rate;
        int position = _position;
        int offset = 0;
        while (offset < length)
        {
            if (position == rate)
            {
                KeccakF1600x4.Permute(states);
                position = 0;
            }

            int take = Math.Min(rate - position, length - offset);
            ExtractBytes(states, 0, position, output0.Slice(offset, take));
            ExtractBytes(states, 1, position, output1.Slice(offset, take));
            ExtractBytes(states, 2, position, output2.Slice(offset, take));
            ExtractBytes(states, 3, position, output3.Slice(offset, take));
            position += take;
            offset += take;
        }

        _position = position;
    }

    /// <summary>Squeezes whole blocks from the four instances: the same streams as <see cref="Squeeze"/>.</summary>
    /// <exception cref="ArgumentException">The outputs differ in length or are not a multiple of the rate.</exception>
    /// <exception cref="InvalidOperationException">
    /// Earlier squeezes did not end on a block boundary, or the sponge was not created by a factory.
    /// </exception>
    internal void SqueezeBlocks(Span<byte> output0, Span<byte> output1, Span<byte> output2, Span<byte> output3)
    {
        ThrowIfUninitialized();
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

    /// <summary>Zeroes the four states and returns to four empty sponges with the same rate and padding.</summary>
    internal void Clear()
    {
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes((Span<ulong>)_states));
        _position = 0;
        _squeezing = false;
    }

    // Pads each instance (FIPS 202 §B.2) and permutes; the first output blocks are then ready at position 0.
    private void Finish()
    {
        Span<ulong> states = _states;
        int position = _position;
        ulong first = (ulong)_padding << (8 * (position & 7));
        ulong last = 0x80UL << (8 * ((_rate - 1) & 7));
        for (int j = 0; j < 4; j++)
        {
            states[(4 * (position >> 3)) + j] ^= first;
            states[(4 * ((_rate - 1) >> 3)) + j] ^= last;
        }

        KeccakF1600x4.Permute(states);
        _position = 0;
        _squeezing = true;
    }

    private readonly void ThrowIfUninitialized()
    {
        if (_rate == 0)
        {
            throw new InvalidOperationException("The Keccak sponge was not initialized; create it with its factory.");
        }
    }

    // XORs data into the rate of instance j starting at byte offset `position` (position + data.Length <= rate).
    private static void XorBytes(Span<ulong> states, int j, int position, ReadOnlySpan<byte> data)
    {
        int i = 0;
        while (i < data.Length && ((position + i) & 7) != 0)
        {
            int p = position + i;
            states[(4 * (p >> 3)) + j] ^= (ulong)data[i] << (8 * (p & 7));
            i++;
        }

        while (data.Length - i >= 8)
        {
            states[(4 * ((position + i) >> 3)) + j] ^= BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i, 8));
            i += 8;
        }

        while (i < data.Length)
        {
            int p = position + i;
            states[(4 * (p >> 3)) + j] ^= (ulong)data[i] << (8 * (p & 7));
            i++;
        }
    }

    // Copies output.Length bytes of the rate of instance j starting at byte offset `position`.
    private static void ExtractBytes(ReadOnlySpan<ulong> states, int j, int position, Span<byte> output)
    {
        int i = 0;
        while (i < output.Length && ((position + i) & 7) != 0)
        {
            int p = position + i;
            output[i] = unchecked((byte)(states[(4 * (p >> 3)) + j] >> (8 * (p & 7))));
            i++;
        }

        while (output.Length - i >= 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(i, 8), states[(4 * ((position + i) >> 3)) + j]);
            i += 8;
        }

        while (i < output.Length)
        {
            int p = position + i;
            output[i] = unchecked((byte)(states[(4 * (p >> 3)) + j] >> (8 * (p & 7))));
            i++;
        }
    }
}
