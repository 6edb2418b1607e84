namespace FintechCrypto.Internal.Encodings;

/// <summary>Object identifiers of the algorithms FintechCrypto encodes, with their defining standards.</summary>
internal static class Oids
{
    /// <summary>id-Ed25519 (RFC 8410 §3).</summary>
    internal const string Ed25519 = "1.3.101.112";

    /// <summary>id-X25519 (RFC 8410 §3).</summary>
    internal const string X25519 = "1.3.101.110";

    /// <summary>id-ecPublicKey (RFC 5480 §2.1.1).</summary>
    internal const string EcPublicKey = "1.2.840.10045.2.1";

    /// <summary>secp256r1 / prime256v1 (RFC 5480 §2.1.1.1).</summary>
    internal const string Secp256r1 = "1.2.840.10045.3.1.7";

    /// <summary>rsaEncryption (RFC 8017 Appendix C).</summary>
    internal const string RsaEncryption = "1.2.840.113549.1.1.1";

    /// <summary>id-RSASSA-PSS (RFC 8017 Appendix C, RFC 4055 §3.1).</summary>
    internal const string RsaSsaPss = "1.2.840.113549.1.1.10";
}
