// Keccak-f[1600] x1: the entry point used by the SHA-3 / SHAKE sponges in FintechCrypto.
//
// References: FIPS 202, §3.4. Layout: lane (x, y) at state[x + 5y].
// There is no SIMD kernel for a single state yet: the 4-way lane-parallel kernel does not help one state, and
// a row-vectorised form (5 lanes per vector) has not been written or measured. So this always runs
// KeccakF1600Scalar; callers with four independent inputs use KeccakF1600x4 instead.

using System;

namespace FintechCrypto.Native.Keccak;

/// <summary>Keccak-f[1600] (FIPS 202 §3.4) on one state, on the fastest available kernel.</summary>
internal static class KeccakF1600
{
    /// <summary>Number of 64-bit lanes in one Keccak-f[1600] state.</summary>
    internal const int Lanes = KeccakF1600Scalar.Lanes;

    /// <summary>Applies Keccak-f[1600] in place.</summary>
    /// <param name="state">Exactly 25 lanes; lane (x, y) at index x + 5y.</param>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not 25 lanes long.</exception>
    internal static void Permute(Span<ulong> state) => KeccakF1600Scalar.Permute(state);
}
