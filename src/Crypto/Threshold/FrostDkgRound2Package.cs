// FrostDkgRound2Package: what DKG participant i sends participant l after part 2: the share f_i(l) of its secret
// polynomial (frost-core keys/dkg.rs round2::Package). Also the round-2 message of a DKG share refresh.
//
// References: FROST paper (eprint 2020/852) Figure 1, round 2 step 1; frost-core round2::Package; docs/frost-keygen.md.
// Wire format: header(type 11) || f_i(l) (Ns). JSON: { header, "signing_share": hex }.

using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Threshold;

/// <summary>
/// A DKG round-2 package: the secret share f_i(l) that participant i computed for participant l in
/// <see cref="FrostDkg.Part2"/> (or <see cref="FrostRefresh.DkgPart2"/>). Participant l passes the packages it
/// received, keyed by sender, to <see cref="FrostDkg.Part3"/>, which checks each against its sender's commitment.
/// </summary>
/// <remarks>
/// The package carries no identifiers: the recipient files it under the authenticated sender it came from.
/// </remarks>
public sealed class FrostDkgRound2Package : FrostSecretScalarMessage<FrostDkgRound2Package>
{
    internal FrostDkgRound2Package(FrostCiphersuite ciphersuite, in Scalar value)
        : base(ciphersuite, value)
    {
    }
}
