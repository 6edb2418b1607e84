// Signature parameter sets. References: RFC 8032 (Ed25519), FIPS 186-5 and SEC 1 (ECDSA P-256),
// RFC 6979 (deterministic ECDSA), RFC 8017 §8.1 (RSASSA-PSS), IEEE P1363 (r || s signature encoding).

using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using FintechCrypto.Internal.Classical;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto;

/// <summary>
/// A digital-signature parameter set. Create keys with <see cref="SigningKey.Generate"/> or
/// <see cref="SigningKey.Import"/>, and public keys with <see cref="VerificationKey.Import"/>.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Name</term><description>Standard, signature</description></listheader>
/// <item><term>Ed25519</term><description>RFC 8032 §5.1 PureEdDSA; 64 bytes; always deterministic.</description></item>
/// <item><term>ECDSA-P256-SHA256</term><description>FIPS 186-5 §6 over P-256 with SHA-256; IEEE P1363 r ‖ s, 64 bytes.</description></item>
/// <item><term>ECDSA-P256-SHA256-DER</term><description>The same, with the X9.62 DER Ecdsa-Sig-Value encoding (at most 72 bytes).</description></item>
/// <item><term>RSA-PSS-{2048,3072,4096}-SHA256</term><description>RFC 8017 §8.1 RSASSA-PSS, MGF1-SHA-256, 32-byte salt; signature as long as the modulus.</description></item>
/// <item><term><see cref="RsaPss"/></term><description>RSASSA-PSS with any hash, MGF1 hash and salt length.</description></item>
/// </list>
/// </remarks>
public abstract partial class SignatureAlgorithm : Algorithm
{
    private static readonly Lazy<SignatureAlgorithm> s_ed25519 = new(() => new Ed25519SignatureAlgorithm());
    private static readonly Lazy<SignatureAlgorithm> s_ecdsaP256 = new(() => new EcdsaP256SignatureAlgorithm(derSignatures: false));
    private static readonly Lazy<SignatureAlgorithm> s_ecdsaP256Der = new(() => new EcdsaP256SignatureAlgorithm(derSignatures: true));
    private static readonly Lazy<SignatureAlgorithm> s_rsaPss2048 = new(() => RsaPssSignatureAlgorithm.Create(2048, HashAlgorithmName.SHA256, HashAlgorithmName.SHA256, 32));
    private static readonly Lazy<SignatureAlgorithm> s_rsaPss3072 = new(() => RsaPssSignatureAlgorithm.Create(3072, HashAlgorithmName.SHA256, HashAlgorithmName.SHA256, 32));
    private static readonly Lazy<SignatureAlgorithm> s_rsaPss4096 = new(() => RsaPssSignatureAlgorithm.Create(4096, HashAlgorithmName.SHA256, HashAlgorithmName.SHA256, 32));
    private static readonly AlgorithmRegistry<SignatureAlgorithm> s_registry = new(
        "signature",
        [
            ("Ed25519", () => Ed25519),
            ("ECDSA-P256-SHA256", () => EcdsaP256Sha256),
            ("ECDSA-P256-SHA256-DER", () => EcdsaP256Sha256Der),
            ("RSA-PSS-2048-SHA256", () => RsaPss2048Sha256),
            ("RSA-PSS-3072-SHA256", () => RsaPss3072Sha256),
            ("RSA-PSS-4096-SHA256", () => RsaPss4096Sha256),
            .. MlDsaNames(),
            .. SlhDsaNames(),
        ]);

    // The parameter-set families (ML-DSA, SLH-DSA) share one shape: a table of parameter sets gives one lazily created
    // algorithm each (the public static properties index it) and the registry's names.
    private static Lazy<SignatureAlgorithm>[] CreateLazily<TSet>(TSet[] sets, Func<TSet, SignatureAlgorithm> create) =>
        Array.ConvertAll(sets, set => new Lazy<SignatureAlgorithm>(() => create(set)));

    // The registry entries of a table: each name resolves through get(index), read when the name is looked up (so the
    // order in which the partial files' static fields are initialized does not matter).
    private static IEnumerable<(string Name, Func<SignatureAlgorithm> Get)> RegistryEntries<TSet>(TSet[] sets, Func<TSet, string> name, Func<int, SignatureAlgorithm> get) =>
        sets.Select((set, index) => (name(set), (Func<SignatureAlgorithm>)(() => get(index))));

    private protected SignatureAlgorithm(string name, string? identity = null)
        : base(name, identity)
    {
    }

    /// <summary>Ed25519 (RFC 8032 §5.1): 32-byte keys, 64-byte deterministic signatures.</summary>
    public static SignatureAlgorithm Ed25519 => s_ed25519.Value;

    /// <summary>ECDSA over P-256 with SHA-256 (FIPS 186-5), signatures in IEEE P1363 form (r ‖ s, 64 bytes).</summary>
    public static SignatureAlgorithm EcdsaP256Sha256 => s_ecdsaP256.Value;

    /// <summary>ECDSA over P-256 with SHA-256, signatures as DER Ecdsa-Sig-Value (RFC 3279 §2.2.3), at most 72 bytes.</summary>
    public static SignatureAlgorithm EcdsaP256Sha256Der => s_ecdsaP256Der.Value;

    /// <summary>RSASSA-PSS (RFC 8017 §8.1) with a 2048-bit modulus, SHA-256, MGF1-SHA-256 and a 32-byte salt.</summary>
    public static SignatureAlgorithm RsaPss2048Sha256 => s_rsaPss2048.Value;

    /// <summary>RSASSA-PSS with a 3072-bit modulus, SHA-256, MGF1-SHA-256 and a 32-byte salt.</summary>
    public static SignatureAlgorithm RsaPss3072Sha256 => s_rsaPss3072.Value;

    /// <summary>RSASSA-PSS with a 4096-bit modulus, SHA-256, MGF1-SHA-256 and a 32-byte salt.</summary>
    public static SignatureAlgorithm RsaPss4096Sha256 => s_rsaPss4096.Value;

    /// <summary>The size of a signature in bytes; for encodings of variable length (DER), the largest size.</summary>
    public abstract int SignatureSize { get; }

    /// <summary>
    /// Verifies a batch whose keys are all of this algorithm (<see cref="VerificationKey.VerifyBatch(ReadOnlySpan{BatchVerificationItem})"/>
    /// grouped them): true only when every signature verifies. One by one here; Ed25519 combines them.
    /// </summary>
    internal virtual bool VerifyBatch(ReadOnlySpan<BatchVerificationItem> items)
    {
        foreach (BatchVerificationItem item in items)
        {
            if (!item.Key.Verify(item.Message.Span, item.Signature.Span))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when signatures may carry a context string (pure ML-DSA and SLH-DSA); false for the classical algorithms.</summary>
    public virtual bool SupportsContext => false;

    /// <summary>True when the algorithm has a pre-hash variant (HashML-DSA, HashSLH-DSA) for <see cref="SigningKey.SignPreHash"/>.</summary>
    public virtual bool SupportsPreHash => false;

    /// <summary>True when private keys can be generated from and exported as a seed (<see cref="KeyBlobFormat.PrivateKeySeed"/>).</summary>
    public virtual bool SupportsSeed => false;

    /// <summary>The size of the seed of <see cref="KeyBlobFormat.PrivateKeySeed"/>, or 0 when <see cref="SupportsSeed"/> is false.</summary>
    public virtual int SeedSize => 0;

    /// <summary>The longest context string: 255 bytes (FIPS 204 §5.2, FIPS 205 §10.2) where contexts are supported, else 0.</summary>
    public int MaxContextSize => SupportsContext ? 255 : 0;

    /// <summary>
    /// RSASSA-PSS (RFC 8017 §8.1, EMSA-PSS §9.1) with the given modulus size, message hash, MGF1 hash and salt length.
    /// </summary>
    /// <param name="modulusBits">The modulus size in bits: 1024 to 16384, a multiple of 8. Keys of any other size are refused.</param>
    /// <param name="hash">The message hash: SHA1, SHA224 (by name "SHA224"), SHA256, SHA384, SHA512.</param>
    /// <param name="mgf1Hash">The hash of the MGF1 mask generation function, from the same list.</param>
    /// <param name="saltLength">The salt length in bytes, from 0 up to what the modulus allows.</param>
    /// <returns>The parameter set; the predefined instance when the parameters match one.</returns>
    /// <exception cref="ArgumentException">A hash is not supported.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="modulusBits"/> or <paramref name="saltLength"/> is out of range.</exception>
    public static SignatureAlgorithm RsaPss(int modulusBits, HashAlgorithmName hash, HashAlgorithmName mgf1Hash, int saltLength)
    {
        SignatureAlgorithm candidate = RsaPssSignatureAlgorithm.Create(modulusBits, hash, mgf1Hash, saltLength);
        foreach (SignatureAlgorithm predefined in new[] { RsaPss2048Sha256, RsaPss3072Sha256, RsaPss4096Sha256 })
        {
            if (predefined.Equals(candidate))
            {
                return predefined;
            }
        }

        return candidate;
    }

    /// <summary>Finds a parameter set by its name as cli.md lists it (case-sensitive).</summary>
    /// <param name="name">For example <c>Ed25519</c> or <c>RSA-PSS-3072-SHA256</c>.</param>
    /// <returns>The parameter set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No parameter set has that name.</exception>
    public static SignatureAlgorithm FromName(string name) => s_registry.FromName(name);

    /// <summary>The algorithm's backend, as the key lifecycle and the encoding layer use it.</summary>
    internal abstract IKeyAlgorithm<SigningKeyCore, VerificationKeyCore> Keys { get; }

    /// <summary>
    /// Checks a pre-hash signature's arguments (HashML-DSA, FIPS 204 §5.4; HashSLH-DSA, FIPS 205 §10.2.2) before any
    /// work, and returns the OID of the pre-hash function.
    /// </summary>
    internal string ValidatePreHashArguments(ReadOnlySpan<byte> hash, HashAlgorithmName hashAlgorithm, ReadOnlySpan<byte> context, SigningMode mode)
    {
        if (!SupportsPreHash)
        {
            throw Error.Argument_PreHashNotSupported(nameof(hashAlgorithm), Name);
        }

        ValidateSignArguments(context, mode);
        (string oid, int length) = PreHash.Describe(hashAlgorithm, nameof(hashAlgorithm));
        if (hash.Length != length)
        {
            throw Error.Argument_Length(nameof(hash), length, hash.Length);
        }

        return oid;
    }

    /// <summary>Checks mode and context before any work; each algorithm says what it supports.</summary>
    internal virtual void ValidateSignArguments(ReadOnlySpan<byte> context, SigningMode mode)
    {
        if (!SupportsContext && !context.IsEmpty)
        {
            throw Error.Argument_ContextNotSupported(nameof(context), Name);
        }

        if (context.Length > MaxContextSize)
        {
            throw Error.Argument_ContextTooLong(nameof(context), MaxContextSize, context.Length);
        }

        if (mode is not (SigningMode.Default or SigningMode.Deterministic))
        {
            throw Error.Argument_ModeNotSupported(nameof(mode), mode, Name);
        }
    }
}
