// FrostSigningCommitments: one signer's round-one output, the commitments to its hiding and binding nonces
// (RFC 9591 §5.1: (hiding_nonce_commitment, binding_nonce_commitment)).
//
// References: RFC 9591 §5.1; frost-core round1.rs SigningCommitments (the identifier is not part of the message:
// the coordinator knows who sent it and files it under that identifier in the signing package).
// Wire format (docs/frost-wire.md): header(type 1) || hiding (Ne) || binding (Ne).

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A signer's public round-one commitments (RFC 9591 §5.1), sent to the coordinator, who places them in a
/// <see cref="FrostSigningPackage"/> under the sender's identifier.
/// </summary>
public sealed class FrostSigningCommitments : FrostPublicMessage<FrostSigningCommitments>
{
    internal FrostSigningCommitments(FrostCiphersuite ciphersuite, GroupElement hiding, GroupElement binding)
    {
        _ciphersuite = ciphersuite;
        Hiding = hiding;
        Binding = binding;
    }

    internal GroupElement Hiding { get; }

    internal GroupElement Binding { get; }

    /// <inheritdoc/>
    public override string ToString() => $"FrostSigningCommitments({Ciphersuite.Name})";

    internal override void WriteFields(FrostFieldWriter writer)
    {
        writer.Element("hiding", Hiding);
        writer.Element("binding", Binding);
    }

    internal static FrostSigningCommitments ReadFields(FrostFieldReader reader)
        => new(reader.Ciphersuite, reader.Element("hiding"), reader.Element("binding"));
}
