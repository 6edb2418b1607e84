// What ML-DSA (FIPS 204) and SLH-DSA (FIPS 205) share as parameter sets: pure signing with a context string of up to
// 255 bytes (FIPS 204 §5.2, FIPS 205 §10.2), a pre-hash variant (HashML-DSA §5.4, HashSLH-DSA §10.2.2), keys generated
// from a seed, and SPKI / PKCS#8 under the parameter set's OID without parameters (RFC 9881, RFC 9909).

using System;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto;

/// <summary>A FIPS 204 or FIPS 205 parameter set: the signature family's members both standards define the same way.</summary>
internal abstract class PostQuantumSignatureAlgorithm : SignatureAlgorithm, IKeyAlgorithm<SigningKeyCore, VerificationKeyCore>
{
    /// <param name="name">The parameter set's name.</param>
    /// <param name="oid">The parameter set's OID (id-ml-dsa-*, id-slh-dsa-*).</param>
    /// <param name="signatureSize">The signature size.</param>
    /// <param name="seedSize">The size of the seed key generation starts from.</param>
    /// <param name="privateKeyForm">What PKCS#8 holds: the seed / expandedKey CHOICE (ML-DSA) or the raw SK (SLH-DSA).</param>
    private protected PostQuantumSignatureAlgorithm(string name, string oid, int signatureSize, int seedSize, PrivateKeyForm privateKeyForm)
        : base(name)
    {
        SignatureSize = signatureSize;
        SeedSize = seedSize;
        Encoding = new KeyEncoding(oid, null, privateKeyForm);
    }

    public sealed override int SignatureSize { get; }

    public sealed override bool SupportsContext => true;

    public sealed override bool SupportsPreHash => true;

    public sealed override bool SupportsSeed => true;

    public sealed override int SeedSize { get; }

    public KeyEncoding Encoding { get; }

    internal sealed override IKeyAlgorithm<SigningKeyCore, VerificationKeyCore> Keys => this;

    public abstract SigningKeyCore ImportPrivateCore(DecodedPrivateKey key);

    public abstract VerificationKeyCore ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format);
}
