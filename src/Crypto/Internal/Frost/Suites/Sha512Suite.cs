// Sha512Suite: the two ciphersuites of RFC 9591 on the curve25519 groups, which share SHA-512 and differ in group,
// context string and H2:
//   FROST(Ed25519, SHA-512) (§6.1): contextString "FROST-ED25519-SHA512-v1", group edwards25519; H2 = SHA-512(m) mod L
//     without the context string, so that the group signature is an RFC 8032 Ed25519 signature;
//   FROST(ristretto255, SHA-512) (§6.2): contextString "FROST-RISTRETTO255-SHA512-v1", group ristretto255 (RFC 9496);
//     H2 domain-separated like H1 and H3.
//
// References: RFC 9591 §6.1, §6.2: H1, H3 (and frost-core's HDKG, HID) = SHA-512(contextString || tag || m) as a
// little-endian integer mod L; H4, H5 = SHA-512(contextString || tag || m). Parameters: Ne = 32, Ns = 32, digest 64
// bytes.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Curve25519;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Suites;

/// <summary>FROST(Ed25519, SHA-512) and FROST(ristretto255, SHA-512) (RFC 9591 §6.1, §6.2).</summary>
internal sealed class Sha512Suite : FrostSuite
{
    private readonly bool _rfc8032Challenge;

    private Sha512Suite(string contextString, PrimeOrderGroup group, bool rfc8032Challenge)
        : base(contextString, group)
    {
        _rfc8032Challenge = rfc8032Challenge;
    }

    /// <summary>FROST(Ed25519, SHA-512) (RFC 9591 §6.1).</summary>
    internal static Sha512Suite Ed25519 { get; } = new("FROST-ED25519-SHA512-v1", Edwards25519Group.Instance, rfc8032Challenge: true);

    /// <summary>FROST(ristretto255, SHA-512) (RFC 9591 §6.2).</summary>
    internal static Sha512Suite Ristretto255 { get; } = new("FROST-RISTRETTO255-SHA512-v1", Ristretto255Group.Instance, rfc8032Challenge: false);

    /// <summary>H2: for Ed25519, SHA-512(m) mod L, as RFC 8032 §5.1.7 computes k (RFC 9591 §6.1); for ristretto255,
    /// SHA-512(contextString || "chal" || m) mod L (§6.2).</summary>
    internal override Scalar H2(ReadOnlySpan<byte> m) => _rfc8032Challenge ? Sha512ToScalar([], m) : base.H2(m);

    /// <summary>SHA-512(contextString || tag || m) mod L.</summary>
    protected override Scalar HashToScalar(string tag, ReadOnlySpan<byte> m) => Sha512ToScalar(Prefix(tag), m);

    /// <summary>SHA-512(contextString || tag || m).</summary>
    protected override byte[] Digest(string tag, ReadOnlySpan<byte> m) => Sha512(Prefix(tag), m);

    /// <summary>SHA-512(prefix || m).</summary>
    private static byte[] Sha512(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> m)
    {
        byte[] digest = new byte[64];
        Ed25519Core.Sha512(prefix, m, default, digest);
        return digest;
    }

    /// <summary>SHA-512(prefix || m) as a little-endian integer mod L.</summary>
    private Scalar Sha512ToScalar(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> m)
    {
        byte[] digest = Sha512(prefix, m);
        try
        {
            return Scalars.ReduceWide(digest);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(digest); // H3 digests derive secret nonces
        }
    }
}
