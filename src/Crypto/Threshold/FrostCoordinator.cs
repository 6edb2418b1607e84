// FrostCoordinator: the coordinator's side of FROST signing: signature share verification and aggregation, with
// identifiable abort.
//
// References: RFC 9591 §5.3 (aggregate; "the Coordinator SHOULD verify each signature share ... and identify any
// misbehaving participants"), §5.4 (verify_signature_share); frost-core lib.rs aggregate (its checks: the shares
// match the package's signers, each signer has a verifying share, at least min_signers) and Error::
// InvalidSignatureShare { culprits }.

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// The coordinator's steps of FROST (RFC 9591 §5.3, §5.4): check signature shares and aggregate them into the
/// group signature. The coordinator holds no secret.
/// </summary>
public static class FrostCoordinator
{
    /// <summary>
    /// Verifies every signature share (RFC 9591 §5.4) and aggregates them into the group signature R || z
    /// (§5.3). Each share must be filed under the identifier of the authenticated participant that sent it.
    /// </summary>
    /// <param name="signingPackage">The signing package the signers signed.</param>
    /// <param name="signatureShares">Each signer's identifier and signature share, one per signer of the package.</param>
    /// <param name="publicKeyPackage">The group's public key package.</param>
    /// <returns>The group signature, <see cref="FrostCiphersuite.SignatureLength"/> bytes, valid under the group verifying key.</returns>
    /// <exception cref="ArgumentNullException">An argument, or an entry of <paramref name="signatureShares"/>, is null.</exception>
    /// <exception cref="ArgumentException">The arguments belong to different ciphersuites.</exception>
    /// <exception cref="FrostProtocolException">
    /// One or more shares are invalid (<see cref="FrostProtocolException.Culprits"/> names every one of them);
    /// or the shares do not match the package's signers one for one (a missing, extra or repeated identifier);
    /// or a signer has no verifying share in the public key package; or there are fewer signers than the threshold.
    /// </exception>
    public static byte[] Aggregate(
        FrostSigningPackage signingPackage,
        IEnumerable<KeyValuePair<FrostIdentifier, FrostSignatureShare>> signatureShares,
        FrostPublicKeyPackage publicKeyPackage)
    {
        ArgumentNullException.ThrowIfNull(signingPackage);
        ArgumentNullException.ThrowIfNull(signatureShares);
        ArgumentNullException.ThrowIfNull(publicKeyPackage);
        FrostCiphersuite suite = signingPackage.Ciphersuite;
        if (publicKeyPackage.Ciphersuite != suite)
        {
            throw Error.Frost_MixedCiphersuites(nameof(publicKeyPackage), "The signing package and the public key package");
        }

        ReadOnlySpan<CommitmentListEntry> commitmentList = signingPackage.CommitmentList;
        if (commitmentList.Length < publicKeyPackage.MinSigners)
        {
            throw new FrostProtocolException($"The signing package has {commitmentList.Length} signers; the threshold is {publicKeyPackage.MinSigners}.");
        }

        // One share per signer of the package, filed under its identifier.
        var shares = new Scalar[commitmentList.Length];
        var received = new bool[commitmentList.Length];
        foreach (KeyValuePair<FrostIdentifier, FrostSignatureShare> pair in signatureShares)
        {
            if (pair.Key is null || pair.Value is null)
            {
                throw Error.Frost_NullEntry(nameof(signatureShares), "An identifier or a signature share");
            }

            if (pair.Key.Ciphersuite != suite || pair.Value.Ciphersuite != suite)
            {
                throw Error.Frost_MixedCiphersuites(nameof(signatureShares), "The signature shares, their identifiers and the signing package");
            }

            int index = CommitmentList.IndexOf(commitmentList, pair.Key);
            if (index < 0)
            {
                throw new FrostProtocolException($"A signature share came from participant {pair.Key}, who is not a signer of the signing package.");
            }

            if (received[index])
            {
                throw new FrostProtocolException($"Two signature shares are filed under participant {pair.Key}.");
            }

            received[index] = true;
            shares[index] = pair.Value.Share;
        }

        var missing = new List<FrostIdentifier>();
        var verifyingShares = new GroupElement[commitmentList.Length];
        for (int i = 0; i < commitmentList.Length; i++)
        {
            if (!received[i])
            {
                missing.Add(commitmentList[i].Identifier);
            }

            verifyingShares[i] = publicKeyPackage.FindVerifyingShare(commitmentList[i].Identifier)
                ?? throw new FrostProtocolException($"Participant {commitmentList[i].Identifier} has no verifying share in the public key package.");
        }

        if (missing.Count > 0)
        {
            throw new FrostProtocolException($"No signature share from participant(s) {string.Join(", ", missing)}.");
        }

        SigningSession session = CreateSession(suite, publicKeyPackage.VerifyingKeyElement, signingPackage);
        byte[] signature = Aggregation.Aggregate(session, shares);

        // Every share and the aggregate's group equation, verified together (batch verification, RFC 9591 §5.4
        // for each share); only when that fails are the shares verified one by one, to name every culprit
        // (identifiable abort).
        Scalar z = suite.Suite.Scalars.Decode(signature.AsSpan(suite.ElementLength), "aggregate z");
        if (!Aggregation.BatchVerify(session, commitmentList, verifyingShares, shares, publicKeyPackage.VerifyingKeyElement, z))
        {
            var culprits = new List<FrostIdentifier>();
            for (int i = 0; i < commitmentList.Length; i++)
            {
                if (!Aggregation.VerifySignatureShare(session, commitmentList, i, verifyingShares[i], shares[i]))
                {
                    culprits.Add(commitmentList[i].Identifier);
                }
            }

            if (culprits.Count > 0)
            {
                throw new FrostProtocolException(
                    $"Invalid signature share(s) from participant(s) {string.Join(", ", culprits)} (RFC 9591 §5.4).", culprits);
            }

            // Every share verified; the sum fails only when the public key package is inconsistent (verifying shares
            // that do not interpolate to the group verifying key).
            throw new FrostProtocolException("The aggregate signature does not verify although every share did: the public key package's verifying shares do not match its group verifying key.");
        }

        return signature;
    }

    /// <summary>
    /// Verifies one signature share (RFC 9591 §5.4 verify_signature_share), for a coordinator that checks shares as
    /// they arrive.
    /// </summary>
    /// <param name="identifier">The identifier of the participant the share came from.</param>
    /// <param name="signatureShare">The share.</param>
    /// <param name="signingPackage">The signing package the participant signed.</param>
    /// <param name="publicKeyPackage">The group's public key package.</param>
    /// <returns>True when the share is valid; false when it is not, or the participant is not a signer of the package or has no verifying share.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The arguments belong to different ciphersuites.</exception>
    /// <exception cref="FrostProtocolException">The signing package's commitments are unusable (its group commitment is the identity).</exception>
    public static bool VerifySignatureShare(
        FrostIdentifier identifier,
        FrostSignatureShare signatureShare,
        FrostSigningPackage signingPackage,
        FrostPublicKeyPackage publicKeyPackage)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(signatureShare);
        ArgumentNullException.ThrowIfNull(signingPackage);
        ArgumentNullException.ThrowIfNull(publicKeyPackage);
        FrostCiphersuite suite = signingPackage.Ciphersuite;
        if (publicKeyPackage.Ciphersuite != suite || identifier.Ciphersuite != suite || signatureShare.Ciphersuite != suite)
        {
            throw Error.Frost_MixedCiphersuites(nameof(signatureShare), "The arguments");
        }

        int index = CommitmentList.IndexOf(signingPackage.CommitmentList, identifier);
        GroupElement? verifyingShare = publicKeyPackage.FindVerifyingShare(identifier);
        if (index < 0 || verifyingShare is null)
        {
            return false;
        }

        SigningSession session = CreateSession(suite, publicKeyPackage.VerifyingKeyElement, signingPackage);
        return Aggregation.VerifySignatureShare(session, signingPackage.CommitmentList, index, verifyingShare, signatureShare.Share);
    }

    private static SigningSession CreateSession(FrostCiphersuite suite, GroupElement verifyingKey, FrostSigningPackage signingPackage)
    {
        try
        {
            return new SigningSession(suite.Suite, verifyingKey, signingPackage.CommitmentList, signingPackage.MessageSpan);
        }
        catch (FintechCryptoException e) when (e is not FrostProtocolException)
        {
            throw new FrostProtocolException("The signing package cannot be aggregated: " + e.Message, e);
        }
    }
}
