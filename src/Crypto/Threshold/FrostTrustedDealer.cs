// FrostTrustedDealer: key generation by a trusted dealer with verifiable secret sharing (RFC 9591 Appendix C).
//
// References: RFC 9591 Appendix C (trusted_dealer_keygen), C.1 (secret_share_shard), C.2 (vss_commit,
// derive_group_info); frost-core keys.rs generate_with_dealer and split (caller-chosen identifiers, 2 <= min <= max).
// The dealer learns the group secret: use it where one party is trusted with the key, else use a DKG.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A trusted dealer (RFC 9591 Appendix C): makes or takes a group secret key, splits it into shares with a random
/// polynomial of degree t - 1, and publishes the VSS commitment to the polynomial. Send each participant its
/// <see cref="FrostSecretShare"/> over a confidential, authenticated channel.
/// </summary>
public static class FrostTrustedDealer
{
    /// <summary>Generates a random group key and shares it among participants 1..<paramref name="maxSigners"/>.</summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="minSigners">The threshold t, at least 2.</param>
    /// <param name="maxSigners">The number of participants n, at least t and at most 65535.</param>
    /// <returns>The secret shares, the VSS commitment and the public key package; dispose it to clear the shares.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ciphersuite"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not 2 &lt;= t &lt;= n &lt;= 65535.</exception>
    public static FrostTrustedDealerResult Generate(FrostCiphersuite ciphersuite, int minSigners, int maxSigners) =>
        Generate(ciphersuite, minSigners, DefaultIdentifiers(ciphersuite, maxSigners));

    /// <summary>Generates a random group key and shares it among the given participants.</summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="minSigners">The threshold t, at least 2 and at most the number of identifiers.</param>
    /// <param name="identifiers">The participants' distinct identifiers (at most 65535).</param>
    /// <returns>The secret shares (in the order of <paramref name="identifiers"/>), the VSS commitment and the public key package.</returns>
    /// <exception cref="ArgumentNullException">An argument or identifier is null.</exception>
    /// <exception cref="ArgumentException">An identifier repeats or belongs to another ciphersuite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not 2 &lt;= t &lt;= n &lt;= 65535.</exception>
    public static FrostTrustedDealerResult Generate(FrostCiphersuite ciphersuite, int minSigners, IReadOnlyList<FrostIdentifier> identifiers)
    {
        ArgumentNullException.ThrowIfNull(ciphersuite);
        Scalar secret = ciphersuite.Suite.Scalars.RandomNonZero();
        try
        {
            return Deal(ciphersuite, secret, minSigners, identifiers, coefficients: null);
        }
        finally
        {
            secret.Clear();
        }
    }

    /// <summary>Shares an existing group secret key among participants 1..<paramref name="maxSigners"/>.</summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="groupSecretKey">The group secret key: a serialized non-zero scalar (<see cref="FrostCiphersuite.ScalarLength"/> bytes).</param>
    /// <param name="minSigners">The threshold t, at least 2.</param>
    /// <param name="maxSigners">The number of participants n, at least t and at most 65535.</param>
    /// <returns>The secret shares, the VSS commitment and the public key package.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ciphersuite"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not 2 &lt;= t &lt;= n &lt;= 65535.</exception>
    /// <exception cref="InvalidKeyEncodingException">The key is not a canonical non-zero scalar.</exception>
    public static FrostTrustedDealerResult Split(FrostCiphersuite ciphersuite, ReadOnlySpan<byte> groupSecretKey, int minSigners, int maxSigners) =>
        Split(ciphersuite, groupSecretKey, minSigners, DefaultIdentifiers(ciphersuite, maxSigners));

    /// <summary>Shares an existing group secret key among the given participants.</summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="groupSecretKey">The group secret key: a serialized non-zero scalar.</param>
    /// <param name="minSigners">The threshold t, at least 2 and at most the number of identifiers.</param>
    /// <param name="identifiers">The participants' distinct identifiers (at most 65535).</param>
    /// <returns>The secret shares (in the order of <paramref name="identifiers"/>), the VSS commitment and the public key package.</returns>
    /// <exception cref="ArgumentNullException">An argument or identifier is null.</exception>
    /// <exception cref="ArgumentException">An identifier repeats or belongs to another ciphersuite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not 2 &lt;= t &lt;= n &lt;= 65535.</exception>
    /// <exception cref="InvalidKeyEncodingException">The key is not a canonical non-zero scalar.</exception>
    public static FrostTrustedDealerResult Split(FrostCiphersuite ciphersuite, ReadOnlySpan<byte> groupSecretKey, int minSigners, IReadOnlyList<FrostIdentifier> identifiers)
    {
        ArgumentNullException.ThrowIfNull(ciphersuite);
        Scalar secret = DecodeSecret(ciphersuite, groupSecretKey);
        try
        {
            return Deal(ciphersuite, secret, minSigners, identifiers, coefficients: null);
        }
        finally
        {
            secret.Clear();
        }
    }

    /// <summary>
    /// Shares a given secret with given polynomial coefficients a_1..a_(t-1), for known-answer tests only (RFC 9591
    /// Appendix E gives share_polynomial_coefficients).
    /// </summary>
    internal static FrostTrustedDealerResult SplitForTesting(
        FrostCiphersuite ciphersuite, ReadOnlySpan<byte> groupSecretKey, IReadOnlyList<byte[]> coefficients, IReadOnlyList<FrostIdentifier> identifiers)
    {
        ScalarField field = ciphersuite.Suite.Scalars;
        var decoded = new Scalar[coefficients.Count];
        Scalar secret = DecodeSecret(ciphersuite, groupSecretKey);
        try
        {
            for (int i = 0; i < decoded.Length; i++)
            {
                decoded[i] = field.Decode(coefficients[i], "polynomial coefficient");
            }

            return Deal(ciphersuite, secret, coefficients.Count + 1, identifiers, decoded);
        }
        finally
        {
            secret.Clear();
            Internal.Frost.TrustedDealer.Clear(decoded);
        }
    }

    // RFC 9591 Appendix C trusted_dealer_keygen, with caller-chosen identifiers.
    private static FrostTrustedDealerResult Deal(FrostCiphersuite ciphersuite, in Scalar secret, int minSigners, IReadOnlyList<FrostIdentifier> identifiers, Scalar[]? coefficients)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        if (identifiers.Count > ushort.MaxValue)
        {
            throw Error.ArgumentOutOfRange(nameof(identifiers), "at most 65535 participants");
        }

        if (minSigners < 2 || minSigners > identifiers.Count)
        {
            throw Error.ArgumentOutOfRange(nameof(minSigners), $"the threshold is from 2 to the number of participants ({identifiers.Count})");
        }

        var ids = new Scalar[identifiers.Count];
        var seen = new HashSet<FrostIdentifier>();
        for (int i = 0; i < ids.Length; i++)
        {
            FrostIdentifier id = identifiers[i] ?? throw Error.Frost_NullEntry(nameof(identifiers), "An identifier");
            if (id.Ciphersuite != ciphersuite)
            {
                throw Error.Frost_CiphersuiteMismatch(nameof(identifiers), id.Ciphersuite.Name, ciphersuite.Name);
            }

            if (!seen.Add(id))
            {
                throw Error.Frost_DuplicateIdentifier(nameof(identifiers), id.ToString());
            }

            ids[i] = id.Scalar;
        }

        ScalarField field = ciphersuite.Suite.Scalars;
        PrimeOrderGroup group = ciphersuite.Suite.Group;

        // coefficients = [G.RandomScalar() for i in range(0, MIN_PARTICIPANTS - 1)]
        Scalar[] polynomial = coefficients ?? Internal.Frost.TrustedDealer.RandomCoefficients(field, minSigners - 1);
        var shares = new Scalar[ids.Length];
        var secretShares = new List<FrostSecretShare>(ids.Length);
        try
        {
            // participant_private_keys, coefficients = secret_share_shard(secret_key, coefficients, MAX_PARTICIPANTS)
            Internal.Frost.TrustedDealer.SecretShareShard(field, secret, polynomial, ids, shares);

            // vss_commitment = vss_commit(coefficients); PK = G.ScalarBaseMult(secret_key)
            var commitment = FrostVssCommitment.Create(ciphersuite, Internal.Frost.TrustedDealer.Commit(group, secret, polynomial));

            // derive_group_info(MAX_PARTICIPANTS, MIN_PARTICIPANTS, vss_commitment)
            (GroupElement groupKey, GroupElement[] participantKeys) = Vss.DeriveGroupInfo(group, ids, commitment.Coefficients);

            for (int i = 0; i < ids.Length; i++)
            {
                secretShares.Add(new FrostSecretShare(identifiers[i], shares[i], commitment));
            }

            var order = new int[ids.Length];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => identifiers[a].CompareTo(identifiers[b]));
            var sortedIdentifiers = new FrostIdentifier[ids.Length];
            var sortedKeys = new GroupElement[ids.Length];
            for (int i = 0; i < order.Length; i++)
            {
                sortedIdentifiers[i] = identifiers[order[i]];
                sortedKeys[i] = participantKeys[order[i]];
            }

            var publicKeyPackage = new FrostPublicKeyPackage(ciphersuite, sortedIdentifiers, sortedKeys, groupKey, minSigners);
            return new FrostTrustedDealerResult(secretShares, commitment, publicKeyPackage);
        }
        catch
        {
            foreach (FrostSecretShare share in secretShares)
            {
                share.Dispose();
            }

            throw;
        }
        finally
        {
            Internal.Frost.TrustedDealer.Clear(shares);
            Internal.Frost.TrustedDealer.Clear(polynomial);
        }
    }

    private static Scalar DecodeSecret(FrostCiphersuite ciphersuite, ReadOnlySpan<byte> groupSecretKey)
    {
        ScalarField field = ciphersuite.Suite.Scalars;
        if (!field.TryDecode(groupSecretKey, out Scalar secret) || field.IsZero(secret))
        {
            secret.Clear();
            throw new InvalidKeyEncodingException($"The {ciphersuite.Name} group secret key must be a canonical non-zero {field.Length}-byte scalar.");
        }

        return secret;
    }

    private static FrostIdentifier[] DefaultIdentifiers(FrostCiphersuite ciphersuite, int maxSigners)
    {
        ArgumentNullException.ThrowIfNull(ciphersuite);
        if (maxSigners is < 2 or > ushort.MaxValue)
        {
            throw Error.ArgumentOutOfRange(nameof(maxSigners), "from 2 to 65535 participants");
        }

        var identifiers = new FrostIdentifier[maxSigners];
        for (int i = 0; i < maxSigners; i++)
        {
            identifiers[i] = FrostIdentifier.FromInteger(ciphersuite, (ulong)(i + 1));
        }

        return identifiers;
    }
}
