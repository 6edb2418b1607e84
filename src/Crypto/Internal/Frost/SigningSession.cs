// SigningSession: the values of one FROST signing session that every signature share check shares: the binding
// factors (RFC 9591 §4.4), the group commitment R (§4.5), the participant list (§4.3), the challenge (§4.6) and the
// Lagrange coefficients (§4.2).

using System;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost;

/// <summary>What every share check of one signing session shares: binding factors, R, the challenge.</summary>
internal sealed class SigningSession
{
    internal SigningSession(FrostSuite suite, GroupElement groupPublicKey, ReadOnlySpan<CommitmentListEntry> commitmentList, ReadOnlySpan<byte> message)
    {
        Suite = suite;
        BindingFactorList = BindingFactors.Compute(suite, groupPublicKey, commitmentList, message);
        GroupCommitment = Frost.GroupCommitment.Compute(suite.Group, commitmentList, BindingFactorList);
        ParticipantList = CommitmentList.Participants(commitmentList);
        InterpolatingValues = Polynomial.DeriveInterpolatingValues(suite.Scalars, ParticipantList);
        Challenge = Frost.Challenge.Compute(suite, GroupCommitment, groupPublicKey, message);
    }

    internal FrostSuite Suite { get; }

    internal Scalar[] BindingFactorList { get; }

    internal GroupElement GroupCommitment { get; }

    internal Scalar[] ParticipantList { get; }

    internal Scalar Challenge { get; }

    /// <summary>lambda_i for every signer, in list order (RFC 9591 §4.2).</summary>
    internal Scalar[] InterpolatingValues { get; }
}
