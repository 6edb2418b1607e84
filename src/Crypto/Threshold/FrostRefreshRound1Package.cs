// FrostRefreshRound1Package: what a participant of a DKG share refresh broadcasts after part 1: the commitment to
// its polynomial g_i with g_i(0) = 0, without element 0 (the identity, which has no encoding) (frost-core
// keys/refresh.rs refresh_dkg_part1, whose round1::Package holds the same commitment).
//
// References: frost-core refresh_dkg_part1, refresh_dkg_part2; docs/frost-keygen.md §c. frost-core also attaches a
// "proof of knowledge" that cannot verify and that it never checks; it is left out here.
// Wire format: header(type 12) || count t - 1 (2 bytes) || (t - 1) x element (Ne).
// JSON: { header, "commitment": [hex, ...] }.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Keys;

namespace FintechCrypto.Threshold;

/// <summary>
/// A round-1 package of a DKG share refresh (<see cref="FrostRefresh.DkgPart1"/>): the commitment
/// [a_1 B, ..., a_(t-1) B] to the sender's sharing of zero (its constant term is zero, so element 0 is left out).
/// Public; every participant must receive the same package from each sender (broadcast).
/// </summary>
public sealed class FrostRefreshRound1Package : IEquatable<FrostRefreshRound1Package>, IFrostMessage<FrostRefreshRound1Package>
{
    private const string What = "FROST refresh round-1 package";

    internal FrostRefreshRound1Package(FrostCiphersuite ciphersuite, GroupElement[] nonConstantCommitment)
    {
        Ciphersuite = ciphersuite;
        Commitment = FrostVssCommitment.Create(ciphersuite, nonConstantCommitment);
    }

    /// <summary>The ciphersuite.</summary>
    public FrostCiphersuite Ciphersuite { get; }

    /// <summary>
    /// The commitments to coefficients 1..t-1 of the sender's sharing of zero (t - 1 elements; the commitment to the
    /// zero constant term, the identity, is implicit).
    /// </summary>
    public FrostVssCommitment Commitment { get; }

    /// <summary>The threshold t of the refresh: one more than the number of commitment elements.</summary>
    public int MinSigners => Commitment.MinSigners + 1;

    /// <summary>Decodes a package from its wire format.</summary>
    /// <param name="encoded">The bytes <see cref="ToBytes"/> produced.</param>
    /// <returns>The package.</returns>
    /// <exception cref="FintechCryptoException">The bytes are malformed.</exception>
    public static FrostRefreshRound1Package FromBytes(ReadOnlySpan<byte> encoded) => FrostCodec.FromBytes<FrostRefreshRound1Package>(encoded);

    /// <summary>Decodes a package from its JSON form.</summary>
    /// <param name="json">The text <see cref="ToJson"/> produced.</param>
    /// <returns>The package.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The JSON is malformed.</exception>
    public static FrostRefreshRound1Package FromJson(string json) => FrostCodec.FromJson<FrostRefreshRound1Package>(json);

    /// <summary>Encodes the package in the versioned wire format.</summary>
    /// <returns>The encoding.</returns>
    public byte[] ToBytes() => FrostCodec.ToBytes(this);

    /// <summary>Encodes the package as JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => FrostCodec.ToJson(this);

    /// <summary>True when <paramref name="other"/> holds the same commitment.</summary>
    /// <param name="other">Another package, or null.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(FrostRefreshRound1Package? other) => FrostCodec.FieldsEqual(this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FrostRefreshRound1Package);

    /// <inheritdoc/>
    public override int GetHashCode() => FrostCodec.FieldsHash(this);

    /// <inheritdoc/>
    public override string ToString() => $"FrostRefreshRound1Package({Ciphersuite.Name}, threshold {MinSigners})";

    /// <summary>The internal message: the identity put back in front of the commitment; no proof.</summary>
    internal DkgRound1Broadcast ToInternal() =>
        new([Ciphersuite.Suite.Group.Identity, .. Commitment.Coefficients], null, Ciphersuite.Suite.Scalars.Zero);

    static FrostMessageType IFrostMessage<FrostRefreshRound1Package>.MessageType => FrostMessageType.RefreshRound1Package;

    static string IFrostMessage<FrostRefreshRound1Package>.What => What;

    void IFrostMessage.WriteFields(FrostFieldWriter writer)
        => writer.Elements("commitment", Commitment.Coefficients);

    static FrostRefreshRound1Package IFrostMessage<FrostRefreshRound1Package>.ReadFields(FrostFieldReader reader)
    {
        GroupElement[] commitment = reader.Elements("commitment");
        return commitment.Length < ushort.MaxValue
            ? new(reader.Ciphersuite, commitment)
            : throw reader.Malformed("the threshold would exceed 65535");
    }
}
