// Etsi014ErrorMapper: the response codes of ETSI GS QKD 014 §5.2-§5.4 (200, 400, 401, 503) and the standard messages
// of the 400 Error objects (§5.3 Get key and §6.2 Key request; §5.4 Get key with key IDs; §6.5 Error) turned into
// KeySourceError kinds.

using System;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd.Etsi014;

/// <summary>
/// Maps an HTTP status and the KME's Error <c>message</c> to a <see cref="KeySourceError"/>. The standard 400 messages of
/// ETSI GS QKD 014 V1.1.1 are matched ignoring case, surrounding spaces and a final full stop; the simulator sends them.
/// </summary>
internal static class Etsi014ErrorMapper
{
    /// <summary>014 §5.4: an unknown, already delivered or not yet replicated key ID.</summary>
    internal const string KeysNotFound = "one or more keys specified are not found on KME";

    /// <summary>014 §5.3, §6.2: a Key request whose size is not a multiple of 8.</summary>
    internal const string SizeNotMultipleOf8 = "size shall be a multiple of 8";

    /// <summary>014 §5.3, §6.2: an <c>extension_mandatory</c> member the KME does not know.</summary>
    internal const string MandatoryExtensionsUnsupported = "not all extension_mandatory parameters are supported";

    /// <summary>The standard messages of 014 §5.3, §5.4 and §6.2 (400 Bad request) and the kind each one means.</summary>
    private static readonly (string Message, KeySourceError Kind)[] s_standardMessages =
    [
        (KeysNotFound, KeySourceError.KeyNotFound),
        (SizeNotMultipleOf8, KeySourceError.InvalidKeySize),
        (MandatoryExtensionsUnsupported, KeySourceError.ExtensionNotSupported),
        ("not all extension_mandatory request options could be met", KeySourceError.ExtensionNotSupported),
        ("not all extension_optional request options handled", KeySourceError.ExtensionNotSupported),
    ];

    /// <summary>The kind of failure for a non-200 answer.</summary>
    /// <param name="httpStatus">The HTTP status code.</param>
    /// <param name="kmeMessage">The <c>message</c> of the Error object, or null when the body held none.</param>
    /// <returns>The kind.</returns>
    internal static KeySourceError Map(int httpStatus, string? kmeMessage)
    {
        string message = Normalise(kmeMessage);
        return httpStatus switch
        {
            // 014 §5.2-§5.4: "400 Bad request format"; the standard messages say which rule was broken. KMEs that run out of
            // keys answer 400 or 503 (014 has no dedicated code), so an exhaustion message is honoured under both.
            400 => Standard(message) ?? (SaysExhausted(message) ? KeySourceError.KeysExhausted : KeySourceError.BadRequest),

            // 014 §5.2-§5.4: "401 Unauthorized" (no body defined; proxies answer with HTML or nothing).
            401 => KeySourceError.Unauthorized,

            // 014 §5.2-§5.4: "503 Error of server side".
            503 => SaysExhausted(message) ? KeySourceError.KeysExhausted : KeySourceError.ServiceUnavailable,
            _ => KeySourceError.Unknown,
        };
    }

    /// <summary>The kind a standard 400 message means, or null for another message.</summary>
    private static KeySourceError? Standard(string message)
    {
        foreach ((string standard, KeySourceError kind) in s_standardMessages)
        {
            if (string.Equals(message, standard, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Whether the KME's message reports that it has too few keys.</summary>
    private static bool SaysExhausted(string message) =>
        message.Contains("exhausted", StringComparison.Ordinal) ||
        message.Contains("insufficient", StringComparison.Ordinal) ||
        message.Contains("not enough key", StringComparison.Ordinal) ||
        message.Contains("no key available", StringComparison.Ordinal) ||
        message.Contains("no keys available", StringComparison.Ordinal);

    /// <summary>Lower case, trimmed, without a final full stop: KMEs copy the spec's messages with small variations.</summary>
    private static string Normalise(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return "";
        }

        string text = message.Trim().ToLowerInvariant();
        return text.EndsWith('.') ? text[..^1].TrimEnd() : text;
    }
}
