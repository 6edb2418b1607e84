// FrostRepairDelta: one value of share repair part 1, sent by one helper to another (frost-core
// keys/repairable.rs Delta): a random-looking piece of lambda_h(r) s_h.
//
// References: Laing and Stinson, eprint 2017/1155 (repairable threshold schemes); frost-core repair_share_part1;
// docs/frost-keygen.md §b. Wire format: header(type 13) || delta (Ns). JSON: { header, "delta": hex }.

using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Threshold;

/// <summary>
/// A delta of share repair: <see cref="FrostRepair.Part1"/> makes one per helper, and each helper passes the
/// deltas it received to <see cref="FrostRepair.Part2"/>.
/// </summary>
/// <remarks>
/// Each delta alone is uniformly random and reveals nothing of the helper's share.
/// </remarks>
public sealed class FrostRepairDelta : FrostSecretScalarMessage<FrostRepairDelta>
{
    internal FrostRepairDelta(FrostCiphersuite ciphersuite, in Scalar value)
        : base(ciphersuite, value)
    {
    }
}
