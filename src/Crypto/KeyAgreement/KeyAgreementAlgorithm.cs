// Key-agreement parameter sets: X25519 (RFC 7748 §5, §6.1) and ECDH over P-256 (SP 800-56A Rev. 3 §5.7.1.2,
// the raw x-coordinate as the shared secret). Derive session keys from the shared secret with a KDF
// (KdfAlgorithm.HkdfSha256); never use it directly as a key.

using System;
using FintechCrypto.Internal.Classical;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto;

/// <summary>A Diffie-Hellman key-agreement parameter set.</summary>
public abstract class KeyAgreementAlgorithm : Algorithm
{
    private static readonly Lazy<KeyAgreementAlgorithm> s_x25519 = new(() => new X25519KeyAgreementAlgorithm());
    private static readonly Lazy<KeyAgreementAlgorithm> s_ecdhP256 = new(() => new EcdhP256KeyAgreementAlgorithm());
    private static readonly AlgorithmRegistry<KeyAgreementAlgorithm> s_registry = new("key-agreement", [("X25519", () => X25519), ("ECDH-P256", () => EcdhP256)]);

    private protected KeyAgreementAlgorithm(string name)
        : base(name)
    {
    }

    /// <summary>X25519 (RFC 7748 §5): 32-byte keys and shared secrets. An all-zero shared secret is refused (§6.1).</summary>
    public static KeyAgreementAlgorithm X25519 => s_x25519.Value;

    /// <summary>ECDH over P-256 (SP 800-56A Rev. 3 §5.7.1.2): the 32-byte x-coordinate of d·Q as the shared secret.</summary>
    public static KeyAgreementAlgorithm EcdhP256 => s_ecdhP256.Value;

    /// <summary>The size of the shared secret in bytes.</summary>
    public abstract int SharedSecretSize { get; }

    /// <summary>Finds a parameter set by name (<c>X25519</c> or <c>ECDH-P256</c>, case-sensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The parameter set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No parameter set has that name.</exception>
    public static KeyAgreementAlgorithm FromName(string name) => s_registry.FromName(name);

    /// <summary>The algorithm's backend, as the key lifecycle and the encoding layer use it.</summary>
    internal abstract IKeyAlgorithm<KeyAgreementKeyCore, KeyAgreementPublicKeyCore> Keys { get; }
}
