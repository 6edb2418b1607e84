// QkdKeyKinds: the two kinds of peer key of a QKD session (QkdKeyKind), and which public type is of which.

using System;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd;

/// <summary>The responder's KEM key and the initiator's ML-DSA key, as <see cref="QkdKeyKind{TAlgorithm}"/> data.</summary>
internal static class QkdKeyKinds
{
    /// <summary>The responder's KEM encapsulation key (FIPS 203 ek; X-Wing's public key): <see cref="QkdResponderKey"/>, <see cref="KemKeyCertificate"/>.</summary>
    internal static readonly QkdKeyKind<KemAlgorithm> Kem = new(
        QkdSuiteIds.Kems, "QKDC", "KEM key certificate", "responder's KEM key", QkdSessionError.UntrustedKemKey, "encapsulation",
        kem => kem.EncapsulationKeySize,
        (kem, key) => EncapsulationKey.Import(kem, key, KeyBlobFormat.RawPublicKey).Dispose(),
        (kem, key, authentication, saeId) => new QkdResponderKey(kem, key, authentication, saeId),
        decoded => new KemKeyCertificate(decoded));

    /// <summary>
    /// The initiator's ML-DSA verification key (FIPS 204 pk; Table 2 gives the public key sizes of ML-DSA-44, -65 and -87):
    /// <see cref="QkdInitiatorKey"/>, <see cref="InitiatorKeyCertificate"/>.
    /// </summary>
    internal static readonly QkdKeyKind<SignatureAlgorithm> MlDsa = new(
        QkdSuiteIds.MlDsa, "QKDI", "initiator key certificate", "initiator's key", QkdSessionError.UntrustedInitiatorKey, "verification",
        dsa => dsa == SignatureAlgorithm.MlDsa44 ? 1312 : dsa == SignatureAlgorithm.MlDsa65 ? 1952 : 2592,
        (dsa, key) => VerificationKey.Import(dsa, key, KeyBlobFormat.RawPublicKey).Dispose(),
        (dsa, key, authentication, saeId) => new QkdInitiatorKey(dsa, key, authentication, saeId),
        decoded => new InitiatorKeyCertificate(decoded));

    /// <summary>The kind of the public key or certificate type <paramref name="type"/>.</summary>
    internal static QkdKeyKind<TAlgorithm> Of<TAlgorithm>(Type type)
        where TAlgorithm : Algorithm =>
        (QkdKeyKind<TAlgorithm>)(object)(type == typeof(QkdResponderKey) || type == typeof(KemKeyCertificate) ? Kem
            : type == typeof(QkdInitiatorKey) || type == typeof(InitiatorKeyCertificate) ? MlDsa
            : throw Error.Crypto_InternalError($"no QKD key kind for {type.Name}"));
}
