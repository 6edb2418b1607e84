// The SHAKE instantiation of SLH-DSA's functions, FIPS 205 §11.1:
//
//   PRF_msg(SK.prf, opt_rand, M)     = SHAKE256(SK.prf ‖ opt_rand ‖ M, 8n)
//   H_msg(R, PK.seed, PK.root, M)    = SHAKE256(R ‖ PK.seed ‖ PK.root ‖ M, 8m)
//   PRF(PK.seed, SK.seed, ADRS)      = SHAKE256(PK.seed ‖ ADRS ‖ SK.seed, 8n)
//   T_l(PK.seed, ADRS, M_l)          = SHAKE256(PK.seed ‖ ADRS ‖ M_l, 8n)
//   H(PK.seed, ADRS, M2)             = SHAKE256(PK.seed ‖ ADRS ‖ M2, 8n)
//   F(PK.seed, ADRS, M1)             = SHAKE256(PK.seed ‖ ADRS ‖ M1, 8n)
//
// PRF, F and H take n + 32 + n (or 2n) ≤ 128 bytes, less than SHAKE256's 136-byte rate, so each is exactly one
// Keccak-f[1600] call: the input lanes (PK.seed's precomputed, ADRS's, the message's) are written straight into a
// zero state with the SHAKE padding (FIPS 202 §B.2: 0x1F after the input, 0x80 in the last byte of the rate),
// permuted once, and the first n bytes read out. Because n is a multiple of 8, every field starts on a lane
// boundary. The 4-way forms do the same for four inputs on KeccakF1600x4 (AVX2, or its scalar twin).
// T_l, PRF_msg and H_msg have long inputs and use the incremental SHAKE256 sponge.

using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FintechCrypto.Internal.Sha3;
using FintechCrypto.Native.Keccak;

namespace FintechCrypto.Internal.SlhDsa;

internal sealed class ShakeHashFunctions : HashFunctions
{
    private const int RateLanes = Shake.Rate256 / 8;                  // 17
    private const ulong PadFirst = 0x1F;                              // SHAKE suffix 1111 + first pad bit
    private const ulong PadLast = 0x80UL << 56;                       // last pad bit: top bit of rate byte 135

    private readonly ulong[] _seedLanes;
    private readonly byte[] _pkSeed;
    private readonly int _nLanes;

    internal ShakeHashFunctions(SlhDsaParameterSet parameters, ReadOnlySpan<byte> pkSeed)
        : base(parameters)
    {
        _nLanes = N / 8;
        _pkSeed = pkSeed.ToArray();
        _seedLanes = new ulong[_nLanes];
        for (int i = 0; i < _nLanes; i++)
        {
            _seedLanes[i] = BinaryPrimitives.ReadUInt64LittleEndian(pkSeed.Slice(8 * i, 8));
        }
    }

    internal override int Ways => 4;

    // One chain left in flight: a single Keccak call is cheaper than a 4-way one.
    internal override int MinBatch => 2;

    internal override void PrfMsg(ReadOnlySpan<byte> skPrf, ReadOnlySpan<byte> optRand, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> message, Span<byte> output)
    {
        Shake xof = Shake.Create256();
        try
        {
            xof.Absorb(skPrf);
            xof.Absorb(optRand);
            xof.Absorb(prefix);
            xof.Absorb(message);
            xof.Squeeze(output[..N]);
        }
        finally
        {
            xof.Clear();
        }
    }

    internal override void HMsg(ReadOnlySpan<byte> r, ReadOnlySpan<byte> pkSeed, ReadOnlySpan<byte> pkRoot, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> message, Span<byte> output)
    {
        Shake xof = Shake.Create256();
        xof.Absorb(r);
        xof.Absorb(pkSeed);
        xof.Absorb(pkRoot);
        xof.Absorb(prefix);
        xof.Absorb(message);
        xof.Squeeze(output[..Parameters.M]);
        xof.Clear();
    }

    internal override void Prf(in Address adrs, ReadOnlySpan<byte> skSeed, Span<byte> output) => OneBlock(adrs, skSeed, output);

    internal override void F(in Address adrs, ReadOnlySpan<byte> m1, Span<byte> output) => OneBlock(adrs, m1, output);

    internal override void H(in Address adrs, ReadOnlySpan<byte> m2, Span<byte> output) => OneBlock(adrs, m2, output);

    internal override void T(in Address adrs, ReadOnlySpan<byte> ml, Span<byte> output)
    {
        Span<byte> adrsBytes = stackalloc byte[Address.Size];
        adrs.Write(adrsBytes);
        Shake xof = Shake.Create256();
        xof.Absorb(_pkSeed);
        xof.Absorb(adrsBytes);
        xof.Absorb(ml);
        xof.Squeeze(output[..N]);
        xof.Clear();
    }

    internal override void PrfMany(ReadOnlySpan<Address> adrs, ReadOnlySpan<byte> skSeed, Span<byte> output)
    {
        if (adrs.Length != 4)
        {
            base.PrfMany(adrs, skSeed, output);
            return;
        }

        KeccakStateX4 states = default;
        Span<ulong> s = states;
        int n = _nLanes;
        for (int j = 0; j < 4; j++)
        {
            WriteHeader(s, j, adrs[j]);
            for (int i = 0; i < n; i++)
            {
                s[(4 * (n + 4 + i)) + j] = BinaryPrimitives.ReadUInt64LittleEndian(skSeed.Slice(8 * i, 8));
            }
        }

        FinishFourWay(s, n + 4 + n, output);
    }

    internal override void FMany(ReadOnlySpan<Address> adrs, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (adrs.Length != 4)
        {
            base.FMany(adrs, input, output);
            return;
        }

        FourWay(adrs, input, messageLanes: _nLanes, output);
    }

    internal override void HMany(ReadOnlySpan<Address> adrs, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (adrs.Length != 4)
        {
            base.HMany(adrs, input, output);
            return;
        }

        FourWay(adrs, input, messageLanes: 2 * _nLanes, output);
    }

    public override void Dispose()
    {
        // PK.seed is public; nothing secret is kept between calls.
    }

    // One Keccak-f call: SHAKE256(PK.seed ‖ ADRS ‖ message, 8n) for n + 32 + |message| < 136 bytes.
    private void OneBlock(in Address adrs, ReadOnlySpan<byte> message, Span<byte> output)
    {
        KeccakState state = default;
        Span<ulong> s = state;
        int n = _nLanes;
        for (int i = 0; i < n; i++)
        {
            s[i] = _seedLanes[i];
        }

        adrs.GetLanes(out s[n], out s[n + 1], out s[n + 2], out s[n + 3]);
        int messageLanes = message.Length / 8;
        for (int i = 0; i < messageLanes; i++)
        {
            s[n + 4 + i] = BinaryPrimitives.ReadUInt64LittleEndian(message.Slice(8 * i, 8));
        }

        s[n + 4 + messageLanes] ^= PadFirst;
        s[RateLanes - 1] ^= PadLast;
        KeccakF1600.Permute(s);
        for (int i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(8 * i, 8), s[i]);
        }

        // The state can be inverted to its input (which may hold SK.seed or a secret chain value).
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(s));
    }

    private void FourWay(ReadOnlySpan<Address> adrs, ReadOnlySpan<byte> input, int messageLanes, Span<byte> output)
    {
        KeccakStateX4 states = default;
        Span<ulong> s = states;
        int n = _nLanes;
        int messageBytes = 8 * messageLanes;
        for (int j = 0; j < 4; j++)
        {
            WriteHeader(s, j, adrs[j]);
            ReadOnlySpan<byte> message = input.Slice(j * messageBytes, messageBytes);
            for (int i = 0; i < messageLanes; i++)
            {
                s[(4 * (n + 4 + i)) + j] = BinaryPrimitives.ReadUInt64LittleEndian(message.Slice(8 * i, 8));
            }
        }

        FinishFourWay(s, n + 4 + messageLanes, output);
    }

    // Lanes 0..n/8-1 = PK.seed and the next four = ADRS, for instance j (lane i of instance j at 4i + j).
    private void WriteHeader(Span<ulong> s, int j, in Address adrs)
    {
        int n = _nLanes;
        for (int i = 0; i < n; i++)
        {
            s[(4 * i) + j] = _seedLanes[i];
        }

        adrs.GetLanes(out s[(4 * n) + j], out s[(4 * (n + 1)) + j], out s[(4 * (n + 2)) + j], out s[(4 * (n + 3)) + j]);
    }

    private void FinishFourWay(Span<ulong> s, int inputLanes, Span<byte> output)
    {
        int n = _nLanes;
        for (int j = 0; j < 4; j++)
        {
            s[(4 * inputLanes) + j] ^= PadFirst;
            s[(4 * (RateLanes - 1)) + j] ^= PadLast;
        }

        KeccakF1600x4.Permute(s);
        for (int j = 0; j < 4; j++)
        {
            for (int i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(output.Slice((j * N) + (8 * i), 8), s[(4 * i) + j]);
            }
        }

        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(s));
    }
}
