// P256Sha256Suite: the ciphersuite FROST(P-256, SHA-256) of RFC 9591 §6.4.
//
// References: RFC 9591 §6.4: contextString "FROST-P256-SHA256-v1"; the hash functions (hash_to_field with
// expand_message_xmd(SHA-256), L = 48, and SHA-256) are in Sha256HashToFieldSuite.
// Parameters: Ne = 33, Ns = 32, digest 32 bytes.

using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Suites;

/// <summary>FROST(P-256, SHA-256) (RFC 9591 §6.4).</summary>
internal sealed class P256Sha256Suite : Sha256HashToFieldSuite
{
    private P256Sha256Suite()
    {
    }

    /// <summary>The one instance.</summary>
    internal static P256Sha256Suite Instance { get; } = new();

    /// <inheritdoc />
    internal override string ContextString => "FROST-P256-SHA256-v1";

    /// <inheritdoc />
    internal override PrimeOrderGroup Group => P256Group.Instance;
}
