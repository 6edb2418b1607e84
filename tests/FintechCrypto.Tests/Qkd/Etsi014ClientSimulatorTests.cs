using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi014;
using FintechCrypto.Qkd.Simulator;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Etsi014KeySource end to end against the KME simulator (FintechCrypto.Qkd.Simulator): both ends of a simulated QKD
/// link on Kestrel (127.0.0.1, port 0), mutual TLS with a KmePki, the master at KME_A and the slave at KME_B.
/// </summary>
public sealed class Etsi014ClientSimulatorTests : IAsyncLifetime
{
    private readonly KmePki _pki = KmePki.Create("127.0.0.1", new[] { "SAE_A", "SAE_B", "SAE_C" });
    private readonly ManualTimeProvider _clock = new();
    private KmeSimulator _kme = null!;
    private IReadOnlyList<Uri> _urls = null!;

    public async Task InitializeAsync()
    {
        var options = new KmeSimulatorOptions
        {
            ServerCertificate = _pki.ServerCertificate,
            ClientCertificateAuthority = _pki.Ca,
            Link = new QkdLinkOptions { MaxKeyCount = 8, KeySize = 256, KeyRateBitsPerSecond = 256, StartFull = true, TimeProvider = _clock },
        };
        options.Endpoints.Add(new KmeEndpoint("127.0.0.1", 0, "KME_A"));
        options.Endpoints.Add(new KmeEndpoint("127.0.0.1", 0, "KME_B"));
        _kme = new KmeSimulator(options);
        _urls = await _kme.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _kme.DisposeAsync();
        _pki.Dispose();
    }

    [Fact]
    public async Task MasterAndSlave_AtTheTwoKmes_GetTheSameKeys_Once()
    {
        foreach (bool post in new[] { true, false })
        {
            using Etsi014KeySource master = Client("SAE_A", 0, post);
            using Etsi014KeySource slave = Client("SAE_B", 1, post);

            QkdKeySourceStatus status = await master.GetStatusAsync("SAE_B");
            using QkdKeyContainer sent = await master.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256));
            using QkdKeyContainer received = await slave.GetKeysWithIdsAsync("SAE_A", sent.Keys.Select(k => k.KeyId).ToArray());

            Assert.Equal(("KME_A", "SAE_A", "SAE_B"), (status.SourceKmeId, status.MasterSaeId, status.SlaveSaeId));
            Assert.Equal(sent.Keys.Select(k => k.KeyId), received.Keys.Select(k => k.KeyId));
            Assert.Equal(sent.Keys[0].Key.ToArray(), received.Keys[0].Key.ToArray());

            // 014 keys are delivered once: a second fetch is "not found".
            KeySourceException again = await Etsi014TestClients.FailsAsync(() => slave.GetKeysWithIdsAsync("SAE_A", new[] { sent.Keys[0].KeyId }));
            Assert.Equal((KeySourceError.KeyNotFound, 400), (again.Error, again.HttpStatus));
        }
    }

    [Fact]
    public async Task ASaeThatIsNotTheSlave_IsUnauthorized()
    {
        using Etsi014KeySource master = Client("SAE_A", 0);
        using Etsi014KeySource intruder = Client("SAE_C", 1);
        using QkdKeyContainer sent = await master.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256));

        KeySourceException e = await Etsi014TestClients.FailsAsync(() => intruder.GetKeysWithIdsAsync("SAE_A", new[] { sent.Keys[0].KeyId }));

        Assert.Equal((KeySourceError.Unauthorized, 401), (e.Error, e.HttpStatus));
    }

    [Fact]
    public async Task Exhaustion_Is503_KeysExhausted_AndPreChecksUseTheSimulatorsStatus()
    {
        using Etsi014KeySource master = Client("SAE_A", 0);
        using QkdKeyContainer all = await master.GetKeysAsync("SAE_B", QkdKeyRequest.For(8, 256));

        KeySourceException empty = await Etsi014TestClients.FailsAsync(() => master.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256)));
        Assert.Equal((KeySourceError.KeysExhausted, 503), (empty.Error, empty.HttpStatus));
        Assert.True(empty.IsTransient);

        KeySourceException tooBig = await Etsi014TestClients.FailsAsync(() => master.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 8192)));
        Assert.Equal(KeySourceError.InvalidKeySize, tooBig.Error);
        Assert.Null(tooBig.HttpStatus);
    }

    [Fact]
    public async Task ReplicationLag_IsRetried_UntilTheKeyArrives()
    {
        _kme.Link.Faults.ReplicationLag = TimeSpan.FromSeconds(5);
        using Etsi014KeySource master = Client("SAE_A", 0);
        using Etsi014KeySource slave = Client("SAE_B", 1, retry: new Etsi014RetryPolicy { MaxAttempts = 5, BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(2) });
        int waits = 0;
        slave.DelayAsync = (_, _) =>
        {
            // The back-off "waits" by moving the link's clock, so the test never sleeps.
            waits++;
            _clock.Advance(TimeSpan.FromSeconds(2));
            return Task.CompletedTask;
        };
        using QkdKeyContainer sent = await master.GetKeysAsync("SAE_B", QkdKeyRequest.For(1, 256));

        using QkdKeyContainer received = await slave.GetKeysWithIdsAsync("SAE_A", new[] { sent.Keys[0].KeyId });

        Assert.Equal(sent.Keys[0].Key.ToArray(), received.Keys[0].Key.ToArray());
        Assert.Equal(3, waits);
    }

    [Fact]
    public async Task InjectedFaults_503IsRetried_Html401IsUnauthorized_AStoppedKmeIsUnreachable()
    {
        using Etsi014KeySource master = Client("SAE_A", 0, retry: new Etsi014RetryPolicy { MaxAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });

        _kme.Link.Faults.FailNextRequests(2);
        Assert.Equal("SAE_B", (await master.GetStatusAsync("SAE_B")).SlaveSaeId);

        _kme.Link.Faults.Html401NextRequests(1);
        KeySourceException html = await Etsi014TestClients.FailsAsync(() => master.GetStatusAsync("SAE_B"));
        Assert.Equal((KeySourceError.Unauthorized, 401, (string?)null), (html.Error, html.HttpStatus, html.KmeMessage));

        _kme.Link.Faults.StopServing();
        KeySourceException stopped = await Etsi014TestClients.FailsAsync(() => master.GetStatusAsync("SAE_B"));
        Assert.Equal(KeySourceError.Unreachable, stopped.Error);
        Assert.Null(stopped.HttpStatus);
    }

    private Etsi014KeySource Client(string saeId, int kme, bool post = true, Etsi014RetryPolicy? retry = null)
    {
        var source = new Etsi014KeySource(new Etsi014ClientOptions
        {
            KmeUri = _urls[kme],
            ClientCertificate = _pki.ClientCertificates[saeId],
            TrustedRoots = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(_pki.Ca.RawData)),
            UsePostForms = post,
            RequestTimeout = TimeSpan.FromSeconds(60),
            Retry = retry ?? Etsi014RetryPolicy.None,
        });
        source.DelayAsync = (_, _) => Task.CompletedTask;
        return source;
    }
}
