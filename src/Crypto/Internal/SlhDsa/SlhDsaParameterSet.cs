// SLH-DSA parameter sets: FIPS 205 §11, Table 2 (n, h, d, h', a, k, lg_w, m, security category, pk and sig
// bytes), with the derived WOTS+ lengths of §5 (len1 = 2n, len2 = 3 for lg_w = 4, Algorithm 1) and the OIDs of
// the NIST CSOR registry (id-slh-dsa-sha2-128s = 2.16.840.1.101.3.4.3.20 … id-slh-dsa-shake-256f = …3.31;
// RFC 9909 §3, RFC 9814 §4).

using System;

namespace FintechCrypto.Internal.SlhDsa;

/// <summary>One row of FIPS 205 Table 2.</summary>
internal sealed class SlhDsaParameterSet
{
    // FIPS 205 Table 2:                                         name                   OID arc  shake  n   h   d  h'  a   k   m
    internal static readonly SlhDsaParameterSet Sha2_128s = new("SLH-DSA-SHA2-128s", 20, false, 16, 63, 7, 9, 12, 14, 30);
    internal static readonly SlhDsaParameterSet Sha2_128f = new("SLH-DSA-SHA2-128f", 21, false, 16, 66, 22, 3, 6, 33, 34);
    internal static readonly SlhDsaParameterSet Sha2_192s = new("SLH-DSA-SHA2-192s", 22, false, 24, 63, 7, 9, 14, 17, 39);
    internal static readonly SlhDsaParameterSet Sha2_192f = new("SLH-DSA-SHA2-192f", 23, false, 24, 66, 22, 3, 8, 33, 42);
    internal static readonly SlhDsaParameterSet Sha2_256s = new("SLH-DSA-SHA2-256s", 24, false, 32, 64, 8, 8, 14, 22, 47);
    internal static readonly SlhDsaParameterSet Sha2_256f = new("SLH-DSA-SHA2-256f", 25, false, 32, 68, 17, 4, 9, 35, 49);
    internal static readonly SlhDsaParameterSet Shake_128s = new("SLH-DSA-SHAKE-128s", 26, true, 16, 63, 7, 9, 12, 14, 30);
    internal static readonly SlhDsaParameterSet Shake_128f = new("SLH-DSA-SHAKE-128f", 27, true, 16, 66, 22, 3, 6, 33, 34);
    internal static readonly SlhDsaParameterSet Shake_192s = new("SLH-DSA-SHAKE-192s", 28, true, 24, 63, 7, 9, 14, 17, 39);
    internal static readonly SlhDsaParameterSet Shake_192f = new("SLH-DSA-SHAKE-192f", 29, true, 24, 66, 22, 3, 8, 33, 42);
    internal static readonly SlhDsaParameterSet Shake_256s = new("SLH-DSA-SHAKE-256s", 30, true, 32, 64, 8, 8, 14, 22, 47);
    internal static readonly SlhDsaParameterSet Shake_256f = new("SLH-DSA-SHAKE-256f", 31, true, 32, 68, 17, 4, 9, 35, 49);

    /// <summary>lg_w, bits per WOTS+ digit: 4 in every approved set.</summary>
    internal const int LgW = 4;

    /// <summary>w = 2^lg_w = 16.</summary>
    internal const int W = 1 << LgW;

    /// <summary>len2 (FIPS 205 Algorithm 1): 3 for lg_w = 4 and n ∈ {16, 24, 32}.</summary>
    internal const int Len2 = 3;

    private SlhDsaParameterSet(string name, int oidArc, bool isShake, int n, int h, int d, int hPrime, int a, int k, int m)
    {
        Name = name;
        Oid = "2.16.840.1.101.3.4.3." + oidArc.ToString(System.Globalization.CultureInfo.InvariantCulture);
        IsShake = isShake;
        N = n;
        H = h;
        D = d;
        HPrime = hPrime;
        A = a;
        K = k;
        M = m;
        if (h != d * hPrime)
        {
            throw new InvalidOperationException("FIPS 205 Table 2: h must equal d · h'.");
        }
    }

    /// <summary>The FIPS 205 name, e.g. SLH-DSA-SHA2-128s.</summary>
    internal string Name { get; }

    /// <summary>id-slh-dsa-* (NIST CSOR sigAlgs arcs 20-31).</summary>
    internal string Oid { get; }

    /// <summary>True for the SHAKE sets (§11.1), false for the SHA2 sets (§11.2).</summary>
    internal bool IsShake { get; }

    /// <summary>n, the security parameter in bytes (the size of every hash output, key part and tree node).</summary>
    internal int N { get; }

    /// <summary>h, the hypertree height.</summary>
    internal int H { get; }

    /// <summary>d, the number of hypertree layers.</summary>
    internal int D { get; }

    /// <summary>h' = h / d, the height of each XMSS tree.</summary>
    internal int HPrime { get; }

    /// <summary>a, the height of each FORS tree.</summary>
    internal int A { get; }

    /// <summary>k, the number of FORS trees.</summary>
    internal int K { get; }

    /// <summary>m, the H_msg output length in bytes.</summary>
    internal int M { get; }

    /// <summary>The security category (1, 3 or 5): n = 16, 24, 32. The SHA2 sets of category 3 and 5 use SHA-512 (§11.2.2).</summary>
    internal int Category => N == 16 ? 1 : N == 24 ? 3 : 5;

    /// <summary>len1 = ⌈8n / lg_w⌉ = 2n (FIPS 205 §5, Equation 5.1).</summary>
    internal int Len1 => 2 * N;

    /// <summary>len = len1 + len2, the number of WOTS+ chains.</summary>
    internal int Len => Len1 + Len2;

    /// <summary>WOTS+ signature size, len · n bytes.</summary>
    internal int WotsSignatureSize => Len * N;

    /// <summary>XMSS signature size, (len + h') · n bytes.</summary>
    internal int XmssSignatureSize => (Len + HPrime) * N;

    /// <summary>FORS signature size, k(1 + a) · n bytes.</summary>
    internal int ForsSignatureSize => K * (1 + A) * N;

    /// <summary>The signature size, (1 + k(1 + a) + h + d · len) · n bytes (FIPS 205 Table 2 "sig").</summary>
    internal int SignatureSize => (1 + (K * (1 + A)) + H + (D * Len)) * N;

    /// <summary>PK.seed ‖ PK.root, 2n bytes.</summary>
    internal int PublicKeySize => 2 * N;

    /// <summary>SK.seed ‖ SK.prf ‖ PK.seed ‖ PK.root, 4n bytes.</summary>
    internal int PrivateKeySize => 4 * N;

    /// <summary>The key-generation seed SK.seed ‖ SK.prf ‖ PK.seed, 3n bytes (FIPS 205 Algorithm 18's inputs).</summary>
    internal int SeedSize => 3 * N;

    /// <summary>⌈k · a / 8⌉, the bytes of the digest that select FORS leaves (Algorithm 19, step 7).</summary>
    internal int MdBytes => ((K * A) + 7) / 8;

    /// <summary>⌈(h − h/d) / 8⌉, the bytes of the digest that give idx_tree (Algorithm 19, step 8).</summary>
    internal int TreeIndexBytes => (H - HPrime + 7) / 8;

    /// <summary>⌈h / 8d⌉, the bytes of the digest that give idx_leaf (Algorithm 19, step 9).</summary>
    internal int LeafIndexBytes => (HPrime + 7) / 8;

    internal static SlhDsaParameterSet[] All => new[]
    {
        Sha2_128s, Sha2_128f, Sha2_192s, Sha2_192f, Sha2_256s, Sha2_256f,
        Shake_128s, Shake_128f, Shake_192s, Shake_192f, Shake_256s, Shake_256f,
    };
}
