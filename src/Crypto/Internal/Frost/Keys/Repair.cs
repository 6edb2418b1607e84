// Repair: the repairable threshold scheme of Laing and Stinson (eprint 2017/1155) as frost-core
// keys/repairable.rs computes it at commit 0966bd15 (docs/frost-keygen.md §b). A participant r who lost its
// share gets it back from a set H of at least t helpers without any helper learning it:
//   part 1, helper h: split lambda_h(r) s_h into |H| random-looking deltas, one per helper;
//   part 2, helper j: sigma_j = sum of the deltas j received;
//   part 3, participant r: s_r = sum of the sigmas.
// Shares, deltas and sigmas are secret and only touched by constant-time field operations; identifiers are
// public.

using System;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>Share repair in three parts (frost-core repair_share_part1..3).</summary>
internal static class Repair
{
    /// <summary>
    /// Part 1 for helper <paramref name="helperIdentifier"/> holding <paramref name="helperShare"/>: the deltas
    /// to send to each helper (aligned with <paramref name="helpers"/>; the helper's own included). The first
    /// |H| - 1 helpers in identifier order get uniform random scalars, and the last gets lambda_h(r) s_h minus
    /// their sum, as frost-core's compute_last_random_value does.
    /// </summary>
    /// <exception cref="FintechCryptoException">
    /// Fewer than <paramref name="minSigners"/> helpers, a repeated identifier, the helper not among the helpers, or
    /// the participant among them.
    /// </exception>
    internal static Scalar[] Part1(
        ScalarField field,
        ReadOnlySpan<Scalar> helpers,
        in Scalar helperIdentifier,
        in Scalar helperShare,
        int minSigners,
        in Scalar participant)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (helpers.Length < minSigners)
        {
            throw new FintechCryptoException($"A repair needs at least {minSigners} helpers (the threshold), but {helpers.Length} were given.");
        }

        IdentifierSet.RequireDistinct(field, helpers, "The helper list");
        if (IdentifierSet.IndexOf(field, helpers, helperIdentifier) < 0)
        {
            throw new FintechCryptoException("The helper running repair part 1 is not in the helper list.");
        }

        if (field.IsZero(participant) || IdentifierSet.IndexOf(field, helpers, participant) >= 0)
        {
            throw new FintechCryptoException("The participant whose share is repaired cannot be one of the helpers, and its identifier must not be zero.");
        }

        // zeta_h = lambda_h(r) over H; lhs = zeta_h * s_h.
        Scalar zeta = LagrangeCoefficientAt(field, helpers, helperIdentifier, participant);
        Scalar remainder = field.Multiply(zeta, helperShare);

        int[] order = IdentifierSet.OrderByValue(field, helpers);
        var deltas = new Scalar[helpers.Length];
        for (int k = 0; k < order.Length - 1; k++)
        {
            Scalar random = field.Random();
            deltas[order[k]] = random;
            remainder = field.Subtract(remainder, random);
            random.Clear();
        }

        deltas[order[^1]] = remainder;
        remainder.Clear();
        return deltas;
    }

    /// <summary>Part 2 for one helper: sigma = the sum of the deltas it received from every helper.</summary>
    internal static Scalar Part2(ScalarField field, ReadOnlySpan<Scalar> deltas) => Sum(field, deltas);

    /// <summary>Part 3 for the participant: its signing share = the sum of the sigmas from every helper.</summary>
    internal static Scalar Part3(ScalarField field, ReadOnlySpan<Scalar> sigmas) => Sum(field, sigmas);

    /// <summary>
    /// The Lagrange coefficient of <paramref name="xi"/> over <paramref name="xSet"/> evaluated at
    /// <paramref name="x"/> (frost-core compute_lagrange_coefficient with Some(x)), after checking the set:
    /// <see cref="Polynomial.LagrangeCoefficient"/>. Identifiers are public.
    /// </summary>
    /// <exception cref="FintechCryptoException">The set is empty, repeats an identifier, or does not contain x_i.</exception>
    internal static Scalar LagrangeCoefficientAt(ScalarField field, ReadOnlySpan<Scalar> xSet, in Scalar xi, in Scalar x)
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

        return Polynomial.LagrangeCoefficient(field, xSet, xi, x);
    }

    private static Scalar Sum(ScalarField field, ReadOnlySpan<Scalar> values)
    {
        ArgumentNullException.ThrowIfNull(field);
        Scalar sum = field.Zero;
        foreach (Scalar value in values)
        {
            sum = field.Add(sum, value);
        }

        return sum;
    }
}
