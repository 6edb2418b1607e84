// Ristretto255Sha512Suite: the ciphersuite FROST(ristretto255, SHA-512) of RFC 9591 §6.2.
//
// References: RFC 9591 §6.2: contextString "FROST-RISTRETTO255-SHA512-v1"; H1, H2, H3 (and frost-core's HDKG,
// HID) = SHA-512(contextString || tag || m) as a little-endian integer mod L; H4, H5 = SHA-512(contextString ||
// tag || m). Parameters: Ne = 32, Ns = 32, digest 64 bytes.

using System;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Suites;

/// <summary>FROST(ristretto255, SHA-512) (RFC 9591 §6.2).</summary>
internal sealed class Ristretto255Sha512Suite : FrostSuite
{
    private Ristretto255Sha512Suite()
    {
    }

    /// <summary>The one instance.</summary>
    internal static Ristretto255Sha512Suite Instance { get; } = new();

    /// <inheritdoc />
    internal override string ContextString => "FROST-RISTRETTO255-SHA512-v1";

    /// <inheritdoc />
    internal override PrimeOrderGroup Group => Ristretto255Group.Instance;

    /// <summary>SHA-512(contextString || tag || m) mod L.</summary>
    protected override Scalar HashToScalar(string tag, ReadOnlySpan<byte> m) => Ed25519Sha512Suite.Sha512ToScalar(Scalars, Prefix(tag), m);

    /// <summary>SHA-512(contextString || tag || m).</summary>
    protected override byte[] Digest(string tag, ReadOnlySpan<byte> m) => Ed25519Sha512Suite.Sha512(Prefix(tag), m);
}
