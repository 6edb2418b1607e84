using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Sha3;
using Org.BouncyCastle.Crypto.Digests;
using Xunit;
using BclShake128 = System.Security.Cryptography.Shake128;
using BclShake256 = System.Security.Cryptography.Shake256;

namespace FintechCrypto.Tests.Differential;

/// <summary>
/// Our SHA-3 / SHAKE sponges against .NET's OS-backed SHA3_256, SHA3_384, SHA3_512, Shake128, Shake256 and
/// against BouncyCastle's Sha3Digest / ShakeDigest, on every input length 0..400 (which crosses all the rate
/// boundaries 72, 104, 136, 144, 168 and their multiples), random lengths up to 1000, and random splits of the
/// input and output into several Absorb / Squeeze calls; and the 4-way sponges against four single sponges.
/// </summary>
public class KeccakSpongeDifferentialTests
{
    private static readonly int[] RateBoundaryLengths = [0, 1, 7, 8, 9, 71, 72, 73, 103, 104, 105, 135, 136, 137, 143, 144, 145, 167, 168, 169, 271, 272, 273, 335, 336, 337, 503, 504, 505];

    [Fact]
    public void OsProviders_AreAvailableOnThisPlatform()
    {
        // The differential tests below use these as the oracle; on this Linux (OpenSSL 3) all are present.
        Assert.True(SHA3_256.IsSupported, "SHA3_256 is not supported by the OS: the differential oracle is missing.");
        Assert.True(SHA3_384.IsSupported, "SHA3_384 is not supported by the OS: the differential oracle is missing.");
        Assert.True(SHA3_512.IsSupported, "SHA3_512 is not supported by the OS: the differential oracle is missing.");
        Assert.True(BclShake128.IsSupported, "Shake128 is not supported by the OS: the differential oracle is missing.");
        Assert.True(BclShake256.IsSupported, "Shake256 is not supported by the OS: the differential oracle is missing.");
    }

    [Fact]
    public void Sha3AndShake_MatchOs_OnEveryLengthUpTo400_AndRandomLengthsTo1000()
    {
        var random = new Random(3001);
        foreach (int length in Lengths(random))
        {
            byte[] input = RandomBytes(random, length);
            Assert.Equal(SHA3_256.HashData(input), Ours("SHA3-256", input, 32));
            Assert.Equal(SHA3_384.HashData(input), Ours("SHA3-384", input, 48));
            Assert.Equal(SHA3_512.HashData(input), Ours("SHA3-512", input, 64));
            int outputLength = random.Next(0, 600);
            Assert.Equal(BclShake128.HashData(input, outputLength), Ours("SHAKE128", input, outputLength));
            Assert.Equal(BclShake256.HashData(input, outputLength), Ours("SHAKE256", input, outputLength));
        }
    }

    [Fact]
    public void Sha3AndShake_MatchBouncyCastle_OnEveryLengthUpTo400_AndRandomLengthsTo1000()
    {
        var random = new Random(3002);
        foreach (int length in Lengths(random))
        {
            byte[] input = RandomBytes(random, length);
            Assert.Equal(BouncyCastleSha3(224, input), Ours("SHA3-224", input, 28));
            Assert.Equal(BouncyCastleSha3(256, input), Ours("SHA3-256", input, 32));
            Assert.Equal(BouncyCastleSha3(384, input), Ours("SHA3-384", input, 48));
            Assert.Equal(BouncyCastleSha3(512, input), Ours("SHA3-512", input, 64));
            int outputLength = random.Next(0, 600);
            Assert.Equal(BouncyCastleShake(128, input, outputLength), Ours("SHAKE128", input, outputLength));
            Assert.Equal(BouncyCastleShake(256, input, outputLength), Ours("SHAKE256", input, outputLength));
        }
    }

    [Fact]
    public void Shake_OutputLengthsAroundTheRate_MatchBouncyCastle()
    {
        var random = new Random(3003);
        byte[] input = RandomBytes(random, 34);
        foreach (int outputLength in RateBoundaryLengths)
        {
            Assert.Equal(BouncyCastleShake(128, input, outputLength), Ours("SHAKE128", input, outputLength));
            Assert.Equal(BouncyCastleShake(256, input, outputLength), Ours("SHAKE256", input, outputLength));
        }
    }

    [Fact]
    public void MultiCallAbsorbAndSqueeze_MatchOneShot_OnRandomSplits()
    {
        var random = new Random(3004);
        for (int iteration = 0; iteration < 300; iteration++)
        {
            int length = iteration < RateBoundaryLengths.Length ? RateBoundaryLengths[iteration] : random.Next(0, 1001);
            byte[] input = RandomBytes(random, length);
            int outputLength = random.Next(0, 700);

            byte[] expected128 = BouncyCastleShake(128, input, outputLength);
            using (var x = Shake.Create128())
            {
                foreach (Range part in RandomSplit(random, input.Length)) { x.Absorb(input.AsSpan(part)); }
                byte[] actual = new byte[outputLength];
                foreach (Range part in RandomSplit(random, outputLength)) { x.Squeeze(actual.AsSpan(part)); }
                Assert.Equal(expected128, actual);
            }

            byte[] expected256 = BouncyCastleShake(256, input, outputLength);
            using (var x = Shake.Create256())
            {
                foreach (Range part in RandomSplit(random, input.Length)) { x.Absorb(input.AsSpan(part)); }
                byte[] actual = new byte[outputLength];
                foreach (Range part in RandomSplit(random, outputLength)) { x.Squeeze(actual.AsSpan(part)); }
                Assert.Equal(expected256, actual);
            }

            using (var h = Sha3Hash.Create256())
            {
                foreach (Range part in RandomSplit(random, input.Length)) { h.Absorb(input.AsSpan(part)); }
                byte[] actual = new byte[32];
                h.GetHashAndReset(actual);
                Assert.Equal(BouncyCastleSha3(256, input), actual);
            }

            using (var h = Sha3Hash.Create512())
            {
                foreach (Range part in RandomSplit(random, input.Length)) { h.Absorb(input.AsSpan(part)); }
                byte[] actual = new byte[64];
                h.GetHashAndReset(actual);
                Assert.Equal(BouncyCastleSha3(512, input), actual);
            }
        }
    }

    [Fact]
    public void SqueezeBlocks_InterleavedWithSqueeze_MatchesBouncyCastle()
    {
        var random = new Random(3005);
        for (int iteration = 0; iteration < 50; iteration++)
        {
            byte[] input = RandomBytes(random, random.Next(0, 400));
            byte[] expected = BouncyCastleShake(128, input, 10 * Shake.Rate128);
            using var x = Shake.Create128();
            x.Absorb(input);
            byte[] actual = new byte[expected.Length];
            int offset = 0;
            while (offset < actual.Length)
            {
                int blocks = random.Next(1, 3);
                if (random.Next(2) == 0 && offset + (blocks * Shake.Rate128) <= actual.Length)
                {
                    x.SqueezeBlocks(actual.AsSpan(offset, blocks * Shake.Rate128));
                    offset += blocks * Shake.Rate128;
                }
                else
                {
                    // Whole blocks through Squeeze keep the stream block-aligned for the next SqueezeBlocks.
                    x.Squeeze(actual.AsSpan(offset, Shake.Rate128));
                    offset += Shake.Rate128;
                }
            }

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Shake128x4_And_Shake256x4_EqualFourSingleSponges_OnRandomLengthsAndSplits()
    {
        var random = new Random(3006);
        for (int iteration = 0; iteration < 300; iteration++)
        {
            int length = iteration < RateBoundaryLengths.Length ? RateBoundaryLengths[iteration] : random.Next(0, 600);
            int outputLength = random.Next(0, 800);
            byte[][] inputs = [RandomBytes(random, length), RandomBytes(random, length), RandomBytes(random, length), RandomBytes(random, length)];
            byte[][] outputs = [new byte[outputLength], new byte[outputLength], new byte[outputLength], new byte[outputLength]];

            if (iteration % 2 == 0)
            {
                using var x = ShakeX4.Create128();
                foreach (Range p in RandomSplit(random, length)) { x.Absorb(inputs[0].AsSpan(p), inputs[1].AsSpan(p), inputs[2].AsSpan(p), inputs[3].AsSpan(p)); }
                foreach (Range p in RandomSplit(random, outputLength)) { x.Squeeze(outputs[0].AsSpan(p), outputs[1].AsSpan(p), outputs[2].AsSpan(p), outputs[3].AsSpan(p)); }
                for (int j = 0; j < 4; j++)
                {
                    Assert.Equal(Ours("SHAKE128", inputs[j], outputLength), outputs[j]);
                }
            }
            else
            {
                using var x = ShakeX4.Create256();
                foreach (Range p in RandomSplit(random, length)) { x.Absorb(inputs[0].AsSpan(p), inputs[1].AsSpan(p), inputs[2].AsSpan(p), inputs[3].AsSpan(p)); }
                foreach (Range p in RandomSplit(random, outputLength)) { x.Squeeze(outputs[0].AsSpan(p), outputs[1].AsSpan(p), outputs[2].AsSpan(p), outputs[3].AsSpan(p)); }
                for (int j = 0; j < 4; j++)
                {
                    Assert.Equal(Ours("SHAKE256", inputs[j], outputLength), outputs[j]);
                }
            }
        }
    }

    [Fact]
    public void Shake128x4_MlKemMatrixShape_SqueezeBlocksEqualsBouncyCastle()
    {
        // ML-KEM SampleNTT inputs: rho || j || i (34 bytes), three 168-byte blocks then more, one block at a time.
        var random = new Random(3007);
        byte[] rho = RandomBytes(random, 32);
        byte[][] seeds = new byte[4][];
        for (int j = 0; j < 4; j++)
        {
            seeds[j] = [.. rho, (byte)j, (byte)(3 - j)];
        }

        using var x = ShakeX4.Create128();
        x.Absorb(seeds[0], seeds[1], seeds[2], seeds[3]);
        byte[][] outputs = [new byte[5 * 168], new byte[5 * 168], new byte[5 * 168], new byte[5 * 168]];
        x.SqueezeBlocks(outputs[0].AsSpan(0, 504), outputs[1].AsSpan(0, 504), outputs[2].AsSpan(0, 504), outputs[3].AsSpan(0, 504));
        x.SqueezeBlocks(outputs[0].AsSpan(504, 168), outputs[1].AsSpan(504, 168), outputs[2].AsSpan(504, 168), outputs[3].AsSpan(504, 168));
        x.SqueezeBlocks(outputs[0].AsSpan(672), outputs[1].AsSpan(672), outputs[2].AsSpan(672), outputs[3].AsSpan(672));
        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(BouncyCastleShake(128, seeds[j], 5 * 168), outputs[j]);
        }
    }

    [Fact]
    public void Shake256x4_MlKemPrfShape_MatchesOs()
    {
        // ML-KEM PRF_eta inputs: sigma || N (33 bytes), 128 (eta = 2) or 192 (eta = 3) output bytes.
        var random = new Random(3008);
        byte[] sigma = RandomBytes(random, 32);
        foreach (int outputLength in new[] { 128, 192 })
        {
            byte[][] inputs = [[.. sigma, 0], [.. sigma, 1], [.. sigma, 2], [.. sigma, 3]];
            byte[][] outputs = [new byte[outputLength], new byte[outputLength], new byte[outputLength], new byte[outputLength]];
            ShakeX4.HashData256(inputs[0], inputs[1], inputs[2], inputs[3], outputs[0], outputs[1], outputs[2], outputs[3]);
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(BclShake256.HashData(inputs[j], outputLength), outputs[j]);
            }
        }
    }

    private static System.Collections.Generic.IEnumerable<int> Lengths(Random random)
    {
        for (int length = 0; length <= 400; length++)
        {
            yield return length;
        }

        for (int i = 0; i < 100; i++)
        {
            yield return random.Next(401, 1001);
        }

        yield return 1000;
    }

    // Splits 0..length into 1..6 consecutive (possibly empty) parts.
    private static Range[] RandomSplit(Random random, int length)
    {
        int parts = random.Next(1, 7);
        int[] cuts = new int[parts + 1];
        cuts[parts] = length;
        for (int i = 1; i < parts; i++)
        {
            cuts[i] = random.Next(0, length + 1);
        }

        Array.Sort(cuts, 1, parts - 1);
        Range[] ranges = new Range[parts];
        for (int i = 0; i < parts; i++)
        {
            ranges[i] = cuts[i]..cuts[i + 1];
        }

        return ranges;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Ours(string algorithm, byte[] input, int outputLength)
    {
        byte[] output = new byte[outputLength];
        switch (algorithm)
        {
            case "SHA3-224": Sha3Hash.HashData224(input, output); break;
            case "SHA3-256": Sha3Hash.HashData256(input, output); break;
            case "SHA3-384": Sha3Hash.HashData384(input, output); break;
            case "SHA3-512": Sha3Hash.HashData512(input, output); break;
            case "SHAKE128": Shake.HashData128(input, output); break;
            case "SHAKE256": Shake.HashData256(input, output); break;
            default: throw new ArgumentException(algorithm, nameof(algorithm));
        }

        return output;
    }

    private static byte[] BouncyCastleSha3(int bits, byte[] input)
    {
        var digest = new Sha3Digest(bits);
        digest.BlockUpdate(input, 0, input.Length);
        byte[] output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }

    private static byte[] BouncyCastleShake(int bits, byte[] input, int outputLength)
    {
        var digest = new ShakeDigest(bits);
        digest.BlockUpdate(input, 0, input.Length);
        byte[] output = new byte[outputLength];
        digest.OutputFinal(output, 0, outputLength);
        return output;
    }
}
