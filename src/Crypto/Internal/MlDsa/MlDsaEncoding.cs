// ML-DSA encodings (FIPS 204 §7.1-7.2): SimpleBitPack / BitPack / BitUnpack (Algorithms 16-19), HintBitPack /
// HintBitUnpack (20, 21), pkEncode / pkDecode (22, 23), skEncode / skDecode (24, 25), sigEncode / sigDecode
// (26, 27) and w1Encode (28). Bit order is little-endian within the byte string, as BitsToBytes defines it.

using System;
using System.Buffers.Binary;
using System.Diagnostics;

namespace FintechCrypto.Internal.MlDsa;

internal static class MlDsaEncoding
{
    /// <summary>
    /// Packs 256 values below 2^bits (already offset), little-endian bit order, into 32·bits bytes: groups of 8 values
    /// (odd widths, or 8·bits ≤ 64) or 4 values (even widths up to 32 bits) fill whole bytes through one accumulator.
    /// </summary>
    internal static void PackBits(ReadOnlySpan<int> values, int bits, Span<byte> output)
    {
        Debug.Assert(values.Length == 256 && output.Length == 32 * bits);
        int group = (bits % 2 == 1 || bits <= 8) ? 8 : 4;
        int groupBytes = group * bits / 8;
        int o = 0;
        for (int i = 0; i < 256; i += group)
        {
            UInt128 acc = 0;
            for (int j = 0; j < group; j++)
            {
                acc |= (UInt128)(uint)values[i + j] << (j * bits);
            }

            ulong low = (ulong)acc;
            ulong high = (ulong)(acc >> 64);
            Span<byte> dst = output.Slice(o, groupBytes);
            for (int j = 0; j < groupBytes; j++)
            {
                dst[j] = (byte)(j < 8 ? low >> (8 * j) : high >> (8 * (j - 8)));
            }

            o += groupBytes;
        }
    }

    /// <summary>
    /// Unpacks 256 values of <paramref name="bits"/> bits each (≤ 24): value i is read from the 64-bit little-endian
    /// word at byte ⌊i·bits/8⌋, shifted by i·bits mod 8 (the last words come from a zero-padded copy).
    /// </summary>
    internal static void UnpackBits(ReadOnlySpan<byte> input, int bits, Span<int> values)
    {
        Debug.Assert(values.Length == 256 && input.Length == 32 * bits && bits <= 24);
        Span<byte> tail = stackalloc byte[16];
        int length = input.Length;
        int mask = (1 << bits) - 1;
        int i = 0;
        for (; i < 256; i++)
        {
            int bit = i * bits;
            int offset = bit >> 3;
            if (offset + 8 > length)
            {
                break;
            }

            values[i] = (int)(BinaryPrimitives.ReadUInt64LittleEndian(input[offset..]) >> (bit & 7)) & mask;
        }

        if (i < 256)
        {
            int start = (i * bits) >> 3;
            input[start..].CopyTo(tail);
            for (; i < 256; i++)
            {
                int bit = i * bits;
                values[i] = (int)(BinaryPrimitives.ReadUInt64LittleEndian(tail[((bit >> 3) - start)..]) >> (bit & 7)) & mask;
            }
        }
    }

    /// <summary>BitPack(w, a, b) (Algorithm 17): packs b − w[i] in <paramref name="bits"/> bits.</summary>
    internal static void BitPack(ReadOnlySpan<int> w, int b, int bits, Span<byte> output)
    {
        Span<int> offset = stackalloc int[256];
        for (int i = 0; i < 256; i++)
        {
            offset[i] = b - w[i];
        }

        PackBits(offset, bits, output);
        offset.Clear();
    }

    /// <summary>BitUnpack(v, a, b) (Algorithm 19): w[i] = b − value.</summary>
    internal static void BitUnpack(ReadOnlySpan<byte> v, int b, int bits, Span<int> w)
    {
        UnpackBits(v, bits, w);
        for (int i = 0; i < 256; i++)
        {
            w[i] = b - w[i];
        }
    }

    /// <summary>z's BitUnpack(·, γ1 − 1, γ1), used by ExpandMask and sigDecode.</summary>
    internal static void UnpackZ(ReadOnlySpan<byte> v, MlDsaParameterSet p, Span<int> z) => BitUnpack(v, p.Gamma1, p.ZBits, z);

    /// <summary>pkEncode (Algorithm 22): ρ ‖ SimpleBitPack(t1[i], 2^10 − 1).</summary>
    internal static void EncodePublicKey(MlDsaParameterSet p, ReadOnlySpan<byte> rho, ReadOnlySpan<int> t1, Span<byte> pk)
    {
        rho.CopyTo(pk);
        for (int i = 0; i < p.K; i++)
        {
            PackBits(t1.Slice(i * 256, 256), 10, pk.Slice(32 + (i * MlDsaParameterSet.T1PolyBytes), MlDsaParameterSet.T1PolyBytes));
        }
    }

    /// <summary>pkDecode (Algorithm 23).</summary>
    internal static void DecodePublicKey(MlDsaParameterSet p, ReadOnlySpan<byte> pk, Span<byte> rho, Span<int> t1)
    {
        pk[..32].CopyTo(rho);
        for (int i = 0; i < p.K; i++)
        {
            UnpackBits(pk.Slice(32 + (i * MlDsaParameterSet.T1PolyBytes), MlDsaParameterSet.T1PolyBytes), 10, t1.Slice(i * 256, 256));
        }
    }

    /// <summary>skEncode (Algorithm 24): ρ ‖ K ‖ tr ‖ BitPack(s1, η, η) ‖ BitPack(s2, η, η) ‖ BitPack(t0, 2^12 − 1, 2^12).</summary>
    internal static void EncodePrivateKey(MlDsaParameterSet p, ReadOnlySpan<byte> rho, ReadOnlySpan<byte> key, ReadOnlySpan<byte> tr, ReadOnlySpan<int> s1, ReadOnlySpan<int> s2, ReadOnlySpan<int> t0, Span<byte> sk)
    {
        rho.CopyTo(sk);
        key.CopyTo(sk[32..]);
        tr.CopyTo(sk[64..]);
        int o = 128;
        for (int i = 0; i < p.L; i++, o += p.EtaPolyBytes)
        {
            BitPack(s1.Slice(i * 256, 256), p.Eta, p.EtaBits, sk.Slice(o, p.EtaPolyBytes));
        }

        for (int i = 0; i < p.K; i++, o += p.EtaPolyBytes)
        {
            BitPack(s2.Slice(i * 256, 256), p.Eta, p.EtaBits, sk.Slice(o, p.EtaPolyBytes));
        }

        for (int i = 0; i < p.K; i++, o += MlDsaParameterSet.T0PolyBytes)
        {
            BitPack(t0.Slice(i * 256, 256), 1 << 12, 13, sk.Slice(o, MlDsaParameterSet.T0PolyBytes));
        }
    }

    /// <summary>
    /// skDecode (Algorithm 25). Returns false when a coefficient of s1 or s2 lies outside [−η, η] (a malformed key,
    /// which FIPS 204 §7.2 leaves to the implementation to refuse).
    /// </summary>
    internal static bool DecodePrivateKey(MlDsaParameterSet p, ReadOnlySpan<byte> sk, Span<byte> rho, Span<byte> key, Span<byte> tr, Span<int> s1, Span<int> s2, Span<int> t0)
    {
        sk[..32].CopyTo(rho);
        sk.Slice(32, 32).CopyTo(key);
        sk.Slice(64, 64).CopyTo(tr);
        int o = 128;
        int outOfRange = 0;
        for (int i = 0; i < p.L + p.K; i++, o += p.EtaPolyBytes)
        {
            Span<int> poly = i < p.L ? s1.Slice(i * 256, 256) : s2.Slice((i - p.L) * 256, 256);
            BitUnpack(sk.Slice(o, p.EtaPolyBytes), p.Eta, p.EtaBits, poly);
            for (int j = 0; j < 256; j++)
            {
                outOfRange |= (poly[j] + p.Eta) | (p.Eta - poly[j]);
            }
        }

        for (int i = 0; i < p.K; i++, o += MlDsaParameterSet.T0PolyBytes)
        {
            BitUnpack(sk.Slice(o, MlDsaParameterSet.T0PolyBytes), 1 << 12, 13, t0.Slice(i * 256, 256));
        }

        return outOfRange >= 0;
    }

    /// <summary>The s2 and t0 parts of skDecode (Algorithm 25), for the signing caches of a validated key.</summary>
    internal static void DecodeS2AndT0(MlDsaParameterSet p, ReadOnlySpan<byte> sk, Span<int> s2, Span<int> t0)
    {
        int o = 128 + (p.L * p.EtaPolyBytes);
        for (int i = 0; i < p.K; i++, o += p.EtaPolyBytes)
        {
            BitUnpack(sk.Slice(o, p.EtaPolyBytes), p.Eta, p.EtaBits, s2.Slice(i * 256, 256));
        }

        for (int i = 0; i < p.K; i++, o += MlDsaParameterSet.T0PolyBytes)
        {
            BitUnpack(sk.Slice(o, MlDsaParameterSet.T0PolyBytes), 1 << 12, 13, t0.Slice(i * 256, 256));
        }
    }

    /// <summary>sigEncode (Algorithm 26) with HintBitPack (Algorithm 20); z must be centered mod± q.</summary>
    internal static void EncodeSignature(MlDsaParameterSet p, ReadOnlySpan<byte> cTilde, ReadOnlySpan<int> z, ReadOnlySpan<int> h, Span<byte> sigma)
    {
        cTilde.CopyTo(sigma);
        int o = p.CTildeSize;
        for (int i = 0; i < p.L; i++, o += p.ZPolyBytes)
        {
            BitPack(z.Slice(i * 256, 256), p.Gamma1, p.ZBits, sigma.Slice(o, p.ZPolyBytes));
        }

        Span<byte> y = sigma.Slice(o, p.Omega + p.K);
        y.Clear();
        int index = 0;
        for (int i = 0; i < p.K; i++)
        {
            for (int j = 0; j < 256; j++)
            {
                if (h[(i * 256) + j] != 0)
                {
                    y[index++] = (byte)j;
                }
            }

            y[p.Omega + i] = (byte)index;
        }
    }

    /// <summary>sigDecode (Algorithm 27) with HintBitUnpack (Algorithm 21); false when the hint encoding is malformed (⊥).</summary>
    internal static bool DecodeSignature(MlDsaParameterSet p, ReadOnlySpan<byte> sigma, Span<byte> cTilde, Span<int> z, Span<int> h)
    {
        sigma[..p.CTildeSize].CopyTo(cTilde);
        int o = p.CTildeSize;
        for (int i = 0; i < p.L; i++, o += p.ZPolyBytes)
        {
            UnpackZ(sigma.Slice(o, p.ZPolyBytes), p, z.Slice(i * 256, 256));
        }

        ReadOnlySpan<byte> y = sigma.Slice(o, p.Omega + p.K);
        h.Clear();
        int index = 0;
        for (int i = 0; i < p.K; i++)
        {
            int end = y[p.Omega + i];
            if (end < index || end > p.Omega)
            {
                return false;
            }

            int first = index;
            while (index < end)
            {
                if (index > first && y[index - 1] >= y[index])
                {
                    return false;
                }

                h[(i * 256) + y[index]] = 1;
                index++;
            }
        }

        for (int i = index; i < p.Omega; i++)
        {
            if (y[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>w1Encode (Algorithm 28): SimpleBitPack(w1[i], (q − 1)/(2γ2) − 1) for i &lt; k.</summary>
    internal static void EncodeW1(MlDsaParameterSet p, ReadOnlySpan<int> w1, Span<byte> output)
    {
        for (int i = 0; i < p.K; i++)
        {
            PackBits(w1.Slice(i * 256, 256), p.W1Bits, output.Slice(i * p.W1PolyBytes, p.W1PolyBytes));
        }
    }
}
