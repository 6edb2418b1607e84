// FrostDkgRound1SecretPackage: what a DKG participant keeps between part 1 and part 2: its identifier, the signer
// counts and the coefficients of its secret polynomial (frost-core keys/dkg.rs round1::SecretPackage). The same type
// carries the state of a DKG share refresh (frost-core refresh_dkg_part1), whose constant term is zero.
//
// References: FROST paper (eprint 2020/852) Figure 1, round 1; frost-core round1::SecretPackage; docs/frost-keygen.md.
// Wire format: header(type 8) || purpose (1 byte: 0 DKG, 1 refresh) || identifier (Ns) || min signers (2 bytes) ||
//   max signers (2 bytes) || coefficients (Ns each): a_0..a_(t-1) for a DKG, a_1..a_(t-1) for a refresh (a_0 = 0).
// JSON: { header, "purpose": "dkg" | "refresh", "identifier", "min_signers", "max_signers", "coefficients": [hex] }.
// The commitment is not stored: it is recomputed from the coefficients when the package is decoded.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Keys;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Threshold;

/// <summary>
/// A DKG participant's secret state between <see cref="FrostDkg.Part1"/> and <see cref="FrostDkg.Part2"/> (or
/// between <see cref="FrostRefresh.DkgPart1"/> and <see cref="FrostRefresh.DkgPart2"/>): the coefficients of its
/// secret polynomial. Save it with <see cref="FrostMessage{TSelf}.ToBytes"/> to run the parts in different processes.
/// </summary>
/// <remarks>
/// SECRET: the coefficients determine this participant's contribution to the group key. Never send the package or
/// its encodings to anyone; store them encrypted; dispose the package after part 2. <see cref="FrostDkgSecretPackage{TSelf}.ToString"/> never
/// shows the coefficients.
/// </remarks>
public sealed class FrostDkgRound1SecretPackage : FrostDkgSecretPackage<FrostDkgRound1SecretPackage>
{
    private readonly SecretBytes _coefficients; // every coefficient a_0..a_(t-1), Ns bytes each
    private readonly GroupElement[] _commitment;

    internal FrostDkgRound1SecretPackage(FrostIdentifier identifier, KeyGenPurpose purpose, ReadOnlySpan<Scalar> coefficients, GroupElement[] commitment, int minSigners, int maxSigners)
        : base(new KeyGenStateHeader(purpose, identifier, minSigners, maxSigners))
    {
        _commitment = commitment;
        ScalarField field = identifier.Ciphersuite.Suite.Scalars;
        _coefficients = new SecretBytes(coefficients.Length * field.Length);
        for (int k = 0; k < coefficients.Length; k++)
        {
            field.Encode(coefficients[k], _coefficients.Span.Slice(k * field.Length, field.Length));
        }
    }

    /// <summary>Clears the coefficients.</summary>
    public override void Dispose() => _coefficients.Dispose();

    /// <summary>The commitment [a_0 B, ..., a_(t-1) B], whole (element 0 is the identity for a refresh); not to be changed.</summary>
    internal GroupElement[] CommitmentElements => _commitment;

    /// <summary>The coefficients a_0..a_(t-1), decoded; the caller clears them.</summary>
    /// <exception cref="ObjectDisposedException">The package was disposed.</exception>
    internal Scalar[] GetCoefficients()
    {
        ScalarField field = Ciphersuite.Suite.Scalars;
        using SecretLease lease = _coefficients.Lease(this);
        ReadOnlySpan<byte> bytes = _coefficients.Span;
        var coefficients = new Scalar[MinSigners];
        for (int k = 0; k < coefficients.Length; k++)
        {
            coefficients[k] = field.Decode(bytes.Slice(k * field.Length, field.Length), "polynomial coefficient");
        }

        return coefficients;
    }

    // The coefficients the encodings carry: all of them for a DKG, all but the zero constant term for a refresh.
    // Read under a lease on _coefficients only.
    private ReadOnlySpan<byte> StoredCoefficients()
    {
        ReadOnlySpan<byte> all = _coefficients.Span;
        return Purpose == KeyGenPurpose.Dkg ? all : all[Ciphersuite.ScalarLength..];
    }

    // Rebuilds the package from decoded coefficients: checks the constant term and recomputes the commitment.
    private static FrostDkgRound1SecretPackage Create(KeyGenStateHeader header, Scalar[] stored, FrostFieldReader reader)
    {
        FrostSuite suite = header.Identifier.Ciphersuite.Suite;
        Scalar[] coefficients = header.Purpose == KeyGenPurpose.Dkg ? stored : [suite.Scalars.Zero, .. stored];
        try
        {
            if (header.Purpose == KeyGenPurpose.Dkg && suite.Scalars.IsZero(coefficients[0]))
            {
                throw reader.Malformed("the DKG secret (coefficient 0) is zero");
            }

            for (int k = 1; k < coefficients.Length; k++)
            {
                if (suite.Scalars.IsZero(coefficients[k]))
                {
                    throw reader.Malformed("a polynomial coefficient is zero, so its commitment would be the identity");
                }
            }

            GroupElement[] commitment = Vss.Commit(suite.Group, coefficients);
            return new FrostDkgRound1SecretPackage(header.Identifier, header.Purpose, coefficients, commitment, header.MinSigners, header.MaxSigners);
        }
        finally
        {
            Array.Clear(coefficients);
        }
    }

    internal override void WriteFields(FrostFieldWriter writer)
    {
        using SecretLease lease = _coefficients.Lease(this); // throws when disposed, before any output
        Header.Write(writer);
        writer.SecretScalars("coefficients", StoredCoefficients());
    }

    internal static FrostDkgRound1SecretPackage ReadFields(FrostFieldReader reader)
    {
        KeyGenStateHeader header = KeyGenStateHeader.Read(reader);
        var coefficients = new Scalar[header.StoredCount];
        try
        {
            reader.SecretScalars("coefficients", coefficients);
            return Create(header, coefficients, reader);
        }
        finally
        {
            Array.Clear(coefficients);
        }
    }
}
