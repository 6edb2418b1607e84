// AVX2 twin of MlKemSamplingScalar.RejectSampleVartime (FIPS 203 Algorithm 7, steps 5-13): 24 bytes of XOF
// output become 16 12-bit candidates in one vector; the ones below q are compacted with a byte shuffle chosen
// by their bit mask, and stored in order. Candidate order and acceptance are exactly those of the scalar loop, so
// the outputs are identical. Variable time by design (ρ is public): the number accepted depends on the data.
//
//   bytes b0..b23 --permute4x64(0,1,1,2)--> low lane b0..b15, high lane b8..b23
//   --shuffle--> 16-bit lanes (b0|b1<<8), (b1|b2<<8), (b3|b4<<8), ... ; even lanes & 0xFFF, odd lanes >> 4
// The load, vpermq and shuffle (with this file's s_spread), the length check and the lane order of the compaction
// table are Simd/RejectionSampling's, shared with MlDsaSamplingAvx2.

using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FintechCrypto.Native.Simd;

namespace FintechCrypto.Native.MlKem;

/// <summary>AVX2 ML-KEM rejection sampling.</summary>
internal static class MlKemSamplingAvx2
{
    private static readonly Vector256<byte> s_spread = Vector256.Create(
        (byte)0, 1, 1, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 10, 10, 11,
        4, 5, 5, 6, 7, 8, 8, 9, 10, 11, 11, 12, 13, 14, 14, 15);

    // For each 8-bit mask of accepted 16-bit lanes, the byte shuffle that moves those lanes to the front in order.
    private static readonly byte[] s_compact = BuildCompactionTable();

    /// <inheritdoc cref="MlKemSamplingScalar.RejectSampleVartime"/>
    internal static int RejectSampleVartime(ReadOnlySpan<byte> buffer, Span<short> a, int count)
    {
        RejectionSampling.CheckLengths(buffer.Length, a.Length);
        ref byte input = ref MemoryMarshal.GetReference(buffer);
        ref short output = ref MemoryMarshal.GetReference(a);
        ref byte table = ref MemoryMarshal.GetArrayDataReference(s_compact);
        Vector256<short> q = Vector256.Create(MlKemField.Q);
        Vector256<short> mask12 = Vector256.Create((short)0x0FFF);
        int p = 0;

        // Each step reads 32 bytes (uses 24) and may write 16 coefficients: keep both in bounds.
        while (p + 32 <= buffer.Length && count <= 256 - 16)
        {
            Vector256<short> f = RejectionSampling.Spread(ref input, p, s_spread).AsInt16();
            Vector256<short> g = Avx2.ShiftRightLogical(f, 4);
            f = Avx2.And(Avx2.Blend(f, g, 0xAA), mask12);

            Vector256<short> good = Avx2.CompareGreaterThan(q, f);
            uint bits = (uint)Avx2.MoveMask(Avx2.PackSignedSaturate(good, Vector256<short>.Zero).AsByte());
            uint m0 = bits & 0xFF;
            uint m1 = (bits >> 16) & 0xFF;

            Vector128<byte> lo = Ssse3.Shuffle(f.GetLower().AsByte(), Vector128.LoadUnsafe(ref table, m0 * 16));
            lo.AsInt16().StoreUnsafe(ref output, (nuint)count);
            count += BitOperations.PopCount(m0);
            Vector128<byte> hi = Ssse3.Shuffle(f.GetUpper().AsByte(), Vector128.LoadUnsafe(ref table, m1 * 16));
            hi.AsInt16().StoreUnsafe(ref output, (nuint)count);
            count += BitOperations.PopCount(m1);
            p += 24;
        }

        return MlKemSamplingScalar.RejectSampleVartime(buffer[p..], a, count);
    }

    private static byte[] BuildCompactionTable()
    {
        var table = new byte[256 * 16];
        Span<int> lanes = stackalloc int[8];
        for (int mask = 0; mask < 256; mask++)
        {
            int accepted = RejectionSampling.AcceptedLanes(mask, lanes);
            for (int k = 0; k < 8; k++)
            {
                // The two bytes of 16-bit lane lanes[k]; a shuffle index with the top bit set writes zero.
                table[(mask * 16) + (2 * k)] = k < accepted ? (byte)(2 * lanes[k]) : (byte)0x80;
                table[(mask * 16) + (2 * k) + 1] = k < accepted ? (byte)((2 * lanes[k]) + 1) : (byte)0x80;
            }
        }

        return table;
    }
}
