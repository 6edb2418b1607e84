// FORS few-time signatures, FIPS 205 §8: fors_skGen (Algorithm 14), fors_node (Algorithm 15), fors_sign
// (Algorithm 16) and fors_pkFromSig (Algorithm 17).
//
// Signing computes each of the k trees once, left to right with a treehash stack (as Xmss.Root does), keeping the
// authentication path of the selected leaf and the tree's root; the roots give PK_FORS, which Algorithm 19 would
// otherwise recompute with fors_pkFromSig. Leaves are taken HashFunctions.Ways at a time (PRF and F on the 4-way
// Keccak kernel for the SHAKE sets, on the 8-way SHA-256 kernel for the SHA2 sets). Verification runs Ways trees at
// once: lane j recomputes the leaf and then the authentication path of tree t + j, level by level. Every node equals Algorithm 15's: a leaf i is F(PK.seed, ADRS(height 0, index i), fors_skGen(i)), an
// inner node at height z and index i is H(PK.seed, ADRS(height z, index i), left ‖ right), with global indices
// across the k trees (tree t holds leaves t·2^a … (t+1)·2^a − 1).

using System;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.SlhDsa;

internal static class Fors
{
    /// <summary>
    /// fors_sign(md, SK.seed, PK.seed, ADRS) (Algorithm 16) into <paramref name="signature"/> (k(1 + a) · n bytes),
    /// and PK_FORS = T_k(PK.seed, forspkADRS, roots) (Algorithm 17, steps 18-21) into <paramref name="publicKey"/>.
    /// <paramref name="adrs"/> is a FORS_TREE address with the tree and key pair addresses set.
    /// </summary>
    internal static void Sign(HashFunctions hash, ReadOnlySpan<byte> md, ReadOnlySpan<byte> skSeed, in Address adrs, Span<byte> signature, Span<byte> publicKey)
    {
        SlhDsaParameterSet p = hash.Parameters;
        int n = p.N;
        int a = p.A;
        int k = p.K;
        Span<uint> indices = stackalloc uint[k];
        Wots.Base2b(md, a, indices);                                    // step 1
        Span<byte> roots = stackalloc byte[k * n];
        Span<byte> stack = stackalloc byte[(a + 1) * n];
        Span<int> heights = stackalloc int[a + 1];
        int ways = hash.Ways;
        Span<byte> secrets = stackalloc byte[ways * n];
        Span<byte> leaves = stackalloc byte[ways * n];
        Span<Address> many = stackalloc Address[ways];
        Address skAdrs = adrs;                                          // Algorithm 14, steps 1-3
        skAdrs.SetTypeAndClear(AddressType.ForsPrf);
        skAdrs.SetKeyPairAddress(adrs.GetKeyPairAddress());
        Address nodeAdrs = adrs;
        try
        {
            for (int t = 0; t < k; t++)                                 // step 2
            {
                Span<byte> treeSignature = signature.Slice(t * (a + 1) * n, (a + 1) * n);
                Span<byte> auth = treeSignature[n..];
                uint selected = indices[t];
                uint firstLeaf = (uint)t << a;
                int top = 0;
                for (uint i = 0; i < 1u << a; i += (uint)ways)
                {
                    // Ways leaves (2^a is a multiple of Ways): sk = fors_skGen(SK.seed, PK.seed, ADRS, t·2^a + i + j)
                    // (Algorithm 14), then F (Algorithm 15, steps 2-4).
                    for (int j = 0; j < ways; j++)
                    {
                        many[j] = skAdrs;
                        many[j].SetTreeIndex(firstLeaf + i + (uint)j);
                    }

                    hash.PrfMany(many, skSeed, secrets);
                    for (int j = 0; j < ways; j++)
                    {
                        many[j] = nodeAdrs;
                        many[j].SetTreeHeight(0);
                        many[j].SetTreeIndex(firstLeaf + i + (uint)j);
                    }

                    hash.FMany(many, secrets, leaves);
                    for (int j = 0; j < ways; j++)
                    {
                        uint leafIndex = i + (uint)j;
                        if (leafIndex == selected)
                        {
                            secrets.Slice(j * n, n).CopyTo(treeSignature[..n]);   // step 3: the revealed secret
                        }
                        else if ((leafIndex ^ 1) == selected)
                        {
                            leaves.Slice(j * n, n).CopyTo(auth[..n]);               // AUTH[0]
                        }

                        leaves.Slice(j * n, n).CopyTo(stack.Slice(top * n, n));
                        heights[top++] = 0;
                        while (top >= 2 && heights[top - 1] == heights[top - 2])
                        {
                            int z = heights[top - 1] + 1;
                            uint local = leafIndex >> z;
                            nodeAdrs.SetTreeHeight((uint)z);            // Algorithm 15, steps 8-10
                            nodeAdrs.SetTreeIndex((firstLeaf >> z) + local);
                            Span<byte> pair = stack.Slice((top - 2) * n, 2 * n);
                            hash.H(nodeAdrs, pair, pair[..n]);
                            top--;
                            heights[top - 1] = z;
                            if (z < a && local == ((selected >> z) ^ 1))
                            {
                                pair[..n].CopyTo(auth.Slice(z * n, n));            // AUTH[z], steps 4-7
                            }
                        }
                    }
                }

                stack[..n].CopyTo(roots.Slice(t * n, n));
            }

            Address pkAdrs = adrs;                                      // Algorithm 17, steps 18-20
            pkAdrs.SetTypeAndClear(AddressType.ForsRoots);
            pkAdrs.SetKeyPairAddress(adrs.GetKeyPairAddress());
            hash.T(pkAdrs, roots, publicKey);                           // step 21
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secrets);
        }
    }

    /// <summary>fors_pkFromSig(SIG_FORS, md, PK.seed, ADRS) (Algorithm 17): the FORS public key a signature implies.</summary>
    internal static void PkFromSig(HashFunctions hash, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> md, in Address adrs, Span<byte> publicKey)
    {
        SlhDsaParameterSet p = hash.Parameters;
        int n = p.N;
        int a = p.A;
        int k = p.K;
        Span<uint> indices = stackalloc uint[k];
        Wots.Base2b(md, a, indices);                                    // step 1
        Span<byte> roots = stackalloc byte[k * n];
        int ways = hash.Ways;
        Span<byte> pairs = stackalloc byte[ways * 2 * n];
        Span<Address> work = stackalloc Address[ways];
        for (int t0 = 0; t0 < k; t0 += ways)                            // step 2, Ways trees t0 + j at a time
        {
            int count = Math.Min(ways, k - t0);
            Span<Address> lanes = work[..count];
            Span<byte> nodes = roots.Slice(t0 * n, count * n);          // node of tree t0 + j at [jn ..]
            for (int j = 0; j < count; j++)
            {
                int t = t0 + j;
                ReadOnlySpan<byte> sk = signature.Slice(t * (a + 1) * n, n);   // step 3
                sk.CopyTo(nodes.Slice(j * n, n));
                lanes[j] = adrs;
                lanes[j].SetTreeHeight(0);                              // step 4
                lanes[j].SetTreeIndex(((uint)t << a) + indices[t]);     // step 5
            }

            hash.FMany(lanes, nodes, nodes);                            // step 6: node[0] ← F(PK.seed, ADRS, sk)
            for (int z = 0; z < a; z++)                                 // step 8
            {
                for (int j = 0; j < count; j++)
                {
                    int t = t0 + j;
                    ReadOnlySpan<byte> sibling = signature.Slice((t * (a + 1) * n) + n + (z * n), n);   // step 7: auth[z]
                    Span<byte> pair = pairs.Slice(j * 2 * n, 2 * n);
                    Span<byte> node = nodes.Slice(j * n, n);
                    lanes[j].SetTreeHeight((uint)(z + 1));              // step 9
                    if (((indices[t] >> z) & 1) == 0)
                    {
                        lanes[j].SetTreeIndex(lanes[j].GetTreeIndex() / 2);         // steps 11-12
                        node.CopyTo(pair);
                        sibling.CopyTo(pair[n..]);
                    }
                    else
                    {
                        lanes[j].SetTreeIndex((lanes[j].GetTreeIndex() - 1) / 2);   // steps 14-15
                        sibling.CopyTo(pair);
                        node.CopyTo(pair[n..]);
                    }
                }

                hash.HMany(lanes, pairs[..(count * 2 * n)], nodes);
            }
        }

        Address pkAdrs = adrs;                                          // steps 18-20
        pkAdrs.SetTypeAndClear(AddressType.ForsRoots);
        pkAdrs.SetKeyPairAddress(adrs.GetKeyPairAddress());
        hash.T(pkAdrs, roots, publicKey);                               // step 21
    }
}
