using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi014;
using FintechCrypto.Qkd.Simulator;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// The whole QKD stack as an integrator runs it: a two-KME <see cref="KmeSimulator"/> on 127.0.0.1 (port 0) with a
/// <see cref="KmePki"/>, <see cref="Etsi014KeySource"/>s over HTTPS with mutual TLS (SAE_A at KME_A, SAE_B at KME_B,
/// each with its own client certificate, the lab CA as the only trusted root), and <see cref="QkdSessionPair"/>s over them.
/// </summary>
/// <remarks>
/// The link runs on <see cref="LinkClock"/>, a clock that moves only when the test (or a client's back-off) moves it:
/// the key rate refills nothing by itself, and replication lag passes only by back-offs. The clients' back-offs do not
/// sleep: each one is counted in <see cref="BackOffs"/> and moves <see cref="LinkClock"/> by <see cref="BackOffStep"/>.
/// </remarks>
internal sealed class HttpsQkdLab : IAsyncDisposable
{
    internal const string MasterSaeId = "SAE_A";
    internal const string SlaveSaeId = "SAE_B";
    internal const string IntruderSaeId = "SAE_C";

    private readonly List<IDisposable> _owned = [];
    private int _backOffs;

    private HttpsQkdLab(KmePki pki, KmeSimulator kme, IReadOnlyList<Uri> urls, ManualTimeProvider clock)
    {
        Pki = pki;
        Kme = kme;
        Urls = urls;
        LinkClock = clock;
    }

    internal KmePki Pki { get; }

    internal KmeSimulator Kme { get; }

    internal SimulatedQkdLink Link => Kme.Link;

    internal KmeFaults Faults => Kme.Link.Faults;

    /// <summary>The https URLs of KME_A (index 0) and KME_B (index 1).</summary>
    internal IReadOnlyList<Uri> Urls { get; }

    /// <summary>The link's clock (key rate, replication lag).</summary>
    internal ManualTimeProvider LinkClock { get; }

    /// <summary>How far one client back-off moves <see cref="LinkClock"/>. Default one second.</summary>
    internal TimeSpan BackOffStep { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many back-offs (retries) the lab's clients have made.</summary>
    internal int BackOffs => Volatile.Read(ref _backOffs);

    /// <summary>
    /// The retry budget of the lab's clients unless a test gives another: 4 attempts, so 3 back-offs, which move the
    /// link's clock by 3 × <see cref="BackOffStep"/> in all.
    /// </summary>
    internal static Etsi014RetryPolicy Retry { get; } = new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(2) };

    /// <summary>Starts KME_A and KME_B; the link holds 1000 keys of 256 bits and accrues 1 bit/s on the standing clock.</summary>
    internal static async Task<HttpsQkdLab> StartAsync(Action<QkdLinkOptions>? configureLink = null)
    {
        var clock = new ManualTimeProvider();
        var link = new QkdLinkOptions { MaxKeyCount = 1000, KeySize = 256, KeyRateBitsPerSecond = 1, StartFull = true, TimeProvider = clock };
        configureLink?.Invoke(link);
        KmePki pki = KmePki.Create("127.0.0.1", [MasterSaeId, SlaveSaeId, IntruderSaeId]);
        var options = new KmeSimulatorOptions { ServerCertificate = pki.ServerCertificate, ClientCertificateAuthority = pki.Ca, Link = link };
        options.Endpoints.Add(new KmeEndpoint("127.0.0.1", 0, "KME_A"));
        options.Endpoints.Add(new KmeEndpoint("127.0.0.1", 0, "KME_B"));
        var kme = new KmeSimulator(options);
        try
        {
            IReadOnlyList<Uri> urls = await kme.StartAsync();
            return new HttpsQkdLab(pki, kme, urls, clock);
        }
        catch
        {
            await kme.DisposeAsync();
            pki.Dispose();
            throw;
        }
    }

    /// <summary>
    /// An 014 client for <paramref name="saeId"/> at KME <paramref name="kmeIndex"/>, presenting the SAE's certificate
    /// from the lab PKI, or <paramref name="certificate"/>, or none when <paramref name="noCertificate"/>.
    /// </summary>
    internal Etsi014KeySource Client(
        string saeId,
        int kmeIndex,
        Etsi014RetryPolicy? retry = null,
        bool pinServer = false,
        X509Certificate2? certificate = null,
        bool noCertificate = false)
    {
        X509Certificate2 root = X509CertificateLoader.LoadCertificate(Pki.Ca.RawData);
        _owned.Add(root);
        var source = new Etsi014KeySource(new Etsi014ClientOptions
        {
            KmeUri = Urls[kmeIndex],
            ClientCertificate = noCertificate ? null : certificate ?? Pki.ClientCertificates[saeId],
            TrustedRoots = new X509Certificate2Collection(root),
            ServerPublicKeyPins = pinServer ? [Etsi014ClientOptions.ComputeServerPublicKeyPin(Pki.ServerCertificate)] : [],
            RequestTimeout = TimeSpan.FromMinutes(1), // a safety net on a loaded machine, never reached on loopback
            Retry = retry ?? Retry,
        });
        source.DelayAsync = (_, _) =>
        {
            Interlocked.Increment(ref _backOffs);
            LinkClock.Advance(BackOffStep);
            return Task.CompletedTask;
        };
        _owned.Add(source);
        return source;
    }

    /// <summary>
    /// An initiator (SAE_A, through KME_A) and a responder (SAE_B, through KME_B) over HTTPS; <paramref name="configure"/>
    /// applies to both ends' options (policy, limits) before the sessions are created.
    /// </summary>
    internal QkdSessionPair Pair(KemAlgorithm kem, Action<QkdSessionOptions>? configure = null, TimeProvider? time = null, bool pinServer = false)
    {
        return new QkdSessionPair(
            kem,
            configureInitiator: o =>
            {
                o.LocalSaeId = MasterSaeId;
                o.PeerSaeId = SlaveSaeId;
                o.KeySource = Client(MasterSaeId, 0, pinServer: pinServer);
                o.KeySourceTimeout = TimeSpan.FromMinutes(2); // a safety net
                configure?.Invoke(o);
            },
            configureResponder: o =>
            {
                o.LocalSaeId = SlaveSaeId;
                o.PeerSaeId = MasterSaeId;
                o.KeySource = Client(SlaveSaeId, 1, pinServer: pinServer);
                o.KeySourceTimeout = TimeSpan.FromMinutes(2);
                configure?.Invoke(o);
            },
            time: time);
    }

    /// <summary>Responder options like the pair's, with another key source (another SAE's certificate, a fresh client).</summary>
    internal static QkdSessionOptions ResponderOptionsWith(QkdSessionPair pair, IQkdKeySource keySource)
    {
        QkdSessionOptions o = pair.ResponderOptions;
        return new QkdSessionOptions
        {
            LocalSaeId = o.LocalSaeId,
            PeerSaeId = o.PeerSaeId,
            KeySource = keySource,
            Kem = o.Kem,
            Kdf = o.Kdf,
            ExhaustionPolicy = o.ExhaustionPolicy,
            KeySourceTimeout = o.KeySourceTimeout,
            TimeProvider = o.TimeProvider,
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IDisposable owned in _owned)
        {
            owned.Dispose();
        }

        await Kme.DisposeAsync();
        Pki.Dispose();
    }
}
