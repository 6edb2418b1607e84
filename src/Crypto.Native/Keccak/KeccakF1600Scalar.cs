// Keccak-p[1600, 24] = Keccak-f[1600], one state, scalar 64-bit code (the reference twin).
//
// References: FIPS 202, §3.1 (state, lanes), §3.2 (theta, rho, pi, chi, iota), §3.3 (Keccak-p), §3.4 (Keccak-f).
//
// Layout: 25 lanes of 64 bits; lane (x, y) is state[x + 5y]; bit z of the lane is bit z of the ulong
// (FIPS 202 §3.1.2 with the little-endian lane convention of §B.1). Locals are named a{x}{y} / e{x}{y}.
//
// Structure: the 25 lanes live in locals; each loop iteration runs two rounds, A -> E and E -> A, so no
// lane ever moves. In each round:
//   theta (§3.2.1)   c[x] = xor of column x;  d[x] = c[x-1] ^ rol(c[x+1], 1)
//   rho+pi (§3.2.2, §3.2.3)  B[y, 2x+3y] = rol(A[x, y] ^ d[x], r[x, y]); gathered one output row at a time:
//                    B[x', y'] comes from A[x, y] with y = x' and x = 3(y' - 3x') mod 5
//   chi (§3.2.4)     E[x, y] = B[x, y] ^ (~B[x+1, y] & B[x+2, y])
//   iota (§3.2.5)    E[0, 0] ^= RC[round]
// Rotation offsets r[x, y] (FIPS 202 Table 2, y = 0..4 by rows, x = 0..4 by columns):
//   y=0:  0  1 62 28 27
//   y=1: 36 44  6 55 20
//   y=2:  3 10 43 25 39
//   y=3: 41 45 15 21  8
//   y=4: 18  2 61 56 14
// Constant time: only xor, and-not and fixed rotations; no branch or memory index depends on the state.

using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FintechCrypto.Native.Keccak;

/// <summary>Keccak-f[1600] (FIPS 202 §3.4) on one 25-lane state, in portable 64-bit scalar code.</summary>
internal static class KeccakF1600Scalar
{
    /// <summary>Number of 64-bit lanes in one Keccak-f[1600] state.</summary>
    internal const int Lanes = 25;

    /// <summary>Number of rounds of Keccak-f[1600] (FIPS 202 §3.4: 12 + 2l with l = 6).</summary>
    internal const int Rounds = 24;

    /// <summary>
    /// The round constants RC[i_r] of iota (FIPS 202 §3.2.5, Algorithm 6), for i_r = 0..23. They are checked
    /// against the rc(t) LFSR definition by the tests.
    /// </summary>
    internal static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL,
        0x0000000000008082UL,
        0x800000000000808AUL,
        0x8000000080008000UL,
        0x000000000000808BUL,
        0x0000000080000001UL,
        0x8000000080008081UL,
        0x8000000000008009UL,
        0x000000000000008AUL,
        0x0000000000000088UL,
        0x0000000080008009UL,
        0x000000008000000AUL,
        0x000000008000808BUL,
        0x800000000000008BUL,
        0x8000000000008089UL,
        0x8000000000008003UL,
        0x8000000000008002UL,
        0x8000000000000080UL,
        0x000000000000800AUL,
        0x800000008000000AUL,
        0x8000000080008081UL,
        0x8000000000008080UL,
        0x0000000080000001UL,
        0x8000000080008008UL,
    ];

    /// <summary>Applies Keccak-f[1600] in place.</summary>
    /// <param name="state">Exactly 25 lanes; lane (x, y) at index x + 5y.</param>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not 25 lanes long.</exception>
    internal static void Permute(Span<ulong> state)
    {
        Debug.Assert(state.Length == Lanes);
        if (state.Length != Lanes)
        {
            throw new ArgumentException("A Keccak-f[1600] state is exactly 25 lanes.", nameof(state));
        }

        ref ulong s = ref MemoryMarshal.GetReference(state);
        ReadOnlySpan<ulong> rc = RoundConstants;

        ulong a00 = Unsafe.Add(ref s, 0);
        ulong a10 = Unsafe.Add(ref s, 1);
        ulong a20 = Unsafe.Add(ref s, 2);
        ulong a30 = Unsafe.Add(ref s, 3);
        ulong a40 = Unsafe.Add(ref s, 4);
        ulong a01 = Unsafe.Add(ref s, 5);
        ulong a11 = Unsafe.Add(ref s, 6);
        ulong a21 = Unsafe.Add(ref s, 7);
        ulong a31 = Unsafe.Add(ref s, 8);
        ulong a41 = Unsafe.Add(ref s, 9);
        ulong a02 = Unsafe.Add(ref s, 10);
        ulong a12 = Unsafe.Add(ref s, 11);
        ulong a22 = Unsafe.Add(ref s, 12);
        ulong a32 = Unsafe.Add(ref s, 13);
        ulong a42 = Unsafe.Add(ref s, 14);
        ulong a03 = Unsafe.Add(ref s, 15);
        ulong a13 = Unsafe.Add(ref s, 16);
        ulong a23 = Unsafe.Add(ref s, 17);
        ulong a33 = Unsafe.Add(ref s, 18);
        ulong a43 = Unsafe.Add(ref s, 19);
        ulong a04 = Unsafe.Add(ref s, 20);
        ulong a14 = Unsafe.Add(ref s, 21);
        ulong a24 = Unsafe.Add(ref s, 22);
        ulong a34 = Unsafe.Add(ref s, 23);
        ulong a44 = Unsafe.Add(ref s, 24);
        ulong e00, e10, e20, e30, e40;
        ulong e01, e11, e21, e31, e41;
        ulong e02, e12, e22, e32, e42;
        ulong e03, e13, e23, e33, e43;
        ulong e04, e14, e24, e34, e44;
        ulong c0, c1, c2, c3, c4, d0, d1, d2, d3, d4, b0, b1, b2, b3, b4;

        for (int round = 0; round < Rounds; round += 2)
        {
            c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04;
            c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14;
            c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24;
            c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34;
            c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            // Row y = 0: rho and pi gather B[x, 0], then chi (and iota on lane (0,0)).
            b0 = a00 ^ d0;
            b1 = BitOperations.RotateLeft(a11 ^ d1, 44);
            b2 = BitOperations.RotateLeft(a22 ^ d2, 43);
            b3 = BitOperations.RotateLeft(a33 ^ d3, 21);
            b4 = BitOperations.RotateLeft(a44 ^ d4, 14);
            e00 = b0 ^ (~b1 & b2) ^ rc[round];
            e10 = b1 ^ (~b2 & b3);
            e20 = b2 ^ (~b3 & b4);
            e30 = b3 ^ (~b4 & b0);
            e40 = b4 ^ (~b0 & b1);
            // Row y = 1: rho and pi gather B[x, 1], then chi (and iota on lane (0,0)).
            b0 = BitOperations.RotateLeft(a30 ^ d3, 28);
            b1 = BitOperations.RotateLeft(a41 ^ d4, 20);
            b2 = BitOperations.RotateLeft(a02 ^ d0, 3);
            b3 = BitOperations.RotateLeft(a13 ^ d1, 45);
            b4 = BitOperations.RotateLeft(a24 ^ d2, 61);
            e01 = b0 ^ (~b1 & b2);
            e11 = b1 ^ (~b2 & b3);
            e21 = b2 ^ (~b3 & b4);
            e31 = b3 ^ (~b4 & b0);
            e41 = b4 ^ (~b0 & b1);
            // Row y = 2: rho and pi gather B[x, 2], then chi (and iota on lane (0,0)).
            b0 = BitOperations.RotateLeft(a10 ^ d1, 1);
            b1 = BitOperations.RotateLeft(a21 ^ d2, 6);
            b2 = BitOperations.RotateLeft(a32 ^ d3, 25);
            b3 = BitOperations.RotateLeft(a43 ^ d4, 8);
            b4 = BitOperations.RotateLeft(a04 ^ d0, 18);
            e02 = b0 ^ (~b1 & b2);
            e12 = b1 ^ (~b2 & b3);
            e22 = b2 ^ (~b3 & b4);
            e32 = b3 ^ (~b4 & b0);
            e42 = b4 ^ (~b0 & b1);
            // Row y = 3: rho and pi gather B[x, 3], then chi (and iota on lane (0,0)).
            b0 = BitOperations.RotateLeft(a40 ^ d4, 27);
            b1 = BitOperations.RotateLeft(a01 ^ d0, 36);
            b2 = BitOperations.RotateLeft(a12 ^ d1, 10);
            b3 = BitOperations.RotateLeft(a23 ^ d2, 15);
            b4 = BitOperations.RotateLeft(a34 ^ d3, 56);
            e03 = b0 ^ (~b1 & b2);
            e13 = b1 ^ (~b2 & b3);
            e23 = b2 ^ (~b3 & b4);
            e33 = b3 ^ (~b4 & b0);
            e43 = b4 ^ (~b0 & b1);
            // Row y = 4: rho and pi gather B[x, 4], then chi (and iota on lane (0,0)).
            b0 = BitOperations.RotateLeft(a20 ^ d2, 62);
            b1 = BitOperations.RotateLeft(a31 ^ d3, 55);
            b2 = BitOperations.RotateLeft(a42 ^ d4, 39);
            b3 = BitOperations.RotateLeft(a03 ^ d0, 41);
            b4 = BitOperations.RotateLeft(a14 ^ d1, 2);
            e04 = b0 ^ (~b1 & b2);
            e14 = b1 ^ (~b2 & b3);
            e24 = b2 ^ (~b3 & b4);
            e34 = b3 ^ (~b4 & b0);
            e44 = b4 ^ (~b0 & b1);

            c0 = e00 ^ e01 ^ e02 ^ e03 ^ e04;
            c1 = e10 ^ e11 ^ e12 ^ e13 ^ e14;
            c2 = e20 ^ e21 ^ e22 ^ e23 ^ e24;
            c3 = e30 ^ e31 ^ e32 ^ e33 ^ e34;
            c4 = e40 ^ e41 ^ e42 ^ e43 ^ e44;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            // Row y = 0: rho and pi gather B[x, 0], then chi (and iota on lane (0,0)).
            b0 = e00 ^ d0;
            b1 = BitOperations.RotateLeft(e11 ^ d1, 44);
            b2 = BitOperations.RotateLeft(e22 ^ d2, 43);
            b3 = BitOperations.RotateLeft(e33 ^ d3, 21);
            b4 = BitOperations.RotateLeft(e44 ^ d4, 14);
            a00 = b0 ^ (~b1 & b2) ^ rc[round + 1];
            a10 = b1 ^ (~b2 & b3);
            a20 = b2 ^ (~b3 & b4);
            a30 = b3 ^ (~b4 & b0);
            a40 = b4 ^ (~b0 & b1);
            // Row y = 1: rho and pi gather B[x, 1], then chi (and iota on lane (0,0)).
            b0 = BitOperations.RotateLeft(e30 ^ d3, 28);
            b1 = BitOperations.RotateLeft(e41 ^ d4, 20);
            b2 = BitOperations.RotateLeft(e02 ^ d0, 3);
            b3 = BitOperations.RotateLeft(e13 ^ d1, 45);
            b4 = BitOperations.RotateLeft(e24 ^ d2, 61);
            a01 = b0 ^ (~b1 & b2);
            a11 = b1 ^ (~b2 & b3);
            a21 = b2 ^ (~b3 & b4);
            a31 = b3 ^ (~b4 & b0);
            a41 = b4 ^ (~b0 & b1);
            // Row y = 2: rho and pi gather B[x, 2], then chi (and iota on lane (0,0)).
            b0 = BitOperations.RotateLeft(e10 ^ d1, 1);
            b1 = BitOperations.RotateLeft(e21 ^ d2, 6);
            b2 = BitOperations.RotateLeft(e32 ^ d3, 25);
            b3 = BitOperations.RotateLeft(e43 ^ d4, 8);
            b4 = BitOperations.RotateLeft(e04 ^ d0, 18);
            a02 = b0 ^ (~b1 & b2);
            a12 = b1 ^ (~b2 & b3);
            a22 = b2 ^ (~b3 & b4);
            a32 = b3 ^ (~b4 & b0);
            a42 = b4 ^ (~b0 & b1);
            // Row y = 3: rho and pi gather B[x, 3], then chi (and iota on lane (0,0)).
            b0 = BitOperations.RotateLeft(e40 ^ d4, 27);
            b1 = BitOperations.RotateLeft(e01 ^ d0, 36);
            b2 = BitOperations.RotateLeft(e12 ^ d1, 10);
            b3 = BitOperations.RotateLeft(e23 ^ d2, 15);
            b4 = BitOperations.RotateLeft(e34 ^ d3, 56);
            a03 = b0 ^ (~b1 & b2);
            a13 = b1 ^ (~b2 & b3);
            a23 = b2 ^ (~b3 & b4);
            a33 = b3 ^ (~b4 & b0);
            a43 = b4 ^ (~b0 & b1);
            // Row y = 4: rho and pi gather B[x, 4], then chi (and iota on lane (0,0)).
            b0 = BitOperations.RotateLeft(e20 ^ d2, 62);
            b1 = BitOperations.RotateLeft(e31 ^ d3, 55);
            b2 = BitOperations.RotateLeft(e42 ^ d4, 39);
            b3 = BitOperations.RotateLeft(e03 ^ d0, 41);
            b4 = BitOperations.RotateLeft(e14 ^ d1, 2);
            a04 = b0 ^ (~b1 & b2);
            a14 = b1 ^ (~b2 & b3);
            a24 = b2 ^ (~b3 & b4);
            a34 = b3 ^ (~b4 & b0);
            a44 = b4 ^ (~b0 & b1);
        }

        Unsafe.Add(ref s, 0) = a00;
        Unsafe.Add(ref s, 1) = a10;
        Unsafe.Add(ref s, 2) = a20;
        Unsafe.Add(ref s, 3) = a30;
        Unsafe.Add(ref s, 4) = a40;
        Unsafe.Add(ref s, 5) = a01;
        Unsafe.Add(ref s, 6) = a11;
        Unsafe.Add(ref s, 7) = a21;
        Unsafe.Add(ref s, 8) = a31;
        Unsafe.Add(ref s, 9) = a41;
        Unsafe.Add(ref s, 10) = a02;
        Unsafe.Add(ref s, 11) = a12;
        Unsafe.Add(ref s, 12) = a22;
        Unsafe.Add(ref s, 13) = a32;
        Unsafe.Add(ref s, 14) = a42;
        Unsafe.Add(ref s, 15) = a03;
        Unsafe.Add(ref s, 16) = a13;
        Unsafe.Add(ref s, 17) = a23;
        Unsafe.Add(ref s, 18) = a33;
        Unsafe.Add(ref s, 19) = a43;
        Unsafe.Add(ref s, 20) = a04;
        Unsafe.Add(ref s, 21) = a14;
        Unsafe.Add(ref s, 22) = a24;
        Unsafe.Add(ref s, 23) = a34;
        Unsafe.Add(ref s, 24) = a44;
    }
}
