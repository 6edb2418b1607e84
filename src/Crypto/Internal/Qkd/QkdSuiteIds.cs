// QkdSuiteIds: the numeric identifiers of the algorithms in the QKD session's wire formats: the KEM and the hybrid KDF
// of a handshake (the "suite"), and the ML-DSA parameter set of an initiator signature and of the two key certificates.

using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd;

/// <summary>
/// The algorithm identifiers of the handshake and certificate encodings. KEMs use their IANA HPKE KEM identifiers
/// (ML-KEM-512/768/1024: 0x0040/0x0041/0x0042 per draft-ietf-hpke-pq; X-Wing: 0x647A per draft-connolly-cfrg-xwing-kem);
/// the hybrid KDFs (ETSI TS 103 744 CatKDF variants) use this format's own numbers 0x0001-0x0006; ML-DSA-44/65/87
/// (FIPS 204) are 1/2/3.
/// </summary>
internal static class QkdSuiteIds
{
    /// <summary>The KEMs a session supports, by HPKE KEM identifier.</summary>
    internal static readonly QkdIdTable<KemAlgorithm> Kems = new(
        "QKD session KEM",
        (0x0040, KemAlgorithm.MlKem512),
        (0x0041, KemAlgorithm.MlKem768),
        (0x0042, KemAlgorithm.MlKem1024),
        (0x647A, KemAlgorithm.XWing));

    /// <summary>The hybrid KDFs, by this format's identifier.</summary>
    internal static readonly QkdIdTable<HybridKdf> Kdfs = new(
        "hybrid KDF",
        (0x0001, HybridKdf.Hkdf(KdfAlgorithm.HkdfSha256)),
        (0x0002, HybridKdf.Hkdf(KdfAlgorithm.HkdfSha384)),
        (0x0003, HybridKdf.Hmac(MacAlgorithm.HmacSha256)),
        (0x0004, HybridKdf.Hmac(MacAlgorithm.HmacSha384)),
        (0x0005, HybridKdf.Kmac128),
        (0x0006, HybridKdf.Kmac256));

    /// <summary>The ML-DSA parameter sets of initiator signatures and certificates.</summary>
    internal static readonly QkdIdTable<SignatureAlgorithm> MlDsa = new(
        "ML-DSA",
        (1, SignatureAlgorithm.MlDsa44),
        (2, SignatureAlgorithm.MlDsa65),
        (3, SignatureAlgorithm.MlDsa87));
}
