// ML-DSA pseudorandom sampling (FIPS 204 §7.3): SampleInBall (Algorithm 29), RejNTTPoly (30), RejBoundedPoly (31),
// ExpandA (32), ExpandS (33), ExpandMask (34). The expansions run four SHAKE instances at a time.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Sha3;
using FintechCrypto.Native.MlDsa;

namespace FintechCrypto.Internal.MlDsa;

internal static class Sampling
{
    private const int Rate256 = 136;

    /// <summary>
    /// ExpandA (Algorithm 32): Â[r][s] = RejNTTPoly(ρ ‖ s ‖ r), row-major into k·l·256 coefficients in [0, q).
    /// Variable time: ρ is public.
    /// </summary>
    internal static void ExpandAVartime(ReadOnlySpan<byte> rho, int k, int l, Span<int> aHat)
    {
        // 5 blocks per lane: 840 bytes = 280 candidates; 256 accepted with overwhelming probability.
        ShakeMatrixExpansion.ExpandVartime<int, RejNttPoly>(rho, k, l, aHat);
    }

    /// <summary>
    /// ExpandS (Algorithm 33): s1[r] = RejBoundedPoly(ρ' ‖ r), s2[r] = RejBoundedPoly(ρ' ‖ (r + l)), with 16-bit
    /// little-endian indices, into (l + k)·256 coefficients in [−η, η].
    /// </summary>
    internal static void ExpandS(ReadOnlySpan<byte> rhoPrime, int eta, int count, Span<int> s)
    {
        Span<byte> seeds = stackalloc byte[4 * 66];
        Span<byte> blocks = stackalloc byte[4 * 2 * Rate256];
        Span<int> counts = stackalloc int[4];
        try
        {
            for (int first = 0; first < count; first += 4)
            {
                for (int lane = 0; lane < 4; lane++)
                {
                    int index = Math.Min(first + lane, count - 1);
                    Span<byte> seed = seeds.Slice(lane * 66, 66);
                    rhoPrime.CopyTo(seed);
                    seed[64] = (byte)index;
                    seed[65] = (byte)(index >> 8);
                    counts[lane] = 0;
                }

                var prf = ShakeX4.Create256();
                prf.Absorb(seeds[..66], seeds.Slice(66, 66), seeds.Slice(132, 66), seeds.Slice(198, 66));
                int size = 2 * Rate256;
                bool done;
                do
                {
                    prf.SqueezeBlocks(blocks[..size], blocks.Slice(size, size), blocks.Slice(2 * size, size), blocks.Slice(3 * size, size));
                    done = true;
                    for (int lane = 0; lane < 4 && first + lane < count; lane++)
                    {
                        counts[lane] = Native.MlDsa.MlDsaSampling.RejectBounded(blocks.Slice(lane * size, size), eta, s.Slice((first + lane) * 256, 256), counts[lane]);
                        done &= counts[lane] == 256;
                    }

                    size = Rate256;
                }
                while (!done);

                prf.Clear();
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seeds);
            CryptographicOperations.ZeroMemory(blocks);
        }
    }

    /// <summary>
    /// ExpandMask (Algorithm 34): y[r] = BitUnpack(H(ρ'' ‖ (κ + r), 32·c), γ1 − 1, γ1) for r &lt; l, into l·256
    /// coefficients in (−γ1, γ1].
    /// </summary>
    internal static void ExpandMask(ReadOnlySpan<byte> rhoPrime2, int kappa, MlDsaParameterSet p, Span<int> y)
    {
        int l = p.L;
        int bytes = p.ZPolyBytes;
        Span<byte> seeds = stackalloc byte[4 * 66];
        Span<byte> outputs = stackalloc byte[4 * 640];
        try
        {
            for (int first = 0; first < l; first += 4)
            {
                for (int lane = 0; lane < 4; lane++)
                {
                    int index = kappa + Math.Min(first + lane, l - 1);
                    Span<byte> seed = seeds.Slice(lane * 66, 66);
                    rhoPrime2.CopyTo(seed);
                    seed[64] = (byte)index;
                    seed[65] = (byte)(index >> 8);
                }

                var prf = ShakeX4.Create256();
                prf.Absorb(seeds[..66], seeds.Slice(66, 66), seeds.Slice(132, 66), seeds.Slice(198, 66));
                prf.Squeeze(outputs[..bytes], outputs.Slice(640, bytes), outputs.Slice(1280, bytes), outputs.Slice(1920, bytes));
                prf.Clear();
                for (int lane = 0; lane < 4 && first + lane < l; lane++)
                {
                    MlDsaEncoding.UnpackZ(outputs.Slice(lane * 640, bytes), p, y.Slice((first + lane) * 256, 256));
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seeds);
            CryptographicOperations.ZeroMemory(outputs);
        }
    }

    /// <summary>
    /// SampleInBall (Algorithm 29): a polynomial with τ coefficients ±1 and the rest 0, from c̃. Variable time: c̃ is
    /// part of the signature.
    /// </summary>
    internal static void SampleInBallVartime(ReadOnlySpan<byte> cTilde, int tau, Span<int> c)
    {
        var xof = Shake.Create256();
        xof.Absorb(cTilde);
        Span<byte> block = stackalloc byte[Rate256];
        xof.Squeeze(block);
        ulong signs = BitConverter.ToUInt64(block[..8]);
        int position = 8;
        c.Clear();
        for (int i = 256 - tau; i < 256; i++)
        {
            int j;
            do
            {
                if (position == Rate256)
                {
                    xof.Squeeze(block);
                    position = 0;
                }

                j = block[position++];
            }
            while (j > i);

            c[i] = c[j];
            c[j] = 1 - (2 * (int)(signs & 1));
            signs >>= 1;
        }

        xof.Clear();
    }

    /// <summary>RejNTTPoly's rejection rule (Algorithm 30 with CoeffFromThreeBytes, Algorithm 14): 5 SHAKE128 blocks first.</summary>
    private struct RejNttPoly : IRejectionSampler<int>
    {
        public static int InitialBlocks => 5;

        public static int RejectVartime(ReadOnlySpan<byte> buffer, Span<int> poly, int count) =>
            Native.MlDsa.MlDsaSampling.RejectUniformVartime(buffer, poly, count);
    }
}
