// FrostRepairSigma: a helper's output of share repair part 2, sent to the participant whose share is repaired
// (frost-core keys/repairable.rs Sigma): the sum of the deltas the helper received.
//
// References: Laing and Stinson, eprint 2017/1155; frost-core repair_share_part2; docs/frost-keygen.md §b.
// Wire format: header(type 14) || sigma (Ns). JSON: { header, "sigma": hex }.

using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Threshold;

/// <summary>
/// A sigma of share repair: <see cref="FrostRepair.Part2"/> makes it, and the participant whose share is
/// repaired passes every helper's sigma to <see cref="FrostRepair.Part3"/>.
/// </summary>
/// <remarks>
/// A sigma alone reveals nothing of any helper's share.
/// </remarks>
public sealed class FrostRepairSigma : FrostSecretScalarMessage<FrostRepairSigma>
{
    internal FrostRepairSigma(FrostCiphersuite ciphersuite, in Scalar value)
        : base(ciphersuite, value)
    {
    }
}
