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
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Keys;

namespace FintechCrypto.Threshold;

/// <summary>
/// A DKG participant's secret state between <see cref="FrostDkg.Part2"/> and <see cref="FrostDkg.Part3"/> (or
/// between <see cref="FrostRefresh.DkgPart2"/> and <see cref="FrostRefresh.DkgPart3"/>): its share of its own
/// polynomial and its commitment. Save it with <see cref="FrostMessage{TSelf}.ToBytes"/> to run the parts in different processes.
/// </summary>
/// <remarks>
/// SECRET: the share is part of this participant's future signing share. Never send the package or its encodings to
/// anyone; store them encrypted; dispose the package after part 3. <see cref="FrostDkgSecretPackage{TSelf}.ToString"/> never shows the share.
/// </remarks>
public sealed class FrostDkgRound2SecretPackage : FrostDkgSecretPackage<FrostDkgRound2SecretPackage>
{
    private readonly SecretScalar _ownShare;
    private readonly GroupElement[] _commitment; // whole: element 0 is the identity for a refresh

    internal FrostDkgRound2SecretPackage(FrostIdentifier identifier, KeyGenPurpose purpose, GroupElement[] commitment, in Scalar ownShare, int minSigners, int maxSigners)
        : base(new KeyGenStateHeader(purpose, identifier, minSigners, maxSigners))
    {
        _commitment = commitment;
        _ownShare = new SecretScalar(identifier.Ciphersuite.Suite.Scalars, ownShare, this);
    }

    /// <summary>Clears the share.</summary>
    public override void Dispose() => _ownShare.Dispose();

    /// <summary>The commitment [a_0 B, ..., a_(t-1) B], whole (element 0 is the identity for a refresh); not to be changed.</summary>
    internal GroupElement[] CommitmentElements => _commitment;

    /// <summary>f_i(i), this participant's share of its own polynomial; the caller clears it.</summary>
    /// <exception cref="ObjectDisposedException">The package was disposed.</exception>
    internal Scalar GetOwnShare() => _ownShare.Get();

    private ReadOnlySpan<GroupElement> StoredCommitment() => Purpose == KeyGenPurpose.Dkg ? _commitment : _commitment.AsSpan(1);

    private static FrostDkgRound2SecretPackage Create(KeyGenStateHeader header, GroupElement[] stored, in Scalar share, FrostFieldReader reader)
    {
        if (stored.Length != header.StoredCount)
        {
            throw reader.Malformed($"the commitment must hold {header.StoredCount} elements for a threshold of {header.MinSigners}");
        }

        GroupElement[] commitment = header.Purpose == KeyGenPurpose.Dkg ? stored : [header.Identifier.Ciphersuite.Suite.Group.Identity, .. stored];
        return new FrostDkgRound2SecretPackage(header.Identifier, header.Purpose, commitment, share, header.MinSigners, header.MaxSigners);
    }

    internal override void WriteFields(FrostFieldWriter writer)
    {
        Header.Write(writer);
        writer.SecretScalar("secret_share", _ownShare);
        writer.Elements("commitment", StoredCommitment());
    }

    internal static FrostDkgRound2SecretPackage ReadFields(FrostFieldReader reader)
    {
        KeyGenStateHeader header = KeyGenStateHeader.Read(reader);
        Scalar share = reader.Scalar("secret_share");
        try
        {
            return Create(header, reader.Elements("commitment"), share, reader);
        }
        finally
        {
            share.Clear();
        }
    }
}
