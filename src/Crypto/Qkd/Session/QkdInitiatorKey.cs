// QkdInitiatorKey: the initiator's ML-DSA verification key, authenticated by the responder, the mirror of
// QkdResponderKey (QkdAuthenticatedKey). With it a responder checks the initiator's signature over the first handshake
// (issue 11 defect 1), which the KEM alone does not authenticate.

using System;

namespace FintechCrypto.Qkd;

/// <summary>
/// The initiator SAE's ML-DSA verification key (FIPS 204 pk), as the responder authenticated it: pinned, by a pinned
/// fingerprint, or from an <see cref="InitiatorKeyCertificate"/>. Set it as
/// <see cref="QkdSessionOptions.TrustedInitiatorKey"/> of a responder: the first handshake must then carry a valid
/// signature by it; the initiator signs with <see cref="QkdSessionOptions.InitiatorSigningKey"/>.
/// </summary>
public sealed class QkdInitiatorKey : QkdAuthenticatedKey<QkdInitiatorKey, SignatureAlgorithm>
{
    internal QkdInitiatorKey(SignatureAlgorithm algorithm, byte[] publicKey, QkdKeyAuthentication authentication, string? saeId)
        : base(algorithm, publicKey, authentication, saeId)
    {
    }

    /// <summary>Whether <paramref name="signature"/> is this key's over <paramref name="data"/> with the session's context.</summary>
    internal bool Verify(ReadOnlySpan<byte> data, SignatureAlgorithm? signatureAlgorithm, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context)
    {
        if (signatureAlgorithm != Algorithm)
        {
            return false;
        }

        using VerificationKey key = VerificationKey.Import(Algorithm, PublicKeySpan, KeyBlobFormat.RawPublicKey);
        return key.Verify(data, signature, context);
    }
}
