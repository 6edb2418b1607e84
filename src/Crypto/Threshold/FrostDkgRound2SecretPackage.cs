// FrostDkgRound2SecretPackage: what a DKG participant keeps between part 2 and part 3: its identifier, its own
// commitment, the share f_i(i) of its own polynomial and the signer counts (frost-core keys/dkg.rs
// round2::SecretPackage). The same type carries the state of a DKG share refresh (frost-core refresh_dkg_part2).
//
// References: FROST paper (eprint 2020/852) Figure 1, round 2; frost-core round2::SecretPackage; docs/frost-keygen.md.
// Wire format: header(type 10) || purpose (1 byte: 0 DKG, 1 refresh) || identifier (Ns) || min signers (2 bytes) ||
//   max signers (2 bytes) || f_i(i) (Ns) || count c (2 bytes) || c x element (Ne): the commitment, all t elements
//   for a DKG, elements 1..t-1 for a refresh (element 0 is the identity).
// JSON: { header, "purpose", "identifier", "min_signers", "max_signers", "secret_share", "commitment": [hex] }.

using System;
using System.Security.Cryptography;
using FintechCrypto.Groups;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Keys;

namespace FintechCrypto.Threshold;

/// <summary>
/// A DKG participant's secret state between <see cref="FrostDkg.Part2"/> and <see cref="FrostDkg.Part3"/> (or
/// between <see cref="FrostRefresh.DkgPart2"/> and <see cref="FrostRefresh.DkgPart3"/>): its share of its own
/// polynomial and its commitment. Save it with <see cref="ToBytes"/> to run the parts in different processes.
/// </summary>
/// <remarks>
/// SECRET: the share is part of this participant's future signing share. Never send the package or its encodings to
/// anyone; store them encrypted; dispose the package after part 3. <see cref="ToString"/> never shows the share.
/// </remarks>
public sealed class FrostDkgRound2SecretPackage : IDisposable
{
    private const string What = "FROST DKG round-2 secret package";
    private readonly SecretScalar _ownShare;
    private readonly GroupElement[] _commitment; // whole: element 0 is the identity for a refresh

    internal FrostDkgRound2SecretPackage(FrostIdentifier identifier, KeyGenPurpose purpose, GroupElement[] commitment, in Scalar ownShare, int minSigners, int maxSigners)
    {
        Identifier = identifier;
        Purpose = purpose;
        MinSigners = minSigners;
        MaxSigners = maxSigners;
        _commitment = commitment;
        _ownShare = new SecretScalar(identifier.Ciphersuite.Suite.Scalars, ownShare);
    }

    /// <summary>The ciphersuite.</summary>
    public FrostCiphersuite Ciphersuite => Identifier.Ciphersuite;

    /// <summary>This participant's identifier.</summary>
    public FrostIdentifier Identifier { get; }

    /// <summary>The threshold t.</summary>
    public int MinSigners { get; }

    /// <summary>The number of participants n.</summary>
    public int MaxSigners { get; }

    /// <summary>True for the state of a share refresh (<see cref="FrostRefresh.DkgPart2"/>), false for a DKG.</summary>
    public bool IsRefresh => Purpose == KeyGenPurpose.Refresh;

    internal KeyGenPurpose Purpose { get; }

    /// <summary>Decodes a secret package from its wire format.</summary>
    /// <param name="encoded">The bytes <see cref="ToBytes"/> produced.</param>
    /// <returns>The secret package.</returns>
    /// <exception cref="FintechCryptoException">The bytes are malformed or the counts are inconsistent.</exception>
    public static FrostDkgRound2SecretPackage FromBytes(ReadOnlySpan<byte> encoded)
    {
        var reader = new WireReader(encoded, FrostMessageType.DkgRound2SecretPackage, What);
        KeyGenPurpose purpose = FrostDkgRound1SecretPackage.ReadPurpose(reader.ReadByte(), Malformed);
        FrostIdentifier identifier = reader.ReadIdentifier();
        int minSigners = reader.ReadUInt16();
        int maxSigners = reader.ReadUInt16();
        FrostDkgRound1SecretPackage.CheckCounts(minSigners, maxSigners, Malformed);
        Scalar share = reader.ReadScalar("secret share");
        try
        {
            GroupElement[] stored = FrostVssCommitment.ReadCoefficients(ref reader);
            reader.End();
            return Create(identifier, purpose, stored, share, minSigners, maxSigners, Malformed);
        }
        finally
        {
            share.Clear();
        }
    }

    /// <summary>Decodes a secret package from its JSON form.</summary>
    /// <param name="json">The text <see cref="ToJson"/> produced.</param>
    /// <returns>The secret package.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FintechCryptoException">The JSON is malformed or the counts are inconsistent.</exception>
    public static FrostDkgRound2SecretPackage FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new FrostJson.Reader(json, FrostMessageType.DkgRound2SecretPackage, What);
        reader.ExpectProperties(reader.Root, "version", "type", "ciphersuite", "purpose", "identifier", "min_signers", "max_signers", "secret_share", "commitment");
        KeyGenPurpose purpose = FrostDkgRound1SecretPackage.ReadPurpose(reader.GetString(reader.Root, "purpose"), reader.Malformed);
        FrostIdentifier identifier = reader.GetIdentifier(reader.Root, "identifier");
        int minSigners = reader.GetInt(reader.Root, "min_signers", 0, ushort.MaxValue);
        int maxSigners = reader.GetInt(reader.Root, "max_signers", 0, ushort.MaxValue);
        FrostDkgRound1SecretPackage.CheckCounts(minSigners, maxSigners, reader.Malformed);
        GroupElement[] stored = FrostDkgRound1Package.ReadElements(reader, reader.Root, "commitment");
        Scalar share = reader.GetScalar(reader.Root, "secret_share");
        try
        {
            return Create(identifier, purpose, stored, share, minSigners, maxSigners, reader.Malformed);
        }
        finally
        {
            share.Clear();
        }
    }

    /// <summary>
    /// Encodes the secret package in the versioned wire format, to resume the DKG later. The result is SECRET: store
    /// it encrypted, never send it, and clear it (<see cref="CryptographicOperations.ZeroMemory"/>) after use.
    /// </summary>
    /// <returns>The encoding.</returns>
    /// <exception cref="ObjectDisposedException">The package was disposed.</exception>
    public byte[] ToBytes()
    {
        Scalar share = _ownShare.Get();
        try
        {
            using var writer = new WireWriter(FrostMessageType.DkgRound2SecretPackage, Ciphersuite);
            writer.WriteByte((byte)Purpose);
            writer.WriteIdentifier(Identifier);
            writer.WriteUInt16(MinSigners);
            writer.WriteUInt16(MaxSigners);
            writer.WriteScalar(share);
            ReadOnlySpan<GroupElement> stored = StoredCommitment();
            writer.WriteUInt16(stored.Length);
            foreach (GroupElement element in stored)
            {
                writer.WriteElement(element);
            }

            return writer.ToArray();
        }
        finally
        {
            share.Clear();
        }
    }

    /// <summary>
    /// Encodes the secret package as JSON. The string is SECRET and cannot be cleared from memory: prefer
    /// <see cref="ToBytes"/>.
    /// </summary>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ObjectDisposedException">The package was disposed.</exception>
    public string ToJson()
    {
        byte[] share = GC.AllocateArray<byte>(Ciphersuite.ScalarLength, pinned: true);
        try
        {
            _ownShare.CopyTo(share);
            return FrostJson.Write(FrostMessageType.DkgRound2SecretPackage, Ciphersuite, w =>
            {
                w.WriteString("purpose", FrostDkgRound1SecretPackage.PurposeName(Purpose));
                FrostJson.WriteHex(w, "identifier", Identifier.Encoded);
                w.WriteNumber("min_signers", MinSigners);
                w.WriteNumber("max_signers", MaxSigners);
                FrostJson.WriteHex(w, "secret_share", share);
                FrostDkgRound1Package.WriteElements(w, "commitment", Ciphersuite, StoredCommitment());
            });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(share);
        }
    }

    /// <summary>Clears the share.</summary>
    public void Dispose() => _ownShare.Dispose();

    /// <summary>A description without the secret.</summary>
    /// <returns>The type, suite, participant and counts.</returns>
    public override string ToString() =>
        $"FrostDkgRound2SecretPackage({Ciphersuite.Name}, participant {Identifier}, {MinSigners} of {MaxSigners}{(IsRefresh ? ", refresh" : "")}, <redacted>)";

    /// <summary>The internal state; the caller clears it (<see cref="DkgRound2Secret.Clear"/>).</summary>
    /// <exception cref="ObjectDisposedException">The package was disposed.</exception>
    internal DkgRound2Secret ToInternal()
    {
        Scalar share = _ownShare.Get();
        try
        {
            return new DkgRound2Secret(Identifier.Scalar, (GroupElement[])_commitment.Clone(), share, MinSigners, MaxSigners);
        }
        finally
        {
            share.Clear();
        }
    }

    private static FintechCryptoException Malformed(string reason) => new($"The {What} is malformed: {reason}.");

    private ReadOnlySpan<GroupElement> StoredCommitment() => Purpose == KeyGenPurpose.Dkg ? _commitment : _commitment.AsSpan(1);

    private static FrostDkgRound2SecretPackage Create(
        FrostIdentifier identifier, KeyGenPurpose purpose, GroupElement[] stored, in Scalar share, int minSigners, int maxSigners, Func<string, FintechCryptoException> malformed)
    {
        int expected = purpose == KeyGenPurpose.Dkg ? minSigners : minSigners - 1;
        if (stored.Length != expected)
        {
            throw malformed($"the commitment must hold {expected} elements for a threshold of {minSigners}");
        }

        GroupElement[] commitment = purpose == KeyGenPurpose.Dkg ? stored : [identifier.Ciphersuite.Suite.Group.Identity, .. stored];
        return new FrostDkgRound2SecretPackage(identifier, purpose, commitment, share, minSigners, maxSigners);
    }
}
