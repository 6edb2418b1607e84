// The six functions SLH-DSA is built from (FIPS 205 §4.1): PRF_msg, H_msg, PRF, T_l, H and F, instantiated by
// SHAKE256 (§11.1, ShakeHashFunctions.cs) or by SHA-256 / SHA-512, HMAC and MGF1 (§11.2, Sha2HashFunctions.cs).
//
// One instance serves one operation (a key generation, a signature or a verification) under one PK.seed, so that
// per-key precomputation (the SHA-2 state after the PK.seed block, the SHAKE lanes of PK.seed) is done once and
// no state is shared between threads. The batched entry points compute up to Ways independent F, H or PRF calls;
// the SHAKE sets run four on the 4-way Keccak kernel, the SHA2 sets eight on the 8-way SHA-256 kernel (Sha256x8)
// when it is vectorized; otherwise they are single calls.
//
// Every function here is a fixed sequence of hash computations over its inputs: constant time in the secret
// inputs (SK.seed, SK.prf, WOTS+ chain values) by construction. Callers clear their own secret buffers.

using System;

namespace FintechCrypto.Internal.SlhDsa;

/// <summary>PRF_msg, H_msg, PRF, T_l, H and F of FIPS 205 §4.1 for one parameter set and one PK.seed.</summary>
internal abstract class HashFunctions : IDisposable
{
    private protected HashFunctions(SlhDsaParameterSet parameters)
    {
        Parameters = parameters;
        N = parameters.N;
    }

    internal SlhDsaParameterSet Parameters { get; }

    /// <summary>n, the output length of PRF, PRF_msg, F, H and T_l.</summary>
    internal int N { get; }

    /// <summary>
    /// How many independent F, H or PRF calls one batched call (<see cref="FMany"/>, <see cref="HMany"/>,
    /// <see cref="PrfMany"/>) computes at the cost of about one: 4 for the SHAKE sets (4-way Keccak), 8 for the SHA2
    /// sets on a vector SHA-256 kernel, 1 when there is no multi-way kernel (then batching gains nothing).
    /// </summary>
    internal virtual int Ways => 1;

    /// <summary>The fewest useful lanes for which a batched call is cheaper than that many single calls.</summary>
    internal virtual int MinBatch => 1;

    /// <summary>Creates the functions of <paramref name="parameters"/> keyed by PK.seed.</summary>
    internal static HashFunctions Create(SlhDsaParameterSet parameters, ReadOnlySpan<byte> pkSeed) =>
        parameters.IsShake ? new ShakeHashFunctions(parameters, pkSeed) : new Sha2HashFunctions(parameters, pkSeed);

    /// <summary>PRF_msg(SK.prf, opt_rand, M) with M = <paramref name="prefix"/> ‖ <paramref name="message"/>; n bytes.</summary>
    internal abstract void PrfMsg(ReadOnlySpan<byte> skPrf, ReadOnlySpan<byte> optRand, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> message, Span<byte> output);

    /// <summary>H_msg(R, PK.seed, PK.root, M) with M = <paramref name="prefix"/> ‖ <paramref name="message"/>; m bytes.</summary>
    internal abstract void HMsg(ReadOnlySpan<byte> r, ReadOnlySpan<byte> pkSeed, ReadOnlySpan<byte> pkRoot, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> message, Span<byte> output);

    /// <summary>PRF(PK.seed, SK.seed, ADRS); n bytes.</summary>
    internal abstract void Prf(in Address adrs, ReadOnlySpan<byte> skSeed, Span<byte> output);

    /// <summary>F(PK.seed, ADRS, M1) with |M1| = n; n bytes.</summary>
    internal abstract void F(in Address adrs, ReadOnlySpan<byte> m1, Span<byte> output);

    /// <summary>H(PK.seed, ADRS, M2) with |M2| = 2n; n bytes.</summary>
    internal abstract void H(in Address adrs, ReadOnlySpan<byte> m2, Span<byte> output);

    /// <summary>T_l(PK.seed, ADRS, M_l) with |M_l| = l · n; n bytes.</summary>
    internal abstract void T(in Address adrs, ReadOnlySpan<byte> ml, Span<byte> output);

    /// <summary>
    /// PRF calls for c = <paramref name="adrs"/>.Length ≤ <see cref="Ways"/> addresses:
    /// output[jn..(j+1)n] = PRF(PK.seed, SK.seed, adrs[j]).
    /// </summary>
    internal virtual void PrfMany(ReadOnlySpan<Address> adrs, ReadOnlySpan<byte> skSeed, Span<byte> output)
    {
        for (int j = 0; j < adrs.Length; j++)
        {
            Prf(adrs[j], skSeed, output.Slice(j * N, N));
        }
    }

    /// <summary>
    /// F calls for c = <paramref name="adrs"/>.Length ≤ <see cref="Ways"/> addresses:
    /// output[jn..(j+1)n] = F(PK.seed, adrs[j], input[jn..(j+1)n]). <paramref name="input"/> and
    /// <paramref name="output"/> may be the same span.
    /// </summary>
    internal virtual void FMany(ReadOnlySpan<Address> adrs, ReadOnlySpan<byte> input, Span<byte> output)
    {
        for (int j = 0; j < adrs.Length; j++)
        {
            F(adrs[j], input.Slice(j * N, N), output.Slice(j * N, N));
        }
    }

    /// <summary>
    /// H calls for c = <paramref name="adrs"/>.Length ≤ <see cref="Ways"/> addresses:
    /// output[jn..(j+1)n] = H(PK.seed, adrs[j], input[2jn..2(j+1)n]).
    /// </summary>
    internal virtual void HMany(ReadOnlySpan<Address> adrs, ReadOnlySpan<byte> input, Span<byte> output)
    {
        for (int j = 0; j < adrs.Length; j++)
        {
            H(adrs[j], input.Slice(2 * j * N, 2 * N), output.Slice(j * N, N));
        }
    }

    public abstract void Dispose();
}
