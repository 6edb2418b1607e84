// Avx2Ops: IVectorOps with AVX2 instructions. AVX2 has no vector rotate and no three-input logic, so a rotation is
// two shifts and an or, chi is vpandn + vpxor, and Ch / Maj / xor3 are the two- and three-operation forms.
// Caller contract: Dispatch.UseAvx2 (the intrinsics throw PlatformNotSupportedException otherwise).

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native.Simd;

/// <summary>The AVX2 forms of the <see cref="IVectorOps"/> operations.</summary>
internal readonly struct Avx2Ops : IVectorOps
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> RotateLeft(Vector256<ulong> x, [ConstantExpected(Min = 1, Max = 63)] byte count) =>
        Vector256.ShiftLeft(x, count) | Vector256.ShiftRightLogical(x, 64 - count);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateRight(Vector256<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Vector256.ShiftRightLogical(x, count) | Vector256.ShiftLeft(x, 32 - count);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> XorAndNot(Vector256<ulong> a, Vector256<ulong> b, Vector256<ulong> c) => a ^ Avx2.AndNot(b, c);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Xor3(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) => a ^ b ^ c;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Choose(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => z ^ (x & (y ^ z));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Majority(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => (x & y) ^ (z & (x ^ y));
}
