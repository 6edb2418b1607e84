using System;

namespace FintechCrypto.Internal.Keys;

/// <summary>The length check of fixed-size raw key encodings, with one message for every algorithm.</summary>
internal static class KeyLength
{
    /// <summary>Returns <paramref name="key"/> when it is exactly <paramref name="size"/> bytes.</summary>
    /// <param name="key">The raw encoding.</param>
    /// <param name="size">The size of the form.</param>
    /// <param name="algorithm">The algorithm, for the message.</param>
    /// <param name="format">The format the caller gave, for the message.</param>
    /// <param name="what">What the bytes are, for the message (<c>the public key</c>).</param>
    /// <exception cref="InvalidKeyEncodingException">The length is wrong.</exception>
    internal static ReadOnlySpan<byte> Check(ReadOnlySpan<byte> key, int size, string algorithm, KeyBlobFormat format, string what) =>
        key.Length == size ? key : throw Error.Format_InvalidKey(algorithm, format, $"{what} must be {size} bytes, not {key.Length}");
}
