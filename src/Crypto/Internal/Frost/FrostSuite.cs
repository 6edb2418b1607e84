// FrostSuite: what a FROST ciphersuite adds to its prime-order group: the context string and the hash
// functions H1-H5 of RFC 9591 §6, plus the two the Zcash Foundation's frost-core adds for key generation
// (HDKG, tag "dkg", the proof-of-knowledge challenge; HID, tag "id", identifiers derived from names).
//
// References: RFC 9591 §4 (helper functions), §6.1-§6.5 (the five suites); frost-core traits.rs (HDKG, HID).
//
// Each suite supplies two primitives, HashToScalar(tag, m) and Digest(tag, m), both domain-separated by the
// context string; H2 is virtual because the Ed25519 and Ed448 suites define it without the context string,
// for compatibility with RFC 8032 verifiers.

using System;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost;

/// <summary>A FROST ciphersuite: a prime-order group, a context string and hash functions (RFC 9591 §6).</summary>
internal abstract class FrostSuite
{
    private protected FrostSuite(string contextString, PrimeOrderGroup group)
    {
        ContextString = contextString;
        Group = group;
    }

    /// <summary>The RFC 9591 context string, such as "FROST-ED25519-SHA512-v1"; also the suite's name.</summary>
    internal string ContextString { get; }

    /// <summary>The suite's prime-order group.</summary>
    internal PrimeOrderGroup Group { get; }

    /// <summary>The scalar field of <see cref="Group"/>.</summary>
    internal ScalarField Scalars => Group.Scalars;

    /// <summary>
    /// Hashes contextString || tag || m to a scalar, as the suite's H1, H3 (and H2 where it is domain
    /// separated), HDKG and HID do (RFC 9591 §6.x).
    /// </summary>
    protected abstract Scalar HashToScalar(string tag, ReadOnlySpan<byte> m);

    /// <summary>Hashes contextString || tag || m to the suite's digest, as H4 and H5 do (RFC 9591 §6.x).</summary>
    protected abstract byte[] Digest(string tag, ReadOnlySpan<byte> m);

    /// <summary>H1: the binding factor hash, tag "rho".</summary>
    internal Scalar H1(ReadOnlySpan<byte> m) => HashToScalar("rho", m);

    /// <summary>H2: the challenge hash, tag "chal" (no context string in the Ed25519 and Ed448 suites).</summary>
    internal virtual Scalar H2(ReadOnlySpan<byte> m) => HashToScalar("chal", m);

    /// <summary>H3: the nonce hash, tag "nonce".</summary>
    internal Scalar H3(ReadOnlySpan<byte> m) => HashToScalar("nonce", m);

    /// <summary>H4: the message hash, tag "msg".</summary>
    internal byte[] H4(ReadOnlySpan<byte> m) => Digest("msg", m);

    /// <summary>H5: the commitment-list hash, tag "com".</summary>
    internal byte[] H5(ReadOnlySpan<byte> m) => Digest("com", m);

    /// <summary>HDKG: the DKG proof-of-knowledge challenge hash, tag "dkg" (frost-core).</summary>
    internal Scalar HDkg(ReadOnlySpan<byte> m) => HashToScalar("dkg", m);

    /// <summary>HID: the identifier derivation hash, tag "id" (frost-core).</summary>
    internal Scalar HId(ReadOnlySpan<byte> m) => HashToScalar("id", m);

    /// <summary>The ASCII bytes of contextString || tag.</summary>
    protected byte[] Prefix(string tag) => System.Text.Encoding.ASCII.GetBytes(ContextString + tag);

    /// <inheritdoc />
    public override string ToString() => ContextString;
}
