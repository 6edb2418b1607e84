// ML-DSA's internal algorithms (FIPS 204 §6): ML-DSA.KeyGen_internal (Algorithm 6), ML-DSA.Sign_internal
// (Algorithm 7, from μ) and ML-DSA.Verify_internal (Algorithm 8, from μ). Vectors of polynomials are flat spans
// (l·256 or k·256 int coefficients); Â is k·l·256 row-major. Keys pass the NTT-domain values they cache, which
// gives the outputs of the standard (FIPS 204 §3.6 allows any implementation with identical results).

using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FintechCrypto.Native.MlDsa;
using FintechCrypto.Internal.Sha3;

namespace FintechCrypto.Internal.MlDsa;

internal static class MlDsaCore
{
    /// <summary>The expanded signing state of a private key (all in the NTT domain except the encodings).</summary>
    internal readonly ref struct SigningState
    {
        internal SigningState(ReadOnlySpan<byte> key, ReadOnlySpan<byte> tr, ReadOnlySpan<int> aHat, ReadOnlySpan<int> s1Hat, ReadOnlySpan<int> s2Hat, ReadOnlySpan<int> t0Hat)
        {
            Key = key;
            Tr = tr;
            AHat = aHat;
            S1Hat = s1Hat;
            S2Hat = s2Hat;
            T0Hat = t0Hat;
        }

        internal ReadOnlySpan<byte> Key { get; }

        internal ReadOnlySpan<byte> Tr { get; }

        internal ReadOnlySpan<int> AHat { get; }

        internal ReadOnlySpan<int> S1Hat { get; }

        internal ReadOnlySpan<int> S2Hat { get; }

        internal ReadOnlySpan<int> T0Hat { get; }
    }

    /// <summary>
    /// ML-DSA.KeyGen_internal(ξ) (Algorithm 6): writes pk and sk, and keeps the Â and ŝ1 = NTT(s1) it computed on
    /// the way (the other signing caches are derived from sk when first needed).
    /// </summary>
    internal static void KeyGen(MlDsaParameterSet p, ReadOnlySpan<byte> xi, Span<byte> pk, Span<byte> sk, Span<int> aHat, Span<int> s1Hat)
    {
        int k = p.K;
        int l = p.L;
        Span<byte> seeds = stackalloc byte[128];
        int[] buffer = System.Buffers.ArrayPool<int>.Shared.Rent((l + (3 * k)) * 256); // s1 ‖ s2 ‖ t ‖ t0
        Span<int> s = buffer.AsSpan(0, (l + k) * 256);
        Span<int> t = buffer.AsSpan((l + k) * 256, k * 256);
        Span<int> t0 = buffer.AsSpan((l + (2 * k)) * 256, k * 256);
        try
        {
            // Step 1: (ρ, ρ', K) ← H(ξ ‖ IntegerToBytes(k, 1) ‖ IntegerToBytes(l, 1), 128).
            var h = Shake.Create256();
            h.Absorb(xi);
            h.Absorb(stackalloc byte[] { (byte)k, (byte)l });
            h.Squeeze(seeds);
            h.Clear();
            ReadOnlySpan<byte> rho = seeds[..32];
            ReadOnlySpan<byte> rhoPrime = seeds.Slice(32, 64);
            ReadOnlySpan<byte> key = seeds.Slice(96, 32);

            Sampling.ExpandAVartime(rho, k, l, aHat);                        // step 3
            Sampling.ExpandS(rhoPrime, p.Eta, l + k, s);                     // step 4
            Span<int> s1 = s[..(l * 256)];
            Span<int> s2 = s[(l * 256)..];
            s1.CopyTo(s1Hat);
            for (int j = 0; j < l; j++)
            {
                MlDsaNtt.Ntt(s1Hat.Slice(j * 256, 256));
            }

            // Step 5: t ← NTT^-1(Â ∘ NTT(s1)) + s2, canonical.
            MatrixVectorProduct(aHat, s1Hat, k, l, t);
            MlDsaNtt.Add(t, s2);
            MlDsaRounding.Freeze(t);

            // Step 6: (t1, t0) ← Power2Round(t); t1 reuses t.
            MlDsaRounding.Power2Round(t, t, t0);
            MlDsaEncoding.EncodePublicKey(p, rho, t, pk);                   // step 8

            Span<byte> tr = stackalloc byte[64];
            Shake.HashData256(pk, tr);                                       // step 9
            MlDsaEncoding.EncodePrivateKey(p, rho, key, tr, s1, s2, t0, sk); // step 10
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seeds);
            Clear(buffer);
        }
    }

    /// <summary>
    /// ML-DSA.Sign_internal (Algorithm 7) from μ = H(tr ‖ M', 64) (step 6) and rnd; writes σ. The rejection loop
    /// (steps 10-32) retries inside; no rejected candidate leaves this method.
    /// </summary>
    internal static void SignMu(MlDsaParameterSet p, in SigningState state, ReadOnlySpan<byte> mu, ReadOnlySpan<byte> rnd, Span<byte> sigma)
    {
        int k = p.K;
        int l = p.L;
        Span<byte> rhoPrime2 = stackalloc byte[64];
        Span<byte> cTilde = stackalloc byte[64];
        Span<byte> w1Encoded = stackalloc byte[k * p.W1PolyBytes];
        int[] buffer = System.Buffers.ArrayPool<int>.Shared.Rent(((3 * l) + (6 * k) + 2) * 256);
        Span<int> y = buffer.AsSpan(0, l * 256);
        Span<int> yHat = buffer.AsSpan(l * 256, l * 256);
        Span<int> z = buffer.AsSpan(2 * l * 256, l * 256);
        Span<int> w = buffer.AsSpan(3 * l * 256, k * 256);
        Span<int> w1 = buffer.AsSpan(((3 * l) + k) * 256, k * 256);
        Span<int> r = buffer.AsSpan(((3 * l) + (2 * k)) * 256, k * 256);
        Span<int> r0 = buffer.AsSpan(((3 * l) + (3 * k)) * 256, k * 256);
        Span<int> ct0 = buffer.AsSpan(((3 * l) + (4 * k)) * 256, k * 256);
        Span<int> h = buffer.AsSpan(((3 * l) + (5 * k)) * 256, k * 256);
        Span<int> c = buffer.AsSpan(((3 * l) + (6 * k)) * 256, 256);
        Span<int> cHat = buffer.AsSpan((((3 * l) + (6 * k)) + 1) * 256, 256);
        try
        {
            // Step 7: ρ'' ← H(K ‖ rnd ‖ μ, 64).
            var hash = Shake.Create256();
            hash.Absorb(state.Key);
            hash.Absorb(rnd);
            hash.Absorb(mu);
            hash.Squeeze(rhoPrime2);
            hash.Clear();

            for (int kappa = 0; ; kappa += l)
            {
                if (kappa > ushort.MaxValue - l)
                {
                    // FIPS 204 §6.2 footnote: the loop terminates with overwhelming probability; κ is 16-bit in ExpandMask.
                    throw Error.Crypto_InternalError("ML-DSA signing did not terminate");
                }

                Sampling.ExpandMask(rhoPrime2, kappa, p, y);                    // step 11
                y.CopyTo(yHat);
                for (int j = 0; j < l; j++)
                {
                    MlDsaNtt.Ntt(yHat.Slice(j * 256, 256));
                }

                MatrixVectorProduct(state.AHat, yHat, k, l, w);                  // step 12
                MlDsaRounding.Freeze(w);
                MlDsaRounding.HighBits(w, w1, p.Gamma2);                   // step 13

                // Step 15: c̃ ← H(μ ‖ w1Encode(w1), λ/4).
                MlDsaEncoding.EncodeW1(p, w1, w1Encoded);
                hash = Shake.Create256();
                hash.Absorb(mu);
                hash.Absorb(w1Encoded);
                hash.Squeeze(cTilde[..p.CTildeSize]);
                hash.Clear();

                Sampling.SampleInBallVartime(cTilde[..p.CTildeSize], p.Tau, c);  // step 16
                c.CopyTo(cHat);
                MlDsaNtt.Ntt(cHat);                                               // step 17

                // Steps 18, 20: z ← y + NTT^-1(ĉ ∘ ŝ1); step 23: ‖z‖∞ ≥ γ1 − β rejects.
                ScalarVectorProduct(cHat, state.S1Hat, l, z);
                MlDsaNtt.Add(z, y);
                if (MlDsaRounding.NormAtLeast(z, p.Gamma1 - p.Beta))
                {
                    continue;
                }

                // Steps 19, 21: r0 ← LowBits(w − NTT^-1(ĉ ∘ ŝ2)); ‖r0‖∞ ≥ γ2 − β rejects.
                ScalarVectorProduct(cHat, state.S2Hat, k, r);
                MlDsaNtt.Subtract(r, w);
                Negate(r);                                                        // r = w − cs2
                MlDsaRounding.Freeze(r);
                MlDsaRounding.LowBits(r, r0, p.Gamma2);
                if (MlDsaRounding.NormAtLeast(r0, p.Gamma2 - p.Beta))
                {
                    continue;
                }

                // Steps 25-28: ⟨⟨ct0⟩⟩ ← NTT^-1(ĉ ∘ t̂0); h ← MakeHint(−ct0, w − cs2 + ct0); ‖ct0‖∞ ≥ γ2 or
                // more than ω hints rejects.
                ScalarVectorProduct(cHat, state.T0Hat, k, ct0);
                if (MlDsaRounding.NormAtLeast(ct0, p.Gamma2))
                {
                    continue;
                }

                MlDsaNtt.Add(ct0, r);                                             // ct0 now holds w − cs2 + ct0
                MlDsaRounding.Freeze(ct0);
                int ones = MlDsaRounding.MakeHint(r, ct0, h, p.Gamma2);
                if (ones > p.Omega)
                {
                    continue;
                }

                // Step 33: σ ← sigEncode(c̃, z mod± q, h).
                Center(z);
                MlDsaEncoding.EncodeSignature(p, cTilde[..p.CTildeSize], z, h, sigma);
                return;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rhoPrime2);
            CryptographicOperations.ZeroMemory(cTilde);
            CryptographicOperations.ZeroMemory(w1Encoded);
            Clear(buffer);
        }
    }

    /// <summary>
    /// ML-DSA.Verify_internal (Algorithm 8) from μ, with Â and t̂1·2^d cached. False for a malformed or invalid σ.
    /// </summary>
    internal static bool VerifyMu(MlDsaParameterSet p, ReadOnlySpan<int> aHat, ReadOnlySpan<int> t1Hat, ReadOnlySpan<byte> mu, ReadOnlySpan<byte> sigma)
    {
        if (sigma.Length != p.SignatureSize)
        {
            return false;
        }

        int k = p.K;
        int l = p.L;
        Span<byte> cTilde = stackalloc byte[64];
        Span<byte> cTilde2 = stackalloc byte[64];
        Span<byte> w1Encoded = stackalloc byte[k * p.W1PolyBytes];
        int[] buffer = System.Buffers.ArrayPool<int>.Shared.Rent((l + (4 * k) + 2) * 256);
        try
        {
            return VerifyMu(p, aHat, t1Hat, mu, sigma, buffer, cTilde, cTilde2, w1Encoded);
        }
        finally
        {
            // Public data only (signature, public key): returned without clearing.
            System.Buffers.ArrayPool<int>.Shared.Return(buffer);
        }
    }

    private static bool VerifyMu(MlDsaParameterSet p, ReadOnlySpan<int> aHat, ReadOnlySpan<int> t1Hat, ReadOnlySpan<byte> mu, ReadOnlySpan<byte> sigma, int[] buffer, Span<byte> cTilde, Span<byte> cTilde2, Span<byte> w1Encoded)
    {
        int k = p.K;
        int l = p.L;
        Span<int> z = buffer.AsSpan(0, l * 256);
        Span<int> h = buffer.AsSpan(l * 256, k * 256);
        Span<int> w = buffer.AsSpan((l + k) * 256, k * 256);
        Span<int> ct1 = buffer.AsSpan((l + (2 * k)) * 256, k * 256);
        Span<int> w1 = buffer.AsSpan((l + (3 * k)) * 256, k * 256);
        Span<int> c = buffer.AsSpan((l + (4 * k)) * 256, 256);
        Span<int> cHat = buffer.AsSpan(((l + (4 * k)) + 1) * 256, 256);

        // Steps 2-4: sigDecode; ⊥ is invalid.
        if (!MlDsaEncoding.DecodeSignature(p, sigma, cTilde[..p.CTildeSize], z, h))
        {
            return false;
        }

        // Step 13: ‖z‖∞ ≥ γ1 − β is invalid (checked first: it is cheap).
        if (MlDsaRounding.NormAtLeast(z, p.Gamma1 - p.Beta))
        {
            return false;
        }

        Sampling.SampleInBallVartime(cTilde[..p.CTildeSize], p.Tau, c);        // step 8
        c.CopyTo(cHat);
        MlDsaNtt.Ntt(cHat);
        for (int j = 0; j < l; j++)
        {
            MlDsaNtt.Ntt(z.Slice(j * 256, 256));
        }

        // Step 9: w'_Approx ← NTT^-1(Â ∘ NTT(z) − NTT(c) ∘ NTT(t1·2^d)).
        MatrixVectorProductNoInverse(aHat, z, k, l, w);
        for (int i = 0; i < k; i++)
        {
            MlDsaNtt.PointwiseMontgomery(cHat, t1Hat.Slice(i * 256, 256), ct1.Slice(i * 256, 256));
        }

        MlDsaNtt.Subtract(w, ct1);
        MlDsaNtt.Reduce(w);
        for (int i = 0; i < k; i++)
        {
            MlDsaNtt.InverseNttToMont(w.Slice(i * 256, 256));
        }

        MlDsaRounding.Freeze(w);
        MlDsaRounding.UseHint(h, w, w1, p.Gamma2);                        // step 10

        // Step 12: c̃' ← H(μ ‖ w1Encode(w'1), λ/4); valid when c̃ = c̃'.
        MlDsaEncoding.EncodeW1(p, w1, w1Encoded);
        var hash = Shake.Create256();
        hash.Absorb(mu);
        hash.Absorb(w1Encoded);
        hash.Squeeze(cTilde2[..p.CTildeSize]);
        hash.Clear();
        return CryptographicOperations.FixedTimeEquals(cTilde[..p.CTildeSize], cTilde2[..p.CTildeSize]);
    }

    /// <summary>t̂1·2^d = NTT(t1 · 2^d) from the encoded public key (the verification cache).</summary>
    internal static void ComputeT1Hat(MlDsaParameterSet p, ReadOnlySpan<byte> pk, Span<int> t1Hat)
    {
        Span<byte> rho = stackalloc byte[32];
        MlDsaEncoding.DecodePublicKey(p, pk, rho, t1Hat);
        MlDsaNtt.ShiftLeft(t1Hat, MlDsaParameterSet.D);
        for (int i = 0; i < p.K; i++)
        {
            MlDsaNtt.Ntt(t1Hat.Slice(i * 256, 256));
        }
    }

    /// <summary>ŝ2 = NTT(s2) and t̂0 = NTT(t0) from the encoded private key (the signing caches).</summary>
    internal static void ComputeS2HatAndT0Hat(MlDsaParameterSet p, ReadOnlySpan<byte> sk, Span<int> s2Hat, Span<int> t0Hat)
    {
        MlDsaEncoding.DecodeS2AndT0(p, sk, s2Hat, t0Hat);
        for (int i = 0; i < p.K; i++)
        {
            MlDsaNtt.Ntt(s2Hat.Slice(i * 256, 256));
            MlDsaNtt.Ntt(t0Hat.Slice(i * 256, 256));
        }
    }

    /// <summary>μ ← H(tr ‖ M', 64) with M' = prefix ‖ message (Algorithm 7 step 6), absorbed without concatenating.</summary>
    internal static void ComputeMu(ReadOnlySpan<byte> tr, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> message, Span<byte> mu)
    {
        var hash = Shake.Create256();
        hash.Absorb(tr);
        hash.Absorb(prefix);
        hash.Absorb(message);
        hash.Squeeze(mu);
        hash.Clear();
    }

    // r[i] = NTT^-1(Σ_j Â[i][j] ∘ v̂[j]), reduced, in (−q, q).
    private static void MatrixVectorProduct(ReadOnlySpan<int> aHat, ReadOnlySpan<int> vHat, int k, int l, Span<int> r)
    {
        MatrixVectorProductNoInverse(aHat, vHat, k, l, r);
        MlDsaNtt.Reduce(r);
        for (int i = 0; i < k; i++)
        {
            MlDsaNtt.InverseNttToMont(r.Slice(i * 256, 256));
        }
    }

    private static void MatrixVectorProductNoInverse(ReadOnlySpan<int> aHat, ReadOnlySpan<int> vHat, int k, int l, Span<int> r)
    {
        r.Clear();
        for (int i = 0; i < k; i++)
        {
            Span<int> ri = r.Slice(i * 256, 256);
            for (int j = 0; j < l; j++)
            {
                MlDsaNtt.PointwiseAccumulate(aHat.Slice(((i * l) + j) * 256, 256), vHat.Slice(j * 256, 256), ri);
            }
        }
    }

    // r[i] = NTT^-1(ĉ ∘ v̂[i]) for i < count, in (−q, q).
    private static void ScalarVectorProduct(ReadOnlySpan<int> cHat, ReadOnlySpan<int> vHat, int count, Span<int> r)
    {
        for (int i = 0; i < count; i++)
        {
            Span<int> ri = r.Slice(i * 256, 256);
            MlDsaNtt.PointwiseMontgomery(cHat, vHat.Slice(i * 256, 256), ri);
            MlDsaNtt.InverseNttToMont(ri);
        }
    }

    private static void Negate(Span<int> a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = -a[i];
        }
    }

    // Maps every coefficient to its centered representative mod± q.
    private static void Center(Span<int> a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            int x = MlDsaField.Freeze(a[i]);
            a[i] = x - ((((MlDsaField.Q - 1) / 2) - x >> 31) & MlDsaField.Q);
        }
    }

    /// <summary>Clears a pooled buffer that held secrets and returns it to the pool.</summary>
    internal static void Clear(int[] buffer)
    {
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(buffer.AsSpan()));
        System.Buffers.ArrayPool<int>.Shared.Return(buffer);
    }
}
