// BindingFactors: the per-signer binding factors rho_i (RFC 9591 §4.4).
//
// References: RFC 9591 §4.4 (compute_binding_factors: rho_input_prefix = SerializeElement(group_public_key) ||
// H4(msg) || H5(encode_group_commitment_list(commitment_list)); binding_factor = H1(rho_input_prefix ||
// SerializeScalar(identifier))), binding_factor_for_participant.

using System;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost;

/// <summary>Binding factor computation (RFC 9591 §4.4).</summary>
internal static class BindingFactors
{
    /// <summary>The H1 inputs rho_input, one per commitment list entry (exposed for the known-answer tests).</summary>
    internal static byte[][] ComputeInputs(FrostSuite suite, GroupElement groupPublicKey, ReadOnlySpan<CommitmentListEntry> commitmentList, ReadOnlySpan<byte> message)
    {
        byte[] groupPublicKeyEnc = suite.Group.SerializeElement(groupPublicKey);
        byte[] msgHash = suite.H4(message);
        byte[] encodedCommitmentHash = suite.H5(CommitmentList.Encode(suite, commitmentList));
        int prefixLength = groupPublicKeyEnc.Length + msgHash.Length + encodedCommitmentHash.Length;
        int ns = suite.Scalars.Length;

        var inputs = new byte[commitmentList.Length][];
        for (int i = 0; i < commitmentList.Length; i++)
        {
            byte[] rhoInput = new byte[prefixLength + ns];
            groupPublicKeyEnc.CopyTo(rhoInput, 0);
            msgHash.CopyTo(rhoInput, groupPublicKeyEnc.Length);
            encodedCommitmentHash.CopyTo(rhoInput, groupPublicKeyEnc.Length + msgHash.Length);
            commitmentList[i].Identifier.Encoded.CopyTo(rhoInput.AsSpan(prefixLength));
            inputs[i] = rhoInput;
        }

        return inputs;
    }

    /// <summary>
    /// Implements compute_binding_factors(group_public_key, commitment_list, msg) (RFC 9591 §4.4): one binding
    /// factor per entry, in list order.
    /// </summary>
    internal static Scalar[] Compute(FrostSuite suite, GroupElement groupPublicKey, ReadOnlySpan<CommitmentListEntry> commitmentList, ReadOnlySpan<byte> message)
    {
        byte[][] inputs = ComputeInputs(suite, groupPublicKey, commitmentList, message);
        var factors = new Scalar[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            factors[i] = suite.H1(inputs[i]);
        }

        return factors;
    }
}
