// Etsi014TlsHandler: the HTTPS connection ETSI GS QKD 014 requires (TLS 1.2 or higher, the SAE authenticated by its
// client certificate, the KME by its server certificate), on SocketsHttpHandler.

using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FintechCrypto.Qkd;

/// <summary>Builds the HTTP handler of an <see cref="Etsi014KeySource"/> and validates the KME's server certificate.</summary>
internal sealed class Etsi014TlsHandler
{
    /// <summary>id-kp-serverAuth (RFC 5280 §4.2.1.12).</summary>
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    private readonly X509Certificate2Collection? _trustedRoots;
    private readonly byte[][] _pins;
    private readonly string _expectedHost;

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
    /// expected host (DNS or IP SAN); and, when pins are configured, when the SHA-256 of its SubjectPublicKeyInfo is one of them.
    /// </summary>
    private bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        X509Certificate2? owned = certificate as X509Certificate2 is null ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()) : null;
        try
        {
            X509Certificate2 leaf = owned ?? (X509Certificate2)certificate;
            bool chainOk = _trustedRoots is null
                ? (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0
                : ChainsToTrustedRoots(leaf, chain);
            return chainOk && NamesExpectedHost(leaf) && MatchesPin(leaf);
        }
        catch (CryptographicException)
        {
            return false;
        }
        finally
        {
            owned?.Dispose();
        }
    }

    private bool ChainsToTrustedRoots(X509Certificate2 leaf, X509Chain? presented)
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
            return chain.Build(leaf);
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

    private bool NamesExpectedHost(X509Certificate2 leaf) =>
        leaf.MatchesHostname(_expectedHost, allowWildcards: true, allowCommonName: true); // CN only without a SAN, as .NET's own check

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
