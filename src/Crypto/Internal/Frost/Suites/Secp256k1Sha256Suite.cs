// Secp256k1Sha256Suite: the ciphersuite FROST(secp256k1, SHA-256) of RFC 9591 §6.5.
//
// References: RFC 9591 §6.5: contextString "FROST-secp256k1-SHA256-v1"; the hash functions (hash_to_field with
// expand_message_xmd(SHA-256), L = 48, and SHA-256) are in Sha256HashToFieldSuite.
// Parameters: Ne = 33, Ns = 32, digest 32 bytes.

using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Suites;

/// <summary>FROST(secp256k1, SHA-256) (RFC 9591 §6.5).</summary>
internal sealed class Secp256k1Sha256Suite : Sha256HashToFieldSuite
{
    private Secp256k1Sha256Suite()
    {
    }

    /// <summary>The one instance.</summary>
    internal static Secp256k1Sha256Suite Instance { get; } = new();

    /// <inheritdoc />
    internal override string ContextString => "FROST-secp256k1-SHA256-v1";

    /// <inheritdoc />
    internal override PrimeOrderGroup Group => Secp256k1Group.Instance;
}
