// FrostSecretShare: what a trusted dealer sends one participant over a confidential, authenticated channel: the
// participant's identifier, its signing share f(i), and the VSS commitment to check it against (RFC 9591
// Appendix C: participant_private_keys[i] and vss_commitment).
//
// References: RFC 9591 Appendix C.2 (vss_verify), frost-core keys.rs SecretShare (verify, KeyPackage::try_from).
// Wire format (docs/frost-wire.md): header(type 4) || identifier (Ns) || signing share (Ns) || count t (2 bytes) ||
//   t x commitment element (Ne). The encoding holds the secret share: the caller clears it after sending.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A participant's secret share from a trusted dealer, with the dealer's VSS commitment. Check it with
/// <see cref="Verify"/> and turn it into a <see cref="FrostKeyPackage"/> with <see cref="ToKeyPackage"/>.
/// </summary>
/// <remarks>Holds a secret: dispose it when done; <see cref="object.ToString"/> never shows the share.</remarks>
public sealed class FrostSecretShare : FrostSigningShareMessage<FrostSecretShare>
{
    /// <summary>
    /// Builds a dealer's secret share from its encodings (frost-core <c>SecretShare::new</c>): the signing share f(i) as
    /// the ciphersuite serializes a scalar (RFC 9591 SerializeScalar, <see cref="FrostCiphersuite.ScalarLength"/>
    /// bytes) and the dealer's commitment. The share is not checked against the commitment here: call
    /// <see cref="Verify"/> or <see cref="ToKeyPackage"/>.
    /// </summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="identifier">The participant's identifier.</param>
    /// <param name="signingShare">The signing share; copied into memory that <see cref="FrostSigningShareMessage{TSelf}.Dispose"/> clears (the caller
    /// clears its own copy).</param>
    /// <param name="commitment">The dealer's VSS commitment.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ciphersuite"/>, <paramref name="identifier"/> or
    /// <paramref name="commitment"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="identifier"/> or <paramref name="commitment"/> belongs to
    /// another ciphersuite.</exception>
    /// <exception cref="FintechCryptoException"><paramref name="signingShare"/> is not a canonical scalar.</exception>
    public FrostSecretShare(FrostCiphersuite ciphersuite, FrostIdentifier identifier, ReadOnlySpan<byte> signingShare, FrostVssCommitment commitment)
    {
        ArgumentNullException.ThrowIfNull(ciphersuite);
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(commitment);
        FrostEncoding.RequireCiphersuite(ciphersuite, identifier.Ciphersuite, nameof(identifier));
        FrostEncoding.RequireCiphersuite(ciphersuite, commitment.Ciphersuite, nameof(commitment));
        Scalar share = FrostEncoding.DecodeScalar(ciphersuite, signingShare, "signing share");
        try
        {
            Identifier = identifier;
            Commitment = commitment;
            SigningShare = new SecretScalar(ciphersuite.Suite.Scalars, share, this);
        }
        finally
        {
            share.Clear();
        }
    }

    internal FrostSecretShare(FrostIdentifier identifier, in Scalar signingShare, FrostVssCommitment commitment)
    {
        Identifier = identifier;
        Commitment = commitment;
        SigningShare = new SecretScalar(identifier.Ciphersuite.Suite.Scalars, signingShare, this);
    }

    /// <summary>The dealer's VSS commitment (public).</summary>
    public FrostVssCommitment Commitment { get; }

    /// <summary>
    /// Checks the share against the commitment (RFC 9591 Appendix C.2 vss_verify): f(i) B equals the commitment
    /// evaluated at i.
    /// </summary>
    /// <returns>True when the share is consistent with the commitment.</returns>
    /// <exception cref="ObjectDisposedException">The share was disposed.</exception>
    public bool Verify()
    {
        Scalar share = SigningShare.Get();
        try
        {
            return Vss.Verify(Ciphersuite.Suite.Group, Identifier.Scalar, share, Commitment.Coefficients);
        }
        finally
        {
            share.Clear();
        }
    }

    /// <summary>
    /// Verifies the share and builds the participant's key package: signing share, verifying share f(i) B, group
    /// verifying key, and the threshold from the commitment's length (frost-core <c>KeyPackage::try_from</c>).
    /// </summary>
    /// <returns>A new key package, which the caller disposes.</returns>
    /// <exception cref="FrostProtocolException">The share does not match the dealer's commitment.</exception>
    /// <exception cref="ObjectDisposedException">The share was disposed.</exception>
    public FrostKeyPackage ToKeyPackage()
    {
        if (!Verify())
        {
            throw new FrostProtocolException($"The secret share of participant {Identifier} does not match the dealer's VSS commitment (RFC 9591 Appendix C.2).");
        }

        if (Commitment.MinSigners < 2)
        {
            throw new FrostProtocolException("The dealer's VSS commitment has fewer than two coefficients; FROST needs a threshold of at least 2.");
        }

        Scalar share = SigningShare.Get();
        try
        {
            GroupElement verifyingShare = Ciphersuite.Suite.Group.MultiplyBase(share);
            return new FrostKeyPackage(Identifier, share, verifyingShare, Commitment.VerifyingKeyElement, Commitment.MinSigners);
        }
        finally
        {
            share.Clear();
        }
    }

    internal override void WriteFields(FrostFieldWriter writer)
    {
        WriteIdentifierAndShare(writer);
        writer.BeginObject("commitment");
        writer.Elements("coefficients", Commitment.Coefficients);
        writer.EndObject();
    }

    internal static FrostSecretShare ReadFields(FrostFieldReader reader) =>
        Read(reader, static (FrostFieldReader reader, FrostIdentifier identifier, in Scalar share) =>
        {
            reader.BeginObject("commitment");
            GroupElement[] coefficients = reader.Elements("coefficients");
            reader.EndObject();
            return new FrostSecretShare(identifier, share, FrostVssCommitment.Create(reader.Ciphersuite, coefficients));
        });
}
