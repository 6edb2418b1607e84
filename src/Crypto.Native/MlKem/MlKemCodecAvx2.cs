// AVX2 twin of MlKemCodecScalar's compress/decompress: the arithmetic of Compress_d / Decompress_d on eight 32-bit
// lanes at a time (the same 32-bit formula as the scalar code, so the results are identical), then the same
// ByteEncode_d / ByteDecode_d packing.

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native.MlKem;

/// <summary>AVX2 ML-KEM compress/decompress kernels.</summary>
internal static class MlKemCodecAvx2
{
    /// <inheritdoc cref="MlKemCodecScalar.CompressEncode"/>
    internal static void CompressEncode(ReadOnlySpan<short> f, int d, Span<byte> output)
    {
        if (f.Length != 256 || d is not (1 or 4 or 5 or 10 or 11) || output.Length != 32 * d)
        {
            throw new ArgumentException("An ML-KEM codec works on 256 coefficients and 32·d bytes with d in {1, 4, 5, 10, 11}.");
        }

        Span<ushort> y = stackalloc ushort[256];
        ref short src = ref MemoryMarshal.GetReference(f);
        ref ushort dst = ref MemoryMarshal.GetReference(y);
        Vector256<int> q = Vector256.Create((int)MlKemField.Q);
        Vector256<int> magic = Vector256.Create(MlKemCodecScalar.CompressMagic);
        Vector256<int> rounding = Vector256.Create(MlKemCodecScalar.CompressRounding >> d);
        Vector256<int> mask = Vector256.Create((1 << d) - 1);
        Vector128<int> shift = Vector128.CreateScalar(MlKemCodecScalar.CompressShift - d); // shift count for vpsrad
        for (int i = 0; i < 256; i += 16)
        {
            Vector256<int> lo = Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref src, (nuint)i));
            Vector256<int> hi = Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref src, (nuint)(i + 8)));
            lo = CompressLanes(lo, q, magic, rounding, mask, shift);
            hi = CompressLanes(hi, q, magic, rounding, mask, shift);

            // Pack the 16 values (each < 2^11) to 16-bit lanes; PackUnsignedSaturate interleaves 128-bit halves, so
            // fix the order with a 64-bit permute.
            Vector256<ushort> packed = Avx2.PackUnsignedSaturate(lo, hi);
            packed = Avx2.Permute4x64(packed.AsUInt64(), 0b11_01_10_00).AsUInt16();
            packed.StoreUnsafe(ref dst, (nuint)i);
        }

        MlKemCodecScalar.Pack(y, d, output);
    }

    /// <inheritdoc cref="MlKemCodecScalar.DecodeDecompress"/>
    internal static void DecodeDecompress(ReadOnlySpan<byte> input, int d, Span<short> f)
    {
        if (f.Length != 256 || d is not (1 or 4 or 5 or 10 or 11) || input.Length != 32 * d)
        {
            throw new ArgumentException("An ML-KEM codec works on 256 coefficients and 32·d bytes with d in {1, 4, 5, 10, 11}.");
        }

        Span<ushort> y = stackalloc ushort[256];
        MlKemCodecScalar.Unpack(input, d, y);
        ref ushort src = ref MemoryMarshal.GetReference(y);
        ref short dst = ref MemoryMarshal.GetReference(f);
        Vector256<int> q = Vector256.Create((int)MlKemField.Q);
        Vector256<int> half = Vector256.Create(1 << (d - 1));
        Vector128<int> shift = Vector128.CreateScalar(d);
        for (int i = 0; i < 256; i += 16)
        {
            Vector256<int> lo = Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref src, (nuint)i));
            Vector256<int> hi = Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref src, (nuint)(i + 8)));
            lo = Avx2.ShiftRightLogical(Avx2.Add(Avx2.MultiplyLow(lo, q), half), shift);
            hi = Avx2.ShiftRightLogical(Avx2.Add(Avx2.MultiplyLow(hi, q), half), shift);
            Vector256<short> packed = Avx2.PackSignedSaturate(lo, hi);
            packed = Avx2.Permute4x64(packed.AsInt64(), 0b11_01_10_00).AsInt16();
            packed.StoreUnsafe(ref dst, (nuint)i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> CompressLanes(Vector256<int> x, Vector256<int> q, Vector256<int> magic, Vector256<int> rounding, Vector256<int> mask, Vector128<int> shift)
    {
        x = Avx2.Add(x, Avx2.And(Avx2.ShiftRightArithmetic(x, 31), q));   // canonical: (-q, q) → [0, q)
        Vector256<int> t = Avx2.Add(Avx2.MultiplyLow(x, magic), rounding);
        return Avx2.And(Avx2.ShiftRightArithmetic(t, shift), mask);
    }
}
