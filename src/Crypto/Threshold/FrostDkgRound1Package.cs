// FrostDkgRound1Package: what DKG participant i broadcasts after part 1: the VSS commitment C_i to its secret
// polynomial and the Schnorr proof of knowledge (R_i, mu_i) of the polynomial's constant term (frost-core
// keys/dkg.rs round1::Package).
//
// References: FROST paper (eprint 2020/852) Figure 1, round 1 steps 2-4; frost-core round1::Package,
// compute_proof_of_knowledge; docs/frost-keygen.md §a.
// Wire format: header(type 9) || count t (2 bytes) || t x element (Ne) || R (Ne) || mu (Ns).
// JSON: { header, "commitment": [hex, ...], "proof_of_knowledge": hex(R || mu) }.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A DKG round-1 package: a participant's VSS commitment and its proof of knowledge of the committed secret. It is
/// public, and every participant must receive the same package from each sender: send it over a broadcast channel
/// (or compare packages pairwise, with <see cref="FrostPublicMessage{TSelf}.Equals(TSelf)"/>).
/// </summary>
public sealed class FrostDkgRound1Package : FrostPublicMessage<FrostDkgRound1Package>
{
    private byte[]? _proof;

    internal FrostDkgRound1Package(FrostCiphersuite ciphersuite, GroupElement[] commitment, GroupElement proofR, in Scalar proofMu)
    {
        _ciphersuite = ciphersuite;
        Commitment = FrostVssCommitment.Create(ciphersuite, commitment);
        ProofR = proofR;
        ProofMu = proofMu;
    }

    /// <summary>
    /// The sender's VSS commitment C_i = [a_0 B, ..., a_(t-1) B]; its length is the threshold, and its first element
    /// is the sender's contribution to the group verifying key.
    /// </summary>
    public FrostVssCommitment Commitment { get; }

    /// <summary>The proof of knowledge of a_0, serialized as a Schnorr signature R || mu (Ne + Ns bytes), encoded once.</summary>
    public ReadOnlyMemory<byte> ProofOfKnowledge => _proof ??= EncodeProof();

    internal GroupElement ProofR { get; }

    private byte[] EncodeProof()
    {
        byte[] proof = new byte[Ciphersuite.SignatureLength];
        Ciphersuite.Suite.Group.SerializeElement(ProofR, proof.AsSpan(0, Ciphersuite.ElementLength));
        Ciphersuite.Suite.Scalars.Encode(ProofMu, proof.AsSpan(Ciphersuite.ElementLength));
        return proof;
    }

    internal Scalar ProofMu { get; }

    /// <inheritdoc/>
    public override string ToString() => $"FrostDkgRound1Package({Ciphersuite.Name}, threshold {Commitment.MinSigners})";

    /// <summary>The commitment's elements, in a new array.</summary>
    internal GroupElement[] CommitmentElements => [.. Commitment.Coefficients];

    internal override void WriteFields(FrostFieldWriter writer)
    {
        writer.Elements("commitment", Commitment.Coefficients);
        writer.Proof("proof_of_knowledge", ProofR, ProofMu);
    }

    internal static FrostDkgRound1Package ReadFields(FrostFieldReader reader)
    {
        GroupElement[] commitment = reader.Elements("commitment");
        GroupElement r = reader.Proof("proof_of_knowledge", out Scalar mu);
        return commitment.Length >= 2
            ? new(reader.Ciphersuite, commitment, r, mu)
            : throw reader.Malformed("the commitment must have at least two elements (a threshold of at least 2)");
    }
}
