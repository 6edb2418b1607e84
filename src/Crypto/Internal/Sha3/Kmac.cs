// KMAC128 and KMAC256: the Keccak message authentication code, on our Keccak sponge.
//
// References: NIST SP 800-185 §2.3 (left_encode, right_encode, encode_string, bytepad), §3 (cSHAKE), §4 (KMAC):
//   KMAC128(K, X, L, S) = cSHAKE128(bytepad(encode_string(K), 168) || X || right_encode(L), L, "KMAC", S)
//   cSHAKE128(X, L, N, S) = KECCAK[256](bytepad(encode_string(N) || encode_string(S), 168) || X || 00, L)
// and the same with 136 and KECCAK[512] for KMAC256. Unlike .NET's Kmac128/Kmac256 (OpenSSL, keys of at least
// 4 bytes), any key length is accepted here, as SP 800-185 allows; ETSI TS 103 744's CasKDF keys KMAC with a
// 32- or 48-byte chain secret, and ours must not depend on the platform's OpenSSL.

using System;
using System.Buffers.Binary;
using System.Diagnostics;

namespace FintechCrypto.Internal.Sha3;

/// <summary>KMAC128 / KMAC256 (SP 800-185 §4), one-shot or incremental. A mutable struct: never copy it after use has begun.</summary>
internal struct Kmac : IDisposable
{
    private static ReadOnlySpan<byte> FunctionName => "KMAC"u8;

    private KeccakSponge _sponge;

    private Kmac(KeccakSponge sponge) => _sponge = sponge;

    /// <summary>Starts KMAC128 (<paramref name="wide"/> false, rate 168) or KMAC256 (true, rate 136) with key and customization.</summary>
    internal static Kmac Create(bool wide, ReadOnlySpan<byte> key, ReadOnlySpan<byte> customization)
    {
        int rate = wide ? Shake.Rate256 : Shake.Rate128;
        var kmac = new Kmac(new KeccakSponge(rate, KeccakSponge.CShakePadding));

        // cSHAKE prefix: bytepad(encode_string(N) || encode_string(S), rate), N = "KMAC" (SP 800-185 §3.3).
        int written = kmac.AbsorbLeftEncode((ulong)rate);
        written += kmac.AbsorbEncodedString(FunctionName);
        written += kmac.AbsorbEncodedString(customization);
        kmac.AbsorbZeroPad(written, rate);

        // KMAC's newX starts with bytepad(encode_string(K), rate) (SP 800-185 §4.3).
        written = kmac.AbsorbLeftEncode((ulong)rate);
        written += kmac.AbsorbEncodedString(key);
        kmac.AbsorbZeroPad(written, rate);
        return kmac;
    }

    /// <summary>One-shot KMAC: writes KMAC(K, X, 8 · output.Length, S) into <paramref name="output"/>.</summary>
    internal static void Compute(bool wide, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> customization, Span<byte> output)
    {
        using Kmac kmac = Create(wide, key, customization);
        kmac.Absorb(data);
        kmac.Finish(output);
    }

    /// <summary>Absorbs more of the message X.</summary>
    internal void Absorb(ReadOnlySpan<byte> data) => _sponge.Absorb(data);

    /// <summary>Appends right_encode(L) with L = 8 · output.Length bits, and squeezes the output (SP 800-185 §4.3).</summary>
    internal void Finish(Span<byte> output)
    {
        Span<byte> encoded = stackalloc byte[9];
        int length = RightEncode(checked((ulong)output.Length * 8), encoded);
        _sponge.Absorb(encoded[..length]);
        _sponge.Squeeze(output);
    }

    /// <summary>Zeroes the sponge state (it held the key).</summary>
    public void Dispose() => _sponge.Clear();

    private int AbsorbLeftEncode(ulong value)
    {
        Span<byte> encoded = stackalloc byte[9];
        int length = LeftEncode(value, encoded);
        _sponge.Absorb(encoded[..length]);
        return length;
    }

    // encode_string(S) = left_encode(len(S) in bits) || S (SP 800-185 §2.3.2).
    private int AbsorbEncodedString(ReadOnlySpan<byte> value)
    {
        int length = AbsorbLeftEncode(checked((ulong)value.Length * 8));
        _sponge.Absorb(value);
        return length + value.Length;
    }

    // bytepad's zero fill up to a multiple of the rate (SP 800-185 §2.3.3).
    private void AbsorbZeroPad(int written, int rate)
    {
        int fill = (rate - (written % rate)) % rate;
        Span<byte> zeros = stackalloc byte[200];
        zeros[..fill].Clear();
        _sponge.Absorb(zeros[..fill]);
    }

    /// <summary>left_encode(x) (SP 800-185 §2.3.1): the byte count n, then x in n big-endian bytes (n ≥ 1).</summary>
    internal static int LeftEncode(ulong value, Span<byte> destination)
    {
        int n = ByteCount(value);
        destination[0] = (byte)n;
        WriteBigEndian(value, destination.Slice(1, n));
        return n + 1;
    }

    /// <summary>right_encode(x) (SP 800-185 §2.3.1): x in n big-endian bytes (n ≥ 1), then the byte count n.</summary>
    internal static int RightEncode(ulong value, Span<byte> destination)
    {
        int n = ByteCount(value);
        WriteBigEndian(value, destination[..n]);
        destination[n] = (byte)n;
        return n + 1;
    }

    private static int ByteCount(ulong value)
    {
        int n = 1;
        while (n < 8 && (value >> (8 * n)) != 0)
        {
            n++;
        }

        return n;
    }

    private static void WriteBigEndian(ulong value, Span<byte> destination)
    {
        Debug.Assert(destination.Length is >= 1 and <= 8);
        Span<byte> full = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(full, value);
        full[(8 - destination.Length)..].CopyTo(destination);
    }
}
