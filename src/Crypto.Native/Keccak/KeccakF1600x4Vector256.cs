// Keccak-f[1600] on four independent states at once, one state per 64-bit element of a 256-bit vector: one source
// for AVX2 and AVX-512VL, generic over the vector operations that differ (IVectorOps; see Simd/).
//
// References: FIPS 202, §3.2 (step mappings), §3.3 (Keccak-p), §3.4 (Keccak-f).
//
// Layout (interleaved): states[4 * i + j] is lane i (= x + 5y) of instance j, j = 0..3; 100 ulongs in all.
// One Vector256<ulong> therefore holds lane i of the four instances, the 100 ulongs are one
// KeccakLaneSet<Vector256<ulong>>, and every step mapping is the scalar one (KeccakF1600Scalar, whose comments give the
// formulas and the offsets) applied element-wise. The round is written once: two KeccakLaneSet locals, two rounds per
// iteration (a -> e, e -> a, so no lane moves), Round = theta, rho+pi (Rho) and chi (Chi, one output row per call),
// iota in the loop; all inlined, and the JIT promotes every field of the two locals to its own register or stack slot
// (the listings match the written-out form: see Keccak/README.md). Chi returns its row through out arguments: a ref
// to the row's first field offset with Unsafe.Add would stop the promotion and put the state in memory. The rotations
// and chi (b0 ^ (~b1 & b2)) are TOps.RotateLeft and TOps.XorAndNot: with Avx2Ops two shifts and an or, and vpandn +
// vpxor; with Avx512Ops one vprolq and one vpternlogq each. Caller contract: Dispatch.UseAvx2 for Permute<Avx2Ops>,
// Dispatch.UseAvx512 for Permute<Avx512Ops> (the intrinsics throw PlatformNotSupportedException otherwise);
// KeccakF1600x4 is the dispatching entry point. Permute is NoInlining: its IL is small (Round is a call in IL), so
// with dynamic PGO the tier-1 JIT inlined it into hot callers and then, out of inlining budget, left Round as a real
// call with the lanes in memory (twice the time); compiled as its own method it always inlines Round, Rho and Chi.
// Constant time: only vector xor, and-not, shifts by constant counts and loads/stores at fixed offsets.

using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Permute<TOps>(Span<ulong> states)
        where TOps : struct, IVectorOps
    {
        Debug.Assert(states.Length == KeccakF1600x4.StatesLength);
        if (states.Length != KeccakF1600x4.StatesLength)
        {
            throw new ArgumentException("Four interleaved Keccak-f[1600] states are exactly 100 ulongs.", nameof(states));
        }

        ref KeccakLaneSet<Vector256<ulong>> s = ref Unsafe.As<ulong, KeccakLaneSet<Vector256<ulong>>>(ref MemoryMarshal.GetReference(states));
        ReadOnlySpan<ulong> rc = KeccakF1600Scalar.RoundConstants;
        KeccakLaneSet<Vector256<ulong>> a = s;
        KeccakLaneSet<Vector256<ulong>> e = default;                   // every field written by the first Round
        for (int round = 0; round < KeccakF1600Scalar.Rounds; round += 2)
        {
            Steps<TOps>.Round(ref a, ref e);
            e.L00 ^= Vector256.Create(rc[round]);
            Steps<TOps>.Round(ref e, ref a);
            a.L00 ^= Vector256.Create(rc[round + 1]);
        }

        s = a;
    }

    // The step mappings for one TOps: KeccakF1600Scalar's round, element-wise.
    private static class Steps<TOps>
        where TOps : struct, IVectorOps
    {
        // One round but iota (theta, rho and pi, chi) from the lanes of a into those of e.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void Round(ref KeccakLaneSet<Vector256<ulong>> a, ref KeccakLaneSet<Vector256<ulong>> e)
        {
            Vector256<ulong> c0 = a.L00 ^ a.L01 ^ a.L02 ^ a.L03 ^ a.L04;
            Vector256<ulong> c1 = a.L10 ^ a.L11 ^ a.L12 ^ a.L13 ^ a.L14;
            Vector256<ulong> c2 = a.L20 ^ a.L21 ^ a.L22 ^ a.L23 ^ a.L24;
            Vector256<ulong> c3 = a.L30 ^ a.L31 ^ a.L32 ^ a.L33 ^ a.L34;
            Vector256<ulong> c4 = a.L40 ^ a.L41 ^ a.L42 ^ a.L43 ^ a.L44;
            Vector256<ulong> d0 = c4 ^ TOps.RotateLeft(c1, 1);
            Vector256<ulong> d1 = c0 ^ TOps.RotateLeft(c2, 1);
            Vector256<ulong> d2 = c1 ^ TOps.RotateLeft(c3, 1);
            Vector256<ulong> d3 = c2 ^ TOps.RotateLeft(c4, 1);
            Vector256<ulong> d4 = c3 ^ TOps.RotateLeft(c0, 1);

            // Row y' of B gathers the lanes (x, y) with y = x' and x = 3(y' - 3x') mod 5, each after theta and rho
            // (FIPS 202 Table 2's offsets); chi makes row y' of e from it.
            Chi(a.L00 ^ d0, Rho(a.L11, d1, 44), Rho(a.L22, d2, 43), Rho(a.L33, d3, 21), Rho(a.L44, d4, 14), out e.L00, out e.L10, out e.L20, out e.L30, out e.L40);
            Chi(Rho(a.L30, d3, 28), Rho(a.L41, d4, 20), Rho(a.L02, d0, 3), Rho(a.L13, d1, 45), Rho(a.L24, d2, 61), out e.L01, out e.L11, out e.L21, out e.L31, out e.L41);
            Chi(Rho(a.L10, d1, 1), Rho(a.L21, d2, 6), Rho(a.L32, d3, 25), Rho(a.L43, d4, 8), Rho(a.L04, d0, 18), out e.L02, out e.L12, out e.L22, out e.L32, out e.L42);
            Chi(Rho(a.L40, d4, 27), Rho(a.L01, d0, 36), Rho(a.L12, d1, 10), Rho(a.L23, d2, 15), Rho(a.L34, d3, 56), out e.L03, out e.L13, out e.L23, out e.L33, out e.L43);
            Chi(Rho(a.L20, d2, 62), Rho(a.L31, d3, 55), Rho(a.L42, d4, 39), Rho(a.L03, d0, 41), Rho(a.L14, d1, 2), out e.L04, out e.L14, out e.L24, out e.L34, out e.L44);
        }

        // theta's d[x] applied to one lane, then rho's rotation.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<ulong> Rho(Vector256<ulong> lane, Vector256<ulong> d, [ConstantExpected(Min = 1, Max = 63)] byte offset) =>
            TOps.RotateLeft(lane ^ d, offset);

        // chi on one row: e[x] = b[x] ^ (~b[x+1] & b[x+2]).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Chi(
            Vector256<ulong> b0, Vector256<ulong> b1, Vector256<ulong> b2, Vector256<ulong> b3, Vector256<ulong> b4,
            out Vector256<ulong> e0, out Vector256<ulong> e1, out Vector256<ulong> e2, out Vector256<ulong> e3, out Vector256<ulong> e4)
        {
            e0 = TOps.XorAndNot(b0, b1, b2);
            e1 = TOps.XorAndNot(b1, b2, b3);
            e2 = TOps.XorAndNot(b2, b3, b4);
            e3 = TOps.XorAndNot(b3, b4, b0);
            e4 = TOps.XorAndNot(b4, b0, b1);
        }
    }
}
