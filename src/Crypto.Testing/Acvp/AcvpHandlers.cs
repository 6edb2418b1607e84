// The registry of ACVP handlers, by the vector set's algorithm (FIPS 203 ML-KEM, FIPS 204 ML-DSA, FIPS 205 SLH-DSA).

namespace FintechCrypto.Testing;

internal static class AcvpHandlers
{
    /// <summary>The handler for a vector set's algorithm and mode, or null when the algorithm is unknown.</summary>
    internal static IAcvpHandler? Find(string algorithm, string? mode) => algorithm switch
    {
        "ML-KEM" => new MlKemAcvpHandler(mode),
        "ML-DSA" => new MlDsaAcvpHandler(mode),
        "SLH-DSA" => new SlhDsaAcvpHandler(mode),
        _ => null,
    };
}
