// Sha256x8Avx512: Sha256x8Avx2 with the AVX-512VL single-instruction rotate (vprord) and three-input logic (vpternlogd).
//
// References: FIPS 180-4 §6.2.2 (the compression function), §4.1.2 (Ch, Maj, Σ0, Σ1, σ0, σ1), §4.2.2 (K_t).
//
// Layout (interleaved): states[8 * i + j] is word H_i of instance j, j = 0..7 (64 words in all), so one
// Vector256<uint> holds word i of the eight states; blocks[64 * j .. 64 * j + 63] is the 64-byte block of instance j
// (contiguous, as the caller wrote it). The blocks are loaded row by row, their words byte-swapped (big-endian, §3.1)
// and transposed 8 × 8 twice (unpack 32, unpack 64, permute 128) so that W_t holds word t of the eight blocks.
// Every round is then Sha256Scalar's round applied element-wise, in the same groups of sixteen, renamed the same way:
// rotations are vprord, the three-way xors of Σ/σ and Ch and Maj are one vpternlogd each; the loads are AVX2's.
// Caller contract: Sha256x8 dispatches here only when Dispatch allows it (the intrinsics throw
// PlatformNotSupportedException otherwise). The differential tests compare it with the scalar twin Sha256x8Scalar.
// Constant time: only vector additions, shifts or rotates by constants, bitwise logic and fixed-offset loads/stores.

using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native.Sha2;

/// <summary>Eight SHA-256 compressions (FIPS 180-4 §6.2.2) at once on Vector256 with AVX-512VL; scalar twin <see cref="Sha256x8Scalar"/>.</summary>
internal static class Sha256x8Avx512
{
    /// <summary>Updates eight interleaved states, each with its own 64-byte block.</summary>
    /// <param name="states">64 words; word i of instance j at index 8i + j.</param>
    /// <param name="blocks">512 bytes; the block of instance j at bytes 64j … 64j + 63.</param>
    /// <exception cref="ArgumentException">The spans have the wrong length.</exception>
    [SkipLocalsInit]
    internal static void Compress(Span<uint> states, ReadOnlySpan<byte> blocks)
    {
        Sha256x8.CheckLengths(states, blocks);
        Span<Vector256<uint>> schedule = stackalloc Vector256<uint>[16];
        ref Vector256<uint> w = ref MemoryMarshal.GetReference(schedule);
        ref byte m = ref MemoryMarshal.GetReference(blocks);
        Vector256<byte> swap = Vector256.Create(
            (byte)3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
        Transpose(ref m, 0, swap, ref w);                               // W_0 … W_7 of the eight blocks
        Transpose(ref m, 32, swap, ref Unsafe.Add(ref w, 8));            // W_8 … W_15

        ref uint s = ref MemoryMarshal.GetReference(states);
        Vector256<uint> a = Vector256.LoadUnsafe(ref s, 0);
        Vector256<uint> b = Vector256.LoadUnsafe(ref s, 8);
        Vector256<uint> c = Vector256.LoadUnsafe(ref s, 16);
        Vector256<uint> d = Vector256.LoadUnsafe(ref s, 24);
        Vector256<uint> e = Vector256.LoadUnsafe(ref s, 32);
        Vector256<uint> f = Vector256.LoadUnsafe(ref s, 40);
        Vector256<uint> g = Vector256.LoadUnsafe(ref s, 48);
        Vector256<uint> h = Vector256.LoadUnsafe(ref s, 56);

        // §6.2.2 steps 1 and 3 in groups of sixteen, renamed as in Sha256Scalar (the variable that held h becomes a,
        // the one that held d becomes e); the schedule is the same 16-entry circular window.
        ref uint k = ref MemoryMarshal.GetReference(Sha256Scalar.RoundConstants);
        for (int t = 0; t < 64; t += 16)
        {
            if (t != 0)
            {
                Unsafe.Add(ref w, 0) += SigmaSmall1(Unsafe.Add(ref w, 14)) + Unsafe.Add(ref w, 9) + SigmaSmall0(Unsafe.Add(ref w, 1));
                Unsafe.Add(ref w, 1) += SigmaSmall1(Unsafe.Add(ref w, 15)) + Unsafe.Add(ref w, 10) + SigmaSmall0(Unsafe.Add(ref w, 2));
                Unsafe.Add(ref w, 2) += SigmaSmall1(Unsafe.Add(ref w, 0)) + Unsafe.Add(ref w, 11) + SigmaSmall0(Unsafe.Add(ref w, 3));
                Unsafe.Add(ref w, 3) += SigmaSmall1(Unsafe.Add(ref w, 1)) + Unsafe.Add(ref w, 12) + SigmaSmall0(Unsafe.Add(ref w, 4));
                Unsafe.Add(ref w, 4) += SigmaSmall1(Unsafe.Add(ref w, 2)) + Unsafe.Add(ref w, 13) + SigmaSmall0(Unsafe.Add(ref w, 5));
                Unsafe.Add(ref w, 5) += SigmaSmall1(Unsafe.Add(ref w, 3)) + Unsafe.Add(ref w, 14) + SigmaSmall0(Unsafe.Add(ref w, 6));
                Unsafe.Add(ref w, 6) += SigmaSmall1(Unsafe.Add(ref w, 4)) + Unsafe.Add(ref w, 15) + SigmaSmall0(Unsafe.Add(ref w, 7));
                Unsafe.Add(ref w, 7) += SigmaSmall1(Unsafe.Add(ref w, 5)) + Unsafe.Add(ref w, 0) + SigmaSmall0(Unsafe.Add(ref w, 8));
                Unsafe.Add(ref w, 8) += SigmaSmall1(Unsafe.Add(ref w, 6)) + Unsafe.Add(ref w, 1) + SigmaSmall0(Unsafe.Add(ref w, 9));
                Unsafe.Add(ref w, 9) += SigmaSmall1(Unsafe.Add(ref w, 7)) + Unsafe.Add(ref w, 2) + SigmaSmall0(Unsafe.Add(ref w, 10));
                Unsafe.Add(ref w, 10) += SigmaSmall1(Unsafe.Add(ref w, 8)) + Unsafe.Add(ref w, 3) + SigmaSmall0(Unsafe.Add(ref w, 11));
                Unsafe.Add(ref w, 11) += SigmaSmall1(Unsafe.Add(ref w, 9)) + Unsafe.Add(ref w, 4) + SigmaSmall0(Unsafe.Add(ref w, 12));
                Unsafe.Add(ref w, 12) += SigmaSmall1(Unsafe.Add(ref w, 10)) + Unsafe.Add(ref w, 5) + SigmaSmall0(Unsafe.Add(ref w, 13));
                Unsafe.Add(ref w, 13) += SigmaSmall1(Unsafe.Add(ref w, 11)) + Unsafe.Add(ref w, 6) + SigmaSmall0(Unsafe.Add(ref w, 14));
                Unsafe.Add(ref w, 14) += SigmaSmall1(Unsafe.Add(ref w, 12)) + Unsafe.Add(ref w, 7) + SigmaSmall0(Unsafe.Add(ref w, 15));
                Unsafe.Add(ref w, 15) += SigmaSmall1(Unsafe.Add(ref w, 13)) + Unsafe.Add(ref w, 8) + SigmaSmall0(Unsafe.Add(ref w, 0));
            }

                h += SigmaBig1(e) + Ch(e, f, g) + Vector256.Create(Unsafe.Add(ref k, 0)) + Unsafe.Add(ref w, 0);
                d += h;
                h += SigmaBig0(a) + Maj(a, b, c);
                g += SigmaBig1(d) + Ch(d, e, f) + Vector256.Create(Unsafe.Add(ref k, 1)) + Unsafe.Add(ref w, 1);
                c += g;
                g += SigmaBig0(h) + Maj(h, a, b);
                f += SigmaBig1(c) + Ch(c, d, e) + Vector256.Create(Unsafe.Add(ref k, 2)) + Unsafe.Add(ref w, 2);
                b += f;
                f += SigmaBig0(g) + Maj(g, h, a);
                e += SigmaBig1(b) + Ch(b, c, d) + Vector256.Create(Unsafe.Add(ref k, 3)) + Unsafe.Add(ref w, 3);
                a += e;
                e += SigmaBig0(f) + Maj(f, g, h);
                d += SigmaBig1(a) + Ch(a, b, c) + Vector256.Create(Unsafe.Add(ref k, 4)) + Unsafe.Add(ref w, 4);
                h += d;
                d += SigmaBig0(e) + Maj(e, f, g);
                c += SigmaBig1(h) + Ch(h, a, b) + Vector256.Create(Unsafe.Add(ref k, 5)) + Unsafe.Add(ref w, 5);
                g += c;
                c += SigmaBig0(d) + Maj(d, e, f);
                b += SigmaBig1(g) + Ch(g, h, a) + Vector256.Create(Unsafe.Add(ref k, 6)) + Unsafe.Add(ref w, 6);
                f += b;
                b += SigmaBig0(c) + Maj(c, d, e);
                a += SigmaBig1(f) + Ch(f, g, h) + Vector256.Create(Unsafe.Add(ref k, 7)) + Unsafe.Add(ref w, 7);
                e += a;
                a += SigmaBig0(b) + Maj(b, c, d);
                h += SigmaBig1(e) + Ch(e, f, g) + Vector256.Create(Unsafe.Add(ref k, 8)) + Unsafe.Add(ref w, 8);
                d += h;
                h += SigmaBig0(a) + Maj(a, b, c);
                g += SigmaBig1(d) + Ch(d, e, f) + Vector256.Create(Unsafe.Add(ref k, 9)) + Unsafe.Add(ref w, 9);
                c += g;
                g += SigmaBig0(h) + Maj(h, a, b);
                f += SigmaBig1(c) + Ch(c, d, e) + Vector256.Create(Unsafe.Add(ref k, 10)) + Unsafe.Add(ref w, 10);
                b += f;
                f += SigmaBig0(g) + Maj(g, h, a);
                e += SigmaBig1(b) + Ch(b, c, d) + Vector256.Create(Unsafe.Add(ref k, 11)) + Unsafe.Add(ref w, 11);
                a += e;
                e += SigmaBig0(f) + Maj(f, g, h);
                d += SigmaBig1(a) + Ch(a, b, c) + Vector256.Create(Unsafe.Add(ref k, 12)) + Unsafe.Add(ref w, 12);
                h += d;
                d += SigmaBig0(e) + Maj(e, f, g);
                c += SigmaBig1(h) + Ch(h, a, b) + Vector256.Create(Unsafe.Add(ref k, 13)) + Unsafe.Add(ref w, 13);
                g += c;
                c += SigmaBig0(d) + Maj(d, e, f);
                b += SigmaBig1(g) + Ch(g, h, a) + Vector256.Create(Unsafe.Add(ref k, 14)) + Unsafe.Add(ref w, 14);
                f += b;
                b += SigmaBig0(c) + Maj(c, d, e);
                a += SigmaBig1(f) + Ch(f, g, h) + Vector256.Create(Unsafe.Add(ref k, 15)) + Unsafe.Add(ref w, 15);
                e += a;
                a += SigmaBig0(b) + Maj(b, c, d);

            k = ref Unsafe.Add(ref k, 16);
        }

        // §6.2.2 step 4.
        (a + Vector256.LoadUnsafe(ref s, 0)).StoreUnsafe(ref s, 0);
        (b + Vector256.LoadUnsafe(ref s, 8)).StoreUnsafe(ref s, 8);
        (c + Vector256.LoadUnsafe(ref s, 16)).StoreUnsafe(ref s, 16);
        (d + Vector256.LoadUnsafe(ref s, 24)).StoreUnsafe(ref s, 24);
        (e + Vector256.LoadUnsafe(ref s, 32)).StoreUnsafe(ref s, 32);
        (f + Vector256.LoadUnsafe(ref s, 40)).StoreUnsafe(ref s, 40);
        (g + Vector256.LoadUnsafe(ref s, 48)).StoreUnsafe(ref s, 48);
        (h + Vector256.LoadUnsafe(ref s, 56)).StoreUnsafe(ref s, 56);
        schedule.Clear();                                                // the blocks may be secret (SLH-DSA PRF inputs)
    }

    // Words 8q .. 8q + 7 (q = offset / 32) of the eight blocks: row j = bytes offset .. offset + 31 of block j,
    // byte-swapped per word, then transposed so that output k holds word 8q + k of blocks 0..7.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(ref byte m, int offset, Vector256<byte> swap, ref Vector256<uint> o)
    {
        Vector256<uint> r0 = Avx2.Shuffle(Vector256.LoadUnsafe(ref m, (nuint)(offset + 0)), swap).AsUInt32();
        Vector256<uint> r1 = Avx2.Shuffle(Vector256.LoadUnsafe(ref m, (nuint)(offset + 64)), swap).AsUInt32();
        Vector256<uint> r2 = Avx2.Shuffle(Vector256.LoadUnsafe(ref m, (nuint)(offset + 128)), swap).AsUInt32();
        Vector256<uint> r3 = Avx2.Shuffle(Vector256.LoadUnsafe(ref m, (nuint)(offset + 192)), swap).AsUInt32();
        Vector256<uint> r4 = Avx2.Shuffle(Vector256.LoadUnsafe(ref m, (nuint)(offset + 256)), swap).AsUInt32();
        Vector256<uint> r5 = Avx2.Shuffle(Vector256.LoadUnsafe(ref m, (nuint)(offset + 320)), swap).AsUInt32();
        Vector256<uint> r6 = Avx2.Shuffle(Vector256.LoadUnsafe(ref m, (nuint)(offset + 384)), swap).AsUInt32();
        Vector256<uint> r7 = Avx2.Shuffle(Vector256.LoadUnsafe(ref m, (nuint)(offset + 448)), swap).AsUInt32();

        // Per 128-bit half: t0 = (x00 x10 x01 x11), t1 = (x02 x12 x03 x13), …
        Vector256<uint> t0 = Avx2.UnpackLow(r0, r1);
        Vector256<uint> t1 = Avx2.UnpackHigh(r0, r1);
        Vector256<uint> t2 = Avx2.UnpackLow(r2, r3);
        Vector256<uint> t3 = Avx2.UnpackHigh(r2, r3);
        Vector256<uint> t4 = Avx2.UnpackLow(r4, r5);
        Vector256<uint> t5 = Avx2.UnpackHigh(r4, r5);
        Vector256<uint> t6 = Avx2.UnpackLow(r6, r7);
        Vector256<uint> t7 = Avx2.UnpackHigh(r6, r7);

        // Per 128-bit half: u0 = (x00 x10 x20 x30) | (x04 x14 x24 x34), u1 = word 1 | word 5, …
        Vector256<uint> u0 = Avx2.UnpackLow(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
        Vector256<uint> u1 = Avx2.UnpackHigh(t0.AsUInt64(), t2.AsUInt64()).AsUInt32();
        Vector256<uint> u2 = Avx2.UnpackLow(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
        Vector256<uint> u3 = Avx2.UnpackHigh(t1.AsUInt64(), t3.AsUInt64()).AsUInt32();
        Vector256<uint> u4 = Avx2.UnpackLow(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
        Vector256<uint> u5 = Avx2.UnpackHigh(t4.AsUInt64(), t6.AsUInt64()).AsUInt32();
        Vector256<uint> u6 = Avx2.UnpackLow(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();
        Vector256<uint> u7 = Avx2.UnpackHigh(t5.AsUInt64(), t7.AsUInt64()).AsUInt32();

        Unsafe.Add(ref o, 0) = Avx2.Permute2x128(u0, u4, 0x20);
        Unsafe.Add(ref o, 1) = Avx2.Permute2x128(u1, u5, 0x20);
        Unsafe.Add(ref o, 2) = Avx2.Permute2x128(u2, u6, 0x20);
        Unsafe.Add(ref o, 3) = Avx2.Permute2x128(u3, u7, 0x20);
        Unsafe.Add(ref o, 4) = Avx2.Permute2x128(u0, u4, 0x31);
        Unsafe.Add(ref o, 5) = Avx2.Permute2x128(u1, u5, 0x31);
        Unsafe.Add(ref o, 6) = Avx2.Permute2x128(u2, u6, 0x31);
        Unsafe.Add(ref o, 7) = Avx2.Permute2x128(u3, u7, 0x31);
    }

    // §4.1.2 element-wise with vprord and vpternlogd (control bytes for inputs A = 0xF0, B = 0xCC, C = 0xAA:
    // 0x96 = A ⊕ B ⊕ C, 0xCA = (A ∧ B) ⊕ (¬A ∧ C) = Ch, 0xE8 = majority).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte n) => Avx512F.VL.RotateRight(x, n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Xor3(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => Avx512F.VL.TernaryLogic(x, y, z, 0x96);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Ch(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => Avx512F.VL.TernaryLogic(x, y, z, 0xCA);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Maj(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => Avx512F.VL.TernaryLogic(x, y, z, 0xE8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SigmaBig0(Vector256<uint> x) => Xor3(Rotr(x, 2), Rotr(x, 13), Rotr(x, 22));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SigmaBig1(Vector256<uint> x) => Xor3(Rotr(x, 6), Rotr(x, 11), Rotr(x, 25));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SigmaSmall0(Vector256<uint> x) => Xor3(Rotr(x, 7), Rotr(x, 18), Avx2.ShiftRightLogical(x, 3));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SigmaSmall1(Vector256<uint> x) => Xor3(Rotr(x, 17), Rotr(x, 19), Avx2.ShiftRightLogical(x, 10));
}
