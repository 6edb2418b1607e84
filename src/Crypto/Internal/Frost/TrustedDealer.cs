// TrustedDealer: key generation by a trusted dealer with Shamir secret sharing (RFC 9591 Appendix C).
//
// References: RFC 9591 Appendix C (trusted_dealer_keygen), C.1 (secret_share_shard: "coefficients = [s] +
// coefficients"; "y_i = polynomial_evaluate(x_i, coefficients)"), C.2 (vss_commit); frost-core keys.rs
// (generate_secret_shares with caller-chosen identifiers).
// Constant time: the secret and coefficients only meet the field's constant-time arithmetic and MultiplyBase.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost;

/// <summary>The trusted dealer's sharing of a group secret (RFC 9591 Appendix C).</summary>
internal static class TrustedDealer
{
    /// <summary>
    /// Implements secret_share_shard(s, coefficients, MAX_PARTICIPANTS) for the given identifiers (the RFC's
    /// x_i = 1..MAX when the identifiers are 1..MAX), and vss_commit of the full coefficient list. The caller owns
    /// and clears <paramref name="shares"/>.
    /// </summary>
    /// <param name="field">The scalar field.</param>
    /// <param name="secret">s, the group secret key.</param>
    /// <param name="coefficients">The MIN_PARTICIPANTS - 1 random coefficients a_1..a_(t-1).</param>
    /// <param name="identifiers">The distinct non-zero identifiers x_i.</param>
    /// <param name="shares">Receives y_i = f(x_i), one per identifier.</param>
    internal static void SecretShareShard(ScalarField field, in Scalar secret, ReadOnlySpan<Scalar> coefficients, ReadOnlySpan<Scalar> identifiers, Span<Scalar> shares)
    {
        if (shares.Length != identifiers.Length)
        {
            throw Error.Frost_LengthMismatch(nameof(shares), "One share per identifier");
        }

        // coefficients = [s] + coefficients
        var polynomial = new Scalar[coefficients.Length + 1];
        try
        {
            polynomial[0] = secret;
            coefficients.CopyTo(polynomial.AsSpan(1));
            for (int i = 0; i < identifiers.Length; i++)
            {
                shares[i] = Polynomial.Evaluate(field, identifiers[i], polynomial);
            }
        }
        finally
        {
            Array.Clear(polynomial);
        }
    }

    /// <summary>vss_commit([s] + coefficients) (RFC 9591 Appendix C.2).</summary>
    internal static GroupElement[] Commit(PrimeOrderGroup group, in Scalar secret, ReadOnlySpan<Scalar> coefficients)
    {
        var polynomial = new Scalar[coefficients.Length + 1];
        try
        {
            polynomial[0] = secret;
            coefficients.CopyTo(polynomial.AsSpan(1));
            return Vss.Commit(group, polynomial);
        }
        finally
        {
            Array.Clear(polynomial);
        }
    }

    /// <summary>MIN_PARTICIPANTS - 1 random coefficients (RFC 9591 Appendix C: "G.RandomScalar()").</summary>
    internal static Scalar[] RandomCoefficients(ScalarField field, int count)
    {
        var coefficients = new Scalar[count];
        for (int i = 0; i < count; i++)
        {
            coefficients[i] = field.Random();
        }

        return coefficients;
    }

    /// <summary>Clears secret scalars.</summary>
    internal static void Clear(Span<Scalar> scalars)
    {
        for (int i = 0; i < scalars.Length; i++)
        {
            scalars[i].Clear();
        }
    }

    /// <summary>Clears a secret byte buffer (convenience for callers that hold encoded scalars).</summary>
    internal static void Clear(Span<byte> bytes) => CryptographicOperations.ZeroMemory(bytes);
}
