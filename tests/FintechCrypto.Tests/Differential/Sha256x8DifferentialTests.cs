using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using FintechCrypto.Native;
using FintechCrypto.Native.Sha2;
using FintechCrypto.Native.Simd;
using Org.BouncyCastle.Crypto.Digests;
using Xunit;

namespace FintechCrypto.Tests.Differential;

/// <summary>
/// The SHA-256 compression kernels (src/Crypto.Native/Sha2): the scalar compression against .NET's SHA256 and
/// BouncyCastle as full hashes (with FIPS 180-4 §5.1.1 padding done here), the 8-way AVX2 and AVX-512VL kernels
/// against their scalar twin on random and edge states and blocks, and a saved midstate continued by one 8-way
/// compression against full hashes of the whole input (the way SLH-DSA's SHA2 sets use it).
/// </summary>
[Trait("Category", "KnownAnswer")]
public class Sha256x8DifferentialTests
{
    [Fact]
    public void Scalar_HashesEqualSha256AndBouncyCastle_OnEdgeAndRandomLengths()
    {
        var rng = new Random(256);
        int[] lengths = [0, 1, 3, 55, 56, 57, 63, 64, 65, 102, 119, 120, 127, 128, 129, 1000];
        foreach (int length in lengths)
        {
            for (int round = 0; round < 8; round++)
            {
                byte[] message = new byte[length];
                if (round == 1)
                {
                    Array.Fill(message, (byte)0xFF);
                }
                else if (round > 1)
                {
                    rng.NextBytes(message);
                }

                byte[] expected = SHA256.HashData(message);
                Assert.Equal(expected, ScalarHash(message));

                var bc = new Sha256Digest();
                bc.BlockUpdate(message, 0, message.Length);
                byte[] bcDigest = new byte[32];
                bc.DoFinal(bcDigest, 0);
                Assert.Equal(expected, bcDigest);
            }
        }
    }

    [Fact]
    public void Scalar_OnTheEmptyMessage_GivesTheFips180Digest()
    {
        // SHA-256("") = e3b0c442 98fc1c14 9afbf4c8 996fb924 27ae41e4 649b934c a495991b 7852b855 (FIPS 180-4 examples).
        Assert.Equal(
            Convert.FromHexString("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"),
            ScalarHash([]));
        Assert.Equal(
            Convert.FromHexString("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"),
            ScalarHash("abc"u8.ToArray()));
    }

    [Fact]
    public void EightWayScalarTwinAndDispatcher_EqualEightScalarCompressions_OnRandomAndEdgeInputs() =>
        AssertEqualsScalarTwin(Sha256x8.Compress);

    // Where the set is absent these report as skipped; DispatchTests checks that Dispatch never selects the kernel.
    [RequiresIsaFact(InstructionSet.Avx2)]
    public void EightWayAvx2Kernel_EqualsTheScalarTwin_OnRandomAndEdgeInputs() =>
        AssertEqualsScalarTwin(Sha256x8Vector256.Compress<Avx2Ops>);

    [RequiresIsaFact(InstructionSet.Avx512VL)]
    public void EightWayAvx512Kernel_EqualsTheScalarTwin_OnRandomAndEdgeInputs() =>
        AssertEqualsScalarTwin(Sha256x8Vector256.Compress<Avx512Ops>);

    [Fact]
    public void Dispatcher_PicksTheKernelDispatchAllows()
    {
        Assert.Equal(Dispatch.UseAvx2, Sha256x8.IsVectorized);
        if (Dispatch.SimdDisabled)
        {
            Assert.False(Sha256x8.IsVectorized);
        }
    }

    [Theory]
    [InlineData(16, 16)]     // SLH-DSA category 1: F and PRF (n = 16)
    [InlineData(16, 32)]     // category 1: H (2n)
    [InlineData(24, 24)]     // category 3: F and PRF
    [InlineData(32, 32)]     // category 5: F and PRF, the longest single-block tail (22 + 32 + 9 = 63 bytes)
    public void Midstate_ContinuedByTheEightWayKernel_EqualsFullHashes(int n, int messageLength)
    {
        var rng = new Random((n * 100) + messageLength);
        for (int round = 0; round < 50; round++)
        {
            // The first block: PK.seed ‖ toByte(0, 64 − n) (FIPS 205 §11.2); its compression is saved once.
            byte[] first = new byte[64];
            rng.NextBytes(first.AsSpan(0, n));
            uint[] midstate = Sha256Scalar.InitialState.ToArray();
            Sha256Scalar.Compress(midstate, first);

            uint[] states = new uint[Sha256x8.StatesLength];
            byte[] blocks = new byte[Sha256x8.BlocksLength];
            byte[][] tails = new byte[8][];
            int tailLength = 22 + messageLength;                       // ADRSc ‖ message
            for (int j = 0; j < 8; j++)
            {
                for (int i = 0; i < 8; i++)
                {
                    states[(8 * i) + j] = midstate[i];
                }

                tails[j] = new byte[tailLength];
                rng.NextBytes(tails[j]);
                Span<byte> block = blocks.AsSpan(64 * j, 64);
                tails[j].CopyTo(block);
                block[tailLength] = 0x80;                               // §5.1.1 padding
                BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)(64 + tailLength) * 8);
            }

            Sha256x8.Compress(states, blocks);
            for (int j = 0; j < 8; j++)
            {
                byte[] whole = [.. first, .. tails[j]];
                byte[] expected = SHA256.HashData(whole);
                byte[] actual = new byte[32];
                for (int i = 0; i < 8; i++)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(actual.AsSpan(4 * i), states[(8 * i) + j]);
                }

                Assert.Equal(expected, actual);

                // BouncyCastle from its own saved state after the first block, as the former SLH-DSA code did.
                var seeded = new Sha256Digest();
                seeded.BlockUpdate(first, 0, 64);
                var work = new Sha256Digest(seeded);
                work.BlockUpdate(tails[j], 0, tailLength);
                byte[] bc = new byte[32];
                work.DoFinal(bc, 0);
                Assert.Equal(expected, bc);
            }
        }
    }

    [Fact]
    public void WrongLengths_AreArgumentExceptions()
    {
        Assert.Throws<ArgumentException>(() => Sha256Scalar.Compress(new uint[7], new byte[64]));
        Assert.Throws<ArgumentException>(() => Sha256Scalar.Compress(new uint[8], new byte[63]));
        Assert.Throws<ArgumentException>(() => Sha256x8.Compress(new uint[63], new byte[512]));
        Assert.Throws<ArgumentException>(() => Sha256x8.Compress(new uint[64], new byte[511]));
        Assert.Throws<ArgumentException>(() => Sha256x8Scalar.Compress(new uint[64], new byte[513]));
    }

    private delegate void EightWayKernel(Span<uint> states, ReadOnlySpan<byte> blocks);

    // The same 500 random and edge inputs for every kernel: the scalar twin against eight Sha256Scalar calls, then
    // the kernel against the scalar twin.
    private static void AssertEqualsScalarTwin(EightWayKernel kernel)
    {
        var rng = new Random(8);
        byte[] stateBytes = new byte[4 * Sha256x8.StatesLength];
        for (int iteration = 0; iteration < 500; iteration++)
        {
            uint[] states = new uint[Sha256x8.StatesLength];
            byte[] blocks = new byte[Sha256x8.BlocksLength];
            switch (iteration % 5)
            {
                case 0:
                    rng.NextBytes(stateBytes);
                    Buffer.BlockCopy(stateBytes, 0, states, 0, stateBytes.Length);
                    rng.NextBytes(blocks);
                    break;
                case 1:
                    break;                                          // all zero
                case 2:
                    Array.Fill(states, uint.MaxValue);
                    Array.Fill(blocks, (byte)0xFF);
                    break;
                case 3:
                    states[rng.Next(states.Length)] = 1u << rng.Next(32);
                    blocks[rng.Next(blocks.Length)] = (byte)(1 << rng.Next(8));
                    break;
                default:
                    // The same state in every lane (a broadcast midstate) and distinct blocks.
                    for (int i = 0; i < 8; i++)
                    {
                        uint word = (uint)rng.Next() ^ ((uint)rng.Next() << 16);
                        for (int j = 0; j < 8; j++)
                        {
                            states[(8 * i) + j] = word;
                        }
                    }

                    rng.NextBytes(blocks);
                    break;
            }

            uint[] scalar = (uint[])states.Clone();
            Sha256x8Scalar.Compress(scalar, blocks);

            // The scalar twin is eight Sha256Scalar calls on the de-interleaved states.
            for (int j = 0; j < 8; j++)
            {
                uint[] one = new uint[8];
                for (int i = 0; i < 8; i++)
                {
                    one[i] = states[(8 * i) + j];
                }

                Sha256Scalar.Compress(one, blocks.AsSpan(64 * j, 64));
                for (int i = 0; i < 8; i++)
                {
                    Assert.Equal(one[i], scalar[(8 * i) + j]);
                }
            }

            uint[] kernelOutput = (uint[])states.Clone();
            kernel(kernelOutput, blocks);
            Assert.Equal(scalar, kernelOutput);
        }
    }

    // SHA-256 of a whole message through Sha256Scalar: FIPS 180-4 §5.1.1 padding, §5.3.3 initial value, §6.2.2.
    private static byte[] ScalarHash(byte[] message)
    {
        int padded = ((message.Length + 9 + 63) / 64) * 64;
        byte[] buffer = new byte[padded];
        message.CopyTo(buffer, 0);
        buffer[message.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(padded - 8), (ulong)message.Length * 8);
        uint[] state = Sha256Scalar.InitialState.ToArray();
        for (int offset = 0; offset < padded; offset += 64)
        {
            Sha256Scalar.Compress(state, buffer.AsSpan(offset, 64));
        }

        byte[] digest = new byte[32];
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(4 * i), state[i]);
        }

        return digest;
    }
}
