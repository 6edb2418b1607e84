// XMSS, FIPS 205 §6: xmss_node (Algorithm 9), xmss_sign (Algorithm 10) and xmss_pkFromSig (Algorithm 11).
//
// Algorithm 9 defines each node recursively; xmss_sign calls it once per authentication-path node, and the
// hypertree (Algorithm 12) then recomputes the root with xmss_pkFromSig. Here one left-to-right pass over the
// 2^h' leaves (the classic "treehash" stack) computes every node of the tree exactly once, keeping the
// authentication path of the signed leaf and the root on the way. Each node is the value Algorithm 9 defines:
// a leaf i is wots_pkGen with key pair address i, an inner node at height z and index i is
// H(PK.seed, ADRS(TREE, z, i), left ‖ right). For a valid signature the root equals what xmss_pkFromSig returns.

using System;

namespace FintechCrypto.Internal.SlhDsa;

internal static class Xmss
{
    /// <summary>
    /// The root of the XMSS tree at <paramref name="adrs"/> (layer and tree address set), i.e. xmss_node(SK.seed,
    /// 0, h', PK.seed, ADRS) (Algorithm 9), and, when <paramref name="leafIndex"/> ≥ 0, the authentication path
    /// AUTH[j] = xmss_node(SK.seed, ⌊idx / 2^j⌋ ⊕ 1, j, PK.seed, ADRS) of Algorithm 10, steps 1-4.
    /// </summary>
    internal static void Root(HashFunctions hash, ReadOnlySpan<byte> skSeed, in Address adrs, int leafIndex, Span<byte> auth, Span<byte> root)
    {
        SlhDsaParameterSet p = hash.Parameters;
        int n = p.N;
        int height = p.HPrime;
        Span<byte> stack = stackalloc byte[(height + 1) * n];
        Span<int> heights = stackalloc int[height + 1];
        int ways = hash.Ways;
        Span<byte> leaves = stackalloc byte[ways * n];
        int top = 0;
        for (int i = 0; i < 1 << height; i++)
        {
            // Algorithm 9, steps 2-3: leaves i … i + ways − 1 are wots_pkGen with key pair addresses i …, made at once.
            int lane = i % ways;
            if (lane == 0)
            {
                Wots.PkGenMany(hash, skSeed, adrs, (uint)i, Math.Min(ways, (1 << height) - i), leaves);
            }

            Span<byte> leaf = stack.Slice(top * n, n);
            leaves.Slice(lane * n, n).CopyTo(leaf);
            if (leafIndex >= 0 && (i ^ 1) == leafIndex)
            {
                leaf.CopyTo(auth[..n]);
            }

            heights[top++] = 0;
            while (top >= 2 && heights[top - 1] == heights[top - 2])
            {
                int z = heights[top - 1] + 1;
                int index = i >> z;
                Address nodeAdrs = adrs;
                nodeAdrs.SetTypeAndClear(AddressType.Tree);             // Algorithm 9, steps 8-10
                nodeAdrs.SetTreeHeight((uint)z);
                nodeAdrs.SetTreeIndex((uint)index);
                Span<byte> pair = stack.Slice((top - 2) * n, 2 * n);   // lnode ‖ rnode
                hash.H(nodeAdrs, pair, pair[..n]);
                top--;
                heights[top - 1] = z;
                if (leafIndex >= 0 && z < height && index == ((leafIndex >> z) ^ 1))
                {
                    pair[..n].CopyTo(auth.Slice(z * n, n));
                }
            }
        }

        stack[..n].CopyTo(root);
    }

    /// <summary>
    /// xmss_sign(M, SK.seed, idx, PK.seed, ADRS) (Algorithm 10): SIG_XMSS = sig ‖ AUTH into <paramref name="signature"/>,
    /// and the tree's root into <paramref name="root"/> (which xmss_pkFromSig would compute from the signature).
    /// </summary>
    internal static void Sign(HashFunctions hash, ReadOnlySpan<byte> message, ReadOnlySpan<byte> skSeed, int leafIndex, in Address adrs, Span<byte> signature, Span<byte> root)
    {
        SlhDsaParameterSet p = hash.Parameters;
        Root(hash, skSeed, adrs, leafIndex, signature.Slice(p.WotsSignatureSize, p.HPrime * p.N), root);   // steps 1-4
        Address wotsAdrs = adrs;
        wotsAdrs.SetTypeAndClear(AddressType.WotsHash);                // steps 5-6
        wotsAdrs.SetKeyPairAddress((uint)leafIndex);
        Wots.Sign(hash, message, skSeed, wotsAdrs, signature[..p.WotsSignatureSize]);                       // step 7
    }

    /// <summary>xmss_pkFromSig(idx, SIG_XMSS, M, PK.seed, ADRS) (Algorithm 11): the root a signature implies.</summary>
    internal static void PkFromSig(HashFunctions hash, int leafIndex, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, in Address adrs, Span<byte> root)
    {
        SlhDsaParameterSet p = hash.Parameters;
        int n = p.N;
        Address work = adrs;
        work.SetTypeAndClear(AddressType.WotsHash);                    // steps 1-2
        work.SetKeyPairAddress((uint)leafIndex);
        ReadOnlySpan<byte> wotsSignature = signature[..p.WotsSignatureSize];                                 // step 3
        ReadOnlySpan<byte> auth = signature.Slice(p.WotsSignatureSize, p.HPrime * n);                        // step 4
        Span<byte> pair = stackalloc byte[2 * n];
        Span<byte> node = stackalloc byte[n];
        Wots.PkFromSig(hash, wotsSignature, message, work, node);                                            // step 5
        work.SetTypeAndClear(AddressType.Tree);                        // step 6
        work.SetTreeIndex((uint)leafIndex);                            // step 7
        for (int k = 0; k < p.HPrime; k++)
        {
            work.SetTreeHeight((uint)(k + 1));                         // step 9
            ReadOnlySpan<byte> sibling = auth.Slice(k * n, n);
            if (((leafIndex >> k) & 1) == 0)
            {
                work.SetTreeIndex(work.GetTreeIndex() / 2);            // steps 11-12
                node.CopyTo(pair);
                sibling.CopyTo(pair[n..]);
            }
            else
            {
                work.SetTreeIndex((work.GetTreeIndex() - 1) / 2);      // steps 14-15
                sibling.CopyTo(pair);
                node.CopyTo(pair[n..]);
            }

            hash.H(work, pair, node);
        }

        node.CopyTo(root);
    }
}
