using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FintechCrypto.Internal.Qkd;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>
/// Issue 11 defect 1: a rekey is bound to the epoch it replaces (chained key schedule, authenticated rekey message),
/// so an attacker who knows only public data cannot take over, or downgrade, an established session.
/// </summary>
public sealed class QkdSessionChainingTests
{
    [Fact]
    public async Task AnInjectedPostQuantumOnlyRekeyIsRefused_TheSessionStaysHybridWithItsPeer_AndTheGenuineRekeyIsAccepted()
    {
        // A and B: a hybrid session (epoch 0), ContinuePostQuantumOnly on both ends.
        using var pair = PostQuantumFallbackPair();
        await pair.EstablishAsync();
        QkdSession a = pair.Initiator;
        QkdSession b = pair.Responder;
        Assert.True(b.TryUnprotect(a.Protect("hello B"u8.ToArray()), out _));

        // The attacker knows only public data: B's encapsulation key and the SAE IDs. It claims A's SAE ID, its key
        // source always fails, and it runs InitiateAsync then RekeyAsync to get an epoch-1 (post-quantum-only) message.
        using QkdSession attacker = Attacker(pair);
        _ = await attacker.InitiateAsync();
        byte[] injected = (await attacker.RekeyAsync())!;
        Assert.Equal(QkdSessionMode.PostQuantumOnly, QkdHandshakeMessage.FromBytes(injected).Mode);
        Assert.Equal(1u, QkdHandshakeMessage.FromBytes(injected).Epoch);
        int delivered = pair.Link.Delivered.Count;

        var e = await Assert.ThrowsAsync<QkdSessionException>(() => b.AcceptAsync(injected));

        Assert.Equal(QkdSessionError.RekeyNotAuthenticated, e.Error);
        Assert.Equal(QkdSessionMode.Hybrid, b.Mode);
        Assert.Equal(0u, b.Epoch);
        Assert.Equal(delivered, pair.Link.Delivered.Count); // refused before any QKD key was fetched
        Assert.Contains(pair.ResponderEvents, x => x.Kind == QkdSessionEventKind.Failure && x.Exception is QkdSessionException { Error: QkdSessionError.RekeyNotAuthenticated });

        // B's records still go to A, and only to A; the attacker's records do not reach B.
        byte[] fromB = b.Protect("for A only"u8.ToArray());
        Assert.False(attacker.TryUnprotect(fromB, out _));
        Assert.True(a.TryUnprotect(fromB, out byte[]? opened));
        Assert.Equal("for A only"u8.ToArray(), opened);
        Assert.False(b.TryUnprotect(attacker.Protect("pay the attacker"u8.ToArray()), out _));

        // A's genuine rekey is then accepted.
        await b.AcceptAsync((await a.RekeyAsync())!);
        Assert.Equal(1u, b.Epoch);
        Assert.Equal(QkdSessionMode.Hybrid, b.Mode);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task ARefusedRekeyChangesNothing_ModeEpochKeysCountersOrReplayWindow()
    {
        using var pair = PostQuantumFallbackPair();
        await pair.EstablishAsync();
        QkdSession a = pair.Initiator;
        QkdSession b = pair.Responder;

        byte[][] fromA = [.. Enumerable.Range(0, 5).Select(i => a.Protect([(byte)i]))];
        Assert.True(b.TryUnprotect(fromA[0], out _));
        Assert.True(b.TryUnprotect(fromA[2], out _)); // 1, 3 and 4 are still in flight
        for (int i = 0; i < 3; i++)
        {
            Assert.True(a.TryUnprotect(b.Protect([9]), out _));
        }

        Snapshot before = Snapshot.Of(b);
        using QkdSession attacker = Attacker(pair);
        _ = await attacker.InitiateAsync();
        byte[] injected = (await attacker.RekeyAsync())!;
        byte[] genuine = (await a.RekeyAsync())!;
        var forgeries = new List<byte[]> { injected, Flip(genuine, genuine.Length - 64), Flip(genuine, 12) };
        foreach (byte[] forged in forgeries)
        {
            await Assert.ThrowsAsync<QkdSessionException>(() => b.AcceptAsync(forged));
            Assert.Equal(before, Snapshot.Of(b)); // mode, epoch, state, keys, key IDs
        }

        // Counters: B's next record is its fourth of epoch 0.
        byte[] next = b.Protect([1]);
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32BigEndian(next.AsSpan(1)));
        Assert.Equal(3ul, BinaryPrimitives.ReadUInt64BigEndian(next.AsSpan(5)));
        Assert.True(a.TryUnprotect(next, out _));

        // Replay window: what B opened is still refused, what it did not open still opens.
        Assert.False(b.TryUnprotect(fromA[0], out _));
        Assert.False(b.TryUnprotect(fromA[2], out _));
        Assert.True(b.TryUnprotect(fromA[1], out _));
        Assert.True(b.TryUnprotect(fromA[4], out _));

        await b.AcceptAsync(genuine);
        Assert.True(b.TryUnprotect(fromA[3], out _)); // the previous epoch's grace
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task AVersion1HandshakeIsRefused_ItsRekeysWereNotBoundToTheSession()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        byte[] handshake = await pair.Initiator.InitiateAsync();
        Assert.Equal(QkdHandshakeMessage.CurrentVersion, handshake[4]);
        byte[] version1 = (byte[])handshake.Clone();
        version1[4] = 1;
        Assert.Equal(QkdSessionError.MalformedMessage, Assert.Throws<QkdSessionException>(() => QkdHandshakeMessage.FromBytes(version1)).Error);
        Assert.Equal(QkdSessionError.MalformedMessage, (await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(version1))).Error);
        Assert.Empty(pair.Link.Delivered);
    }

    public static TheoryData<string> Alterations => new() { "mode", "key IDs", "KDF", "KEM ciphertext", "epoch" };

    [Theory]
    [MemberData(nameof(Alterations))]
    public async Task AnAlteredGenuineRekeyIsRefusedBeforeAnyKeyIsFetched_NoDowngrade(string alteration)
    {
        using var pair = PostQuantumFallbackPair();
        await pair.EstablishAsync();
        byte[] genuine = (await pair.Initiator.RekeyAsync())!;
        byte[] altered = alteration switch
        {
            "mode" => ToPostQuantumOnly(genuine),
            "key IDs" => WithKeyId(genuine, Guid.NewGuid()),
            "KDF" => Flip(genuine, 8),     // HKDF-SHA256 (1) -> HKDF-SHA384 (2)... the suite is checked first
            "KEM ciphertext" => Flip(genuine, genuine.Length - 64 - 3 - 100),
            _ => Flip(genuine, 13),         // epoch 1 -> 0
        };
        Snapshot before = Snapshot.Of(pair.Responder);
        int delivered = pair.Link.Delivered.Count;

        var e = await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(altered));

        QkdSessionError expected = alteration switch
        {
            "KDF" => QkdSessionError.SuiteMismatch,
            "epoch" => QkdSessionError.MalformedMessage, // an epoch-0 message carries no rekey authenticator
            _ => QkdSessionError.RekeyNotAuthenticated,
        };
        Assert.Equal(expected, e.Error);
        Assert.Equal(before, Snapshot.Of(pair.Responder));
        Assert.Equal(delivered, pair.Link.Delivered.Count);
        Assert.Equal(QkdSessionMode.Hybrid, pair.Responder.Mode);

        await pair.Responder.AcceptAsync(genuine);
        Assert.Equal(QkdSessionMode.Hybrid, pair.Responder.Mode);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public async Task EveryFlippedByteOfARekeyIsRefused_AndTheGenuineRekeyStillGoesThrough()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        await pair.EstablishAsync();
        byte[] genuine = (await pair.Initiator.RekeyAsync())!;
        Snapshot before = Snapshot.Of(pair.Responder);
        for (int i = 0; i < genuine.Length; i += i < 200 || i > genuine.Length - 80 ? 1 : 37)
        {
            await Assert.ThrowsAsync<QkdSessionException>(() => pair.Responder.AcceptAsync(Flip(genuine, i, (byte)(1 << (i % 8)))));
            Assert.Equal(before, Snapshot.Of(pair.Responder));
        }

        await pair.Responder.AcceptAsync(genuine); // the keys fetched for copies with a flipped confirmation were kept
        Assert.Equal(1u, pair.Responder.Epoch);
        pair.AssertKeysMatchAndRecordsFlow();
    }

    [Fact]
    public void TheKeyScheduleIsCatKdfWithThePreviousChainingSecretAheadOfTheQkdKeysInThePsk()
    {
        // TS 103 744 §8.2 CatKDF, secret = psk ‖ k1 with psk = chain(e−1) ‖ QKD keys: another chaining secret, all else
        // equal, gives other keys; and the 184-byte output is exactly CatKDF's, sliced as documented.
        byte[] qkd = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] kem = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        byte[] handshake = Enumerable.Range(0, 300).Select(i => (byte)((i * 7) & 0xFF)).ToArray();
        byte[] mb = Enumerable.Range(0, 50).Select(i => (byte)(i * 3)).ToArray();
        byte[] chainA = new byte[32];
        byte[] chainB = new byte[32];
        chainB[31] = 1;

        (byte[] Send, byte[] Receive) Keys(byte[] psk)
        {
            using EpochKeys keys = QkdKeySchedule.Derive(
                HybridKdf.Hkdf(KdfAlgorithm.HkdfSha256), psk, kem, handshake, 100, mb, QkdSessionRole.Initiator, 1, QkdSessionMode.Hybrid, [Guid.NewGuid()], 64, DateTimeOffset.UnixEpoch, new byte[32]);
            return (keys.SendFingerprint, keys.ReceiveFingerprint);
        }

        var withA = Keys([.. chainA, .. qkd]);
        var withB = Keys([.. chainB, .. qkd]);
        Assert.NotEqual(withA.Send, withB.Send);
        Assert.NotEqual(withA.Receive, withB.Receive);

        byte[] expected = CatKdf.DeriveKey(
            HybridKdf.Hkdf(KdfAlgorithm.HkdfSha256), [.. chainA, .. qkd], kem, "FintechCrypto QKD session v2"u8.ToArray(), handshake[..100], handshake[..^32], mb, 184);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(expected.AsSpan(0, 44)), withA.Send);      // i→r key ‖ nonce base
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(expected.AsSpan(44, 44)), withA.Receive);  // r→i key ‖ nonce base
    }

    internal static QkdSessionPair PostQuantumFallbackPair() => new(
        KemAlgorithm.MlKem768,
        configureInitiator: o => o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly,
        configureResponder: o => o.ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly);

    /// <summary>An initiator claiming A's SAE ID with a key source that always fails, against B's public key.</summary>
    internal static QkdSession Attacker(QkdSessionPair pair) => QkdSession.CreateInitiator(
        new QkdSessionOptions
        {
            LocalSaeId = pair.InitiatorSaeId,
            PeerSaeId = pair.ResponderSaeId,
            KeySource = new AlwaysFailingKeySource(),
            ExhaustionPolicy = QkdExhaustionPolicy.ContinuePostQuantumOnly,
        },
        QkdResponderKey.Pinned(KemAlgorithm.MlKem768, pair.DecapsulationKey.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey)));

    internal static byte[] Flip(byte[] message, int index, byte mask = 1)
    {
        byte[] copy = (byte[])message.Clone();
        copy[index] ^= mask;
        return copy;
    }

    /// <summary>The message with its mode set to post-quantum-only, its key size and count to 0 and its key IDs removed: well formed.</summary>
    private static byte[] ToPostQuantumOnly(byte[] hybrid)
    {
        QkdHandshakeMessage decoded = QkdHandshakeMessage.FromBytes(hybrid);
        int keyIdsEnd = KeyIdsEnd(hybrid);
        int keyIdsStart = keyIdsEnd - (16 * decoded.KeyIds.Count);
        byte[] result = [.. hybrid[..keyIdsStart], .. hybrid[keyIdsEnd..]];
        result[9] = 2;                        // mode
        result[keyIdsStart - 3] = 0;          // key size
        result[keyIdsStart - 2] = 0;
        result[keyIdsStart - 1] = 0;          // key count
        Assert.Equal(QkdSessionMode.PostQuantumOnly, QkdHandshakeMessage.FromBytes(result).Mode);
        return result;
    }

    private static byte[] WithKeyId(byte[] hybrid, Guid id)
    {
        byte[] result = (byte[])hybrid.Clone();
        id.TryWriteBytes(result.AsSpan(KeyIdsEnd(hybrid) - 16), bigEndian: true, out _);
        Assert.Equal(id, QkdHandshakeMessage.FromBytes(result).KeyIds[^1]);
        return result;
    }

    private static int KeyIdsEnd(byte[] message)
    {
        int at = 14;
        for (int i = 0; i < 4; i++)
        {
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(at));
        }

        return at + 3 + (16 * message[at + 2]);
    }

    internal sealed record Snapshot(QkdSessionMode Mode, uint Epoch, QkdSessionState State, string Send, string Receive, string KeyIds)
    {
        internal static Snapshot Of(QkdSession session)
        {
            var (_, send, receive) = session.CurrentKeyFingerprintsForTesting();
            return new Snapshot(session.Mode, session.Epoch, session.State, Convert.ToHexString(send), Convert.ToHexString(receive), string.Join(",", session.CurrentKeyIds));
        }
    }

    private sealed class AlwaysFailingKeySource : IQkdKeySource
    {
        public Task<QkdKeySourceStatus> GetStatusAsync(string slaveSaeId, CancellationToken cancellationToken = default) =>
            throw new KeySourceException(KeySourceError.Unreachable, "down");

        public Task<QkdKeyContainer> GetKeysAsync(string slaveSaeId, QkdKeyRequest request, CancellationToken cancellationToken = default) =>
            throw new KeySourceException(KeySourceError.Unreachable, "down");

        public Task<QkdKeyContainer> GetKeysWithIdsAsync(string masterSaeId, IReadOnlyList<Guid> keyIds, CancellationToken cancellationToken = default) =>
            throw new KeySourceException(KeySourceError.Unreachable, "down");
    }
}
