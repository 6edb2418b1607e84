// CasKdf (ETSI TS 103 744 clause 8.3) disposed while a round runs (issue 11 defect 4): the round finishes on the real
// chain secret, never on a cleared one, and the chain secret is cleared after it.

using System;
using System.Linq;
using System.Text;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Lifetime;

public class CasKdfDisposeRaceTests
{
    private static readonly byte[] Psk = Enumerable.Range(1, 32).Select(i => (byte)(0x30 + i)).ToArray();
    private static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)(0x90 ^ i)).ToArray();
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("round");

    [Theory]
    [InlineData("HKDF-SHA256")]
    [InlineData("KMAC256")]
    public void DeriveRound_DisposedBetweenItsCheckAndTheChainSecretRead_DerivesFromTheRealChainSecret(string kdfName)
    {
        HybridKdf kdf = HybridKdf.FromName(kdfName);
        byte[][] expected = Expected(kdf, 2);
        var cascade = new CasKdf(kdf, Psk);
        byte[] first = new byte[32];
        cascade.DeriveRound(Secret, Label, default, default, default, first);
        Assert.Equal(expected[0], first);

        byte[] second = new byte[32];
        using (var armed = DisposeDuringUse.Arm(cascade))
        {
            cascade.DeriveRound(Secret, Label, default, default, default, second);
            Assert.True(armed.Fired);
        }

        Assert.Equal(expected[1], second);
        Assert.Throws<ObjectDisposedException>(() => cascade.DeriveRound(Secret, Label, default, default, default, second));
    }

    [Fact]
    public void RoundsRacingADisposeFromAnotherThread_EachDeriveFromTheRealChainOrThrowObjectDisposed()
    {
        HybridKdf kdf = HybridKdf.Hkdf(KdfAlgorithm.HkdfSha256);
        const int MaxRounds = 200;
        byte[][] expected = Expected(kdf, MaxRounds);

        // One worker: a cascade's rounds follow one another; Dispose comes from a second thread.
        DisposeRace.Run(
            rounds: 30,
            workers: 1,
            () => new CasKdf(kdf, Psk),
            cascade =>
            {
                int round = cascade.Rounds;
                byte[] keyMaterial = new byte[32];
                cascade.DeriveRound(Secret, Label, default, default, default, keyMaterial);
                return (Round: round, KeyMaterial: keyMaterial);
            },
            result => result.KeyMaterial.AsSpan().SequenceEqual(expected[result.Round]),
            maxOperationsPerWorker: MaxRounds);
    }

    private static byte[][] Expected(HybridKdf kdf, int rounds)
    {
        using var cascade = new CasKdf(kdf, Psk);
        var keys = new byte[rounds][];
        for (int i = 0; i < rounds; i++)
        {
            keys[i] = new byte[32];
            cascade.DeriveRound(Secret, Label, default, default, default, keys[i]);
        }

        return keys;
    }
}
