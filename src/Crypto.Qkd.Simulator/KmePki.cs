// KmePki: the certificates a QKD lab needs (cli.md "QKD", kme init-pki): a test CA, a KME server certificate for a
// host, and one client certificate per SAE whose subject CN is the SAE ID (qkd.md §1.4). ECDSA P-256 throughout.

using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>
/// A lab PKI for the KME simulator and its SAEs, in memory (certificates with their private keys) and, through
/// <see cref="WriteTo"/>, as files: <c>ca.pem</c>, <c>kme.pfx</c> (no password) and, per SAE, <c>ID.pfx</c>,
/// <c>ID.pem</c> and <c>ID.key</c> (PKCS#8 PEM). For tests and pilots only: the CA key is not kept safe.
/// </summary>
public sealed class KmePki : IDisposable
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    private readonly Dictionary<string, X509Certificate2> _clients = new(StringComparer.Ordinal);

    private KmePki()
    {
    }

    /// <summary>The CA certificate, with its private key.</summary>
    public required X509Certificate2 Ca { get; init; }

    /// <summary>The KME server certificate (serverAuth, the host as DNS or IP SAN), with its private key.</summary>
    public required X509Certificate2 ServerCertificate { get; init; }

    /// <summary>The host the server certificate names.</summary>
    public required string Host { get; init; }

    /// <summary>The client certificates by SAE ID, with their private keys.</summary>
    public IReadOnlyDictionary<string, X509Certificate2> ClientCertificates => _clients;

    /// <summary>Creates a CA, a server certificate for <paramref name="host"/> and a client certificate per SAE.</summary>
    /// <param name="host">The KME's host name or IP address (the server certificate's SAN).</param>
    /// <param name="saeIds">The SAE IDs (see <see cref="ValidateSaeId"/>), distinct.</param>
    /// <returns>The PKI.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="saeIds"/> is null.</exception>
    /// <exception cref="ArgumentException">The host is empty, or an SAE ID is invalid or repeated.</exception>
    public static KmePki Create(string host, IEnumerable<string> saeIds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentNullException.ThrowIfNull(saeIds);
        DateTimeOffset now = DateTimeOffset.UtcNow;

        X509Certificate2 ca;
        using (ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var request = new CertificateRequest(new X500DistinguishedName("CN=FintechCrypto QKD lab CA"), caKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            using X509Certificate2 created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
            ca = Reload(created);
        }

        var san = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(host, out IPAddress? ip))
        {
            san.AddIpAddress(ip);
        }
        else
        {
            san.AddDnsName(host);
        }

        X509Certificate2 server = Issue(ca, "CN=" + EscapeRdnValue(host), ServerAuthOid, san);
        var pki = new KmePki { Ca = ca, ServerCertificate = server, Host = host };
        try
        {
            foreach (string sae in saeIds)
            {
                pki.AddClient(sae);
            }
        }
        catch
        {
            pki.Dispose();
            throw;
        }

        return pki;
    }

    /// <summary>Issues (or returns the existing) client certificate of an SAE: subject CN = the SAE ID, clientAuth.</summary>
    /// <param name="saeId">The SAE ID (see <see cref="ValidateSaeId"/>).</param>
    /// <returns>The certificate, with its private key; owned by this PKI.</returns>
    /// <exception cref="ArgumentException">The SAE ID is invalid.</exception>
    public X509Certificate2 AddClient(string saeId)
    {
        ValidateSaeId(saeId);
        if (_clients.TryGetValue(saeId, out X509Certificate2? existing))
        {
            return existing;
        }

        X509Certificate2 client = Issue(Ca, "CN=" + saeId, ClientAuthOid, null);
        _clients.Add(saeId, client);
        return client;
    }

    /// <summary>Checks an SAE ID as cli.md requires: 1 to 64 characters of <c>A-Z a-z 0-9 _ -</c>.</summary>
    /// <param name="saeId">The SAE ID.</param>
    /// <exception cref="ArgumentException">It is not of that form.</exception>
    public static void ValidateSaeId(string saeId)
    {
        bool valid = !string.IsNullOrEmpty(saeId) && saeId.Length <= 64;
        if (valid)
        {
            foreach (char c in saeId)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
                {
                    valid = false;
                    break;
                }
            }
        }

        if (!valid)
        {
            throw new ArgumentException("An SAE ID is 1 to 64 characters of A-Z a-z 0-9 _ -.", nameof(saeId));
        }
    }

    /// <summary>
    /// Writes <c>ca.pem</c>, <c>kme.pfx</c> (no password) and per SAE <c>ID.pfx</c>, <c>ID.pem</c> and <c>ID.key</c>
    /// (PKCS#8 PEM) into <paramref name="directory"/>, creating it if needed. Private key files are readable by the owner
    /// only (on Unix).
    /// </summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The paths written: the CA, the KME's PFX and each SAE's PFX.</returns>
    /// <exception cref="IOException">A file could not be written.</exception>
    public KmePkiFiles WriteTo(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        string caPath = Path.Combine(directory, "ca.pem");
        File.WriteAllText(caPath, Ca.ExportCertificatePem() + "\n");
        string kmePath = Path.Combine(directory, "kme.pfx");
        WriteSecret(kmePath, ExportPfx(ServerCertificate));
        var saes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach ((string sae, X509Certificate2 certificate) in _clients)
        {
            string pfx = Path.Combine(directory, sae + ".pfx");
            WriteSecret(pfx, ExportPfx(certificate));
            File.WriteAllText(Path.Combine(directory, sae + ".pem"), certificate.ExportCertificatePem() + "\n");
            using ECDsa key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The client certificate lost its key.");
            char[] pem = key.ExportPkcs8PrivateKeyPem().ToCharArray();
            try
            {
                byte[] bytes = System.Text.Encoding.ASCII.GetBytes(pem);
                try
                {
                    WriteSecret(Path.Combine(directory, sae + ".key"), bytes);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(bytes);
                }
            }
            finally
            {
                Array.Clear(pem);
            }

            saes.Add(sae, pfx);
        }

        return new KmePkiFiles(caPath, kmePath, saes);
    }

    /// <summary>Disposes of every certificate (and its private key).</summary>
    public void Dispose()
    {
        foreach (X509Certificate2 client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
        ServerCertificate.Dispose();
        Ca.Dispose();
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, string ekuOid, SubjectAlternativeNameBuilder? san)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName(subject), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(ekuOid) }, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san.Build(false));
        }

        byte[] serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F; // a positive serial number (RFC 5280 §4.1.2.2)
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 issued = request.Create(ca, now.AddDays(-1), now.AddYears(2), serial);
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    /// <summary>A PFX round trip, so that the private key is a persisted one that every TLS stack accepts.</summary>
    private static X509Certificate2 Reload(X509Certificate2 certificate)
    {
        byte[] pfx = ExportPfx(certificate);
        try
        {
            return X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.Exportable);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pfx);
        }
    }

    private static byte[] ExportPfx(X509Certificate2 certificate) =>
        certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, null);

    private static void WriteSecret(string path, byte[] bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            // UnixCreateMode applies only to a new file: an existing key file is narrowed to owner-only here.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(stream.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            stream.Write(bytes);
        }

        CryptographicOperations.ZeroMemory(bytes);
    }

    /// <summary>Quotes an RDN value that holds characters with a meaning in a distinguished name.</summary>
    private static string EscapeRdnValue(string value) =>
        value.AsSpan().IndexOfAny(",+=\"\\<>;#") >= 0 ? "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : value;
}
