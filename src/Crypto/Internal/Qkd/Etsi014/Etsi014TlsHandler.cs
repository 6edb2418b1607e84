// Etsi014TlsHandler: the HTTPS connection ETSI GS QKD 014 requires (TLS 1.2 or higher, the SAE authenticated by its
// client certificate, the KME by its server certificate), on SocketsHttpHandler.

using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FintechCrypto.Qkd.Etsi014;

namespace FintechCrypto.Internal.Qkd.Etsi014;

/// <summary>Builds the HTTP handler of an <see cref="Etsi014KeySource"/> and validates the KME's server certificate.</summary>
internal sealed class Etsi014TlsHandler
{
    /// <summary>id-kp-serverAuth (RFC 5280 §4.2.1.12).</summary>
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    private readonly X509Certificate2Collection? _trustedRoots;
    private readonly byte[][] _pins;
    private readonly string _expectedHost;
    private readonly bool _expectedHostIsIp;

    private Etsi014TlsHandler(Etsi014ClientOptions options)
    {
        _trustedRoots = options.TrustedRoots is null ? null : new X509Certificate2Collection(options.TrustedRoots);
        _pins = new byte[options.ServerPublicKeyPins.Count][];
        for (int i = 0; i < _pins.Length; i++)
        {
            _pins[i] = (byte[])options.ServerPublicKeyPins[i].Clone();
        }

        Uri uri = options.KmeUri;
        _expectedHost = options.TargetHost ?? (uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost);
        _expectedHostIsIp = IPAddress.TryParse(_expectedHost, out _);
    }

    /// <summary>A handler for the validated <paramref name="options"/>: TLS 1.2/1.3, the client certificate, our validation.</summary>
    internal static SocketsHttpHandler Create(Etsi014ClientOptions options)
    {
        var validator = new Etsi014TlsHandler(options);
        X509Certificate2? clientCertificate = options.ClientCertificate;
        var ssl = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            RemoteCertificateValidationCallback = validator.ValidateServerCertificate,

            // Revocation is not checked (see Etsi014ClientOptions.TrustedRoots); the chain is built in the callback.
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };

        if (clientCertificate is not null)
        {
            ssl.ClientCertificates = new X509CertificateCollection { clientCertificate };

            // Always offer the SAE's certificate, even when the KME's list of acceptable issuers omits its CA.
            ssl.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        return new SocketsHttpHandler
        {
            SslOptions = ssl,
            ConnectTimeout = options.RequestTimeout,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,

            // New connections now and then pick up a renewed KME certificate and DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
    }

    /// <summary>
    /// The KME's certificate is accepted when it chains to the configured roots (only to them, with
    /// <see cref="X509ChainTrustMode.CustomRootTrust"/>) or, without configured roots, to the system's; when it names the
    /// expected host in its subjectAltName (a DNS name for a DNS host, an iPAddress for an IP host; never the subject's
    /// common name); and, when pins are configured, when the SHA-256 of its SubjectPublicKeyInfo is one of them.
    /// </summary>
    /// <exception cref="Etsi014CertificateRefusedException">
    /// The certificate is refused; thrown rather than returning false so that the refusal's cause reaches the caller
    /// (SocketsHttpHandler keeps it as the inner exception of its HttpRequestException) for this very connection.
    /// </exception>
    private bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        string? refusal = Refusal(certificate, chain, errors);
        return refusal is null ? true : throw new Etsi014CertificateRefusedException(refusal);
    }

    /// <summary>Why the KME's certificate is refused, or null when it is accepted; the reasons name no secret.</summary>
    internal string? Refusal(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return "the KME presented no certificate";
        }

        X509Certificate2? owned = certificate as X509Certificate2 is null ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()) : null;
        try
        {
            X509Certificate2 leaf = owned ?? (X509Certificate2)certificate;
            string? chainProblem = _trustedRoots is null
                ? ((errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0 ? null : DescribeChain(chain?.ChainStatus, "the system's trusted roots"))
                : ChainsToTrustedRoots(leaf, chain);
            if (chainProblem is not null)
            {
                return chainProblem;
            }

            if (!NamesExpectedHost(leaf))
            {
                return _expectedHostIsIp
                    ? $"host name mismatch: the KME's certificate has no iPAddress subjectAltName {_expectedHost} (a common name is not accepted for an IP address, RFC 9525 §6.4)"
                    : $"host name mismatch: the KME's certificate has no dNSName subjectAltName matching '{_expectedHost}' (the common name is not consulted, RFC 9525 §6.3)";
            }

            return MatchesPin(leaf) ? null : "pin mismatch: the SHA-256 of the KME's SubjectPublicKeyInfo is none of the configured ServerPublicKeyPins";
        }
        catch (CryptographicException)
        {
            return "the KME's certificate could not be decoded or checked";
        }
        finally
        {
            owned?.Dispose();
        }
    }

    /// <summary>Null when <paramref name="leaf"/> chains to the configured roots for server authentication; else why not.</summary>
    private string? ChainsToTrustedRoots(X509Certificate2 leaf, X509Chain? presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ServerAuthOid));
        if (presented is not null)
        {
            // The intermediate certificates the KME sent in its handshake.
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }

        try
        {
            return chain.Build(leaf) ? null : DescribeChain(chain.ChainStatus, "the configured TrustedRoots");
        }
        finally
        {
            foreach (X509ChainElement element in chain.ChainElements)
            {
                if (!ReferenceEquals(element.Certificate, leaf))
                {
                    element.Certificate.Dispose();
                }
            }
        }
    }

    /// <summary>The RFC 5280 §6 path validation failure in words: unknown CA, expiry, usage, signature, or the flags.</summary>
    private static string DescribeChain(X509ChainStatus[]? statuses, string roots)
    {
        X509ChainStatusFlags flags = X509ChainStatusFlags.NoError;
        foreach (X509ChainStatus status in statuses ?? Array.Empty<X509ChainStatus>())
        {
            flags |= status.Status;
        }

        if ((flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
        {
            return $"unknown CA: the KME's certificate does not chain to {roots} (untrusted root or missing issuer)";
        }

        if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            return "the KME's certificate, or a CA certificate of its chain, has expired or is not yet valid";
        }

        if ((flags & (X509ChainStatusFlags.NotValidForUsage | X509ChainStatusFlags.InvalidBasicConstraints)) != 0)
        {
            return "the KME's certificate chain is not valid for TLS server authentication (extended key usage or basic constraints)";
        }

        if ((flags & X509ChainStatusFlags.NotSignatureValid) != 0)
        {
            return "a signature in the KME's certificate chain is not valid";
        }

        if ((flags & X509ChainStatusFlags.Revoked) != 0)
        {
            return "the KME's certificate is revoked";
        }

        return flags == X509ChainStatusFlags.NoError
            ? $"the KME's certificate does not chain to {roots}"
            : $"the KME's certificate chain is not valid ({flags})";
    }

    /// <summary>
    /// RFC 9525 (which obsoletes RFC 6125 and with it the common-name fallback of RFC 6125 §6.4.4): the reference identity
    /// is matched only against the subjectAltName. RFC 9525 §6.4: an IP address (RFC 5280 §4.2.1.6 iPAddress, 4 or 16 bytes) is
    /// compared as an address, never with a dNSName or the CN; a DNS name with the dNSName entries (wildcards in the
    /// left-most label only).
    /// </summary>
    private bool NamesExpectedHost(X509Certificate2 leaf) =>
        leaf.MatchesHostname(_expectedHost, allowWildcards: !_expectedHostIsIp, allowCommonName: false);

    private bool MatchesPin(X509Certificate2 leaf)
    {
        if (_pins.Length == 0)
        {
            return true;
        }

        byte[] pin = SHA256.HashData(leaf.PublicKey.ExportSubjectPublicKeyInfo());
        bool match = false;
        foreach (byte[] expected in _pins)
        {
            match |= CryptographicOperations.FixedTimeEquals(pin, expected);
        }

        return match;
    }
}

/// <summary>
/// The KME's server certificate was refused by <see cref="Etsi014TlsHandler"/>'s validation; <see cref="Exception.Message"/>
/// says why (unknown CA, expired, host name or pin mismatch). It never holds key material, only names and chain flags.
/// </summary>
internal sealed class Etsi014CertificateRefusedException : AuthenticationException
{
    /// <summary>Creates the exception with the refusal's reason.</summary>
    /// <param name="reason">Why the certificate was refused.</param>
    internal Etsi014CertificateRefusedException(string reason)
        : base(reason)
    {
    }
}
