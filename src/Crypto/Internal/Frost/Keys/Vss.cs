// Vss: Feldman verifiable secret sharing over a prime-order group: commitments to a polynomial's coefficients,
// the commitment's value at an identifier, share verification, and the sum of several commitments.
//
// References: RFC 9591 Appendix C.2 (vss_commit, vss_verify, derive_group_info); frost-core keys.rs
// (generate_secret_polynomial, evaluate_vss, SecretShare::verify, sum_commitments), commit 0966bd15.
//
// A commitment is the list [a_0 B, a_1 B, ..., a_{t-1} B]; its length is the threshold t. In share refresh
// element 0 is the identity (a sharing of zero); it is kept in the list here and only left out on the wire.

using System;
using System.Collections.Generic;
using FintechCrypto.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>Feldman VSS commitments (RFC 9591 Appendix C.2).</summary>
internal static class Vss
{
    /// <summary>
    /// vss_commit: [a_k B] for each coefficient a_k; constant time in the (secret) coefficients.
    /// </summary>
    internal static GroupElement[] Commit(PrimeOrderGroup group, ReadOnlySpan<Scalar> coefficients)
    {
        var commitment = new GroupElement[coefficients.Length];
        for (int k = 0; k < coefficients.Length; k++)
        {
            commitment[k] = group.MultiplyBase(coefficients[k]);
        }

        return commitment;
    }

    /// <summary>
    /// The sum over k of (x^k) C[k]: the public image x's share must have (frost-core evaluate_vss; RFC 9591
    /// Appendix C.2 derive_group_info for one participant). Public inputs, variable time.
    /// </summary>
    internal static GroupElement Evaluate(PrimeOrderGroup group, IReadOnlyList<GroupElement> commitment, in Scalar x)
    {
        if (commitment.Count == 0)
        {
            throw new FintechCryptoException("A VSS commitment must hold at least one element.");
        }

        ScalarField field = group.Scalars;
        var powers = new Scalar[commitment.Count];
        var elements = new GroupElement[commitment.Count];
        Scalar power = field.One;
        for (int k = 0; k < commitment.Count; k++)
        {
            powers[k] = power;
            elements[k] = commitment[k];
            power = field.Multiply(power, x);
        }

        return group.MultiScalarMultiplyVartime(powers, elements);
    }

    /// <summary>
    /// vss_verify: true when share B equals the commitment's value at <paramref name="identifier"/>. The
    /// share is secret, so it is multiplied in constant time; the comparison is of elements that are public
    /// when the share is valid.
    /// </summary>
    internal static bool VerifyShare(PrimeOrderGroup group, IReadOnlyList<GroupElement> commitment, in Scalar identifier, in Scalar share)
    {
        GroupElement image = group.MultiplyBase(share);
        return group.ElementEquals(image, Evaluate(group, commitment, identifier));
    }

    /// <summary>
    /// The element-wise sum of commitments of equal length (frost-core sum_commitments): the commitment to
    /// the sum of the polynomials, whose element 0 is the group verifying key after a DKG.
    /// </summary>
    /// <exception cref="FintechCryptoException">There are no commitments, or their lengths differ.</exception>
    internal static GroupElement[] Sum(PrimeOrderGroup group, IReadOnlyList<IReadOnlyList<GroupElement>> commitments)
    {
        if (commitments.Count == 0)
        {
            throw new FintechCryptoException("There are no VSS commitments to sum.");
        }

        int length = commitments[0].Count;
        var sum = new GroupElement[length];
        for (int k = 0; k < length; k++)
        {
            sum[k] = group.Identity;
        }

        foreach (IReadOnlyList<GroupElement> commitment in commitments)
        {
            if (commitment.Count != length)
            {
                throw new FintechCryptoException("The VSS commitments to sum have different lengths (different thresholds).");
            }

            for (int k = 0; k < length; k++)
            {
                sum[k] = group.Add(sum[k], commitment[k]);
            }
        }

        return sum;
    }
}
