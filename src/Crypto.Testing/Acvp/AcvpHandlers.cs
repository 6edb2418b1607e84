// The registry of ACVP handlers, by the vector set's algorithm (FIPS 203 ML-KEM, FIPS 204 ML-DSA, FIPS 205 SLH-DSA).

namespace FintechCrypto.Testing;

internal static class AcvpHandlers
{
    /// <summary>The handler for a vector set, or null when its algorithm is unknown.</summary>
    internal static IAcvpHandler? Find(string algorithm) => algorithm switch
    {
        "ML-KEM" => new MlKemAcvpHandler(),
        "ML-DSA" => new MlDsaAcvpHandler(),
        "SLH-DSA" => new SlhDsaAcvpHandler(),
        _ => null,
    };
}
