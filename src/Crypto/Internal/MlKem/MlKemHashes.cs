// The hash functions of FIPS 203 §4.1: G = SHA3-512, H = SHA3-256, J = SHAKE256(·, 32 bytes),
// PRF_η(s, b) = SHAKE256(s ‖ b, 64η bytes), and XOF = SHAKE128 (used by SampleNTT through Sampling).

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Sha3;

namespace FintechCrypto.Internal.MlKem;

internal static class MlKemHashes
{
    /// <summary>G(c) = SHA3-512(c) split into two 32-byte halves (§4.1 equation 4.5), here over a ‖ b.</summary>
    internal static void G(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> output64) => Sha3Hash.HashData512(a, b, output64);

    /// <summary>H(s) = SHA3-256(s) (§4.1 equation 4.4).</summary>
    internal static void H(ReadOnlySpan<byte> input, Span<byte> output32) => Sha3Hash.HashData256(input, output32);

    /// <summary>J(s) = SHAKE256(s, 8·32) (§4.1 equation 4.4), here over z ‖ c.</summary>
    internal static void J(ReadOnlySpan<byte> z, ReadOnlySpan<byte> c, Span<byte> output32) => Shake.HashData256(z, c, output32);

    /// <summary>PRF_η(s, b) = SHAKE256(s ‖ b, 8·64·η) (§4.1 equation 4.3).</summary>
    internal static void Prf(ReadOnlySpan<byte> s, byte b, Span<byte> output) => Shake.HashData256(s, new ReadOnlySpan<byte>(in b), output);

    /// <summary>Constant-time equality of two equal-length spans.</summary>
    internal static bool FixedTimeEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => CryptographicOperations.FixedTimeEquals(a, b);
}
