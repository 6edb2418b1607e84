using System;
using System.Security.Cryptography;
using Xunit;

namespace FintechCrypto.Tests.Kem;

/// <summary>ML-KEM against BouncyCastle 2.7.0 on random seeds: byte-identical keys, ciphertexts and shared secrets.</summary>
[Trait("Category", "KnownAnswer")]
public class MlKemDifferentialTests
{
    public static TheoryData<string> Names => new() { "ML-KEM-512", "ML-KEM-768", "ML-KEM-1024" };

    [Theory]
    [MemberData(nameof(Names))]
    public void KeysCiphertextsAndSecrets_AreByteIdenticalToBouncyCastle(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        var rng = new Random(name.GetHashCode(StringComparison.Ordinal));
        for (int i = 0; i < 40; i++)
        {
            byte[] seed = new byte[64];
            byte[] m = new byte[32];
            rng.NextBytes(seed);
            rng.NextBytes(m);
            (byte[] bcEk, byte[] bcDk) = BouncyCastleKem.KeyGen(algorithm, seed);
            using DecapsulationKey dk = DecapsulationKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
            Assert.Equal(bcEk, dk.Export(KeyBlobFormat.RawPublicKey));
            Assert.Equal(bcDk, dk.Export(KeyBlobFormat.RawPrivateKey));

            (byte[] bcCt, byte[] bcSs) = BouncyCastleKem.Encapsulate(algorithm, bcEk, m);
            byte[] ct = new byte[algorithm.CiphertextSize];
            byte[] ss = new byte[32];
            dk.EncapsulationKey.EncapsulateDeterministicForTesting(m, ct, ss);
            Assert.Equal(bcCt, ct);
            Assert.Equal(bcSs, ss);
            Assert.Equal(bcSs, dk.Decapsulate(ct));

            // Implicit rejection: a tampered ciphertext gives BouncyCastle's rejection secret, not an exception.
            ct[i % ct.Length] ^= (byte)(1 << (i % 8));
            Assert.Equal(BouncyCastleKem.Decapsulate(algorithm, seed, ct), dk.Decapsulate(ct));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RandomizedEncapsulation_DecapsulatesUnderBouncyCastle(string name)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        byte[] seed = RandomNumberGenerator.GetBytes(64);
        using DecapsulationKey dk = DecapsulationKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
        for (int i = 0; i < 10; i++)
        {
            byte[] ct = dk.EncapsulationKey.Encapsulate(out byte[] ss);
            Assert.Equal(ss, BouncyCastleKem.Decapsulate(algorithm, seed, ct));
        }
    }
}
