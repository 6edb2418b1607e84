// AVX2 twin of MlDsaSamplingScalar.RejectUniformVartime: 24 bytes become eight 23-bit candidates in 32-bit lanes;
// those below q are compacted in order with a lane permutation chosen by their mask. Same candidates, same order,
// so the output equals the scalar loop's.
//
//   bytes b0..b23 --permute4x64(0,1,1,2)--> low lane b0..b15, high lane b8..b23
//   --shuffle--> lane j: b(3j) | b(3j+1) << 8 | b(3j+2) << 16, then & 0x7FFFFF
// The load, vpermq and shuffle (with this file's s_spread), the length check and the lane order of the compaction
// table are Simd/RejectionSampling's, shared with MlKemSamplingAvx2.

using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FintechCrypto.Native.Simd;

namespace FintechCrypto.Native.MlDsa;

/// <summary>AVX2 ML-DSA rejection sampling.</summary>
internal static class MlDsaSamplingAvx2
{
    private static readonly Vector256<byte> s_spread = Vector256.Create(
        (byte)0, 1, 2, 0x80, 3, 4, 5, 0x80, 6, 7, 8, 0x80, 9, 10, 11, 0x80,
        4, 5, 6, 0x80, 7, 8, 9, 0x80, 10, 11, 12, 0x80, 13, 14, 15, 0x80);

    private static readonly int[] s_compact = BuildCompactionTable();

    // Row n keeps the first n lanes and zeroes the rest, so nothing but accepted candidates is ever written.
    private static readonly int[] s_keep = BuildKeepTable();

    /// <inheritdoc cref="MlDsaSamplingScalar.RejectUniformVartime"/>
    internal static int RejectUniformVartime(ReadOnlySpan<byte> buffer, Span<int> a, int count)
    {
        RejectionSampling.CheckLengths(buffer.Length, a.Length);
        ref byte input = ref MemoryMarshal.GetReference(buffer);
        ref int output = ref MemoryMarshal.GetReference(a);
        ref int table = ref MemoryMarshal.GetArrayDataReference(s_compact);
        ref int keep = ref MemoryMarshal.GetArrayDataReference(s_keep);
        Vector256<int> q = Vector256.Create(MlDsaField.Q);
        Vector256<int> mask23 = Vector256.Create(0x7FFFFF);
        int p = 0;
        while (p + 32 <= buffer.Length && count <= 256 - 8)
        {
            Vector256<int> z = Avx2.And(RejectionSampling.Spread(ref input, p, s_spread).AsInt32(), mask23);
            count = Compact(z, Avx2.CompareGreaterThan(q, z), ref output, ref table, ref keep, count);
            p += 24;
        }

        return MlDsaSamplingScalar.RejectUniformVartime(buffer[p..], a, count);
    }

    /// <inheritdoc cref="MlDsaSamplingScalar.RejectBounded"/>
    internal static int RejectBounded(ReadOnlySpan<byte> buffer, int eta, Span<int> a, int count)
    {
        if (a.Length != 256 || eta is not (2 or 4))
        {
            throw new ArgumentException("Bounded rejection sampling fills 256 coefficients with η = 2 or 4.");
        }

        ref byte input = ref MemoryMarshal.GetReference(buffer);
        ref int output = ref MemoryMarshal.GetReference(a);
        ref int table = ref MemoryMarshal.GetArrayDataReference(s_compact);
        ref int keep = ref MemoryMarshal.GetArrayDataReference(s_keep);
        Vector256<int> limit = Vector256.Create(eta == 2 ? 15 : 9);
        Vector256<int> etaVector = Vector256.Create(eta);
        int p = 0;

        // 8 bytes → 16 nibbles (low nibble first, as the scalar loop takes them) → two vectors of 8 candidates.
        while (p + 8 <= buffer.Length && count <= 256 - 16)
        {
            Vector128<byte> bytes = Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref input, p))).AsByte();
            Vector128<byte> low = Sse2.And(bytes, Vector128.Create((byte)0x0F));
            Vector128<byte> high = Sse2.And(Sse2.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte(), Vector128.Create((byte)0x0F));
            Vector128<byte> nibbles = Sse2.UnpackLow(low, high);
            count = CompactBounded(Avx2.ConvertToVector256Int32(nibbles), limit, etaVector, eta, ref output, ref table, ref keep, count);
            count = CompactBounded(Avx2.ConvertToVector256Int32(Sse2.ShiftRightLogical128BitLane(nibbles, 8)), limit, etaVector, eta, ref output, ref table, ref keep, count);
            p += 8;
        }

        return MlDsaSamplingScalar.RejectBounded(buffer[p..], eta, a, count);
    }

    private static int CompactBounded(Vector256<int> b, Vector256<int> limit, Vector256<int> etaVector, int eta, ref int output, ref int table, ref int keep, int count)
    {
        Vector256<int> good = Avx2.CompareGreaterThan(limit, b);
        if (eta == 2)
        {
            // b mod 5 = b − 5·⌊205·b / 1024⌋ for b < 16.
            Vector256<int> quotient = Avx2.ShiftRightLogical(Avx2.MultiplyLow(b, Vector256.Create(205)), 10);
            b = Avx2.Subtract(b, Avx2.MultiplyLow(quotient, Vector256.Create(5)));
        }

        return Compact(Avx2.Subtract(etaVector, b), good, ref output, ref table, ref keep, count);
    }

    // Stores the lanes of `values` whose `good` lane is all ones, in order, at output[count..], and returns the new
    // count: the lane permutation for the 8-bit mask comes from the compaction table, and the keep row zeroes the
    // lanes past the accepted ones, so nothing but accepted candidates is ever written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Compact(Vector256<int> values, Vector256<int> good, ref int output, ref int table, ref int keep, int count)
    {
        uint m = (uint)Avx.MoveMask(good.AsSingle());
        int accepted = BitOperations.PopCount(m);
        Vector256<int> packed = Avx2.PermuteVar8x32(values, Vector256.LoadUnsafe(ref table, m * 8));
        packed = Avx2.And(packed, Vector256.LoadUnsafe(ref keep, (nuint)(accepted * 8)));
        packed.StoreUnsafe(ref output, (nuint)count);
        return count + accepted;
    }

    private static int[] BuildKeepTable()
    {
        var table = new int[9 * 8];
        for (int n = 0; n <= 8; n++)
        {
            for (int lane = 0; lane < n; lane++)
            {
                table[(n * 8) + lane] = -1;
            }
        }

        return table;
    }

    private static int[] BuildCompactionTable()
    {
        var table = new int[256 * 8];
        for (int mask = 0; mask < 256; mask++)
        {
            RejectionSampling.AcceptedLanes(mask, table.AsSpan(mask * 8, 8));
        }

        return table;
    }
}
