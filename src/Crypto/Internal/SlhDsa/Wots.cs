// WOTS+ one-time signatures, FIPS 205 §5: base_2b (Algorithm 4, §4.4), chain (Algorithm 5), wots_pkGen
// (Algorithm 6), wots_sign (Algorithm 7) and wots_pkFromSig (Algorithm 8), for lg_w = 4 (w = 16, len2 = 3).
//
// The len chains of one WOTS+ key are independent, so where the hash functions have a 4-way kernel (the SHAKE
// sets) the chains run four at a time: each of four lanes takes the next unfinished chain as soon as its current
// chain is done, so chains of different lengths (signing, verification) keep all four lanes busy. The results are
// exactly those of Algorithm 5 applied chain by chain. Chain lengths come from the message digest, which the
// signature reveals, so scheduling by them leaks nothing secret.

using System;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.SlhDsa;

internal static class Wots
{
    /// <summary>
    /// base_2b(X, b, out_len) (FIPS 205 Algorithm 4): the first out_len b-bit big-endian digits of X.
    /// </summary>
    internal static void Base2b(ReadOnlySpan<byte> x, int b, Span<uint> output)
    {
        int input = 0;
        int bits = 0;
        uint total = 0;
        uint mask = (1u << b) - 1;
        for (int o = 0; o < output.Length; o++)
        {
            while (bits < b)
            {
                total = (total << 8) | x[input];
                input++;
                bits += 8;
            }

            bits -= b;
            output[o] = (total >> bits) & mask;
            total &= (1u << bits) - 1;                 // keep only the unread bits (no overflow)
        }
    }

    /// <summary>
    /// The chain lengths of a WOTS+ signature of the n-byte <paramref name="message"/>: base_2b(M, lg_w, len1)
    /// followed by the checksum digits (Algorithm 7, steps 1-7; the same steps open Algorithm 8).
    /// </summary>
    internal static void MessageDigits(SlhDsaParameterSet p, ReadOnlySpan<byte> message, Span<byte> digits)
    {
        int len1 = p.Len1;
        Span<uint> msg = stackalloc uint[len1 + SlhDsaParameterSet.Len2];
        Base2b(message[..p.N], SlhDsaParameterSet.LgW, msg[..len1]);
        uint csum = 0;
        for (int i = 0; i < len1; i++)
        {
            csum += SlhDsaParameterSet.W - 1 - msg[i];                 // step 5
        }

        // Step 7: csum ← csum ≪ ((8 − ((len2 · lg_w) mod 8)) mod 8) = csum ≪ 4; then toByte(csum, ⌈len2 · lg_w / 8⌉ = 2).
        csum <<= (8 - ((SlhDsaParameterSet.Len2 * SlhDsaParameterSet.LgW) % 8)) % 8;
        Span<byte> csumBytes = stackalloc byte[2];
        csumBytes[0] = (byte)(csum >> 8);
        csumBytes[1] = (byte)csum;
        Base2b(csumBytes, SlhDsaParameterSet.LgW, msg[len1..]);       // step 8
        for (int i = 0; i < msg.Length; i++)
        {
            digits[i] = (byte)msg[i];
        }
    }

    /// <summary>
    /// wots_pkGen(SK.seed, PK.seed, ADRS) (Algorithm 6). <paramref name="adrs"/> is a WOTS_HASH address with the
    /// key pair address set.
    /// </summary>
    internal static void PkGen(HashFunctions hash, ReadOnlySpan<byte> skSeed, in Address adrs, Span<byte> pk)
    {
        SlhDsaParameterSet p = hash.Parameters;
        int len = p.Len;
        Span<byte> values = stackalloc byte[len * p.N];
        Span<byte> start = stackalloc byte[len];
        Span<byte> steps = stackalloc byte[len];
        try
        {
            SecretValues(hash, skSeed, adrs, values);                  // steps 1-2, 4-5: sk_i = PRF(PK.seed, SK.seed, skADRS)
            start.Clear();
            steps.Fill(SlhDsaParameterSet.W - 1);
            Chains(hash, adrs, values, start, steps);              // steps 6-7: tmp_i = chain(sk_i, 0, w − 1)
            PublicKeyFromChainEnds(hash, adrs, values, pk);            // steps 9-12
        }
        finally
        {
            CryptographicOperations.ZeroMemory(values);
        }
    }

    /// <summary>wots_sign(M, SK.seed, PK.seed, ADRS) (Algorithm 7): len · n bytes into <paramref name="signature"/>.</summary>
    internal static void Sign(HashFunctions hash, ReadOnlySpan<byte> message, ReadOnlySpan<byte> skSeed, in Address adrs, Span<byte> signature)
    {
        SlhDsaParameterSet p = hash.Parameters;
        int len = p.Len;
        Span<byte> digits = stackalloc byte[len];
        Span<byte> start = stackalloc byte[len];
        MessageDigits(p, message, digits);                             // steps 1-8
        Span<byte> values = signature[..(len * p.N)];
        SecretValues(hash, skSeed, adrs, values);                      // steps 9-10, 12-13
        start.Clear();
        Chains(hash, adrs, values, start, digits);                 // steps 14-15: sig_i = chain(sk_i, 0, msg_i)
    }

    /// <summary>wots_pkFromSig(sig, M, PK.seed, ADRS) (Algorithm 8): the n-byte WOTS+ public key a signature implies.</summary>
    internal static void PkFromSig(HashFunctions hash, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, in Address adrs, Span<byte> pk)
    {
        SlhDsaParameterSet p = hash.Parameters;
        int len = p.Len;
        Span<byte> digits = stackalloc byte[len];
        Span<byte> steps = stackalloc byte[len];
        Span<byte> values = stackalloc byte[len * p.N];
        MessageDigits(p, message, digits);                             // steps 1-8
        for (int i = 0; i < len; i++)
        {
            steps[i] = (byte)(SlhDsaParameterSet.W - 1 - digits[i]);
        }

        signature[..(len * p.N)].CopyTo(values);
        Chains(hash, adrs, values, digits, steps);                 // steps 9-11: tmp_i = chain(sig_i, msg_i, w − 1 − msg_i)
        PublicKeyFromChainEnds(hash, adrs, values, pk);                // steps 12-15
    }

    // sk_i = PRF(PK.seed, SK.seed, skADRS) with skADRS = WOTS_PRF, the key pair of adrs, chain address i, hash 0.
    private static void SecretValues(HashFunctions hash, ReadOnlySpan<byte> skSeed, in Address adrs, Span<byte> values)
    {
        int n = hash.N;
        int len = hash.Parameters.Len;
        Address skAdrs = adrs;                                          // skADRS ← ADRS
        skAdrs.SetTypeAndClear(AddressType.WotsPrf);
        skAdrs.SetKeyPairAddress(adrs.GetKeyPairAddress());
        int i = 0;
        if (hash.HasFourWay)
        {
            Span<Address> four = stackalloc Address[4];
            for (; i + 4 <= len; i += 4)
            {
                for (int j = 0; j < 4; j++)
                {
                    four[j] = skAdrs;
                    four[j].SetChainAddress((uint)(i + j));
                }

                hash.Prf4(four, skSeed, values.Slice(i * n, 4 * n));
            }
        }

        for (; i < len; i++)
        {
            skAdrs.SetChainAddress((uint)i);
            hash.Prf(skAdrs, skSeed, values.Slice(i * n, n));
        }
    }

    // pk = T_len(PK.seed, wotspkADRS, tmp) with wotspkADRS = WOTS_PK and the key pair of adrs.
    private static void PublicKeyFromChainEnds(HashFunctions hash, in Address adrs, ReadOnlySpan<byte> chainEnds, Span<byte> pk)
    {
        Address pkAdrs = adrs;
        pkAdrs.SetTypeAndClear(AddressType.WotsPk);
        pkAdrs.SetKeyPairAddress(adrs.GetKeyPairAddress());
        hash.T(pkAdrs, chainEnds, pk);
    }

    /// <summary>
    /// For every chain i: values_i ← chain(values_i, start_i, steps_i, PK.seed, ADRS with chain address i)
    /// (Algorithm 5). Only the chain and hash addresses of <paramref name="adrs"/> vary; the caller's copy is unchanged
    /// (every caller sets a new type before its next use of ADRS, which clears both).
    /// </summary>
    private static void Chains(HashFunctions hash, in Address adrs, Span<byte> values, ReadOnlySpan<byte> start, ReadOnlySpan<byte> steps)
    {
        int n = hash.N;
        int len = start.Length;
        if (!hash.HasFourWay)
        {
            Address chainAdrs = adrs;
            for (int i = 0; i < len; i++)
            {
                chainAdrs.SetChainAddress((uint)i);
                Span<byte> tmp = values.Slice(i * n, n);
                for (int j = start[i]; j < start[i] + steps[i]; j++)
                {
                    chainAdrs.SetHashAddress((uint)j);                  // Algorithm 5, step 2
                    hash.F(chainAdrs, tmp, tmp);                        // step 3: tmp ← F(PK.seed, ADRS, tmp)
                }
            }

            return;
        }

        ChainLanes lanes = ChainLanes.Create();
        Span<byte> input = stackalloc byte[4 * n];
        Span<byte> output = stackalloc byte[4 * n];
        Span<Address> laneAdrs = stackalloc Address[4];
        try
        {
            int active = 0;
            for (int l = 0; l < 4; l++)
            {
                laneAdrs[l] = adrs;
                if (lanes.Assign(l, n, values, input, start, steps, laneAdrs))
                {
                    active++;
                }
            }

            while (active > 0)
            {
                if (active == 1)
                {
                    // One chain left in flight: a single Keccak call is cheaper than a 4-way one.
                    for (int l = 0; l < 4; l++)
                    {
                        if (lanes.Chain(l) >= 0)
                        {
                            laneAdrs[l].SetHashAddress((uint)lanes.Position(l));
                            hash.F(laneAdrs[l], input.Slice(l * n, n), output.Slice(l * n, n));
                        }
                    }
                }
                else
                {
                    for (int l = 0; l < 4; l++)
                    {
                        laneAdrs[l].SetHashAddress((uint)lanes.Position(l));
                    }

                    hash.F4(laneAdrs, input, output);                   // idle lanes compute values nobody reads
                }

                for (int l = 0; l < 4; l++)
                {
                    int c = lanes.Chain(l);
                    if (c < 0)
                    {
                        continue;
                    }

                    output.Slice(l * n, n).CopyTo(input.Slice(l * n, n));
                    if (lanes.Advance(l))
                    {
                        input.Slice(l * n, n).CopyTo(values.Slice(c * n, n));
                        if (!lanes.Assign(l, n, values, input, start, steps, laneAdrs))
                        {
                            active--;
                        }
                    }
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
            CryptographicOperations.ZeroMemory(output);
        }
    }

    /// <summary>Which chain each of the four lanes runs, at which hash address, up to which end.</summary>
    private struct ChainLanes
    {
        private FourInts _chain;
        private FourInts _position;
        private FourInts _end;
        private int _next;

        internal static ChainLanes Create()
        {
            ChainLanes lanes = default;
            ((Span<int>)lanes._chain).Fill(-1);
            return lanes;
        }

        internal readonly int Chain(int lane) => _chain[lane];

        internal readonly int Position(int lane) => _position[lane];

        /// <summary>Moves lane one step on; true when its chain is complete.</summary>
        internal bool Advance(int lane)
        {
            _position[lane]++;
            return _position[lane] == _end[lane];
        }

        /// <summary>Gives the lane the next chain that has steps to run (chains with none keep their value); false when none is left.</summary>
        internal bool Assign(int lane, int n, ReadOnlySpan<byte> values, Span<byte> input, ReadOnlySpan<byte> start, ReadOnlySpan<byte> steps, Span<Address> laneAdrs)
        {
            int len = start.Length;
            while (_next < len && steps[_next] == 0)
            {
                _next++;
            }

            if (_next == len)
            {
                _chain[lane] = -1;
                return false;
            }

            _chain[lane] = _next;
            _position[lane] = start[_next];
            _end[lane] = start[_next] + steps[_next];
            laneAdrs[lane].SetChainAddress((uint)_next);
            values.Slice(_next * n, n).CopyTo(input.Slice(lane * n, n));
            _next++;
            return true;
        }
    }

    [System.Runtime.CompilerServices.InlineArray(4)]
    private struct FourInts
    {
        private int _element0;
    }
}
