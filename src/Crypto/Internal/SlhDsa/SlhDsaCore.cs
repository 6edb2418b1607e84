// The SLH-DSA internal functions, FIPS 205 §9: slh_keygen_internal (Algorithm 18), slh_sign_internal
// (Algorithm 19) and slh_verify_internal (Algorithm 20). These work on the already-formatted message M'
// (§10 builds it from the message and context); ACVP tests them directly.
//
// To avoid copying long messages, M' is passed as two parts, prefix ‖ message: §10's pure and pre-hash forms put
// their short header (domain separator, context, OID, PH(M)) in the prefix; the internal interface passes M' as
// the message with an empty prefix.
//
// Encodings (§9.1, Figure 15-16): SK = SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root (4n bytes), PK = PK.seed ‖ PK.root
// (2n bytes), SIG = R ‖ SIG_FORS ‖ SIG_HT.

using System;
using System.Buffers.Binary;

namespace FintechCrypto.Internal.SlhDsa;

internal static class SlhDsaCore
{
    /// <summary>
    /// slh_keygen_internal(SK.seed, SK.prf, PK.seed) (Algorithm 18): writes SK (4n bytes) and PK (2n bytes).
    /// <paramref name="seed"/> is SK.seed ‖ SK.prf ‖ PK.seed (3n bytes).
    /// </summary>
    internal static void KeyGenInternal(SlhDsaParameterSet p, ReadOnlySpan<byte> seed, Span<byte> sk, Span<byte> pk)
    {
        int n = p.N;
        ReadOnlySpan<byte> skSeed = seed[..n];
        ReadOnlySpan<byte> pkSeed = seed.Slice(2 * n, n);
        Span<byte> root = stackalloc byte[n];
        using (HashFunctions hash = HashFunctions.Create(p, pkSeed))
        {
            Address adrs = default;                                     // step 1: ADRS ← toByte(0, 32)
            adrs.SetLayerAddress((uint)(p.D - 1));                      // step 2
            Xmss.Root(hash, skSeed, adrs, leafIndex: -1, auth: default, root);   // step 3: PK.root ← xmss_node(SK.seed, 0, h', PK.seed, ADRS)
        }

        seed[..(3 * n)].CopyTo(sk);                                     // step 4: SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root
        root.CopyTo(sk[(3 * n)..]);
        pkSeed.CopyTo(pk);                                              // PK.seed ‖ PK.root
        root.CopyTo(pk[n..]);
    }

    /// <summary>
    /// slh_sign_internal(M', SK, addrnd) (Algorithm 19) with M' = <paramref name="prefix"/> ‖ <paramref name="message"/>.
    /// An empty <paramref name="addrnd"/> is the deterministic variant (opt_rand = PK.seed); otherwise it is n bytes.
    /// </summary>
    internal static void SignInternal(SlhDsaParameterSet p, ReadOnlySpan<byte> sk, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> message, ReadOnlySpan<byte> addrnd, Span<byte> signature)
    {
        int n = p.N;
        ReadOnlySpan<byte> skSeed = sk[..n];
        ReadOnlySpan<byte> skPrf = sk.Slice(n, n);
        ReadOnlySpan<byte> pkSeed = sk.Slice(2 * n, n);
        ReadOnlySpan<byte> pkRoot = sk.Slice(3 * n, n);
        ReadOnlySpan<byte> optRand = addrnd.IsEmpty ? pkSeed : addrnd[..n];   // steps 2-3
        signature = signature[..p.SignatureSize];
        Span<byte> digest = stackalloc byte[p.M];
        Span<byte> pkFors = stackalloc byte[n];
        using HashFunctions hash = HashFunctions.Create(p, pkSeed);

        Span<byte> r = signature[..n];
        hash.PrfMsg(skPrf, optRand, prefix, message, r);                // steps 4-5: R ← PRF_msg(SK.prf, opt_rand, M); SIG ← R
        hash.HMsg(r, pkSeed, pkRoot, prefix, message, digest);          // step 6
        ReadOnlySpan<byte> md = digest[..p.MdBytes];                    // step 7
        (ulong treeIndex, int leafIndex) = Indices(p, digest);          // steps 8-12

        Address adrs = ForsTreeAddress(treeIndex, leafIndex);           // steps 1, 13-15
        Span<byte> forsSignature = signature.Slice(n, p.ForsSignatureSize);
        Fors.Sign(hash, md, skSeed, adrs, forsSignature, pkFors);       // steps 16-18 (PK_FORS from the trees just built)
        Hypertree.Sign(hash, pkFors, skSeed, treeIndex, leafIndex, signature[(n + p.ForsSignatureSize)..]);   // steps 19-20
    }

    /// <summary>
    /// slh_verify_internal(M', SIG, PK) (Algorithm 20) with M' = <paramref name="prefix"/> ‖ <paramref name="message"/>;
    /// false for a signature of the wrong length.
    /// </summary>
    internal static bool VerifyInternal(SlhDsaParameterSet p, ReadOnlySpan<byte> pk, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != p.SignatureSize)                        // steps 1-3
        {
            return false;
        }

        int n = p.N;
        ReadOnlySpan<byte> pkSeed = pk[..n];
        ReadOnlySpan<byte> pkRoot = pk.Slice(n, n);
        Span<byte> digest = stackalloc byte[p.M];
        Span<byte> pkFors = stackalloc byte[n];
        using HashFunctions hash = HashFunctions.Create(p, pkSeed);

        ReadOnlySpan<byte> r = signature[..n];                          // step 5
        ReadOnlySpan<byte> forsSignature = signature.Slice(n, p.ForsSignatureSize);          // step 6
        ReadOnlySpan<byte> htSignature = signature[(n + p.ForsSignatureSize)..];             // step 7
        hash.HMsg(r, pkSeed, pkRoot, prefix, message, digest);          // step 8
        ReadOnlySpan<byte> md = digest[..p.MdBytes];                    // step 9
        (ulong treeIndex, int leafIndex) = Indices(p, digest);          // steps 10-14

        Address adrs = ForsTreeAddress(treeIndex, leafIndex);           // steps 4, 15-17
        Fors.PkFromSig(hash, forsSignature, md, adrs, pkFors);          // step 18
        return Hypertree.Verify(hash, pkFors, htSignature, treeIndex, leafIndex, pkRoot);   // step 19
    }

    // Algorithm 19 steps 8-12 (Algorithm 20 steps 10-14): idx_tree = toInt(·) mod 2^(h − h/d), idx_leaf = toInt(·) mod 2^(h/d).
    private static (ulong TreeIndex, int LeafIndex) Indices(SlhDsaParameterSet p, ReadOnlySpan<byte> digest)
    {
        int mdBytes = p.MdBytes;
        int treeBytes = p.TreeIndexBytes;
        int leafBytes = p.LeafIndexBytes;
        ulong tree = ToInt(digest.Slice(mdBytes, treeBytes));
        int treeBits = p.H - p.HPrime;
        tree &= treeBits == 64 ? ulong.MaxValue : (1UL << treeBits) - 1;
        ulong leaf = ToInt(digest.Slice(mdBytes + treeBytes, leafBytes)) & ((1UL << p.HPrime) - 1);
        return (tree, (int)leaf);
    }

    // Algorithm 19 steps 1, 13-15 (Algorithm 20 steps 4, 15-17): the FORS_TREE address of the signing key pair.
    private static Address ForsTreeAddress(ulong treeIndex, int leafIndex)
    {
        Address adrs = default;
        adrs.SetTreeAddress(treeIndex);
        adrs.SetTypeAndClear(AddressType.ForsTree);
        adrs.SetKeyPairAddress((uint)leafIndex);
        return adrs;
    }

    // toInt(X, n) (Algorithm 2): big-endian, at most 8 bytes here.
    private static ulong ToInt(ReadOnlySpan<byte> x)
    {
        Span<byte> padded = stackalloc byte[8];
        padded.Clear();
        x.CopyTo(padded[(8 - x.Length)..]);
        return BinaryPrimitives.ReadUInt64BigEndian(padded);
    }
}
