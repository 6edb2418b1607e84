// ML-DSA rejection-sampling kernels (FIPS 204 §7.3): the loop bodies of RejNTTPoly (Algorithm 30, with
// CoeffFromThreeBytes, Algorithm 14) and RejBoundedPoly (Algorithm 31, with CoeffFromHalfByte, Algorithm 15).

using System;

namespace FintechCrypto.Native.MlDsa;

/// <summary>Scalar ML-DSA sampling kernels.</summary>
internal static class MlDsaSamplingScalar
{
    /// <summary>
    /// Appends the 23-bit candidates below q from <paramref name="buffer"/> (a multiple of 3 bytes) to
    /// <paramref name="a"/> from index <paramref name="count"/>; returns the new count (at most 256). Variable time
    /// by design: the XOF input ρ is public.
    /// </summary>
    internal static int RejectUniformVartime(ReadOnlySpan<byte> buffer, Span<int> a, int count)
    {
        for (int p = 0; p + 3 <= buffer.Length && count < 256; p += 3)
        {
            int z = buffer[p] | (buffer[p + 1] << 8) | ((buffer[p + 2] & 0x7F) << 16);
            if (z < MlDsaField.Q)
            {
                a[count++] = z;
            }
        }

        return count;
    }

    /// <summary>
    /// Appends the nibbles below 15 (η = 2, mapped to 2 − (b mod 5)) or below 9 (η = 4, mapped to 4 − b), low nibble
    /// first; returns the new count (at most 256). The accept/reject pattern depends on the secret ρ' stream but
    /// reveals nothing about accepted values (as in FIPS 204's own definition).
    /// </summary>
    internal static int RejectBounded(ReadOnlySpan<byte> buffer, int eta, Span<int> a, int count)
    {
        int limit = eta == 2 ? 15 : 9;
        for (int p = 0; p < buffer.Length && count < 256; p++)
        {
            int z0 = buffer[p] & 0x0F;
            int z1 = buffer[p] >> 4;
            if (z0 < limit)
            {
                a[count++] = Map(z0, eta);
            }

            if (z1 < limit && count < 256)
            {
                a[count++] = Map(z1, eta);
            }
        }

        return count;
    }

    // 2 − (b mod 5) for η = 2, with b mod 5 = b − 5·⌊205·b / 1024⌋ for b < 15; 4 − b for η = 4.
    private static int Map(int b, int eta) => eta == 2 ? 2 - (b - (((205 * b) >> 10) * 5)) : 4 - b;
}
