// Challenge: the Schnorr challenge c = H2(SerializeElement(R) || SerializeElement(PK) || msg) (RFC 9591 §4.6).
//
// References: RFC 9591 §4.6 (compute_challenge); §6.x H2 (the Ed25519 and Ed448 suites drop the context string,
// which FrostSuite.H2 handles).

using System;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost;

/// <summary>Signature challenge computation (RFC 9591 §4.6).</summary>
internal static class Challenge
{
    /// <summary>Implements compute_challenge(group_commitment, group_public_key, msg) (RFC 9591 §4.6).</summary>
    /// <exception cref="FintechCryptoException">The group commitment is the identity, which has no encoding.</exception>
    internal static Scalar Compute(FrostSuite suite, GroupElement groupCommitment, GroupElement groupPublicKey, ReadOnlySpan<byte> message)
    {
        Span<byte> encodedCommitment = stackalloc byte[suite.Group.ElementLength];
        suite.Group.SerializeElement(groupCommitment, encodedCommitment);
        return Compute(suite, encodedCommitment, groupPublicKey, message);
    }

    /// <summary>compute_challenge with the group commitment already serialized (signature verification).</summary>
    internal static Scalar Compute(FrostSuite suite, ReadOnlySpan<byte> encodedGroupCommitment, GroupElement groupPublicKey, ReadOnlySpan<byte> message)
    {
        int ne = suite.Group.ElementLength;
        byte[] challengeInput = new byte[ne + ne + message.Length];
        encodedGroupCommitment.CopyTo(challengeInput);
        suite.Group.SerializeElement(groupPublicKey, challengeInput.AsSpan(ne, ne));
        message.CopyTo(challengeInput.AsSpan(ne + ne));
        return suite.H2(challengeInput);
    }
}
