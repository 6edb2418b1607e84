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
public sealed class HybridKdf : Algorithm
{
    private static readonly Lazy<HybridKdf> s_hkdfSha256 = new(() => new HybridKdf("HKDF-SHA256", Construction.Hkdf, HashAlgorithmName.SHA256, 32));
    private static readonly Lazy<HybridKdf> s_hkdfSha384 = new(() => new HybridKdf("HKDF-SHA384", Construction.Hkdf, HashAlgorithmName.SHA384, 48));
    private static readonly Lazy<HybridKdf> s_hmacSha256 = new(() => new HybridKdf("HMAC-SHA256", Construction.Hmac, HashAlgorithmName.SHA256, 32));
    private static readonly Lazy<HybridKdf> s_hmacSha384 = new(() => new HybridKdf("HMAC-SHA384", Construction.Hmac, HashAlgorithmName.SHA384, 48));
    private static readonly Lazy<HybridKdf> s_kmac128 = new(() => new HybridKdf("KMAC128", Construction.Kmac, default, 32));
    private static readonly Lazy<HybridKdf> s_kmac256 = new(() => new HybridKdf("KMAC256", Construction.Kmac, default, 48));

    // The customization string of KMAC used as a KDF (SP 800-56C Rev. 2 §4.1 option 3; TS 103 744's KMAC suites).
    private static ReadOnlySpan<byte> KmacKdfCustomization => "KDF"u8;

    private readonly Construction _construction;
    private readonly HashAlgorithmName _hash;

    private HybridKdf(string name, Construction construction, HashAlgorithmName hash, int hashSize)
        : base(name)
    {
        _construction = construction;
        _hash = hash;
        HashSize = hashSize;
    }

    private enum Construction
    {
        Hkdf,
        Hmac,
        Kmac,
    }

    /// <summary>HKDF with SHA-256 (RFC 5869): TS 103 744's HKDF suites at security category 1/3 ("1xxx" suite ids).</summary>
    public static HybridKdf HkdfSha256 => s_hkdfSha256.Value;

    /// <summary>HKDF with SHA-384 (RFC 5869): TS 103 744's HKDF suites at category 3/5 ("2xxx").</summary>
    public static HybridKdf HkdfSha384 => s_hkdfSha384.Value;

    /// <summary>The SP 800-56C Rev. 2 one-step KDF with HMAC-SHA-256: TS 103 744's HMAC suites ("4xxx").</summary>
    public static HybridKdf HmacSha256 => s_hmacSha256.Value;

    /// <summary>The SP 800-56C Rev. 2 one-step KDF with HMAC-SHA-384: TS 103 744's HMAC suites ("5xxx").</summary>
    public static HybridKdf HmacSha384 => s_hmacSha384.Value;

    /// <summary>The SP 800-56C Rev. 2 one-step KDF with KMAC128 (SP 800-185): TS 103 744's KMAC suites ("7xxx").</summary>
    public static HybridKdf Kmac128 => s_kmac128.Value;

    /// <summary>The SP 800-56C Rev. 2 one-step KDF with KMAC256 (SP 800-185): TS 103 744's KMAC suites ("8xxx").</summary>
    public static HybridKdf Kmac256 => s_kmac256.Value;

    /// <summary>The hash length, which is also CasKDF's chain-secret length |CK|: 32 (SHA-256, KMAC128) or 48 (SHA-384, KMAC256).</summary>
    public int HashSize { get; }

    /// <summary>The largest output of one derivation: 255 · <see cref="HashSize"/> bytes (HKDF's bound, applied to all for uniformity).</summary>
    public int MaxOutputSize => 255 * HashSize;

    /// <summary>Finds a KDF by name: <c>HKDF-SHA256</c>, <c>HKDF-SHA384</c>, <c>HMAC-SHA256</c>, <c>HMAC-SHA384</c>, <c>KMAC128</c>, <c>KMAC256</c>.</summary>
    /// <param name="name">The name (case-sensitive).</param>
    /// <returns>The KDF.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No KDF has that name.</exception>
    public static HybridKdf FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name switch
        {
            "HKDF-SHA256" => HkdfSha256,
            "HKDF-SHA384" => HkdfSha384,
            "HMAC-SHA256" => HmacSha256,
            "HMAC-SHA384" => HmacSha384,
            "KMAC128" => Kmac128,
            "KMAC256" => Kmac256,
            _ => throw Error.Argument_UnknownAlgorithm(nameof(name), "hybrid KDF", name),
        };
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

    private static Span<byte> AppendLengthPrefixed(Span<byte> destination, ReadOnlySpan<byte> field)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, checked((uint)field.Length));
        field.CopyTo(destination[4..]);
        return destination[(4 + field.Length)..];
    }
}
