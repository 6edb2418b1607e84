// IVectorOps: the 256-bit vector operations whose best instruction differs between AVX2 and AVX-512VL.
//
// A kernel that AVX2 and AVX-512VL run on the same Vector256 registers is written once, generic over a struct
// TOps : IVectorOps, and called as Kernel<Avx2Ops>(...) or Kernel<Avx512Ops>(...). The CLR compiles a generic
// method separately for every struct type argument, so each instantiation is its own machine code: TOps.X(...)
// is a direct call to the struct's static method, which is AggressiveInlining, so it disappears and only its
// instructions remain (no interface dispatch, no call in the round loop; see README.md for the disassembly).
// Everything the two instruction sets do alike (loads, stores, xor, add, shifts, shuffles) stays in the kernel.
//
// Rotation counts must be constants at the call site ([ConstantExpected]): after inlining they become the
// immediate of vprolq / vprord, or the two shift immediates of the AVX2 form.

using System.Diagnostics.CodeAnalysis;
using System.Runtime.Intrinsics;

namespace FintechCrypto.Native.Simd;

/// <summary>Vector256 operations implemented once per instruction set (<see cref="Avx2Ops"/>, <see cref="Avx512Ops"/>).</summary>
internal interface IVectorOps
{
    /// <summary>Rotates each 64-bit element left by <paramref name="count"/> bits (Keccak's rho and theta).</summary>
    static abstract Vector256<ulong> RotateLeft(Vector256<ulong> x, [ConstantExpected(Min = 1, Max = 63)] byte count);

    /// <summary>Rotates each 32-bit element right by <paramref name="count"/> bits (SHA-256's ROTR).</summary>
    static abstract Vector256<uint> RotateRight(Vector256<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte count);

    /// <summary><paramref name="a"/> ⊕ (¬<paramref name="b"/> ∧ <paramref name="c"/>): Keccak's chi (FIPS 202 §3.2.4).</summary>
    static abstract Vector256<ulong> XorAndNot(Vector256<ulong> a, Vector256<ulong> b, Vector256<ulong> c);

    /// <summary><paramref name="a"/> ⊕ <paramref name="b"/> ⊕ <paramref name="c"/>: SHA-256's Σ and σ (FIPS 180-4 §4.1.2).</summary>
    static abstract Vector256<uint> Xor3(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c);

    /// <summary>Ch(x, y, z) = (x ∧ y) ⊕ (¬x ∧ z) (FIPS 180-4 §4.1.2, equation 4.2).</summary>
    static abstract Vector256<uint> Choose(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z);

    /// <summary>Maj(x, y, z) = (x ∧ y) ⊕ (x ∧ z) ⊕ (y ∧ z) (FIPS 180-4 §4.1.2, equation 4.3).</summary>
    static abstract Vector256<uint> Majority(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z);
}
