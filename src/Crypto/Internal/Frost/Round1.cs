// Round1: nonce generation and commitment, the first round of FROST signing (RFC 9591 §4.1, §5.1).
//
// References: RFC 9591 §4.1 (nonce_generate(secret): random_bytes(32), H3(random_bytes || SerializeScalar(secret))),
// §5.1 (commit: hiding and binding nonces and their commitments G.ScalarBaseMult(nonce)).
// Constant time: the nonces and the secret share only meet H3, the field and MultiplyBase.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost;

/// <summary>Round one of FROST signing (RFC 9591 §5.1).</summary>
internal static class Round1
{
    /// <summary>The length of nonce_generate's fresh randomness (RFC 9591 §4.1: random_bytes(32)).</summary>
    internal const int RandomnessLength = 32;

    /// <summary>
    /// Implements nonce_generate(secret) (RFC 9591 §4.1) with the given 32 random bytes:
    /// H3(random_bytes || SerializeScalar(secret)). Hedges a weak random source with the secret share.
    /// </summary>
    internal static Scalar NonceGenerate(FrostSuite suite, in Scalar secret, ReadOnlySpan<byte> randomBytes)
    {
        if (randomBytes.Length != RandomnessLength)
        {
            throw Error.Argument_Length(nameof(randomBytes), RandomnessLength, randomBytes.Length);
        }

        int ns = suite.Scalars.Length;
        byte[] input = GC.AllocateArray<byte>(RandomnessLength + ns, pinned: true);
        try
        {
            randomBytes.CopyTo(input);
            suite.Scalars.Encode(secret, input.AsSpan(RandomnessLength));
            return suite.H3(input);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }

    /// <summary>
    /// Implements commit(sk_i) (RFC 9591 §5.1) with caller-supplied randomness for the two nonces:
    /// hiding_nonce = nonce_generate(sk_i), binding_nonce = nonce_generate(sk_i), and their commitments.
    /// </summary>
    internal static (Scalar Hiding, Scalar Binding, GroupElement HidingCommitment, GroupElement BindingCommitment) Commit(
        FrostSuite suite, in Scalar secret, ReadOnlySpan<byte> hidingRandomness, ReadOnlySpan<byte> bindingRandomness)
    {
        Scalar hiding = NonceGenerate(suite, secret, hidingRandomness);
        Scalar binding = NonceGenerate(suite, secret, bindingRandomness);
        GroupElement hidingCommitment = suite.Group.MultiplyBase(hiding);
        GroupElement bindingCommitment = suite.Group.MultiplyBase(binding);
        return (hiding, binding, hidingCommitment, bindingCommitment);
    }
}
