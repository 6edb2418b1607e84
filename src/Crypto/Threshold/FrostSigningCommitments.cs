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
public sealed class FrostSigningCommitments : IEquatable<FrostSigningCommitments>, IFrostMessage<FrostSigningCommitments>
{
    private const string What = "FROST signing commitments";

    internal FrostSigningCommitments(FrostCiphersuite ciphersuite, GroupElement hiding, GroupElement binding)
    {
        Ciphersuite = ciphersuite;
        Hiding = hiding;
        Binding = binding;
    }

    /// <summary>The ciphersuite.</summary>
    public FrostCiphersuite Ciphersuite { get; }

    internal GroupElement Hiding { get; }

    internal GroupElement Binding { get; }

    /// <summary>Decodes commitments from their wire format.</summary>
    /// <param name="encoded">The bytes <see cref="ToBytes"/> produced.</param>
    /// <returns>The commitments.</returns>
    /// <exception cref="FintechCryptoException">The bytes are malformed: wrong header, length, or an invalid element.</exception>
    public static FrostSigningCommitments FromBytes(ReadOnlySpan<byte> encoded) => FrostCodec.FromBytes<FrostSigningCommitments>(encoded);

    /// <summary>Decodes commitments from their JSON form.</summary>
    /// <param name="json">The text <see cref="ToJson"/> produced.</param>
    /// <returns>The commitments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The JSON is malformed.</exception>
    public static FrostSigningCommitments FromJson(string json) => FrostCodec.FromJson<FrostSigningCommitments>(json);

    /// <summary>Encodes the commitments in the versioned wire format.</summary>
    /// <returns>The encoding.</returns>
    public byte[] ToBytes() => FrostCodec.ToBytes(this);

    /// <summary>Encodes the commitments as JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => FrostCodec.ToJson(this);

    /// <summary>True when <paramref name="other"/> holds the same commitments of the same ciphersuite.</summary>
    /// <param name="other">Other commitments, or null.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(FrostSigningCommitments? other) => FrostCodec.FieldsEqual(this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FrostSigningCommitments);

    /// <inheritdoc/>
    public override int GetHashCode() => FrostCodec.FieldsHash(this);

    /// <inheritdoc/>
    public override string ToString() => $"FrostSigningCommitments({Ciphersuite.Name})";

    static FrostMessageType IFrostMessage<FrostSigningCommitments>.MessageType => FrostMessageType.SigningCommitments;

    static string IFrostMessage<FrostSigningCommitments>.What => What;

    void IFrostMessage.WriteFields(FrostFieldWriter writer)
    {
        writer.Element("hiding", Hiding);
        writer.Element("binding", Binding);
    }

    static FrostSigningCommitments IFrostMessage<FrostSigningCommitments>.ReadFields(FrostFieldReader reader)
        => new(reader.Ciphersuite, reader.Element("hiding"), reader.Element("binding"));
}
