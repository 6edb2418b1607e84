// FrostCiphersuite: the public face of a FROST ciphersuite (RFC 9591 §6): its name (the RFC's context string),
// its sizes, and verification of the group's Schnorr signatures.
//
// References: RFC 9591 §6.1-§6.5 (the five ciphersuites and their context strings), Appendix B (signature
// encoding R || z), §6.x "verify" (prime-order Schnorr verification; cofactored for Ed25519 and Ed448).
// Adding a suite is one line: a static property constructed from its internal FrostSuite; the constructor
// registers the name for FromName.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Suites;

namespace FintechCrypto.Threshold;

/// <summary>
/// A FROST ciphersuite (RFC 9591 §6): a prime-order group and hash functions. Its <see cref="Algorithm.Name"/> is
/// the RFC's context string, such as <c>FROST-P256-SHA256-v1</c>.
/// </summary>
/// <remarks>
/// Generate keys with <see cref="FrostTrustedDealer"/>, sign with <see cref="FrostParticipant"/> (two rounds) and
/// <see cref="FrostCoordinator"/>, and verify the group signature with <see cref="Verify"/>: a FROST signature is a
/// plain Schnorr signature of the suite (RFC 9591 Appendix B).
/// </remarks>
public sealed class FrostCiphersuite : Algorithm
{
    // Declared first: the suite properties below register themselves here as they are initialized.
    private static readonly Dictionary<string, FrostCiphersuite> s_byName = new(StringComparer.Ordinal);

    internal FrostCiphersuite(FrostSuite suite)
        : base(suite.ContextString)
    {
        Suite = suite;
        lock (s_byName)
        {
            s_byName.Add(suite.ContextString, this);
        }
    }

    /// <summary>FROST(Ed25519, SHA-512), context string <c>FROST-ED25519-SHA512-v1</c> (RFC 9591 §6.1); its group
    /// signatures are RFC 8032 Ed25519 signatures under the group verifying key.</summary>
    public static FrostCiphersuite Ed25519 { get; } = new(Sha512Suite.Ed25519);

    /// <summary>FROST(ristretto255, SHA-512), context string <c>FROST-RISTRETTO255-SHA512-v1</c> (RFC 9591 §6.2).</summary>
    public static FrostCiphersuite Ristretto255 { get; } = new(Sha512Suite.Ristretto255);

    /// <summary>FROST(Ed448, SHAKE256), context string <c>FROST-ED448-SHAKE256-v1</c> (RFC 9591 §6.3); its group
    /// signatures are RFC 8032 Ed448 signatures (empty context) under the group verifying key.</summary>
    public static FrostCiphersuite Ed448 { get; } = new(Ed448Shake256Suite.Instance);

    /// <summary>FROST(P-256, SHA-256), context string <c>FROST-P256-SHA256-v1</c> (RFC 9591 §6.4).</summary>
    public static FrostCiphersuite P256 { get; } = new(Sha256Suite.P256);

    /// <summary>FROST(secp256k1, SHA-256), context string <c>FROST-secp256k1-SHA256-v1</c> (RFC 9591 §6.5).</summary>
    public static FrostCiphersuite Secp256k1 { get; } = new(Sha256Suite.Secp256k1);

    /// <summary>Ne: the length in bytes of a serialized group element (a commitment, a verifying key).</summary>
    public int ElementLength => Suite.Group.ElementLength;

    /// <summary>Ns: the length in bytes of a serialized scalar (an identifier, a share, a signature share).</summary>
    public int ScalarLength => Suite.Scalars.Length;

    /// <summary>The length in bytes of a group signature, R || z (Ne + Ns; RFC 9591 Appendix B).</summary>
    public int SignatureLength => ElementLength + ScalarLength;

    /// <summary>The suites this version of FintechCrypto knows.</summary>
    public static IReadOnlyList<FrostCiphersuite> All
    {
        get
        {
            lock (s_byName)
            {
                return [.. s_byName.Values];
            }
        }
    }

    internal FrostSuite Suite { get; }

    /// <summary>Finds a ciphersuite by its RFC 9591 context string, such as <c>FROST-P256-SHA256-v1</c> (case-sensitive).</summary>
    /// <param name="name">The context string.</param>
    /// <returns>The ciphersuite.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No ciphersuite has that name.</exception>
    public static FrostCiphersuite FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryFromName(name, out FrostCiphersuite? suite))
        {
            return suite;
        }

        throw Error.Argument_UnknownAlgorithm(nameof(name), "FROST ciphersuite", name);
    }

    /// <summary>Verifies a group signature R || z on a message under the group verifying key (RFC 9591 §6.x).</summary>
    /// <param name="groupVerifyingKey">The group's verifying key: a serialized element (Ne bytes).</param>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The signature, <see cref="SignatureLength"/> bytes.</param>
    /// <returns>True when the signature is valid; false for an invalid signature, a malformed key, or a wrong length.</returns>
    public bool Verify(ReadOnlySpan<byte> groupVerifyingKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (!Suite.Group.TryDeserializeElement(groupVerifyingKey, out Internal.Groups.GroupElement key))
        {
            return false;
        }

        return SchnorrVerification.Verify(Suite, key, message, signature);
    }

    internal static bool TryFromName(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FrostCiphersuite? suite)
    {
        lock (s_byName)
        {
            return s_byName.TryGetValue(name, out suite);
        }
    }
}
