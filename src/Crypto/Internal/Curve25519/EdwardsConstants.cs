// Constants of edwards25519 and ristretto255, computed once from their definitions or from the decimal values
// that RFC 9496 §4.1 lists (our own tests check each definition: squares, products, the basepoint).
//
// References: RFC 8032 §5.1 (d = -121665/121666, B with y = 4/5 and x "positive"); RFC 9496 §4.1
// (SQRT_M1, SQRT_AD_MINUS_ONE, INVSQRT_A_MINUS_D, ONE_MINUS_D_SQ, D_MINUS_ONE_SQ).

using System;
using System.Globalization;
using System.Numerics;
using FintechCrypto.Native.Field25519;

namespace FintechCrypto.Internal.Curve25519;

/// <summary>Curve and field constants of edwards25519 / ristretto255.</summary>
internal static class EdwardsConstants
{
    /// <summary>p = 2^255 - 19.</summary>
    internal static readonly BigInteger P = BigInteger.Pow(2, 255) - 19;

    /// <summary>d = -121665 / 121666 mod p (RFC 8032 §5.1).</summary>
    internal static readonly FieldElement25519 D = FromBigInteger(Mod(-121665 * BigInteger.ModPow(121666, P - 2, P)));

    /// <summary>2 d.</summary>
    internal static readonly FieldElement25519 D2 = FromBigInteger(Mod(2 * -121665 * BigInteger.ModPow(121666, P - 2, P)));

    /// <summary>SQRT_M1 = 2^((p-1)/4), a square root of -1 (RFC 9496 §4.1).</summary>
    internal static readonly FieldElement25519 SqrtM1 = FromDecimal("19681161376707505956807079304988542015446066515923890162744021073123829784752");

    /// <summary>SQRT_AD_MINUS_ONE = sqrt(a d - 1) (RFC 9496 §4.1).</summary>
    internal static readonly FieldElement25519 SqrtAdMinusOne = FromDecimal("25063068953384623474111414158702152701244531502492656460079210482610430750235");

    /// <summary>INVSQRT_A_MINUS_D = 1 / sqrt(a - d) (RFC 9496 §4.1).</summary>
    internal static readonly FieldElement25519 InvSqrtAMinusD = FromDecimal("54469307008909316920995813868745141605393597292927456921205312896311721017578");

    /// <summary>ONE_MINUS_D_SQ = 1 - d^2 (RFC 9496 §4.1).</summary>
    internal static readonly FieldElement25519 OneMinusDSquared = FromDecimal("1159843021668779879193775521855586647937357759715417654439879720876111806838");

    /// <summary>D_MINUS_ONE_SQ = (d - 1)^2 (RFC 9496 §4.1).</summary>
    internal static readonly FieldElement25519 DMinusOneSquared = FromDecimal("40440834346308536858101042469323190826248399146238708352240133220865137265952");

    /// <summary>The RFC 8032 encoding of the base point B.</summary>
    internal static ReadOnlySpan<byte> BasePointEncoding =>
    [
        0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
        0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
    ];

    /// <summary>The field element of an integer in [0, p).</summary>
    internal static FieldElement25519 FromBigInteger(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        Mod(value).TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        Field25519.Decode(out FieldElement25519 result, bytes);
        return result;
    }

    /// <summary>The integer value of a field element, in [0, p) (tests and constants only).</summary>
    internal static BigInteger ToBigInteger(in FieldElement25519 value)
    {
        Span<byte> bytes = stackalloc byte[32];
        Field25519.Encode(value, bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    private static FieldElement25519 FromDecimal(string value) => FromBigInteger(BigInteger.Parse(value, CultureInfo.InvariantCulture));

    private static BigInteger Mod(BigInteger value)
    {
        BigInteger r = BigInteger.Remainder(value, P);
        return r.Sign < 0 ? r + P : r;
    }
}
