// ML-KEM sampling kernels (FIPS 203 §4.2.2): the rejection step of SampleNTT (Algorithm 7) and
// SamplePolyCBD_η (Algorithm 8) for η = 2 and 3.

using System;
using System.Buffers.Binary;
using System.Diagnostics;

namespace FintechCrypto.Native.MlKem;

/// <summary>Scalar ML-KEM sampling kernels.</summary>
internal static class MlKemSamplingScalar
{
    /// <summary>
    /// The loop body of SampleNTT (Algorithm 7, steps 5-13) over one buffer of XOF output (a multiple of 3 bytes):
    /// appends each 12-bit candidate below q to <paramref name="a"/> from index <paramref name="count"/>.
    /// Variable time by design: the XOF input ρ is public.
    /// </summary>
    /// <returns>The new number of coefficients (at most 256).</returns>
    internal static int RejectSampleVartime(ReadOnlySpan<byte> buffer, Span<short> a, int count)
    {
        Debug.Assert(a.Length == 256 && buffer.Length % 3 == 0);
        for (int p = 0; p + 3 <= buffer.Length && count < 256; p += 3)
        {
            int d1 = buffer[p] | ((buffer[p + 1] & 0x0F) << 8);
            int d2 = (buffer[p + 1] >> 4) | (buffer[p + 2] << 4);
            if (d1 < MlKemField.Q)
            {
                a[count++] = (short)d1;
            }

            if (d2 < MlKemField.Q && count < 256)
            {
                a[count++] = (short)d2;
            }
        }

        return count;
    }

    /// <summary>SamplePolyCBD_2 (Algorithm 8, η = 2) from 128 bytes; output in [-2, 2]. Constant time.</summary>
    internal static void SampleCbd2(ReadOnlySpan<byte> input, Span<short> f)
    {
        Debug.Assert(input.Length == 128 && f.Length == 256);
        for (int i = 0; i < 32; i++)
        {
            uint t = BinaryPrimitives.ReadUInt32LittleEndian(input.Slice(4 * i));
            uint d = (t & 0x55555555) + ((t >> 1) & 0x55555555);
            for (int j = 0; j < 8; j++)
            {
                int x = (int)((d >> (4 * j)) & 0x3);
                int y = (int)((d >> ((4 * j) + 2)) & 0x3);
                f[(8 * i) + j] = (short)(x - y);
            }
        }
    }

    /// <summary>SamplePolyCBD_3 (Algorithm 8, η = 3) from 192 bytes; output in [-3, 3]. Constant time.</summary>
    internal static void SampleCbd3(ReadOnlySpan<byte> input, Span<short> f)
    {
        Debug.Assert(input.Length == 192 && f.Length == 256);
        for (int i = 0; i < 64; i++)
        {
            uint t = (uint)(input[3 * i] | (input[(3 * i) + 1] << 8) | (input[(3 * i) + 2] << 16));
            uint d = (t & 0x00249249) + ((t >> 1) & 0x00249249) + ((t >> 2) & 0x00249249);
            for (int j = 0; j < 4; j++)
            {
                int x = (int)((d >> (6 * j)) & 0x7);
                int y = (int)((d >> ((6 * j) + 3)) & 0x7);
                f[(4 * i) + j] = (short)(x - y);
            }
        }
    }
}
