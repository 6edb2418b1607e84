// SigningSession: the values of one FROST signing session that every signature share check shares: the binding
// factors (RFC 9591 §4.4), the group commitment R (§4.5), the participant list (§4.3) and the challenge (§4.6).

using System;
using FintechCrypto.Groups;

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
        Challenge = Frost.Challenge.Compute(suite, GroupCommitment, groupPublicKey, message);
    }

    internal FrostSuite Suite { get; }

    internal Scalar[] BindingFactorList { get; }

    internal GroupElement GroupCommitment { get; }

    internal Scalar[] ParticipantList { get; }

    internal Scalar Challenge { get; }
}
