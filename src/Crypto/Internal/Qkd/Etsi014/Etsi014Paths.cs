// Etsi014Paths: the request URIs of ETSI GS QKD 014 §5.1 (https://{KME_hostname}/api/v1/keys/{SAE_ID}/{method}) and
// the checks on the SAE IDs that go into them.

using System;
using System.Globalization;
using System.Text;
using FintechCrypto.Qkd.Etsi014;

namespace FintechCrypto.Internal.Qkd.Etsi014;

/// <summary>Builds the URIs of the three 014 methods under a KME base URI and an API path.</summary>
internal sealed class Etsi014Paths
{
    private readonly string _keysBase;

    /// <summary>Creates the builder; the options were validated.</summary>
    internal Etsi014Paths(Uri kmeUri, string apiPath)
    {
        _keysBase = kmeUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + apiPath.Trim('/') + "/";
    }

    /// <summary>014 §5.2 Get status: <c>GET {base}/{slave_SAE_ID}/status</c>.</summary>
    internal Uri Status(string slaveSaeId) => Build(slaveSaeId, "status", null);

    /// <summary>014 §5.3 Get key: <c>{base}/{slave_SAE_ID}/enc_keys</c>, with the GET form's query or none.</summary>
    internal Uri EncKeys(string slaveSaeId, int? number, int? size)
    {
        if (number is null)
        {
            return Build(slaveSaeId, "enc_keys", null);
        }

        var query = new StringBuilder("number=").Append(number.Value.ToString(CultureInfo.InvariantCulture));
        if (size is int s)
        {
            query.Append("&size=").Append(s.ToString(CultureInfo.InvariantCulture));
        }

        return Build(slaveSaeId, "enc_keys", query.ToString());
    }

    /// <summary>014 §5.4 Get key with key IDs: <c>{base}/{master_SAE_ID}/dec_keys</c>, with the GET form's <c>key_ID</c> or none.</summary>
    internal Uri DecKeys(string masterSaeId, Guid? keyId) =>
        Build(masterSaeId, "dec_keys", keyId is Guid id ? "key_ID=" + id.ToString("D", CultureInfo.InvariantCulture) : null);

    private Uri Build(string saeId, string method, string? query)
    {
        string uri = _keysBase + Uri.EscapeDataString(saeId) + "/" + method;
        return new Uri(query is null ? uri : uri + "?" + query, UriKind.Absolute);
    }

    /// <summary>
    /// Checks an SAE ID given by the caller: 014 treats it as an opaque string in a path segment, so it must be non-empty,
    /// must not be a dot segment (RFC 3986 §5.2.4 would remove it), must not hold '/', '?', '#' or control characters, and
    /// must be Unicode text (no lone surrogate).
    /// </summary>
    /// <exception cref="ArgumentException">The ID is not acceptable.</exception>
    internal static void ValidateSaeId(string? saeId, string paramName)
    {
        if (string.IsNullOrEmpty(saeId))
        {
            throw Error.Qkd_InvalidSaeId(paramName, "must not be null or empty");
        }

        if (saeId is "." or "..")
        {
            throw Error.Qkd_InvalidSaeId(paramName, "must not be '.' or '..'");
        }

        foreach (char c in saeId)
        {
            if (c is '/' or '?' or '#' || char.IsControl(c))
            {
                throw Error.Qkd_InvalidSaeId(paramName, "must not contain '/', '?', '#' or control characters");
            }
        }

        // The path segment is the ID's UTF-8, percent-encoded (RFC 3986 §2.5); a lone surrogate has none and would be
        // sent as U+FFFD, naming another SAE.
        for (ReadOnlySpan<char> rest = saeId; !rest.IsEmpty;)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out int used) != System.Buffers.OperationStatus.Done)
            {
                throw Error.Qkd_InvalidSaeId(paramName, "must be Unicode text (it holds a lone surrogate)");
            }

            rest = rest[used..];
        }
    }

    /// <summary>Checks <see cref="Etsi014ClientOptions.ApiPath"/>: segments of RFC 3986 unreserved characters, no dot segments.</summary>
    /// <exception cref="ArgumentException">The path is not acceptable.</exception>
    internal static void ValidateApiPath(string? apiPath, string paramName)
    {
        string trimmed = apiPath?.Trim('/') ?? "";
        if (trimmed.Length == 0)
        {
            throw Error.Qkd_NotAcceptable(paramName, "ApiPath", "must not be empty (the 014 V1.1.1 path is 'api/v1/keys')");
        }

        foreach (string segment in trimmed.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                throw Error.Qkd_NotAcceptable(paramName, "ApiPath", "must not have empty or dot segments");
            }

            foreach (char c in segment)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
                {
                    throw Error.Qkd_NotAcceptable(paramName, "ApiPath", "may hold only letters, digits, '-', '.', '_', '~' and '/'");
                }
            }
        }
    }
}
