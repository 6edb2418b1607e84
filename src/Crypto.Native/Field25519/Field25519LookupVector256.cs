// Vector256 twin of Field25519Lookup: the same full scan, four limbs per AND/OR, with the accumulators in
// registers for the two widths the curve code uses (16: affine Niels; 20: projective Niels).

using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FintechCrypto.Native.Field25519;

/// <summary>The Vector256 form of <see cref="Field25519Lookup.Select"/>.</summary>
internal static class Field25519LookupVector256
{
    /// <inheritdoc cref="Field25519Lookup.Select"/>
    internal static void Select(ReadOnlySpan<ulong> table, int entryWidth, uint index, Span<ulong> destination)
    {
        int entries = table.Length / entryWidth;
        ref ulong start = ref MemoryMarshal.GetReference(table);
        ref ulong output = ref MemoryMarshal.GetReference(destination);
        Vector256<ulong> r0 = Vector256<ulong>.Zero, r1 = r0, r2 = r0, r3 = r0, r4 = r0;
        if (entryWidth == 16 || entryWidth == 20)
        {
            for (int e = 0; e < entries; e++)
            {
                Vector256<ulong> mask = Vector256.Create(Field25519LookupScalar.EqualMask((uint)e, index));
                ref ulong entry = ref Unsafe.Add(ref start, e * entryWidth);
                r0 |= Vector256.LoadUnsafe(ref entry) & mask;
                r1 |= Vector256.LoadUnsafe(ref entry, 4) & mask;
                r2 |= Vector256.LoadUnsafe(ref entry, 8) & mask;
                r3 |= Vector256.LoadUnsafe(ref entry, 12) & mask;
                if (entryWidth == 20)
                {
                    r4 |= Vector256.LoadUnsafe(ref entry, 16) & mask;
                }
            }

            r0.StoreUnsafe(ref output);
            r1.StoreUnsafe(ref output, 4);
            r2.StoreUnsafe(ref output, 8);
            r3.StoreUnsafe(ref output, 12);
            if (entryWidth == 20)
            {
                r4.StoreUnsafe(ref output, 16);
            }

            return;
        }

        int vectors = entryWidth / 4;
        Span<Vector256<ulong>> result = MemoryMarshal.Cast<ulong, Vector256<ulong>>(destination[..entryWidth]);
        result.Clear();
        for (int e = 0; e < entries; e++)
        {
            Vector256<ulong> mask = Vector256.Create(Field25519LookupScalar.EqualMask((uint)e, index));
            for (int i = 0; i < vectors; i++)
            {
                result[i] |= Vector256.LoadUnsafe(ref Unsafe.Add(ref start, e * entryWidth), (nuint)(4 * i)) & mask;
            }
        }
    }
}
