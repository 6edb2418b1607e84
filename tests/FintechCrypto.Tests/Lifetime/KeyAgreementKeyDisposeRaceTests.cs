// KeyAgreementKey used while it is disposed (issue 11 defect 4): X25519 on our own pinned scalar, ECDH-P256 on the OS
// ECDiffieHellman object; an agreement racing Dispose gives the real shared secret or ObjectDisposedException.

using System;
using System.Collections.Concurrent;
using Xunit;

namespace FintechCrypto.Tests.Lifetime;

public class KeyAgreementKeyDisposeRaceTests
{
    private static readonly ConcurrentDictionary<string, (byte[] Pkcs8, byte[] Peer)> s_keys = new();

    [Theory]
    [MemberData(nameof(Registry.KeyAgreementNames), MemberType = typeof(Registry))]
    public void Agree_DisposedBetweenItsCheckAndTheKeyRead_ReturnsTheRealSharedSecret(string name)
    {
        KeyAgreementAlgorithm algorithm = KeyAgreementAlgorithm.FromName(name);
        using KeyAgreementPublicKey peer = Peer(algorithm);
        byte[] expected = AgreeWithCopy(algorithm, peer);

        KeyAgreementKey key = Import(algorithm);
        byte[] secret;
        using (var armed = DisposeDuringUse.Arm(key))
        {
            // Before the fix X25519 ran on the cleared scalar here (and refused the all-zero result as a low-order
            // point); ECDH ran on a disposed OS object.
            secret = key.Agree(peer);
            Assert.True(armed.Fired);
        }

        Assert.Equal(expected, secret);
        Assert.Throws<ObjectDisposedException>(() => key.Agree(peer));
    }

    [Theory]
    [MemberData(nameof(Registry.KeyAgreementNames), MemberType = typeof(Registry))]
    public void Export_DisposedBetweenItsCheckAndTheKeyRead_ExportsTheRealKey(string name)
    {
        KeyAgreementAlgorithm algorithm = KeyAgreementAlgorithm.FromName(name);
        byte[] pkcs8 = Keys(algorithm).Pkcs8;
        KeyAgreementKey key = Import(algorithm);
        using (var armed = DisposeDuringUse.Arm(key))
        {
            byte[] exported = key.Export(KeyBlobFormat.Pkcs8PrivateKey);
            Assert.True(armed.Fired);
            using KeyAgreementKey reimported = KeyAgreementKey.Import(algorithm, exported, KeyBlobFormat.Pkcs8PrivateKey);
            using KeyAgreementKey original = KeyAgreementKey.Import(algorithm, pkcs8, KeyBlobFormat.Pkcs8PrivateKey);
            Assert.Equal(original.PublicKey.Export(KeyBlobFormat.RawPublicKey), reimported.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        }

        Assert.Throws<ObjectDisposedException>(() => key.Export(KeyBlobFormat.Pkcs8PrivateKey));
    }

    [Theory]
    [MemberData(nameof(Registry.KeyAgreementNames), MemberType = typeof(Registry))]
    public void AgreeOnManyThreads_RacingDispose_EitherReturnsTheRealSecretOrThrowsObjectDisposed(string name)
    {
        KeyAgreementAlgorithm algorithm = KeyAgreementAlgorithm.FromName(name);
        using KeyAgreementPublicKey peer = Peer(algorithm);
        byte[] expected = AgreeWithCopy(algorithm, peer);
        DisposeRace.Run(
            rounds: 25,
            workers: 3,
            () => Import(algorithm),
            key =>
            {
                // The OS ECDH object of the peer is shared by the workers: one agreement on it at a time.
                lock (peer)
                {
                    return key.Agree(peer);
                }
            },
            secret => secret.AsSpan().SequenceEqual(expected),
            maxOperationsPerWorker: 200);
    }

    private static (byte[] Pkcs8, byte[] Peer) Keys(KeyAgreementAlgorithm algorithm) => s_keys.GetOrAdd(algorithm.Name, _ =>
    {
        using KeyAgreementKey mine = KeyAgreementKey.Generate(algorithm);
        using KeyAgreementKey theirs = KeyAgreementKey.Generate(algorithm);
        return (mine.Export(KeyBlobFormat.Pkcs8PrivateKey), theirs.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    });

    private static KeyAgreementKey Import(KeyAgreementAlgorithm algorithm) =>
        KeyAgreementKey.Import(algorithm, Keys(algorithm).Pkcs8, KeyBlobFormat.Pkcs8PrivateKey);

    private static KeyAgreementPublicKey Peer(KeyAgreementAlgorithm algorithm) =>
        KeyAgreementPublicKey.Import(algorithm, Keys(algorithm).Peer, KeyBlobFormat.RawPublicKey);

    private static byte[] AgreeWithCopy(KeyAgreementAlgorithm algorithm, KeyAgreementPublicKey peer)
    {
        using KeyAgreementKey copy = Import(algorithm);
        return copy.Agree(peer);
    }
}
