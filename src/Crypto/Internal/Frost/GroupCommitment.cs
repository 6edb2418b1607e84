// GroupCommitment: the group commitment R and the per-signer commitment shares (RFC 9591 §4.5, §5.4).
//
// References: RFC 9591 §4.5 (compute_group_commitment: sum of hiding_nonce_commitment + binding_nonce_commitment *
// binding_factor), §5.4 (comm_share = hiding_nonce_commitment + binding_nonce_commitment * binding_factor).
// Variable time: commitments and binding factors are public.

using System;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost;

/// <summary>Group commitment computation (RFC 9591 §4.5).</summary>
internal static class GroupCommitment
{
    /// <summary>
    /// Implements compute_group_commitment(commitment_list, binding_factor_list) (RFC 9591 §4.5), with the
    /// binding_nonce_commitment * binding_factor terms in one multi-scalar multiplication (as frost-core does).
    /// </summary>
    /// <exception cref="FintechCryptoException">A commitment is the identity (frost-core: it would reveal a share).</exception>
    internal static GroupElement Compute(PrimeOrderGroup group, ReadOnlySpan<CommitmentListEntry> commitmentList, ReadOnlySpan<Scalar> bindingFactors)
    {
        if (bindingFactors.Length != commitmentList.Length)
        {
            throw Error.Frost_LengthMismatch(nameof(bindingFactors), "One binding factor per commitment list entry");
        }

        GroupElement groupCommitment = group.Identity;
        var bindingCommitments = new GroupElement[commitmentList.Length];
        for (int i = 0; i < commitmentList.Length; i++)
        {
            CommitmentListEntry entry = commitmentList[i];
            if (group.IsIdentity(entry.Hiding) || group.IsIdentity(entry.Binding))
            {
                throw new FintechCryptoException($"The signing commitment of participant {entry.Identifier} is the identity element.");
            }

            groupCommitment = group.Add(groupCommitment, entry.Hiding);
            bindingCommitments[i] = entry.Binding;
        }

        return group.Add(groupCommitment, group.MultiScalarMultiplyVartime(bindingFactors, bindingCommitments));
    }

    /// <summary>The commitment share of one signer: hiding + binding * binding_factor (RFC 9591 §5.4).</summary>
    internal static GroupElement Share(PrimeOrderGroup group, in CommitmentListEntry entry, in Scalar bindingFactor) =>
        group.Add(entry.Hiding, group.MultiplyVartime(entry.Binding, bindingFactor));
}
