// The sponge construction SPONGE[Keccak-f[1600], pad10*1, r] of FIPS 202, incremental and allocation-free.
//
// References: FIPS 202, §4 (the sponge construction, Algorithm 8), §5.1 (pad10*1), §6.1 and §6.2 (SHA-3 and
// SHAKE as Keccak[c] with the suffixes 01 and 1111), §B.1 (bit/byte conventions), §B.2 (padding in bytes).
//
// Byte-oriented padding (§B.2): after the message, the domain suffix and the first 1 of pad10*1 form one byte,
// 0x06 for SHA-3 (bits 0,1 then 1) and 0x1F for SHAKE (bits 1,1,1,1 then 1); the final 1 of pad10*1 is bit 7 of
// the last byte of the block (0x80). When both fall in the same byte it becomes 0x86 / 0x9F.
//
// Bytes map to lanes little-endian (§B.1): byte k of the rate is bits 8(k mod 8)..8(k mod 8)+7 of lane k / 8
// (KeccakLanes, shared with the four-way ShakeX4).
// The permutation runs lazily: a full input block is permuted as soon as it is complete, and a new output
// block is produced only when more output is asked for, so no permutation is wasted.
//
// The state can hold secret material (ML-KEM's d, z, sigma, shared keys): owners call Clear() (or Dispose()).

using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FintechCrypto.Native.Keccak;

namespace FintechCrypto.Internal.Sha3;

/// <summary>
/// A Keccak sponge (FIPS 202 §4) with capacity 1600 - 8 * rate bits and a SHA-3 or SHAKE domain suffix.
/// A mutable struct: keep it in a local or a field and never copy it after use has begun.
/// </summary>
internal struct KeccakSponge : IDisposable
{
    /// <summary>Domain suffix 01 plus the first pad10*1 bit, as a byte (FIPS 202 §B.2): SHA3-224/256/384/512.</summary>
    internal const byte Sha3Padding = 0x06;

    /// <summary>Domain suffix 1111 plus the first pad10*1 bit, as a byte (FIPS 202 §B.2): SHAKE128/256.</summary>
    internal const byte ShakePadding = 0x1F;

    /// <summary>Domain suffix 00 plus the first pad10*1 bit, as a byte (SP 800-185 §3.3): cSHAKE128/256, so KMAC.</summary>
    internal const byte CShakePadding = 0x04;

    private KeccakState _state;
    private readonly int _rate;
    private readonly byte _padding;
    private int _position;
    private bool _squeezing;

    /// <summary>Creates an empty sponge.</summary>
    /// <param name="rateInBytes">The rate r / 8: a multiple of 8 below 200 (168, 144, 136, 104 or 72 here).</param>
    /// <param name="padding"><see cref="Sha3Padding"/>, <see cref="ShakePadding"/> or <see cref="CShakePadding"/>.</param>
    internal KeccakSponge(int rateInBytes, byte padding)
    {
        Debug.Assert(rateInBytes > 0 && rateInBytes < 200 && rateInBytes % 8 == 0);
        Debug.Assert(padding is Sha3Padding or ShakePadding or CShakePadding);
        _rate = rateInBytes;
        _padding = padding;
    }

    /// <summary>The rate in bytes (the block size of absorbing and squeezing).</summary>
    internal readonly int RateInBytes => _rate;

    /// <summary>
    /// One-shot: absorbs <paramref name="input"/> into an empty sponge of the given rate and padding, squeezes
    /// <paramref name="output"/>.Length bytes, and clears the state (also when an exception escapes).
    /// </summary>
    internal static void HashData(int rateInBytes, byte padding, ReadOnlySpan<byte> input, Span<byte> output)
    {
        using var sponge = new KeccakSponge(rateInBytes, padding);
        sponge.Absorb(input);
        sponge.Squeeze(output);
    }

    /// <summary>
    /// One-shot over the concatenation <paramref name="first"/> ‖ <paramref name="second"/> (no copy), as
    /// <see cref="HashData(int, byte, ReadOnlySpan{byte}, Span{byte})"/>.
    /// </summary>
    internal static void HashData(int rateInBytes, byte padding, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> output)
    {
        using var sponge = new KeccakSponge(rateInBytes, padding);
        sponge.Absorb(first);
        sponge.Absorb(second);
        sponge.Squeeze(output);
    }

    /// <summary>Absorbs more input (FIPS 202 Algorithm 8, steps 5-6, incrementally).</summary>
    /// <exception cref="InvalidOperationException">Squeezing has begun, or the sponge was not created by a factory.</exception>
    internal void Absorb(ReadOnlySpan<byte> data)
    {
        ThrowIfUninitialized();
        KeccakLanes.ThrowIfSqueezing(_squeezing);
        Span<ulong> state = _state;
        int rate = _rate;
        int position = _position;

        if (position != 0)
        {
            int take = Math.Min(rate - position, data.Length);
            KeccakLanes.XorBytes(state, 1, 0, position, data[..take]);
            position += take;
            data = data[take..];
            if (position == rate)
            {
                KeccakF1600.Permute(state);
                position = 0;
            }
        }

        while (data.Length >= rate)
        {
            for (int i = 0; i < rate / 8; i++)
            {
                state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(8 * i, 8));
            }

            KeccakF1600.Permute(state);
            data = data[rate..];
        }

        if (!data.IsEmpty)
        {
            KeccakLanes.XorBytes(state, 1, 0, position, data);
            position += data.Length;
        }

        _position = position;
    }

    /// <summary>
    /// Squeezes <paramref name="output"/>.Length more bytes (FIPS 202 Algorithm 8, steps 7-10). The first call pads
    /// and ends absorbing; any number of calls of any lengths give the same stream as one call.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sponge was not created by a factory.</exception>
    internal void Squeeze(Span<byte> output)
    {
        ThrowIfUninitialized();
        if (!_squeezing)
        {
            Finish();
        }

        Span<ulong> state = _state;
        int rate = _rate;
        int position = _position;
        while (!output.IsEmpty)
        {
            if (position == rate)
            {
                KeccakF1600.Permute(state);
                position = 0;
            }

            int take = Math.Min(rate - position, output.Length);
            KeccakLanes.ExtractBytes(state, 1, 0, position, output[..take]);
            position += take;
            output = output[take..];
        }

        _position = position;
    }

    /// <summary>
    /// Squeezes whole blocks: the same stream as <see cref="Squeeze"/>, for callers that consume the output one
    /// rate-sized block at a time (ML-KEM SampleNTT squeezes 168-byte SHAKE128 blocks).
    /// </summary>
    /// <param name="output">A multiple of <see cref="RateInBytes"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="output"/> is not a multiple of the rate.</exception>
    /// <exception cref="InvalidOperationException">
    /// Earlier squeezes did not end on a block boundary, or the sponge was not created by a factory.
    /// </exception>
    internal void SqueezeBlocks(Span<byte> output)
    {
        ThrowIfUninitialized();
        int rate = _rate;
        if (output.Length % rate != 0)
        {
            throw new ArgumentException($"The output must be a multiple of the rate, {rate} bytes.", nameof(output));
        }

        if (!_squeezing)
        {
            Finish();
        }
        else if (_position != 0 && _position != rate)
        {
            throw new InvalidOperationException("SqueezeBlocks needs the output stream at a block boundary.");
        }

        Span<ulong> state = _state;
        int position = _position;
        while (!output.IsEmpty)
        {
            if (position == rate)
            {
                KeccakF1600.Permute(state);
            }

            KeccakLanes.ExtractBytes(state, 1, 0, 0, output[..rate]);
            position = rate;
            output = output[rate..];
        }

        _position = position;
    }

    /// <summary>Zeroes the state (same as <see cref="Clear"/>).</summary>
    public void Dispose() => Clear();

    /// <summary>Zeroes the state and returns to an empty sponge with the same rate and padding.</summary>
    internal void Clear()
    {
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes((Span<ulong>)_state));
        _position = 0;
        _squeezing = false;
    }

    // Pads (FIPS 202 §B.2) and permutes the last block; the first output block is then ready at position 0.
    private void Finish()
    {
        Span<ulong> state = _state;
        KeccakLanes.Pad(state, 1, _position, _rate, _padding);
        KeccakF1600.Permute(state);
        _position = 0;
        _squeezing = true;
    }

    /// <summary>Throws unless the sponge was created by a factory.</summary>
    /// <exception cref="InvalidOperationException">The sponge is a <c>default</c> struct.</exception>
    internal readonly void ThrowIfUninitialized() => KeccakLanes.ThrowIfUninitialized(_rate);
}
