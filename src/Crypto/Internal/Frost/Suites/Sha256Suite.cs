// Sha256Suite: the two short-Weierstrass ciphersuites of RFC 9591, FROST(P-256, SHA-256) (§6.4, contextString
// "FROST-P256-SHA256-v1") and FROST(secp256k1, SHA-256) (§6.5, "FROST-secp256k1-SHA256-v1"), which share their hash
// functions and differ only in group and context string. Parameters: Ne = 33, Ns = 32, digest 32 bytes.
//
// References: RFC 9591 §6.4 and §6.5: H1, H2, H3 (and frost-core's HDKG, HID) = hash_to_field(m, 1) of RFC 9380
// §5.2 with expand_message_xmd(SHA-256), DST = contextString || tag, L = 48; H4, H5 = SHA-256(contextString ||
// tag || m).

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Suites;

/// <summary>A FROST suite whose scalar hashes are RFC 9380 hash_to_field over SHA-256 (RFC 9591 §6.4, §6.5).</summary>
internal sealed class Sha256Suite : FrostSuite
{
    private const int HashToFieldLength = 48; // L = ceil((256 + 128) / 8), for both 256-bit group orders

    private Sha256Suite(string contextString, PrimeOrderGroup group)
        : base(contextString, group)
    {
    }

    /// <summary>FROST(P-256, SHA-256) (RFC 9591 §6.4).</summary>
    internal static Sha256Suite P256 { get; } = new("FROST-P256-SHA256-v1", WeierstrassGroup.P256);

    /// <summary>FROST(secp256k1, SHA-256) (RFC 9591 §6.5).</summary>
    internal static Sha256Suite Secp256k1 { get; } = new("FROST-secp256k1-SHA256-v1", WeierstrassGroup.Secp256k1);

    /// <summary>hash_to_field(m, 1) with DST = contextString || tag (RFC 9591 §6.4, §6.5 H1, H2, H3).</summary>
    protected override Scalar HashToScalar(string tag, ReadOnlySpan<byte> m) =>
        HashToField.ExpandMessageXmdSha256(Scalars, m, Prefix(tag), HashToFieldLength);

    /// <summary>SHA-256(contextString || tag || m) (RFC 9591 §6.4, §6.5 H4, H5).</summary>
    protected override byte[] Digest(string tag, ReadOnlySpan<byte> m)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Prefix(tag));
        hash.AppendData(m);
        return hash.GetHashAndReset();
    }
}
