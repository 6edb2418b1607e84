// FrostRepair: share repair, the repairable threshold scheme of Laing and Stinson (eprint 2017/1155) as the Zcash
// Foundation's frost-core keys/repairable.rs computes it (commit 0966bd15; its repair-share.json vectors reproduce
// here; docs/frost-keygen.md §b). A participant r that lost its share gets it back from at least t helpers, and no
// helper learns it:
//   Part1 (each helper h): one delta per helper, summing to lambda_h(r) s_h; send each confidentially.
//   Part2 (each helper j): sigma_j = the sum of the deltas j received; send it confidentially to r.
//   Part3 (participant r): s_r = the sum of the sigmas; checked against r's verifying share.
// The internal algorithms are in src/Crypto/Internal/Frost/Keys/Repair.cs.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost.Keys;

namespace FintechCrypto.Threshold;

/// <summary>
/// FROST share repair (frost-core keys/repairable.rs): at least t helpers rebuild a lost signing share without
/// revealing their own shares or the rebuilt one to each other.
/// </summary>
/// <remarks>
/// All helpers must agree on the same helper list and on the participant to repair. Deltas and sigmas are secret:
/// send each over a confidential, authenticated channel.
/// </remarks>
public static class FrostRepair
{
    /// <summary>
    /// Part 1, run by each helper: splits lambda_h(r) s_h into one random-looking delta per helper
    /// (frost-core <c>repair_share_part1</c>).
    /// </summary>
    /// <param name="helpers">Every helper's identifier (this helper included), distinct, at least the threshold many.</param>
    /// <param name="keyPackage">This helper's key package.</param>
    /// <param name="participant">The participant whose share is repaired (not a helper).</param>
    /// <returns>The delta for each helper, keyed by that helper's identifier (this helper's own included); dispose them once sent.</returns>
    /// <exception cref="ArgumentNullException">An argument or identifier is null.</exception>
    /// <exception cref="ArgumentException">An identifier belongs to another ciphersuite.</exception>
    /// <exception cref="FrostProtocolException">
    /// Fewer helpers than the threshold, a repeated helper, this helper not in the list, or the participant in it.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The key package was disposed.</exception>
    public static IReadOnlyDictionary<FrostIdentifier, FrostRepairDelta> Part1(
        IReadOnlyList<FrostIdentifier> helpers,
        FrostKeyPackage keyPackage,
        FrostIdentifier participant)
    {
        ArgumentNullException.ThrowIfNull(helpers);
        ArgumentNullException.ThrowIfNull(keyPackage);
        ArgumentNullException.ThrowIfNull(participant);
        FrostCiphersuite ciphersuite = keyPackage.Ciphersuite;
        KeyGenInputs.RequireSuite(ciphersuite, participant.Ciphersuite, nameof(participant));
        for (int k = 0; k < helpers.Count; k++)
        {
            FrostIdentifier helper = helpers[k] ?? throw Error.Frost_NullEntry(nameof(helpers), "A helper identifier");
            KeyGenInputs.RequireSuite(ciphersuite, helper.Ciphersuite, nameof(helpers));
        }

        Scalar[] ids = KeyGenInputs.Scalars(helpers);
        Scalar share = keyPackage.GetSigningShare();
        Scalar[]? deltas = null;
        try
        {
            deltas = KeyGenInputs.Run(ciphersuite, () =>
                Repair.Part1(ciphersuite.Suite.Scalars, ids, keyPackage.Identifier.Scalar, share, keyPackage.MinSigners, participant.Scalar));
            var result = new Dictionary<FrostIdentifier, FrostRepairDelta>(ids.Length);
            for (int k = 0; k < ids.Length; k++)
            {
                result.Add(helpers[k], new FrostRepairDelta(ciphersuite, deltas[k]));
            }

            return result;
        }
        finally
        {
            share.Clear();
            if (deltas is not null)
            {
                Array.Clear(deltas);
            }
        }
    }

    /// <summary>
    /// Part 2, run by each helper: sums the deltas it received from every helper (its own included) into its sigma
    /// (frost-core <c>repair_share_part2</c>).
    /// </summary>
    /// <param name="deltas">The deltas addressed to this helper, one from each helper.</param>
    /// <returns>The sigma to send to the participant whose share is repaired.</returns>
    /// <exception cref="ArgumentNullException">The list or a delta is null.</exception>
    /// <exception cref="ArgumentException">The list is empty or mixes ciphersuites.</exception>
    /// <exception cref="ObjectDisposedException">A delta was disposed.</exception>
    public static FrostRepairSigma Part2(IReadOnlyList<FrostRepairDelta> deltas)
    {
        FrostCiphersuite ciphersuite = CommonSuite(deltas, d => d.Ciphersuite, nameof(deltas));
        Scalar sigma = FrostRepairDelta.Sum(deltas, ciphersuite, Repair.Part2);
        try
        {
            return new FrostRepairSigma(ciphersuite, sigma);
        }
        finally
        {
            sigma.Clear();
        }
    }

    /// <summary>
    /// Part 3, run by the participant whose share is repaired: sums the helpers' sigmas into its signing share and
    /// builds its key package (frost-core <c>repair_share_part3</c>). Unlike frost-core, the rebuilt share is checked
    /// against the participant's verifying share in the public key package.
    /// </summary>
    /// <param name="sigmas">One sigma from each helper.</param>
    /// <param name="participant">This participant's identifier.</param>
    /// <param name="publicKeyPackage">The group's public key package (any helper can provide it).</param>
    /// <returns>The repaired key package.</returns>
    /// <exception cref="ArgumentNullException">An argument or sigma is null.</exception>
    /// <exception cref="ArgumentException">The list is empty, mixes ciphersuites, or the participant is not in the public key package.</exception>
    /// <exception cref="FrostProtocolException">
    /// Fewer sigmas than the threshold, or the rebuilt share does not match the participant's verifying share (a
    /// helper sent a wrong value or used another helper list).
    /// </exception>
    /// <exception cref="ObjectDisposedException">A sigma was disposed.</exception>
    public static FrostKeyPackage Part3(IReadOnlyList<FrostRepairSigma> sigmas, FrostIdentifier participant, FrostPublicKeyPackage publicKeyPackage)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(publicKeyPackage);
        FrostCiphersuite ciphersuite = CommonSuite(sigmas, s => s.Ciphersuite, nameof(sigmas));
        KeyGenInputs.RequireSuite(ciphersuite, participant.Ciphersuite, nameof(participant));
        KeyGenInputs.RequireSuite(ciphersuite, publicKeyPackage.Ciphersuite, nameof(publicKeyPackage));
        GroupElement expected = publicKeyPackage.FindVerifyingShare(participant)
            ?? throw Error.Frost_NotAParticipant(nameof(participant), participant.ToString());
        if (sigmas.Count < publicKeyPackage.MinSigners)
        {
            throw new FrostProtocolException($"A repair needs a sigma from each of at least {publicKeyPackage.MinSigners} helpers (the threshold), but {sigmas.Count} were given.");
        }

        PrimeOrderGroup group = ciphersuite.Suite.Group;
        Scalar share = FrostRepairSigma.Sum(sigmas, ciphersuite, Repair.Part3);
        try
        {
            GroupElement verifyingShare = group.MultiplyBase(share);
            if (!group.ElementEquals(verifyingShare, expected))
            {
                throw new FrostProtocolException($"The repaired share of participant {participant} does not match its verifying share: a helper sent a wrong delta or sigma, or the helpers used different helper lists.");
            }

            return new FrostKeyPackage(participant, share, verifyingShare, publicKeyPackage.VerifyingKeyElement, publicKeyPackage.MinSigners);
        }
        finally
        {
            share.Clear();
        }
    }

    private static FrostCiphersuite CommonSuite<T>(IReadOnlyList<T> items, Func<T, FrostCiphersuite> suiteOf, string paramName)
        where T : class
    {
        if (items is null)
        {
            throw Error.ArgumentNull(paramName);
        }

        if (items.Count == 0)
        {
            throw Error.Frost_Empty(paramName, "a repair needs one entry from each helper");
        }

        FrostCiphersuite? ciphersuite = null;
        foreach (T item in items)
        {
            if (item is null)
            {
                throw Error.Frost_NullEntry(paramName, "An entry");
            }

            ciphersuite ??= suiteOf(item);
            KeyGenInputs.RequireSuite(ciphersuite, suiteOf(item), paramName);
        }

        return ciphersuite!;
    }
}
