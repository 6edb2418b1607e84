// Polynomial: the Shamir polynomial arithmetic that FROST key generation shares: evaluation of a secret
// polynomial at an identifier, and the Lagrange coefficient of one identifier in a set.
//
// References: RFC 9591 Appendix C.1 (polynomial_evaluate), §4.2 (derive_interpolating_value);
// frost-core keys.rs evaluate_polynomial and lib.rs compute_lagrange_coefficient (commit 0966bd15), which
// generalise the latter to an evaluation point x other than 0 for share repair.

using System;
using FintechCrypto.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>Polynomials over a scalar field (RFC 9591 Appendix C.1, §4.2).</summary>
internal static class Polynomial
{
    /// <summary>
    /// f(x) = coefficients[0] + coefficients[1] x + ... by Horner's rule (RFC 9591 Appendix C.1
    /// polynomial_evaluate). Constant time in the coefficients and in x: only field operations.
    /// </summary>
    internal static Scalar Evaluate(ScalarField field, ReadOnlySpan<Scalar> coefficients, in Scalar x)
    {
        if (coefficients.IsEmpty)
        {
            throw Error.Crypto_InternalError("a polynomial needs at least one coefficient");
        }

        Scalar value = field.Zero;
        for (int k = coefficients.Length - 1; k >= 1; k--)
        {
            value = field.Add(value, coefficients[k]);
            value = field.Multiply(value, x);
        }

        return field.Add(value, coefficients[0]);
    }

    /// <summary>
    /// The Lagrange coefficient of <paramref name="xi"/> over <paramref name="xSet"/> evaluated at
    /// <paramref name="x"/>: the product over x_j != x_i of (x - x_j) / (x_i - x_j). With x = 0 this is RFC 9591
    /// §4.2 derive_interpolating_value; share repair uses the lost participant's identifier as x.
    /// Identifiers are public, so the checks may branch.
    /// </summary>
    /// <exception cref="FintechCryptoException">The set is empty, does not contain x_i, or repeats an identifier.</exception>
    internal static Scalar LagrangeCoefficient(ScalarField field, ReadOnlySpan<Scalar> xSet, in Scalar xi, in Scalar x)
    {
        if (xSet.IsEmpty)
        {
            throw new FintechCryptoException("The identifier set for a Lagrange coefficient is empty.");
        }

        IdentifierSet.RequireDistinct(field, xSet, "The identifier set for a Lagrange coefficient");
        if (IdentifierSet.IndexOf(field, xSet, xi) < 0)
        {
            throw new FintechCryptoException("The identifier is not in the set it is interpolated over.");
        }

        Scalar numerator = field.One;
        Scalar denominator = field.One;
        foreach (Scalar xj in xSet)
        {
            if (field.Equal(xj, xi))
            {
                continue;
            }

            numerator = field.Multiply(numerator, field.Subtract(x, xj));
            denominator = field.Multiply(denominator, field.Subtract(xi, xj));
        }

        return field.Multiply(numerator, field.Invert(denominator));
    }
}
