// Ed25519 (PureEdDSA over edwards25519 with SHA-512), RFC 8032 §5.1, on our own Field25519 arithmetic.
//
//   §5.1.5 key generation: h = SHA-512(seed); s = clamp(h[0..32]); A = [s]B.
//   §5.1.6 signing:        r = SHA-512(h[32..64] || M) mod L; R = [r]B; k = SHA-512(R || A || M) mod L;
//                          S = (r + k s) mod L; signature R || S.
//   §5.1.7 verification:   S < L; A and R decode (RFC 8032 §5.1.3: canonical y, no -0); k = SHA-512(R || A || M)
//                          mod L; accept when [8][S]B = [8]R + [8][k]A, the cofactored equation of §5.1.7 ("it is
//                          sufficient, but not required, to instead check [S]B = R + [k]A"). With canonical R and A
//                          and S < L this is ZIP 215's rule minus its non-canonical encodings, BouncyCastle 2.x's
//                          rule, and the only rule a random-linear-combination batch (VerifyBatch) can agree with on
//                          inputs with torsion components (issue 13). A valid signature of an honest signer also meets
//                          the cofactorless equation, so that is checked first, on the encodings, and R is decoded
//                          only when it fails. Public keys of small order ([8]A = identity) do not import: the key
//                          import refuses them as libsodium's crypto_sign_verify does (HasSmallOrderVartime).
// Secret values (s, the prefix, r) go through the constant-time MultiplyBase and ScalarField only.

using System;
using System.Buffers;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Curve25519;

/// <summary>RFC 8032 Ed25519 on edwards25519.</summary>
internal static class Ed25519Core
{
    /// <summary>Seed, public key and scalar lengths.</summary>
    internal const int SeedSize = 32;

    /// <summary>The public key length.</summary>
    internal const int PublicKeySize = 32;

    /// <summary>The signature length.</summary>
    internal const int SignatureSize = 64;

    /// <summary>
    /// RFC 8032 §5.1.5: expands a seed into the clamped secret scalar s (32 bytes) and the signing prefix (32 bytes).
    /// </summary>
    internal static void ExpandSeed(ReadOnlySpan<byte> seed, Span<byte> scalar, Span<byte> prefix)
    {
        Span<byte> h = stackalloc byte[64];
        SHA512.HashData(seed, h);
        h[0] &= 248;
        h[31] &= 127;
        h[31] |= 64;
        h[..32].CopyTo(scalar);
        h[32..].CopyTo(prefix);
        CryptographicOperations.ZeroMemory(h);
    }

    /// <summary>A = [s]B for a clamped scalar s, encoded (RFC 8032 §5.1.5 step 4).</summary>
    internal static void PublicKeyFromScalar(ReadOnlySpan<byte> clampedScalar, Span<byte> publicKey)
    {
        // B has order L, so [s]B = [s mod L]B; MultiplyBase takes scalars below 2^253.
        ScalarField field = Ed25519Scalars.Field;
        Scalar s = field.ReduceWide(clampedScalar);
        Span<byte> reduced = stackalloc byte[32];
        field.Encode(s, reduced);
        s.Clear();
        ExtendedPoint a = EdwardsScalarMultiplication.MultiplyBase(reduced);
        CryptographicOperations.ZeroMemory(reduced);
        EdwardsEncoding.Compress(a, publicKey);
    }

    /// <summary>RFC 8032 §5.1.6: signs <paramref name="message"/>.</summary>
    internal static void Sign(ReadOnlySpan<byte> clampedScalar, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        ScalarField field = Ed25519Scalars.Field;
        Span<byte> digest = stackalloc byte[64];
        Span<byte> rBytes = stackalloc byte[32];
        Scalar r = default, s = default, k = default, sum = default;
        try
        {
            Sha512(prefix, default, message, digest);
            r = field.ReduceWide(digest);
            field.Encode(r, rBytes);
            ExtendedPoint bigR = EdwardsScalarMultiplication.MultiplyBase(rBytes);
            EdwardsEncoding.Compress(bigR, signature[..32]);

            Sha512(signature[..32], publicKey, message, digest);
            k = field.ReduceWide(digest);
            s = field.ReduceWide(clampedScalar);
            sum = field.Add(r, field.Multiply(k, s));
            field.Encode(sum, signature.Slice(32, 32));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(digest);
            CryptographicOperations.ZeroMemory(rBytes);
            r.Clear();
            s.Clear();
            k.Clear();
            sum.Clear();
        }
    }

    /// <summary>RFC 8032 §5.1.7 for a decoded public key A (with its encoding). Variable time: public data.</summary>
    internal static bool Verify(in ExtendedPoint publicPoint, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Verify(publicPoint, null, publicKey, message, signature);

    /// <summary>
    /// RFC 8032 §5.1.7 with precomputed tables of -A (<see cref="PrecomputeVerificationTables"/>), for a key that
    /// verifies many signatures. Same result as the other overload.
    /// </summary>
    internal static bool Verify(EdwardsPrecomputedPoint minusPublicPoint, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Verify(minusPublicPoint.Point, minusPublicPoint, publicKey, message, signature);

    /// <summary>
    /// True when [8]P is the identity, i.e. P is one of the 8 points of small order (the torsion subgroup of
    /// edwards25519, cofactor 8: RFC 7748 §4.1, RFC 8032 §5.1). Three doublings. Variable time: for public points
    /// (public keys) only.
    /// </summary>
    internal static bool HasSmallOrderVartime(in ExtendedPoint point) =>
        EdwardsArithmetic.IsIdentityVartime(EdwardsArithmetic.MultiplyByPowerOfTwo(point, 3));

    /// <summary>The tables that the fast verification overload needs: those of -A.</summary>
    internal static EdwardsPrecomputedPoint PrecomputeVerificationTables(in ExtendedPoint publicPoint) =>
        new(EdwardsArithmetic.Negate(publicPoint));

    private static bool Verify(in ExtendedPoint point, EdwardsPrecomputedPoint? minusA, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize)
        {
            return false;
        }

        ScalarField field = Ed25519Scalars.Field;
        if (!field.TryDecode(signature.Slice(32, 32), out _))
        {
            return false; // S >= L
        }

        Span<byte> digest = stackalloc byte[64];
        Sha512(signature[..32], publicKey, message, digest);
        Scalar k = field.ReduceWide(digest);
        Span<byte> kBytes = stackalloc byte[32];
        field.Encode(k, kBytes);

        // R' = [S]B + [k](-A)
        ExtendedPoint check = minusA is null
            ? EdwardsVartime.DoubleScalarMultiplyBase(kBytes, EdwardsArithmetic.Negate(point), signature.Slice(32, 32))
            : EdwardsVartime.DoubleScalarMultiplyBase(kBytes, minusA, signature.Slice(32, 32));
        Span<byte> encoded = stackalloc byte[32];
        EdwardsEncoding.Compress(check, encoded);
        if (encoded.SequenceEqual(signature[..32]))
        {
            return true; // R' = R as points (R is the canonical encoding of R'), so [8]R' = [8]R too
        }

        // The cofactored equation: [8](R' - R) is the identity, R a canonical encoding of a point (§5.1.3).
        return EdwardsEncoding.TryDecompress(signature[..32], out ExtendedPoint r)
            && HasSmallOrderVartime(EdwardsArithmetic.Subtract(check, r));
    }

    /// <summary>SHA-512(a || b || c) in one shot over a pooled buffer, which is cleared afterwards (inputs may be secret).</summary>
    internal static void Sha512(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, Span<byte> digest)
    {
        int length = a.Length + b.Length + c.Length;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            a.CopyTo(buffer);
            b.CopyTo(buffer.AsSpan(a.Length));
            c.CopyTo(buffer.AsSpan(a.Length + b.Length));
            SHA512.HashData(buffer.AsSpan(0, length), digest);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length)); // the prefix is secret
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
