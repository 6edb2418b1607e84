// Polynomial: the polynomial operations of RFC 9591 §4.2 and Appendix C.1 over a scalar field.
//
// References: RFC 9591 §4.2 (derive_interpolating_value), Appendix C.1 (polynomial_evaluate, Horner's method).
// Constant time: Evaluate runs on secret coefficients with the field's constant-time arithmetic and a public x;
// DeriveInterpolatingValue and LagrangeCoefficient take public identifiers only.

using System;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost;

/// <summary>Polynomial evaluation and Lagrange coefficients (RFC 9591 §4.2, Appendix C.1).</summary>
internal static class Polynomial
{
    /// <summary>
    /// Implements polynomial_evaluate(x, coeffs) (RFC 9591 Appendix C.1): coeffs[0] + coeffs[1] x + ... by Horner's
    /// method; constant time in the coefficients.
    /// </summary>
    internal static Scalar Evaluate(ScalarField field, in Scalar x, ReadOnlySpan<Scalar> coefficients)
    {
        Scalar value = field.Zero;
        for (int i = coefficients.Length - 1; i >= 0; i--)
        {
            value = field.Multiply(value, x);
            value = field.Add(value, coefficients[i]);
        }

        return value;
    }

    /// <summary>
    /// Implements derive_interpolating_value(L, x_i) (RFC 9591 §4.2): the Lagrange coefficient of x_i for
    /// interpolation at 0 over the participant list L, numerator = prod x_j, denominator = prod (x_j - x_i) for
    /// x_j != x_i.
    /// </summary>
    /// <exception cref="FintechCryptoException">x_i is not in L, or L holds a value twice ("invalid parameters").</exception>
    internal static Scalar DeriveInterpolatingValue(ScalarField field, ReadOnlySpan<Scalar> participantList, in Scalar xi)
    {
        RequireDistinct(field, participantList);
        bool found = false;
        foreach (Scalar xj in participantList)
        {
            found |= field.Equal(xj, xi);
        }

        if (!found)
        {
            throw new FintechCryptoException("The identifier is not in the participant list (RFC 9591 §4.2).");
        }

        return LagrangeCoefficient(field, participantList, xi, field.Zero);
    }

    /// <summary>
    /// derive_interpolating_value(L, x_i) for every x_i in L at once (RFC 9591 §4.2), for a coordinator checking
    /// every share: the duplicate check runs once instead of once per signer.
    /// </summary>
    /// <exception cref="FintechCryptoException">L holds a value twice.</exception>
    internal static Scalar[] DeriveInterpolatingValues(ScalarField field, ReadOnlySpan<Scalar> participantList)
    {
        RequireDistinct(field, participantList);

        // The denominators are inverted together with Montgomery's trick: one field inversion for the whole list
        // instead of one per participant.
        int n = participantList.Length;
        var values = new Scalar[n];
        var denominators = new Scalar[n];
        for (int i = 0; i < n; i++)
        {
            LagrangeFraction(field, participantList, participantList[i], field.Zero, out values[i], out denominators[i]);
        }

        BatchInvert(field, denominators);
        for (int i = 0; i < n; i++)
        {
            values[i] = field.Multiply(values[i], denominators[i]);
        }

        return values;
    }

    /// <summary>
    /// The Lagrange coefficient of <paramref name="xi"/> over <paramref name="xSet"/> evaluated at
    /// <paramref name="x"/>: the product over x_j != x_i of (x - x_j) / (x_i - x_j). At x = 0 it is RFC 9591 §4.2
    /// derive_interpolating_value, prod x_j / (x_j - x_i); at another x, frost-core compute_lagrange_coefficient
    /// with Some(x), which share repair uses. The caller has checked that the set is distinct and holds x_i.
    /// Identifiers are public.
    /// </summary>
    internal static Scalar LagrangeCoefficient(ScalarField field, ReadOnlySpan<Scalar> xSet, in Scalar xi, in Scalar x)
    {
        LagrangeFraction(field, xSet, xi, x, out Scalar numerator, out Scalar denominator);
        return field.Multiply(numerator, field.Invert(denominator));
    }

    // The numerator prod (x - x_j) and denominator prod (x_i - x_j) over x_j != x_i.
    private static void LagrangeFraction(ScalarField field, ReadOnlySpan<Scalar> xSet, in Scalar xi, in Scalar x, out Scalar numerator, out Scalar denominator)
    {
        numerator = field.One;
        denominator = field.One;
        foreach (Scalar xj in xSet)
        {
            if (field.Equal(xj, xi))
            {
                continue;
            }

            numerator = field.Multiply(numerator, field.Subtract(x, xj));
            denominator = field.Multiply(denominator, field.Subtract(xi, xj));
        }
    }

    // RFC 9591 §4.2: "invalid parameters" when L holds a value twice.
    private static void RequireDistinct(ScalarField field, ReadOnlySpan<Scalar> participantList)
    {
        for (int j = 0; j < participantList.Length; j++)
        {
            for (int k = j + 1; k < participantList.Length; k++)
            {
                if (field.Equal(participantList[j], participantList[k]))
                {
                    throw new FintechCryptoException("The participant list holds an identifier twice (RFC 9591 §4.2).");
                }
            }
        }
    }

    /// <summary>
    /// Replaces every (non-zero) scalar by its inverse with one field inversion (Montgomery's trick): prefix
    /// products, one inversion of the total, then the way back.
    /// </summary>
    internal static void BatchInvert(ScalarField field, Span<Scalar> scalars)
    {
        if (scalars.Length == 0)
        {
            return;
        }

        var prefix = new Scalar[scalars.Length];
        Scalar running = field.One;
        for (int i = 0; i < scalars.Length; i++)
        {
            prefix[i] = running;
            running = field.Multiply(running, scalars[i]);
        }

        Scalar inverse = field.Invert(running);
        for (int i = scalars.Length - 1; i >= 0; i--)
        {
            Scalar original = scalars[i];
            scalars[i] = field.Multiply(inverse, prefix[i]);
            inverse = field.Multiply(inverse, original);
        }
    }
}
