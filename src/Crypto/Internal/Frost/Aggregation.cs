// Aggregation: signature share verification and aggregation by the coordinator (RFC 9591 §5.3, §5.4).
//
// References: RFC 9591 §5.3 (aggregate: z = sum of z_i; signature = (group_commitment, z)), §5.4
// (verify_signature_share: G.ScalarBaseMult(sig_share_i) == comm_share + G.ScalarMult(PK_i, challenge * lambda_i)).
// Variable time: every input is public.

using System;
using FintechCrypto.Groups;
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

        // Compute the commitment share
        GroupElement commShare = Frost.GroupCommitment.Share(group, entry, session.BindingFactorList[index]);

        // Compute the interpolating value
        Scalar lambdaI = Polynomial.DeriveInterpolatingValue(f, session.ParticipantList, entry.Identifier.Scalar);

        // Compute relation values
        GroupElement l = group.MultiplyVartime(group.Generator, sigShare);
        GroupElement r = group.Add(commShare, group.MultiplyVartime(verifyingShare, f.Multiply(session.Challenge, lambdaI)));
        return group.ElementEquals(l, r);
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
