// QkdKeyKind: what differs between the two kinds of peer key a QKD session authenticates, the responder's KEM
// encapsulation key (FIPS 203, QkdResponderKey / KemKeyCertificate) and the initiator's ML-DSA verification key
// (FIPS 204, QkdInitiatorKey / InitiatorKeyCertificate). Everything else (pinning, fingerprints, the certificate
// layout and its trust checks) is written once, in QkdAuthenticatedKey, QkdKeyCertificate and QkdKeyCertificateCodec.

using System;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd;

/// <summary>One kind of authenticated peer key: its algorithms and their wire numbers, its certificate's magic and context, its errors.</summary>
/// <typeparam name="TAlgorithm">The key's parameter-set type.</typeparam>
internal abstract class QkdKeyKind<TAlgorithm>
    where TAlgorithm : Algorithm
{
    /// <summary>The algorithms such keys may have and their numbers in the certificate's key-type field.</summary>
    internal abstract QkdIdTable<TAlgorithm> Algorithms { get; }

    /// <summary>The certificate's magic (4 ASCII bytes).</summary>
    internal abstract ReadOnlySpan<byte> Magic { get; }

    /// <summary>The FIPS 204 context string a certificate is signed with when none is given.</summary>
    internal abstract ReadOnlySpan<byte> DefaultContext { get; }

    /// <summary>The certificate's name in errors ("KEM key certificate").</summary>
    internal abstract string CertificateName { get; }

    /// <summary>Whose key it is, in errors ("responder's KEM key").</summary>
    internal abstract string Owner { get; }

    /// <summary>The error of a key that could not be authenticated.</summary>
    internal abstract QkdSessionError UntrustedError { get; }

    /// <summary>The key's role in the standard, in errors ("encapsulation", "verification").</summary>
    internal abstract string KeyRole { get; }

    /// <summary>The length of a raw public key of <paramref name="algorithm"/>.</summary>
    internal abstract int PublicKeySize(TAlgorithm algorithm);

    /// <summary>Imports the raw key to check it (FIPS 203 §7.2 / FIPS 204 input checks).</summary>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed.</exception>
    internal abstract void CheckPublicKey(TAlgorithm algorithm, ReadOnlySpan<byte> publicKey);

    /// <summary>Refuses an algorithm the session does not support for this kind of key.</summary>
    /// <exception cref="ArgumentException">The algorithm is not one of <see cref="Algorithms"/>.</exception>
    internal abstract void CheckAlgorithm(TAlgorithm algorithm, string paramName);

    /// <summary>The exception for a key whose authentication failed.</summary>
    internal QkdSessionException Untrusted(string message) => new(UntrustedError, message);
}

/// <summary>The responder's KEM encapsulation key (FIPS 203 ek; X-Wing's public key).</summary>
internal sealed class QkdKemKeyKind : QkdKeyKind<KemAlgorithm>
{
    internal static readonly QkdKemKeyKind Instance = new();

    internal override QkdIdTable<KemAlgorithm> Algorithms => QkdSuiteIds.Kems;

    internal override ReadOnlySpan<byte> Magic => "QKDC"u8;

    internal override ReadOnlySpan<byte> DefaultContext => "FintechCrypto QKD KEM key certificate v1"u8;

    internal override string CertificateName => "KEM key certificate";

    internal override string Owner => "responder's KEM key";

    internal override QkdSessionError UntrustedError => QkdSessionError.UntrustedKemKey;

    internal override string KeyRole => "encapsulation";

    internal override int PublicKeySize(KemAlgorithm algorithm) => algorithm.EncapsulationKeySize;

    internal override void CheckPublicKey(KemAlgorithm algorithm, ReadOnlySpan<byte> publicKey)
    {
        using EncapsulationKey imported = EncapsulationKey.Import(algorithm, publicKey, KeyBlobFormat.RawPublicKey);
    }

    internal override void CheckAlgorithm(KemAlgorithm algorithm, string paramName) => _ = Algorithms.IdOf(algorithm, paramName);
}

/// <summary>The initiator's ML-DSA verification key (FIPS 204 pk).</summary>
internal sealed class QkdMlDsaKeyKind : QkdKeyKind<SignatureAlgorithm>
{
    internal static readonly QkdMlDsaKeyKind Instance = new();

    internal override QkdIdTable<SignatureAlgorithm> Algorithms => QkdSuiteIds.MlDsa;

    internal override ReadOnlySpan<byte> Magic => "QKDI"u8;

    internal override ReadOnlySpan<byte> DefaultContext => "FintechCrypto QKD initiator key certificate v1"u8;

    internal override string CertificateName => "initiator key certificate";

    internal override string Owner => "initiator's key";

    internal override QkdSessionError UntrustedError => QkdSessionError.UntrustedInitiatorKey;

    internal override string KeyRole => "verification";

    /// <summary>FIPS 204 Table 2: the public key sizes of ML-DSA-44, -65 and -87.</summary>
    internal override int PublicKeySize(SignatureAlgorithm algorithm) =>
        algorithm == SignatureAlgorithm.MlDsa44 ? 1312 : algorithm == SignatureAlgorithm.MlDsa65 ? 1952 : 2592;

    internal override void CheckPublicKey(SignatureAlgorithm algorithm, ReadOnlySpan<byte> publicKey)
    {
        using VerificationKey imported = VerificationKey.Import(algorithm, publicKey, KeyBlobFormat.RawPublicKey);
    }

    internal override void CheckAlgorithm(SignatureAlgorithm algorithm, string paramName)
    {
        if (Algorithms.Find(algorithm) is null)
        {
            throw Error.Argument_KeyAlgorithmMismatch(paramName, algorithm.Name, Algorithms.Family);
        }
    }
}
