// Scalar twin of Field25519Lookup (the reference): a full scan with 64-bit masks.

using System;

namespace FintechCrypto.Native.Field25519;

/// <summary>The scalar reference of <see cref="Field25519Lookup.Select"/>.</summary>
internal static class Field25519LookupScalar
{
    /// <inheritdoc cref="Field25519Lookup.Select"/>
    internal static void Select(ReadOnlySpan<ulong> table, int entryWidth, uint index, Span<ulong> destination)
    {
        Span<ulong> result = destination[..entryWidth];
        result.Clear();
        int entries = table.Length / entryWidth;
        for (int e = 0; e < entries; e++)
        {
            ulong mask = EqualMask((uint)e, index);
            ReadOnlySpan<ulong> entry = table.Slice(e * entryWidth, entryWidth);
            for (int i = 0; i < entryWidth; i++)
            {
                result[i] |= entry[i] & mask;
            }
        }
    }

    /// <summary>All ones when a == b, else zero, without a branch.</summary>
    internal static ulong EqualMask(uint a, uint b)
    {
        ulong x = a ^ b;           // 0 exactly when equal
        return (ulong)((long)(x - 1) >> 63); // x = 0: 2^64 - 1 has the top bit set; x in [1, 2^32): it does not
    }
}
