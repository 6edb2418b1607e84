// P256Group: the NIST P-256 (secp256r1) group of RFC 9591 §6.4, "FROST(P-256, SHA-256)".
//
// References: RFC 9591 §6.4 (Group: P-256, SEC 1 compressed elements, big-endian scalars); SEC 2 v2 §2.4.2;
// FIPS 186-5 / SP 800-186 §3.2.1.3.
// Parameters: Ne = 33, Ns = 32, order n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551.

namespace FintechCrypto.Internal.Groups;

/// <summary>The P-256 group (RFC 9591 §6.4), on BouncyCastle's secp256r1 arithmetic.</summary>
internal sealed class P256Group : WeierstrassGroup
{
    private P256Group()
        : base("secp256r1")
    {
    }

    /// <summary>The one instance.</summary>
    internal static P256Group Instance { get; } = new();

    /// <inheritdoc />
    internal override string Name => "P-256";
}
