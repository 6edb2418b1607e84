// FrostKeyPackage: everything one participant needs to sign: identifier, signing share sk_i, verifying share
// PK_i = sk_i B, the group verifying key PK, and the threshold (frost-core keys.rs KeyPackage; RFC 9591 §5 inputs
// of sign: identifier, sk_i, group_public_key).
//
// References: RFC 9591 §5.1-§5.2; frost-core KeyPackage.
// Wire format (docs/frost-wire.md): header(type 5) || identifier (Ns) || signing share (Ns) || verifying share (Ne) ||
//   group verifying key (Ne) || min signers (2 bytes). The encoding holds the secret share.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A participant's long-lived signing key material: its identifier, secret signing share, public verifying share,
/// the group verifying key, and the threshold. Use it with <see cref="FrostParticipant.Commit"/> and
/// <see cref="FrostParticipant.Sign"/>.
/// </summary>
/// <remarks>Holds a secret: dispose it when done; <see cref="object.ToString"/> never shows the share.</remarks>
public sealed class FrostKeyPackage : FrostSigningShareMessage<FrostKeyPackage>
{
    private byte[]? _verifyingShare;
    private byte[]? _verifyingKey;

    /// <summary>
    /// Builds a key package from its encodings (frost-core <c>KeyPackage::new</c>): the signing share sk_i as the
    /// ciphersuite serializes a scalar (RFC 9591 SerializeScalar), the verifying share PK_i and the group verifying key
    /// PK as it serializes an element (SerializeElement). The package is checked as <see cref="FrostMessage{TSelf}.FromBytes"/> checks it:
    /// PK_i must be sk_i B.
    /// </summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="identifier">The participant's identifier.</param>
    /// <param name="signingShare">The signing share (<see cref="FrostCiphersuite.ScalarLength"/> bytes); copied into memory
    /// that <see cref="FrostSigningShareMessage{TSelf}.Dispose"/> clears (the caller clears its own copy).</param>
    /// <param name="verifyingShare">The verifying share PK_i (<see cref="FrostCiphersuite.ElementLength"/> bytes).</param>
    /// <param name="verifyingKey">The group verifying key PK (<see cref="FrostCiphersuite.ElementLength"/> bytes).</param>
    /// <param name="minSigners">The threshold, from 2 to 65535.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ciphersuite"/> or <paramref name="identifier"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="identifier"/> belongs to another ciphersuite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minSigners"/> is below 2 or above 65535.</exception>
    /// <exception cref="FintechCryptoException">
    /// The signing share is not a canonical scalar, an element is not a valid non-identity element, or the verifying
    /// share is not the signing share times the generator.
    /// </exception>
    public FrostKeyPackage(
        FrostCiphersuite ciphersuite, FrostIdentifier identifier, ReadOnlySpan<byte> signingShare, ReadOnlySpan<byte> verifyingShare, ReadOnlySpan<byte> verifyingKey, int minSigners)
    {
        ArgumentNullException.ThrowIfNull(ciphersuite);
        ArgumentNullException.ThrowIfNull(identifier);
        FrostEncoding.RequireCiphersuite(ciphersuite, identifier.Ciphersuite, nameof(identifier));
        if (minSigners is < 2 or > ushort.MaxValue)
        {
            throw Error.ArgumentOutOfRange(nameof(minSigners), "the threshold is from 2 to 65535");
        }

        GroupElement share = FrostEncoding.DecodeElement(ciphersuite, verifyingShare, "verifying share");
        GroupElement key = FrostEncoding.DecodeElement(ciphersuite, verifyingKey, "group verifying key");
        Scalar secret = FrostEncoding.DecodeScalar(ciphersuite, signingShare, "signing share");
        try
        {
            CheckVerifyingShare(ciphersuite.Suite.Group, secret, share);
            Identifier = identifier;
            VerifyingShareElement = share;
            VerifyingKeyElement = key;
            MinSigners = minSigners;
            SigningShare = new SecretScalar(ciphersuite.Suite.Scalars, secret, this);
        }
        finally
        {
            secret.Clear();
        }
    }

    internal FrostKeyPackage(FrostIdentifier identifier, in Scalar signingShare, GroupElement verifyingShare, GroupElement verifyingKey, int minSigners)
    {
        if (minSigners is < 2 or > ushort.MaxValue)
        {
            throw Error.ArgumentOutOfRange(nameof(minSigners), "the threshold is from 2 to 65535");
        }

        Identifier = identifier;
        VerifyingShareElement = verifyingShare;
        VerifyingKeyElement = verifyingKey;
        MinSigners = minSigners;
        SigningShare = new SecretScalar(identifier.Ciphersuite.Suite.Scalars, signingShare, this);
    }

    /// <summary>The threshold: the fewest signers whose shares make a signature.</summary>
    public int MinSigners { get; }

    /// <summary>The participant's verifying share PK_i = sk_i B (Ne bytes).</summary>
    public ReadOnlyMemory<byte> VerifyingShare => _verifyingShare ??= Ciphersuite.Suite.Group.SerializeElement(VerifyingShareElement);

    /// <summary>The group verifying key PK (Ne bytes), under which group signatures verify.</summary>
    public ReadOnlyMemory<byte> GroupVerifyingKey => _verifyingKey ??= Ciphersuite.Suite.Group.SerializeElement(VerifyingKeyElement);

    internal GroupElement VerifyingShareElement { get; }

    internal GroupElement VerifyingKeyElement { get; }

    private static void CheckVerifyingShare(PrimeOrderGroup group, in Scalar share, GroupElement verifyingShare)
    {
        if (!group.ElementEquals(group.MultiplyBase(share), verifyingShare))
        {
            throw Error.Frost_Inconsistent(FrostMessageTable.Of<FrostKeyPackage>().What, "the verifying share is not the signing share times the generator");
        }
    }

    internal override void WriteFields(FrostFieldWriter writer)
    {
        WriteIdentifierAndShare(writer);
        writer.Element("verifying_share", VerifyingShareElement);
        writer.Element("verifying_key", VerifyingKeyElement);
        writer.Count("min_signers", MinSigners);
    }

    internal static FrostKeyPackage ReadFields(FrostFieldReader reader) =>
        Read(reader, static (FrostFieldReader reader, FrostIdentifier identifier, in Scalar share) =>
        {
            GroupElement verifyingShare = reader.Element("verifying_share");
            GroupElement verifyingKey = reader.Element("verifying_key");
            int minSigners = reader.Count("min_signers");
            if (minSigners < 2)
            {
                throw reader.Malformed("the threshold must be at least 2");
            }

            CheckVerifyingShare(reader.Ciphersuite.Suite.Group, share, verifyingShare);
            return new FrostKeyPackage(identifier, share, verifyingShare, verifyingKey, minSigners);
        });
}
