// ML-DSA parameter sets, FIPS 204 §4 Table 1 (q, ζ, d, τ, λ, γ1, γ2, k, l, η, β, ω) and Table 2 (sizes).

using FintechCrypto.Native.MlDsa;

namespace FintechCrypto.Internal.MlDsa;

/// <summary>One row of FIPS 204 Tables 1 and 2.</summary>
internal sealed class MlDsaParameterSet
{
    internal static readonly MlDsaParameterSet MlDsa44 = new("ML-DSA-44", "2.16.840.1.101.3.4.3.17", k: 4, l: 4, eta: 2, tau: 39, lambda: 128, gamma1Bits: 17, gamma2: MlDsaRoundingScalar.Gamma2Small, omega: 80);
    internal static readonly MlDsaParameterSet MlDsa65 = new("ML-DSA-65", "2.16.840.1.101.3.4.3.18", k: 6, l: 5, eta: 4, tau: 49, lambda: 192, gamma1Bits: 19, gamma2: MlDsaRoundingScalar.Gamma2Large, omega: 55);
    internal static readonly MlDsaParameterSet MlDsa87 = new("ML-DSA-87", "2.16.840.1.101.3.4.3.19", k: 8, l: 7, eta: 2, tau: 60, lambda: 256, gamma1Bits: 19, gamma2: MlDsaRoundingScalar.Gamma2Large, omega: 75);

    internal const int N = 256;
    internal const int D = 13;
    internal const int SeedSize = 32;

    /// <summary>t1 takes bitlen(q − 1) − d = 10 bits a coefficient: 320 bytes a polynomial.</summary>
    internal const int T1PolyBytes = 320;

    /// <summary>t0 takes 13 bits a coefficient: 416 bytes a polynomial.</summary>
    internal const int T0PolyBytes = 416;

    private MlDsaParameterSet(string name, string oid, int k, int l, int eta, int tau, int lambda, int gamma1Bits, int gamma2, int omega)
    {
        Name = name;
        Oid = oid;
        K = k;
        L = l;
        Eta = eta;
        Tau = tau;
        Lambda = lambda;
        Gamma1Bits = gamma1Bits;
        Gamma2 = gamma2;
        Omega = omega;
    }

    internal string Name { get; }

    /// <summary>id-ml-dsa-44/65/87 (NIST CSOR; RFC 9881).</summary>
    internal string Oid { get; }

    internal int K { get; }

    internal int L { get; }

    internal int Eta { get; }

    internal int Tau { get; }

    /// <summary>The collision strength λ; c̃ is λ/4 bytes.</summary>
    internal int Lambda { get; }

    internal int Gamma1Bits { get; }

    internal int Gamma1 => 1 << Gamma1Bits;

    internal int Gamma2 { get; }

    internal int Omega { get; }

    /// <summary>β = τ·η.</summary>
    internal int Beta => Tau * Eta;

    internal int CTildeSize => Lambda / 4;

    /// <summary>Bits a coefficient of s1, s2 in sk: bitlen(2η) = 3 for η = 2, 4 for η = 4.</summary>
    internal int EtaBits => Eta == 2 ? 3 : 4;

    internal int EtaPolyBytes => 32 * EtaBits;

    /// <summary>Bits a coefficient of z: 1 + bitlen(γ1 − 1) = 18 or 20.</summary>
    internal int ZBits => Gamma1Bits + 1;

    internal int ZPolyBytes => 32 * ZBits;

    /// <summary>Bits a coefficient of w1: bitlen((q − 1)/(2γ2) − 1) = 6 or 4.</summary>
    internal int W1Bits => Gamma2 == MlDsaRoundingScalar.Gamma2Small ? 6 : 4;

    internal int W1PolyBytes => 32 * W1Bits;

    internal int PublicKeySize => 32 + (K * T1PolyBytes);

    internal int PrivateKeySize => 32 + 32 + 64 + ((K + L) * EtaPolyBytes) + (K * T0PolyBytes);

    internal int SignatureSize => CTildeSize + (L * ZPolyBytes) + Omega + K;
}
