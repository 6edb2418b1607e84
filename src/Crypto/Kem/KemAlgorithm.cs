// Key-encapsulation parameter sets: ML-KEM (FIPS 203) and the X-Wing hybrid (draft-connolly-cfrg-xwing-kem).
// Sizes from FIPS 203 §8 Table 3 and the X-Wing draft.

using System;
using FintechCrypto.Internal.Keys;
using FintechCrypto.Internal.MlKem;

namespace FintechCrypto;

/// <summary>
/// A key-encapsulation (KEM) parameter set. Generate keys with <see cref="DecapsulationKey.Generate"/>, publish the
/// <see cref="EncapsulationKey"/>, and share a 32-byte secret with <see cref="EncapsulationKey.Encapsulate(Span{byte}, Span{byte})"/>
/// and <see cref="DecapsulationKey.Decapsulate(ReadOnlySpan{byte}, Span{byte})"/>.
/// </summary>
public abstract class KemAlgorithm : Algorithm
{
    private static readonly Lazy<KemAlgorithm> s_mlKem512 = new(() => new MlKemAlgorithm(MlKemParameterSet.MlKem512));
    private static readonly Lazy<KemAlgorithm> s_mlKem768 = new(() => new MlKemAlgorithm(MlKemParameterSet.MlKem768));
    private static readonly Lazy<KemAlgorithm> s_mlKem1024 = new(() => new MlKemAlgorithm(MlKemParameterSet.MlKem1024));
    private static readonly Lazy<KemAlgorithm> s_xWing = new(() => new Internal.XWing.XWingAlgorithm());
    private static readonly AlgorithmRegistry<KemAlgorithm> s_registry = new(
        "KEM",
        [("ML-KEM-512", () => MlKem512), ("ML-KEM-768", () => MlKem768), ("ML-KEM-1024", () => MlKem1024), ("X-Wing", () => XWing)]);

    private protected KemAlgorithm(string name)
        : base(name)
    {
    }

    /// <summary>ML-KEM-512 (FIPS 203, security category 1).</summary>
    public static KemAlgorithm MlKem512 => s_mlKem512.Value;

    /// <summary>ML-KEM-768 (FIPS 203, security category 3): the recommended default.</summary>
    public static KemAlgorithm MlKem768 => s_mlKem768.Value;

    /// <summary>ML-KEM-1024 (FIPS 203, security category 5).</summary>
    public static KemAlgorithm MlKem1024 => s_mlKem1024.Value;

    /// <summary>
    /// X-Wing (draft-connolly-cfrg-xwing-kem): ML-KEM-768 and X25519 combined with SHA3-256, secure while either
    /// holds. 32-byte private keys, 1216-byte public keys, 1120-byte ciphertexts.
    /// </summary>
    public static KemAlgorithm XWing => s_xWing.Value;

    /// <summary>The size of an encapsulation (public) key in bytes.</summary>
    public abstract int EncapsulationKeySize { get; }

    /// <summary>The size of a decapsulation (private) key in its raw encoding, in bytes.</summary>
    public abstract int DecapsulationKeySize { get; }

    /// <summary>
    /// True when private keys can be generated from and exported as a seed (<see cref="KeyBlobFormat.PrivateKeySeed"/>):
    /// ML-KEM's d ‖ z (FIPS 203 §7.1) and X-Wing's private key.
    /// </summary>
    public virtual bool SupportsSeed => false;

    /// <summary>The size of the seed of <see cref="KeyBlobFormat.PrivateKeySeed"/> (64 for ML-KEM, 32 for X-Wing), or 0 when <see cref="SupportsSeed"/> is false.</summary>
    public virtual int SeedSize => 0;

    /// <summary>The size of a ciphertext in bytes.</summary>
    public abstract int CiphertextSize { get; }

    /// <summary>The size of the shared secret in bytes (32).</summary>
    public abstract int SharedSecretSize { get; }

    /// <summary>Finds a parameter set by name: <c>ML-KEM-512</c>, <c>ML-KEM-768</c>, <c>ML-KEM-1024</c>, <c>X-Wing</c> (case-sensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The parameter set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No parameter set has that name.</exception>
    public static KemAlgorithm FromName(string name) => s_registry.FromName(name);

    /// <summary>The algorithm's backend, as the key lifecycle and the encoding layer use it.</summary>
    internal abstract IKeyAlgorithm<DecapsulationKeyCore, EncapsulationKeyCore> Keys { get; }
}
