// Sha256x8Scalar: the scalar twin of Sha256x8Vector256 (AVX2 and AVX-512VL), with the same signature and layout.
// It gathers each instance's state out of the interleaved array, runs Sha256Scalar.Compress (FIPS 180-4 §6.2.2)
// on its block, and scatters the result back. It is what Sha256x8 runs when SIMD is disabled or absent, and the
// reference of the differential tests.

using System;

namespace FintechCrypto.Native.Sha2;

/// <summary>Eight SHA-256 compressions (FIPS 180-4 §6.2.2), one after another; the reference twin of the 8-way kernels.</summary>
internal static class Sha256x8Scalar
{
    /// <summary>Updates eight interleaved states, each with its own 64-byte block.</summary>
    /// <param name="states">64 words; word i of instance j at index 8i + j.</param>
    /// <param name="blocks">512 bytes; the block of instance j at bytes 64j … 64j + 63.</param>
    /// <exception cref="ArgumentException">The spans have the wrong length.</exception>
    internal static void Compress(Span<uint> states, ReadOnlySpan<byte> blocks)
    {
        Sha256x8.CheckLengths(states, blocks);
        Span<uint> state = stackalloc uint[Sha256Scalar.StateWords];
        for (int j = 0; j < Sha256x8.Ways; j++)
        {
            for (int i = 0; i < Sha256Scalar.StateWords; i++)
            {
                state[i] = states[(Sha256x8.Ways * i) + j];
            }

            Sha256Scalar.Compress(state, blocks.Slice(j * Sha256Scalar.BlockBytes, Sha256Scalar.BlockBytes));
            for (int i = 0; i < Sha256Scalar.StateWords; i++)
            {
                states[(Sha256x8.Ways * i) + j] = state[i];
            }
        }

        state.Clear();
    }
}
