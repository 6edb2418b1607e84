// DkgState: what a DKG participant keeps in every part of the frost-core DKG (keys/dkg.rs round1::SecretPackage and
// round2::SecretPackage, commit 0966bd15): its identifier, its own commitment and the signer counts. DkgRound1Secret
// adds the polynomial's coefficients, DkgRound2Secret its own share.

using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>
/// The public part of a participant's DKG state: identifier, its commitment [a_k B] and the signer counts. In share
/// refresh the commitment's element 0 is the identity.
/// </summary>
internal abstract class DkgState
{
    private protected DkgState(Scalar identifier, GroupElement[] commitment, int minSigners, int maxSigners)
    {
        Identifier = identifier;
        Commitment = commitment;
        MinSigners = minSigners;
        MaxSigners = maxSigners;
    }

    /// <summary>The participant's identifier (non-zero).</summary>
    internal Scalar Identifier { get; }

    /// <summary>The participant's own commitment [a_0 B, ..., a_{t-1} B].</summary>
    internal GroupElement[] Commitment { get; }

    /// <summary>The threshold t.</summary>
    internal int MinSigners { get; }

    /// <summary>The number of participants n.</summary>
    internal int MaxSigners { get; }
}
