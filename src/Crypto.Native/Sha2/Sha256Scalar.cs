// SHA-256 compression function, FIPS 180-4 §6.2.2 (steps 1-4 for one message block), on a state of eight words.
//
// The working variables a..h are locals and the rounds are unrolled sixteen at a time: round t renames the
// variables instead of moving them (the roles shift by one each round, so they return to their places every eight
// rounds), and the message schedule is a 16-word circular window in which W_t for t ≥ 16 overwrites W_(t−16)
// (§6.2.2 step 1), computed sixteen words at a time before each group of sixteen rounds. (A single 64-round body
// has more temporaries than the JIT tracks, and then everything lives on the stack.) K_t are the §4.2.2 values.
// Padding (§5.1.1) and the initial hash value (§5.3.3) are the caller's.
//
// This is the reference twin of the 8-way kernels (Sha256x8Vector256 with Avx2Ops or Avx512Ops, through Sha256x8Scalar) and the
// single-call path of SLH-DSA's SHA2 sets. Constant time: only 32-bit additions, rotations by constants and
// bitwise logic; no table indexed by data, no branch on data.

using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FintechCrypto.Native.Sha2;

/// <summary>The SHA-256 compression function (FIPS 180-4 §6.2.2) on one 64-byte block.</summary>
internal static class Sha256Scalar
{
    /// <summary>Words in a SHA-256 state (H_0 … H_7).</summary>
    internal const int StateWords = 8;

    /// <summary>Bytes in a SHA-256 message block.</summary>
    internal const int BlockBytes = 64;

    /// <summary>The SHA-256 initial hash value H(0) (FIPS 180-4 §5.3.3).</summary>
    internal static ReadOnlySpan<uint> InitialState =>
    [
        0x6A09E667u, 0xBB67AE85u, 0x3C6EF372u, 0xA54FF53Au, 0x510E527Fu, 0x9B05688Cu, 0x1F83D9ABu, 0x5BE0CD19u,
    ];

    /// <summary>The round constants K_0 … K_63 (FIPS 180-4 §4.2.2).</summary>
    internal static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428A2F98u, 0x71374491u, 0xB5C0FBCFu, 0xE9B5DBA5u, 0x3956C25Bu, 0x59F111F1u, 0x923F82A4u, 0xAB1C5ED5u,
        0xD807AA98u, 0x12835B01u, 0x243185BEu, 0x550C7DC3u, 0x72BE5D74u, 0x80DEB1FEu, 0x9BDC06A7u, 0xC19BF174u,
        0xE49B69C1u, 0xEFBE4786u, 0x0FC19DC6u, 0x240CA1CCu, 0x2DE92C6Fu, 0x4A7484AAu, 0x5CB0A9DCu, 0x76F988DAu,
        0x983E5152u, 0xA831C66Du, 0xB00327C8u, 0xBF597FC7u, 0xC6E00BF3u, 0xD5A79147u, 0x06CA6351u, 0x14292967u,
        0x27B70A85u, 0x2E1B2138u, 0x4D2C6DFCu, 0x53380D13u, 0x650A7354u, 0x766A0ABBu, 0x81C2C92Eu, 0x92722C85u,
        0xA2BFE8A1u, 0xA81A664Bu, 0xC24B8B70u, 0xC76C51A3u, 0xD192E819u, 0xD6990624u, 0xF40E3585u, 0x106AA070u,
        0x19A4C116u, 0x1E376C08u, 0x2748774Cu, 0x34B0BCB5u, 0x391C0CB3u, 0x4ED8AA4Au, 0x5B9CCA4Fu, 0x682E6FF3u,
        0x748F82EEu, 0x78A5636Fu, 0x84C87814u, 0x8CC70208u, 0x90BEFFFAu, 0xA4506CEBu, 0xBEF9A3F7u, 0xC67178F2u,
    ];

    /// <summary>Updates <paramref name="state"/> with one message block: H(i) = H(i−1) + the 64 rounds over M(i).</summary>
    /// <param name="state">The eight state words H_0 … H_7, updated in place.</param>
    /// <param name="block">The 64-byte block M(i) (its words are big-endian, §3.1).</param>
    /// <exception cref="ArgumentException">The state is not 8 words or the block not 64 bytes.</exception>
    [SkipLocalsInit]
    internal static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        if (state.Length != StateWords)
        {
            throw new ArgumentException("A SHA-256 state is exactly 8 words.", nameof(state));
        }

        if (block.Length != BlockBytes)
        {
            throw new ArgumentException("A SHA-256 block is exactly 64 bytes.", nameof(block));
        }

        Span<uint> schedule = stackalloc uint[16];
        ref uint w = ref MemoryMarshal.GetReference(schedule);
        ref byte m = ref MemoryMarshal.GetReference(block);
        for (int i = 0; i < 16; i++)
        {
            Unsafe.Add(ref w, i) = Load(ref m, 4 * i);           // W_0 … W_15 = M_0 … M_15 (§6.2.2 step 1)
        }

        ref uint s = ref MemoryMarshal.GetReference(state);
        uint a = s;
        uint b = Unsafe.Add(ref s, 1);
        uint c = Unsafe.Add(ref s, 2);
        uint d = Unsafe.Add(ref s, 3);
        uint e = Unsafe.Add(ref s, 4);
        uint f = Unsafe.Add(ref s, 5);
        uint g = Unsafe.Add(ref s, 6);
        uint h = Unsafe.Add(ref s, 7);

        // §6.2.2 step 3, t = 0..63: T1 = h + Σ1(e) + Ch(e, f, g) + K_t + W_t; T2 = Σ0(a) + Maj(a, b, c);
        // h ← g, g ← f, f ← e, e ← d + T1, d ← c, c ← b, b ← a, a ← T1 + T2 (as renaming: the variable that held h
        // takes T1 + T2 and becomes a, the one that held d takes d + T1 and becomes e).
        ref uint k = ref MemoryMarshal.GetReference(RoundConstants);
        for (int t = 0; t < 64; t += 16)
        {
            if (t != 0)
            {
                // W_(t+i) = σ1(W_(t+i−2)) + W_(t+i−7) + σ0(W_(t+i−15)) + W_(t+i−16), i = 0..15, in the window.
                Unsafe.Add(ref w, 0) += Sigma1Small(Unsafe.Add(ref w, 14)) + Unsafe.Add(ref w, 9) + Sigma0Small(Unsafe.Add(ref w, 1));
                Unsafe.Add(ref w, 1) += Sigma1Small(Unsafe.Add(ref w, 15)) + Unsafe.Add(ref w, 10) + Sigma0Small(Unsafe.Add(ref w, 2));
                Unsafe.Add(ref w, 2) += Sigma1Small(Unsafe.Add(ref w, 0)) + Unsafe.Add(ref w, 11) + Sigma0Small(Unsafe.Add(ref w, 3));
                Unsafe.Add(ref w, 3) += Sigma1Small(Unsafe.Add(ref w, 1)) + Unsafe.Add(ref w, 12) + Sigma0Small(Unsafe.Add(ref w, 4));
                Unsafe.Add(ref w, 4) += Sigma1Small(Unsafe.Add(ref w, 2)) + Unsafe.Add(ref w, 13) + Sigma0Small(Unsafe.Add(ref w, 5));
                Unsafe.Add(ref w, 5) += Sigma1Small(Unsafe.Add(ref w, 3)) + Unsafe.Add(ref w, 14) + Sigma0Small(Unsafe.Add(ref w, 6));
                Unsafe.Add(ref w, 6) += Sigma1Small(Unsafe.Add(ref w, 4)) + Unsafe.Add(ref w, 15) + Sigma0Small(Unsafe.Add(ref w, 7));
                Unsafe.Add(ref w, 7) += Sigma1Small(Unsafe.Add(ref w, 5)) + Unsafe.Add(ref w, 0) + Sigma0Small(Unsafe.Add(ref w, 8));
                Unsafe.Add(ref w, 8) += Sigma1Small(Unsafe.Add(ref w, 6)) + Unsafe.Add(ref w, 1) + Sigma0Small(Unsafe.Add(ref w, 9));
                Unsafe.Add(ref w, 9) += Sigma1Small(Unsafe.Add(ref w, 7)) + Unsafe.Add(ref w, 2) + Sigma0Small(Unsafe.Add(ref w, 10));
                Unsafe.Add(ref w, 10) += Sigma1Small(Unsafe.Add(ref w, 8)) + Unsafe.Add(ref w, 3) + Sigma0Small(Unsafe.Add(ref w, 11));
                Unsafe.Add(ref w, 11) += Sigma1Small(Unsafe.Add(ref w, 9)) + Unsafe.Add(ref w, 4) + Sigma0Small(Unsafe.Add(ref w, 12));
                Unsafe.Add(ref w, 12) += Sigma1Small(Unsafe.Add(ref w, 10)) + Unsafe.Add(ref w, 5) + Sigma0Small(Unsafe.Add(ref w, 13));
                Unsafe.Add(ref w, 13) += Sigma1Small(Unsafe.Add(ref w, 11)) + Unsafe.Add(ref w, 6) + Sigma0Small(Unsafe.Add(ref w, 14));
                Unsafe.Add(ref w, 14) += Sigma1Small(Unsafe.Add(ref w, 12)) + Unsafe.Add(ref w, 7) + Sigma0Small(Unsafe.Add(ref w, 15));
                Unsafe.Add(ref w, 15) += Sigma1Small(Unsafe.Add(ref w, 13)) + Unsafe.Add(ref w, 8) + Sigma0Small(Unsafe.Add(ref w, 0));
            }

                h += Sigma1(e) + Ch(e, f, g) + Unsafe.Add(ref k, 0) + Unsafe.Add(ref w, 0);
                d += h;
                h += Sigma0(a) + Maj(a, b, c);
                g += Sigma1(d) + Ch(d, e, f) + Unsafe.Add(ref k, 1) + Unsafe.Add(ref w, 1);
                c += g;
                g += Sigma0(h) + Maj(h, a, b);
                f += Sigma1(c) + Ch(c, d, e) + Unsafe.Add(ref k, 2) + Unsafe.Add(ref w, 2);
                b += f;
                f += Sigma0(g) + Maj(g, h, a);
                e += Sigma1(b) + Ch(b, c, d) + Unsafe.Add(ref k, 3) + Unsafe.Add(ref w, 3);
                a += e;
                e += Sigma0(f) + Maj(f, g, h);
                d += Sigma1(a) + Ch(a, b, c) + Unsafe.Add(ref k, 4) + Unsafe.Add(ref w, 4);
                h += d;
                d += Sigma0(e) + Maj(e, f, g);
                c += Sigma1(h) + Ch(h, a, b) + Unsafe.Add(ref k, 5) + Unsafe.Add(ref w, 5);
                g += c;
                c += Sigma0(d) + Maj(d, e, f);
                b += Sigma1(g) + Ch(g, h, a) + Unsafe.Add(ref k, 6) + Unsafe.Add(ref w, 6);
                f += b;
                b += Sigma0(c) + Maj(c, d, e);
                a += Sigma1(f) + Ch(f, g, h) + Unsafe.Add(ref k, 7) + Unsafe.Add(ref w, 7);
                e += a;
                a += Sigma0(b) + Maj(b, c, d);
                h += Sigma1(e) + Ch(e, f, g) + Unsafe.Add(ref k, 8) + Unsafe.Add(ref w, 8);
                d += h;
                h += Sigma0(a) + Maj(a, b, c);
                g += Sigma1(d) + Ch(d, e, f) + Unsafe.Add(ref k, 9) + Unsafe.Add(ref w, 9);
                c += g;
                g += Sigma0(h) + Maj(h, a, b);
                f += Sigma1(c) + Ch(c, d, e) + Unsafe.Add(ref k, 10) + Unsafe.Add(ref w, 10);
                b += f;
                f += Sigma0(g) + Maj(g, h, a);
                e += Sigma1(b) + Ch(b, c, d) + Unsafe.Add(ref k, 11) + Unsafe.Add(ref w, 11);
                a += e;
                e += Sigma0(f) + Maj(f, g, h);
                d += Sigma1(a) + Ch(a, b, c) + Unsafe.Add(ref k, 12) + Unsafe.Add(ref w, 12);
                h += d;
                d += Sigma0(e) + Maj(e, f, g);
                c += Sigma1(h) + Ch(h, a, b) + Unsafe.Add(ref k, 13) + Unsafe.Add(ref w, 13);
                g += c;
                c += Sigma0(d) + Maj(d, e, f);
                b += Sigma1(g) + Ch(g, h, a) + Unsafe.Add(ref k, 14) + Unsafe.Add(ref w, 14);
                f += b;
                b += Sigma0(c) + Maj(c, d, e);
                a += Sigma1(f) + Ch(f, g, h) + Unsafe.Add(ref k, 15) + Unsafe.Add(ref w, 15);
                e += a;
                a += Sigma0(b) + Maj(b, c, d);

            k = ref Unsafe.Add(ref k, 16);
        }

        // §6.2.2 step 4: H_i ← working variable + H_i.
        s += a;
        Unsafe.Add(ref s, 1) += b;
        Unsafe.Add(ref s, 2) += c;
        Unsafe.Add(ref s, 3) += d;
        Unsafe.Add(ref s, 4) += e;
        Unsafe.Add(ref s, 5) += f;
        Unsafe.Add(ref s, 6) += g;
        Unsafe.Add(ref s, 7) += h;
        schedule.Clear();                                         // the block may be secret (SLH-DSA PRF inputs)
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Load(ref byte block, int offset) =>
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref block, offset)));

    // §4.1.2, (4.2)-(4.7).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Ch(uint x, uint y, uint z) => z ^ (x & (y ^ z));           // = (x ∧ y) ⊕ (¬x ∧ z)

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Maj(uint x, uint y, uint z) => (x & y) ^ (z & (x ^ y));     // = (x ∧ y) ⊕ (x ∧ z) ⊕ (y ∧ z)

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Sigma0(uint x) => BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Sigma1(uint x) => BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Sigma0Small(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Sigma1Small(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);
}
