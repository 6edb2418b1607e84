// SchnorrVerification: verification of a FROST group signature (RFC 9591 §6.x "verify", Appendix B encoding).
//
// References: RFC 9591 Appendix B (signature = SerializeElement(R) || SerializeScalar(z)); §6.4/§6.5 (prime-order
// groups: z*B == R + c*PK); §6.1/§6.3 (Ed25519 and Ed448: the cofactored equation [h]z*B == [h]R + [h]c*PK).
//
// The cofactor: PK comes from PrimeOrderGroup.TryDeserializeElement, which accepts only elements of the prime-order
// subgroup, and R is compared by encoding with an element of that subgroup, so neither has a small-order component;
// for such elements the cofactored equation holds exactly when the plain one does (h is coprime to the prime order).
// The plain equation is therefore checked for every suite.
// Variable time: signatures, keys and messages are public.

using System;
using FintechCrypto.Internal.Groups;

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
        if (signature.Length != ne + suite.Scalars.Length || !suite.Scalars.TryDecode(signature[ne..], out Scalar z))
        {
            return false;
        }

        // z*B - c*PK computed in one multi-scalar multiplication and compared with R by its encoding. The result is
        // always in the prime-order group (PK is), and encodings are canonical and unique, so the bytes match
        // exactly when R is the valid encoding of that element: R need not be decoded (nor, for Ed25519 and
        // Ed448, checked for a small-order component).
        Scalar c = Challenge.Compute(suite, signature[..ne], groupPublicKey, message);
        GroupElement expected = group.MultiScalarMultiplyVartime([z, suite.Scalars.Negate(c)], [group.Generator, groupPublicKey]);
        if (group.IsIdentity(expected))
        {
            return false; // the identity has no encoding, so no R matches it
        }

        Span<byte> encoded = stackalloc byte[ne];
        group.SerializeElement(expected, encoded);
        return encoded.SequenceEqual(signature[..ne]);
    }
}
