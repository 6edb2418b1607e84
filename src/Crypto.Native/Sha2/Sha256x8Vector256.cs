// Sha256x8Vector256: eight SHA-256 compressions at once, one instance per 32-bit element of a Vector256<uint>; one
// source for AVX2 and AVX-512VL, generic over the vector operations that differ (IVectorOps; see Simd/).
//
// References: FIPS 180-4 §6.2.2 (the compression function), §4.1.2 (Ch, Maj, Σ0, Σ1, σ0, σ1), §4.2.2 (K_t).
//
// Layout (interleaved): states[8 * i + j] is word H_i of instance j, j = 0..7 (64 words in all), so one
// Vector256<uint> holds word i of the eight states; blocks[64 * j .. 64 * j + 63] is the 64-byte block of instance j
// (contiguous, as the caller wrote it). The blocks are loaded row by row, their words byte-swapped (big-endian, §3.1)
// and transposed 8 × 8 twice (unpack 32, unpack 64, permute 128) so that W_t holds word t of the eight blocks.
// Every round is then Sha256Scalar's round applied element-wise, in the same groups of sixteen, renamed the same way:
// rotations, the three-way xors of Σ/σ, Ch and Maj are TOps's: with Avx2Ops shift right | shift left (AVX2 has no
// 32-bit rotate) and the two-operation forms; with Avx512Ops one vprord or one vpternlogd each. The loads, the
// byte swap and the transposition are AVX2 instructions in both. Caller contract: Sha256x8 runs Compress<Avx2Ops>
// only when Dispatch.UseAvx2 and Compress<Avx512Ops> only when Dispatch.UseAvx512 (the intrinsics throw
// PlatformNotSupportedException otherwise). The differential tests compare it with the scalar twin Sha256x8Scalar.
// Constant time: only vector additions, shifts or rotates by constants, bitwise logic and fixed-offset loads/stores.

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FintechCrypto.Native.Simd;

namespace FintechCrypto.Native.Sha2;

/// <summary>Eight SHA-256 compressions (FIPS 180-4 §6.2.2) at once on Vector256; scalar twin <see cref="Sha256x8Scalar"/>.</summary>
internal static class Sha256x8Vector256
{
    /// <summary>Updates eight interleaved states, each with its own 64-byte block.</summary>
    /// <param name="states">64 words; word i of instance j at index 8i + j.</param>
    /// <param name="blocks">512 bytes; the block of instance j at bytes 64j … 64j + 63.</param>
    /// <typeparam name="TOps"><see cref="Avx2Ops"/> or <see cref="Avx512Ops"/>.</typeparam>
    /// <exception cref="ArgumentException">The spans have the wrong length.</exception>
    [SkipLocalsInit]
    internal static void Compress<TOps>(Span<uint> states, ReadOnlySpan<byte> blocks)
        where TOps : struct, IVectorOps
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
                Unsafe.Add(ref w, 0) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 14)) + Unsafe.Add(ref w, 9) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 1));
                Unsafe.Add(ref w, 1) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 15)) + Unsafe.Add(ref w, 10) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 2));
                Unsafe.Add(ref w, 2) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 0)) + Unsafe.Add(ref w, 11) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 3));
                Unsafe.Add(ref w, 3) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 1)) + Unsafe.Add(ref w, 12) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 4));
                Unsafe.Add(ref w, 4) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 2)) + Unsafe.Add(ref w, 13) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 5));
                Unsafe.Add(ref w, 5) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 3)) + Unsafe.Add(ref w, 14) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 6));
                Unsafe.Add(ref w, 6) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 4)) + Unsafe.Add(ref w, 15) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 7));
                Unsafe.Add(ref w, 7) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 5)) + Unsafe.Add(ref w, 0) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 8));
                Unsafe.Add(ref w, 8) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 6)) + Unsafe.Add(ref w, 1) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 9));
                Unsafe.Add(ref w, 9) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 7)) + Unsafe.Add(ref w, 2) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 10));
                Unsafe.Add(ref w, 10) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 8)) + Unsafe.Add(ref w, 3) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 11));
                Unsafe.Add(ref w, 11) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 9)) + Unsafe.Add(ref w, 4) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 12));
                Unsafe.Add(ref w, 12) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 10)) + Unsafe.Add(ref w, 5) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 13));
                Unsafe.Add(ref w, 13) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 11)) + Unsafe.Add(ref w, 6) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 14));
                Unsafe.Add(ref w, 14) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 12)) + Unsafe.Add(ref w, 7) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 15));
                Unsafe.Add(ref w, 15) += SigmaSmall1<TOps>(Unsafe.Add(ref w, 13)) + Unsafe.Add(ref w, 8) + SigmaSmall0<TOps>(Unsafe.Add(ref w, 0));
            }

            h += SigmaBig1<TOps>(e) + TOps.Choose(e, f, g) + Vector256.Create(Unsafe.Add(ref k, 0)) + Unsafe.Add(ref w, 0);
            d += h;
            h += SigmaBig0<TOps>(a) + TOps.Majority(a, b, c);
            g += SigmaBig1<TOps>(d) + TOps.Choose(d, e, f) + Vector256.Create(Unsafe.Add(ref k, 1)) + Unsafe.Add(ref w, 1);
            c += g;
            g += SigmaBig0<TOps>(h) + TOps.Majority(h, a, b);
            f += SigmaBig1<TOps>(c) + TOps.Choose(c, d, e) + Vector256.Create(Unsafe.Add(ref k, 2)) + Unsafe.Add(ref w, 2);
            b += f;
            f += SigmaBig0<TOps>(g) + TOps.Majority(g, h, a);
            e += SigmaBig1<TOps>(b) + TOps.Choose(b, c, d) + Vector256.Create(Unsafe.Add(ref k, 3)) + Unsafe.Add(ref w, 3);
            a += e;
            e += SigmaBig0<TOps>(f) + TOps.Majority(f, g, h);
            d += SigmaBig1<TOps>(a) + TOps.Choose(a, b, c) + Vector256.Create(Unsafe.Add(ref k, 4)) + Unsafe.Add(ref w, 4);
            h += d;
            d += SigmaBig0<TOps>(e) + TOps.Majority(e, f, g);
            c += SigmaBig1<TOps>(h) + TOps.Choose(h, a, b) + Vector256.Create(Unsafe.Add(ref k, 5)) + Unsafe.Add(ref w, 5);
            g += c;
            c += SigmaBig0<TOps>(d) + TOps.Majority(d, e, f);
            b += SigmaBig1<TOps>(g) + TOps.Choose(g, h, a) + Vector256.Create(Unsafe.Add(ref k, 6)) + Unsafe.Add(ref w, 6);
            f += b;
            b += SigmaBig0<TOps>(c) + TOps.Majority(c, d, e);
            a += SigmaBig1<TOps>(f) + TOps.Choose(f, g, h) + Vector256.Create(Unsafe.Add(ref k, 7)) + Unsafe.Add(ref w, 7);
            e += a;
            a += SigmaBig0<TOps>(b) + TOps.Majority(b, c, d);
            h += SigmaBig1<TOps>(e) + TOps.Choose(e, f, g) + Vector256.Create(Unsafe.Add(ref k, 8)) + Unsafe.Add(ref w, 8);
            d += h;
            h += SigmaBig0<TOps>(a) + TOps.Majority(a, b, c);
            g += SigmaBig1<TOps>(d) + TOps.Choose(d, e, f) + Vector256.Create(Unsafe.Add(ref k, 9)) + Unsafe.Add(ref w, 9);
            c += g;
            g += SigmaBig0<TOps>(h) + TOps.Majority(h, a, b);
            f += SigmaBig1<TOps>(c) + TOps.Choose(c, d, e) + Vector256.Create(Unsafe.Add(ref k, 10)) + Unsafe.Add(ref w, 10);
            b += f;
            f += SigmaBig0<TOps>(g) + TOps.Majority(g, h, a);
            e += SigmaBig1<TOps>(b) + TOps.Choose(b, c, d) + Vector256.Create(Unsafe.Add(ref k, 11)) + Unsafe.Add(ref w, 11);
            a += e;
            e += SigmaBig0<TOps>(f) + TOps.Majority(f, g, h);
            d += SigmaBig1<TOps>(a) + TOps.Choose(a, b, c) + Vector256.Create(Unsafe.Add(ref k, 12)) + Unsafe.Add(ref w, 12);
            h += d;
            d += SigmaBig0<TOps>(e) + TOps.Majority(e, f, g);
            c += SigmaBig1<TOps>(h) + TOps.Choose(h, a, b) + Vector256.Create(Unsafe.Add(ref k, 13)) + Unsafe.Add(ref w, 13);
            g += c;
            c += SigmaBig0<TOps>(d) + TOps.Majority(d, e, f);
            b += SigmaBig1<TOps>(g) + TOps.Choose(g, h, a) + Vector256.Create(Unsafe.Add(ref k, 14)) + Unsafe.Add(ref w, 14);
            f += b;
            b += SigmaBig0<TOps>(c) + TOps.Majority(c, d, e);
            a += SigmaBig1<TOps>(f) + TOps.Choose(f, g, h) + Vector256.Create(Unsafe.Add(ref k, 15)) + Unsafe.Add(ref w, 15);
            e += a;
            a += SigmaBig0<TOps>(b) + TOps.Majority(b, c, d);

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

    // §4.1.2 element-wise: the rotations, the three-way xors and Ch / Maj are TOps's (two shifts and an or, or vprord;
    // two xors, or vpternlogd), the shifts of σ0 / σ1 are the same instruction for both.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SigmaBig0<TOps>(Vector256<uint> x)
        where TOps : struct, IVectorOps => TOps.Xor3(TOps.RotateRight(x, 2), TOps.RotateRight(x, 13), TOps.RotateRight(x, 22));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SigmaBig1<TOps>(Vector256<uint> x)
        where TOps : struct, IVectorOps => TOps.Xor3(TOps.RotateRight(x, 6), TOps.RotateRight(x, 11), TOps.RotateRight(x, 25));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SigmaSmall0<TOps>(Vector256<uint> x)
        where TOps : struct, IVectorOps => TOps.Xor3(TOps.RotateRight(x, 7), TOps.RotateRight(x, 18), Avx2.ShiftRightLogical(x, 3));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SigmaSmall1<TOps>(Vector256<uint> x)
        where TOps : struct, IVectorOps => TOps.Xor3(TOps.RotateRight(x, 17), TOps.RotateRight(x, 19), Avx2.ShiftRightLogical(x, 10));
}
