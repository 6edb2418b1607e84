// KeccakLaneSet<T>: the 25 lanes of a Keccak-f[1600] state as 25 fields, the working state of the unrolled kernels.
//
// References: FIPS 202, §3.1.2 (lane (x, y) of the state), §B.1 (lanes are little-endian 64-bit words).
//
// Field L{x}{y} is lane (x, y), and the fields are declared in the order x + 5y, so the struct has the layout of the
// state array: with T = Vector256<ulong> it is four interleaved states, lane i of instance j at ulong index 4i + j
// (KeccakF1600x4Vector256), with T = ulong it would be one state. A kernel reinterprets the caller's span as this
// struct, copies it into a local, and runs its rounds from one such local into another and back; the JIT promotes
// each field of the locals to its own register or stack slot. (The scalar KeccakF1600Scalar keeps 50 plain locals:
// with KeccakLaneSet<ulong> its loop had the same 388 instructions but 154 stack operands instead of 137, and was
// about 3% slower; see Keccak/README.md.)

using System.Runtime.InteropServices;

namespace FintechCrypto.Native.Keccak;

/// <summary>The 25 lanes of a Keccak-f[1600] state (FIPS 202 §3.1.2); field L{x}{y} is lane (x, y).</summary>
/// <typeparam name="T"><see cref="ulong"/> for one state, Vector256&lt;ulong&gt; for four interleaved ones.</typeparam>
[StructLayout(LayoutKind.Sequential)]
internal struct KeccakLaneSet<T>
    where T : unmanaged
{
    // Row y = 0, 1, 2, 3, 4 per line: lanes (0, y) .. (4, y).
    internal T L00, L10, L20, L30, L40;
    internal T L01, L11, L21, L31, L41;
    internal T L02, L12, L22, L32, L42;
    internal T L03, L13, L23, L33, L43;
    internal T L04, L14, L24, L34, L44;
}
