// Etsi014ConnectionFailure: why an HTTPS exchange with an ETSI GS QKD 014 KME failed before any answer, in words, and
// whether that is permanent (a TLS authentication failure: unknown CA, expired, host name or pin mismatch, a refused
// client certificate) or worth trying again (DNS, a refused or cut connection).

using System;
using System.IO;
using System.Net.Http;
using System.Security.Authentication;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd.Etsi014;

/// <summary>Turns the exception of a failed exchange into a <see cref="KeySourceException"/> that names the TLS cause.</summary>
/// <remarks>
/// The cause comes from three places: our own validation of the KME's certificate (<see cref="Etsi014CertificateRefusedException"/>,
/// exact); a TLS alert the KME sent (RFC 8446 §6.2, RFC 5246 §7.2.2), found by its name in the TLS stack's messages
/// (OpenSSL on Linux writes "tlsv1 alert unknown ca"; other stacks may name none, and then the failure stays generic);
/// and <see cref="HttpRequestException.HttpRequestError"/>. Only names of alerts, errors and hosts are reported: never
/// response bytes or key material.
/// </remarks>
internal static class Etsi014ConnectionFailure
{
    /// <summary>TLS alerts (RFC 8446 §6.2) as OpenSSL names them, what they mean for an SAE, and whether they are permanent.</summary>
    private static readonly (string Text, string Description, bool Permanent)[] s_alerts =
    {
        ("alert unknown ca", "the KME refused the client certificate: it does not trust its issuer (TLS alert unknown_ca)", true),
        ("alert bad certificate", "the KME refused the client certificate (TLS alert bad_certificate)", true),
        ("alert unsupported certificate", "the KME refused the client certificate as of an unsupported type (TLS alert unsupported_certificate)", true),
        ("alert certificate revoked", "the KME refused the client certificate as revoked (TLS alert certificate_revoked)", true),
        ("alert certificate expired", "the KME refused the client certificate as expired or not yet valid (TLS alert certificate_expired)", true),
        ("alert certificate unknown", "the KME refused the client certificate (TLS alert certificate_unknown)", true),
        ("alert certificate required", "the KME requires a client certificate and none was sent (TLS alert certificate_required)", true),
        ("alert access denied", "the KME denied access to the client certificate's identity (TLS alert access_denied)", true),
        ("alert handshake failure", "TLS handshake failure (TLS alert handshake_failure): no common TLS version or cipher suite, or the KME requires a client certificate that was not sent or not accepted", true),
        ("alert protocol version", "no common TLS version (TLS alert protocol_version); ETSI GS QKD 014 needs TLS 1.2 or 1.3", true),
        ("alert insufficient security", "no common cipher suite strong enough for the KME (TLS alert insufficient_security)", true),
        ("alert decrypt error", "a handshake signature did not verify (TLS alert decrypt_error): a client certificate that does not match its private key?", true),
        ("unrecognized name", "the KME serves no such host name (TLS alert unrecognized_name)", true),
        ("alert internal error", "the KME reported an internal TLS error (TLS alert internal_error)", false),
    };

    private const string HandshakeFailed = "the TLS handshake failed without a reported cause (the connection was cut, or the TLS stack names no alert)";

    /// <summary>The <see cref="KeySourceException"/> for <paramref name="e"/>, thrown while sending <paramref name="context"/>'s request.</summary>
    /// <param name="context">What was being done, for the message.</param>
    /// <param name="e">An <see cref="HttpRequestException"/>, <see cref="IOException"/> or <see cref="AuthenticationException"/>.</param>
    /// <returns>Kind <see cref="KeySourceError.TlsAuthenticationFailed"/> (not transient) or <see cref="KeySourceError.Unreachable"/>.</returns>
    internal static KeySourceException From(string context, Exception e)
    {
        (string reason, bool permanent) = Diagnose(e);

        // The TLS stack's exceptions name alerts and error codes and are kept for diagnosis; an HTTP parse error of the
        // response may quote its bytes (issue 11 defect 6) and is not.
        Exception? inner = QuotesResponse(e) ? null : e;
        return permanent
            ? new KeySourceException(KeySourceError.TlsAuthenticationFailed, $"{context}: the TLS connection to the KME was refused: {reason}.", innerException: inner)
            : new KeySourceException(KeySourceError.Unreachable, $"{context}: the KME could not be reached: {reason}.", innerException: inner);
    }

    /// <summary>Whether the chain holds an HTTP parse error, whose message may quote the KME's bytes.</summary>
    private static bool QuotesResponse(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is HttpIOException { HttpRequestError: HttpRequestError.InvalidResponse } or HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The cause in words and whether it is permanent.</summary>
    internal static (string Reason, bool Permanent) Diagnose(Exception e)
    {
        // 1. Our own validation of the KME's certificate: the exact reason of this connection's refusal.
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is Etsi014CertificateRefusedException refused)
            {
                return ("the KME's certificate was not accepted: " + refused.Message, true);
            }
        }

        // 2. A TLS alert from the KME, during the handshake or (TLS 1.3 client authentication) on the first read after it.
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            foreach ((string text, string description, bool permanent) in s_alerts)
            {
                if (x.Message.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    return (description, permanent);
                }
            }
        }

        bool tls = false;
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            tls |= x is AuthenticationException;
        }

        // 3. What HttpClient says.
        HttpRequestError error = e is HttpRequestException h ? h.HttpRequestError : HttpRequestError.Unknown;
        string reason = error switch
        {
            HttpRequestError.NameResolutionError => "the host name could not be resolved",
            HttpRequestError.ConnectionError => "the connection failed",
            HttpRequestError.SecureConnectionError => HandshakeFailed,
            HttpRequestError.Unknown when tls => HandshakeFailed,
            HttpRequestError.ProxyTunnelError => "the proxy tunnel failed",
            HttpRequestError.ResponseEnded =>
                "the KME closed the connection before an answer (under TLS 1.3 a KME that refuses the client certificate may close without an alert)",
            _ => e is HttpRequestException ? $"the request failed ({Innermost(e).GetType().Name})" : "the connection failed",
        };
        return (reason, false);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
