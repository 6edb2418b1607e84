// KeyGenInputs: turns the public key-generation inputs (maps from FrostIdentifier to packages) into the internal
// parallel arrays of identifier scalars and values, checking that everything belongs to one ciphersuite, and turns
// internal failures into FrostProtocolException (naming culprits when there are any).

using System;
using System.Collections.Generic;
using System.Linq;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>Argument handling shared by <see cref="FrostDkg"/>, <see cref="FrostRefresh"/> and <see cref="FrostRepair"/>.</summary>
internal static class KeyGenInputs
{
    /// <summary>
    /// The identifiers and values of <paramref name="map"/>, in increasing identifier order.
    /// </summary>
    /// <exception cref="ArgumentNullException">The map, a key or a value is null.</exception>
    /// <exception cref="ArgumentException">A key or value belongs to another ciphersuite.</exception>
    internal static (FrostIdentifier[] Identifiers, T[] Values) Split<T>(
        FrostCiphersuite ciphersuite, IReadOnlyDictionary<FrostIdentifier, T> map, Func<T, FrostCiphersuite> suiteOf, string paramName)
        where T : class
    {
        if (map is null)
        {
            throw Error.ArgumentNull(paramName);
        }

        var identifiers = new FrostIdentifier[map.Count];
        var values = new T[map.Count];
        int k = 0;
        foreach (KeyValuePair<FrostIdentifier, T> pair in map)
        {
            if (k == identifiers.Length)
            {
                throw Error.Frost_ChangedWhileRead(paramName);
            }

            FrostIdentifier identifier = pair.Key ?? throw Error.Frost_NullEntry(paramName, "A key");
            T value = pair.Value ?? throw Error.Frost_NullEntry(paramName, $"The package of participant {identifier}");
            if (identifier.Ciphersuite != ciphersuite || suiteOf(value) != ciphersuite)
            {
                throw Error.Frost_CiphersuiteMismatch(paramName, identifier.Ciphersuite != ciphersuite ? identifier.Ciphersuite.Name : suiteOf(value).Name, ciphersuite.Name);
            }

            identifiers[k] = identifier;
            values[k] = value;
            k++;
        }

        if (k != identifiers.Length)
        {
            throw Error.Frost_ChangedWhileRead(paramName);
        }

        Array.Sort(identifiers, values);
        return (identifiers, values);
    }

    /// <summary>The identifiers' scalars.</summary>
    internal static Scalar[] Scalars(IReadOnlyList<FrostIdentifier> identifiers)
    {
        var scalars = new Scalar[identifiers.Count];
        for (int k = 0; k < scalars.Length; k++)
        {
            scalars[k] = identifiers[k].Scalar;
        }

        return scalars;
    }

    /// <summary>Throws unless <paramref name="value"/> belongs to <paramref name="ciphersuite"/>.</summary>
    internal static void RequireSuite(FrostCiphersuite ciphersuite, FrostCiphersuite value, string paramName)
    {
        if (value != ciphersuite)
        {
            throw Error.Frost_CiphersuiteMismatch(paramName, value.Name, ciphersuite.Name);
        }
    }

    /// <summary>
    /// Runs an internal key-generation step; its failures become <see cref="FrostProtocolException"/>, with the
    /// culprits named when the step could attribute the failure.
    /// </summary>
    internal static T Run<T>(FrostCiphersuite ciphersuite, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (KeyGenCulpritException e)
        {
            FrostIdentifier[] culprits = e.Culprits.Select(c => FrostIdentifier.FromScalar(ciphersuite, c)).Order().ToArray();
            throw new FrostProtocolException($"{e.Message} Culprits: {string.Join(", ", culprits.Select(c => c.ToString()))}.", culprits);
        }
        catch (FintechCryptoException e) when (e is not FrostProtocolException)
        {
            throw new FrostProtocolException(e.Message, e);
        }
    }

    /// <summary>The public key package of a key generation: the participants (sorted) and their verifying shares.</summary>
    internal static FrostPublicKeyPackage PublicKeyPackage(FrostCiphersuite ciphersuite, Scalar[] participants, GroupElement[] verifyingShares, GroupElement verifyingKey, int minSigners)
    {
        var identifiers = new FrostIdentifier[participants.Length];
        for (int k = 0; k < identifiers.Length; k++)
        {
            identifiers[k] = FrostIdentifier.FromScalar(ciphersuite, participants[k]);
        }

        return new FrostPublicKeyPackage(ciphersuite, identifiers, verifyingShares, verifyingKey, minSigners);
    }
}
