using System;
using System.Globalization;
using System.Numerics;

namespace FintechCrypto.Tests.Groups;

/// <summary>
/// A slow, obviously-correct model of edwards448 in affine coordinates over System.Numerics.BigInteger, written
/// from RFC 8032 §5.2 (curve, base point, order), §5.2.2 (encoding), §5.2.3 (decoding) and §5.2.4 (the affine
/// addition law), to check Ed448Group against something that shares none of its code.
/// </summary>
internal static class Ed448ReferenceModel
{
    internal static readonly BigInteger P = BigInteger.Pow(2, 448) - BigInteger.Pow(2, 224) - 1;

    internal static readonly BigInteger D = P - 39081;

    internal static readonly BigInteger L = BigInteger.Pow(2, 446)
        - BigInteger.Parse("13818066809895115352007386748515426880336692474882178609894547503885", CultureInfo.InvariantCulture);

    internal static readonly (BigInteger X, BigInteger Y) B = (
        BigInteger.Parse("224580040295924300187604334099896036246789641632564134246125461686950415467406032909029192869357953282578032075146446173674602635247710", CultureInfo.InvariantCulture),
        BigInteger.Parse("298819210078481492676017930443930673437544040154080242095928241372331506189835876003536878655418784733982303233503462500531545062832660", CultureInfo.InvariantCulture));

    internal static readonly (BigInteger X, BigInteger Y) Identity = (0, 1);

    internal static BigInteger Mod(BigInteger a)
    {
        BigInteger r = BigInteger.Remainder(a, P);
        return r.Sign < 0 ? r + P : r;
    }

    internal static BigInteger Inverse(BigInteger a) => BigInteger.ModPow(Mod(a), P - 2, P);

    internal static bool IsOnCurve((BigInteger X, BigInteger Y) q)
    {
        BigInteger x2 = q.X * q.X;
        BigInteger y2 = q.Y * q.Y;
        return Mod(x2 + y2 - 1 - (D * x2 % P * y2)) == 0;
    }

    // RFC 8032 §5.2.4: x3 = (x1 y2 + x2 y1) / (1 + d x1 x2 y1 y2), y3 = (y1 y2 - x1 x2) / (1 - d x1 x2 y1 y2).
    internal static (BigInteger X, BigInteger Y) Add((BigInteger X, BigInteger Y) a, (BigInteger X, BigInteger Y) b)
    {
        BigInteger t = Mod(D * a.X % P * b.X % P * a.Y % P * b.Y);
        BigInteger x = Mod((a.X * b.Y) + (b.X * a.Y)) * Inverse(1 + t);
        BigInteger y = Mod((a.Y * b.Y) - (a.X * b.X)) * Inverse(1 - t);
        return (Mod(x), Mod(y));
    }

    internal static (BigInteger X, BigInteger Y) Negate((BigInteger X, BigInteger Y) a) => (Mod(-a.X), a.Y);

    /// <summary>k a by double-and-add in projective coordinates (one inversion at the end).</summary>
    internal static (BigInteger X, BigInteger Y) Multiply(BigInteger k, (BigInteger X, BigInteger Y) a)
    {
        (BigInteger X, BigInteger Y, BigInteger Z) result = (0, 1, 1);
        (BigInteger X, BigInteger Y, BigInteger Z) pa = (a.X, a.Y, 1);
        for (int bit = (int)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = ProjectiveAdd(result, result);
            if (!(k >> bit).IsEven)
            {
                result = ProjectiveAdd(result, pa);
            }
        }

        BigInteger zInverse = Inverse(result.Z);
        return (Mod(result.X * zInverse), Mod(result.Y * zInverse));
    }

    /// <summary>k a by repeated affine additions (slow; checks <see cref="Multiply"/> on small k).</summary>
    internal static (BigInteger X, BigInteger Y) MultiplyByAddition(int k, (BigInteger X, BigInteger Y) a)
    {
        (BigInteger X, BigInteger Y) result = Identity;
        for (int i = 0; i < k; i++)
        {
            result = Add(result, a);
        }

        return result;
    }

    // The affine law above with x = X/Z, y = Y/Z and both fractions brought to the denominator Z1 Z2 (1 +- t):
    // x3 = Z1 Z2 (X1 Y2 + X2 Y1) / ((Z1 Z2)^2 + d X1 X2 Y1 Y2), y3 = Z1 Z2 (Y1 Y2 - X1 X2) / ((Z1 Z2)^2 - d X1 X2 Y1 Y2).
    private static (BigInteger X, BigInteger Y, BigInteger Z) ProjectiveAdd(
        (BigInteger X, BigInteger Y, BigInteger Z) a, (BigInteger X, BigInteger Y, BigInteger Z) b)
    {
        BigInteger zz = a.Z * b.Z % P;
        BigInteger zz2 = zz * zz % P;
        BigInteger t = D * (a.X * b.X % P) % P * (a.Y * b.Y % P) % P;
        BigInteger denominatorX = Mod(zz2 + t);
        BigInteger denominatorY = Mod(zz2 - t);
        BigInteger numeratorX = zz * Mod((a.X * b.Y) + (b.X * a.Y)) % P;
        BigInteger numeratorY = zz * Mod((a.Y * b.Y) - (a.X * b.X)) % P;
        return (numeratorX * denominatorY % P, numeratorY * denominatorX % P, denominatorX * denominatorY % P);
    }

    // RFC 8032 §5.2.2: y in 57 little-endian bytes, the low bit of x in the top bit of the last byte.
    internal static byte[] Encode((BigInteger X, BigInteger Y) a)
    {
        byte[] encoded = new byte[57];
        Mod(a.Y).TryWriteBytes(encoded, out _, isUnsigned: true, isBigEndian: false);
        encoded[56] |= (byte)((int)(Mod(a.X) & 1) << 7);
        return encoded;
    }

    // RFC 8032 §5.2.3, without the subgroup check; null when the encoding is invalid.
    internal static (BigInteger X, BigInteger Y)? Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != 57)
        {
            return null;
        }

        int sign = encoded[56] >> 7;
        byte[] copy = encoded.ToArray();
        copy[56] &= 0x7F;
        BigInteger y = new(copy, isUnsigned: true, isBigEndian: false);
        if (y >= P)
        {
            return null;
        }

        BigInteger u = Mod((y * y) - 1);
        BigInteger v = Mod((D * y % P * y) - 1);
        BigInteger x = Mod(u * u % P * u % P * v % P * BigInteger.ModPow(Mod(BigInteger.Pow(u, 5) * BigInteger.Pow(v, 3)), (P - 3) / 4, P));
        if (Mod(v * x % P * x) != u)
        {
            return null;
        }

        if (x.IsZero && sign == 1)
        {
            return null;
        }

        if ((int)(x & 1) != sign)
        {
            x = P - x;
        }

        return (x, y);
    }

    /// <summary>Encodes a raw 57-byte string: y (any value below 2^455) with a sign bit.</summary>
    internal static byte[] RawEncoding(BigInteger y, int sign)
    {
        byte[] encoded = new byte[57];
        y.TryWriteBytes(encoded, out _, isUnsigned: true, isBigEndian: false);
        encoded[56] |= (byte)(sign << 7);
        return encoded;
    }
}
