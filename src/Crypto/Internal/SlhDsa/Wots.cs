// WOTS+ one-time signatures, FIPS 205 §5: base_2b (Algorithm 4, §4.4), chain (Algorithm 5), wots_pkGen
// (Algorithm 6), wots_sign (Algorithm 7) and wots_pkFromSig (Algorithm 8), for lg_w = 4 (w = 16, len2 = 3).
//
// The chains are independent, so where the hash functions have a multi-way kernel (HashFunctions.Ways: 4-way Keccak
// for the SHAKE sets, 8-way SHA-256 for the SHA2 sets) they run that many at a time:
//   - wots_pkGen for Ways consecutive key pairs at once (PkGenMany, for the XMSS leaves): lane j runs chain i of key
//     pair j, all lanes in lockstep, since every chain of a key generation has the same w − 1 steps;
//   - wots_sign and wots_pkFromSig (chains of different lengths): each lane takes the next unfinished chain as soon as
//     its current one is done, longest chains first so that the lanes finish together; when fewer lanes than
//     HashFunctions.MinBatch are still busy, the last steps are single calls.
// The results are exactly those of Algorithm 5 applied chain by chain. Chain lengths come from the message digest,
// which the signature reveals, so scheduling by them leaks nothing secret.

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
    /// wots_pkGen(SK.seed, PK.seed, ADRS) (Algorithm 6) for the <paramref name="count"/> ≤ HashFunctions.Ways key
    /// pairs <paramref name="firstKeyPair"/> … firstKeyPair + count − 1 of the tree at <paramref name="adrs"/> (layer
    /// and tree address set): the n-byte public key of key pair firstKeyPair + j into pks[jn..(j+1)n].
    /// </summary>
    internal static void PkGenMany(HashFunctions hash, ReadOnlySpan<byte> skSeed, in Address adrs, uint firstKeyPair, int count, Span<byte> pks)
    {
        SlhDsaParameterSet p = hash.Parameters;
        int n = p.N;
        int len = p.Len;
        Span<byte> ends = stackalloc byte[count * len * n];            // tmp of key pair j at [j·len·n ..]
        Span<byte> lanes = stackalloc byte[count * n];
        Span<Address> skAdrs = stackalloc Address[count];
        Span<Address> chainAdrs = stackalloc Address[count];
        for (int j = 0; j < count; j++)
        {
            skAdrs[j] = adrs;                                           // steps 1-3: skADRS ← ADRS (WOTS_PRF, key pair)
            skAdrs[j].SetTypeAndClear(AddressType.WotsPrf);
            skAdrs[j].SetKeyPairAddress(firstKeyPair + (uint)j);
            chainAdrs[j] = adrs;                                        // a WOTS_HASH address for the key pair
            chainAdrs[j].SetTypeAndClear(AddressType.WotsHash);
            chainAdrs[j].SetKeyPairAddress(firstKeyPair + (uint)j);
        }

        try
        {
            for (int i = 0; i < len; i++)                               // step 4
            {
                for (int j = 0; j < count; j++)
                {
                    skAdrs[j].SetChainAddress((uint)i);                 // step 5
                    chainAdrs[j].SetChainAddress((uint)i);              // step 7
                }

                hash.PrfMany(skAdrs, skSeed, lanes);                    // step 6: sk ← PRF(PK.seed, SK.seed, skADRS)
                for (int step = 0; step < SlhDsaParameterSet.W - 1; step++)
                {
                    for (int j = 0; j < count; j++)
                    {
                        chainAdrs[j].SetHashAddress((uint)step);        // step 8: tmp_i ← chain(sk, 0, w − 1) (Algorithm 5)
                    }

                    hash.FMany(chainAdrs, lanes, lanes);
                }

                for (int j = 0; j < count; j++)
                {
                    lanes.Slice(j * n, n).CopyTo(ends.Slice(((j * len) + i) * n, n));
                }
            }

            for (int j = 0; j < count; j++)
            {
                PublicKeyFromChainEnds(hash, chainAdrs[j], ends.Slice(j * len * n, len * n), pks.Slice(j * n, n));   // steps 9-12
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ends);
            CryptographicOperations.ZeroMemory(lanes);
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
        int ways = hash.Ways;
        Span<Address> many = stackalloc Address[ways];
        for (int i = 0; i < len; i += ways)
        {
            int count = Math.Min(ways, len - i);
            for (int j = 0; j < count; j++)
            {
                many[j] = skAdrs;
                many[j].SetChainAddress((uint)(i + j));
            }

            hash.PrfMany(many[..count], skSeed, values.Slice(i * n, count * n));
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
        int ways = hash.Ways;
        if (ways == 1)
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

        // The chains with steps to run, longest first (a counting sort on the step count, which is at most w − 1).
        Span<byte> order = stackalloc byte[len];
        int chains = 0;
        for (int s = SlhDsaParameterSet.W - 1; s > 0; s--)
        {
            for (int i = 0; i < len; i++)
            {
                if (steps[i] == s)
                {
                    order[chains++] = (byte)i;
                }
            }
        }

        ChainLanes lanes = ChainLanes.Create(order[..chains]);
        Span<byte> input = stackalloc byte[ways * n];
        Span<byte> output = stackalloc byte[ways * n];
        Span<Address> laneAdrs = stackalloc Address[ways];
        int minBatch = hash.MinBatch;
        try
        {
            int active = 0;
            for (int l = 0; l < ways; l++)
            {
                laneAdrs[l] = adrs;
                if (lanes.Assign(l, n, values, input, start, steps, laneAdrs))
                {
                    active++;
                }
            }

            while (active > 0)
            {
                if (active < minBatch)
                {
                    // Few chains left in flight: single calls are cheaper than a batched one.
                    for (int l = 0; l < ways; l++)
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
                    for (int l = 0; l < ways; l++)
                    {
                        laneAdrs[l].SetHashAddress((uint)lanes.Position(l));
                    }

                    hash.FMany(laneAdrs, input, output);                // idle lanes compute values nobody reads
                }

                for (int l = 0; l < ways; l++)
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

    /// <summary>Which chain each lane (up to eight) runs, at which hash address, up to which end.</summary>
    private ref struct ChainLanes
    {
        private EightInts _chain;
        private EightInts _position;
        private EightInts _end;
        private ReadOnlySpan<byte> _order;
        private int _next;

        internal static ChainLanes Create(ReadOnlySpan<byte> order)
        {
            ChainLanes lanes = default;
            ((Span<int>)lanes._chain).Fill(-1);
            lanes._order = order;
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

        /// <summary>Gives the lane the next chain in the order (all have steps to run); false when none is left.</summary>
        internal bool Assign(int lane, int n, ReadOnlySpan<byte> values, Span<byte> input, ReadOnlySpan<byte> start, ReadOnlySpan<byte> steps, Span<Address> laneAdrs)
        {
            if (_next == _order.Length)
            {
                _chain[lane] = -1;
                return false;
            }

            int chain = _order[_next++];
            _chain[lane] = chain;
            _position[lane] = start[chain];
            _end[lane] = start[chain] + steps[chain];
            laneAdrs[lane].SetChainAddress((uint)chain);
            values.Slice(chain * n, n).CopyTo(input.Slice(lane * n, n));
            return true;
        }
    }

    [System.Runtime.CompilerServices.InlineArray(8)]
    private struct EightInts
    {
        private int _element0;
    }
}
