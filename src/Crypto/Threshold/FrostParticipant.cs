// FrostParticipant: the signer's side of FROST signing: round one (commit) and round two (sign).
//
// References: RFC 9591 §5.1 (commit), §5.2 (sign); frost-core round1.rs commit, round2.rs sign (its checks:
// enough commitments, the signer's commitment present and equal to its own).

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// The signer's two rounds of FROST (RFC 9591 §5.1, §5.2): <see cref="Commit"/> makes single-use nonces and the
/// commitments to send the coordinator; <see cref="Sign"/> turns the coordinator's signing package into a signature
/// share.
/// </summary>
public static class FrostParticipant
{
    /// <summary>
    /// Round one (RFC 9591 §5.1 commit): generates a hiding and a binding nonce with nonce_generate (§4.1: fresh
    /// randomness hashed with the signing share) and their commitments.
    /// </summary>
    /// <param name="keyPackage">The signer's key package.</param>
    /// <returns>
    /// The secret nonces, to keep for round two and dispose, and the public commitments, to send the coordinator.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="keyPackage"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The key package was disposed.</exception>
    public static (FrostSigningNonces Nonces, FrostSigningCommitments Commitments) Commit(FrostKeyPackage keyPackage)
    {
        ArgumentNullException.ThrowIfNull(keyPackage);
        Span<byte> randomness = stackalloc byte[2 * Round1.RandomnessLength];
        try
        {
            RandomNumberGenerator.Fill(randomness);
            return CommitCore(keyPackage, randomness[..Round1.RandomnessLength], randomness[Round1.RandomnessLength..]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(randomness);
        }
    }

    /// <summary>
    /// Round one with the nonces' randomness given, for known-answer tests only (frost-core
    /// nonce_generate_from_random_bytes: "MUST NOT be made public").
    /// </summary>
    internal static (FrostSigningNonces Nonces, FrostSigningCommitments Commitments) CommitForTesting(
        FrostKeyPackage keyPackage, ReadOnlySpan<byte> hidingNonceRandomness, ReadOnlySpan<byte> bindingNonceRandomness) =>
        CommitCore(keyPackage, hidingNonceRandomness, bindingNonceRandomness);

    /// <summary>
    /// Round two (RFC 9591 §5.2 sign): computes this signer's signature share over the signing package's message.
    /// The nonces are consumed by this call, whether it succeeds or not.
    /// </summary>
    /// <param name="signingPackage">The coordinator's signing package.</param>
    /// <param name="nonces">The nonces from this signer's <see cref="Commit"/> for this session.</param>
    /// <param name="keyPackage">The signer's key package.</param>
    /// <returns>The signature share, to send the coordinator.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The arguments belong to different ciphersuites.</exception>
    /// <exception cref="InvalidOperationException">The nonces were already used or disposed.</exception>
    /// <exception cref="ObjectDisposedException">The key package was disposed.</exception>
    /// <exception cref="FrostProtocolException">
    /// The signing package has fewer commitments than the threshold, does not include this signer, or holds
    /// commitments for this signer other than its own nonces' commitments.
    /// </exception>
    public static FrostSignatureShare Sign(FrostSigningPackage signingPackage, FrostSigningNonces nonces, FrostKeyPackage keyPackage)
    {
        ArgumentNullException.ThrowIfNull(signingPackage);
        ArgumentNullException.ThrowIfNull(nonces);
        ArgumentNullException.ThrowIfNull(keyPackage);
        FrostCiphersuite suite = keyPackage.Ciphersuite;
        if (signingPackage.Ciphersuite != suite || nonces.Ciphersuite != suite)
        {
            throw Error.Frost_MixedCiphersuites(nameof(signingPackage), "The signing package, nonces and key package");
        }

        ObjectDisposedException.ThrowIf(keyPackage.IsDisposed, keyPackage);

        // Single use: the nonces are taken (and cleared from their object) before anything else can fail.
        (Scalar hiding, Scalar binding) = nonces.Consume();
        Scalar signingShare = default;
        try
        {
            if (signingPackage.Count < keyPackage.MinSigners)
            {
                throw new FrostProtocolException($"The signing package has {signingPackage.Count} signers; the threshold is {keyPackage.MinSigners}.");
            }

            FrostSigningCommitments? own = signingPackage.GetCommitments(keyPackage.Identifier);
            if (own is null)
            {
                throw new FrostProtocolException($"The signing package does not include participant {keyPackage.Identifier}.");
            }

            if (!own.Equals(nonces.Commitments))
            {
                throw new FrostProtocolException($"The signing package holds commitments for participant {keyPackage.Identifier} that are not the ones its nonces make.");
            }

            signingShare = keyPackage.GetSigningShare();
            Scalar share;
            try
            {
                share = Round2.Sign(
                    suite.Suite, keyPackage.Identifier, signingShare, keyPackage.VerifyingKeyElement, hiding, binding,
                    signingPackage.MessageSpan, signingPackage.CommitmentList);
            }
            catch (FintechCryptoException e) when (e is not FrostProtocolException)
            {
                throw new FrostProtocolException("The signing package cannot be signed: " + e.Message, e);
            }

            return new FrostSignatureShare(suite, share);
        }
        finally
        {
            hiding.Clear();
            binding.Clear();
            signingShare.Clear();
        }
    }

    private static (FrostSigningNonces Nonces, FrostSigningCommitments Commitments) CommitCore(
        FrostKeyPackage keyPackage, ReadOnlySpan<byte> hidingRandomness, ReadOnlySpan<byte> bindingRandomness)
    {
        FrostCiphersuite suite = keyPackage.Ciphersuite;
        Scalar secret = keyPackage.GetSigningShare();
        Scalar hiding = default;
        Scalar binding = default;
        try
        {
            (hiding, binding, GroupElement hidingCommitment, GroupElement bindingCommitment) =
                Round1.Commit(suite.Suite, secret, hidingRandomness, bindingRandomness);
            var commitments = new FrostSigningCommitments(suite, hidingCommitment, bindingCommitment);
            return (new FrostSigningNonces(suite, hiding, binding, commitments), commitments);
        }
        finally
        {
            secret.Clear();
            hiding.Clear();
            binding.Clear();
        }
    }
}
