// Keccak-f[1600] on four independent states at once, one state per 64-bit element of a 256-bit vector: one source
// for AVX2 and AVX-512VL, generic over the vector operations that differ (IVectorOps; see Simd/).
//
// References: FIPS 202, §3.2 (step mappings), §3.3 (Keccak-p), §3.4 (Keccak-f).
//
// Layout (interleaved): states[4 * i + j] is lane i (= x + 5y) of instance j, j = 0..3; 100 ulongs in all.
// One Vector256<ulong> therefore holds lane i of the four instances, and every step mapping is the scalar
// one (KeccakF1600Scalar, whose comments give the formulas and offsets) applied element-wise. The rotations and
// chi (b0 ^ (~b1 & b2)) are TOps.RotateLeft and TOps.XorAndNot: with Avx2Ops two shifts and an or, and vpandn +
// vpxor; with Avx512Ops one vprolq and one vpternlogq each. The round structure (two rounds per iteration,
// A -> E -> A, 25 + 25 vector locals) mirrors the scalar twin line for line. Caller contract: Dispatch.UseAvx2 for
// Permute<Avx2Ops>, Dispatch.UseAvx512 for Permute<Avx512Ops> (the intrinsics throw PlatformNotSupportedException
// otherwise); KeccakF1600x4 is the dispatching entry point.
// Constant time: only vector xor, and-not, shifts by constant counts and loads/stores at fixed offsets.

using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using FintechCrypto.Native.Simd;

namespace FintechCrypto.Native.Keccak;

/// <summary>Keccak-f[1600] (FIPS 202 §3.4) on four interleaved states in Vector256; scalar twin <see cref="KeccakF1600x4Scalar"/>.</summary>
internal static class KeccakF1600x4Vector256
{
    /// <summary>Applies Keccak-f[1600] in place to four interleaved states.</summary>
    /// <param name="states">Exactly 100 ulongs; lane i of instance j at index 4i + j.</param>
    /// <typeparam name="TOps"><see cref="Avx2Ops"/> or <see cref="Avx512Ops"/>.</typeparam>
    /// <exception cref="ArgumentException"><paramref name="states"/> is not 100 ulongs long.</exception>
    internal static void Permute<TOps>(Span<ulong> states)
        where TOps : struct, IVectorOps
    {
        Debug.Assert(states.Length == KeccakF1600x4.StatesLength);
        if (states.Length != KeccakF1600x4.StatesLength)
        {
            throw new ArgumentException("Four interleaved Keccak-f[1600] states are exactly 100 ulongs.", nameof(states));
        }

        ref ulong s = ref MemoryMarshal.GetReference(states);
        ReadOnlySpan<ulong> rc = KeccakF1600Scalar.RoundConstants;

        Vector256<ulong> a00 = Vector256.LoadUnsafe(ref s, 0);
        Vector256<ulong> a10 = Vector256.LoadUnsafe(ref s, 4);
        Vector256<ulong> a20 = Vector256.LoadUnsafe(ref s, 8);
        Vector256<ulong> a30 = Vector256.LoadUnsafe(ref s, 12);
        Vector256<ulong> a40 = Vector256.LoadUnsafe(ref s, 16);
        Vector256<ulong> a01 = Vector256.LoadUnsafe(ref s, 20);
        Vector256<ulong> a11 = Vector256.LoadUnsafe(ref s, 24);
        Vector256<ulong> a21 = Vector256.LoadUnsafe(ref s, 28);
        Vector256<ulong> a31 = Vector256.LoadUnsafe(ref s, 32);
        Vector256<ulong> a41 = Vector256.LoadUnsafe(ref s, 36);
        Vector256<ulong> a02 = Vector256.LoadUnsafe(ref s, 40);
        Vector256<ulong> a12 = Vector256.LoadUnsafe(ref s, 44);
        Vector256<ulong> a22 = Vector256.LoadUnsafe(ref s, 48);
        Vector256<ulong> a32 = Vector256.LoadUnsafe(ref s, 52);
        Vector256<ulong> a42 = Vector256.LoadUnsafe(ref s, 56);
        Vector256<ulong> a03 = Vector256.LoadUnsafe(ref s, 60);
        Vector256<ulong> a13 = Vector256.LoadUnsafe(ref s, 64);
        Vector256<ulong> a23 = Vector256.LoadUnsafe(ref s, 68);
        Vector256<ulong> a33 = Vector256.LoadUnsafe(ref s, 72);
        Vector256<ulong> a43 = Vector256.LoadUnsafe(ref s, 76);
        Vector256<ulong> a04 = Vector256.LoadUnsafe(ref s, 80);
        Vector256<ulong> a14 = Vector256.LoadUnsafe(ref s, 84);
        Vector256<ulong> a24 = Vector256.LoadUnsafe(ref s, 88);
        Vector256<ulong> a34 = Vector256.LoadUnsafe(ref s, 92);
        Vector256<ulong> a44 = Vector256.LoadUnsafe(ref s, 96);
        Vector256<ulong> e00, e10, e20, e30, e40;
        Vector256<ulong> e01, e11, e21, e31, e41;
        Vector256<ulong> e02, e12, e22, e32, e42;
        Vector256<ulong> e03, e13, e23, e33, e43;
        Vector256<ulong> e04, e14, e24, e34, e44;
        Vector256<ulong> c0, c1, c2, c3, c4, d0, d1, d2, d3, d4, b0, b1, b2, b3, b4;

        for (int round = 0; round < KeccakF1600Scalar.Rounds; round += 2)
        {
            c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04;
            c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14;
            c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24;
            c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34;
            c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44;
            d0 = c4 ^ TOps.RotateLeft(c1, 1);
            d1 = c0 ^ TOps.RotateLeft(c2, 1);
            d2 = c1 ^ TOps.RotateLeft(c3, 1);
            d3 = c2 ^ TOps.RotateLeft(c4, 1);
            d4 = c3 ^ TOps.RotateLeft(c0, 1);
            // Row y = 0: rho and pi gather B[x, 0], then chi (and iota on lane (0,0)).
            b0 = a00 ^ d0;
            b1 = TOps.RotateLeft(a11 ^ d1, 44);
            b2 = TOps.RotateLeft(a22 ^ d2, 43);
            b3 = TOps.RotateLeft(a33 ^ d3, 21);
            b4 = TOps.RotateLeft(a44 ^ d4, 14);
            e00 = TOps.XorAndNot(b0, b1, b2) ^ Vector256.Create(rc[round]);
            e10 = TOps.XorAndNot(b1, b2, b3);
            e20 = TOps.XorAndNot(b2, b3, b4);
            e30 = TOps.XorAndNot(b3, b4, b0);
            e40 = TOps.XorAndNot(b4, b0, b1);
            // Row y = 1: rho and pi gather B[x, 1], then chi (and iota on lane (0,0)).
            b0 = TOps.RotateLeft(a30 ^ d3, 28);
            b1 = TOps.RotateLeft(a41 ^ d4, 20);
            b2 = TOps.RotateLeft(a02 ^ d0, 3);
            b3 = TOps.RotateLeft(a13 ^ d1, 45);
            b4 = TOps.RotateLeft(a24 ^ d2, 61);
            e01 = TOps.XorAndNot(b0, b1, b2);
            e11 = TOps.XorAndNot(b1, b2, b3);
            e21 = TOps.XorAndNot(b2, b3, b4);
            e31 = TOps.XorAndNot(b3, b4, b0);
            e41 = TOps.XorAndNot(b4, b0, b1);
            // Row y = 2: rho and pi gather B[x, 2], then chi (and iota on lane (0,0)).
            b0 = TOps.RotateLeft(a10 ^ d1, 1);
            b1 = TOps.RotateLeft(a21 ^ d2, 6);
            b2 = TOps.RotateLeft(a32 ^ d3, 25);
            b3 = TOps.RotateLeft(a43 ^ d4, 8);
            b4 = TOps.RotateLeft(a04 ^ d0, 18);
            e02 = TOps.XorAndNot(b0, b1, b2);
            e12 = TOps.XorAndNot(b1, b2, b3);
            e22 = TOps.XorAndNot(b2, b3, b4);
            e32 = TOps.XorAndNot(b3, b4, b0);
            e42 = TOps.XorAndNot(b4, b0, b1);
            // Row y = 3: rho and pi gather B[x, 3], then chi (and iota on lane (0,0)).
            b0 = TOps.RotateLeft(a40 ^ d4, 27);
            b1 = TOps.RotateLeft(a01 ^ d0, 36);
            b2 = TOps.RotateLeft(a12 ^ d1, 10);
            b3 = TOps.RotateLeft(a23 ^ d2, 15);
            b4 = TOps.RotateLeft(a34 ^ d3, 56);
            e03 = TOps.XorAndNot(b0, b1, b2);
            e13 = TOps.XorAndNot(b1, b2, b3);
            e23 = TOps.XorAndNot(b2, b3, b4);
            e33 = TOps.XorAndNot(b3, b4, b0);
            e43 = TOps.XorAndNot(b4, b0, b1);
            // Row y = 4: rho and pi gather B[x, 4], then chi (and iota on lane (0,0)).
            b0 = TOps.RotateLeft(a20 ^ d2, 62);
            b1 = TOps.RotateLeft(a31 ^ d3, 55);
            b2 = TOps.RotateLeft(a42 ^ d4, 39);
            b3 = TOps.RotateLeft(a03 ^ d0, 41);
            b4 = TOps.RotateLeft(a14 ^ d1, 2);
            e04 = TOps.XorAndNot(b0, b1, b2);
            e14 = TOps.XorAndNot(b1, b2, b3);
            e24 = TOps.XorAndNot(b2, b3, b4);
            e34 = TOps.XorAndNot(b3, b4, b0);
            e44 = TOps.XorAndNot(b4, b0, b1);

            c0 = e00 ^ e01 ^ e02 ^ e03 ^ e04;
            c1 = e10 ^ e11 ^ e12 ^ e13 ^ e14;
            c2 = e20 ^ e21 ^ e22 ^ e23 ^ e24;
            c3 = e30 ^ e31 ^ e32 ^ e33 ^ e34;
            c4 = e40 ^ e41 ^ e42 ^ e43 ^ e44;
            d0 = c4 ^ TOps.RotateLeft(c1, 1);
            d1 = c0 ^ TOps.RotateLeft(c2, 1);
            d2 = c1 ^ TOps.RotateLeft(c3, 1);
            d3 = c2 ^ TOps.RotateLeft(c4, 1);
            d4 = c3 ^ TOps.RotateLeft(c0, 1);
            // Row y = 0: rho and pi gather B[x, 0], then chi (and iota on lane (0,0)).
            b0 = e00 ^ d0;
            b1 = TOps.RotateLeft(e11 ^ d1, 44);
            b2 = TOps.RotateLeft(e22 ^ d2, 43);
            b3 = TOps.RotateLeft(e33 ^ d3, 21);
            b4 = TOps.RotateLeft(e44 ^ d4, 14);
            a00 = TOps.XorAndNot(b0, b1, b2) ^ Vector256.Create(rc[round + 1]);
            a10 = TOps.XorAndNot(b1, b2, b3);
            a20 = TOps.XorAndNot(b2, b3, b4);
            a30 = TOps.XorAndNot(b3, b4, b0);
            a40 = TOps.XorAndNot(b4, b0, b1);
            // Row y = 1: rho and pi gather B[x, 1], then chi (and iota on lane (0,0)).
            b0 = TOps.RotateLeft(e30 ^ d3, 28);
            b1 = TOps.RotateLeft(e41 ^ d4, 20);
            b2 = TOps.RotateLeft(e02 ^ d0, 3);
            b3 = TOps.RotateLeft(e13 ^ d1, 45);
            b4 = TOps.RotateLeft(e24 ^ d2, 61);
            a01 = TOps.XorAndNot(b0, b1, b2);
            a11 = TOps.XorAndNot(b1, b2, b3);
            a21 = TOps.XorAndNot(b2, b3, b4);
            a31 = TOps.XorAndNot(b3, b4, b0);
            a41 = TOps.XorAndNot(b4, b0, b1);
            // Row y = 2: rho and pi gather B[x, 2], then chi (and iota on lane (0,0)).
            b0 = TOps.RotateLeft(e10 ^ d1, 1);
            b1 = TOps.RotateLeft(e21 ^ d2, 6);
            b2 = TOps.RotateLeft(e32 ^ d3, 25);
            b3 = TOps.RotateLeft(e43 ^ d4, 8);
            b4 = TOps.RotateLeft(e04 ^ d0, 18);
            a02 = TOps.XorAndNot(b0, b1, b2);
            a12 = TOps.XorAndNot(b1, b2, b3);
            a22 = TOps.XorAndNot(b2, b3, b4);
            a32 = TOps.XorAndNot(b3, b4, b0);
            a42 = TOps.XorAndNot(b4, b0, b1);
            // Row y = 3: rho and pi gather B[x, 3], then chi (and iota on lane (0,0)).
            b0 = TOps.RotateLeft(e40 ^ d4, 27);
            b1 = TOps.RotateLeft(e01 ^ d0, 36);
            b2 = TOps.RotateLeft(e12 ^ d1, 10);
            b3 = TOps.RotateLeft(e23 ^ d2, 15);
            b4 = TOps.RotateLeft(e34 ^ d3, 56);
            a03 = TOps.XorAndNot(b0, b1, b2);
            a13 = TOps.XorAndNot(b1, b2, b3);
            a23 = TOps.XorAndNot(b2, b3, b4);
            a33 = TOps.XorAndNot(b3, b4, b0);
            a43 = TOps.XorAndNot(b4, b0, b1);
            // Row y = 4: rho and pi gather B[x, 4], then chi (and iota on lane (0,0)).
            b0 = TOps.RotateLeft(e20 ^ d2, 62);
            b1 = TOps.RotateLeft(e31 ^ d3, 55);
            b2 = TOps.RotateLeft(e42 ^ d4, 39);
            b3 = TOps.RotateLeft(e03 ^ d0, 41);
            b4 = TOps.RotateLeft(e14 ^ d1, 2);
            a04 = TOps.XorAndNot(b0, b1, b2);
            a14 = TOps.XorAndNot(b1, b2, b3);
            a24 = TOps.XorAndNot(b2, b3, b4);
            a34 = TOps.XorAndNot(b3, b4, b0);
            a44 = TOps.XorAndNot(b4, b0, b1);
        }

        a00.StoreUnsafe(ref s, 0);
        a10.StoreUnsafe(ref s, 4);
        a20.StoreUnsafe(ref s, 8);
        a30.StoreUnsafe(ref s, 12);
        a40.StoreUnsafe(ref s, 16);
        a01.StoreUnsafe(ref s, 20);
        a11.StoreUnsafe(ref s, 24);
        a21.StoreUnsafe(ref s, 28);
        a31.StoreUnsafe(ref s, 32);
        a41.StoreUnsafe(ref s, 36);
        a02.StoreUnsafe(ref s, 40);
        a12.StoreUnsafe(ref s, 44);
        a22.StoreUnsafe(ref s, 48);
        a32.StoreUnsafe(ref s, 52);
        a42.StoreUnsafe(ref s, 56);
        a03.StoreUnsafe(ref s, 60);
        a13.StoreUnsafe(ref s, 64);
        a23.StoreUnsafe(ref s, 68);
        a33.StoreUnsafe(ref s, 72);
        a43.StoreUnsafe(ref s, 76);
        a04.StoreUnsafe(ref s, 80);
        a14.StoreUnsafe(ref s, 84);
        a24.StoreUnsafe(ref s, 88);
        a34.StoreUnsafe(ref s, 92);
        a44.StoreUnsafe(ref s, 96);
    }
}
