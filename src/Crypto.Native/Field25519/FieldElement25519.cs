// FieldElement25519: an element of GF(2^255 - 19) in radix 2^51, five unsigned 64-bit limbs, least
// significant first: value = L0 + L1 2^51 + L2 2^102 + L3 2^153 + L4 2^204.
//
// References: RFC 7748 §4.1 and RFC 8032 §5.1 (the field); Bernstein, Duif, Lange, Schwabe, Yang,
// "High-speed high-security signatures" (radix 2^51 arithmetic); curve25519-dalek backend/serial/u64/field.rs
// (the bound analysis followed here).
//
// Bounds (the contract every routine in Field25519 keeps and relies on):
//   - "reduced" limbs are < 2^51 + 2^13 (the output of Multiply, Square, Subtract, Negate, Reduce);
//   - Add does not carry: two reduced inputs give limbs < 2^53;
//   - Multiply and Square accept limbs < 2^54.
// An element is not canonical until Encode: many limb patterns represent one value.

using System.Runtime.InteropServices;

namespace FintechCrypto.Native.Field25519;

/// <summary>An element of GF(2^255 - 19) in five 51-bit limbs (see the bounds in the file header).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FieldElement25519
{
    /// <summary>Limbs, least significant first.</summary>
    internal ulong L0, L1, L2, L3, L4;

    /// <summary>Creates an element from limbs that respect the reduced bound.</summary>
    internal FieldElement25519(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
    }

    /// <summary>0.</summary>
    internal static FieldElement25519 Zero => default;

    /// <summary>1.</summary>
    internal static FieldElement25519 One => new(1, 0, 0, 0, 0);

    /// <inheritdoc />
    public override readonly string ToString() => "FieldElement25519(<redacted>)";
}
