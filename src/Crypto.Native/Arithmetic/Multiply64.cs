// Multiply64: the full 128-bit product of two 64-bit words, kept in registers.
//
// Why not Math.BigMul: on .NET 10 x64, Math.BigMul(ulong, ulong, out ulong) emits MULX and then stores the low half
// to the stack and loads it back (the out parameter is address-exposed; see dotnet/runtime#75594 and #116198).
// In the radix-2^51 field multiplication that store and reload sits on the critical path of every one of the 25
// products, and the store-to-load forwarding it depends on is what made Field25519 about 2.5x slower per operation
// on AMD EPYC than on Intel Xeon (issue 13). Two instructions that stay in registers replace it: MULX for the high
// half (Bmi2.X64.MultiplyNoFlags without the pointer) and IMUL for the low half. Without BMI2 (DOTNET_EnableAVX2=0,
// or FINTECHCRYPTO_DISABLE_SIMD=1 which forces every portable twin) the portable twin splits the operands into
// 32-bit halves (Hacker's Delight §8-2): four 32x32->64 products, also inline, where .NET 10's Math.BigMul would
// call its software fallback.
//
// Constant time: no branch depends on the operands (the BMI2 test is a process-wide constant); MULX and IMUL take a
// fixed number of cycles on every x86-64 core.

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native.Arithmetic;

/// <summary>64 x 64 -> 128-bit multiplication without a memory round trip (see the file header).</summary>
internal static class Multiply64
{
    /// <summary>Returns the high 64 bits of <paramref name="a"/> * <paramref name="b"/> and sets <paramref name="low"/> to the low 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Full(ulong a, ulong b, out ulong low)
    {
        if (Dispatch.UseBmi2)
        {
            low = a * b;
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }

        return FullPortable(a, b, out low);
    }

    /// <summary>The portable twin of <see cref="Full"/>: schoolbook multiplication on 32-bit halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong FullPortable(ulong a, ulong b, out ulong low)
    {
        ulong aLow = (uint)a, aHigh = a >> 32;
        ulong bLow = (uint)b, bHigh = b >> 32;
        ulong lowLow = aLow * bLow;
        ulong highLow = aHigh * bLow;
        ulong lowHigh = aLow * bHigh;
        ulong highHigh = aHigh * bHigh;

        // middle is a sum of three values below 2^32, so it cannot overflow.
        ulong middle = (lowLow >> 32) + (uint)highLow + (uint)lowHigh;
        low = (middle << 32) | (uint)lowLow;
        return highHigh + (highLow >> 32) + (lowHigh >> 32) + (middle >> 32);
    }
}
