using System;
using Org.BouncyCastle.Crypto.Digests;
using Xunit;

namespace FintechCrypto.Tests.Kem;

/// <summary>
/// Go's TestAccumulated (style.md): every input from one SHAKE128 stream, every output (ek, ct, K, and the
/// implicit-rejection K of a random ciphertext) absorbed into a second; the digest must equal the one the same
/// procedure computes through BouncyCastle. Thousands of iterations in one digest.
/// </summary>
[Trait("Category", "KnownAnswer")]
public class MlKemAccumulatedTests
{
    [Theory]
    [InlineData("ML-KEM-512", 500)]
    [InlineData("ML-KEM-768", 2000)]
    [InlineData("ML-KEM-1024", 500)]
    public void AccumulatedDigest_EqualsBouncyCastles(string name, int iterations)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(name);
        byte[] ours = Accumulate(algorithm, iterations, useBouncyCastle: false);
        byte[] theirs = Accumulate(algorithm, iterations, useBouncyCastle: true);
        Assert.Equal(Convert.ToHexString(theirs), Convert.ToHexString(ours));
    }

    private static byte[] Accumulate(KemAlgorithm algorithm, int iterations, bool useBouncyCastle)
    {
        // The streams are BouncyCastle's SHAKE128, independent of our Keccak.
        var input = new ShakeDigest(128);
        var output = new ShakeDigest(128);
        byte[] label = System.Text.Encoding.ASCII.GetBytes(algorithm.Name);
        input.BlockUpdate(label, 0, label.Length);
        byte[] seed = new byte[64];
        byte[] m = new byte[32];
        byte[] randomCt = new byte[algorithm.CiphertextSize];
        for (int i = 0; i < iterations; i++)
        {
            input.Output(seed, 0, seed.Length);
            input.Output(m, 0, m.Length);
            input.Output(randomCt, 0, randomCt.Length);
            byte[] ek, ct, k, kk, kRejected;
            if (useBouncyCastle)
            {
                ek = BouncyCastleKem.KeyGen(algorithm, seed).Ek;
                (ct, k) = BouncyCastleKem.Encapsulate(algorithm, ek, m);
                kk = BouncyCastleKem.Decapsulate(algorithm, seed, ct);
                kRejected = BouncyCastleKem.Decapsulate(algorithm, seed, randomCt);
            }
            else
            {
                using DecapsulationKey dk = DecapsulationKey.Import(algorithm, seed, KeyBlobFormat.PrivateKeySeed);
                ek = dk.Export(KeyBlobFormat.RawPublicKey);
                ct = new byte[algorithm.CiphertextSize];
                k = new byte[32];
                dk.EncapsulationKey.EncapsulateDeterministicForTesting(m, ct, k);
                kk = dk.Decapsulate(ct);
                kRejected = dk.Decapsulate(randomCt);
            }

            Assert.Equal(k, kk);
            foreach (byte[] absorbed in new[] { ek, ct, k, kRejected })
            {
                output.BlockUpdate(absorbed, 0, absorbed.Length);
            }
        }

        byte[] digest = new byte[32];
        output.OutputFinal(digest, 0, digest.Length);
        return digest;
    }
}
