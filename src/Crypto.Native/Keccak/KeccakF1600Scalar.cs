// Keccak-p[1600, 24] = Keccak-f[1600], one state, scalar 64-bit code (the reference twin).
//
// References: FIPS 202, §3.1 (state, lanes), §3.2 (theta, rho, pi, chi, iota), §3.3 (Keccak-p), §3.4 (Keccak-f).
//
// Layout: 25 lanes of 64 bits; lane (x, y) is state[x + 5y]; bit z of the lane is bit z of the ulong
// (FIPS 202 §3.1.2 with the little-endian lane convention of §B.1). The working state is a KeccakLaneSet<ulong>, whose
// field L{x}{y} is lane (x, y) and whose layout is the state array's, so the span is read and written as one struct.
//
// Structure: the lanes live in two KeccakLaneSet locals, a and e, whose fields the JIT promotes to registers and
// stack slots as it would 50 separate locals; each loop iteration runs two rounds, a -> e and e -> a, so no lane
// ever moves. Round (inlined) is one round without iota, written once:
//   theta (§3.2.1)   c[x] = xor of column x;  d[x] = c[x-1] ^ rol(c[x+1], 1)
//   rho+pi (§3.2.2, §3.2.3)  B[y, 2x+3y] = rol(A[x, y] ^ d[x], r[x, y]) (Rho); gathered one output row at a time:
//                    B[x', y'] comes from A[x, y] with y = x' and x = 3(y' - 3x') mod 5
//   chi (§3.2.4)     E[x, y] = B[x, y] ^ (~B[x+1, y] & B[x+2, y]) (Chi, one row per call)
//   iota (§3.2.5)    E[0, 0] ^= RC[round], in the loop after each Round
// Chi writes its row through out parameters, not through a ref to the row's first field: a ref offset by
// Unsafe.Add keeps the JIT from promoting the struct, and the state then lives in memory.
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

        ref KeccakLaneSet<ulong> s = ref Unsafe.As<ulong, KeccakLaneSet<ulong>>(ref MemoryMarshal.GetReference(state));
        ReadOnlySpan<ulong> rc = RoundConstants;
        KeccakLaneSet<ulong> a = s;
        KeccakLaneSet<ulong> e = default;
        for (int round = 0; round < Rounds; round += 2)
        {
            Round(ref a, ref e);
            e.L00 ^= rc[round];
            Round(ref e, ref a);
            a.L00 ^= rc[round + 1];
        }

        s = a;
    }

    // One round but iota (theta, rho and pi, chi) from the lanes of a into those of e; see the file header.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref KeccakLaneSet<ulong> a, ref KeccakLaneSet<ulong> e)
    {
        ulong c0 = a.L00 ^ a.L01 ^ a.L02 ^ a.L03 ^ a.L04;
        ulong c1 = a.L10 ^ a.L11 ^ a.L12 ^ a.L13 ^ a.L14;
        ulong c2 = a.L20 ^ a.L21 ^ a.L22 ^ a.L23 ^ a.L24;
        ulong c3 = a.L30 ^ a.L31 ^ a.L32 ^ a.L33 ^ a.L34;
        ulong c4 = a.L40 ^ a.L41 ^ a.L42 ^ a.L43 ^ a.L44;
        ulong d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
        ulong d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
        ulong d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
        ulong d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
        ulong d4 = c3 ^ BitOperations.RotateLeft(c0, 1);

        // Row y' of B gathers the lanes (x, y) with y = x' and x = 3(y' - 3x') mod 5, each after theta and rho; chi
        // makes row y' of e from it; iota touches lane (0, 0) only.
        Chi(a.L00 ^ d0, Rho(a.L11, d1, 44), Rho(a.L22, d2, 43), Rho(a.L33, d3, 21), Rho(a.L44, d4, 14), out e.L00, out e.L10, out e.L20, out e.L30, out e.L40);
        Chi(Rho(a.L30, d3, 28), Rho(a.L41, d4, 20), Rho(a.L02, d0, 3), Rho(a.L13, d1, 45), Rho(a.L24, d2, 61), out e.L01, out e.L11, out e.L21, out e.L31, out e.L41);
        Chi(Rho(a.L10, d1, 1), Rho(a.L21, d2, 6), Rho(a.L32, d3, 25), Rho(a.L43, d4, 8), Rho(a.L04, d0, 18), out e.L02, out e.L12, out e.L22, out e.L32, out e.L42);
        Chi(Rho(a.L40, d4, 27), Rho(a.L01, d0, 36), Rho(a.L12, d1, 10), Rho(a.L23, d2, 15), Rho(a.L34, d3, 56), out e.L03, out e.L13, out e.L23, out e.L33, out e.L43);
        Chi(Rho(a.L20, d2, 62), Rho(a.L31, d3, 55), Rho(a.L42, d4, 39), Rho(a.L03, d0, 41), Rho(a.L14, d1, 2), out e.L04, out e.L14, out e.L24, out e.L34, out e.L44);
    }

    // theta's column parity d[x] applied to one lane, then rho's rotation (FIPS 202 §3.2.1, §3.2.2).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Rho(ulong lane, ulong d, int offset) => BitOperations.RotateLeft(lane ^ d, offset);

    // chi on one row (FIPS 202 §3.2.4), E[x, y] = B[x] ^ (~B[x+1] & B[x+2]); row is lane (0, y) of the output, and
    // lanes (1..4, y) are the next four fields (KeccakLaneSet's order).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Chi(ulong b0, ulong b1, ulong b2, ulong b3, ulong b4, out ulong e0, out ulong e1, out ulong e2, out ulong e3, out ulong e4)
    {
        e0 = b0 ^ (~b1 & b2);
        e1 = b1 ^ (~b2 & b3);
        e2 = b2 ^ (~b3 & b4);
        e3 = b3 ^ (~b4 & b0);
        e4 = b4 ^ (~b0 & b1);
    }
}
