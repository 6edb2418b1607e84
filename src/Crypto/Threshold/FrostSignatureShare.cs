// FrostSignatureShare: one signer's round-two output, the scalar z_i (RFC 9591 §5.2 sig_share).
//
// References: RFC 9591 §5.2 (sign), §5.3 (aggregate); frost-core round2.rs SignatureShare (no identifier inside:
// the coordinator MUST attribute a share to the participant it came from over an authenticated channel).
// Wire format (docs/frost-wire.md): header(type 3) || z_i (Ns).

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A signer's signature share (RFC 9591 §5.2). It carries no identifier: the coordinator files it under the
/// identifier of the authenticated participant it came from, which is the identifier
/// <see cref="FrostCoordinator.Aggregate"/> names when the share is invalid.
/// </summary>
public sealed class FrostSignatureShare : FrostPublicMessage<FrostSignatureShare>
{
    internal FrostSignatureShare(FrostCiphersuite ciphersuite, Scalar share)
    {
        _ciphersuite = ciphersuite;
        Share = share;
    }

    internal Scalar Share { get; }

    /// <summary>The share as a bare serialized scalar (RFC 9591 SerializeScalar, as the RFC's vectors print it).</summary>
    /// <returns>A new array of <see cref="FrostCiphersuite.ScalarLength"/> bytes.</returns>
    public byte[] ToScalarBytes() => Ciphersuite.Suite.Scalars.Encode(Share);

    /// <inheritdoc/>
    public override string ToString() => $"FrostSignatureShare({Ciphersuite.Name})";

    internal override void WriteFields(FrostFieldWriter writer)
        => writer.Scalar("share", Share);

    internal static FrostSignatureShare ReadFields(FrostFieldReader reader)
        => new(reader.Ciphersuite, reader.Scalar("share"));
}
