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
public sealed class FrostSignatureShare : IEquatable<FrostSignatureShare>
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
    public static FrostSignatureShare FromBytes(ReadOnlySpan<byte> encoded)
    {
        var reader = new WireReader(encoded, FrostMessageType.SignatureShare, What);
        Scalar share = reader.ReadScalar("signature share");
        reader.End();
        return new FrostSignatureShare(reader.Ciphersuite, share);
    }

    /// <summary>Decodes a share from its JSON form.</summary>
    /// <param name="json">The text <see cref="ToJson"/> produced.</param>
    /// <returns>The share.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The JSON is malformed.</exception>
    public static FrostSignatureShare FromJson(string json)
    {
        using var reader = new FrostJson.Reader(json, FrostMessageType.SignatureShare, What, "share");
        return new FrostSignatureShare(reader.Ciphersuite, reader.GetScalar(reader.Root, "share"));
    }

    /// <summary>The share as a bare serialized scalar (RFC 9591 SerializeScalar, as the RFC's vectors print it).</summary>
    /// <returns>A new array of <see cref="FrostCiphersuite.ScalarLength"/> bytes.</returns>
    public byte[] ToScalarBytes() => Ciphersuite.Suite.Scalars.Encode(Share);

    /// <summary>Encodes the share in the versioned wire format.</summary>
    /// <returns>The encoding.</returns>
    public byte[] ToBytes() => WireWriter.Encode(FrostMessageType.SignatureShare, Ciphersuite, w => w.WriteScalar(Share));

    /// <summary>Encodes the share as JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => FrostJson.Write(FrostMessageType.SignatureShare, Ciphersuite, w => FrostJson.WriteScalar(w, "share", Ciphersuite, Share));

    /// <summary>True when <paramref name="other"/> is the same share of the same ciphersuite.</summary>
    /// <param name="other">Another share, or null.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(FrostSignatureShare? other) =>
        other is not null && other.Ciphersuite == Ciphersuite && Ciphersuite.Suite.Scalars.Equal(Share, other.Share);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FrostSignatureShare);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Ciphersuite, Convert.ToHexString(ToScalarBytes()));

    /// <inheritdoc/>
    public override string ToString() => $"FrostSignatureShare({Ciphersuite.Name})";
}
