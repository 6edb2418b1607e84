// FieldElement25519x4: four elements of GF(2^255 - 19) side by side, one per 64-bit lane of a Vector256<ulong>, in
// radix 2^25.5 (ref10's representation, RFC 7748's field): limb i holds bits from position ceil(25.5 i), so limbs are
// alternately 26 and 25 bits wide (positions 0, 26, 51, 77, 102, 128, 153, 179, 204, 230).
//
// Why this radix here: AVX2 multiplies 32 x 32 -> 64 bits four lanes at a time (vpmuludq) and has no wider multiply,
// so limbs must stay below 2^32 with their products' sums below 2^64. Bounds (kept by Field25519x4):
//   - "reduced" limbs are below 2^26 + 2^19 (the output of Multiply, MultiplySmall and Carry);
//   - Add of two reduced elements gives limbs below 2^27 + 2^20; SubtractWith2P below 3 * 2^26 + 2^20;
//   - Multiply accepts limbs below 2^27.6: 19 * 2^27.6 < 2^32, and each column's ten products (at most
//     2 * 19 * 2^55.2 each) sum below 2^64.

using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FintechCrypto.Native.Field25519;

/// <summary>Four field elements in radix 2^25.5, one per lane (see the bounds in the file header).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FieldElement25519x4
{
    /// <summary>Limbs, least significant first; lane j of every limb belongs to element j.</summary>
    internal Vector256<ulong> L0, L1, L2, L3, L4, L5, L6, L7, L8, L9;

    /// <inheritdoc />
    public override readonly string ToString() => "FieldElement25519x4(<redacted>)";
}
