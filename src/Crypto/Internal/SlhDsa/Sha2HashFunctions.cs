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
// block size, so its compression is done once per operation and the state is restored for every call (the
// BouncyCastle digests' IMemoable copy; the BCL hashes cannot clone a state). Measured on this kind of machine
// (SHA-NI present): a 102-byte SHA-256 costs ~790 ns through SHA256.HashData and ~560 ns through a reused
// IncrementalHash, but ~370 ns as a restored BouncyCastle state plus one block, so F/H/PRF/T_l use the latter.
// H_msg's inner hash (over the whole message) and HMAC use the BCL, which is fastest on long inputs.

using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Org.BouncyCastle.Utilities;
using Org.BouncyCastle.Crypto.Digests;

namespace FintechCrypto.Internal.SlhDsa;

internal sealed class Sha2HashFunctions : HashFunctions
{
    private readonly Sha256Digest _seeded256;
    private readonly Sha256Digest _work256;
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

        _seeded256 = new Sha256Digest();
        _seeded256.BlockUpdate(block[..64]);                 // PK.seed ‖ toByte(0, 64 − n)
        _work256 = new Sha256Digest(_seeded256);
        if (!_category1)
        {
            _seeded512 = new Sha512Digest();
            _seeded512.BlockUpdate(block);                   // PK.seed ‖ toByte(0, 128 − n)
            _work512 = new Sha512Digest(_seeded512);
        }
    }

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

    public override void Dispose()
    {
        // The work digests last held a PRF input (SK.seed) or a secret chain value: Reset clears their buffers.
        _work256.Reset();
        _work512?.Reset();
    }

    // Trunc_n(SHA-256(PK.seed ‖ toByte(0, 64 − n) ‖ ADRSc ‖ message)), from the saved first-block state.
    private void Hash256(in Address adrs, ReadOnlySpan<byte> message, Span<byte> output)
    {
        Span<byte> buffer = stackalloc byte[32];
        adrs.WriteCompressed(buffer);
        Sha256Digest digest = _work256;
        digest.Reset(_seeded256);
        digest.BlockUpdate(buffer[..Address.CompressedSize]);
        digest.BlockUpdate(message);
        digest.DoFinal(buffer);
        buffer[..N].CopyTo(output);
        CryptographicOperations.ZeroMemory(buffer);
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
