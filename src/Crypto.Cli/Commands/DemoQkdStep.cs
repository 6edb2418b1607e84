// The demo's QKD step: the embedded KME simulator (two KMEs of one simulated QKD link, on Kestrel over loopback HTTPS
// with mutual TLS and a throw-away PKI), an ETSI GS QKD 014 client per SAE, and a hybrid QKD + ML-KEM-768 session
// between them that carries the payment message, rekeys with fresh QKD keys, and refuses a replayed record.

using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using FintechCrypto.Qkd.Etsi014;
using FintechCrypto.Qkd.Simulator;

namespace FintechCrypto.Cli.Commands;

/// <summary>The QKD step of <c>fintechcrypto demo</c>.</summary>
internal static class DemoQkdStep
{
    public static bool Run(byte[] payment, TextWriter log) => RunAsync(payment, log).GetAwaiter().GetResult();

    private static async Task<bool> RunAsync(byte[] payment, TextWriter log)
    {
        using KmePki pki = KmePki.Create("127.0.0.1", ["SAE_BANK_A", "SAE_BANK_B"]);
        var options = new KmeSimulatorOptions
        {
            ServerCertificate = pki.ServerCertificate,
            ClientCertificateAuthority = pki.Ca,
            Link = new QkdLinkOptions { KeySize = 256, MaxKeyCount = 64 },
        };
        options.Endpoints.Add(new KmeEndpoint("127.0.0.1", 0, "KME_A"));
        options.Endpoints.Add(new KmeEndpoint("127.0.0.1", 0, "KME_B"));
        await using var kme = new KmeSimulator(options);
        var urls = await kme.StartAsync().ConfigureAwait(false);
        log.WriteLine($"   two simulated KMEs of one QKD link listen on {urls[0]} and {urls[1]} (ETSI GS QKD 014, mutual TLS)");

        var roots = new X509Certificate2Collection(pki.Ca);
        using var sourceA = new Etsi014KeySource(new Etsi014ClientOptions { KmeUri = urls[0], ClientCertificate = pki.ClientCertificates["SAE_BANK_A"], TrustedRoots = roots });
        using var sourceB = new Etsi014KeySource(new Etsi014ClientOptions { KmeUri = urls[1], ClientCertificate = pki.ClientCertificates["SAE_BANK_B"], TrustedRoots = roots });

        // The responder's ML-KEM-768 key, pinned at the initiator (pre-distributed).
        using DecapsulationKey responderKey = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        QkdResponderKey pinned = QkdResponderKey.Pinned(KemAlgorithm.MlKem768, responderKey.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey));
        using QkdSession bankA = QkdSession.CreateInitiator(new QkdSessionOptions { LocalSaeId = "SAE_BANK_A", PeerSaeId = "SAE_BANK_B", KeySource = sourceA }, pinned);
        using QkdSession bankB = QkdSession.CreateResponder(new QkdSessionOptions { LocalSaeId = "SAE_BANK_B", PeerSaeId = "SAE_BANK_A", KeySource = sourceB }, responderKey);

        byte[] handshake = await bankA.InitiateAsync().ConfigureAwait(false);
        await bankB.AcceptAsync(handshake).ConfigureAwait(false);
        log.WriteLine($"   bank A fetched QKD key {bankA.CurrentKeyIds[0]:D} from KME_A, encapsulated to bank B's pinned ML-KEM-768 key,");
        log.WriteLine($"   and sent one {handshake.Length}-byte handshake; bank B fetched the same key by ID from KME_B ({bankB.Mode}, {bankA.Kdf.Name} CatKDF)");

        byte[] record = bankA.Protect(payment);
        bool opened = bankB.TryUnprotect(record, out byte[]? plaintext) && plaintext.AsSpan().SequenceEqual(payment);
        bool replayRefused = !bankB.TryUnprotect(record, out _);
        log.WriteLine($"   the payment message crossed as a {record.Length}-byte AES-256-GCM record: {opened}; its replay is refused: {replayRefused}");

        Guid firstKey = bankA.CurrentKeyIds[0];
        byte[]? rekey = await bankA.RekeyAsync().ConfigureAwait(false);
        if (rekey is null)
        {
            return false;
        }

        await bankB.AcceptAsync(rekey).ConfigureAwait(false);
        byte[] second = bankB.Protect(payment);
        bool afterRekey = bankA.TryUnprotect(second, out byte[]? back) && back.AsSpan().SequenceEqual(payment);
        bool freshKey = bankA.CurrentKeyIds[0] != firstKey;
        log.WriteLine($"   rekeyed to epoch {bankA.Epoch} with fresh QKD key {bankA.CurrentKeyIds[0]:D} and a fresh encapsulation: {afterRekey && freshKey}");
        return opened && replayRefused && afterRekey && freshKey && bankA.Mode == QkdSessionMode.Hybrid;
    }
}
