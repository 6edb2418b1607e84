// Vss: Feldman verifiable secret sharing as RFC 9591 Appendix C.2 defines it for the trusted dealer (and frost-core
// reuses for its DKG): commitments to the polynomial's coefficients, share verification, and the participants'
// public keys.
//
// References: RFC 9591 Appendix C.2 (vss_commit, vss_verify, derive_group_info).
// Constant time: VssCommit multiplies secret coefficients with the group's constant-time MultiplyBase; VssVerify
// multiplies the (secret) share the same way; everything else handles public commitments and identifiers.

using System;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost;

/// <summary>Verifiable secret sharing for FROST key generation (RFC 9591 Appendix C.2).</summary>
internal static class Vss
{
    /// <summary>Implements vss_commit(coeffs): [G.ScalarBaseMult(coeff) for coeff in coeffs].</summary>
    internal static GroupElement[] Commit(PrimeOrderGroup group, ReadOnlySpan<Scalar> coefficients)
    {
        var commitment = new GroupElement[coefficients.Length];
        for (int i = 0; i < coefficients.Length; i++)
        {
            commitment[i] = group.MultiplyBase(coefficients[i]);
        }

        return commitment;
    }

    /// <summary>
    /// The commitment evaluated at x: sum over j of vss_commitment[j] * x^j, which is G.ScalarBaseMult(f(x)) for the
    /// committed polynomial f (the inner loop of vss_verify and derive_group_info). Public inputs; variable time.
    /// </summary>
    internal static GroupElement Evaluate(PrimeOrderGroup group, in Scalar x, ReadOnlySpan<GroupElement> commitment)
    {
        ScalarField field = group.Scalars;
        var powers = new Scalar[commitment.Length];
        Scalar power = field.One;
        for (int j = 0; j < commitment.Length; j++)
        {
            powers[j] = power;
            power = field.Multiply(power, x);
        }

        return group.MultiScalarMultiplyVartime(powers, commitment);
    }

    /// <summary>
    /// Implements vss_verify(share_i, vss_commitment): S_i = G.ScalarBaseMult(sk_i) equals the commitment evaluated
    /// at the identifier i.
    /// </summary>
    internal static bool Verify(PrimeOrderGroup group, in Scalar identifier, in Scalar share, ReadOnlySpan<GroupElement> commitment)
    {
        if (commitment.Length == 0)
        {
            return false;
        }

        GroupElement si = group.MultiplyBase(share);
        GroupElement expected = Evaluate(group, identifier, commitment);
        return group.ElementEquals(si, expected);
    }

    /// <summary>
    /// Implements derive_group_info(MAX_PARTICIPANTS, MIN_PARTICIPANTS, vss_commitment) for the given identifiers:
    /// PK = vss_commitment[0] and each participant's public key, the commitment evaluated at its identifier.
    /// </summary>
    internal static (GroupElement GroupPublicKey, GroupElement[] ParticipantPublicKeys) DeriveGroupInfo(
        PrimeOrderGroup group, ReadOnlySpan<Scalar> identifiers, ReadOnlySpan<GroupElement> commitment)
    {
        var participantKeys = new GroupElement[identifiers.Length];
        for (int i = 0; i < identifiers.Length; i++)
        {
            participantKeys[i] = Evaluate(group, identifiers[i], commitment);
        }

        return (commitment[0], participantKeys);
    }
}
