using System;
using System.Linq;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>The QkdSession handshake: agreement, the byte encoding, and everything a responder must refuse.</summary>
public sealed class QkdSessionHandshakeTests
{
    public static TheoryData<string> Kems => new() { "ML-KEM-768", "X-Wing", "ML-KEM-512", "ML-KEM-1024" };

    public static TheoryData<string> Kdfs => new() { "HKDF-SHA256", "HKDF-SHA384", "HMAC-SHA256", "HMAC-SHA384", "KMAC128", "KMAC256" };

    [Theory]
    [InlineData(300)] // longer than the 256 bytes a handshake field holds
    [InlineData(-1)] // a lone surrogate: not Unicode text, no UTF-8 for it
    public async Task AKmeIdTheHandshakeCannotCarry_IsAnInvalidKeySourceAnswer_AndNoKeyIsTaken(int length)
    {
        // The KME IDs of the Status are bound into the handshake; a KME that reports unusable ones is a bad answer
        // (KeySourceFailed, InvalidResponse, per policy), not an ArgumentException, and no QKD key is spent on it.
        string kmeId = length < 0 ? "KME-\ud800" : new string('K', length);
        var link = new InMemoryQkdLink();
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, link, configureInitiator: o => o.KeySource = link.EndOf(o.LocalSaeId, kmeId));

        QkdSessionException e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Initiator.InitiateAsync());

        Assert.Equal(QkdSessionError.KeySourceFailed, e.Error);
        Assert.Equal(KeySourceError.InvalidResponse, Assert.IsType<KeySourceException>(e.InnerException).Error);
        Assert.Empty(link.Issued);
        Assert.Equal(QkdSessionState.Created, pair.Initiator.State);
    }

    [Theory]
    [MemberData(nameof(Kems))]
    public async Task BothEndsDeriveTheSameKeysAndExchangeRecords(string kemName)
    {
        using var pair = new QkdSessionPair(KemAlgorithm.FromName(kemName));
        byte[] handshake = await pair.EstablishAsync();

        Assert.Equal(QkdSessionState.Established, pair.Initiator.State);
        Assert.Equal(QkdSessionState.Established, pair.Responder.State);
        Assert.Equal(QkdSessionMode.Hybrid, pair.Initiator.Mode);
        Assert.Equal(QkdSessionMode.Hybrid, pair.Responder.Mode);
        Assert.Equal(0u, pair.Responder.Epoch);
        Assert.Single(pair.Link.Issued);
        Assert.Equal(pair.Link.Issued, pair.Initiator.CurrentKeyIds);
        Assert.Equal(pair.Link.Issued, pair.Responder.CurrentKeyIds);
        Assert.Equal(pair.Link.Issued, pair.Link.Delivered);
        pair.AssertKeysMatchAndRecordsFlow();

        QkdHandshakeMessage decoded = QkdHandshakeMessage.FromBytes(handshake);
        Assert.Equal(KemAlgorithm.FromName(kemName), decoded.Kem);
        Assert.Equal(decoded.Kem.CiphertextSize, decoded.Ciphertext.Length);
        Assert.Equal(QkdEventKinds(pair.InitiatorEvents), [QkdSessionEventKind.Established]);
        Assert.Equal(QkdEventKinds(pair.ResponderEvents), [QkdSessionEventKind.Established]);
    }

    [Theory]
    [MemberData(nameof(Kdfs))]
    public async Task EveryHybridKdfWorksAndGivesOtherKeys(string kdfName)
    {
        HybridKdf kdf = HybridKdf.FromName(kdfName);
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureInitiator: o => { o.Kdf = kdf; o.QkdKeyCount = 3; o.QkdKeySizeInBits = 512; }, configureResponder: o => { o.Kdf = kdf; o.QkdKeyCount = 3; o.QkdKeySizeInBits = 512; });
        byte[] handshake = await pair.EstablishAsync();
        QkdHandshakeMessage decoded = QkdHandshakeMessage.FromBytes(handshake);
        Assert.Equal(kdf, decoded.Kdf);
        Assert.Equal(3, decoded.KeyIds.Count);
        Assert.Equal(512, decoded.KeySizeInBits);
        Assert.Equal(pair.Link.Issued, decoded.KeyIds);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task TheEncodingIsTheDocumentedLayout()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        byte[] m = await pair.Initiator.InitiateAsync();
        Guid keyId = pair.Link.Issued.Single();
        int at = 0;
        Assert.Equal("QKDS"u8.ToArray(), m[at..(at += 4)]);
        Assert.Equal(2, m[at++]);                                  // version
        Assert.Equal(new byte[] { 0x00, 0x41 }, m[at..(at += 2)]);  // ML-KEM-768, HPKE KEM id
        Assert.Equal(new byte[] { 0x00, 0x01 }, m[at..(at += 2)]);  // HKDF-SHA256
        Assert.Equal(1, m[at++]);                                  // hybrid
        Assert.Equal(new byte[4], m[at..(at += 4)]);               // epoch 0
        foreach (string id in new[] { pair.InitiatorSaeId, pair.ResponderSaeId, "KME-A", "KME-peer-of-KME-A" })
        {
            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(id);
            Assert.Equal(new byte[] { 0, (byte)utf8.Length }, m[at..(at += 2)]);
            Assert.Equal(utf8, m[at..(at += utf8.Length)]);
        }

        Assert.Equal(new byte[] { 0x01, 0x00 }, m[at..(at += 2)]); // 256 bits
        Assert.Equal(1, m[at++]);                                  // one key
        Assert.Equal(keyId.ToByteArray(bigEndian: true), m[at..(at += 16)]);
        Assert.Equal(keyId.ToString("N"), Convert.ToHexStringLower(m[(at - 16)..at])); // RFC 4122 order = the UUID's hex digits
        Assert.Equal(new byte[] { 0x04, 0x40 }, m[at..(at += 2)]); // 1088-byte ciphertext
        at += 1088;
        Assert.Equal(0, m[at++]);                                  // no initiator signature ...
        Assert.Equal(new byte[] { 0, 0 }, m[at..(at += 2)]);       // ... of length 0
        Assert.Equal(m.Length, at + 32);                           // epoch 0: no rekey authenticator; the key confirmation ends the message

        // A rekey: the same layout with epoch 1 and a 32-byte rekey authenticator before the key confirmation.
        await pair.Responder.AcceptAsync(m);
        byte[] rekey = (await pair.Initiator.RekeyAsync())!;
        Assert.Equal(new byte[] { 0, 0, 0, 1 }, rekey[10..14]);
        Assert.Equal(m.Length + 32, rekey.Length);
        QkdHandshakeMessage decoded = QkdHandshakeMessage.FromBytes(rekey);
        Assert.Equal(32, decoded.RekeyAuthenticator.Length);
        Assert.Equal(rekey[^64..^32], decoded.RekeyAuthenticator.ToArray());
        Assert.Null(decoded.InitiatorSignatureAlgorithm);
        Assert.Equal(0, decoded.InitiatorSignature.Length);
    }

    [Fact]
    public async Task EveryFlippedByteOfTheHandshakeIsRefusedAndChangesNothing()
    {
        var link = new InMemoryQkdLink { AllowRedelivery = true };
        using var pair = new QkdSessionPair(KemAlgorithm.XWing, link);
        byte[] handshake = await pair.Initiator.InitiateAsync();
        for (int i = 0; i < handshake.Length; i++)
        {
            byte[] tampered = (byte[])handshake.Clone();
            tampered[i] ^= (byte)(1 << (i % 8));
            await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(tampered));
            Assert.Equal(QkdSessionState.Created, pair.Responder.State);
        }

        // The untouched message is still accepted (the refusals changed no state) and the ends agree.
        await pair.Responder.AcceptAsync(handshake);
        pair.AssertKeysMatchAndRecordsFlow();
        Assert.All(pair.ResponderEvents.Take(handshake.Length), e => Assert.Equal(QkdSessionEventKind.Failure, e.Kind));
    }

    [Fact]
    public async Task EveryTruncationAndExtensionIsMalformed()
    {
        var link = new InMemoryQkdLink { AllowRedelivery = true };
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, link);
        byte[] handshake = await pair.Initiator.InitiateAsync();
        for (int length = 0; length < handshake.Length; length++)
        {
            var e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(handshake.AsMemory(0, length)));
            Assert.Equal(QkdSessionError.MalformedMessage, e.Error);
            Assert.Throws<QkdSessionException>(() => QkdHandshakeMessage.FromBytes(handshake.AsSpan(0, length)));
        }

        byte[] longer = [.. handshake, 0];
        Assert.Equal(QkdSessionError.MalformedMessage, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(longer))).Error);
        await pair.Responder.AcceptAsync(handshake);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public void RandomBytesNeverDecodeToAnythingButOurException()
    {
        var random = new Random(6);
        for (int i = 0; i < 2000; i++)
        {
            byte[] junk = new byte[random.Next(0, 1400)];
            random.NextBytes(junk);
            if (junk.Length >= 5 && i % 2 == 0)
            {
                "QKDS"u8.CopyTo(junk);
                junk[4] = 1;
            }

            Assert.Throws<QkdSessionException>(() => QkdHandshakeMessage.FromBytes(junk));
        }
    }

    [Fact]
    public async Task WrongSaeIdsAreRefused()
    {
        var link = new InMemoryQkdLink { AllowRedelivery = true };
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, link);
        byte[] handshake = await pair.Initiator.InitiateAsync();

        // A responder that expects another initiator, and one that is another SAE than the one named.
        var expectsOther = new QkdSessionOptions { LocalSaeId = pair.ResponderSaeId, PeerSaeId = "SAE-MALLORY", KeySource = link.EndOf(pair.ResponderSaeId, "KME-B") };
        using (QkdSession other = QkdSession.CreateResponder(expectsOther, pair.DecapsulationKey))
        {
            Assert.Equal(QkdSessionError.WrongSaeId, (await Assert.ThrowsAsync<QkdSessionException>(() => other.AcceptAsync(handshake))).Error);
        }

        var isOther = new QkdSessionOptions { LocalSaeId = "SAE-C", PeerSaeId = pair.InitiatorSaeId, KeySource = link.EndOf("SAE-C", "KME-C") };
        using (QkdSession other = QkdSession.CreateResponder(isOther, pair.DecapsulationKey))
        {
            Assert.Equal(QkdSessionError.WrongSaeId, (await Assert.ThrowsAsync<QkdSessionException>(() => other.AcceptAsync(handshake))).Error);
        }

        await pair.Responder.AcceptAsync(handshake);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task ASuiteMismatchIsRefused()
    {
        var link = new InMemoryQkdLink { AllowRedelivery = true };
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, link);
        byte[] handshake = await pair.Initiator.InitiateAsync();
        foreach (Action<QkdSessionOptions> change in new Action<QkdSessionOptions>[] { o => o.Kdf = HybridKdf.Hkdf(KdfAlgorithm.HkdfSha384), o => o.QkdKeyCount = 2, o => o.QkdKeySizeInBits = 512 })
        {
            var options = new QkdSessionOptions { LocalSaeId = pair.ResponderSaeId, PeerSaeId = pair.InitiatorSaeId, KeySource = link.EndOf(pair.ResponderSaeId, "KME-B") };
            change(options);
            using QkdSession other = QkdSession.CreateResponder(options, pair.DecapsulationKey);
            Assert.Equal(QkdSessionError.SuiteMismatch, (await Assert.ThrowsAsync<QkdSessionException>(() => other.AcceptAsync(handshake))).Error);
        }
    }

    [Fact]
    public async Task AReplayedOrOutOfOrderHandshakeIsRefused()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        byte[] first = await pair.EstablishAsync();
        Assert.Equal(QkdSessionError.UnexpectedEpoch, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(first))).Error);

        byte[] second = (await pair.Initiator.RekeyAsync())!;
        byte[] third = (await pair.Initiator.RekeyAsync())!;
        Assert.Equal(QkdSessionError.UnexpectedEpoch, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(third))).Error);
        await pair.Responder.AcceptAsync(second);
        await pair.Responder.AcceptAsync(third);
        Assert.Equal(QkdSessionError.UnexpectedEpoch, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(second))).Error);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task KeysFromABrokenKmeFailTheKeyConfirmation()
    {
        var link = new InMemoryQkdLink { CorruptDeliveredKeys = true };
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, link);
        byte[] handshake = await pair.Initiator.InitiateAsync();
        var e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(handshake));
        Assert.Equal(QkdSessionError.KeyConfirmationFailed, e.Error);
        Assert.Equal(QkdSessionState.Created, pair.Responder.State);
    }

    [Fact]
    public async Task AResponderWithAnotherKemKeyFailsTheKeyConfirmation()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        byte[] handshake = await pair.Initiator.InitiateAsync();
        using DecapsulationKey impostorKey = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        using QkdSession impostor = QkdSession.CreateResponder(pair.ResponderOptions, impostorKey);
        Assert.Equal(QkdSessionError.KeyConfirmationFailed, (await Assert.ThrowsAsync<QkdSessionException>(() => impostor.AcceptAsync(handshake))).Error);
    }

    [Fact]
    public async Task TheRolesAndTheOrderOfCallsAreEnforced()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        await Assert.ThrowsAsync<InvalidOperationException>(() => pair.Responder.InitiateAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => pair.Initiator.AcceptAsync(new byte[10]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => pair.Initiator.RekeyAsync());
        Assert.Throws<InvalidOperationException>(() => pair.Initiator.Protect(new byte[1]));
        Assert.False(pair.Responder.TryUnprotect(new byte[40], out _));
        await pair.EstablishAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => pair.Initiator.InitiateAsync());
        pair.Initiator.Dispose();
        Assert.Equal(QkdSessionState.Disposed, pair.Initiator.State);
        Assert.Throws<ObjectDisposedException>(() => pair.Initiator.Protect(new byte[1]));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pair.Initiator.RekeyAsync());
    }

    [Fact]
    public void OptionsAreValidated()
    {
        using DecapsulationKey dk = DecapsulationKey.Generate(KemAlgorithm.MlKem768);
        var link = new InMemoryQkdLink();
        QkdSessionOptions Valid() => new() { LocalSaeId = "A", PeerSaeId = "B", KeySource = link.EndOf("A", "KME-A") };
        Valid().Validate();
        foreach (Action<QkdSessionOptions> breakIt in new Action<QkdSessionOptions>[]
        {
            o => o.LocalSaeId = "", o => o.PeerSaeId = "A", o => o.KeySource = null, o => o.QkdKeySizeInBits = 100,
            o => o.QkdKeySizeInBits = 64, o => o.QkdKeyCount = 0, o => o.QkdKeyCount = 17, o => o.RekeyAfterMessages = 0,
            o => o.RekeyAfterMessages = (1L << 24) + 1, o => o.RekeyAfterBytes = 0, o => o.RekeyAfterTime = TimeSpan.Zero,
            o => o.ReplayWindowSize = 100, o => o.ReplayWindowSize = 0, o => o.PreviousEpochGrace = TimeSpan.FromSeconds(-1),
            o => o.KeySourceTimeout = TimeSpan.Zero, o => o.LocalSaeId = new string('x', 257),
        })
        {
            QkdSessionOptions options = Valid();
            breakIt(options);
            Assert.ThrowsAny<ArgumentException>(options.Validate);
            Assert.ThrowsAny<ArgumentException>(() => QkdSession.CreateResponder(options, dk));
        }

        QkdSessionOptions xwing = Valid();
        xwing.Kem = KemAlgorithm.XWing;
        Assert.ThrowsAny<ArgumentException>(() => QkdSession.CreateResponder(xwing, dk)); // the key is ML-KEM-768
    }

    private static QkdSessionEventKind[] QkdEventKinds(System.Collections.Generic.List<QkdSessionEventArgs> events) => [.. events.Select(e => e.Kind)];
}
