// HybridKdf: the key-derivation functions of ETSI TS 103 744 (V1.2.1, clause 8) for combining several shared
// secrets: HKDF (RFC 5869), the SP 800-56C Rev. 2 one-step KDF with HMAC (§4.1, option 2) and with KMAC (§4.1,
// option 3, SP 800-185), over SHA-256 / SHA-384 and KMAC128 / KMAC256.
//
// Parameters: HashSize (the chain-secret length |CK| of CasKDF) is 32 for SHA-256 and KMAC128, 48 for SHA-384 and
// KMAC256, as in the standard's suites and the reference implementation's vectors.

using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using FintechCrypto.Internal.Sha3;

namespace FintechCrypto.Qkd;

/// <summary>
/// A key-derivation function for hybrid key establishment (ETSI TS 103 744): HKDF, the SP 800-56C one-step KDF with
/// HMAC, or with KMAC. Use it with <see cref="CatKdf"/>, <see cref="CasKdf"/> or <see cref="ZtKdf"/>.
/// </summary>
/// <remarks>
/// The HKDF and HMAC suites are built on the library's own parameter sets, whose names they carry:
/// <c>HybridKdf.Hkdf(KdfAlgorithm.HkdfSha256)</c> is the suite <c>HKDF-SHA256</c>, <c>HybridKdf.Hmac(MacAlgorithm.HmacSha384)</c>
/// the suite <c>HMAC-SHA384</c>. KMAC has no parameter set of its own in the library, so its two suites are
/// <see cref="Kmac128"/> and <see cref="Kmac256"/>.
/// </remarks>
public sealed class HybridKdf : Algorithm
{
    /// <summary>The SP 800-56C Rev. 2 one-step KDF with KMAC128 (SP 800-185): TS 103 744's KMAC suites ("7xxx").</summary>
    public static HybridKdf Kmac128 { get; } = new("KMAC128", Construction.Kmac, 32);

    /// <summary>The SP 800-56C Rev. 2 one-step KDF with KMAC256 (SP 800-185): TS 103 744's KMAC suites ("8xxx").</summary>
    public static HybridKdf Kmac256 { get; } = new("KMAC256", Construction.Kmac, 48);

    // TS 103 744's suites: HKDF ("1xxx" category 1/3, "2xxx" 3/5), HMAC ("4xxx", "5xxx"), KMAC ("7xxx", "8xxx").
    private static readonly HybridKdf[] s_suites =
    [
        new(KdfAlgorithm.HkdfSha256),
        new(KdfAlgorithm.HkdfSha384),
        new(MacAlgorithm.HmacSha256),
        new(MacAlgorithm.HmacSha384),
        Kmac128,
        Kmac256,
    ];

    // The customization string of KMAC used as a KDF (SP 800-56C Rev. 2 §4.1 option 3; TS 103 744's KMAC suites).
    private static ReadOnlySpan<byte> KmacKdfCustomization => "KDF"u8;

    private readonly Construction _construction;
    private readonly HashAlgorithmName _hash;
    private readonly Algorithm? _basis;

    private HybridKdf(string name, Construction construction, int hashSize, HashAlgorithmName hash = default, Algorithm? basis = null)
        : base(name)
    {
        _construction = construction;
        HashSize = hashSize;
        _hash = hash;
        _basis = basis;
    }

    /// <summary>The HKDF suite on <paramref name="kdf"/>, named as it (RFC 5869 over its hash).</summary>
    private HybridKdf(KdfAlgorithm kdf)
        : this(kdf.Name, Construction.Hkdf, kdf.PseudorandomKeySize, kdf.Hash, kdf)
    {
    }

    /// <summary>The one-step HMAC suite on <paramref name="mac"/>, named as it.</summary>
    private HybridKdf(MacAlgorithm mac)
        : this(mac.Name, Construction.Hmac, mac.MacSize, mac.Hash, mac)
    {
    }

    private enum Construction
    {
        Hkdf,
        Hmac,
        Kmac,
    }

    /// <summary>The hash length, which is also CasKDF's chain-secret length |CK|: 32 (SHA-256, KMAC128) or 48 (SHA-384, KMAC256).</summary>
    public int HashSize { get; }

    /// <summary>The largest output of one derivation: 255 · <see cref="HashSize"/> bytes (HKDF's bound, applied to all for uniformity).</summary>
    public int MaxOutputSize => 255 * HashSize;

    /// <summary>
    /// The HKDF suite on <paramref name="kdf"/> (RFC 5869): <see cref="KdfAlgorithm.HkdfSha256"/> for TS 103 744's
    /// category 1/3 suites ("1xxx"), <see cref="KdfAlgorithm.HkdfSha384"/> for 3/5 ("2xxx").
    /// </summary>
    /// <param name="kdf">HKDF-SHA256 or HKDF-SHA384.</param>
    /// <returns>The hybrid KDF, named as <paramref name="kdf"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kdf"/> is null.</exception>
    /// <exception cref="ArgumentException">TS 103 744 has no suite on <paramref name="kdf"/> (HKDF-SHA512).</exception>
    public static HybridKdf Hkdf(KdfAlgorithm kdf) => On(kdf, nameof(kdf));

    /// <summary>
    /// The SP 800-56C Rev. 2 one-step KDF with HMAC (§4.1 option 2) on <paramref name="mac"/>: TS 103 744's HMAC suites,
    /// <see cref="MacAlgorithm.HmacSha256"/> ("4xxx") and <see cref="MacAlgorithm.HmacSha384"/> ("5xxx").
    /// </summary>
    /// <param name="mac">HMAC-SHA256 or HMAC-SHA384.</param>
    /// <returns>The hybrid KDF, named as <paramref name="mac"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mac"/> is null.</exception>
    /// <exception cref="ArgumentException">TS 103 744 has no suite on <paramref name="mac"/> (HMAC-SHA512).</exception>
    public static HybridKdf Hmac(MacAlgorithm mac) => On(mac, nameof(mac));

    /// <summary>Finds a KDF by name: <c>HKDF-SHA256</c>, <c>HKDF-SHA384</c>, <c>HMAC-SHA256</c>, <c>HMAC-SHA384</c>, <c>KMAC128</c>, <c>KMAC256</c>.</summary>
    /// <param name="name">The name (case-sensitive).</param>
    /// <returns>The KDF.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No KDF has that name.</exception>
    public static HybridKdf FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Array.Find(s_suites, suite => string.Equals(suite.Name, name, StringComparison.Ordinal))
            ?? throw Error.Argument_UnknownAlgorithm(nameof(name), "hybrid KDF", name);
    }

    internal bool IsKmac => _construction == Construction.Kmac;

    internal void ValidateOutput(string paramName, int length)
    {
        if (length < 1 || length > MaxOutputSize)
        {
            throw Error.Argument_LengthRange(paramName, 1, MaxOutputSize, length);
        }
    }

    /// <summary>
    /// The context function f of TS 103 744 over three fields: Hash(len(a) ‖ a ‖ len(b) ‖ b ‖ len(c) ‖ c) for the
    /// HKDF and HMAC suites, the same concatenation unhashed for the KMAC suites; len() is a 4-byte big-endian byte count.
    /// </summary>
    /// <returns>A pinned array the caller clears (it may hold a secret: CasKDF puts k_i in it).</returns>
    internal byte[] Context(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        int length = checked(12 + a.Length + b.Length + c.Length);
        byte[] encoded = GC.AllocateArray<byte>(length, pinned: true);
        Span<byte> rest = encoded;
        rest = AppendLengthPrefixed(rest, a);
        rest = AppendLengthPrefixed(rest, b);
        AppendLengthPrefixed(rest, c);
        if (IsKmac)
        {
            return encoded;
        }

        byte[] hashed = GC.AllocateArray<byte>(HashSize, pinned: true);
        CryptographicOperations.HashData(_hash, encoded, hashed);
        CryptographicOperations.ZeroMemory(encoded);
        return hashed;
    }

    /// <summary>
    /// The KDF with the secret given in two parts (psk, then the component secrets) so that callers need not
    /// concatenate secrets: HKDF(salt, psk ‖ secret, fixedInfo, L); HMAC(salt, BE32(i) ‖ psk ‖ secret ‖ fixedInfo)
    /// for i = 1, 2, … (SP 800-56C Rev. 2 §4.1 with H = HMAC keyed by the salt); or
    /// KMAC(salt, BE32(1) ‖ psk ‖ secret ‖ fixedInfo, L, "KDF") (§4.1 option 3).
    /// </summary>
    internal void Derive(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> psk, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> fixedInfo, Span<byte> output)
    {
        switch (_construction)
        {
            case Construction.Hkdf:
            {
                // RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM), fed in two parts; then §2.3 Expand.
                Span<byte> prk = stackalloc byte[HashSize];
                try
                {
                    using (IncrementalHash extract = IncrementalHash.CreateHMAC(_hash, salt))
                    {
                        extract.AppendData(psk);
                        extract.AppendData(secret);
                        extract.GetHashAndReset(prk);
                    }

                    HKDF.Expand(_hash, prk, output, fixedInfo);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(prk);
                }

                break;
            }

            case Construction.Hmac:
            {
                Span<byte> block = stackalloc byte[HashSize];
                Span<byte> counter = stackalloc byte[4];
                try
                {
                    using IncrementalHash hmac = IncrementalHash.CreateHMAC(_hash, salt);
                    int offset = 0;
                    for (uint i = 1; offset < output.Length; i++)
                    {
                        BinaryPrimitives.WriteUInt32BigEndian(counter, i);
                        hmac.AppendData(counter);
                        hmac.AppendData(psk);
                        hmac.AppendData(secret);
                        hmac.AppendData(fixedInfo);
                        hmac.GetHashAndReset(block);
                        int take = Math.Min(block.Length, output.Length - offset);
                        block[..take].CopyTo(output[offset..]);
                        offset += take;
                    }
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(block);
                }

                break;
            }

            default:
            {
                Span<byte> counter = stackalloc byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(counter, 1);
                Kmac kmac = Kmac.Create(HashSize == 48, salt, KmacKdfCustomization);
                try
                {
                    kmac.Absorb(counter);
                    kmac.Absorb(psk);
                    kmac.Absorb(secret);
                    kmac.Absorb(fixedInfo);
                    kmac.Finish(output);
                }
                finally
                {
                    kmac.Dispose();
                }

                break;
            }
        }
    }

    /// <summary>
    /// CasKDF's round PRF (TS 103 744): HMAC(key = chain secret, message) for the HKDF and HMAC suites, or
    /// KMAC(key = chain secret, message, |CK| bytes, empty customization) for the KMAC suites; output |CK| bytes.
    /// </summary>
    internal void Prf(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> output)
    {
        if (IsKmac)
        {
            Kmac.Compute(HashSize == 48, key, message, ReadOnlySpan<byte>.Empty, output);
            return;
        }

        using IncrementalHash hmac = IncrementalHash.CreateHMAC(_hash, key);
        hmac.AppendData(message);
        hmac.GetHashAndReset(output);
    }

    /// <summary>The suite built on <paramref name="basis"/>.</summary>
    private static HybridKdf On(Algorithm basis, string paramName)
    {
        ArgumentNullException.ThrowIfNull(basis, paramName);
        return Array.Find(s_suites, suite => suite._basis == basis)
            ?? throw Error.Argument_UnknownAlgorithm(paramName, "ETSI TS 103 744 hybrid KDF", basis.Name);
    }

    private static Span<byte> AppendLengthPrefixed(Span<byte> destination, ReadOnlySpan<byte> field)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, checked((uint)field.Length));
        field.CopyTo(destination[4..]);
        return destination[(4 + field.Length)..];
    }
}
