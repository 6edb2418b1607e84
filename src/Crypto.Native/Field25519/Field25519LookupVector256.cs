// Vector256 twin of Field25519Lookup: the same full scan, four limbs per AND/OR.

using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FintechCrypto.Native.Field25519;

/// <summary>The Vector256 form of <see cref="Field25519Lookup.Select"/>.</summary>
internal static class Field25519LookupVector256
{
    /// <inheritdoc cref="Field25519Lookup.Select"/>
    internal static void Select(ReadOnlySpan<ulong> table, int entryWidth, uint index, Span<ulong> destination)
    {
        int vectors = entryWidth / 4;
        int entries = table.Length / entryWidth;
        ReadOnlySpan<Vector256<ulong>> tableVectors = MemoryMarshal.Cast<ulong, Vector256<ulong>>(table);
        Span<Vector256<ulong>> result = MemoryMarshal.Cast<ulong, Vector256<ulong>>(destination[..entryWidth]);
        result.Clear();
        for (int e = 0; e < entries; e++)
        {
            Vector256<ulong> mask = Vector256.Create(Field25519LookupScalar.EqualMask((uint)e, index));
            ReadOnlySpan<Vector256<ulong>> entry = tableVectors.Slice(e * vectors, vectors);
            for (int i = 0; i < vectors; i++)
            {
                result[i] |= entry[i] & mask;
            }
        }
    }
}
