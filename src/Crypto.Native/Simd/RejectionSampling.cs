// RejectionSampling: the parts of the ML-KEM and ML-DSA AVX2 rejection samplers that are the same. Both samplers
// (MlKemSamplingAvx2.RejectSampleVartime, FIPS 203 Algorithm 7; MlDsaSamplingAvx2.RejectUniformVartime, FIPS 204
// Algorithm 30 with CoeffFromThreeBytes) take the XOF output 24 bytes per step, 12 for each 128-bit half of the
// candidate vector: one 32-byte load, vpermq 0x94 (quadwords 0, 1, 1, 2, so bytes 0..15 in the low half and 8..23 in
// the high half) and a byte shuffle whose table is each family's (12-bit or 23-bit candidates). Both compact the
// accepted lanes of an 8-lane mask in order, with a table indexed by the mask: AcceptedLanes lists the lanes each row
// moves to the front. Caller contract for Spread: Dispatch.UseAvx2.

using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native.Simd;

/// <summary>The input stage, argument check and compaction order shared by the AVX2 rejection samplers.</summary>
internal static class RejectionSampling
{
    /// <summary>Throws unless the sampler fills 256 coefficients from whole 3-byte groups.</summary>
    /// <exception cref="ArgumentException">The output is not 256 coefficients, or the input not a multiple of 3 bytes.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CheckLengths(int bufferLength, int coefficients)
    {
        if (coefficients != 256 || bufferLength % 3 != 0)
        {
            ThrowLengths();
        }
    }

    /// <summary>Bytes offset .. offset + 23 as two 12-byte halves, each spread over its 128-bit lane by <paramref name="spread"/>.</summary>
    /// <remarks>Reads 32 bytes from <paramref name="offset"/>: the caller keeps offset + 32 within the buffer.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<byte> Spread(ref byte input, int offset, Vector256<byte> spread)
    {
        Vector256<byte> raw = Vector256.LoadUnsafe(ref input, (nuint)offset);
        return Avx2.Shuffle(Avx2.Permute4x64(raw.AsUInt64(), 0x94).AsByte(), spread);
    }

    [DoesNotReturn]
    private static void ThrowLengths() =>
        throw new ArgumentException("Rejection sampling fills 256 coefficients from a multiple of 3 bytes.");

    /// <summary>
    /// Writes the lanes 0..7 whose bit is set in <paramref name="mask"/>, lowest first, to the start of
    /// <paramref name="lanes"/> and returns how many there are (a row of a compaction table).
    /// </summary>
    internal static int AcceptedLanes(int mask, Span<int> lanes)
    {
        int count = 0;
        for (int lane = 0; lane < 8; lane++)
        {
            if ((mask & (1 << lane)) != 0)
            {
                lanes[count++] = lane;
            }
        }

        return count;
    }
}
