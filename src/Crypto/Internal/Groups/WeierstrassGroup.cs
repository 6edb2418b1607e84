// WeierstrassGroup: the prime-order group of a short Weierstrass curve with cofactor 1 (P-256, secp256k1), on
// BouncyCastle's curve arithmetic (Org.BouncyCastle.Math.EC, the custom "SecP256R1"/"SecP256K1" field code).
//
// References: RFC 9591 §6.4 (P-256) and §6.5 (secp256k1): Group, SerializeElement (SEC 1 §2.3.3 compressed
// point, 33 bytes), DeserializeElement (SEC 1 §2.3.4, refusing the identity), SerializeScalar/DeserializeScalar
// (32 bytes big-endian, below the order n); SEC 1 v2 §2.3.3-§2.3.4.
// Parameters: Ne = 33 bytes, Ns = 32 bytes, cofactor 1 (every point on the curve lies in the prime-order group).
//
// Constant time (what holds, and the residue we cannot remove without our own field code):
//   - MultiplyBase uses BouncyCastle's FixedPointCombMultiplier: a comb over a precomputed table of the
//     generator whose reads go through the curve's cache-safe lookup table (every entry is read and masked).
//     BouncyCastle converts the scalar to its BigInteger and Nat form, and AbstractECMultiplier returns early
//     for k = 0; the comb's point additions branch on the point at infinity, which for a random scalar is reached
//     only with negligible probability.
//   - Multiply is our own fixed-window method (below): the scalar is recoded into 52 odd signed 5-bit digits
//     with shifts and masks only, the same 255 doublings and 51 additions run for every scalar, and each table
//     read is a masked lookup over all 32 entries. BouncyCastle's point addition still branches on its
//     exceptional cases (infinity, equal or opposite inputs); in this ladder those arise only for the final
//     addition when k = 0 or k is an even number below 64 (or its negation mod n) — see MultiplyConstantTime.
//   - MultiplyVartime and MultiScalarMultiplyVartime use BouncyCastle's default (variable-time) multipliers and
//     take public data only.
//   - Beneath both constant-time methods, BouncyCastle's field code (SecP256R1Field, SecP256K1Field) ends its
//     additions and reductions with a conditional subtraction of p written as a branch ("if (c != 0 || (z[7] ==
//     P7 && Nat256.Gte(z, P)))"). Whether it is taken depends on the intermediate coordinates (for an addition,
//     mostly on whether x + y overflows 2^256), so it leaks a little per field operation: this is the residual
//     timing channel of these two groups until they run on our own field code (as edwards25519 does).

using System;
using System.Buffers.Binary;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;
using CryptographicOperations = System.Security.Cryptography.CryptographicOperations;

namespace FintechCrypto.Internal.Groups;

/// <summary>
/// A short Weierstrass curve of prime order over BouncyCastle (RFC 9591 §6.4, §6.5): 33-byte SEC 1 compressed
/// elements, 32-byte big-endian scalars. Its two instances differ only in the curve's parameters.
/// </summary>
internal sealed class WeierstrassGroup : PrimeOrderGroup
{
    private const int CoordinateLength = 32;
    private const int WindowBits = 5;                          // w
    private const int TableSize = 1 << WindowBits;             // odd digits -31, -29, ..., 29, 31
    private const int DigitCount = 52;                         // ceil(257 / 5): k' < 2n < 2^257
    private const int LimbCount = 5;                           // 320 bits, room for k' and the last window

    private readonly ECCurve _curve;
    private readonly BcBigInteger _fieldPrime;
    private readonly ulong[] _orderLimbs;
    private readonly FixedPointCombMultiplier _combMultiplier = new();
    private readonly WeierstrassElement _generator;
    private readonly WeierstrassElement _identity;

    private WeierstrassGroup(string curveName, string name)
    {
        Name = name;
        X9ECParameters parameters = Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByName(curveName)
            ?? throw new InvalidOperationException($"BouncyCastle does not know the curve {curveName}.");
        if (!parameters.H.Equals(BcBigInteger.One))
        {
            throw new InvalidOperationException($"The curve {curveName} has a cofactor; this group needs cofactor 1.");
        }

        _curve = parameters.Curve;
        _fieldPrime = _curve.Field.Characteristic;
        byte[] order = parameters.N.ToByteArrayUnsigned();
        Scalars = new ScalarField(new System.Numerics.BigInteger(order, isUnsigned: true, isBigEndian: true), 32, littleEndian: false);
        _orderLimbs = ToLimbs(order);
        _generator = new WeierstrassElement(this, parameters.G.Normalize());
        _identity = new WeierstrassElement(this, _curve.Infinity);
    }

    /// <summary>
    /// The NIST P-256 (secp256r1) group of RFC 9591 §6.4, "FROST(P-256, SHA-256)" (SEC 2 v2 §2.4.2; FIPS 186-5 /
    /// SP 800-186 §3.2.1.3): order n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551.
    /// </summary>
    internal static WeierstrassGroup P256 { get; } = new("secp256r1", "P-256");

    /// <summary>
    /// The secp256k1 group of RFC 9591 §6.5, "FROST(secp256k1, SHA-256)" (SEC 2 v2 §2.4.1): order
    /// n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141.
    /// </summary>
    internal static WeierstrassGroup Secp256k1 { get; } = new("secp256k1", "secp256k1");

    /// <inheritdoc />
    internal override string Name { get; }

    /// <inheritdoc />
    internal override ScalarField Scalars { get; }

    /// <inheritdoc />
    internal override int ElementLength => CoordinateLength + 1;

    /// <inheritdoc />
    internal override GroupElement Identity => _identity;

    /// <inheritdoc />
    internal override GroupElement Generator => _generator;

    /// <summary>The BouncyCastle curve (tests use it as an independent reference).</summary>
    internal ECCurve Curve => _curve;

    /// <inheritdoc />
    internal override GroupElement Add(GroupElement a, GroupElement b) => Wrap(Unwrap(a).Add(Unwrap(b)));

    /// <inheritdoc />
    internal override GroupElement Negate(GroupElement a) => Wrap(Unwrap(a).Negate());

    /// <inheritdoc />
    internal override GroupElement Subtract(GroupElement a, GroupElement b) => Wrap(Unwrap(a).Subtract(Unwrap(b)));

    /// <inheritdoc />
    internal override GroupElement MultiplyBase(in Scalar k)
    {
        BcBigInteger value = ToBouncyCastle(k);
        return Wrap(_combMultiplier.Multiply(_generator.Point, value));
    }

    /// <inheritdoc />
    internal override GroupElement Multiply(GroupElement a, in Scalar k) => Wrap(MultiplyConstantTime(Unwrap(a), k));

    /// <inheritdoc />
    internal override GroupElement MultiplyVartime(GroupElement a, in Scalar k) => Wrap(Unwrap(a).Multiply(ToBouncyCastle(k)));

    /// <inheritdoc />
    internal override GroupElement MultiScalarMultiplyVartime(ReadOnlySpan<Scalar> scalars, ReadOnlySpan<GroupElement> elements)
    {
        if (scalars.Length != elements.Length)
        {
            throw Error.Frost_LengthMismatch(nameof(elements), "One scalar per element");
        }

        if (scalars.Length == 0)
        {
            return _identity;
        }

        var points = new ECPoint[scalars.Length];
        var values = new BcBigInteger[scalars.Length];
        for (int i = 0; i < scalars.Length; i++)
        {
            points[i] = Unwrap(elements[i]);
            values[i] = ToBouncyCastle(scalars[i]);
        }

        // Interleaved wNAF (Straus) over all pairs (BouncyCastle ECAlgorithms); variable time, public inputs only.
        return Wrap(ECAlgorithms.SumOfMultiplies(points, values));
    }

    /// <inheritdoc />
    internal override bool ElementEquals(GroupElement a, GroupElement b) => Unwrap(a).Equals(Unwrap(b));

    /// <inheritdoc />
    internal override bool IsIdentity(GroupElement a) => Unwrap(a).IsInfinity;

    /// <summary>
    /// RFC 9591 §6.4/§6.5 SerializeElement: the SEC 1 §2.3.3 compressed point, 0x02 or 0x03 (the parity of y)
    /// followed by x in 32 big-endian bytes.
    /// </summary>
    internal override void SerializeElement(GroupElement a, Span<byte> destination)
    {
        if (destination.Length != ElementLength)
        {
            throw Error.Argument_Length(nameof(destination), ElementLength, destination.Length);
        }

        ECPoint point = Unwrap(a);
        if (point.IsInfinity)
        {
            throw new FintechCryptoException($"The {Name} identity element has no encoding (RFC 9591 SerializeElement).");
        }

        point.GetEncoded(compressed: true).CopyTo(destination);
    }

    /// <summary>
    /// RFC 9591 §6.4/§6.5 DeserializeElement (SEC 1 §2.3.4): exactly 33 bytes, prefix 0x02 or 0x03, x below the
    /// field prime, a y with x^3 + ax + b = y^2 of the given parity; the identity (which has no 33-byte encoding)
    /// is refused. Cofactor 1: a point on the curve is in the prime-order group.
    /// </summary>
    internal override bool TryDeserializeElement(ReadOnlySpan<byte> encoded, out GroupElement element)
    {
        element = _identity;
        if (encoded.Length != ElementLength || (encoded[0] != 0x02 && encoded[0] != 0x03))
        {
            return false;
        }

        var x = new BcBigInteger(1, encoded[1..].ToArray());
        if (x.CompareTo(_fieldPrime) >= 0)
        {
            return false;
        }

        ECPoint point;
        try
        {
            point = _curve.DecodePoint(encoded.ToArray()).Normalize();
        }
        catch (ArgumentException)
        {
            // BouncyCastle reports "Invalid point compression" (no square root) and "Invalid point" this way.
            return false;
        }
        catch (ArithmeticException)
        {
            return false;
        }

        if (point.IsInfinity || !point.IsValid())
        {
            return false;
        }

        element = new WeierstrassElement(this, point);
        return true;
    }

    /// <summary>The BouncyCastle point inside an element of this group.</summary>
    internal ECPoint Unwrap(GroupElement a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a is not WeierstrassElement element || !ReferenceEquals(element.Group, this))
        {
            throw Error.Frost_ForeignElement(nameof(a), Name);
        }

        return element.Point;
    }

    /// <summary>Wraps a BouncyCastle point of this curve (tests compare against BouncyCastle through it).</summary>
    internal GroupElement Wrap(ECPoint point) => new WeierstrassElement(this, point.Normalize());

    /// <summary>
    /// The scalar as a BouncyCastle integer, through ScalarField.Encode (big-endian); the temporary bytes are cleared.
    /// BouncyCastle's BigInteger is not constant time; only the multipliers above see it.
    /// </summary>
    internal BcBigInteger ToBouncyCastle(in Scalar k)
    {
        Span<byte> bytes = stackalloc byte[32];
        byte[] array = new byte[32];
        try
        {
            Scalars.Encode(k, bytes);
            bytes.CopyTo(array);
            return new BcBigInteger(1, array);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            CryptographicOperations.ZeroMemory(array);
        }
    }

    // k * P with a fixed window of odd signed digits (a "regular" recoding, as in Joye and Tunstall, "Exponent
    // Recoding and Regular Exponentiation Algorithms", AFRICACRYPT 2009, §3):
    //
    //   1. k' = k + n when k is even, else k (a masked addition): k' is odd, k' < 2n < 2^257, and k' P = k P.
    //   2. For odd k', with k_0 = k' and k_{i+1} = (k_i - d_i) / 2^5, the digit d_i = (k_i mod 2^6) - 2^5 is odd in
    //      [-31, 31] and every k_i stays odd. Unrolled, k_i = (k' >> 5i) | 1, so each digit is read straight from the
    //      bits of k' with public shifts: d_i = (((k' >> 5i) | 1) & 63) - 32 for i < 51, and the top digit
    //      d_51 = (k' >> 255) | 1 is in {1, 3}. Then k' = sum d_i 2^(5i).
    //   3. Table T[j] = (2j - 31) P for j = 0..31 (all odd multiples and their negatives), normalized to affine and
    //      read with the curve's cache-safe lookup (every entry read, the wanted one kept by masks).
    //   4. Q = T[d_51]; for i = 50 down to 0: Q = 2^5 Q; Q = Q + T[d_i]. The same operations run for every k.
    //
    // Exceptional additions: after step i the accumulator is k_i P with k_i odd and 0 < k_i < n for i >= 1, so it is
    // never the identity; the addition 2^5 k_1 P + d_0 P meets an equal or opposite operand only when
    // k' = 2 d_0 or k' = 0 mod n, that is k = 0 or k = +-2 d_0 mod n for an odd |d_0| <= 31. BouncyCastle's formulas
    // branch in those cases only.
    private ECPoint MultiplyConstantTime(ECPoint p, in Scalar k)
    {
        if (p.IsInfinity)
        {
            return p; // the point is public
        }

        Span<ulong> kPrime = stackalloc ulong[LimbCount];
        Span<byte> bytes = stackalloc byte[32];
        Span<int> digits = stackalloc int[DigitCount];
        try
        {
            Scalars.Encode(k, bytes);
            for (int i = 0; i < 4; i++)
            {
                kPrime[i] = BinaryPrimitives.ReadUInt64BigEndian(bytes[(24 - (8 * i))..]);
            }

            kPrime[4] = 0;

            // Step 1: add n when k is even.
            ulong evenMask = (kPrime[0] & 1) - 1;
            ulong carry = 0;
            for (int i = 0; i < LimbCount; i++)
            {
                ulong addend = _orderLimbs[i] & evenMask;
                ulong s = kPrime[i] + carry;
                ulong c1 = s < carry ? 1UL : 0UL;
                ulong t = s + addend;
                ulong c2 = t < addend ? 1UL : 0UL;
                kPrime[i] = t;
                carry = c1 | c2;
            }

            // Step 2: the digits.
            for (int i = 0; i < DigitCount - 1; i++)
            {
                int window = (int)(ExtractBits(kPrime, WindowBits * i, WindowBits + 1) | 1);
                digits[i] = window - (1 << WindowBits);
            }

            digits[DigitCount - 1] = (int)(ExtractBits(kPrime, WindowBits * (DigitCount - 1), WindowBits + 1) | 1);

            // Step 3: the table of odd multiples.
            var points = new ECPoint[TableSize];
            ECPoint twice = p.Twice();
            ECPoint odd = p;
            for (int j = 0; j < TableSize / 2; j++)
            {
                points[(TableSize / 2) + j] = odd;          // (2j + 1) P
                points[(TableSize / 2) - 1 - j] = odd.Negate(); // -(2j + 1) P
                odd = odd.Add(twice);
            }

            _curve.NormalizeAll(points);
            ECLookupTable table = _curve.CreateCacheSafeLookupTable(points, 0, TableSize);

            // Step 4: the ladder.
            ECPoint q = table.Lookup(TableIndex(digits[DigitCount - 1]));
            for (int i = DigitCount - 2; i >= 0; i--)
            {
                q = q.TimesPow2(WindowBits);
                q = q.Add(table.Lookup(TableIndex(digits[i])));
            }

            return q.Normalize();
        }
        finally
        {
            kPrime.Clear();
            CryptographicOperations.ZeroMemory(bytes);
            digits.Clear();
        }
    }

    // Digit d (odd, -31..31) -> index (d + 31) / 2 of the table T[j] = (2j - 31) P; arithmetic only.
    private static int TableIndex(int digit) => (digit + (TableSize - 1)) >> 1;

    // count (<= 8) bits of the little-endian limbs starting at a public bit position.
    private static ulong ExtractBits(ReadOnlySpan<ulong> limbs, int position, int count)
    {
        int limb = position >> 6;
        int shift = position & 63;
        ulong value = limbs[limb] >> shift;
        if (shift + count > 64 && limb + 1 < limbs.Length)
        {
            value |= limbs[limb + 1] << (64 - shift);
        }

        return value & ((1UL << count) - 1);
    }

    private static ulong[] ToLimbs(byte[] bigEndian)
    {
        var limbs = new ulong[LimbCount];
        for (int i = 0; i < bigEndian.Length; i++)
        {
            int bit = 8 * (bigEndian.Length - 1 - i);
            limbs[bit >> 6] |= (ulong)bigEndian[i] << (bit & 63);
        }

        return limbs;
    }

    private sealed class WeierstrassElement : GroupElement
    {
        private readonly WeierstrassGroup _group;

        internal WeierstrassElement(WeierstrassGroup group, ECPoint point)
        {
            _group = group;
            Point = point;
        }

        internal ECPoint Point { get; }

        internal override PrimeOrderGroup Group => _group;
    }
}
