namespace FintechCrypto;

/// <summary>
/// The encodings in which keys are imported and exported. Negative values hold secret material,
/// positive values public material only (NSec's convention).
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Algorithm</term><description>Raw encodings</description></listheader>
/// <item><term>Ed25519, X25519</term><description>the 32-byte RFC 8032 private key / RFC 7748 scalar, and the 32-byte public key.</description></item>
/// <item><term>ECDSA P-256, ECDH P-256</term><description>the 32-byte big-endian private scalar d, and the SEC 1 point (65-byte uncompressed on export; compressed points are also accepted on import).</description></item>
/// <item><term>RSA-PSS</term><description>the PKCS#1 RSAPrivateKey and RSAPublicKey DER structures (RFC 8017 Appendix A.1).</description></item>
/// <item><term>ML-KEM</term><description>the FIPS 203 expanded decapsulation key dk (768k + 96 bytes) and the encapsulation key ek (384k + 32 bytes); <see cref="PrivateKeySeed"/> is d ‖ z.</description></item>
/// <item><term>ML-DSA, SLH-DSA</term><description>the FIPS 204 / FIPS 205 sk and pk encodings.</description></item>
/// <item><term>X-Wing</term><description>the 32-byte private key (also its seed) and the 1216-byte public key.</description></item>
/// <item><term>AEAD keys</term><description>the key bytes (their only format).</description></item>
/// </list>
/// PKCS#8 is RFC 5208/5958 PrivateKeyInfo, SubjectPublicKeyInfo is RFC 5280 §4.1, both DER, with the OIDs of
/// RFC 8410 (Ed25519, X25519), RFC 5480 (id-ecPublicKey, secp256r1) and RFC 8017 (rsaEncryption; id-RSASSA-PSS
/// is also accepted on import). The PEM forms are RFC 7468 text (labels PRIVATE KEY and PUBLIC KEY) as ASCII bytes.
/// </remarks>
public enum KeyBlobFormat
{
    /// <summary>No format; never valid.</summary>
    None = 0,

    /// <summary>The algorithm's raw private-key encoding (secret).</summary>
    RawPrivateKey = -1,

    /// <summary>PKCS#8 PrivateKeyInfo, DER (secret).</summary>
    Pkcs8PrivateKey = -2,

    /// <summary>PKCS#8 PrivateKeyInfo as RFC 7468 PEM text, label PRIVATE KEY (secret).</summary>
    PemPkcs8PrivateKey = -3,

    /// <summary>
    /// The seed a private key is generated from (secret): Ed25519's 32-byte private key (RFC 8032 §5.1.5), ML-DSA's
    /// 32-byte ξ (FIPS 204 §6.1), SLH-DSA's SK.seed ‖ SK.prf ‖ PK.seed (FIPS 205 §9.1), ML-KEM's 64-byte d ‖ z
    /// (FIPS 203 §7.1), X-Wing's 32-byte private key. Supported where the algorithm's <c>SupportsSeed</c> is true
    /// (<see cref="SignatureAlgorithm.SupportsSeed"/>, <see cref="KemAlgorithm.SupportsSeed"/>); a key imported in an
    /// expanded form has no seed to export.
    /// </summary>
    PrivateKeySeed = -4,

    /// <summary>The algorithm's raw public-key encoding.</summary>
    RawPublicKey = 1,

    /// <summary>SubjectPublicKeyInfo, DER.</summary>
    SubjectPublicKeyInfo = 2,

    /// <summary>SubjectPublicKeyInfo as RFC 7468 PEM text, label PUBLIC KEY.</summary>
    PemSubjectPublicKeyInfo = 3,
}
