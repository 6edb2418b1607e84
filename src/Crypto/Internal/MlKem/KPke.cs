// K-PKE, the component public-key encryption scheme of ML-KEM (FIPS 203 §5): KeyGen (Algorithm 13),
// Encrypt (Algorithm 14) and Decrypt (Algorithm 15). Polynomials are spans of 256 16-bit coefficients; vectors of
// k polynomials are k·256 coefficients, matrices k·k·256 row-major. The matrix Â and t̂ may be passed in already
// expanded (an EncapsulationKey keeps them), which is allowed because the outputs are identical (§3.3).

using System;
using System.Security.Cryptography;
using FintechCrypto.Native.MlKem;

namespace FintechCrypto.Internal.MlKem;

internal static class KPke
{
    /// <summary>
    /// K-PKE.KeyGen(d) (Algorithm 13): writes Â (k·k·256), t̂ (k·256, coefficients in (-q, q)), ŝ (k·256) and
    /// ρ (32 bytes). The caller encodes ek = ByteEncode_12(t̂) ‖ ρ and dk_PKE = ByteEncode_12(ŝ).
    /// </summary>
    internal static void KeyGen(MlKemParameterSet p, ReadOnlySpan<byte> d, Span<short> aHat, Span<short> tHat, Span<short> sHat, Span<byte> rho)
    {
        int k = p.K;
        Span<byte> rhoSigma = stackalloc byte[64];
        Span<short> noise = stackalloc short[2 * k * 256];
        Span<short> e = noise[(k * 256)..];
        try
        {
            // Step 1: (ρ, σ) ← G(d ‖ k).
            MlKemHashes.G(d, stackalloc byte[] { (byte)k }, rhoSigma);
            rhoSigma[..32].CopyTo(rho);
            ReadOnlySpan<byte> sigma = rhoSigma[32..];

            Sampling.SampleMatrixVartime(rho, k, aHat);                  // steps 3-7
            Span<int> etas = stackalloc int[2 * k];
            etas.Fill(p.Eta1);
            Sampling.SampleNoise(sigma, etas, 0, noise);                  // steps 8-15: s then e
            noise[..(k * 256)].CopyTo(sHat);
            for (int i = 0; i < k; i++)
            {
                MlKemNtt.Ntt(sHat.Slice(i * 256, 256));                        // step 16
                MlKemNtt.Ntt(e.Slice(i * 256, 256));                           // step 17
            }

            // Step 18: t̂ = Â ∘ ŝ + ê. The products carry R^-1; ToMontgomery restores the plain domain.
            for (int i = 0; i < k; i++)
            {
                Span<short> t = tHat.Slice(i * 256, 256);
                DotProduct(aHat, i * k, 1, sHat, k, t);                      // row i of Â

                MlKemNtt.ToMontgomery(t);
                MlKemNtt.Add(t, e.Slice(i * 256, 256));
                MlKemNtt.Reduce(t);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rhoSigma);
            Clear(noise);
        }
    }

    /// <summary>
    /// K-PKE.Encrypt(ek, m, r) (Algorithm 14) with Â and t̂ already decoded and expanded; writes c (CiphertextSize bytes).
    /// </summary>
    internal static void Encrypt(MlKemParameterSet p, ReadOnlySpan<short> aHat, ReadOnlySpan<short> tHat, ReadOnlySpan<byte> m, ReadOnlySpan<byte> r, Span<byte> c)
    {
        int k = p.K;
        Span<short> noise = stackalloc short[((2 * k) + 1) * 256];
        Span<short> y = noise[..(k * 256)];
        Span<short> e1 = noise.Slice(k * 256, k * 256);
        Span<short> e2 = noise.Slice(2 * k * 256, 256);
        Span<short> u = stackalloc short[k * 256];
        Span<short> v = stackalloc short[256];
        Span<short> mu = stackalloc short[256];
        try
        {
            // Steps 9-17: y (η1), e1 (η2), e2 (η2) with N = 0 .. 2k.
            Span<int> etas = stackalloc int[(2 * k) + 1];
            etas.Fill(p.Eta2);
            etas[..k].Fill(p.Eta1);
            Sampling.SampleNoise(r, etas, 0, noise);
            for (int i = 0; i < k; i++)
            {
                MlKemNtt.Ntt(y.Slice(i * 256, 256));                         // step 18
            }

            // Step 19: u = NTT^-1(Â^T ∘ ŷ) + e1. Â^T[i, j] = Â[j, i].
            for (int i = 0; i < k; i++)
            {
                Span<short> ui = u.Slice(i * 256, 256);
                DotProduct(aHat, i, k, y, k, ui);                             // column i of Â

                MlKemNtt.Reduce(ui);                                          // up to 2kq before this
                MlKemNtt.InverseNtt(ui);
                MlKemNtt.Add(ui, e1.Slice(i * 256, 256));
                MlKemNtt.Reduce(ui);
            }

            // Steps 20-21: μ = Decompress_1(ByteDecode_1(m)); v = NTT^-1(t̂^T ∘ ŷ) + e2 + μ.
            MlKemCodec.DecodeDecompress(m, 1, mu);
            DotProduct(tHat, 0, 1, y, k, v);

            MlKemNtt.Reduce(v);
            MlKemNtt.InverseNtt(v);
            MlKemNtt.Add(v, e2);
            MlKemNtt.Add(v, mu);
            MlKemNtt.Reduce(v);

            // Steps 22-23: c1 = ByteEncode_du(Compress_du(u)), c2 = ByteEncode_dv(Compress_dv(v)).
            int polyU = 32 * p.Du;
            for (int i = 0; i < k; i++)
            {
                MlKemCodec.CompressEncode(u.Slice(i * 256, 256), p.Du, c.Slice(i * polyU, polyU));
            }

            MlKemCodec.CompressEncode(v, p.Dv, c.Slice(p.U_Size, 32 * p.Dv));
        }
        finally
        {
            Clear(noise);
            Clear(u);
            Clear(v);
            Clear(mu);
        }
    }

    /// <summary>K-PKE.Decrypt(dk, c) (Algorithm 15) with ŝ already decoded; writes m (32 bytes).</summary>
    internal static void Decrypt(MlKemParameterSet p, ReadOnlySpan<short> sHat, ReadOnlySpan<byte> c, Span<byte> m)
    {
        int k = p.K;
        Span<short> u = stackalloc short[k * 256];
        Span<short> v = stackalloc short[256];
        Span<short> w = stackalloc short[256];
        try
        {
            int polyU = 32 * p.Du;
            for (int i = 0; i < k; i++)
            {
                MlKemCodec.DecodeDecompress(c.Slice(i * polyU, polyU), p.Du, u.Slice(i * 256, 256)); // step 3
                MlKemNtt.Ntt(u.Slice(i * 256, 256));
            }

            MlKemCodec.DecodeDecompress(c.Slice(p.U_Size, 32 * p.Dv), p.Dv, v);              // step 4

            // Step 6: w = v' − NTT^-1(ŝ^T ∘ NTT(u')).
            DotProduct(sHat, 0, 1, u, k, w);

            MlKemNtt.Reduce(w);
            MlKemNtt.InverseNtt(w);
            MlKemNtt.SubtractFrom(v, w);
            MlKemNtt.Reduce(w);

            // Step 7: m = ByteEncode_1(Compress_1(w)).
            MlKemCodec.CompressEncode(w, 1, m);
        }
        finally
        {
            Clear(u);
            Clear(v);
            Clear(w);
        }
    }

    internal static void Clear(Span<short> span) => CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(span));

    /// <summary>
    /// <paramref name="destination"/> = Σ_j a[first + j·stride] ∘ b[j] for j &lt; k (§2.4.7 equations 2.12-2.13 on
    /// NTT-domain vectors; a is a vector or, with first/stride, a row or column of the k×k matrix Â). The products carry
    /// R^-1 and the sum is not reduced (at most kq in magnitude).
    /// </summary>
    private static void DotProduct(ReadOnlySpan<short> a, int first, int stride, ReadOnlySpan<short> b, int k, Span<short> destination)
    {
        destination.Clear();
        for (int j = 0; j < k; j++)
        {
            MlKemNtt.MultiplyAccumulate(a.Slice((first + (j * stride)) * 256, 256), b.Slice(j * 256, 256), destination);
        }
    }
}
