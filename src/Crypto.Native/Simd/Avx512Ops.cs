// Avx512Ops: IVectorOps with the AVX-512VL instructions on 256-bit vectors: vprolq / vprord rotate in one
// instruction, and vpternlogq / vpternlogd compute any three-input boolean function in one. The control byte is the
// function's truth table over the inputs A = 0xF0, B = 0xCC, C = 0xAA:
//   0xD2 = A ⊕ (¬B ∧ C) (chi),  0x96 = A ⊕ B ⊕ C,  0xCA = (A ∧ B) ⊕ (¬A ∧ C) (Ch),  0xE8 = majority (Maj).
// Caller contract: Dispatch.UseAvx512 (the intrinsics throw PlatformNotSupportedException otherwise).

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native.Simd;

/// <summary>The AVX-512VL forms of the <see cref="IVectorOps"/> operations.</summary>
internal readonly struct Avx512Ops : IVectorOps
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> RotateLeft(Vector256<ulong> x, [ConstantExpected(Min = 1, Max = 63)] byte count) =>
        Avx512F.VL.RotateLeft(x, count);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateRight(Vector256<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx512F.VL.RotateRight(x, count);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> XorAndNot(Vector256<ulong> a, Vector256<ulong> b, Vector256<ulong> c) =>
        Avx512F.VL.TernaryLogic(a, b, c, 0xD2);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Xor3(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) =>
        Avx512F.VL.TernaryLogic(a, b, c, 0x96);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Choose(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        Avx512F.VL.TernaryLogic(x, y, z, 0xCA);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Majority(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        Avx512F.VL.TernaryLogic(x, y, z, 0xE8);
}
