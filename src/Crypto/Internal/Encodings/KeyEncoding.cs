// How one algorithm's keys sit in SubjectPublicKeyInfo (RFC 5280 §4.1.1.2) and PKCS#8 (RFC 5208 §5, RFC 5958 §2): the
// AlgorithmIdentifier, and what the privateKey OCTET STRING holds. The subjectPublicKey BIT STRING always holds the
// raw public key. KeyFormats reads these descriptions; the algorithms only ever see raw and seed forms.

using System;

namespace FintechCrypto.Internal.Encodings;

/// <summary>What the PKCS#8 privateKey OCTET STRING of an algorithm holds.</summary>
internal enum PrivateKeyForm
{
    /// <summary>The raw private key itself: RSAPrivateKey (RFC 8017 Appendix A.1.2), SLH-DSA's SK (RFC 9909 §6).</summary>
    Raw,

    /// <summary>An OCTET STRING holding the raw private key: RFC 8410 §7 CurvePrivateKey (Ed25519, X25519, X-Wing).</summary>
    OctetString,

    /// <summary>The CHOICE seed [0] / expandedKey / both of draft-ietf-lamps-kyber-certificates and RFC 9881 (ML-KEM, ML-DSA).</summary>
    SeedOrExpandedKey,

    /// <summary>An RFC 5915 ECPrivateKey: the private scalar, and the public point beside it (P-256).</summary>
    EcPrivateKey,
}

/// <summary>An algorithm's AlgorithmIdentifier and PKCS#8 private-key form.</summary>
internal sealed class KeyEncoding
{
    private readonly Func<DecodedKeyInfo, bool>? _accepts;

    /// <param name="oid">The algorithm OID written on export.</param>
    /// <param name="parameters">The DER of the parameters written on export, or null when absent.</param>
    /// <param name="privateKeyForm">What the PKCS#8 privateKey holds.</param>
    /// <param name="description">The identifiers accepted on import, for messages.</param>
    /// <param name="accepts">The identifiers accepted on import, when more than the one written (RSA); by default exactly it.</param>
    internal KeyEncoding(string oid, byte[]? parameters, PrivateKeyForm privateKeyForm, string? description = null, Func<DecodedKeyInfo, bool>? accepts = null)
    {
        Oid = oid;
        Parameters = parameters;
        PrivateKeyForm = privateKeyForm;
        Description = description ?? $"{oid} without parameters";
        _accepts = accepts;
    }

    internal string Oid { get; }

    internal byte[]? Parameters { get; }

    internal PrivateKeyForm PrivateKeyForm { get; }

    internal string Description { get; }

    /// <summary>
    /// The RFC 8410 encoding of the curve25519/curve448 algorithms (and of X-Wing, which follows it): no parameters (§3),
    /// the raw public key in SPKI (§4), a CurvePrivateKey OCTET STRING in PKCS#8 (§7).
    /// </summary>
    internal static KeyEncoding Rfc8410(string oid) => new(oid, null, PrivateKeyForm.OctetString, $"{oid} without parameters (RFC 8410 §3)");

    /// <summary>Refuses an AlgorithmIdentifier this algorithm does not use.</summary>
    /// <exception cref="InvalidKeyEncodingException">Another algorithm, or other parameters.</exception>
    internal void CheckAlgorithmIdentifier(DecodedKeyInfo info, string algorithm, KeyBlobFormat format)
    {
        bool accepted = _accepts is not null
            ? _accepts(info)
            : info.AlgorithmOid == Oid && (info.Parameters is null ? Parameters is null : Parameters is not null && info.Parameters.AsSpan().SequenceEqual(Parameters));
        if (!accepted)
        {
            throw Error.Format_InvalidKey(algorithm, format, $"the algorithm must be {Description}");
        }
    }
}
