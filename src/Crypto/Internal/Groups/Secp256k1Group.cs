// Secp256k1Group: the secp256k1 group of RFC 9591 §6.5, "FROST(secp256k1, SHA-256)".
//
// References: RFC 9591 §6.5 (Group: secp256k1, SEC 1 compressed elements, big-endian scalars); SEC 2 v2 §2.4.1.
// Parameters: Ne = 33, Ns = 32, order n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141.

namespace FintechCrypto.Internal.Groups;

/// <summary>The secp256k1 group (RFC 9591 §6.5), on BouncyCastle's secp256k1 arithmetic.</summary>
internal sealed class Secp256k1Group : WeierstrassGroup
{
    private Secp256k1Group()
        : base("secp256k1")
    {
    }

    /// <summary>The one instance.</summary>
    internal static Secp256k1Group Instance { get; } = new();

    /// <inheritdoc />
    internal override string Name => "secp256k1";
}
