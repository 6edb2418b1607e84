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
public sealed class FrostRefreshRound1Package : IEquatable<FrostRefreshRound1Package>
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
    public static FrostRefreshRound1Package FromBytes(ReadOnlySpan<byte> encoded)
    {
        var reader = new WireReader(encoded, FrostMessageType.RefreshRound1Package, What);
        GroupElement[] commitment = FrostVssCommitment.ReadCoefficients(ref reader);
        reader.End();
        if (commitment.Length >= ushort.MaxValue)
        {
            throw reader.Malformed("the threshold would exceed 65535");
        }

        return new FrostRefreshRound1Package(reader.Ciphersuite, commitment);
    }

    /// <summary>Decodes a package from its JSON form.</summary>
    /// <param name="json">The text <see cref="ToJson"/> produced.</param>
    /// <returns>The package.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The JSON is malformed.</exception>
    public static FrostRefreshRound1Package FromJson(string json)
    {
        using var reader = new FrostJson.Reader(json, FrostMessageType.RefreshRound1Package, What, "commitment");
        GroupElement[] commitment = reader.GetElements(reader.Root, "commitment");
        if (commitment.Length >= ushort.MaxValue)
        {
            throw reader.Malformed("the threshold would exceed 65535");
        }

        return new FrostRefreshRound1Package(reader.Ciphersuite, commitment);
    }

    /// <summary>Encodes the package in the versioned wire format.</summary>
    /// <returns>The encoding.</returns>
    public byte[] ToBytes() => WireWriter.Encode(FrostMessageType.RefreshRound1Package, Ciphersuite, w => w.WriteElements(Commitment.Coefficients));

    /// <summary>Encodes the package as JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => FrostJson.Write(FrostMessageType.RefreshRound1Package, Ciphersuite, w =>
        FrostJson.WriteElements(w, "commitment", Ciphersuite, Commitment.Coefficients));

    /// <summary>True when <paramref name="other"/> holds the same commitment.</summary>
    /// <param name="other">Another package, or null.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(FrostRefreshRound1Package? other) => other is not null && other.Commitment.Equals(Commitment);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FrostRefreshRound1Package);

    /// <inheritdoc/>
    public override int GetHashCode() => Commitment.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => $"FrostRefreshRound1Package({Ciphersuite.Name}, threshold {MinSigners})";

    /// <summary>The internal message: the identity put back in front of the commitment; no proof.</summary>
    internal DkgRound1Broadcast ToInternal() =>
        new([Ciphersuite.Suite.Group.Identity, .. Commitment.Coefficients], null, Ciphersuite.Suite.Scalars.Zero);
}
