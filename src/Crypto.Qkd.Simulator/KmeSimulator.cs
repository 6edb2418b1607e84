// KmeSimulator: one KME, or both ends of a simulated QKD link, speaking ETSI GS QKD 014 V1.1.1 over HTTPS with mutual
// TLS on Kestrel (014 §4: HTTPS, TLS 1.2 or higher; the SAE authenticated by its client certificate).

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>
/// An ETSI GS QKD 014 KME simulator on Kestrel: one KME per <see cref="KmeSimulatorOptions.Endpoints"/> entry, all
/// sharing one <see cref="SimulatedQkdLink"/>. HTTPS only, TLS 1.2 or 1.3, mutual TLS: a client without a certificate
/// that chains to <see cref="KmeSimulatorOptions.ClientCertificateAuthority"/> is refused at the handshake, and the
/// caller's SAE ID is its certificate's subject CN.
/// </summary>
/// <example>
/// <code>
/// var options = new KmeSimulatorOptions { ServerCertificate = pki.ServerCertificate, ClientCertificateAuthority = pki.Ca };
/// options.Endpoints.Add(new KmeEndpoint("127.0.0.1", 0, "KME_A"));
/// options.Endpoints.Add(new KmeEndpoint("127.0.0.1", 0, "KME_B"));
/// await using var kme = new KmeSimulator(options);
/// IReadOnlyList&lt;Uri&gt; urls = await kme.StartAsync();
/// </code>
/// </example>
public sealed class KmeSimulator : IAsyncDisposable
{
    private readonly KmeSimulatorOptions _options;
    private readonly X509Certificate2 _serverCertificate;
    private readonly X509Certificate2 _clientAuthority;
    private readonly RequestLog? _log;
    private readonly List<WebApplication> _apps = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private Uri[] _urls = Array.Empty<Uri>();
    private bool _started;
    private bool _disposed;

    /// <summary>Creates the simulator and its link; nothing listens before <see cref="StartAsync"/>.</summary>
    /// <param name="options">The endpoints, certificates, link parameters and log.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">No or more than two endpoints, a bad host, a missing certificate or key, or a bad link option.</exception>
    public KmeSimulator(KmeSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoints.Count is < 1 or > 2)
        {
            throw new ArgumentException("The simulator runs one KME or the two ends of a link: give one or two endpoints.", nameof(options));
        }

        foreach (KmeEndpoint endpoint in options.Endpoints)
        {
            ArgumentNullException.ThrowIfNull(endpoint, nameof(options));
            _ = endpoint.Address();
            if (endpoint.Port is < 0 or > 65535)
            {
                throw new ArgumentException($"The port {endpoint.Port} is out of range.", nameof(options));
            }
        }

        _serverCertificate = options.ServerCertificate ?? throw new ArgumentException("A server certificate is required.", nameof(options));
        if (!_serverCertificate.HasPrivateKey)
        {
            throw new ArgumentException("The server certificate needs its private key.", nameof(options));
        }

        _clientAuthority = options.ClientCertificateAuthority ?? throw new ArgumentException("The client CA certificate is required.", nameof(options));
        _options = options;
        Link = new SimulatedQkdLink(options.Endpoints.Select(e => e.KmeId).ToArray(), options.Link);
        _log = options.Log is null ? null : new RequestLog(options.Log, TimeProvider.System);
    }

    /// <summary>The simulated link: its faults, its counters and its in-process key sources.</summary>
    public SimulatedQkdLink Link { get; }

    /// <summary>The https URLs the KMEs listen on, in the order of the endpoints (actual ports); empty before start.</summary>
    public IReadOnlyList<Uri> Urls => _urls;

    /// <summary>Starts listening on every endpoint.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The https URLs, in the order of the endpoints, with the actual ports.</returns>
    /// <exception cref="InvalidOperationException">The simulator was started before.</exception>
    /// <exception cref="ObjectDisposedException">The simulator was disposed.</exception>
    /// <exception cref="System.IO.IOException">An address could not be bound.</exception>
    public async Task<IReadOnlyList<Uri>> StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_started)
            {
                throw new InvalidOperationException("The simulator was started already.");
            }

            _started = true;
            var urls = new Uri[_options.Endpoints.Count];
            for (int i = 0; i < urls.Length; i++)
            {
                WebApplication app = Build(_options.Endpoints[i], i);
                _apps.Add(app);
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                urls[i] = _options.Endpoints[i].Url(BoundPort(app));
            }

            _urls = urls;
            return urls;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops listening (open connections are closed); the link and its keys stay until disposal.</summary>
    /// <param name="cancellationToken">Makes the stop less graceful when cancelled.</param>
    /// <returns>A task that completes when every KME has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            foreach (WebApplication app in _apps)
            {
                await app.StopAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops the KMEs and clears every undelivered key.</summary>
    /// <returns>A task that completes when all is stopped and cleared.</returns>
    public async ValueTask DisposeAsync()
    {
        await _lifecycle.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            foreach (WebApplication app in _apps)
            {
                try
                {
                    await app.StopAsync(grace.Token).ConfigureAwait(false);
                }
                finally
                {
                    await app.DisposeAsync().ConfigureAwait(false);
                }
            }

            _apps.Clear();
            Link.Dispose();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private WebApplication Build(KmeEndpoint endpoint, int kmeIndex)
    {
        // The empty builder: no configuration sources (no ASPNETCORE_URLS), no logging providers, nothing on stdout.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint.Address(), endpoint.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = _serverCertificate,
                    SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13, // 014 §4: TLS 1.2 or higher
                    ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                    CheckCertificateRevocation = false,
                    ClientCertificateValidation = (certificate, chain, _) => SaeIdentity.IsValidClient(certificate, chain, _clientAuthority),
                    HandshakeTimeout = TimeSpan.FromSeconds(30),
                });
            });
        });

        WebApplication app = builder.Build();
        var handler = new KmeHttpHandler(Link, kmeIndex, _log);
        app.Run(handler.HandleAsync);
        return app;
    }

    private static int BoundPort(WebApplication app)
    {
        IServerAddressesFeature? addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        string address = addresses?.Addresses.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no bound address.");
        return new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)).Port;
    }
}
