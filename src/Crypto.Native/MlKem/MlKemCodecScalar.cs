// ML-KEM coefficient codecs (FIPS 203 §4.2.1): Compress_d / Decompress_d (equations 4.7, 4.8) fused with
// ByteEncode_d / ByteDecode_d (Algorithms 5 and 6), and the 12-bit encoding of NTT-domain polynomials.
// Scalar reference; MlKemCodecAvx2 is the vector twin with the same signatures.
//
// Compress_d(x) = round(2^d·x / q) mod 2^d, without a division on the secret x:
//   round(2^d·x / q) = floor((2^d·x + 1664) / q)            (q is odd, so there are no exact halves)
//                    = floor((2^d·x + 1664)·M / 2^29)       with M = 161271 ≈ 2^29 / q (exact for d ≤ 11, x < q)
//                    = (x·M + (1664·M >> d)) >> (29 − d)    (dividing through by 2^d drops only a fraction < 1,
//                                                            which cannot carry past a multiple of 2^(29−d))
// so every intermediate fits in 32 bits (x·M < 2^30). The tests check all x in [0, q) for every d.

using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace FintechCrypto.Native.MlKem;

/// <summary>Scalar ML-KEM encode/decode and compress/decompress kernels.</summary>
internal static class MlKemCodecScalar
{
    internal const int CompressMagic = 161271;
    internal const int CompressShift = 29;
    internal const int CompressRounding = 1664 * CompressMagic;

    /// <summary>ByteEncode_12 (Algorithm 5, d = 12) of a polynomial with coefficients in (-q, q); 384 bytes.</summary>
    internal static void Encode12(ReadOnlySpan<short> f, Span<byte> output)
    {
        Debug.Assert(f.Length == 256 && output.Length == 384);
        for (int i = 0; i < 128; i++)
        {
            ushort a = (ushort)MlKemField.Canonicalize(f[2 * i]);
            ushort b = (ushort)MlKemField.Canonicalize(f[(2 * i) + 1]);
            output[3 * i] = (byte)a;
            output[(3 * i) + 1] = (byte)((a >> 8) | (b << 4));
            output[(3 * i) + 2] = (byte)(b >> 4);
        }
    }

    /// <summary>
    /// ByteDecode_12 (Algorithm 6, d = 12): 384 bytes to 256 coefficients. Returns false when a value is ≥ q (the
    /// encapsulation-key modulus check of FIPS 203 §7.2); the coefficients are then unusable.
    /// </summary>
    internal static bool Decode12(ReadOnlySpan<byte> input, Span<short> f)
    {
        Debug.Assert(f.Length == 256 && input.Length == 384);
        int invalid = 0;
        for (int i = 0; i < 128; i++)
        {
            int a = input[3 * i] | ((input[(3 * i) + 1] & 0x0F) << 8);
            int b = (input[(3 * i) + 1] >> 4) | (input[(3 * i) + 2] << 4);
            invalid |= (MlKemField.Q - 1 - a) | (MlKemField.Q - 1 - b);
            f[2 * i] = (short)a;
            f[(2 * i) + 1] = (short)b;
        }

        return invalid >= 0;
    }

    /// <summary>Compress_d of one coefficient in (-q, q).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Compress(short coefficient, int d)
    {
        int x = MlKemField.Canonicalize(coefficient);
        return (uint)(((x * CompressMagic) + (CompressRounding >> d)) >> (CompressShift - d)) & ((1u << d) - 1);
    }

    /// <summary>Decompress_d(y) = round(q·y / 2^d) = (q·y + 2^(d−1)) >> d.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static short Decompress(uint y, int d) => (short)(((y * (uint)MlKemField.Q) + (1u << (d - 1))) >> d);

    /// <summary>ByteEncode_d(Compress_d(f)) for d in {1, 4, 5, 10, 11}; f has coefficients in (-q, q); output 32·d bytes.</summary>
    internal static void CompressEncode(ReadOnlySpan<short> f, int d, Span<byte> output)
    {
        CheckSizes(f.Length, d, output.Length);
        Span<ushort> y = stackalloc ushort[256];
        for (int i = 0; i < 256; i++)
        {
            y[i] = (ushort)Compress(f[i], d);
        }

        Pack(y, d, output);
    }

    /// <summary>Decompress_d(ByteDecode_d(input)) for d in {1, 4, 5, 10, 11}; input 32·d bytes; output in [0, q).</summary>
    internal static void DecodeDecompress(ReadOnlySpan<byte> input, int d, Span<short> f)
    {
        CheckSizes(f.Length, d, input.Length);
        Span<ushort> y = stackalloc ushort[256];
        Unpack(input, d, y);
        for (int i = 0; i < 256; i++)
        {
            f[i] = Decompress(y[i], d);
        }
    }

    /// <summary>ByteEncode_d (Algorithm 5) of 256 values below 2^d, specialised by d (little-endian bit order).</summary>
    internal static void Pack(ReadOnlySpan<ushort> y, int d, Span<byte> output)
    {
        switch (d)
        {
            case 1:
                for (int i = 0; i < 32; i++)
                {
                    int b = 0;
                    for (int j = 0; j < 8; j++)
                    {
                        b |= y[(8 * i) + j] << j;
                    }

                    output[i] = (byte)b;
                }

                break;
            case 4:
                for (int i = 0; i < 128; i++)
                {
                    output[i] = (byte)(y[2 * i] | (y[(2 * i) + 1] << 4));
                }

                break;
            case 10:
                for (int i = 0; i < 64; i++)
                {
                    ulong v = y[4 * i] | ((ulong)y[(4 * i) + 1] << 10) | ((ulong)y[(4 * i) + 2] << 20) | ((ulong)y[(4 * i) + 3] << 30);
                    Span<byte> o = output.Slice(5 * i, 5);
                    o[0] = (byte)v;
                    o[1] = (byte)(v >> 8);
                    o[2] = (byte)(v >> 16);
                    o[3] = (byte)(v >> 24);
                    o[4] = (byte)(v >> 32);
                }

                break;
            default:
                // d = 5 (8 values → 5 bytes) and d = 11 (8 values → 11 bytes): 8 values through a 128-bit accumulator.
                for (int i = 0; i < 32; i++)
                {
                    UInt128 v = 0;
                    for (int j = 0; j < 8; j++)
                    {
                        v |= (UInt128)y[(8 * i) + j] << (d * j);
                    }

                    Span<byte> o = output.Slice(d * i, d);
                    for (int j = 0; j < d; j++)
                    {
                        o[j] = (byte)(v >> (8 * j));
                    }
                }

                break;
        }
    }

    /// <summary>ByteDecode_d (Algorithm 6) into 256 values below 2^d, specialised by d.</summary>
    internal static void Unpack(ReadOnlySpan<byte> input, int d, Span<ushort> y)
    {
        switch (d)
        {
            case 1:
                for (int i = 0; i < 32; i++)
                {
                    int b = input[i];
                    for (int j = 0; j < 8; j++)
                    {
                        y[(8 * i) + j] = (ushort)((b >> j) & 1);
                    }
                }

                break;
            case 4:
                for (int i = 0; i < 128; i++)
                {
                    y[2 * i] = (ushort)(input[i] & 0x0F);
                    y[(2 * i) + 1] = (ushort)(input[i] >> 4);
                }

                break;
            case 10:
                for (int i = 0; i < 64; i++)
                {
                    ReadOnlySpan<byte> b = input.Slice(5 * i, 5);
                    ulong v = b[0] | ((ulong)b[1] << 8) | ((ulong)b[2] << 16) | ((ulong)b[3] << 24) | ((ulong)b[4] << 32);
                    y[4 * i] = (ushort)(v & 0x3FF);
                    y[(4 * i) + 1] = (ushort)((v >> 10) & 0x3FF);
                    y[(4 * i) + 2] = (ushort)((v >> 20) & 0x3FF);
                    y[(4 * i) + 3] = (ushort)((v >> 30) & 0x3FF);
                }

                break;
            default:
            {
                ushort mask = (ushort)((1 << d) - 1);
                for (int i = 0; i < 32; i++)
                {
                    ReadOnlySpan<byte> b = input.Slice(d * i, d);
                    UInt128 v = 0;
                    for (int j = 0; j < d; j++)
                    {
                        v |= (UInt128)b[j] << (8 * j);
                    }

                    for (int j = 0; j < 8; j++)
                    {
                        y[(8 * i) + j] = (ushort)((ushort)(v >> (d * j)) & mask);
                    }
                }

                break;
            }
        }
    }

    private static void CheckSizes(int coefficients, int d, int bytes)
    {
        if (coefficients != 256 || d is not (1 or 4 or 5 or 10 or 11) || bytes != 32 * d)
        {
            throw new ArgumentException("An ML-KEM codec works on 256 coefficients and 32·d bytes with d in {1, 4, 5, 10, 11}.");
        }
    }
}
