// FrostPublicKeyPackage: the public keys of a FROST group: each participant's verifying share PK_i and the group
// verifying key PK, plus the threshold (RFC 9591 Appendix C.2 derive_group_info output; frost-core keys.rs
// PublicKeyPackage). The coordinator needs it to verify signature shares (§5.4) and aggregate (§5.3).
//
// References: RFC 9591 §5.3, §5.4, Appendix C.2; frost-core PublicKeyPackage.
// Wire format (docs/frost-wire.md): header(type 6) || count (2 bytes) || count x (identifier (Ns) || verifying share
//   (Ne)), ascending identifiers || group verifying key (Ne) || min signers (2 bytes).

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// The public key material of a FROST group: every participant's verifying share, the group verifying key, and
/// the threshold. Public: give it to the coordinator and to verifiers.
/// </summary>
public sealed class FrostPublicKeyPackage : FrostPublicMessage<FrostPublicKeyPackage>
{
    private readonly IdentifierMap<GroupElement> _verifyingShares;
    private byte[]? _verifyingKey;

    /// <summary>
    /// Builds a public key package from its encodings (frost-core <c>PublicKeyPackage::new</c>): each participant's
    /// verifying share PK_i and the group verifying key PK as the ciphersuite serializes an element (RFC 9591
    /// SerializeElement), and the threshold.
    /// </summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="verifyingShares">1 to 65535 participants' verifying shares (<see cref="FrostCiphersuite.ElementLength"/>
    /// bytes each), by identifier; any order.</param>
    /// <param name="verifyingKey">The group verifying key PK (<see cref="FrostCiphersuite.ElementLength"/> bytes).</param>
    /// <param name="minSigners">The threshold, from 2 to the number of participants.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ciphersuite"/>, <paramref name="verifyingShares"/> or one of
    /// its keys or values is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="verifyingShares"/> is empty, holds more than 65535 entries, or
    /// an identifier of another ciphersuite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minSigners"/> is below 2 or above the number of
    /// participants.</exception>
    /// <exception cref="FintechCryptoException">A verifying share or the verifying key is not a valid non-identity element
    /// of the ciphersuite's group.</exception>
    public FrostPublicKeyPackage(FrostCiphersuite ciphersuite, IReadOnlyDictionary<FrostIdentifier, byte[]> verifyingShares, ReadOnlySpan<byte> verifyingKey, int minSigners)
    {
        ArgumentNullException.ThrowIfNull(ciphersuite);
        ArgumentNullException.ThrowIfNull(verifyingShares);
        if (verifyingShares.Count is 0 or > ushort.MaxValue)
        {
            throw Error.Frost_Count(nameof(verifyingShares), "verifying shares", 1, ushort.MaxValue, verifyingShares.Count);
        }

        if (minSigners < 2 || minSigners > verifyingShares.Count)
        {
            throw Error.ArgumentOutOfRange(nameof(minSigners), "the threshold is from 2 to the number of participants");
        }

        var identifiers = new FrostIdentifier[verifyingShares.Count];
        var encodedShares = new byte[verifyingShares.Count][];
        int n = 0;
        foreach (KeyValuePair<FrostIdentifier, byte[]> pair in verifyingShares)
        {
            FrostIdentifier identifier = pair.Key ?? throw Error.ArgumentNull(nameof(verifyingShares));
            FrostEncoding.RequireCiphersuite(ciphersuite, identifier.Ciphersuite, nameof(verifyingShares));
            identifiers[n] = identifier;
            encodedShares[n++] = pair.Value ?? throw Error.ArgumentNull(nameof(verifyingShares));
        }

        IdentifierMap.SortDistinct(
            identifiers, encodedShares, static id => Error.Frost_Argument(nameof(verifyingShares), $"The identifier {id} appears twice in the verifying shares."));

        var shares = new GroupElement[identifiers.Length];
        for (int i = 0; i < shares.Length; i++)
        {
            shares[i] = FrostEncoding.DecodeElement(ciphersuite, encodedShares[i], $"verifying share of participant {identifiers[i]}");
        }

        _ciphersuite = ciphersuite;
        _verifyingShares = new IdentifierMap<GroupElement>(identifiers, shares);
        VerifyingKeyElement = FrostEncoding.DecodeElement(ciphersuite, verifyingKey, "group verifying key");
        MinSigners = minSigners;
    }

    internal FrostPublicKeyPackage(FrostCiphersuite ciphersuite, FrostIdentifier[] sortedIdentifiers, GroupElement[] verifyingShares, GroupElement verifyingKey, int minSigners)
        : this(
            ciphersuite,
            sortedIdentifiers.Length == verifyingShares.Length
                ? new IdentifierMap<GroupElement>(sortedIdentifiers, verifyingShares)
                : throw Error.Frost_Count(nameof(verifyingShares), "verifying shares, one per identifier", 1, ushort.MaxValue, verifyingShares.Length),
            verifyingKey,
            minSigners)
    {
    }

    private FrostPublicKeyPackage(FrostCiphersuite ciphersuite, IdentifierMap<GroupElement> verifyingShares, GroupElement verifyingKey, int minSigners)
    {
        if (verifyingShares.Count is 0 or > ushort.MaxValue)
        {
            throw Error.Frost_Count(nameof(verifyingShares), "verifying shares, one per identifier", 1, ushort.MaxValue, verifyingShares.Count);
        }

        if (minSigners < 2 || minSigners > verifyingShares.Count)
        {
            throw Error.ArgumentOutOfRange(nameof(minSigners), "the threshold is from 2 to the number of participants");
        }

        _ciphersuite = ciphersuite;
        _verifyingShares = verifyingShares;
        VerifyingKeyElement = verifyingKey;
        MinSigners = minSigners;
    }

    /// <summary>The participants' identifiers in ascending order.</summary>
    public IReadOnlyList<FrostIdentifier> Identifiers => _verifyingShares.Identifiers;

    /// <summary>The threshold: the fewest signers whose shares make a signature.</summary>
    public int MinSigners { get; }

    /// <summary>The number of participants.</summary>
    public int MaxSigners => _verifyingShares.Count;

    /// <summary>The group verifying key PK (Ne bytes).</summary>
    public ReadOnlyMemory<byte> GroupVerifyingKey => _verifyingKey ??= Ciphersuite.Suite.Group.SerializeElement(VerifyingKeyElement);

    internal GroupElement VerifyingKeyElement { get; }

    /// <summary>The verifying share PK_i of one participant.</summary>
    /// <param name="identifier">The participant's identifier.</param>
    /// <returns>The serialized verifying share (Ne bytes), or null when the identifier is not in the group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is null.</exception>
    public byte[]? GetVerifyingShare(FrostIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        GroupElement? share = FindVerifyingShare(identifier);
        return share is null ? null : Ciphersuite.Suite.Group.SerializeElement(share);
    }

    /// <summary>Verifies a group signature on a message under <see cref="GroupVerifyingKey"/>.</summary>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The signature R || z.</param>
    /// <returns>True when the signature is valid.</returns>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        SchnorrVerification.Verify(Ciphersuite.Suite, VerifyingKeyElement, message, signature);

    internal GroupElement? FindVerifyingShare(FrostIdentifier identifier)
    {
        int index = _verifyingShares.IndexOf(identifier);
        return index >= 0 ? _verifyingShares[index] : null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"FrostPublicKeyPackage({Ciphersuite.Name}, {MinSigners} of {MaxSigners})";

    internal override void WriteFields(FrostFieldWriter writer)
    {
        _verifyingShares.Write(writer, "verifying_shares", static (writer, share) => writer.Element("verifying_share", share));
        writer.Element("verifying_key", VerifyingKeyElement);
        writer.Count("min_signers", MinSigners);
    }

    internal static FrostPublicKeyPackage ReadFields(FrostFieldReader reader)
    {
        IdentifierMap<GroupElement> shares = IdentifierMap.Read(reader, "verifying_shares", static (reader, _) => reader.Element("verifying_share"));
        GroupElement verifyingKey = reader.Element("verifying_key");
        int minSigners = reader.Count("min_signers");
        shares.RequireAscending(reader, "it lists no participants");
        return minSigners >= 2 && minSigners <= shares.Count
            ? new FrostPublicKeyPackage(reader.Ciphersuite, shares, verifyingKey, minSigners)
            : throw reader.Malformed("the threshold must be from 2 to the number of participants");
    }
}
