// Sha256x8: the dispatching entry point for eight SHA-256 compressions (FIPS 180-4 §6.2.2) at once.
//
// Layout: states[8 * i + j] is word H_i of instance j (64 words); blocks[64 * j .. 64 * j + 63] is the block of
// instance j (512 bytes). Dispatch.UseAvx512 selects Sha256x8Vector256 with Avx512Ops (AVX-512VL rotates and
// three-input logic on Vector256), else Dispatch.UseAvx2 the same kernel with Avx2Ops; otherwise (no AVX2, or SIMD
// disabled by the AppContext switch or FINTECHCRYPTO_DISABLE_SIMD=1) the scalar twin Sha256x8Scalar runs. All give
// identical results.

using System;
using FintechCrypto.Native.Simd;

namespace FintechCrypto.Native.Sha2;

/// <summary>Eight SHA-256 compressions at once, on the fastest kernel Dispatch allows.</summary>
internal static class Sha256x8
{
    /// <summary>The number of instances.</summary>
    internal const int Ways = 8;

    /// <summary>Words in eight interleaved states.</summary>
    internal const int StatesLength = Ways * Sha256Scalar.StateWords;

    /// <summary>Bytes in eight blocks.</summary>
    internal const int BlocksLength = Ways * Sha256Scalar.BlockBytes;

    /// <summary>
    /// True when a call runs on a vector kernel, so that eight compressions cost much less than eight single ones;
    /// false when it runs on the scalar twin (then batching only adds copying).
    /// </summary>
    internal static bool IsVectorized => Dispatch.UseAvx2;

    /// <summary>Updates eight interleaved states, each with its own 64-byte block.</summary>
    /// <param name="states">64 words; word i of instance j at index 8i + j.</param>
    /// <param name="blocks">512 bytes; the block of instance j at bytes 64j … 64j + 63.</param>
    /// <exception cref="ArgumentException">The spans have the wrong length.</exception>
    internal static void Compress(Span<uint> states, ReadOnlySpan<byte> blocks)
    {
        if (Dispatch.UseAvx512)
        {
            Sha256x8Vector256.Compress<Avx512Ops>(states, blocks);
        }
        else if (Dispatch.UseAvx2)
        {
            Sha256x8Vector256.Compress<Avx2Ops>(states, blocks);
        }
        else
        {
            Sha256x8Scalar.Compress(states, blocks);
        }
    }

    /// <summary>Throws unless the spans are exactly 64 words and 512 bytes.</summary>
    internal static void CheckLengths(ReadOnlySpan<uint> states, ReadOnlySpan<byte> blocks)
    {
        if (states.Length != StatesLength)
        {
            throw new ArgumentException("Eight interleaved SHA-256 states are exactly 64 words.", nameof(states));
        }

        if (blocks.Length != BlocksLength)
        {
            throw new ArgumentException("Eight SHA-256 blocks are exactly 512 bytes.", nameof(blocks));
        }
    }
}
