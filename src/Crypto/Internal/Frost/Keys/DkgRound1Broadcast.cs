// DkgRound1Broadcast: what a DKG participant broadcasts after part 1: its VSS commitment and the Schnorr
// proof of knowledge of the commitment's constant term (frost-core keys/dkg.rs round1::Package, 0966bd15).

using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>
/// A round-1 DKG message: the commitment C_i = [a_0 B, ..., a_{t-1} B] and the proof (R_i, mu_i). In share
/// refresh the proof is absent (see docs/frost-keygen.md §c) and element 0 is the identity.
/// </summary>
internal sealed class DkgRound1Broadcast
{
    internal DkgRound1Broadcast(GroupElement[] commitment, GroupElement? proofR, Scalar proofZ)
    {
        Commitment = commitment;
        ProofR = proofR;
        ProofZ = proofZ;
    }

    /// <summary>The VSS commitment.</summary>
    internal GroupElement[] Commitment { get; }

    /// <summary>R_i = k B, or null in share refresh.</summary>
    internal GroupElement? ProofR { get; }

    /// <summary>mu_i = k + a_0 c_i (public).</summary>
    internal Scalar ProofZ { get; }
}
