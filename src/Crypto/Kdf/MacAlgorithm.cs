// HMAC (RFC 2104, FIPS 198-1) with SHA-256, SHA-384 and SHA-512, run by the OS provider.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto;

/// <summary>
/// A message-authentication-code parameter set. Keys are byte spans of any length (RFC 2104 §2: keys longer than
/// the block are hashed first; keys shorter than the output length weaken the MAC).
/// </summary>
public sealed class MacAlgorithm : Algorithm
{
    /// <summary>The shortest truncated tag <see cref="Verify"/> accepts: 16 bytes (128 bits; RFC 2104 §5, SP 800-107 §5.3.3).</summary>
    public const int MinTruncatedMacSize = 16;

    private static readonly AlgorithmRegistry<MacAlgorithm> s_registry = AlgorithmRegistry<MacAlgorithm>.Lazily(
        "MAC",
        ("HMAC-SHA256", () => new MacAlgorithm("HMAC-SHA256", HashAlgorithmName.SHA256, 32)),
        ("HMAC-SHA384", () => new MacAlgorithm("HMAC-SHA384", HashAlgorithmName.SHA384, 48)),
        ("HMAC-SHA512", () => new MacAlgorithm("HMAC-SHA512", HashAlgorithmName.SHA512, 64)));

    private MacAlgorithm(string name, HashAlgorithmName hash, int macSize)
        : base(name)
    {
        Hash = hash;
        MacSize = macSize;
    }

    /// <summary>HMAC-SHA-256: 32-byte tags.</summary>
    public static MacAlgorithm HmacSha256 => s_registry[0];

    /// <summary>HMAC-SHA-384: 48-byte tags.</summary>
    public static MacAlgorithm HmacSha384 => s_registry[1];

    /// <summary>HMAC-SHA-512: 64-byte tags.</summary>
    public static MacAlgorithm HmacSha512 => s_registry[2];

    /// <summary>The full tag size in bytes.</summary>
    public int MacSize { get; }

    internal HashAlgorithmName Hash { get; }

    /// <summary>Finds a parameter set by name: <c>HMAC-SHA256</c>, <c>HMAC-SHA384</c>, <c>HMAC-SHA512</c> (case-sensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The parameter set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No parameter set has that name.</exception>
    public static MacAlgorithm FromName(string name) => s_registry.FromName(name);

    /// <summary>Computes the full tag into <paramref name="mac"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="data">The message.</param>
    /// <param name="mac">The destination: at least <see cref="MacSize"/> bytes; the tag is written at its start.</param>
    /// <returns>The number of bytes written: <see cref="MacSize"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="mac"/> is too small.</exception>
    public int Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> mac)
    {
        Span<byte> tag = Destination.Take(mac, MacSize, nameof(mac));
        int written = Hash.Name switch
        {
            "SHA256" => HMACSHA256.HashData(key, data, tag),
            "SHA384" => HMACSHA384.HashData(key, data, tag),
            _ => HMACSHA512.HashData(key, data, tag),
        };

        return written == MacSize ? written : throw Error.Crypto_InternalError("HMAC of unexpected size");
    }

    /// <summary>Computes the full tag.</summary>
    /// <param name="key">The key.</param>
    /// <param name="data">The message.</param>
    /// <returns>The tag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="data"/> is null.</exception>
    public byte[] Compute(byte[] key, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(data);
        byte[] mac = new byte[MacSize];
        Compute(key, data, mac);
        return mac;
    }

    /// <summary>Checks a full or truncated tag in constant time.</summary>
    /// <param name="key">The key.</param>
    /// <param name="data">The message.</param>
    /// <param name="mac">The tag: the leftmost bytes of the full tag, from <see cref="MinTruncatedMacSize"/> to <see cref="MacSize"/> bytes.</param>
    /// <returns>True only when the tag is valid; false for a wrong tag or a tag of another length.</returns>
    public bool Verify(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> mac)
    {
        if (mac.Length < MinTruncatedMacSize || mac.Length > MacSize)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacSize];
        Compute(key, data, expected);
        bool ok = CryptographicOperations.FixedTimeEquals(expected[..mac.Length], mac);
        CryptographicOperations.ZeroMemory(expected);
        return ok;
    }
}
