// The matrix expansion ML-KEM and ML-DSA share: entry [r][c] of a rows × columns matrix of NTT-domain polynomials is
// rejection-sampled from SHAKE128(ρ ‖ c ‖ r) (FIPS 203 §4.2.2 SampleNTT, Algorithm 7, as used by Algorithms 13-14
// steps 3-7; FIPS 204 §7.3 RejNTTPoly, Algorithm 30, as used by ExpandA, Algorithm 32). Four entries are expanded at a
// time with ShakeX4; only the rejection rule (the modulus and coefficient width) differs between the two standards,
// and it is supplied as a struct type parameter so the JIT specialises each use (no virtual call, no allocation).

using System;

namespace FintechCrypto.Internal.Sha3;

/// <summary>The rejection rule of one matrix expansion: how many SHAKE128 blocks to squeeze first, and the sampler.</summary>
internal interface IRejectionSampler<TCoefficient>
{
    /// <summary>SHAKE128 blocks squeezed per lane before any further block is squeezed one at a time.</summary>
    static abstract int InitialBlocks { get; }

    /// <summary>
    /// Accepts coefficients from <paramref name="buffer"/> into <paramref name="poly"/> starting at
    /// <paramref name="count"/>; returns the new count (at most 256). Variable time: the input is public.
    /// </summary>
    static abstract int RejectVartime(ReadOnlySpan<byte> buffer, Span<TCoefficient> poly, int count);
}

internal static class ShakeMatrixExpansion
{
    private const int SeedSize = 34;

    /// <summary>
    /// Fills <paramref name="matrix"/> (rows·columns·256 coefficients, row-major) with entry [r][c] sampled from
    /// SHAKE128(ρ ‖ c ‖ r) by <typeparamref name="TSampler"/>. Variable time: ρ is public.
    /// </summary>
    internal static void ExpandVartime<TCoefficient, TSampler>(ReadOnlySpan<byte> rho, int rows, int columns, Span<TCoefficient> matrix)
        where TCoefficient : unmanaged
        where TSampler : struct, IRejectionSampler<TCoefficient>
    {
        int total = rows * columns;
        int size = TSampler.InitialBlocks * Shake.Rate128;
        Span<byte> seeds = stackalloc byte[4 * SeedSize];
        Span<byte> buffers = stackalloc byte[4 * size];
        Span<int> counts = stackalloc int[4];
        Span<int> entries = stackalloc int[4];
        for (int first = 0; first < total; first += 4)
        {
            // Lanes beyond the last entry repeat it; their output is discarded.
            for (int lane = 0; lane < 4; lane++)
            {
                int entry = Math.Min(first + lane, total - 1);
                entries[lane] = entry;
                Span<byte> seed = seeds.Slice(lane * SeedSize, SeedSize);
                rho.CopyTo(seed);
                seed[32] = (byte)(entry % columns); // column index (j in FIPS 203, s in FIPS 204)
                seed[33] = (byte)(entry / columns); // row index (i in FIPS 203, r in FIPS 204)
            }

            var xof = ShakeX4.Create128();
            xof.Absorb(seeds[..SeedSize], seeds.Slice(SeedSize, SeedSize), seeds.Slice(2 * SeedSize, SeedSize), seeds.Slice(3 * SeedSize, SeedSize));
            xof.SqueezeBlocks(buffers[..size], buffers.Slice(size, size), buffers.Slice(2 * size, size), buffers.Slice(3 * size, size));
            bool done = true;
            for (int lane = 0; lane < 4; lane++)
            {
                counts[lane] = TSampler.RejectVartime(buffers.Slice(lane * size, size), matrix.Slice(entries[lane] * 256, 256), 0);
                done &= counts[lane] == 256;
            }

            while (!done)
            {
                xof.SqueezeBlocks(buffers[..Shake.Rate128], buffers.Slice(size, Shake.Rate128), buffers.Slice(2 * size, Shake.Rate128), buffers.Slice(3 * size, Shake.Rate128));
                done = true;
                for (int lane = 0; lane < 4; lane++)
                {
                    counts[lane] = TSampler.RejectVartime(buffers.Slice(lane * size, Shake.Rate128), matrix.Slice(entries[lane] * 256, 256), counts[lane]);
                    done &= counts[lane] == 256;
                }
            }

            xof.Clear();
        }
    }
}
