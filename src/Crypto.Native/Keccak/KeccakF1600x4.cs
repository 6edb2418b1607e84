// Keccak-f[1600] x4: the dispatching entry point for four interleaved states.
//
// References: FIPS 202, §3.4. Layout: states[4 * i + j] is lane i (= x + 5y) of instance j, j = 0..3.
// Dispatch.UseAvx512 selects KeccakF1600x4Vector256 with Avx512Ops (vprolq, vpternlogq), else Dispatch.UseAvx2 the
// same kernel with Avx2Ops; otherwise (no AVX2, or SIMD disabled by the AppContext switch or
// FINTECHCRYPTO_DISABLE_SIMD=1) the scalar twin KeccakF1600x4Scalar runs. All give identical results.

using System;
using FintechCrypto.Native.Simd;

namespace FintechCrypto.Native.Keccak;

/// <summary>Keccak-f[1600] (FIPS 202 §3.4) on four interleaved states, on the fastest kernel Dispatch allows.</summary>
internal static class KeccakF1600x4
{
    /// <summary>Number of ulongs in four interleaved states (4 x 25 lanes).</summary>
    internal const int StatesLength = 4 * KeccakF1600Scalar.Lanes;

    /// <summary>Applies Keccak-f[1600] in place to four interleaved states.</summary>
    /// <param name="states">Exactly 100 ulongs; lane i of instance j at index 4i + j.</param>
    /// <exception cref="ArgumentException"><paramref name="states"/> is not 100 ulongs long.</exception>
    internal static void Permute(Span<ulong> states)
    {
        if (Dispatch.UseAvx512)
        {
            KeccakF1600x4Vector256.Permute<Avx512Ops>(states);
        }
        else if (Dispatch.UseAvx2)
        {
            KeccakF1600x4Vector256.Permute<Avx2Ops>(states);
        }
        else
        {
            KeccakF1600x4Scalar.Permute(states);
        }
    }
}
