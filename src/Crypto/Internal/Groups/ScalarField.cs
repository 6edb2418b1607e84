// ScalarField: constant-time arithmetic modulo a prime group order q, for every group FROST and the
// other protocols use. One implementation serves all five orders (edwards25519/ristretto255, Ed448, P-256,
// secp256k1): n 64-bit limbs in Montgomery form (R = 2^(64n)), with CIOS Montgomery multiplication,
// masked conditional subtraction, and inversion by Fermat's little theorem with the public exponent q - 2.
//
// References: RFC 9591 §3.1 (Scalar, SerializeScalar, DeserializeScalar, RandomScalar) and §6.x (per-suite
// byte order: little-endian for edwards25519, ristretto255 and Ed448; big-endian for P-256 and secp256k1);
// Koç, Acar, Kaliski, "Analyzing and Comparing Montgomery Multiplication Algorithms" (CIOS).
//
// Constant time: no branch and no memory index depends on a scalar's value. Decoding branches only on
// whether an encoding is canonical, which the caller learns anyway.

using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using FintechCrypto.Native.Arithmetic;

namespace FintechCrypto.Internal.Groups;

/// <summary>Integers modulo a prime group order, with the encodings of one ciphersuite.</summary>
internal sealed class ScalarField
{
    private readonly int _limbCount;
    private readonly ScalarLimbs _modulus;
    private readonly ulong _negativeInverse; // -q^-1 mod 2^64
    private readonly Scalar _rSquared;        // R^2 mod q, as plain limbs (MontMul(x, R^2) = x R)
    private readonly Scalar _one;             // R mod q: 1 in Montgomery form
    private readonly byte[] _exponentForInverse; // q - 2, big-endian bytes (public)

    /// <summary>Creates the field of integers modulo <paramref name="order"/>.</summary>
    /// <param name="order">The prime group order q (public).</param>
    /// <param name="encodedLength">Ns: the length of a serialized scalar.</param>
    /// <param name="littleEndian">The byte order of serialized scalars.</param>
    internal ScalarField(BigInteger order, int encodedLength, bool littleEndian)
    {
        if (order.Sign <= 0 || order.IsEven)
        {
            throw Error.ArgumentOutOfRange(nameof(order), "the group order must be an odd prime");
        }

        int bits = (int)order.GetBitLength();
        _limbCount = (bits + 63) / 64;
        if (_limbCount > ScalarLimbs.Capacity || encodedLength * 8 < bits)
        {
            throw Error.ArgumentOutOfRange(nameof(order), "the group order must fit the scalar representation");
        }

        Order = order;
        Length = encodedLength;
        LittleEndian = littleEndian;
        _modulus = ToLimbs(order);

        // -q^-1 mod 2^64 by Newton iteration (q odd): each step doubles the correct low bits.
        ulong q0 = _modulus[0];
        ulong inverse = 1;
        for (int i = 0; i < 7; i++)
        {
            inverse *= 2 - (q0 * inverse);
        }

        _negativeInverse = 0 - inverse;

        BigInteger r = BigInteger.One << (64 * _limbCount);
        _rSquared = new Scalar { Limbs = ToLimbs(r * r % order) };
        _one = new Scalar { Limbs = ToLimbs(r % order) };
        _exponentForInverse = (order - 2).ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    /// <summary>The group order q.</summary>
    internal BigInteger Order { get; }

    /// <summary>Ns: the length in bytes of a serialized scalar.</summary>
    internal int Length { get; }

    /// <summary>True when serialized scalars are little-endian (edwards25519, ristretto255, Ed448).</summary>
    internal bool LittleEndian { get; }

    /// <summary>0.</summary>
    internal Scalar Zero => default;

    /// <summary>1.</summary>
    internal Scalar One => _one;

    /// <summary>The scalar equal to a small integer (identifiers, Lagrange numerators).</summary>
    internal Scalar FromUInt64(ulong value)
    {
        Scalar plain = default;
        plain.Limbs[0] = value;
        return MontgomeryMultiply(plain, _rSquared);
    }

    /// <summary>a + b mod q.</summary>
    internal Scalar Add(in Scalar a, in Scalar b)
    {
        Scalar sum = default;
        ulong carry = 0;
        for (int i = 0; i < _limbCount; i++)
        {
            ulong s = a.Limbs[i] + carry;
            carry = s < carry ? 1UL : 0UL;
            ulong t = s + b.Limbs[i];
            carry |= t < s ? 1UL : 0UL;
            sum.Limbs[i] = t;
        }

        // sum < 2q. Subtract q unless that borrows past the carry out.
        Scalar difference = SubtractModulus(sum, out ulong borrow);
        ulong keepDifference = 0 - (carry | (borrow ^ 1));
        return Select(keepDifference, difference, sum);
    }

    /// <summary>a - b mod q.</summary>
    internal Scalar Subtract(in Scalar a, in Scalar b)
    {
        Scalar difference = default;
        ulong borrow = 0;
        for (int i = 0; i < _limbCount; i++)
        {
            difference.Limbs[i] = SubtractWithBorrow(a.Limbs[i], b.Limbs[i], ref borrow);
        }

        // Add q back when the subtraction borrowed.
        ulong mask = 0 - borrow;
        ulong carry = 0;
        for (int i = 0; i < _limbCount; i++)
        {
            ulong add = _modulus[i] & mask;
            ulong s = difference.Limbs[i] + carry;
            carry = s < carry ? 1UL : 0UL;
            ulong t = s + add;
            carry |= t < s ? 1UL : 0UL;
            difference.Limbs[i] = t;
        }

        return difference;
    }

    /// <summary>-a mod q.</summary>
    internal Scalar Negate(in Scalar a) => Subtract(default, a);

    /// <summary>a * b mod q.</summary>
    internal Scalar Multiply(in Scalar a, in Scalar b) => MontgomeryMultiply(a, b);

    /// <summary>a^-1 mod q, or 0 for 0 (Fermat: a^(q-2)); constant time in a.</summary>
    /// <remarks>
    /// A fixed 4-bit window over the public exponent q - 2: the table a^0..a^15 is built for every call and the
    /// window values index it, which is safe because they come from the public order, not from a.
    /// </remarks>
    internal Scalar Invert(in Scalar a)
    {
        Span<Scalar> powers = stackalloc Scalar[16];
        powers[0] = _one;
        for (int i = 1; i < 16; i++)
        {
            powers[i] = MontgomeryMultiply(powers[i - 1], a);
        }

        Scalar result = _one;
        bool started = false;
        foreach (byte e in _exponentForInverse)
        {
            for (int half = 1; half >= 0; half--)
            {
                if (started)
                {
                    for (int s = 0; s < 4; s++)
                    {
                        result = MontgomeryMultiply(result, result);
                    }
                }

                int window = (e >> (4 * half)) & 15;
                if (window != 0)
                {
                    result = started ? MontgomeryMultiply(result, powers[window]) : powers[window];
                    started = true;
                }
            }
        }

        powers.Clear();
        return result;
    }

    /// <summary>True when a == b; constant time.</summary>
    internal bool Equal(in Scalar a, in Scalar b)
    {
        ulong difference = 0;
        for (int i = 0; i < _limbCount; i++)
        {
            difference |= a.Limbs[i] ^ b.Limbs[i];
        }

        return difference == 0;
    }

    /// <summary>True when a == 0; constant time up to the final answer.</summary>
    internal bool IsZero(in Scalar a) => Equal(a, default);

    /// <summary>
    /// Decodes an Ns-byte scalar (RFC 9591 "DeserializeScalar"): false unless the length is Ns and the value is
    /// below q.
    /// </summary>
    internal bool TryDecode(ReadOnlySpan<byte> encoded, out Scalar scalar)
    {
        scalar = default;
        if (encoded.Length != Length)
        {
            return false;
        }

        Span<byte> little = stackalloc byte[Length];
        try
        {
            ToLittleEndian(encoded, little);
            int limbBytes = 8 * _limbCount;
            byte excess = 0;
            for (int i = limbBytes; i < little.Length; i++)
            {
                excess |= little[i];
            }

            Scalar plain = default;
            for (int i = 0; i < _limbCount; i++)
            {
                plain.Limbs[i] = ReadLimb(little, i);
            }

            SubtractModulus(plain, out ulong borrow);
            bool canonical = (excess == 0) & (borrow == 1);
            scalar = MontgomeryMultiply(plain, _rSquared);
            plain.Clear();
            if (!canonical)
            {
                scalar.Clear();
            }

            return canonical;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(little);
        }
    }

    /// <summary>
    /// Decodes an Ns-byte scalar, throwing <see cref="FintechCryptoException"/> when it is not canonical.
    /// </summary>
    internal Scalar Decode(ReadOnlySpan<byte> encoded, string what)
    {
        if (!TryDecode(encoded, out Scalar scalar))
        {
            throw new FintechCryptoException($"The {what} is not a canonical {Length}-byte scalar below the group order.");
        }

        return scalar;
    }

    /// <summary>Writes the Ns-byte encoding of <paramref name="a"/> (RFC 9591 "SerializeScalar").</summary>
    internal void Encode(in Scalar a, Span<byte> destination)
    {
        if (destination.Length != Length)
        {
            throw Error.Argument_Length(nameof(destination), Length, destination.Length);
        }

        Scalar unit = default;
        unit.Limbs[0] = 1;
        Scalar plain = MontgomeryMultiply(a, unit);
        Span<byte> little = stackalloc byte[Length];
        little.Clear();
        Span<byte> limb = stackalloc byte[8];
        for (int i = 0; i < _limbCount; i++)
        {
            int offset = 8 * i;
            int count = Math.Min(8, Length - offset);
            if (count <= 0)
            {
                break;
            }

            BinaryPrimitives.WriteUInt64LittleEndian(limb, plain.Limbs[i]);
            limb[..count].CopyTo(little[offset..]);
        }

        CryptographicOperations.ZeroMemory(limb);

        plain.Clear();
        ToLittleEndian(little, destination); // reversing is its own inverse
        CryptographicOperations.ZeroMemory(little);
    }

    /// <summary>The Ns-byte encoding of <paramref name="a"/> as a new array.</summary>
    internal byte[] Encode(in Scalar a)
    {
        byte[] result = new byte[Length];
        Encode(a, result);
        return result;
    }

    /// <summary>
    /// Reduces an integer of any length, in this field's byte order, modulo q (the "interpret as an integer and
    /// reduce" step of RFC 9591's H1-H5 and RFC 8032's SHA-512/SHAKE256 digests); constant time in the value.
    /// </summary>
    internal Scalar ReduceWide(ReadOnlySpan<byte> bytes)
    {
        if (_limbCount == 4 && LittleEndian && bytes.Length == 64)
        {
            // The common case (SHA-512 digests for edwards25519 and ristretto255): value = high R + low with
            // R = 2^256, so in Montgomery form it is MontMul(MontMul(high, R^2), R^2) + MontMul(low, R^2).
            Scalar low = default, high = default;
            for (int i = 0; i < 4; i++)
            {
                low.Limbs[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * i)..]);
                high.Limbs[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(32 + (8 * i))..]);
            }

            Scalar shifted = MontgomeryMultiply4(MontgomeryMultiply4(high, _rSquared), _rSquared);
            Scalar result = Add(shifted, MontgomeryMultiply4(low, _rSquared));
            low.Clear();
            high.Clear();
            shifted.Clear();
            return result;
        }

        int blockBytes = 8 * _limbCount;
        int blocks = Math.Max(1, (bytes.Length + blockBytes - 1) / blockBytes);
        int length = blocks * blockBytes;
        Span<byte> little = length <= 256 ? stackalloc byte[256] : new byte[length];
        little = little[..length];
        little.Clear();
        try
        {
            ToLittleEndian(bytes, little[..bytes.Length]);
            Scalar accumulator = default;
            for (int block = blocks - 1; block >= 0; block--)
            {
                Scalar plain = default;
                for (int i = 0; i < _limbCount; i++)
                {
                    plain.Limbs[i] = ReadLimb(little.Slice(block * blockBytes, blockBytes), i);
                }

                // accumulator * R (a shift by one block), then + block, both in Montgomery form.
                accumulator = MontgomeryMultiply(accumulator, _rSquared);
                accumulator = Add(accumulator, MontgomeryMultiply(plain, _rSquared));
                plain.Clear();
            }

            return accumulator;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(little);
        }
    }

    /// <summary>A uniformly random scalar (RFC 9591 "RandomScalar"), by reducing Ns + 32 random bytes.</summary>
    internal Scalar Random()
    {
        Span<byte> bytes = stackalloc byte[Length + 32];
        try
        {
            RandomNumberGenerator.Fill(bytes);
            return ReduceWide(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>A uniformly random non-zero scalar.</summary>
    internal Scalar RandomNonZero()
    {
        while (true)
        {
            Scalar s = Random();
            if (!IsZero(s))
            {
                return s;
            }
        }
    }

    /// <summary>The value of <paramref name="a"/> as an integer (tests and diagnostics; not constant time).</summary>
    internal BigInteger ToBigInteger(in Scalar a)
    {
        Span<byte> little = stackalloc byte[Length];
        Encode(a, little);
        if (!LittleEndian)
        {
            little.Reverse();
        }

        return new BigInteger(little, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>The scalar equal to <paramref name="value"/> mod q (tests and public constants).</summary>
    internal Scalar FromBigInteger(BigInteger value)
    {
        BigInteger reduced = BigInteger.Remainder(value, Order);
        if (reduced.Sign < 0)
        {
            reduced += Order;
        }

        return MontgomeryMultiply(new Scalar { Limbs = ToLimbs(reduced) }, _rSquared);
    }

    // CIOS Montgomery multiplication: a * b * R^-1 mod q for a, b < R with a * b < q R; result < q.
    private Scalar MontgomeryMultiply(in Scalar a, in Scalar b)
    {
        if (_limbCount == 4)
        {
            return MontgomeryMultiply4(a, b);
        }

        int n = _limbCount;
        Span<ulong> t = stackalloc ulong[ScalarLimbs.Capacity + 2];
        t.Clear();
        for (int i = 0; i < n; i++)
        {
            ulong bi = b.Limbs[i];
            ulong carry = 0;
            for (int j = 0; j < n; j++)
            {
                (carry, t[j]) = MultiplyAdd(a.Limbs[j], bi, t[j], carry);
            }

            ulong top = t[n] + carry;
            t[n + 1] = top < carry ? 1UL : 0UL;
            t[n] = top;

            ulong m = t[0] * _negativeInverse;
            (carry, _) = MultiplyAdd(m, _modulus[0], t[0], 0);
            for (int j = 1; j < n; j++)
            {
                (carry, t[j - 1]) = MultiplyAdd(m, _modulus[j], t[j], carry);
            }

            top = t[n] + carry;
            ulong overflow = top < carry ? 1UL : 0UL;
            t[n - 1] = top;
            t[n] = t[n + 1] + overflow;
        }

        Scalar result = default;
        for (int i = 0; i < n; i++)
        {
            result.Limbs[i] = t[i];
        }

        Scalar reduced = SubtractModulus(result, out ulong borrow);
        // Keep t when t < q, that is when t[n] == 0 and the subtraction borrowed.
        ulong keepResult = 0 - (borrow & (t[n] == 0 ? 1UL : 0UL));
        t.Clear();
        return Select(keepResult, result, reduced);
    }

    // The same CIOS multiplication unrolled for four limbs (every 256-bit order: edwards25519, ristretto255,
    // P-256, secp256k1), with the running sum in locals instead of a stack buffer.
    private Scalar MontgomeryMultiply4(in Scalar a, in Scalar b)
    {
        ulong a0 = a.Limbs[0], a1 = a.Limbs[1], a2 = a.Limbs[2], a3 = a.Limbs[3];
        ulong q0 = _modulus[0], q1 = _modulus[1], q2 = _modulus[2], q3 = _modulus[3];
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
        for (int i = 0; i < 4; i++)
        {
            ulong bi = b.Limbs[i];
            ulong carry;
            (carry, t0) = MultiplyAdd(a0, bi, t0, 0);
            (carry, t1) = MultiplyAdd(a1, bi, t1, carry);
            (carry, t2) = MultiplyAdd(a2, bi, t2, carry);
            (carry, t3) = MultiplyAdd(a3, bi, t3, carry);
            ulong top = t4 + carry;
            ulong t5 = top < carry ? 1UL : 0UL;
            t4 = top;

            ulong m = t0 * _negativeInverse;
            (carry, _) = MultiplyAdd(m, q0, t0, 0);
            (carry, t0) = MultiplyAdd(m, q1, t1, carry);
            (carry, t1) = MultiplyAdd(m, q2, t2, carry);
            (carry, t2) = MultiplyAdd(m, q3, t3, carry);
            top = t4 + carry;
            t3 = top;
            t4 = t5 + (top < carry ? 1UL : 0UL);
        }

        // t < 2q: subtract q unless that borrows past t4.
        ulong borrow = 0;
        ulong d0 = SubtractWithBorrow(t0, q0, ref borrow);
        ulong d1 = SubtractWithBorrow(t1, q1, ref borrow);
        ulong d2 = SubtractWithBorrow(t2, q2, ref borrow);
        ulong d3 = SubtractWithBorrow(t3, q3, ref borrow);
        ulong keep = 0 - (borrow & (t4 == 0 ? 1UL : 0UL)); // all ones: t < q, keep t
        Scalar result = default;
        result.Limbs[0] = (t0 & keep) | (d0 & ~keep);
        result.Limbs[1] = (t1 & keep) | (d1 & ~keep);
        result.Limbs[2] = (t2 & keep) | (d2 & ~keep);
        result.Limbs[3] = (t3 & keep) | (d3 & ~keep);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubtractWithBorrow(ulong x, ulong y, ref ulong borrow)
    {
        ulong d = x - y;
        ulong borrowOut = x < y ? 1UL : 0UL;
        ulong d2 = d - borrow;
        borrowOut |= d < borrow ? 1UL : 0UL;
        borrow = borrowOut;
        return d2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong High, ulong Low) MultiplyAdd(ulong a, ulong b, ulong c, ulong d)
    {
        ulong high = Multiply64.Full(a, b, out ulong low); // both halves in registers (Native/Arithmetic/Multiply64)
        ulong sum = low + c;
        high += sum < c ? 1UL : 0UL;
        ulong sum2 = sum + d;
        high += sum2 < d ? 1UL : 0UL;
        return (high, sum2);
    }

    private Scalar SubtractModulus(in Scalar a, out ulong borrow)
    {
        Scalar difference = default;
        borrow = 0;
        for (int i = 0; i < _limbCount; i++)
        {
            difference.Limbs[i] = SubtractWithBorrow(a.Limbs[i], _modulus[i], ref borrow);
        }

        return difference;
    }

    // mask all ones selects a, all zeros selects b.
    private Scalar Select(ulong mask, in Scalar a, in Scalar b)
    {
        Scalar result = default;
        for (int i = 0; i < _limbCount; i++)
        {
            result.Limbs[i] = (a.Limbs[i] & mask) | (b.Limbs[i] & ~mask);
        }

        return result;
    }

    private void ToLittleEndian(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        if (!LittleEndian)
        {
            destination[..source.Length].Reverse();
        }
    }

    private static ulong ReadLimb(ReadOnlySpan<byte> little, int index)
    {
        int offset = 8 * index;
        if (offset + 8 <= little.Length)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(little[offset..]);
        }

        Span<byte> padded = stackalloc byte[8];
        padded.Clear();
        if (offset < little.Length)
        {
            little[offset..].CopyTo(padded);
        }

        return BinaryPrimitives.ReadUInt64LittleEndian(padded);
    }

    private static ScalarLimbs ToLimbs(BigInteger value)
    {
        byte[] little = value.ToByteArray(isUnsigned: true, isBigEndian: false);
        ScalarLimbs limbs = default;
        for (int i = 0; i < ScalarLimbs.Capacity; i++)
        {
            limbs[i] = ReadLimb(little, i);
        }

        return limbs;
    }
}
