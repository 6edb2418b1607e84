// Round2: signature share generation, the second round of FROST signing (RFC 9591 §5.2).
//
// References: RFC 9591 §5.2 (sign: binding factors §4.4, group commitment §4.5, Lagrange coefficient §4.2,
// challenge §4.6; sig_share = hiding_nonce + binding_nonce * binding_factor + lambda_i * sk_i * challenge).
// Constant time: the nonces and the signing share only meet the field's constant-time arithmetic; everything else
// (commitments, binding factors, lambda_i, the challenge) is public.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost;

/// <summary>Round two of FROST signing (RFC 9591 §5.2).</summary>
internal static class Round2
{
    /// <summary>
    /// Implements sign(identifier, sk_i, group_public_key, nonce_i, msg, commitment_list) (RFC 9591 §5.2).
    /// The caller has checked that the identifier is in the commitment list.
    /// </summary>
    internal static Scalar Sign(
        FrostSuite suite,
        FrostIdentifier identifier,
        in Scalar signingShare,
        GroupElement groupPublicKey,
        in Scalar hidingNonce,
        in Scalar bindingNonce,
        ReadOnlySpan<byte> message,
        ReadOnlySpan<CommitmentListEntry> commitmentList)
    {
        ScalarField f = suite.Scalars;

        // Compute the binding factor(s)
        Scalar[] bindingFactorList = BindingFactors.Compute(suite, groupPublicKey, commitmentList, message);
        int index = CommitmentList.IndexOf(commitmentList, identifier);
        if (index < 0)
        {
            throw new FintechCryptoException("The signer is not in the commitment list.");
        }

        Scalar bindingFactor = bindingFactorList[index];

        // Compute the group commitment
        GroupElement groupCommitment = GroupCommitment.Compute(suite.Group, commitmentList, bindingFactorList);

        // Compute the interpolating value
        Scalar[] participantList = CommitmentList.Participants(commitmentList);
        Scalar lambdaI = Polynomial.DeriveInterpolatingValue(f, participantList, identifier.Scalar);

        // Compute the per-message challenge
        Scalar challenge = Challenge.Compute(suite, groupCommitment, groupPublicKey, message);

        // Compute the signature share
        Scalar bindingTerm = f.Multiply(bindingNonce, bindingFactor);
        Scalar keyTerm = f.Multiply(f.Multiply(lambdaI, signingShare), challenge);
        Scalar sigShare = f.Add(f.Add(hidingNonce, bindingTerm), keyTerm);
        bindingTerm.Clear();
        keyTerm.Clear();
        return sigShare;
    }
}
