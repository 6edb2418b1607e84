using System;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Issue 11 defect 1, first handshake: an optional initiator ML-DSA signature over the handshake, checked by a responder
/// that pins the initiator's key, its fingerprint, or trusts a certificate (<see cref="InitiatorKeyCertificate"/>).
/// </summary>
public sealed class QkdSessionInitiatorAuthenticationTests
{
    private static readonly DateTimeOffset s_notAfter = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Trusts => new()
    {
        { "pinned", "ML-DSA-44" },
        { "fingerprint", "ML-DSA-65" },
        { "certificate", "ML-DSA-87" },
    };

    [Theory]
    [MemberData(nameof(Trusts))]
    public async Task ASignedPostQuantumOnlyFirstHandshakeIsAccepted_AndRekeysNeedNoSignature(string trust, string algorithm)
    {
        using SigningKey initiatorKey = SigningKey.Generate(SignatureAlgorithm.FromName(algorithm));
        using SigningKey authority = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        string suffix = Guid.NewGuid().ToString("N")[..8];
        string initiatorSaeId = "SAE-A-" + suffix;
        QkdInitiatorKey trusted = Trusted(trust, initiatorKey, authority, initiatorSaeId);
        Assert.Equal(trust switch { "pinned" => QkdKeyAuthentication.PinnedKey, "fingerprint" => QkdKeyAuthentication.PinnedFingerprint, _ => QkdKeyAuthentication.Certificate }, trusted.Authentication);

        using var pair = new QkdSessionPair(
            KemAlgorithm.MlKem768,
            configureInitiator: o => { o.LocalSaeId = initiatorSaeId; o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly; o.InitiatorSigningKey = initiatorKey; },
            configureResponder: o => { o.PeerSaeId = initiatorSaeId; o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly; o.TrustedInitiatorKey = trusted; });
        pair.Link.Stopped = true; // post-quantum-only from the start: the KEM alone does not authenticate the initiator

        byte[] handshake = await pair.EstablishAsync();

        QkdHandshakeMessage decoded = QkdHandshakeMessage.FromBytes(handshake);
        Assert.Equal(QkdSessionMode.PostQuantumOnly, decoded.Mode);
        Assert.Equal(initiatorKey.Algorithm, decoded.InitiatorSignatureAlgorithm);
        Assert.Equal(initiatorKey.Algorithm.SignatureSize, decoded.InitiatorSignature.Length);
        pair.AssertKeysMatchAndRecordsFlow();

        byte[] rekey = (await pair.Initiator.RekeyAsync())!;
        Assert.Null(QkdHandshakeMessage.FromBytes(rekey).InitiatorSignatureAlgorithm);
        await pair.Responder.AcceptAsync(rekey);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    public static TheoryData<string> Refusals => new() { "unsigned", "another key", "flipped signed byte", "flipped signature", "attacker" };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task AResponderThatRequiresTheSignatureRefusesAFirstHandshakeWithoutAValidOne_BeforeFetchingKeys(string refusal)
    {
        using SigningKey initiatorKey = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        using SigningKey otherKey = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        using var pair = new QkdSessionPair(
            KemAlgorithm.MlKem768,
            configureInitiator: o => o.InitiatorSigningKey = initiatorKey,
            configureResponder: o => o.TrustedInitiatorKey = QkdInitiatorKey.Pinned(initiatorKey.Algorithm, initiatorKey.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        byte[] genuine = await pair.Initiator.InitiateAsync();
        int signatureAt = genuine.Length - 32 - initiatorKey.Algorithm.SignatureSize;

        byte[] refused;
        switch (refusal)
        {
            case "unsigned":
            case "another key":
                var options = new QkdSessionOptions
                {
                    LocalSaeId = pair.InitiatorSaeId,
                    PeerSaeId = pair.ResponderSaeId,
                    KeySource = pair.InitiatorOptions.KeySource,
                    InitiatorSigningKey = refusal == "unsigned" ? null : otherKey,
                };
                using (QkdSession other = QkdSession.CreateInitiator(options, pair.ResponderKey))
                {
                    refused = await other.InitiateAsync();
                }

                break;
            case "flipped signed byte":
                refused = QkdSessionChainingTests.Flip(genuine, signatureAt - 3 - 10); // inside the KEM ciphertext
                break;
            case "flipped signature":
                refused = QkdSessionChainingTests.Flip(genuine, signatureAt + 100);
                break;
            default:
                // The attacker of defect 1 on a fresh responder: A's SAE ID, post-quantum-only, its own signing key.
                using (QkdSession attacker = QkdSession.CreateInitiator(
                    new QkdSessionOptions
                    {
                        LocalSaeId = pair.InitiatorSaeId,
                        PeerSaeId = pair.ResponderSaeId,
                        KeySource = new InMemoryQkdLink { Stopped = true }.EndOf(pair.InitiatorSaeId, "KME-X"),
                        ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly,
                        InitiatorSigningKey = otherKey,
                    },
                    pair.ResponderKey))
                {
                    refused = await attacker.InitiateAsync();
                }

                break;
        }

        int delivered = pair.Link.Delivered.Count;
        var e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(refused));

        Assert.Equal(refusal == "attacker" ? QkdSessionError.DowngradeRefused : QkdSessionError.InitiatorNotAuthenticated, e.Error);
        Assert.Equal(QkdSessionState.Created, pair.Responder.State);
        Assert.Equal(delivered, pair.Link.Delivered.Count); // no QKD key fetched for it

        await pair.Responder.AcceptAsync(genuine);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task TheAttackerIsRefusedByASignatureRequiringResponderThatAllowsPostQuantumOnly()
    {
        using SigningKey initiatorKey = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        using SigningKey attackerKey = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        using var pair = new QkdSessionPair(
            KemAlgorithm.MlKem768,
            configureResponder: o => { o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly; o.TrustedInitiatorKey = QkdInitiatorKey.Pinned(initiatorKey.Algorithm, initiatorKey.PublicKey.Export(KeyBlobFormat.RawPublicKey)); });
        using QkdSession attacker = QkdSessionChainingTests.Attacker(pair);
        var e = await Assert.ThrowsAsync<QkdSessionException>(async () => await pair.Responder.AcceptAsync(await attacker.InitiateAsync()));
        Assert.Equal(QkdSessionError.InitiatorNotAuthenticated, e.Error);
        Assert.Equal(QkdSessionMode.None, pair.Responder.Mode);
    }

    [Fact]
    public async Task AResponderThatDoesNotRequireTheSignatureAcceptsASignedHandshake()
    {
        using SigningKey initiatorKey = SigningKey.Generate(SignatureAlgorithm.MlDsa44);
        using var pair = new QkdSessionPair(KemAlgorithm.XWing, configureInitiator: o => o.InitiatorSigningKey = initiatorKey);
        await pair.EstablishAsync();
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public void UnauthenticatedInitiatorKeysAreRefused()
    {
        using SigningKey initiatorKey = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        using SigningKey other = SigningKey.Generate(SignatureAlgorithm.MlDsa65);
        using SigningKey authority = SigningKey.Generate(SignatureAlgorithm.MlDsa87);
        using SigningKey stranger = SigningKey.Generate(SignatureAlgorithm.MlDsa87);
        using SigningKey ed25519 = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        var clock = new ManualTimeProvider();
        byte[] pk = initiatorKey.PublicKey.Export(KeyBlobFormat.RawPublicKey);

        // Pinned fingerprint.
        byte[] pin = QkdInitiatorKey.ComputeFingerprint(pk);
        Assert.Equal(pin, QkdInitiatorKey.PinnedFingerprint(SignatureAlgorithm.MlDsa65, pk, pin).Fingerprint.ToArray());
        Assert.Equal(QkdSessionError.UntrustedInitiatorKey, Assert.Throws<QkdSessionException>(() => QkdInitiatorKey.PinnedFingerprint(SignatureAlgorithm.MlDsa65, other.PublicKey.Export(KeyBlobFormat.RawPublicKey), pin)).Error);
        Assert.Throws<ArgumentException>(() => QkdInitiatorKey.PinnedFingerprint(SignatureAlgorithm.MlDsa65, pk, pin.AsSpan(1)));
        Assert.ThrowsAny<ArgumentException>(() => QkdInitiatorKey.PinnedFingerprint(SignatureAlgorithm.Ed25519, pk, pin));

        // Certificates: good, then by a stranger, for another SAE, expired, another context.
        byte[] certificate = InitiatorKeyCertificate.Create(authority, "SAE-A", initiatorKey.PublicKey.Algorithm, initiatorKey.PublicKey.Export(KeyBlobFormat.RawPublicKey), s_notAfter).ToBytes();
        InitiatorKeyCertificate decoded = InitiatorKeyCertificate.FromBytes(certificate);
        Assert.Equal(("SAE-A", SignatureAlgorithm.MlDsa65, SignatureAlgorithm.MlDsa87, s_notAfter), (decoded.SaeId, decoded.KeyAlgorithm, decoded.SignatureAlgorithm, decoded.NotAfter));
        Assert.True(decoded.Verify(authority.PublicKey));
        Assert.Equal(pin, QkdInitiatorKey.FromCertificate(certificate, authority.PublicKey, "SAE-A", clock).Fingerprint.ToArray());
        Assert.Equal(QkdSessionError.UntrustedInitiatorKey, Assert.Throws<QkdSessionException>(() => QkdInitiatorKey.FromCertificate(certificate, stranger.PublicKey, "SAE-A", clock)).Error);
        Assert.Equal(QkdSessionError.UntrustedInitiatorKey, Assert.Throws<QkdSessionException>(() => QkdInitiatorKey.FromCertificate(certificate, authority.PublicKey, "SAE-C", clock)).Error);
        byte[] expired = InitiatorKeyCertificate.Create(authority, "SAE-A", initiatorKey.PublicKey.Algorithm, initiatorKey.PublicKey.Export(KeyBlobFormat.RawPublicKey), clock.GetUtcNow().AddSeconds(-1)).ToBytes();
        Assert.Equal(QkdSessionError.UntrustedInitiatorKey, Assert.Throws<QkdSessionException>(() => QkdInitiatorKey.FromCertificate(expired, authority.PublicKey, "SAE-A", clock)).Error);
        byte[] otherContext = InitiatorKeyCertificate.Create(authority, "SAE-A", initiatorKey.PublicKey.Algorithm, initiatorKey.PublicKey.Export(KeyBlobFormat.RawPublicKey), s_notAfter, "bank-x"u8.ToArray()).ToBytes();
        Assert.Equal(QkdSessionError.UntrustedInitiatorKey, Assert.Throws<QkdSessionException>(() => QkdInitiatorKey.FromCertificate(otherContext, authority.PublicKey, "SAE-A", clock)).Error);

        // A KEM key certificate is not an initiator key certificate (another magic), and vice versa.
        using DecapsulationKey dk = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        byte[] kemCertificate = KemKeyCertificate.Create(authority, "SAE-A", dk.EncapsulationKey.Algorithm, dk.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), s_notAfter).ToBytes();
        Assert.Equal(QkdSessionError.MalformedMessage, Assert.Throws<QkdSessionException>(() => QkdInitiatorKey.FromCertificate(kemCertificate, authority.PublicKey, "SAE-A", clock)).Error);
        Assert.Equal(QkdSessionError.MalformedMessage, Assert.Throws<QkdSessionException>(() => QkdResponderKey.FromCertificate(certificate, authority.PublicKey, "SAE-A", clock)).Error);

        // Tampering and truncation: our exceptions only.
        for (int i = 0; i < certificate.Length; i += 11)
        {
            byte[] tampered = (byte[])certificate.Clone();
            tampered[i] ^= 0x10;
            Assert.ThrowsAny<FintechCryptoException>(() => QkdInitiatorKey.FromCertificate(tampered, authority.PublicKey, "SAE-A", clock));
        }

        for (int length = 0; length < certificate.Length; length += 13)
        {
            Assert.Equal(QkdSessionError.MalformedMessage, Assert.Throws<QkdSessionException>(() => InitiatorKeyCertificate.FromBytes(certificate.AsSpan(0, length))).Error);
        }

        // Only ML-DSA: as a pinned key, a certified key, a certificate signer, an initiator's signing key.
        Assert.ThrowsAny<ArgumentException>(() => QkdInitiatorKey.Pinned(ed25519.Algorithm, ed25519.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        Assert.ThrowsAny<ArgumentException>(() => InitiatorKeyCertificate.Create(authority, "SAE-A", ed25519.PublicKey.Algorithm, ed25519.PublicKey.Export(KeyBlobFormat.RawPublicKey), s_notAfter));
        Assert.ThrowsAny<ArgumentException>(() => InitiatorKeyCertificate.Create(ed25519, "SAE-A", initiatorKey.PublicKey.Algorithm, initiatorKey.PublicKey.Export(KeyBlobFormat.RawPublicKey), s_notAfter));
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        pair.InitiatorOptions.InitiatorSigningKey = ed25519;
        Assert.ThrowsAny<ArgumentException>(() => QkdSession.CreateInitiator(pair.InitiatorOptions, pair.ResponderKey));

        // A key certified for another SAE than the responder's peer cannot build a responder.
        QkdInitiatorKey certifiedForA = QkdInitiatorKey.FromCertificate(certificate, authority.PublicKey, "SAE-A", clock);
        pair.ResponderOptions.TrustedInitiatorKey = certifiedForA;
        Assert.Equal(QkdSessionError.UntrustedInitiatorKey, Assert.Throws<QkdSessionException>(() => QkdSession.CreateResponder(pair.ResponderOptions, pair.DecapsulationKey)).Error);
    }

    private static QkdInitiatorKey Trusted(string trust, SigningKey initiatorKey, SigningKey authority, string saeId)
    {
        byte[] pk = initiatorKey.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        return trust switch
        {
            "pinned" => QkdInitiatorKey.Pinned(initiatorKey.Algorithm, initiatorKey.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            "fingerprint" => QkdInitiatorKey.PinnedFingerprint(initiatorKey.Algorithm, pk, QkdInitiatorKey.ComputeFingerprint(pk)),
            _ => QkdInitiatorKey.FromCertificate(InitiatorKeyCertificate.Create(authority, saeId, initiatorKey.PublicKey.Algorithm, initiatorKey.PublicKey.Export(KeyBlobFormat.RawPublicKey), DateTimeOffset.UtcNow.AddDays(1)).ToBytes(), authority.PublicKey, saeId),
        };
    }
}
