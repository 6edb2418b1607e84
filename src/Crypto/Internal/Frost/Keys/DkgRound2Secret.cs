// DkgRound2Secret: what a DKG participant keeps between part 2 and part 3: its own share f_i(i) and its
// commitment (frost-core keys/dkg.rs round2::SecretPackage, commit 0966bd15).

using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>
/// A participant's state after DKG part 2: identifier, its commitment, the share f_i(i) of its own polynomial
/// (secret) and the signer counts. The coefficients are no longer needed once the shares are sent.
/// </summary>
internal sealed class DkgRound2Secret : DkgState
{
    private Scalar _ownShare;

    internal DkgRound2Secret(Scalar identifier, GroupElement[] commitment, Scalar ownShare, int minSigners, int maxSigners)
        : base(identifier, commitment, minSigners, maxSigners)
    {
        _ownShare = ownShare;
    }

    /// <summary>f_i(i), the participant's share of its own polynomial (secret).</summary>
    internal Scalar OwnShare => _ownShare;

    /// <summary>Overwrites the share with zero.</summary>
    internal void Clear() => _ownShare.Clear();

    /// <inheritdoc />
    public override string ToString() => "DkgRound2Secret(<redacted>)";
}
