// Ed25519 batch verification by random linear combination (Bernstein, Duif, Lange, Schwabe, Yang, "High-speed
// high-security signatures", §5; curve25519-dalek's verify_batch and ed25519-zebra follow the same method).
//
// Each signature (R_i, S_i) on M_i under A_i must meet RFC 8032 §5.1.7's cofactored equation
//     [8]([S_i]B - R_i - [k_i]A_i) = identity,   k_i = SHA-512(R_i || A_i || M_i) mod L,
// with S_i < L and R_i a canonical encoding of a point (§5.1.3), which is exactly what Ed25519Core.Verify checks.
// The batch draws independent uniform 128-bit weights z_i and checks the one equation
//     [8]( [-(sum z_i S_i) mod L]B + sum [z_i]R_i + sum [z_i k_i mod L]A_i ) = identity
// with one multi-scalar multiplication (EdwardsVartime, Straus). If every signature is valid, every term of the sum
// is a point of small order times z_i, so [8] of the sum is the identity: the batch accepts. If signature j is not,
// its term E_j = [8]([S_j]B - R_j - [k_j]A_j) is a point of the prime-order subgroup other than the identity (the
// cofactor 8 kills every torsion component), and [z_j]E_j is not the identity because 0 < z_j < L; with several
// invalid signatures the weighted sum is the identity with probability at most 2^-128 over the z_i. So the batch
// answers true exactly when every single verification would, up to that probability; the cofactorless equation
// could not be batched this way, since a torsion component of R_i or A_i survives in [z_i]R_i (issue 13).
//
// Encodings are checked per item before any arithmetic (S_i < L, R_i decodes): one bad item fails the batch.
// Variable time: every input is public; the weights are fresh secrets of this call only and never leave it.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Curve25519;

/// <summary>RFC 8032 §5.1.7 (cofactored) for many signatures at once.</summary>
internal static class Ed25519BatchVerification
{
    /// <summary>The size of the random weights z_i, in bytes (128 bits, as curve25519-dalek).</summary>
    private const int WeightSize = 16;

    /// <summary>One signature to check: the decoded key A, its encoding, the message and the signature.</summary>
    internal readonly struct Entry(in ExtendedPoint publicPoint, byte[] publicKey, ReadOnlyMemory<byte> message, ReadOnlyMemory<byte> signature)
    {
        internal readonly ExtendedPoint PublicPoint = publicPoint;
        internal readonly byte[] PublicKey = publicKey;
        internal readonly ReadOnlyMemory<byte> Message = message;
        internal readonly ReadOnlyMemory<byte> Signature = signature;

        /// <summary>This entry's single verification (Ed25519Core.Verify, the same cofactored rule).</summary>
        internal bool Verify() => Ed25519Core.Verify(PublicPoint, PublicKey, Message.Span, Signature.Span);
    }

    /// <summary>True when every entry's signature is valid (up to probability 2^-128 for an invalid batch).</summary>
    internal static bool Verify(ReadOnlySpan<Entry> entries)
    {
        int n = entries.Length;
        if (n == 0)
        {
            return true;
        }

        ScalarField field = Ed25519Scalars.Field;
        byte[] scalars = new byte[32 * 2 * n];        // z_i for R_i, then z_i k_i mod L for A_i, pairwise
        var points = new ExtendedPoint[2 * n];         // R_i, A_i pairwise
        byte[] weights = RandomNumberGenerator.GetBytes(WeightSize * n);
        Span<byte> digest = stackalloc byte[64];
        Scalar weightedS = field.Zero;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<byte> signature = entries[i].Signature.Span;
            if (signature.Length != Ed25519Core.SignatureSize
                || !field.TryDecode(signature.Slice(32, 32), out Scalar s)                  // S < L
                || !EdwardsEncoding.TryDecompress(signature[..32], out points[2 * i]))     // R canonical, on the curve
            {
                return false;
            }

            points[(2 * i) + 1] = entries[i].PublicPoint;
            Ed25519Core.Sha512(signature[..32], entries[i].PublicKey, entries[i].Message.Span, digest);
            Scalar k = field.ReduceWide(digest);

            Span<byte> z = scalars.AsSpan(32 * 2 * i, 32); // 16 random bytes, then zeros: z < 2^128 < L
            weights.AsSpan(WeightSize * i, WeightSize).CopyTo(z);
            Scalar weight = field.Decode(z, "a batch weight");
            field.Encode(field.Multiply(weight, k), scalars.AsSpan(32 * ((2 * i) + 1), 32));
            weightedS = field.Add(weightedS, field.Multiply(weight, s));
        }

        Span<byte> baseScalar = stackalloc byte[32];
        field.Encode(field.Negate(weightedS), baseScalar);
        ExtendedPoint sum = EdwardsVartime.MultiScalarMultiply(scalars, points, baseScalar);
        CryptographicOperations.ZeroMemory(weights);
        return Ed25519Core.HasSmallOrderVartime(sum);
    }
}
