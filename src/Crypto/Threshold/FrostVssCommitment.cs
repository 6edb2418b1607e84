// FrostVssCommitment: the Feldman commitment to a sharing polynomial, [a_0 B, a_1 B, ..., a_(t-1) B]
// (RFC 9591 Appendix C.2 vss_commitment). Its first element is the group verifying key; evaluated at an
// identifier it gives that participant's verifying share.
//
// References: RFC 9591 Appendix C.2 (vss_commit, vss_verify, derive_group_info); frost-core keys.rs
// VerifiableSecretSharingCommitment.
// Wire format (docs/frost-wire.md): header(type 7) || count t (2 bytes) || t x element (Ne).

using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A verifiable secret sharing commitment (RFC 9591 Appendix C.2): one group element per coefficient of the
/// sharing polynomial, so <see cref="MinSigners"/> elements. Public.
/// </summary>
public sealed class FrostVssCommitment : FrostPublicMessage<FrostVssCommitment>
{
    private readonly GroupElement[] _coefficients;
    private ReadOnlyMemory<byte>[]? _encoded;

    /// <summary>
    /// Builds a commitment from its elements in the ciphersuite's encoding (RFC 9591 Appendix C.2 vss_commitment:
    /// SerializeElement of a_0 B, a_1 B, ..., a_(t-1) B, in that order; frost-core
    /// <c>VerifiableSecretSharingCommitment::deserialize</c>).
    /// </summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="coefficientCommitments">1 to 65535 elements of <see cref="FrostCiphersuite.ElementLength"/> bytes; the
    /// first is the group verifying key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ciphersuite"/>, <paramref name="coefficientCommitments"/> or
    /// one of its entries is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="coefficientCommitments"/> is empty or holds more than 65535
    /// entries.</exception>
    /// <exception cref="FintechCryptoException">An entry is not a valid non-identity element of the ciphersuite's
    /// group.</exception>
    public FrostVssCommitment(FrostCiphersuite ciphersuite, IReadOnlyList<byte[]> coefficientCommitments)
        : this(
            ciphersuite ?? throw Error.ArgumentNull(nameof(ciphersuite)),
            FrostEncoding.DecodeElements(ciphersuite, coefficientCommitments, nameof(coefficientCommitments), "VSS commitment coefficient"))
    {
    }

    private FrostVssCommitment(FrostCiphersuite ciphersuite, GroupElement[] coefficients)
    {
        if (coefficients.Length is 0 or > ushort.MaxValue)
        {
            throw Error.Frost_Count(nameof(coefficients), "coefficients", 1, ushort.MaxValue, coefficients.Length);
        }

        _ciphersuite = ciphersuite;
        _coefficients = coefficients;
    }

    /// <summary>A commitment to decoded elements (the library's own, already checked).</summary>
    internal static FrostVssCommitment Create(FrostCiphersuite ciphersuite, GroupElement[] coefficients) => new(ciphersuite, coefficients);

    /// <summary>The threshold t: the number of coefficients, the fewest signers that can sign.</summary>
    public int MinSigners => _coefficients.Length;

    /// <summary>The group verifying key PK = a_0 B, the commitment's first element (Ne bytes).</summary>
    public ReadOnlyMemory<byte> GroupVerifyingKey => CoefficientCommitments[0];

    /// <summary>
    /// The commitment's elements in the ciphersuite's encoding (<see cref="FrostCiphersuite.ElementLength"/> bytes each),
    /// in coefficient order: what <see cref="FrostVssCommitment(FrostCiphersuite, IReadOnlyList{byte[]})"/> takes.
    /// Encoded once, on first read.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> CoefficientCommitments => _encoded ??= EncodeAll();

    internal ReadOnlySpan<GroupElement> Coefficients => _coefficients;

    internal GroupElement VerifyingKeyElement => _coefficients[0];

    /// <summary>
    /// The verifying share of a participant: the commitment evaluated at its identifier, f(i) B (RFC 9591
    /// Appendix C.2 derive_group_info).
    /// </summary>
    /// <param name="identifier">The participant's identifier.</param>
    /// <returns>The serialized verifying share (Ne bytes).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="identifier"/> belongs to another ciphersuite.</exception>
    /// <exception cref="FintechCryptoException">The share is the identity (possible only for a malicious commitment).</exception>
    public byte[] GetVerifyingShare(FrostIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return Ciphersuite.Suite.Group.SerializeElement(EvaluateAt(identifier));
    }

    internal GroupElement EvaluateAt(FrostIdentifier identifier)
    {
        if (identifier.Ciphersuite != Ciphersuite)
        {
            throw Error.Frost_CiphersuiteMismatch(nameof(identifier), identifier.Ciphersuite.Name, Ciphersuite.Name);
        }

        return Vss.Evaluate(Ciphersuite.Suite.Group, identifier.Scalar, _coefficients);
    }

    /// <inheritdoc/>
    public override string ToString() => $"FrostVssCommitment({Ciphersuite.Name}, {_coefficients.Length} coefficients)";

    private ReadOnlyMemory<byte>[] EncodeAll()
    {
        var encoded = new ReadOnlyMemory<byte>[_coefficients.Length];
        for (int i = 0; i < encoded.Length; i++)
        {
            encoded[i] = Ciphersuite.Suite.Group.SerializeElement(_coefficients[i]);
        }

        return encoded;
    }

    internal override void WriteFields(FrostFieldWriter writer)
        => writer.Elements("coefficients", _coefficients);

    internal static FrostVssCommitment ReadFields(FrostFieldReader reader)
        => new(reader.Ciphersuite, reader.Elements("coefficients"));
}
