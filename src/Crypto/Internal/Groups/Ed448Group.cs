// Ed448Group: the prime-order subgroup of edwards448, the group of FROST(Ed448, SHAKE256).
//
// References: RFC 9591 §6.3 (Group: edwards448; Order L; Identity; SerializeElement and DeserializeElement with
// the identity and subgroup checks; SerializeScalar/DeserializeScalar as 57-byte little-endian integers),
// RFC 8032 §5.2 (the curve x^2 + y^2 = 1 + d x^2 y^2, p = 2^448 - 2^224 - 1, d = -39081, the base point B and
// its order L), §5.2.2 (encoding), §5.2.3 (decoding), §5.2.4 (point formulas, in Ed448Point).
//
// Scalar multiplication:
//  - MultiplyBase: signed radix-16 digits and a precomputed table of multiples of B (Ed448BaseTable), with
//    masked lookups; constant time in the scalar.
//  - Multiply: signed radix-16 fixed windows over a table of 1..8 multiples of the point, read whole with masks
//    for every digit; constant time in the scalar.
//  - MultiplyVartime, MultiScalarMultiplyVartime and the subgroup check: width-5 NAF digits with Straus'
//    interleaving (shared doublings); variable time, for public inputs only.

using System;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.Groups;

/// <summary>The edwards448 prime-order group of RFC 9591 §6.3 (Ne = 57, Ns = 57, little-endian scalars).</summary>
internal sealed class Ed448Group : PrimeOrderGroup
{
    /// <summary>L = 2^446 - 13818066809895115352007386748515426880336692474882178609894547503885 (RFC 8032 §5.2).</summary>
    internal static readonly BigInteger Order = (BigInteger.One << 446)
        - BigInteger.Parse("13818066809895115352007386748515426880336692474882178609894547503885", CultureInfo.InvariantCulture);

    /// <summary>The length of an encoded point: 57 bytes (RFC 8032 §5.2.2).</summary>
    internal const int EncodedLength = 57;

    private const int WnafWidth = 5;
    private const int WnafTableSize = 1 << (WnafWidth - 2); // odd multiples 1, 3, ..., 15

    // The base point B of RFC 8032 §5.2 (decimal, as the RFC gives it).
    private static readonly BigInteger s_baseX = BigInteger.Parse(
        "224580040295924300187604334099896036246789641632564134246125461686950415467406032909029192869357953282578032075146446173674602635247710",
        CultureInfo.InvariantCulture);

    private static readonly BigInteger s_baseY = BigInteger.Parse(
        "298819210078481492676017930443930673437544040154080242095928241372331506189835876003536878655418784733982303233503462500531545062832660",
        CultureInfo.InvariantCulture);

    private static readonly byte[] s_orderBytes = Order.ToByteArray(isUnsigned: true, isBigEndian: false);

    private readonly Ed448Element _identity = new(new Ed448Point());
    private readonly Ed448Element _generator = new(BasePoint());

    private Ed448Group()
    {
    }

    /// <summary>The one instance.</summary>
    internal static Ed448Group Instance { get; } = new();

    /// <inheritdoc />
    internal override string Name => "edwards448";

    /// <inheritdoc />
    internal override ScalarField Scalars { get; } = new(Order, 57, littleEndian: true);

    /// <inheritdoc />
    internal override int ElementLength => EncodedLength;

    /// <inheritdoc />
    internal override GroupElement Identity => _identity;

    /// <inheritdoc />
    internal override GroupElement Generator => _generator;

    /// <summary>A new copy of the base point B = (x, y) of RFC 8032 §5.2.</summary>
    internal static Ed448Point BasePoint() => new(Ed448Field.FromBigInteger(s_baseX), Ed448Field.FromBigInteger(s_baseY));

    /// <inheritdoc />
    internal override GroupElement Add(GroupElement a, GroupElement b)
    {
        var sum = new Ed448Point();
        Ed448Point.Add(Unwrap(a, nameof(a)), Unwrap(b, nameof(b)), sum, new Ed448Point.Scratch());
        return new Ed448Element(sum);
    }

    /// <inheritdoc />
    internal override GroupElement Negate(GroupElement a)
    {
        var negation = new Ed448Point();
        negation.SetNegation(Unwrap(a, nameof(a)));
        return new Ed448Element(negation);
    }

    /// <inheritdoc />
    internal override GroupElement MultiplyBase(in Scalar k)
    {
        Span<byte> bytes = stackalloc byte[57];
        Span<sbyte> digits = stackalloc sbyte[Ed448ScalarRecoding.Radix16Digits];
        var t = new Ed448Point.Scratch();
        uint[] x = Ed448Field.Create();
        uint[] y = Ed448Field.Create();
        uint[] scratch = Ed448Field.Create();
        try
        {
            Scalars.Encode(k, bytes);
            Ed448ScalarRecoding.SignedRadix16(bytes, digits);
            Ed448BaseTable table = Ed448BaseTable.Instance;

            // k B = 16 * sum_j e_(2j+1) 256^j B + sum_j e_(2j) 256^j B (see Ed448BaseTable).
            var q = new Ed448Point();
            for (int j = 0; j < Ed448BaseTable.Blocks; j++)
            {
                table.Lookup(j, digits[(2 * j) + 1], x, y, scratch);
                Ed448Point.AddAffine(q, x, y, q, t);
            }

            Ed448Point.DoubleTimes(q, 4, q, t);
            for (int j = 0; j < Ed448BaseTable.Blocks; j++)
            {
                table.Lookup(j, digits[2 * j], x, y, scratch);
                Ed448Point.AddAffine(q, x, y, q, t);
            }

            return new Ed448Element(q);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            digits.Clear();
            Array.Clear(x);
            Array.Clear(y);
            Array.Clear(scratch);
            t.Clear();
        }
    }

    /// <inheritdoc />
    internal override GroupElement Multiply(GroupElement a, in Scalar k)
    {
        Ed448Point p = Unwrap(a, nameof(a));
        Span<byte> bytes = stackalloc byte[57];
        Span<sbyte> digits = stackalloc sbyte[Ed448ScalarRecoding.Radix16Digits];
        var t = new Ed448Point.Scratch();
        var selected = new Ed448Point();
        uint[] scratch = Ed448Field.Create();
        try
        {
            Scalars.Encode(k, bytes);
            Ed448ScalarRecoding.SignedRadix16(bytes, digits);

            // table[m - 1] = m P for m = 1..8.
            var table = new Ed448Point[8];
            table[0] = p.Clone();
            table[1] = new Ed448Point();
            Ed448Point.Double(p, table[1], t);
            for (int m = 2; m < table.Length; m++)
            {
                table[m] = new Ed448Point();
                Ed448Point.Add(table[m - 1], p, table[m], t);
            }

            // Horner's rule from the top digit: q = 16 q + e_i P.
            var q = new Ed448Point();
            for (int i = Ed448ScalarRecoding.Radix16Digits - 1; i >= 0; i--)
            {
                Ed448Point.DoubleTimes(q, 4, q, t);
                Select(table, digits[i], selected, scratch);
                Ed448Point.Add(q, selected, q, t);
            }

            return new Ed448Element(q);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            digits.Clear();
            selected.Clear();
            Array.Clear(scratch);
            t.Clear();
        }
    }

    /// <inheritdoc />
    internal override GroupElement MultiplyVartime(GroupElement a, in Scalar k)
    {
        Ed448Point p = Unwrap(a, nameof(a));
        if (ReferenceEquals(a, _generator))
        {
            return MultiplyBase(k); // the precomputed table is several times faster than wNAF for B
        }

        return new Ed448Element(StrausVartime([p], [Scalars.Encode(k)]));
    }

    /// <inheritdoc />
    internal override GroupElement MultiScalarMultiplyVartime(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<GroupElement> elements)
    {
        if (scalars.Length != elements.Length)
        {
            throw Error.Frost_LengthMismatch(nameof(elements), "One scalar per element");
        }

        var points = new Ed448Point[elements.Length];
        var encoded = new byte[scalars.Length][];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = Unwrap(elements[i], nameof(elements));
            encoded[i] = Scalars.Encode(scalars[i]);
        }

        return new Ed448Element(StrausVartime(points, encoded));
    }

    /// <inheritdoc />
    internal override bool ElementEquals(GroupElement a, GroupElement b) => Unwrap(a, nameof(a)).EqualsVar(Unwrap(b, nameof(b)));

    /// <inheritdoc />
    internal override bool IsIdentity(GroupElement a) => Unwrap(a, nameof(a)).IsIdentityVar();

    /// <summary>
    /// Writes the RFC 8032 §5.2.2 encoding of <paramref name="a"/>: y as 57 little-endian bytes with the low bit of
    /// x in the top bit of the last byte (RFC 9591 §6.3 SerializeElement).
    /// </summary>
    /// <exception cref="FintechCryptoException"><paramref name="a"/> is the identity.</exception>
    internal override void SerializeElement(GroupElement a, Span<byte> destination)
    {
        Ed448Point p = Unwrap(a, nameof(a));
        if (destination.Length != EncodedLength)
        {
            throw Error.Argument_Length(nameof(destination), EncodedLength, destination.Length);
        }

        if (p.IsIdentityVar())
        {
            throw new FintechCryptoException("The identity element of edwards448 has no encoding (RFC 9591 §6.3 SerializeElement).");
        }

        // x = X / Z, y = Y / Z with the constant-time inversion (the point may come from a secret scalar).
        uint[] inverse = Ed448Field.Create();
        uint[] x = Ed448Field.Create();
        uint[] y = Ed448Field.Create();
        Ed448Field.Inv(p.Z, inverse);
        Ed448Field.Mul(p.X, inverse, x);
        Ed448Field.Mul(p.Y, inverse, y);
        Ed448Field.Encode(y, destination);
        destination[EncodedLength - 1] = (byte)(Ed448Field.LowBit(x) << 7);
        Array.Clear(inverse);
        Array.Clear(x);
        Array.Clear(y);
    }

    /// <summary>
    /// RFC 9591 §6.3 DeserializeElement: RFC 8032 §5.2.3 decoding, then rejection of the identity and of points
    /// outside the prime-order subgroup (L A must be the identity). Returns false, with the identity in
    /// <paramref name="element"/>, for a wrong length, a non-canonical encoding (y &gt;= p, or x = 0 with the sign
    /// bit set), a y with no x on the curve, the identity and points of order 2L, 4L, 2 or 4. Variable time: the
    /// encoding is public.
    /// </summary>
    internal override bool TryDeserializeElement(ReadOnlySpan<byte> encoded, out GroupElement element)
    {
        element = _identity;
        if (encoded.Length != EncodedLength)
        {
            return false;
        }

        // §5.2.3 step 1: bit 455 is x_0; the rest is y, which must be below p. A set bit among 448..454 makes
        // y >= 2^448 > p.
        int signBit = encoded[EncodedLength - 1] >> 7;
        if ((encoded[EncodedLength - 1] & 0x7F) != 0 || !Ed448Field.IsCanonicalVar(encoded[..Ed448Field.EncodedLength]))
        {
            return false;
        }

        uint[] y = Ed448Field.Create();
        Ed448Field.Decode(encoded, y);

        // §5.2.3 step 2: x^2 = (y^2 - 1) / (d y^2 - 1) = (1 - y^2) / (1 + 39081 y^2), since d = -39081.
        uint[] ySquared = Ed448Field.Create();
        uint[] u = Ed448Field.Create();
        uint[] v = Ed448Field.Create();
        uint[] one = Ed448Field.Create();
        Ed448Field.One(one);
        Ed448Field.Sqr(y, ySquared);
        Ed448Field.Sub(one, ySquared, u);
        Ed448Field.Mul(ySquared, Ed448Point.NegativeD, v);
        Ed448Field.Add(v, one, v);
        uint[] x = Ed448Field.Create();
        if (!Ed448Field.SqrtRatioVar(u, v, x))
        {
            return false; // no square root: not the y of a curve point
        }

        // §5.2.3 step 3: x = 0 with x_0 = 1 is non-canonical; otherwise pick the root whose low bit is x_0.
        Ed448Field.Normalize(x);
        if (Ed448Field.IsZeroVar(x) && signBit == 1)
        {
            return false;
        }

        if ((int)(x[0] & 1) != signBit)
        {
            Ed448Field.Negate(x, x);
        }

        var point = new Ed448Point(x, y);

        // RFC 9591 §6.3: reject the identity and points outside the prime-order subgroup (L A != identity).
        if (point.IsIdentityVar() || !StrausVartime([point], [s_orderBytes]).IsIdentityVar())
        {
            return false;
        }

        element = new Ed448Element(point);
        return true;
    }

    // The selected = digit * P for a digit in [-8, 8] from table[m - 1] = m P, reading every entry; constant time.
    private static void Select(Ed448Point[] table, int digit, Ed448Point selected, uint[] scratch)
    {
        int sign = digit >> 31;                 // -1 for a negative digit, else 0
        int magnitude = (digit ^ sign) - sign;  // |digit|
        selected.SetIdentity();
        for (int m = 1; m <= table.Length; m++)
        {
            int mask = ((magnitude ^ m) - 1) >> 31; // -1 when magnitude == m, else 0
            selected.ConditionalMove(mask, table[m - 1]);
        }

        Ed448Field.ConditionalNegate(sign, selected.X, scratch); // -(X : Y : Z) = (-X : Y : Z)
    }

    // sum scalars[i] * points[i] for public little-endian scalars: width-5 NAF digits, Straus' interleaving.
    private static Ed448Point StrausVartime(Ed448Point[] points, byte[][] scalars)
    {
        var t = new Ed448Point.Scratch();
        int n = points.Length;
        var nafs = new sbyte[n][];
        var odd = new Ed448Point[n][];
        var oddNegated = new Ed448Point[n][];
        int top = 0;
        for (int i = 0; i < n; i++)
        {
            nafs[i] = new sbyte[(8 * scalars[i].Length) + 1];
            top = Math.Max(top, Ed448ScalarRecoding.Wnaf(scalars[i], WnafWidth, nafs[i]));

            // odd[i][m] = (2m + 1) P_i and its negation, m = 0..7.
            odd[i] = new Ed448Point[WnafTableSize];
            oddNegated[i] = new Ed448Point[WnafTableSize];
            var twice = new Ed448Point();
            Ed448Point.Double(points[i], twice, t);
            odd[i][0] = points[i].Clone();
            for (int m = 1; m < WnafTableSize; m++)
            {
                odd[i][m] = new Ed448Point();
                Ed448Point.Add(odd[i][m - 1], twice, odd[i][m], t);
            }

            for (int m = 0; m < WnafTableSize; m++)
            {
                oddNegated[i][m] = new Ed448Point();
                oddNegated[i][m].SetNegation(odd[i][m]);
            }
        }

        var q = new Ed448Point();
        for (int position = top - 1; position >= 0; position--)
        {
            Ed448Point.Double(q, q, t);
            for (int i = 0; i < n; i++)
            {
                int digit = nafs[i][position];
                if (digit > 0)
                {
                    Ed448Point.Add(q, odd[i][digit >> 1], q, t);
                }
                else if (digit < 0)
                {
                    Ed448Point.Add(q, oddNegated[i][(-digit) >> 1], q, t);
                }
            }
        }

        return q;
    }

    private static Ed448Point Unwrap(GroupElement element, string paramName)
    {
        ArgumentNullException.ThrowIfNull(element, paramName);
        if (element is not Ed448Element ed448)
        {
            throw Error.Frost_ForeignElement(paramName, "edwards448");
        }

        return ed448.Point;
    }
}
