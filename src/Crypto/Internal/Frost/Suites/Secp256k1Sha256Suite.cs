// Secp256k1Sha256Suite: the ciphersuite FROST(secp256k1, SHA-256) of RFC 9591 §6.5.
//
// References: RFC 9591 §6.5: contextString "FROST-secp256k1-SHA256-v1"; H1, H2, H3 (and frost-core's HDKG, HID)
// = hash_to_field(m, 1) of RFC 9380 §5.2 with expand_message_xmd(SHA-256), DST = contextString || tag, L = 48;
// H4, H5 = SHA-256(contextString || tag || m).
// Parameters: Ne = 33, Ns = 32, digest 32 bytes.

using System;
using System.Security.Cryptography;
using FintechCrypto.Groups;

namespace FintechCrypto.Internal.Frost.Suites;

/// <summary>FROST(secp256k1, SHA-256) (RFC 9591 §6.5).</summary>
internal sealed class Secp256k1Sha256Suite : FrostSuite
{
    private const int HashToFieldLength = 48; // L = ceil((256 + 128) / 8)

    private Secp256k1Sha256Suite()
    {
    }

    /// <summary>The one instance.</summary>
    internal static Secp256k1Sha256Suite Instance { get; } = new();

    /// <inheritdoc />
    internal override string ContextString => "FROST-secp256k1-SHA256-v1";

    /// <inheritdoc />
    internal override PrimeOrderGroup Group => Secp256k1Group.Instance;

    /// <summary>hash_to_field(m, 1) with DST = contextString || tag (RFC 9591 §6.5 H1, H2, H3).</summary>
    protected override Scalar HashToScalar(string tag, ReadOnlySpan<byte> m) =>
        HashToField.ExpandMessageXmdSha256(Scalars, m, Prefix(tag), HashToFieldLength);

    /// <summary>SHA-256(contextString || tag || m) (RFC 9591 §6.5 H4, H5).</summary>
    protected override byte[] Digest(string tag, ReadOnlySpan<byte> m)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Prefix(tag));
        hash.AppendData(m);
        return hash.GetHashAndReset();
    }
}
