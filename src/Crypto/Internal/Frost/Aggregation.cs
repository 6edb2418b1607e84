// Aggregation: signature share verification and aggregation by the coordinator (RFC 9591 §5.3, §5.4).
//
// References: RFC 9591 §5.3 (aggregate: z = sum of z_i; signature = (group_commitment, z)), §5.4
// (verify_signature_share: G.ScalarBaseMult(sig_share_i) == comm_share + G.ScalarMult(PK_i, challenge * lambda_i)).
// Variable time: every input is public.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost;

/// <summary>Signature share verification and aggregation (RFC 9591 §5.3, §5.4).</summary>
internal static class Aggregation
{
    /// <summary>
    /// Implements verify_signature_share(identifier, PK_i, comm_i, sig_share_i, commitment_list, group_public_key,
    /// msg) (RFC 9591 §5.4) with the session's precomputed binding factors, group commitment and challenge.
    /// </summary>
    internal static bool VerifySignatureShare(SigningSession session, ReadOnlySpan<CommitmentListEntry> commitmentList, int index, GroupElement verifyingShare, in Scalar sigShare)
    {
        FrostSuite suite = session.Suite;
        PrimeOrderGroup group = suite.Group;
        ScalarField f = suite.Scalars;
        CommitmentListEntry entry = commitmentList[index];


        // l = z_i * B and r = comm_share + (c * lambda_i) * PK_i, with comm_share = D_i + rho_i * E_i (RFC 9591
        // §5.4), checked as l - (rho_i * E_i + (c * lambda_i) * PK_i) == D_i: one multi-scalar multiplication.
        Scalar lambdaI = session.InterpolatingValues[index];
        GroupElement l = group.MultiScalarMultiplyVartime(
            [sigShare, f.Negate(session.BindingFactorList[index]), f.Negate(f.Multiply(session.Challenge, lambdaI))],
            [group.Generator, entry.Binding, verifyingShare]);
        return group.ElementEquals(l, entry.Hiding);
    }

    /// <summary>
    /// Checks every signature share (RFC 9591 §5.4) and the aggregate signature's group equation at once, by batch
    /// verification: with fresh random 128-bit weights w_i and w_0 it tests
    /// sum_i w_i (z_i B - D_i - rho_i E_i - c lambda_i PK_i) + w_0 (R + c PK - z B) == identity,
    /// which holds for valid shares and otherwise fails except with probability about 2^-128 (the group order is
    /// prime). One multi-scalar multiplication replaces 2t + 2; when it fails the caller checks each share with
    /// <see cref="VerifySignatureShare"/> to name the culprits.
    /// </summary>
    internal static bool BatchVerify(SigningSession session, ReadOnlySpan<CommitmentListEntry> commitmentList, ReadOnlySpan<GroupElement> verifyingShares, ReadOnlySpan<Scalar> sigShares, GroupElement groupPublicKey, in Scalar z)
    {
        FrostSuite suite = session.Suite;
        PrimeOrderGroup group = suite.Group;
        ScalarField f = suite.Scalars;
        int n = commitmentList.Length;
        var scalars = new Scalar[(3 * n) + 3];
        var elements = new GroupElement[(3 * n) + 3];
        Scalar baseScalar = f.Zero;
        int k = 0;
        Span<byte> weightBytes = stackalloc byte[16];
        for (int i = 0; i < n; i++)
        {
            Scalar w = RandomWeight(f, weightBytes);
            baseScalar = f.Add(baseScalar, f.Multiply(w, sigShares[i]));
            Scalar minusW = f.Negate(w);
            scalars[k] = w; // the short weight on the negated point: half the additions of a full-length -w
            elements[k++] = group.Negate(commitmentList[i].Hiding);
            scalars[k] = f.Multiply(minusW, session.BindingFactorList[i]);
            elements[k++] = commitmentList[i].Binding;
            scalars[k] = f.Multiply(minusW, f.Multiply(session.Challenge, session.InterpolatingValues[i]));
            elements[k++] = verifyingShares[i];
        }

        Scalar w0 = RandomWeight(f, weightBytes);
        baseScalar = f.Subtract(baseScalar, f.Multiply(w0, z));
        scalars[k] = w0;
        elements[k++] = session.GroupCommitment;
        scalars[k] = f.Multiply(w0, session.Challenge);
        elements[k++] = groupPublicKey;
        scalars[k] = baseScalar;
        elements[k] = group.Generator;
        return group.IsIdentity(group.MultiScalarMultiplyVartime(scalars, elements));
    }

    // A uniformly random non-zero 128-bit weight (public once used; it only has to be unpredictable).
    private static Scalar RandomWeight(ScalarField f, Span<byte> buffer)
    {
        while (true)
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(buffer);
            Scalar w = f.ReduceWide(buffer);
            if (!f.IsZero(w))
            {
                return w;
            }
        }
    }

    /// <summary>
    /// Implements aggregate(commitment_list, msg, group_public_key, sig_shares) (RFC 9591 §5.3): the signature
    /// SerializeElement(group_commitment) || SerializeScalar(z) with z the sum of the shares.
    /// </summary>
    internal static byte[] Aggregate(SigningSession session, ReadOnlySpan<Scalar> sigShares)
    {
        FrostSuite suite = session.Suite;
        ScalarField f = suite.Scalars;
        Scalar z = f.Zero;
        foreach (Scalar zi in sigShares)
        {
            z = f.Add(z, zi);
        }

        int ne = suite.Group.ElementLength;
        byte[] signature = new byte[ne + f.Length];
        suite.Group.SerializeElement(session.GroupCommitment, signature.AsSpan(0, ne));
        f.Encode(z, signature.AsSpan(ne));
        return signature;
    }
}
