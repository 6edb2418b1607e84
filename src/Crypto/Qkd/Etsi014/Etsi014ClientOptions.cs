// Etsi014ClientOptions: where the KME is and how to reach it (ETSI GS QKD 014: HTTPS, TLS 1.2 or higher, mutual
// authentication of SAE and KME; §5.1: the URL https://{KME_hostname}/api/v1/keys/{SAE_ID}/{method}).

using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FintechCrypto.Internal.Qkd.Etsi014;

namespace FintechCrypto.Qkd.Etsi014;

/// <summary>
/// The settings of an <see cref="Etsi014KeySource"/>: the KME's address, the SAE's client certificate, how the KME's
/// server certificate is trusted, time-outs and retries. They are checked when the key source is created.
/// </summary>
/// <remarks>
/// The connection always uses TLS 1.2 or 1.3, as ETSI GS QKD 014 requires. The KME identifies the calling SAE by its client certificate
/// (how it maps a certificate to an SAE ID, by CN, serial or SAN, is the KME's choice). The server certificate must
/// chain to <see cref="TrustedRoots"/> when they are given (and only to them), must name <see cref="TargetHost"/> (or
/// the host of <see cref="KmeUri"/>) in its subjectAltName (an IP address as an iPAddress entry, a DNS name as a
/// dNSName entry; the common name is never consulted: RFC 9525 §6.3, §6.4), and must match one of
/// <see cref="ServerPublicKeyPins"/> when pins are given. A certificate refused for any of these reasons, or a TLS
/// alert from the KME, is a <see cref="KeySourceError.TlsAuthenticationFailed"/> whose message names the cause.
/// </remarks>
public sealed class Etsi014ClientOptions
{
    /// <summary>The default <see cref="ApiPath"/> of ETSI GS QKD 014 V1.1.1 (§5.1).</summary>
    public const string DefaultApiPath = "api/v1/keys";

    /// <summary>The KME's base address, such as <c>https://kme-a.example:8443/</c>: absolute, <c>https</c>, without query or fragment.</summary>
    public required Uri KmeUri { get; init; }

    /// <summary>
    /// The path between <see cref="KmeUri"/> and <c>{SAE_ID}/{method}</c>: <c>api/v1/keys</c> in 014 V1.1.1 (the default),
    /// another value for KMEs that mount the API elsewhere. Segments of unreserved URI characters separated by <c>/</c>.
    /// </summary>
    public string ApiPath { get; init; } = DefaultApiPath;

    /// <summary>
    /// The calling SAE's client certificate, with its private key (see <see cref="Etsi014ClientCertificate"/> to load one
    /// from PEM or PFX files). The KME derives the caller's SAE ID from it. Not used with a caller-supplied handler.
    /// </summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>
    /// The roots the KME's server certificate must chain to. When set (not empty), only these roots are trusted
    /// (<see cref="X509ChainTrustMode.CustomRootTrust"/>, no system roots); when null, the system's roots are. Revocation
    /// is not checked (lab and private PKIs seldom publish CRLs); use <see cref="ServerPublicKeyPins"/> to narrow trust.
    /// </summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>
    /// SHA-256 digests (32 bytes each) of the SubjectPublicKeyInfo of acceptable KME server certificates; when not empty,
    /// the server certificate's key must match one of them in addition to passing chain and name validation.
    /// <see cref="ComputeServerPublicKeyPin"/> computes a pin.
    /// </summary>
    public IReadOnlyList<byte[]> ServerPublicKeyPins { get; init; } = Array.Empty<byte[]>();

    /// <summary>
    /// The DNS name or IP address the KME's certificate must name in its subjectAltName, when it differs from the host of
    /// <see cref="KmeUri"/> (a lab KME reached by address whose certificate names a host). Null checks the host of
    /// <see cref="KmeUri"/>. An IP address matches only an iPAddress entry, never a dNSName or the common name.
    /// </summary>
    public string? TargetHost { get; init; }

    /// <summary>The time one HTTP exchange (connection, request and the whole response) may take: 1 ms to 10 minutes. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How transient failures (a 503, a key not yet replicated) are retried. Default <see cref="Etsi014RetryPolicy.Default"/>.</summary>
    public Etsi014RetryPolicy Retry { get; init; } = Etsi014RetryPolicy.Default;

    /// <summary>
    /// True (the default) to send Get key and Get key with key IDs as POST with a JSON body (014 §5.3, §5.4); false to use
    /// the GET forms where the request allows: <c>enc_keys?number=N&amp;size=S</c> when it asks only for a number and a
    /// size, <c>dec_keys?key_ID=UUID</c> for one key ID. Other requests are always POST.
    /// </summary>
    public bool UsePostForms { get; init; } = true;

    /// <summary>The pin of a server certificate for <see cref="ServerPublicKeyPins"/>: SHA-256 of its SubjectPublicKeyInfo (DER).</summary>
    /// <param name="certificate">The KME's server certificate.</param>
    /// <returns>The 32-byte pin.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is null.</exception>
    public static byte[] ComputeServerPublicKeyPin(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Checks every setting; <paramref name="customHandler"/> says that TLS is the caller's handler's business.</summary>
    internal void Validate(bool customHandler)
    {
        const string param = "options";
        if (KmeUri is null || !KmeUri.IsAbsoluteUri)
        {
            throw Error.Qkd_NotAcceptable(param, nameof(KmeUri), "must be an absolute https URI such as https://kme.example:8443/");
        }

        if (KmeUri.Scheme != Uri.UriSchemeHttps)
        {
            throw Error.Qkd_NotAcceptable(param, nameof(KmeUri), $"must use https (ETSI GS QKD 014 requires HTTPS), not '{KmeUri.Scheme}'");
        }

        if (KmeUri.Query.Length > 0 || KmeUri.Fragment.Length > 0 || KmeUri.UserInfo.Length > 0)
        {
            throw Error.Qkd_NotAcceptable(param, nameof(KmeUri), "must not have a query, a fragment or user information");
        }

        Etsi014Paths.ValidateApiPath(ApiPath, param);

        if (RequestTimeout < TimeSpan.FromMilliseconds(1) || RequestTimeout > TimeSpan.FromMinutes(10))
        {
            throw Error.Qkd_NotAcceptable(param, nameof(RequestTimeout), $"must be between 1 ms and 10 minutes, but it is {RequestTimeout}");
        }

        if (Retry is null)
        {
            throw Error.Qkd_NotAcceptable(param, nameof(Retry), "must not be null; use Etsi014RetryPolicy.None for no retries");
        }

        Retry.Validate(param);

        if (ServerPublicKeyPins is null)
        {
            throw Error.Qkd_NotAcceptable(param, nameof(ServerPublicKeyPins), "must not be null; leave it empty for no pinning");
        }

        foreach (byte[] pin in ServerPublicKeyPins)
        {
            if (pin is null || pin.Length != SHA256.HashSizeInBytes)
            {
                throw Error.Qkd_NotAcceptable(param, "Each of ServerPublicKeyPins", $"must be a {SHA256.HashSizeInBytes}-byte SHA-256 digest of a SubjectPublicKeyInfo");
            }
        }

        if (TargetHost is not null && Uri.CheckHostName(TargetHost) == UriHostNameType.Unknown)
        {
            throw Error.Qkd_NotAcceptable(param, nameof(TargetHost), "must be a DNS name or an IP address");
        }

        if (TrustedRoots is not null && TrustedRoots.Count == 0)
        {
            throw Error.Qkd_NotAcceptable(param, nameof(TrustedRoots), "must hold at least one certificate, or be null to trust the system's roots");
        }

        if (ClientCertificate is not null && !ClientCertificate.HasPrivateKey)
        {
            throw Error.Qkd_NotAcceptable(param, nameof(ClientCertificate), "must have its private key (load it with Etsi014ClientCertificate)");
        }

        if (customHandler && (ClientCertificate is not null || TrustedRoots is not null || ServerPublicKeyPins.Count > 0 || TargetHost is not null))
        {
            throw Error.Qkd_NotAcceptable(
                param,
                "ClientCertificate, TrustedRoots, ServerPublicKeyPins and TargetHost",
                "configure the built-in TLS handler; with your own HttpMessageHandler, configure TLS on that handler and leave these unset");
        }
    }
}
