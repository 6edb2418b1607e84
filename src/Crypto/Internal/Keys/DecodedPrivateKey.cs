using System;

namespace FintechCrypto.Internal.Keys;

/// <summary>
/// A private key as the encoding layer hands it to an algorithm: the seed or the raw (expanded) private key, unwrapped
/// from PEM and PKCS#8, with the format the caller gave for error messages.
/// </summary>
internal readonly ref struct DecodedPrivateKey
{
    internal DecodedPrivateKey(ReadOnlySpan<byte> bytes, bool isSeed, KeyBlobFormat format, ReadOnlySpan<byte> publicKey = default)
    {
        Bytes = bytes;
        IsSeed = isSeed;
        Format = format;
        PublicKey = publicKey;
    }

    /// <summary>The seed when <see cref="IsSeed"/>, else the algorithm's raw private-key encoding.</summary>
    internal ReadOnlySpan<byte> Bytes { get; }

    /// <summary>True for a seed (<see cref="KeyBlobFormat.PrivateKeySeed"/>, or PKCS#8's seed choice).</summary>
    internal bool IsSeed { get; }

    /// <summary>The format the caller gave (<see cref="KeyBlobFormat.Pkcs8PrivateKey"/> for PEM), for error messages.</summary>
    internal KeyBlobFormat Format { get; }

    /// <summary>The raw public key stored beside the private key (RFC 5915's publicKey), or empty.</summary>
    internal ReadOnlySpan<byte> PublicKey { get; }

    /// <summary><see cref="Bytes"/>, which must be exactly <paramref name="size"/> long.</summary>
    /// <param name="size">The size of the form.</param>
    /// <param name="algorithm">The algorithm, for the message.</param>
    /// <param name="what">What the bytes are, for the message (<c>the seed ξ</c>).</param>
    /// <exception cref="InvalidKeyEncodingException">The length is wrong.</exception>
    internal ReadOnlySpan<byte> OfSize(int size, string algorithm, string what) => KeyLength.Check(Bytes, size, algorithm, Format, what);
}
