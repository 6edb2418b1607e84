// DecapsulationKey used while it is disposed (issue 11 defect 4): an ML-KEM decapsulation racing Dispose could
// return the implicit-rejection secret of an all-zero key instead of the real shared secret.

using System;
using System.Linq;
using Xunit;

namespace FintechCrypto.Tests.Lifetime;

public class DecapsulationKeyDisposeRaceTests
{
    public static TheoryData<string> Kems => new() { "ML-KEM-512", "ML-KEM-768", "ML-KEM-1024", "X-Wing" };

    [Theory]
    [MemberData(nameof(Kems))]
    public void Decapsulate_DisposedBetweenItsCheckAndTheKeyRead_ReturnsTheRealSharedSecret(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        byte[] seed = Seed(algorithm);
        (byte[] ciphertext, byte[] expected) = Encapsulate(algorithm, seed);

        DecapsulationKey key = DecapsulationKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        byte[] secret;
        using (var armed = DisposeDuringUse.Arm(key))
        {
            secret = key.Decapsulate(ciphertext);
            Assert.True(armed.Fired);
        }

        // The lease was taken before Dispose, so decapsulation finished on the real key; the key is cleared after it.
        Assert.Equal(expected, secret);
        Assert.Throws<ObjectDisposedException>(() => key.Decapsulate(ciphertext));
    }

    [Theory]
    [MemberData(nameof(Kems))]
    public void Decapsulate_OfAWrongCiphertext_DisposedMidway_ReturnsTheRealKeysImplicitRejectionSecret(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        byte[] seed = Seed(algorithm);
        (byte[] ciphertext, _) = Encapsulate(algorithm, seed);
        ciphertext[5] ^= 0x10;
        byte[] expected;
        using (DecapsulationKey copy = DecapsulationKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed))
        {
            expected = copy.Decapsulate(ciphertext); // FIPS 203 Algorithm 18: K̄ = J(z ‖ c) of the real z
        }

        DecapsulationKey key = DecapsulationKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        byte[] secret;
        using (var armed = DisposeDuringUse.Arm(key))
        {
            secret = key.Decapsulate(ciphertext);
            Assert.True(armed.Fired);
        }

        Assert.Equal(expected, secret);
    }

    [Theory]
    [MemberData(nameof(Kems))]
    public void Export_DisposedBetweenItsCheckAndTheKeyRead_ExportsTheRealSeed(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        byte[] seed = Seed(algorithm);
        DecapsulationKey key = DecapsulationKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        using (var armed = DisposeDuringUse.Arm(key))
        {
            Assert.Equal(seed, key.Export(KeyBlobFormat.PrivateKeySeed));
            Assert.True(armed.Fired);
        }

        Assert.Throws<ObjectDisposedException>(() => key.Export(KeyBlobFormat.PrivateKeySeed));
    }

    [Theory]
    [MemberData(nameof(Kems))]
    public void DecapsulateOnManyThreads_RacingDispose_EitherReturnsTheRealSecretOrThrowsObjectDisposed(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        byte[] seed = Seed(algorithm);
        (byte[] ciphertext, byte[] expected) = Encapsulate(algorithm, seed);
        DisposeRace.Run(
            rounds: 15,
            workers: 3,
            () => DecapsulationKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed),
            key => key.Decapsulate(ciphertext),
            secret => secret.AsSpan().SequenceEqual(expected),
            maxOperationsPerWorker: 200);
    }

    private static byte[] Seed(KemAlgorithm algorithm) => Enumerable.Range(7, algorithm.SeedSize).Select(i => unchecked((byte)(i * 5))).ToArray();

    private static (byte[] Ciphertext, byte[] SharedSecret) Encapsulate(KemAlgorithm algorithm, byte[] seed)
    {
        using DecapsulationKey key = DecapsulationKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        byte[] ciphertext = key.EncapsulationKey.Encapsulate(out byte[] sharedSecret);
        return (ciphertext, sharedSecret);
    }
}
