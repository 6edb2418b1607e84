// SchnorrVerification: verification of a FROST group signature (RFC 9591 §6.x "verify", Appendix B encoding).
//
// References: RFC 9591 Appendix B (signature = SerializeElement(R) || SerializeScalar(z)); §6.4/§6.5 (prime-order
// groups: z*B == R + c*PK); §6.1/§6.3 (Ed25519 and Ed448: the cofactored equation [h]z*B == [h]R + [h]c*PK).
//
// The cofactor: PrimeOrderGroup.TryDeserializeElement accepts only elements of the prime-order subgroup, so R and
// PK have no small-order component, and for such elements the cofactored equation holds exactly when the plain one
// does (h is coprime to the prime order). The plain equation is therefore checked for every suite.
// Variable time: signatures, keys and messages are public.

using System;
using FintechCrypto.Groups;

namespace FintechCrypto.Internal.Frost;

/// <summary>Verification of FROST (Schnorr) group signatures.</summary>
internal static class SchnorrVerification
{
    /// <summary>
    /// True when <paramref name="signature"/> = R || z is valid for <paramref name="message"/> under
    /// <paramref name="groupPublicKey"/>: R decodes, z is canonical, and z*B == R + c*PK with c =
    /// H2(R || PK || msg); false otherwise (including a wrong length).
    /// </summary>
    internal static bool Verify(FrostSuite suite, GroupElement groupPublicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        PrimeOrderGroup group = suite.Group;
        int ne = group.ElementLength;
        if (signature.Length != ne + suite.Scalars.Length)
        {
            return false;
        }

        if (!group.TryDeserializeElement(signature[..ne], out GroupElement r) || !suite.Scalars.TryDecode(signature[ne..], out Scalar z))
        {
            return false;
        }

        Scalar c = Challenge.Compute(suite, r, groupPublicKey, message);
        // z*B == R + c*PK
        GroupElement zB = group.MultiplyVartime(group.Generator, z);
        GroupElement cPk = group.MultiplyVartime(groupPublicKey, c);
        return group.ElementEquals(zB, group.Add(r, cPk));
    }
}
