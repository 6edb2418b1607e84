using System;
using FintechCrypto.Native.Keccak;
using Xunit;

namespace FintechCrypto.Tests.Internals;

/// <summary>Keccak-f[1600] known answers and its round constants recomputed from FIPS 202 §3.2.5.</summary>
[Trait("Category", "KnownAnswer")]
public class Sha3PermutationKnownAnswerTests
{
    // Keccak-f[1600] applied once and twice to the all-zero state: the Keccak team's published intermediate
    // values (XKCP, KeccakF-1600-IntermediateValues.txt), recomputed here with an independent Python model of
    // FIPS 202 §3.2 that reproduces hashlib.sha3_256 and hashlib.shake_128.
    private static readonly ulong[] ZeroPermutedOnce =
    [
        0xF1258F7940E1DDE7UL, 0x84D5CCF933C0478AUL, 0xD598261EA65AA9EEUL, 0xBD1547306F80494DUL, 0x8B284E056253D057UL,
        0xFF97A42D7F8E6FD4UL, 0x90FEE5A0A44647C4UL, 0x8C5BDA0CD6192E76UL, 0xAD30A6F71B19059CUL, 0x30935AB7D08FFC64UL,
        0xEB5AA93F2317D635UL, 0xA9A6E6260D712103UL, 0x81A57C16DBCF555FUL, 0x43B831CD0347C826UL, 0x01F22F1A11A5569FUL,
        0x05E5635A21D9AE61UL, 0x64BEFEF28CC970F2UL, 0x613670957BC46611UL, 0xB87C5A554FD00ECBUL, 0x8C3EE88A1CCF32C8UL,
        0x940C7922AE3A2614UL, 0x1841F924A2C509E4UL, 0x16F53526E70465C2UL, 0x75F644E97F30A13BUL, 0xEAF1FF7B5CECA249UL,
    ];

    private static readonly ulong[] ZeroPermutedTwice =
    [
        0x2D5C954DF96ECB3CUL, 0x6A332CD07057B56DUL, 0x093D8D1270D76B6CUL, 0x8A20D9B25569D094UL, 0x4F9C4F99E5E7F156UL,
        0xF957B9A2DA65FB38UL, 0x85773DAE1275AF0DUL, 0xFAF4F247C3D810F7UL, 0x1F1B9EE6F79A8759UL, 0xE4FECC0FEE98B425UL,
        0x68CE61B6B9CE68A1UL, 0xDEEA66C4BA8F974FUL, 0x33C43D836EAFB1F5UL, 0xE00654042719DBD9UL, 0x7CF8A9F009831265UL,
        0xFD5449A6BF174743UL, 0x97DDAD33D8994B40UL, 0x48EAD5FC5D0BE774UL, 0xE3B8C8EE55B7B03CUL, 0x91A0226E649E42E9UL,
        0x900E3129E7BADD7BUL, 0x202A9EC5FAA3CCE8UL, 0x5B3402464E1C3DB6UL, 0x609F4E62A44C1059UL, 0x20D06CD26A8FBF5CUL,
    ];

    [Fact]
    public void X1_ZeroState_MatchesPublishedIntermediateValues()
    {
        ulong[] state = new ulong[25];
        KeccakF1600Scalar.Permute(state);
        Assert.Equal(ZeroPermutedOnce, state);
        KeccakF1600Scalar.Permute(state);
        Assert.Equal(ZeroPermutedTwice, state);
    }

    [Fact]
    public void X4_ZeroStates_MatchPublishedIntermediateValuesInEveryInstance()
    {
        ulong[] states = new ulong[100];
        KeccakF1600x4.Permute(states);
        for (int j = 0; j < 4; j++)
        {
            for (int i = 0; i < 25; i++)
            {
                Assert.Equal(ZeroPermutedOnce[i], states[(4 * i) + j]);
            }
        }

        KeccakF1600x4Scalar.Permute(states);
        for (int j = 0; j < 4; j++)
        {
            for (int i = 0; i < 25; i++)
            {
                Assert.Equal(ZeroPermutedTwice[i], states[(4 * i) + j]);
            }
        }
    }

    [Fact]
    public void RoundConstants_AreTheLfsrOutputsOfFips202Algorithm5()
    {
        Assert.Equal(24, KeccakF1600Scalar.RoundConstants.Length);
        for (int round = 0; round < 24; round++)
        {
            // FIPS 202 Algorithm 6: RC[2^j - 1] = rc(j + 7 i_r) for j = 0..6, all other bits 0.
            ulong expected = 0;
            for (int j = 0; j <= 6; j++)
            {
                expected |= (ulong)Rc(j + (7 * round)) << ((1 << j) - 1);
            }

            Assert.Equal(expected, KeccakF1600Scalar.RoundConstants[round]);
        }
    }

    // FIPS 202 Algorithm 5, rc(t): an LFSR over GF(2) with the polynomial x^8 + x^6 + x^5 + x^4 + 1.
    private static int Rc(int t)
    {
        if (t % 255 == 0)
        {
            return 1;
        }

        int[] r = [1, 0, 0, 0, 0, 0, 0, 0];
        for (int i = 1; i <= t % 255; i++)
        {
            int[] next = new int[9];
            next[0] = 0;
            Array.Copy(r, 0, next, 1, 8);
            next[0] ^= next[8];
            next[4] ^= next[8];
            next[5] ^= next[8];
            next[6] ^= next[8];
            r = next[..8];
        }

        return r[0];
    }
}
