// FORS few-time signatures, FIPS 205 §8: fors_skGen (Algorithm 14), fors_node (Algorithm 15), fors_sign
// (Algorithm 16) and fors_pkFromSig (Algorithm 17).
//
// Signing computes each of the k trees once, left to right with a treehash stack (as Xmss.Root does), keeping the
// authentication path of the selected leaf and the tree's root; the roots give PK_FORS, which Algorithm 19 would
// otherwise recompute with fors_pkFromSig. Leaves are taken four at a time (PRF and F on the 4-way kernel for the
// SHAKE sets). Every node equals Algorithm 15's: a leaf i is F(PK.seed, ADRS(height 0, index i), fors_skGen(i)), an
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
        Span<byte> secrets = stackalloc byte[4 * n];
        Span<byte> leaves = stackalloc byte[4 * n];
        Span<Address> four = stackalloc Address[4];
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
                for (uint i = 0; i < 1u << a; i += 4)
                {
                    // Four leaves: sk = fors_skGen(SK.seed, PK.seed, ADRS, t·2^a + i + j) (Algorithm 14), then F (Algorithm 15, steps 2-4).
                    for (int j = 0; j < 4; j++)
                    {
                        four[j] = skAdrs;
                        four[j].SetTreeIndex(firstLeaf + i + (uint)j);
                    }

                    hash.Prf4(four, skSeed, secrets);
                    for (int j = 0; j < 4; j++)
                    {
                        four[j] = nodeAdrs;
                        four[j].SetTreeHeight(0);
                        four[j].SetTreeIndex(firstLeaf + i + (uint)j);
                    }

                    hash.F4(four, secrets, leaves);
                    for (int j = 0; j < 4; j++)
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
        Span<byte> pair = stackalloc byte[2 * n];
        Address work = adrs;
        for (int t = 0; t < k; t++)                                     // step 2
        {
            ReadOnlySpan<byte> treeSignature = signature.Slice(t * (a + 1) * n, (a + 1) * n);
            ReadOnlySpan<byte> sk = treeSignature[..n];                 // step 3
            ReadOnlySpan<byte> auth = treeSignature[n..];               // step 7
            Span<byte> node = roots.Slice(t * n, n);
            uint index = indices[t];
            work.SetTreeHeight(0);                                      // step 4
            work.SetTreeIndex(((uint)t << a) + index);                  // step 5
            hash.F(work, sk, node);                                     // step 6
            for (int j = 0; j < a; j++)                                 // step 8
            {
                work.SetTreeHeight((uint)(j + 1));                      // step 9
                ReadOnlySpan<byte> sibling = auth.Slice(j * n, n);
                if (((index >> j) & 1) == 0)
                {
                    work.SetTreeIndex(work.GetTreeIndex() / 2);         // steps 11-12
                    node.CopyTo(pair);
                    sibling.CopyTo(pair[n..]);
                }
                else
                {
                    work.SetTreeIndex((work.GetTreeIndex() - 1) / 2);   // steps 14-15
                    sibling.CopyTo(pair);
                    node.CopyTo(pair[n..]);
                }

                hash.H(work, pair, node);
            }
        }

        Address pkAdrs = adrs;                                          // steps 18-20
        pkAdrs.SetTypeAndClear(AddressType.ForsRoots);
        pkAdrs.SetKeyPairAddress(adrs.GetKeyPairAddress());
        hash.T(pkAdrs, roots, publicKey);                               // step 21
    }
}
