// Field25519Lookup: constant-time table lookup for the precomputed point tables of edwards25519 scalar
// multiplication. Every entry is read and masked, so the memory access pattern does not depend on the
// (secret) index. This is where 256-bit vectors pay on this curve: an affine Niels entry is 15 limbs
// (padded to 16) and a projective Niels entry 20, so a Vector256 mask covers four limbs per AND/OR.
//
// Dispatch: the Vector256 twin when 256-bit vectors are accelerated and SIMD is not disabled, else the
// scalar twin (the reference). Both have the same signature and the same result.

using System;

namespace FintechCrypto.Native.Field25519;

/// <summary>Constant-time selection of one entry of a table of limb vectors.</summary>
internal static class Field25519Lookup
{
    /// <summary>
    /// Copies entry <paramref name="index"/> of <paramref name="table"/> (entries of <paramref name="entryWidth"/>
    /// limbs, a multiple of 4) into <paramref name="destination"/>, reading every entry; an index outside the
    /// table yields all zeros.
    /// </summary>
    internal static void Select(ReadOnlySpan<ulong> table, int entryWidth, uint index, Span<ulong> destination)
    {
        // Multiples of 4 and whole entries, checked without a division (this runs 50-60 times per multiplication).
        if (entryWidth <= 0 || (entryWidth & 3) != 0 || destination.Length < entryWidth
            || table.Length != (table.Length / entryWidth) * entryWidth)
        {
            throw new ArgumentException("The table layout is invalid.", nameof(table));
        }

        if (Dispatch.UseVector256)
        {
            Field25519LookupVector256.Select(table, entryWidth, index, destination);
        }
        else
        {
            Field25519LookupScalar.Select(table, entryWidth, index, destination);
        }
    }
}
