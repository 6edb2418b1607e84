// IdentifierSet: checks and orderings over lists of FROST participant identifiers, which at this level are
// non-zero scalars. Identifiers are public, so these methods may branch on them.
//
// References: frost-core identifier.rs (Identifier, ordered by integer value; BTreeSet and BTreeMap iterate in
// that order), keys.rs generate_secret_shares (DuplicatedIdentifier).

using System;
using System.Numerics;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>Helpers for lists of participant identifiers (non-zero scalars; public values).</summary>
internal static class IdentifierSet
{
    /// <summary>The index of <paramref name="identifier"/> in <paramref name="identifiers"/>, or -1.</summary>
    internal static int IndexOf(ScalarField field, ReadOnlySpan<Scalar> identifiers, in Scalar identifier)
    {
        for (int i = 0; i < identifiers.Length; i++)
        {
            if (field.Equal(identifiers[i], identifier))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Throws unless every identifier is non-zero and no identifier appears twice.</summary>
    /// <param name="field">The scalar field.</param>
    /// <param name="identifiers">The identifiers to check.</param>
    /// <param name="what">What the list is, for the message ("The helper list").</param>
    /// <exception cref="FintechCryptoException">An identifier is zero or repeated.</exception>
    internal static void RequireDistinct(ScalarField field, ReadOnlySpan<Scalar> identifiers, string what)
    {
        for (int i = 0; i < identifiers.Length; i++)
        {
            if (field.IsZero(identifiers[i]))
            {
                throw new FintechCryptoException($"{what} contains the identifier zero, which no participant can have.");
            }

            for (int j = 0; j < i; j++)
            {
                if (field.Equal(identifiers[i], identifiers[j]))
                {
                    throw new FintechCryptoException($"{what} repeats an identifier.");
                }
            }
        }
    }

    /// <summary>
    /// The positions of <paramref name="identifiers"/> sorted by the identifiers' integer values, the order in
    /// which frost-core's BTreeSet and BTreeMap of identifiers iterate.
    /// </summary>
    internal static int[] OrderByValue(ScalarField field, ReadOnlySpan<Scalar> identifiers)
    {
        var values = new BigInteger[identifiers.Length];
        var order = new int[identifiers.Length];
        for (int i = 0; i < identifiers.Length; i++)
        {
            values[i] = field.ToBigInteger(identifiers[i]);
            order[i] = i;
        }

        Array.Sort(values, order);
        return order;
    }
}
