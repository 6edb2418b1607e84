using System;
using FintechCrypto.Internal.Sha3;
using Xunit;

namespace FintechCrypto.Tests.Internals;

/// <summary>
/// SHA-3 and SHAKE known answers: the NIST FIPS 202 example values (csrc.nist.gov "Examples with Intermediate
/// Values") for "", "abc" and the 1600-bit message of 200 bytes 0xA3; each value was recomputed with Python's
/// hashlib (sha3_*, shake_*) when these tests were written.
/// </summary>
[Trait("Category", "KnownAnswer")]
public class Sha3KnownAnswerTests
{
    public static TheoryData<string, string, string> Digests => new()
    {
        { "SHA3-224", "", "6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7" },
        { "SHA3-256", "", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a" },
        { "SHA3-384", "", "0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2ac3713831264adb47fb6bd1e058d5f004" },
        { "SHA3-512", "", "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26" },
        { "SHA3-224", "abc", "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf" },
        { "SHA3-256", "abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532" },
        { "SHA3-384", "abc", "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25" },
        { "SHA3-512", "abc", "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0" },
        { "SHA3-224", "a3x200", "9376816aba503f72f96ce7eb65ac095deee3be4bf9bbc2a1cb7e11e0" },
        { "SHA3-256", "a3x200", "79f38adec5c20307a98ef76e8324afbfd46cfd81b22e3973c65fa1bd9de31787" },
        { "SHA3-384", "a3x200", "1881de2ca7e41ef95dc4732b8f5f002b189cc1e42b74168ed1732649ce1dbcdd76197a31fd55ee989f2d7050dd473e8f" },
        { "SHA3-512", "a3x200", "e76dfad22084a8b1467fcf2ffa58361bec7628edf5f3fdc0e4805dc48caeeca81b7c13c30adf52a3659584739a2df46be589c51ca1a4a8416df6545a1ce8ba00" },
        { "SHAKE128", "", "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26" },
        { "SHAKE256", "", "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762fd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be" },
        { "SHAKE128", "abc", "5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc8" },
        { "SHAKE256", "abc", "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e4" },
        { "SHAKE128", "a3x200", "131ab8d2b594946b9c81333f9bb6e0ce75c3b93104fa3469d3917457385da037" },
        { "SHAKE256", "a3x200", "cd8a920ed141aa0407a22d59288652e9d9f1a7ee0c1e7c1ca699424da84a904d2d700caae7396ece96604440577da4f3aa22aeb8857f961c4cd8e06f0ae6610b" },
    };

    [Theory]
    [MemberData(nameof(Digests))]
    public void OneShot_MatchesNistExample(string algorithm, string message, string expectedHex)
    {
        byte[] input = Message(message);
        byte[] output = new byte[expectedHex.Length / 2];
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

        Assert.Equal(expectedHex, Hex.Encode(output));
    }

    [Theory]
    [MemberData(nameof(Digests))]
    public void IncrementalByteByByte_MatchesNistExample(string algorithm, string message, string expectedHex)
    {
        byte[] input = Message(message);
        byte[] output = new byte[expectedHex.Length / 2];
        switch (algorithm)
        {
            case "SHA3-224": { using var h = Sha3Hash.Create224(); foreach (byte b in input) { h.Absorb([b]); } h.GetHashAndReset(output); break; }
            case "SHA3-256": { using var h = Sha3Hash.Create256(); foreach (byte b in input) { h.Absorb([b]); } h.GetHashAndReset(output); break; }
            case "SHA3-384": { using var h = Sha3Hash.Create384(); foreach (byte b in input) { h.Absorb([b]); } h.GetHashAndReset(output); break; }
            case "SHA3-512": { using var h = Sha3Hash.Create512(); foreach (byte b in input) { h.Absorb([b]); } h.GetHashAndReset(output); break; }
            case "SHAKE128":
            {
                using var x = Shake.Create128();
                foreach (byte b in input) { x.Absorb([b]); }
                for (int i = 0; i < output.Length; i++) { x.Squeeze(output.AsSpan(i, 1)); }
                break;
            }

            case "SHAKE256":
            {
                using var x = Shake.Create256();
                foreach (byte b in input) { x.Absorb([b]); }
                for (int i = 0; i < output.Length; i++) { x.Squeeze(output.AsSpan(i, 1)); }
                break;
            }

            default: throw new ArgumentException(algorithm, nameof(algorithm));
        }

        Assert.Equal(expectedHex, Hex.Encode(output));
    }

    [Fact]
    public void Shake128_LongOutput_MatchesNistExampleTail()
    {
        // NIST SHAKE128 example, 1600-bit message of 0xA3, 4096-bit output: its last 32 bytes.
        byte[] output = new byte[512];
        Shake.HashData128(Message("a3x200"), output);
        Assert.Equal("44c9fb359fd56ac0a9a75a743cff6862f17d7259ab075216c0699511643b6439", Hex.Encode(output.AsSpan(480)));

        using var x = Shake.Create128();
        x.Absorb(Message("a3x200"));
        byte[] blocks = new byte[3 * Shake.Rate128];
        x.SqueezeBlocks(blocks);
        Assert.Equal(output.AsSpan(0, blocks.Length).ToArray(), blocks);
    }

    [Fact]
    public void Shake128x4_And_Shake256x4_MatchNistExamplesInEveryLane()
    {
        byte[][] outputs128 = [new byte[32], new byte[32], new byte[32], new byte[32]];
        byte[] a3 = Message("a3x200");
        ShakeX4.HashData128(a3, a3, a3, a3, outputs128[0], outputs128[1], outputs128[2], outputs128[3]);
        foreach (byte[] output in outputs128)
        {
            Assert.Equal("131ab8d2b594946b9c81333f9bb6e0ce75c3b93104fa3469d3917457385da037", Hex.Encode(output));
        }

        byte[][] outputs256 = [new byte[64], new byte[64], new byte[64], new byte[64]];
        byte[] abc = Message("abc");
        ShakeX4.HashData256(abc, abc, abc, abc, outputs256[0], outputs256[1], outputs256[2], outputs256[3]);
        foreach (byte[] output in outputs256)
        {
            Assert.Equal(
                "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e4",
                Hex.Encode(output));
        }
    }

    private static byte[] Message(string name) => name switch
    {
        "" => [],
        "abc" => "abc"u8.ToArray(),
        "a3x200" => A3x200(),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    private static byte[] A3x200()
    {
        byte[] message = new byte[200];
        Array.Fill(message, (byte)0xA3);
        return message;
    }
}
