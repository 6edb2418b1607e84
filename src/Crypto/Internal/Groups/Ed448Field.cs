// Ed448Field: arithmetic modulo p = 2^448 - 2^224 - 1 (the field of edwards448, RFC 8032 §5.2; RFC 7748 §4.2),
// a thin wrapper over BouncyCastle's X448Field (16 limbs of 28 bits in a uint[16], "Goldilocks" reduction).
//
// Limb bounds. X448Field.Mul and Sqr take inputs whose limbs are at most about 2^29 and return "carried"
// values (limbs at most 2^28 plus a few bits); Sub takes a subtrahend with limbs below 0x1FFFFFFE and returns a
// carried value. X448Field.Add does not carry, so the Add here carries after adding: every value this wrapper
// returns is carried, and any of them may feed any operation. Normalize gives the unique representative below p,
// which Encode and the equality tests need.
//
// Constant time: every operation here is constant time except the methods whose name ends in Var (decoding of
// public encodings, equality of public points, the inversions that build public tables).

using System;
using System.Numerics;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace FintechCrypto.Internal.Groups;

/// <summary>Elements of GF(2^448 - 2^224 - 1) as 16 limbs of 28 bits (BouncyCastle's X448Field layout).</summary>
internal static class Ed448Field
{
    /// <summary>The number of limbs of a field element.</summary>
    internal const int Size = X448Field.Size;

    /// <summary>The number of bytes of an encoded field element (448 bits).</summary>
    internal const int EncodedLength = 56;

    /// <summary>p = 2^448 - 2^224 - 1 (RFC 8032 §5.2).</summary>
    internal static readonly BigInteger P = (BigInteger.One << 448) - (BigInteger.One << 224) - 1;

    private static readonly uint[] s_zero = X448Field.Create();

    /// <summary>A new element equal to 0.</summary>
    internal static uint[] Create() => X448Field.Create();

    /// <summary>z = 0.</summary>
    internal static void Zero(uint[] z) => Array.Clear(z);

    /// <summary>z = 1.</summary>
    internal static void One(uint[] z) => X448Field.One(z);

    /// <summary>z = x.</summary>
    internal static void Copy(uint[] x, uint[] z) => X448Field.Copy(x, 0, z, 0);

    /// <summary>z = x + y, carried.</summary>
    internal static void Add(uint[] x, uint[] y, uint[] z)
    {
        X448Field.Add(x, y, z);
        X448Field.Carry(z);
    }

    /// <summary>z = x - y.</summary>
    internal static void Sub(uint[] x, uint[] y, uint[] z) => X448Field.Sub(x, y, z);

    /// <summary>z = -x.</summary>
    internal static void Negate(uint[] x, uint[] z) => X448Field.Sub(s_zero, x, z);

    /// <summary>z = x * y.</summary>
    internal static void Mul(uint[] x, uint[] y, uint[] z) => X448Field.Mul(x, y, z);

    /// <summary>z = x * y for a small constant y (below 2^16).</summary>
    internal static void Mul(uint[] x, uint y, uint[] z) => X448Field.Mul(x, y, z);

    /// <summary>z = x^2.</summary>
    internal static void Sqr(uint[] x, uint[] z) => X448Field.Sqr(x, z);

    /// <summary>z = x^-1 (0 for 0); constant time.</summary>
    internal static void Inv(uint[] x, uint[] z) => X448Field.Inv(x, z);

    /// <summary>z = x^-1 (0 for 0); variable time, for public values only.</summary>
    internal static void InvVar(uint[] x, uint[] z) => X448Field.InvVar(x, z);

    /// <summary>Reduces z to its unique representative below p.</summary>
    internal static void Normalize(uint[] z) => X448Field.Normalize(z);

    /// <summary>z = x when <paramref name="mask"/> is -1, unchanged when it is 0; constant time.</summary>
    internal static void ConditionalMove(int mask, ReadOnlySpan<uint> x, Span<uint> z) => X448Field.CMov(mask, x, z);

    /// <summary>z = -z when <paramref name="mask"/> is -1, unchanged when it is 0; constant time.</summary>
    /// <param name="mask">0 or -1.</param>
    /// <param name="z">The element to negate in place.</param>
    /// <param name="scratch">A temporary element (overwritten).</param>
    internal static void ConditionalNegate(int mask, uint[] z, uint[] scratch)
    {
        Negate(z, scratch);
        X448Field.CMov(mask, scratch, z);
    }

    /// <summary>True when x = 0 mod p; variable time.</summary>
    internal static bool IsZeroVar(uint[] x)
    {
        uint[] t = Create();
        Copy(x, t);
        Normalize(t);
        return X448Field.IsZeroVar(t);
    }

    /// <summary>True when x = y mod p; variable time.</summary>
    internal static bool AreEqualVar(uint[] x, uint[] y)
    {
        uint[] t = Create();
        Sub(x, y, t);
        Normalize(t);
        return X448Field.IsZeroVar(t);
    }

    /// <summary>The low bit of the canonical value of x (the "sign" of RFC 8032 §5.2.2); constant time.</summary>
    internal static int LowBit(uint[] x)
    {
        uint[] t = Create();
        Copy(x, t);
        Normalize(t);
        int bit = (int)(t[0] & 1);
        Array.Clear(t);
        return bit;
    }

    /// <summary>Writes the 56-byte little-endian encoding of the canonical value of x.</summary>
    internal static void Encode(uint[] x, Span<byte> destination)
    {
        uint[] t = Create();
        Copy(x, t);
        Normalize(t);
        X448Field.Encode(t, destination[..EncodedLength]);
        Array.Clear(t);
    }

    /// <summary>
    /// Decodes 56 little-endian bytes as an integer below 2^448 (not reduced: callers check canonicity with
    /// <see cref="IsCanonicalVar"/> first).
    /// </summary>
    internal static void Decode(ReadOnlySpan<byte> encoded, uint[] z) => X448Field.Decode448(encoded[..EncodedLength], z);

    /// <summary>True when the 56 little-endian bytes encode an integer below p; variable time (public encodings).</summary>
    internal static bool IsCanonicalVar(ReadOnlySpan<byte> encoded)
    {
        // p in little-endian bytes: 28 bytes 0xFF, then 0xFE, then 27 bytes 0xFF (2^448 - 2^224 - 1).
        for (int i = EncodedLength - 1; i >= 0; i--)
        {
            byte pByte = i == 28 ? (byte)0xFE : (byte)0xFF;
            if (encoded[i] != pByte)
            {
                return encoded[i] < pByte;
            }
        }

        return false; // equal to p
    }

    /// <summary>
    /// Computes a square root of u/v as RFC 8032 §5.2.3 step 2 does: x = u^3 v (u^5 v^3)^((p-3)/4), and returns
    /// true when v x^2 = u (so x is a root); variable time (public encodings).
    /// </summary>
    internal static bool SqrtRatioVar(uint[] u, uint[] v, uint[] x) => X448Field.SqrtRatioVar(u, v, x);

    /// <summary>The element equal to <paramref name="value"/> mod p (public constants).</summary>
    internal static uint[] FromBigInteger(BigInteger value)
    {
        BigInteger reduced = BigInteger.Remainder(value, P);
        if (reduced.Sign < 0)
        {
            reduced += P;
        }

        byte[] little = new byte[EncodedLength];
        reduced.TryWriteBytes(little, out _, isUnsigned: true, isBigEndian: false);
        uint[] z = Create();
        Decode(little, z);
        return z;
    }

    /// <summary>The canonical value of x as an integer (tests and diagnostics; not constant time).</summary>
    internal static BigInteger ToBigInteger(uint[] x)
    {
        byte[] little = new byte[EncodedLength];
        Encode(x, little);
        return new BigInteger(little, isUnsigned: true, isBigEndian: false);
    }
}
