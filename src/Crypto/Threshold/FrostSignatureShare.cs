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
public sealed class FrostSignatureShare : IEquatable<FrostSignatureShare>, IFrostMessage<FrostSignatureShare>
{
    private const string What = "FROST signature share";

    internal FrostSignatureShare(FrostCiphersuite ciphersuite, Scalar share)
    {
        Ciphersuite = ciphersuite;
        Share = share;
    }

    /// <summary>The ciphersuite.</summary>
    public FrostCiphersuite Ciphersuite { get; }

    internal Scalar Share { get; }

    /// <summary>Decodes a share from its wire format.</summary>
    /// <param name="encoded">The bytes <see cref="ToBytes"/> produced.</param>
    /// <returns>The share.</returns>
    /// <exception cref="FintechCryptoException">The bytes are malformed.</exception>
    public static FrostSignatureShare FromBytes(ReadOnlySpan<byte> encoded) => FrostCodec.FromBytes<FrostSignatureShare>(encoded);

    /// <summary>Decodes a share from its JSON form.</summary>
    /// <param name="json">The text <see cref="ToJson"/> produced.</param>
    /// <returns>The share.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The JSON is malformed.</exception>
    public static FrostSignatureShare FromJson(string json) => FrostCodec.FromJson<FrostSignatureShare>(json);

    /// <summary>The share as a bare serialized scalar (RFC 9591 SerializeScalar, as the RFC's vectors print it).</summary>
    /// <returns>A new array of <see cref="FrostCiphersuite.ScalarLength"/> bytes.</returns>
    public byte[] ToScalarBytes() => Ciphersuite.Suite.Scalars.Encode(Share);

    /// <summary>Encodes the share in the versioned wire format.</summary>
    /// <returns>The encoding.</returns>
    public byte[] ToBytes() => FrostCodec.ToBytes(this);

    /// <summary>Encodes the share as JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => FrostCodec.ToJson(this);

    /// <summary>True when <paramref name="other"/> is the same share of the same ciphersuite.</summary>
    /// <param name="other">Another share, or null.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(FrostSignatureShare? other) => FrostCodec.FieldsEqual(this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FrostSignatureShare);

    /// <inheritdoc/>
    public override int GetHashCode() => FrostCodec.FieldsHash(this);

    /// <inheritdoc/>
    public override string ToString() => $"FrostSignatureShare({Ciphersuite.Name})";

    static FrostMessageType IFrostMessage<FrostSignatureShare>.MessageType => FrostMessageType.SignatureShare;

    static string IFrostMessage<FrostSignatureShare>.What => What;

    void IFrostMessage.WriteFields(FrostFieldWriter writer)
        => writer.Scalar("share", Share);

    static FrostSignatureShare IFrostMessage<FrostSignatureShare>.ReadFields(FrostFieldReader reader)
        => new(reader.Ciphersuite, reader.Scalar("share"));
}
