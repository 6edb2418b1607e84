using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FintechCrypto.Tests.Qkd;

/// <summary>A test certificate authority made in the test with CertificateRequest (P-256), issuing KME and SAE certificates.</summary>
internal sealed class TestPki : IDisposable
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    private TestPki(X509Certificate2 ca)
    {
        Ca = ca;
    }

    /// <summary>The CA certificate with its private key.</summary>
    public X509Certificate2 Ca { get; }

    public static TestPki Create(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 ca = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return new TestPki(Reload(ca));
    }

    /// <summary>The CA certificate without its key, as a client's trust root.</summary>
    public X509Certificate2 CaPublic() => X509CertificateLoader.LoadCertificate(Ca.RawData);

    /// <summary>A KME server certificate naming 127.0.0.1 (IP SAN) and kme.test (DNS SAN).</summary>
    public X509Certificate2 IssueServer(string cn = "kme.test") => Issue(cn, ServerAuth, server: true);

    /// <summary>An SAE client certificate whose CN is the SAE ID.</summary>
    public X509Certificate2 IssueClient(string saeId) => Issue(saeId, ClientAuth, server: false);

    public void Dispose() => Ca.Dispose();

    /// <summary>
    /// A KME server certificate with exactly the subjectAltName <paramref name="san"/> writes (none when null, so only the
    /// CN names a host) and the given validity, for the name and expiry checks.
    /// </summary>
    public X509Certificate2 IssueServerWith(string cn, Action<SubjectAlternativeNameBuilder>? san, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        return Issue(cn, ServerAuth, san, notBefore ?? now.AddDays(-1), notAfter ?? now.AddDays(29));
    }

    private X509Certificate2 Issue(string cn, string usage, bool server)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        Action<SubjectAlternativeNameBuilder>? san = server
            ? b =>
            {
                b.AddIpAddress(IPAddress.Loopback);
                b.AddDnsName("kme.test");
            }
            : null;
        return Issue(cn, usage, san, now.AddDays(-1), now.AddDays(29));
    }

    private X509Certificate2 Issue(string cn, string usage, Action<SubjectAlternativeNameBuilder>? sanWriter, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={cn}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(usage) }, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        if (sanWriter is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            sanWriter(san);
            request.CertificateExtensions.Add(san.Build());
        }

        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using X509Certificate2 issued = request.Create(Ca, notBefore, notAfter, serial);
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    /// <summary>Through PKCS#12, so the key is usable by every platform's TLS stack.</summary>
    private static X509Certificate2 Reload(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
}
