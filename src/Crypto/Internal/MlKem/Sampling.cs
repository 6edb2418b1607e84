// Sampling for ML-KEM (FIPS 203 §4.2.2): the matrix Â by SampleNTT (Algorithm 7) over XOF = SHAKE128, and the
// noise polynomials by SamplePolyCBD_η (Algorithm 8) over PRF_η = SHAKE256. Both run four Keccak instances at a
// time (ShakeX4, on AVX-512VL or AVX2 when present); the outputs are those of the one-at-a-time definitions.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Sha3;
using FintechCrypto.Native.MlKem;

namespace FintechCrypto.Internal.MlKem;

internal static class Sampling
{
    private const int Rate128 = Shake.Rate128;

    // Three SHAKE128 blocks (504 bytes, 336 candidates) give the 256 coefficients of SampleNTT with overwhelming
    // probability; further blocks are squeezed only when a lane needs them.
    private const int InitialBlocks = 3;

    /// <summary>
    /// Â[i, j] = SampleNTT(ρ ‖ j ‖ i) for i, j &lt; k (Algorithm 13 steps 3-7; Algorithm 14 steps 4-8), row-major into
    /// <paramref name="matrix"/> (k·k·256 coefficients). Variable time: ρ is public.
    /// </summary>
    internal static void SampleMatrixVartime(ReadOnlySpan<byte> rho, int k, Span<short> matrix)
    {
        int total = k * k;
        Span<byte> seeds = stackalloc byte[4 * 34];
        Span<byte> buffers = stackalloc byte[4 * InitialBlocks * Rate128];
        Span<int> counts = stackalloc int[4];
        Span<int> entries = stackalloc int[4];
        for (int first = 0; first < total; first += 4)
        {
            // Lanes beyond the last entry repeat it; their output is discarded.
            for (int lane = 0; lane < 4; lane++)
            {
                int entry = Math.Min(first + lane, total - 1);
                entries[lane] = entry;
                Span<byte> seed = seeds.Slice(lane * 34, 34);
                rho.CopyTo(seed);
                seed[32] = (byte)(entry % k); // j
                seed[33] = (byte)(entry / k); // i
                counts[lane] = 0;
            }

            var xof = ShakeX4.Create128();
            xof.Absorb(seeds[..34], seeds.Slice(34, 34), seeds.Slice(68, 34), seeds.Slice(102, 34));
            int size = InitialBlocks * Rate128;
            xof.SqueezeBlocks(buffers[..size], buffers.Slice(size, size), buffers.Slice(2 * size, size), buffers.Slice(3 * size, size));
            bool done = true;
            for (int lane = 0; lane < 4; lane++)
            {
                counts[lane] = Native.MlKem.MlKemSampling.RejectSampleVartime(buffers.Slice(lane * size, size), Entry(matrix, entries[lane]), 0);
                done &= counts[lane] == 256;
            }

            while (!done)
            {
                xof.SqueezeBlocks(buffers[..Rate128], buffers.Slice(size, Rate128), buffers.Slice(2 * size, Rate128), buffers.Slice(3 * size, Rate128));
                done = true;
                for (int lane = 0; lane < 4; lane++)
                {
                    counts[lane] = Native.MlKem.MlKemSampling.RejectSampleVartime(buffers.Slice(lane * size, Rate128), Entry(matrix, entries[lane]), counts[lane]);
                    done &= counts[lane] == 256;
                }
            }

            xof.Clear();
        }
    }

    /// <summary>
    /// Fills <paramref name="polys"/> (etas.Length·256 coefficients) with SamplePolyCBD_η(PRF_η(σ, N)) for
    /// N = n0, n0+1, ..., where polynomial i uses η = etas[i] (Algorithm 13 steps 8-15; Algorithm 14 steps 9-17).
    /// Constant time in σ.
    /// </summary>
    internal static void SampleNoise(ReadOnlySpan<byte> sigma, ReadOnlySpan<int> etas, byte n0, Span<short> polys)
    {
        int count = etas.Length;
        Span<byte> inputs = stackalloc byte[4 * 33];
        Span<byte> outputs = stackalloc byte[4 * 192];
        try
        {
            for (int lane = 0; lane < 4; lane++)
            {
                sigma.CopyTo(inputs.Slice(lane * 33, 32));
            }

            for (int first = 0; first < count; first += 4)
            {
                int outputSize = 128;
                for (int lane = 0; lane < 4; lane++)
                {
                    int index = Math.Min(first + lane, count - 1);
                    inputs[(lane * 33) + 32] = (byte)(n0 + index);
                    outputSize = Math.Max(outputSize, 64 * etas[index]);
                }

                var prf = ShakeX4.Create256();
                prf.Absorb(inputs[..33], inputs.Slice(33, 33), inputs.Slice(66, 33), inputs.Slice(99, 33));
                prf.Squeeze(outputs[..outputSize], outputs.Slice(192, outputSize), outputs.Slice(384, outputSize), outputs.Slice(576, outputSize));
                prf.Clear();
                for (int lane = 0; lane < 4 && first + lane < count; lane++)
                {
                    int index = first + lane;
                    Span<short> f = polys.Slice(index * 256, 256);
                    if (etas[index] == 2)
                    {
                        Native.MlKem.MlKemSampling.SampleCbd2(outputs.Slice(lane * 192, 128), f);
                    }
                    else
                    {
                        Native.MlKem.MlKemSampling.SampleCbd3(outputs.Slice(lane * 192, 192), f);
                    }
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(inputs);
            CryptographicOperations.ZeroMemory(outputs);
        }
    }

    private static Span<short> Entry(Span<short> matrix, int entry) => matrix.Slice(entry * 256, 256);
}
