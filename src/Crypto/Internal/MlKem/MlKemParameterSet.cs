// ML-KEM parameter sets, FIPS 203 §8 Table 2 (k, η1, η2, du, dv) and Table 3 (sizes).

namespace FintechCrypto.Internal.MlKem;

/// <summary>One row of FIPS 203 Tables 2 and 3.</summary>
internal sealed class MlKemParameterSet
{
    internal static readonly MlKemParameterSet MlKem512 = new("ML-KEM-512", "2.16.840.1.101.3.4.4.1", k: 2, eta1: 3, eta2: 2, du: 10, dv: 4);
    internal static readonly MlKemParameterSet MlKem768 = new("ML-KEM-768", "2.16.840.1.101.3.4.4.2", k: 3, eta1: 2, eta2: 2, du: 10, dv: 4);
    internal static readonly MlKemParameterSet MlKem1024 = new("ML-KEM-1024", "2.16.840.1.101.3.4.4.3", k: 4, eta1: 2, eta2: 2, du: 11, dv: 5);

    /// <summary>n, the polynomial degree.</summary>
    internal const int N = 256;

    /// <summary>The size of one ByteEncode_12 polynomial.</summary>
    internal const int PolyBytes = 384;

    /// <summary>The size of the seed d ‖ z of ML-KEM.KeyGen_internal.</summary>
    internal const int SeedSize = 64;

    /// <summary>The size of the shared secret K.</summary>
    internal const int SharedSecretSize = 32;

    private MlKemParameterSet(string name, string oid, int k, int eta1, int eta2, int du, int dv)
    {
        Name = name;
        Oid = oid;
        K = k;
        Eta1 = eta1;
        Eta2 = eta2;
        Du = du;
        Dv = dv;
    }

    internal string Name { get; }

    /// <summary>id-alg-ml-kem-512/768/1024 (NIST CSOR, draft-ietf-lamps-kyber-certificates).</summary>
    internal string Oid { get; }

    internal int K { get; }

    internal int Eta1 { get; }

    internal int Eta2 { get; }

    internal int Du { get; }

    internal int Dv { get; }

    /// <summary>384k + 32 bytes.</summary>
    internal int EncapsulationKeySize => (PolyBytes * K) + 32;

    /// <summary>768k + 96 bytes.</summary>
    internal int DecapsulationKeySize => (2 * PolyBytes * K) + 96;

    /// <summary>32(du·k + dv) bytes.</summary>
    internal int CiphertextSize => 32 * ((Du * K) + Dv);

    /// <summary>The size of c1 = ByteEncode_du(Compress_du(u)), 32·du·k bytes.</summary>
    internal int U_Size => 32 * Du * K;
}
