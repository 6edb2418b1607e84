// The SHA2 instantiation of SLH-DSA's functions, FIPS 205 §11.2.1 (security category 1) and §11.2.2 (categories 3
// and 5), with the 22-byte compressed address ADRSc:
//
//                          category 1                                    categories 3 and 5
//   PRF_msg(SK.prf, r, M)  Trunc_n(HMAC-SHA-256(SK.prf, r ‖ M))          Trunc_n(HMAC-SHA-512(SK.prf, r ‖ M))
//   H_msg(R, seed, root, M) MGF1-SHA-256(R ‖ seed ‖ SHA-256(R ‖ seed ‖ root ‖ M), m)   the same with SHA-512
//   PRF(seed, SK.seed, ADRS) Trunc_n(SHA-256(seed ‖ 0^(64−n) ‖ ADRSc ‖ SK.seed))       the same (SHA-256)
//   F(seed, ADRS, M1)       Trunc_n(SHA-256(seed ‖ 0^(64−n) ‖ ADRSc ‖ M1))            the same (SHA-256)
//   H(seed, ADRS, M2)       Trunc_n(SHA-256(seed ‖ 0^(64−n) ‖ ADRSc ‖ M2))            Trunc_n(SHA-512(seed ‖ 0^(128−n) ‖ ADRSc ‖ M2))
//   T_l(seed, ADRS, M_l)    as H, over M_l                                 as H, over M_l
//
// MGF1 is RFC 8017 Appendix B.2.1. The first block of PRF, F, H and T_l is always PK.seed padded to the hash's
// block size, so its compression is done once per operation and the saved state (the "midstate") continues every
// call. For SHA-256 (PRF and F in every category, H and T_l in category 1) the rest is one call of our compression
// function (FintechCrypto.Native.Sha2, FIPS 180-4 §6.2.2) per block after the midstate: ADRSc ‖ M1 (or ‖ SK.seed, or
// ‖ M2 at n = 16) is 22 + n or 22 + 2n ≤ 54 bytes, so with the §5.1.1 padding it is exactly one block. Independent
// calls (WOTS+ chains, FORS leaves, FORS authentication paths) are batched eight at a time through Sha256x8, eight
// compressions on one AVX2 / AVX-512VL kernel, when that kernel is vectorized (Ways = 8); with SIMD disabled they
// are single calls on the scalar compression (Ways = 1). Measured on this kind of machine, a 102-byte SHA-256 costs
// ~790 ns through SHA256.HashData, ~560 ns through a reused IncrementalHash, ~370 ns as a restored BouncyCastle
// state plus one block, less as our own single compression, and a fraction of that per lane on the 8-way kernel.
// H and T_l of categories 3 and 5 (SHA-512) still continue a saved BouncyCastle Sha512Digest: they are a few
// percent of the work (F and PRF dominate). H_msg's inner hash (over the whole message) and HMAC use the BCL,
// which is fastest on long inputs.

using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Org.BouncyCastle.Utilities;
using Org.BouncyCastle.Crypto.Digests;
using FintechCrypto.Native.Sha2;

namespace FintechCrypto.Internal.SlhDsa;

internal sealed class Sha2HashFunctions : HashFunctions
{
    private const int Ways8 = Sha256x8.Ways;

    // The SHA-256 state after PK.seed ‖ toByte(0, 64 − n), once and broadcast to the eight lanes (word i of lane j
    // at 8i + j). PK.seed is public.
    private readonly uint[] _midstate256 = new uint[Sha256Scalar.StateWords];
    private readonly uint[] _midstate256x8 = new uint[Sha256x8.StatesLength];
    private readonly int _ways;
    private readonly Sha512Digest? _seeded512;
    private readonly Sha512Digest? _work512;
    private readonly bool _category1;

    internal Sha2HashFunctions(SlhDsaParameterSet parameters, ReadOnlySpan<byte> pkSeed)
        : base(parameters)
    {
        _category1 = parameters.Category == 1;
        Span<byte> block = stackalloc byte[128];
        block.Clear();
        pkSeed[..N].CopyTo(block);

        Sha256Scalar.InitialState.CopyTo(_midstate256);
        Sha256Scalar.Compress(_midstate256, block[..64]);    // PK.seed ‖ toByte(0, 64 − n)
        for (int i = 0; i < Sha256Scalar.StateWords; i++)
        {
            _midstate256x8.AsSpan(Ways8 * i, Ways8).Fill(_midstate256[i]);
        }

        _ways = Sha256x8.IsVectorized ? Ways8 : 1;
        if (!_category1)
        {
            _seeded512 = new Sha512Digest();
            _seeded512.BlockUpdate(block);                   // PK.seed ‖ toByte(0, 128 − n)
            _work512 = new Sha512Digest(_seeded512);
        }
    }

    internal override int Ways => _ways;

    // An 8-way call costs well under two single compressions.
    internal override int MinBatch => 2;

    internal override void PrfMsg(ReadOnlySpan<byte> skPrf, ReadOnlySpan<byte> optRand, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> message, Span<byte> output)
    {
        HashAlgorithmName name = _category1 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA512;
        Span<byte> mac = stackalloc byte[64];
        using (IncrementalHash hmac = IncrementalHash.CreateHMAC(name, skPrf))
        {
            hmac.AppendData(optRand);
            hmac.AppendData(prefix);
            hmac.AppendData(message);
            int written = hmac.GetHashAndReset(mac);
            mac[..N].CopyTo(output);
            CryptographicOperations.ZeroMemory(mac[..written]);
        }
    }

    internal override void HMsg(ReadOnlySpan<byte> r, ReadOnlySpan<byte> pkSeed, ReadOnlySpan<byte> pkRoot, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> message, Span<byte> output)
    {
        HashAlgorithmName name = _category1 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA512;
        int hashLength = _category1 ? 32 : 64;
        int n = N;

        // seed = R ‖ PK.seed ‖ SHA-x(R ‖ PK.seed ‖ PK.root ‖ M), then MGF1 counters appended.
        Span<byte> mgfInput = stackalloc byte[(2 * 32) + 64 + 4];
        r[..n].CopyTo(mgfInput);
        pkSeed[..n].CopyTo(mgfInput[n..]);
        using (IncrementalHash inner = IncrementalHash.CreateHash(name))
        {
            inner.AppendData(r[..n]);
            inner.AppendData(pkSeed[..n]);
            inner.AppendData(pkRoot[..n]);
            inner.AppendData(prefix);
            inner.AppendData(message);
            inner.GetHashAndReset(mgfInput.Slice(2 * n, hashLength));
        }

        // MGF1 (RFC 8017 B.2.1): T = Hash(seed ‖ I2OSP(0, 4)) ‖ Hash(seed ‖ I2OSP(1, 4)) ‖ …, truncated to m bytes.
        int seedLength = (2 * n) + hashLength;
        Span<byte> block = stackalloc byte[64];
        int m = Parameters.M;
        for (uint counter = 0, offset = 0; offset < m; counter++, offset += (uint)hashLength)
        {
            BinaryPrimitives.WriteUInt32BigEndian(mgfInput.Slice(seedLength, 4), counter);
            if (_category1)
            {
                SHA256.HashData(mgfInput[..(seedLength + 4)], block);
            }
            else
            {
                SHA512.HashData(mgfInput[..(seedLength + 4)], block);
            }

            int take = Math.Min(hashLength, m - (int)offset);
            block[..take].CopyTo(output.Slice((int)offset, take));
        }
    }

    internal override void Prf(in Address adrs, ReadOnlySpan<byte> skSeed, Span<byte> output) => Hash256(adrs, skSeed, output);

    internal override void F(in Address adrs, ReadOnlySpan<byte> m1, Span<byte> output) => Hash256(adrs, m1, output);

    internal override void H(in Address adrs, ReadOnlySpan<byte> m2, Span<byte> output)
    {
        if (_category1)
        {
            Hash256(adrs, m2, output);
        }
        else
        {
            Hash512(adrs, m2, output);
        }
    }

    internal override void T(in Address adrs, ReadOnlySpan<byte> ml, Span<byte> output)
    {
        if (_category1)
        {
            Hash256(adrs, ml, output);
        }
        else
        {
            Hash512(adrs, ml, output);
        }
    }

    internal override void PrfMany(ReadOnlySpan<Address> adrs, ReadOnlySpan<byte> skSeed, Span<byte> output)
    {
        if (adrs.Length < MinBatch || _ways == 1)
        {
            base.PrfMany(adrs, skSeed, output);
            return;
        }

        Hash256x8(adrs, skSeed, 0, output);
    }

    internal override void FMany(ReadOnlySpan<Address> adrs, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (adrs.Length < MinBatch || _ways == 1)
        {
            base.FMany(adrs, input, output);
            return;
        }

        Hash256x8(adrs, input, N, output);
    }

    internal override void HMany(ReadOnlySpan<Address> adrs, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (adrs.Length < MinBatch || _ways == 1 || !_category1)
        {
            base.HMany(adrs, input, output);                 // categories 3 and 5: H is SHA-512
            return;
        }

        Hash256x8(adrs, input, 2 * N, output);
    }

    public override void Dispose()
    {
        // The SHA-512 work digest last held a secret chain value: Reset clears its buffer. (The SHA-256 paths keep
        // nothing between calls; their stack buffers are cleared after each call.)
        _work512?.Reset();
    }

    // Trunc_n(SHA-256(PK.seed ‖ toByte(0, 64 − n) ‖ ADRSc ‖ message)), continuing the saved first-block state: the
    // rest of the input, padded (FIPS 180-4 §5.1.1), is one block for F, PRF and H (22 + 2n ≤ 55 bytes at n = 16)
    // and ⌈(22 + l·n + 9) / 64⌉ blocks for T_l.
    private void Hash256(in Address adrs, ReadOnlySpan<byte> message, Span<byte> output)
    {
        Span<uint> state = stackalloc uint[Sha256Scalar.StateWords];
        Span<byte> block = stackalloc byte[Sha256Scalar.BlockBytes];
        _midstate256.CopyTo(state);
        adrs.WriteCompressed(block);
        int fill = Address.CompressedSize;
        int position = 0;
        while (true)
        {
            int take = Math.Min(Sha256Scalar.BlockBytes - fill, message.Length - position);
            message.Slice(position, take).CopyTo(block[fill..]);
            fill += take;
            position += take;
            if (fill < Sha256Scalar.BlockBytes)
            {
                break;
            }

            Sha256Scalar.Compress(state, block);
            fill = 0;
            for (; message.Length - position >= Sha256Scalar.BlockBytes; position += Sha256Scalar.BlockBytes)
            {
                Sha256Scalar.Compress(state, message.Slice(position, Sha256Scalar.BlockBytes));
            }
        }

        // §5.1.1: a 1 bit, zeros, and the 64-bit length of PK.seed block ‖ ADRSc ‖ message in bits.
        block[fill++] = 0x80;
        if (fill > Sha256Scalar.BlockBytes - 8)
        {
            block[fill..].Clear();
            Sha256Scalar.Compress(state, block);
            fill = 0;
        }

        block[fill..(Sha256Scalar.BlockBytes - 8)].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(block[(Sha256Scalar.BlockBytes - 8)..], (ulong)(Sha256Scalar.BlockBytes + Address.CompressedSize + message.Length) * 8);
        Sha256Scalar.Compress(state, block);
        for (int i = 0; i < N / 4; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(output.Slice(4 * i, 4), state[i]);
        }

        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(state));
    }

    // Up to eight calls of Hash256 with single-block tails (22 + messageLength + 9 ≤ 64 bytes) on the 8-way kernel:
    // lane j hashes ADRSc(adrs[j]) ‖ input[j·messageLength ..] (messageLength = 0: every lane hashes ADRSc ‖ SK.seed
    // from input, the PRF form). Lanes past adrs.Length hash an all-zero block; their results are not read.
    private void Hash256x8(ReadOnlySpan<Address> adrs, ReadOnlySpan<byte> input, int messageLength, Span<byte> output)
    {
        Span<uint> states = stackalloc uint[Sha256x8.StatesLength];
        Span<byte> blocks = stackalloc byte[Sha256x8.BlocksLength];
        _midstate256x8.CopyTo(states);
        int n = N;
        int length = messageLength == 0 ? n : messageLength;
        ulong bits = (ulong)(Sha256Scalar.BlockBytes + Address.CompressedSize + length) * 8;
        for (int j = 0; j < adrs.Length; j++)
        {
            Span<byte> block = blocks.Slice(j * Sha256Scalar.BlockBytes, Sha256Scalar.BlockBytes);
            adrs[j].WriteCompressed(block);
            ReadOnlySpan<byte> message = messageLength == 0 ? input[..n] : input.Slice(j * messageLength, messageLength);
            message.CopyTo(block[Address.CompressedSize..]);
            block[Address.CompressedSize + length] = 0x80;                                   // §5.1.1 (the rest is zero)
            BinaryPrimitives.WriteUInt64BigEndian(block[(Sha256Scalar.BlockBytes - 8)..], bits);
        }

        Sha256x8.Compress(states, blocks);
        for (int j = 0; j < adrs.Length; j++)
        {
            for (int i = 0; i < n / 4; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(output.Slice((j * n) + (4 * i), 4), states[(Ways8 * i) + j]);
            }
        }

        CryptographicOperations.ZeroMemory(blocks);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(states));
    }

    // Trunc_n(SHA-512(PK.seed ‖ toByte(0, 128 − n) ‖ ADRSc ‖ message)), from the saved first-block state.
    private void Hash512(in Address adrs, ReadOnlySpan<byte> message, Span<byte> output)
    {
        Span<byte> buffer = stackalloc byte[64];
        adrs.WriteCompressed(buffer);
        Sha512Digest digest = _work512!;
        digest.Reset((IMemoable)_seeded512!);
        digest.BlockUpdate(buffer[..Address.CompressedSize]);
        digest.BlockUpdate(message);
        digest.DoFinal(buffer);
        buffer[..N].CopyTo(output);
        CryptographicOperations.ZeroMemory(buffer);
    }
}
