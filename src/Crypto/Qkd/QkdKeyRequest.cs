// QkdKeyRequest: the parameters of a Get key call (ETSI GS QKD 014 §6.2 Key request).

using System;
using System.Collections.Generic;
using System.Text.Json;

namespace FintechCrypto.Qkd;

/// <summary>
/// What a master SAE asks its key source for (ETSI GS QKD 014 "Key request"): how many keys, of what size, for which
/// additional slaves (multicast), with which vendor extensions. Every field is optional in the standard; an unset field
/// takes the KME's default.
/// </summary>
public sealed record QkdKeyRequest
{
    /// <summary>The number of keys (014 <c>number</c>); at least 1. Default 1.</summary>
    public int Number { get; init; } = 1;

    /// <summary>The key size in bits (014 <c>size</c>), a multiple of 8; null asks for the KME's default <c>key_size</c>.</summary>
    public int? SizeInBits { get; init; }

    /// <summary>Further slave SAEs that may fetch the same keys (014 <c>additional_slave_SAE_IDs</c>, multicast).</summary>
    public IReadOnlyList<string> AdditionalSlaveSaeIds { get; init; } = Array.Empty<string>();

    /// <summary>Extensions the KME must honour (014 <c>extension_mandatory</c>: single-member objects such as <c>{"abc_route_type":"direct"}</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonElement>> ExtensionMandatory { get; init; } = Array.Empty<KeyValuePair<string, JsonElement>>();

    /// <summary>Extensions the KME may ignore (014 <c>extension_optional</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonElement>> ExtensionOptional { get; init; } = Array.Empty<KeyValuePair<string, JsonElement>>();

    /// <summary>A request for <paramref name="number"/> keys of <paramref name="sizeInBits"/> bits.</summary>
    /// <param name="number">The number of keys, at least 1.</param>
    /// <param name="sizeInBits">The key size in bits, a positive multiple of 8.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is below 1, or <paramref name="sizeInBits"/> is not a positive multiple of 8.</exception>
    public static QkdKeyRequest For(int number, int sizeInBits)
    {
        if (number < 1)
        {
            throw Error.ArgumentOutOfRange(nameof(number), "at least one key");
        }

        if (sizeInBits <= 0 || sizeInBits % 8 != 0)
        {
            throw Error.ArgumentOutOfRange(nameof(sizeInBits), "a positive multiple of 8 bits");
        }

        return new QkdKeyRequest { Number = number, SizeInBits = sizeInBits };
    }
}
