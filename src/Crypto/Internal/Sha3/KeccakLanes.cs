// Byte access to the rate of one or more interleaved Keccak-f[1600] states: the one place that maps a byte offset of
// the rate to a lane and a bit shift, for the single sponge (KeccakSponge) and the four-way one (ShakeX4).
//
// References: FIPS 202, §B.1 (bytes map to lanes little-endian: byte k of the rate is bits 8(k mod 8)..8(k mod 8)+7
// of lane k / 8), §B.2 (byte-oriented padding), §5.1 (pad10*1).
//
// Layout: `ways` states interleaved, lane i of instance j at ways·i + j; ways = 1 is one plain state (KeccakState),
// ways = 4 is KeccakF1600x4's layout (KeccakStateX4).

using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace FintechCrypto.Internal.Sha3;

/// <summary>XOR-in, read-out and padding of rate bytes in interleaved Keccak states (FIPS 202 §B.1, §B.2).</summary>
internal static class KeccakLanes
{
    /// <summary>
    /// XORs <paramref name="data"/> into the rate of instance <paramref name="instance"/> starting at byte offset
    /// <paramref name="position"/> (position + data.Length ≤ rate).
    /// </summary>
    internal static void XorBytes(Span<ulong> lanes, int ways, int instance, int position, ReadOnlySpan<byte> data)
    {
        int i = 0;
        while (i < data.Length && ((position + i) & 7) != 0)
        {
            int p = position + i;
            lanes[(ways * (p >> 3)) + instance] ^= (ulong)data[i] << (8 * (p & 7));
            i++;
        }

        while (data.Length - i >= 8)
        {
            lanes[(ways * ((position + i) >> 3)) + instance] ^= BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i, 8));
            i += 8;
        }

        while (i < data.Length)
        {
            int p = position + i;
            lanes[(ways * (p >> 3)) + instance] ^= (ulong)data[i] << (8 * (p & 7));
            i++;
        }
    }

    /// <summary>
    /// Copies <paramref name="output"/>.Length bytes of the rate of instance <paramref name="instance"/> starting at
    /// byte offset <paramref name="position"/>.
    /// </summary>
    internal static void ExtractBytes(ReadOnlySpan<ulong> lanes, int ways, int instance, int position, Span<byte> output)
    {
        if (ways == 1 && BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(lanes).Slice(position, output.Length).CopyTo(output);
            return;
        }

        int i = 0;
        while (i < output.Length && ((position + i) & 7) != 0)
        {
            int p = position + i;
            output[i] = unchecked((byte)(lanes[(ways * (p >> 3)) + instance] >> (8 * (p & 7))));
            i++;
        }

        while (output.Length - i >= 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(i, 8), lanes[(ways * ((position + i) >> 3)) + instance]);
            i += 8;
        }

        while (i < output.Length)
        {
            int p = position + i;
            output[i] = unchecked((byte)(lanes[(ways * (p >> 3)) + instance] >> (8 * (p & 7))));
            i++;
        }
    }

    /// <summary>
    /// Pads every instance after <paramref name="position"/> input bytes of the current block (FIPS 202 §B.2): the
    /// domain byte <paramref name="padding"/> (suffix plus the first 1 of pad10*1) at the position, and the last 1 of
    /// pad10*1 as bit 7 of rate byte <paramref name="rate"/> − 1 (0x86 / 0x9F when both fall in one byte).
    /// </summary>
    internal static void Pad(Span<ulong> lanes, int ways, int position, int rate, byte padding)
    {
        ulong first = (ulong)padding << (8 * (position & 7));
        ulong last = 0x80UL << (8 * ((rate - 1) & 7));
        for (int j = 0; j < ways; j++)
        {
            lanes[(ways * (position >> 3)) + j] ^= first;
            lanes[(ways * ((rate - 1) >> 3)) + j] ^= last;
        }
    }

    /// <summary>Throws unless <paramref name="rate"/> was set by a factory (a <c>default</c> sponge struct has 0).</summary>
    /// <exception cref="InvalidOperationException">The rate is 0.</exception>
    internal static void ThrowIfUninitialized(int rate)
    {
        if (rate == 0)
        {
            throw new InvalidOperationException("The Keccak sponge was not initialized; create it with its factory.");
        }
    }

    /// <summary>Throws once squeezing has begun: a sponge cannot absorb after it (FIPS 202 Algorithm 8).</summary>
    /// <exception cref="InvalidOperationException"><paramref name="squeezing"/> is true.</exception>
    internal static void ThrowIfSqueezing(bool squeezing)
    {
        if (squeezing)
        {
            throw new InvalidOperationException("A Keccak sponge cannot absorb after squeezing has begun.");
        }
    }
}
