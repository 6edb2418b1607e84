// Ed25519Sha512Suite: the ciphersuite FROST(Ed25519, SHA-512) of RFC 9591 §6.1.
//
// References: RFC 9591 §6.1: contextString "FROST-ED25519-SHA512-v1"; H1, H3 (and frost-core's HDKG, HID)
// = SHA-512(contextString || tag || m) as a little-endian integer mod L; H2 = SHA-512(m) mod L, without the
// context string, so that the group signature is an RFC 8032 Ed25519 signature; H4, H5 = SHA-512(contextString
// || tag || m). Parameters: Ne = 32, Ns = 32, digest 64 bytes.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Curve25519;

namespace FintechCrypto.Internal.Frost.Suites;

/// <summary>FROST(Ed25519, SHA-512) (RFC 9591 §6.1).</summary>
internal sealed class Ed25519Sha512Suite : FrostSuite
{
    private Ed25519Sha512Suite()
    {
    }

    /// <summary>The one instance.</summary>
    internal static Ed25519Sha512Suite Instance { get; } = new();

    /// <inheritdoc />
    internal override string ContextString => "FROST-ED25519-SHA512-v1";

    /// <inheritdoc />
    internal override PrimeOrderGroup Group => Edwards25519Group.Instance;

    /// <summary>H2 = SHA-512(m) mod L, as RFC 8032 §5.1.7 computes k (RFC 9591 §6.1).</summary>
    internal override Scalar H2(ReadOnlySpan<byte> m) => Sha512ToScalar(Scalars, [], m);

    /// <summary>SHA-512(contextString || tag || m) mod L.</summary>
    protected override Scalar HashToScalar(string tag, ReadOnlySpan<byte> m) => Sha512ToScalar(Scalars, Prefix(tag), m);

    /// <summary>SHA-512(contextString || tag || m).</summary>
    protected override byte[] Digest(string tag, ReadOnlySpan<byte> m) => Sha512(Prefix(tag), m);

    /// <summary>SHA-512(prefix || m) as a little-endian integer mod L (shared with ristretto255).</summary>
    internal static Scalar Sha512ToScalar(ScalarField field, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> m)
    {
        byte[] digest = Sha512(prefix, m);
        try
        {
            return field.ReduceWide(digest);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(digest); // H3 digests derive secret nonces
        }
    }

    /// <summary>SHA-512(prefix || m).</summary>
    internal static byte[] Sha512(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> m)
    {
        byte[] digest = new byte[64];
        Ed25519Core.Sha512(prefix, m, default, digest);
        return digest;
    }
}
