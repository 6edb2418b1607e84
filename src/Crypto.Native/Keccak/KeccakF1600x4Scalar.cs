// Keccak-f[1600] on four interleaved states, in scalar code: the reference twin of KeccakF1600x4Vector256.
//
// References: FIPS 202, §3.4 (Keccak-f[1600]).
//
// Layout (same as the AVX2 kernel): states[4 * i + j] is lane i (= x + 5y) of instance j, j = 0..3.
// Each instance is de-interleaved into a 25-lane stack buffer, permuted by KeccakF1600Scalar and written
// back; the buffer is cleared afterwards because the states may hold secret material.

using System;
using System.Diagnostics;

namespace FintechCrypto.Native.Keccak;

/// <summary>Keccak-f[1600] (FIPS 202 §3.4) on four interleaved states, scalar; twin of <see cref="KeccakF1600x4Vector256"/>.</summary>
internal static class KeccakF1600x4Scalar
{
    /// <summary>Applies Keccak-f[1600] in place to four interleaved states.</summary>
    /// <param name="states">Exactly 100 ulongs; lane i of instance j at index 4i + j.</param>
    /// <exception cref="ArgumentException"><paramref name="states"/> is not 100 ulongs long.</exception>
    internal static void Permute(Span<ulong> states)
    {
        Debug.Assert(states.Length == KeccakF1600x4.StatesLength);
        if (states.Length != KeccakF1600x4.StatesLength)
        {
            throw new ArgumentException("Four interleaved Keccak-f[1600] states are exactly 100 ulongs.", nameof(states));
        }

        Span<ulong> one = stackalloc ulong[KeccakF1600Scalar.Lanes];
        for (int j = 0; j < 4; j++)
        {
            for (int i = 0; i < KeccakF1600Scalar.Lanes; i++)
            {
                one[i] = states[(4 * i) + j];
            }

            KeccakF1600Scalar.Permute(one);

            for (int i = 0; i < KeccakF1600Scalar.Lanes; i++)
            {
                states[(4 * i) + j] = one[i];
            }
        }

        one.Clear();
    }
}
