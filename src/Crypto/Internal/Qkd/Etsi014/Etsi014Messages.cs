// The standard Error messages of ETSI GS QKD 014 V1.1.1 (§5.3, §5.4, §6.2; 400 Bad request), as KMEs send them.


namespace FintechCrypto.Internal.Qkd.Etsi014;

/// <summary>
/// The Error <c>message</c> strings ETSI GS QKD 014 V1.1.1 uses for 400 answers. The client matches them (ignoring case,
/// surrounding spaces and a final full stop) to classify errors; the simulator sends them; a test KME can too.
/// </summary>
internal static class Etsi014Messages
{
    /// <summary>An unknown, already delivered or not yet replicated key ID (§5.4).</summary>
    public const string KeysNotFound = "one or more keys specified are not found on KME";

    /// <summary>A Key request whose size is not a multiple of 8 (§5.3, §6.2).</summary>
    public const string SizeNotMultipleOf8 = "size shall be a multiple of 8";

    /// <summary>An <c>extension_mandatory</c> member the KME does not know (§5.3, §6.2).</summary>
    public const string MandatoryExtensionsUnsupported = "not all extension_mandatory parameters are supported";

    /// <summary>An <c>extension_mandatory</c> member the KME knows but cannot meet (§5.3, §6.2).</summary>
    public const string MandatoryExtensionsNotMet = "not all extension_mandatory request options could be met";

    /// <summary><c>extension_optional</c> members the KME did not handle (§5.3, §6.2).</summary>
    public const string OptionalExtensionsNotHandled = "not all extension_optional request options handled";
}
