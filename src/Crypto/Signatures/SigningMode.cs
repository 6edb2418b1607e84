namespace FintechCrypto;

/// <summary>How a signature's randomness is chosen.</summary>
public enum SigningMode
{
    /// <summary>
    /// The algorithm's recommended mode: fresh randomness where the standard uses it (ECDSA's k, RSA-PSS's salt,
    /// ML-DSA's hedged rnd), deterministic where it has no randomness (Ed25519).
    /// </summary>
    Default = 0,

    /// <summary>
    /// Deterministic signing: RFC 6979 nonces for ECDSA, FIPS 204's deterministic variant for ML-DSA. Ed25519 is
    /// always deterministic. Refused by algorithms that have no deterministic variant (RSA-PSS with a salt).
    /// </summary>
    Deterministic = 1,
}
