// The SLH-DSA hypertree, FIPS 205 §7: ht_sign (Algorithm 12) and ht_verify (Algorithm 13). d layers of XMSS trees
// of height h'; the signature is d XMSS signatures, each signing the root of the tree below it.

using System;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.SlhDsa;

internal static class Hypertree
{
    /// <summary>ht_sign(M, SK.seed, PK.seed, idx_tree, idx_leaf) (Algorithm 12): (h + d · len) · n bytes.</summary>
    internal static void Sign(HashFunctions hash, ReadOnlySpan<byte> message, ReadOnlySpan<byte> skSeed, ulong treeIndex, int leafIndex, Span<byte> signature)
    {
        SlhDsaParameterSet p = hash.Parameters;
        int xmssSize = p.XmssSignatureSize;
        Span<byte> root = stackalloc byte[p.N];
        Span<byte> nextRoot = stackalloc byte[p.N];
        Address adrs = default;                                         // step 1: ADRS ← toByte(0, 32)
        adrs.SetTreeAddress(treeIndex);                                 // step 2

        // Steps 3-5: the bottom XMSS signature; its tree's root is what xmss_pkFromSig would return.
        Xmss.Sign(hash, message, skSeed, leafIndex, adrs, signature[..xmssSize], root);
        for (int j = 1; j < p.D; j++)                                   // step 6
        {
            leafIndex = (int)(treeIndex & ((1UL << p.HPrime) - 1));     // step 7: idx_tree mod 2^h'
            treeIndex >>= p.HPrime;                                     // step 8
            adrs.SetLayerAddress((uint)j);                              // step 9
            adrs.SetTreeAddress(treeIndex);                             // step 10

            // Steps 11-15 (the root of the top layer is PK.root and is not needed).
            Xmss.Sign(hash, root, skSeed, leafIndex, adrs, signature.Slice(j * xmssSize, xmssSize), nextRoot);
            nextRoot.CopyTo(root);
        }

        CryptographicOperations.ZeroMemory(root);
    }

    /// <summary>ht_verify(M, SIG_HT, PK.seed, idx_tree, idx_leaf, PK.root) (Algorithm 13).</summary>
    internal static bool Verify(HashFunctions hash, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, ulong treeIndex, int leafIndex, ReadOnlySpan<byte> pkRoot)
    {
        SlhDsaParameterSet p = hash.Parameters;
        int xmssSize = p.XmssSignatureSize;
        Span<byte> node = stackalloc byte[p.N];
        Address adrs = default;                                         // step 1
        adrs.SetTreeAddress(treeIndex);                                 // step 2
        Xmss.PkFromSig(hash, leafIndex, signature[..xmssSize], message, adrs, node);   // steps 3-4
        for (int j = 1; j < p.D; j++)                                   // step 5
        {
            leafIndex = (int)(treeIndex & ((1UL << p.HPrime) - 1));     // step 6
            treeIndex >>= p.HPrime;                                     // step 7
            adrs.SetLayerAddress((uint)j);                              // step 8
            adrs.SetTreeAddress(treeIndex);                             // step 9
            Xmss.PkFromSig(hash, leafIndex, signature.Slice(j * xmssSize, xmssSize), node, adrs, node);   // steps 10-11
        }

        return CryptographicOperations.FixedTimeEquals(node, pkRoot[..p.N]);   // steps 13-16
    }
}
