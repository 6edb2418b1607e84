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
    /// <summary>
    /// Â[i, j] = SampleNTT(ρ ‖ j ‖ i) for i, j &lt; k (Algorithm 13 steps 3-7; Algorithm 14 steps 4-8), row-major into
    /// <paramref name="matrix"/> (k·k·256 coefficients). Variable time: ρ is public.
    /// </summary>
    internal static void SampleMatrixVartime(ReadOnlySpan<byte> rho, int k, Span<short> matrix)
    {
        ShakeMatrixExpansion.ExpandVartime<short, SampleNtt>(rho, k, k, matrix);
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

    /// <summary>
    /// SampleNTT's rejection rule (Algorithm 7 steps 4-16): three SHAKE128 blocks (504 bytes, 336 candidates) give the
    /// 256 coefficients with overwhelming probability; further blocks are squeezed only when a lane needs them.
    /// </summary>
    private struct SampleNtt : IRejectionSampler<short>
    {
        public static int InitialBlocks => 3;

        public static int RejectVartime(ReadOnlySpan<byte> buffer, Span<short> poly, int count) =>
            Native.MlKem.MlKemSampling.RejectSampleVartime(buffer, poly, count);
    }
}
