// KmeSimulatorOptions: what the HTTPS KME simulator listens on, its certificates, its link and its log.

using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography.X509Certificates;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>The configuration of a <see cref="KmeSimulator"/>.</summary>
public sealed class KmeSimulatorOptions
{
    /// <summary>One endpoint (a single KME) or two (both ends of a link), each with its KME ID.</summary>
    public IList<KmeEndpoint> Endpoints { get; } = new List<KmeEndpoint>();

    /// <summary>The KMEs' TLS server certificate, with its private key (required).</summary>
    public X509Certificate2? ServerCertificate { get; set; }

    /// <summary>
    /// The CA that issued the SAEs' client certificates (required): the only root a client chain is validated against
    /// (<see cref="X509ChainTrustMode.CustomRootTrust"/>).
    /// </summary>
    public X509Certificate2? ClientCertificateAuthority { get; set; }

    /// <summary>The key rate, buffer and limits of the simulated link.</summary>
    public QkdLinkOptions Link { get; set; } = new();

    /// <summary>Receives one line per request (time, KME, method, path, status, SAE; never key material); null for none.</summary>
    public TextWriter? Log { get; set; }
}
