// QkdKeyKind: what differs between the two kinds of peer key a QKD session authenticates, the responder's KEM
// encapsulation key (FIPS 203, QkdResponderKey / KemKeyCertificate) and the initiator's ML-DSA verification key
// (FIPS 204, QkdInitiatorKey / InitiatorKeyCertificate), as data. Everything else (pinning, fingerprints, the
// certificate layout and its trust checks) is written once, in QkdAuthenticatedKey, QkdKeyCertificate and
// QkdKeyCertificateCodec.

using System;
using System.Text;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd;

/// <summary>One kind of authenticated peer key: its algorithms and their wire numbers, its certificate's magic and context, its errors, its public types.</summary>
/// <typeparam name="TAlgorithm">The key's parameter-set type.</typeparam>
/// <param name="algorithms">The algorithms such keys may have and their numbers in the certificate's key-type field.</param>
/// <param name="magic">The certificate's magic (4 ASCII letters).</param>
/// <param name="certificateName">The certificate's name in errors; its default context is "FintechCrypto QKD " + this + " v1".</param>
/// <param name="owner">Whose key it is, in errors ("responder's KEM key").</param>
/// <param name="untrustedError">The error of a key that could not be authenticated.</param>
/// <param name="keyRole">The key's role in its standard ("encapsulation", "verification").</param>
/// <param name="publicKeySize">The length of a raw public key of an algorithm.</param>
/// <param name="checkPublicKey">Imports a raw key to check it (FIPS 203 §7.2 / FIPS 204 input checks); throws <see cref="InvalidKeyEncodingException"/>.</param>
/// <param name="newKey">Makes the public key type (the key already checked).</param>
/// <param name="newCertificate">Makes the public certificate type.</param>
internal sealed class QkdKeyKind<TAlgorithm>(
    QkdIdTable<TAlgorithm> algorithms,
    string magic,
    string certificateName,
    string owner,
    QkdSessionError untrustedError,
    string keyRole,
    Func<TAlgorithm, int> publicKeySize,
    Action<TAlgorithm, ReadOnlySpan<byte>> checkPublicKey,
    Func<TAlgorithm, byte[], QkdKeyAuthentication, string?, object> newKey,
    Func<QkdKeyCertificateCodec.Decoded<TAlgorithm>, object> newCertificate)
    where TAlgorithm : Algorithm
{
    private readonly byte[] _magic = Encoding.ASCII.GetBytes(magic);
    private readonly byte[] _defaultContext = Encoding.ASCII.GetBytes($"FintechCrypto QKD {certificateName} v1");

    internal QkdIdTable<TAlgorithm> Algorithms => algorithms;

    internal ReadOnlySpan<byte> Magic => _magic;

    /// <summary>The FIPS 204 context string a certificate is signed with when none is given.</summary>
    internal ReadOnlySpan<byte> DefaultContext => _defaultContext;

    internal string CertificateName => certificateName;

    internal string Owner => owner;

    internal string KeyRole => keyRole;

    internal int PublicKeySize(TAlgorithm algorithm) => publicKeySize(algorithm);

    /// <summary>Refuses an algorithm the session does not support for this kind of key.</summary>
    /// <exception cref="ArgumentException">The algorithm is not one of <see cref="Algorithms"/>.</exception>
    internal void CheckAlgorithm(TAlgorithm algorithm, string paramName)
    {
        if (Algorithms.Find(algorithm) is null)
        {
            throw Error.Argument_KeyAlgorithmMismatch(paramName, algorithm.Name, Algorithms.Names);
        }
    }

    /// <summary>The exception for a key whose authentication failed.</summary>
    internal QkdSessionException Untrusted(string message) => new(untrustedError, message);

    /// <summary>Imports a raw key to check it (FIPS 203 §7.2 / FIPS 204 input checks).</summary>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed.</exception>
    internal void CheckPublicKey(TAlgorithm algorithm, ReadOnlySpan<byte> publicKey) => checkPublicKey(algorithm, publicKey);

    /// <summary>A new authenticated key of this kind, its bytes checked first.</summary>
    /// <exception cref="InvalidKeyEncodingException">The key is malformed.</exception>
    internal T NewKey<T>(TAlgorithm algorithm, ReadOnlySpan<byte> publicKey, QkdKeyAuthentication authentication, string? saeId)
    {
        CheckPublicKey(algorithm, publicKey);
        return (T)newKey(algorithm, publicKey.ToArray(), authentication, saeId);
    }

    /// <summary>A new certificate of this kind.</summary>
    internal T NewCertificate<T>(QkdKeyCertificateCodec.Decoded<TAlgorithm> decoded) => (T)newCertificate(decoded);
}
