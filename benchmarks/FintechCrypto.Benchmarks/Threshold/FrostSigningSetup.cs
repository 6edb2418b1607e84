using System;
using System.Collections.Generic;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;

namespace FintechCrypto.Benchmarks.Threshold;

/// <summary>
/// One FROST signing session prepared outside the measurement: a trusted-dealer key (RFC 9591 Appendix C), the first
/// t participants as signers, their round-one commitments (§5.1), the signing package, every signature share (§5.2)
/// and the aggregate signature (§5.3), so that each benchmark times exactly one step.
/// </summary>
/// <remarks>
/// Round two consumes its nonces (they are single use). To time it repeatedly, signer 1's nonce scalars are kept here
/// and wrapped in a fresh <see cref="FrostSigningNonces"/> for each call: the same nonces sign the same package, so the
/// same share comes out and nothing leaks; the wrapper costs one small allocation beside the round's scalar
/// multiplications and hashes. Benchmark code only: real signers never reuse nonces.
/// </remarks>
internal sealed class FrostSigningSetup : IDisposable
{
    private readonly FrostTrustedDealerResult _dealt;
    private readonly List<FrostKeyPackage> _signers = new();
    private Scalar _hiding;
    private Scalar _binding;

    public FrostSigningSetup(FrostCiphersuite suite, int threshold, int participants, byte[] message)
    {
        Suite = suite;
        Threshold = threshold;
        Participants = participants;
        Message = message;
        _dealt = FrostTrustedDealer.Generate(suite, threshold, participants);
        for (int i = 0; i < threshold; i++)
        {
            _signers.Add(_dealt.SecretShares[i].ToKeyPackage());
        }

        // Round one for every signer; the nonce scalars are taken out so that round two can be repeated.
        var hiding = new Scalar[threshold];
        var binding = new Scalar[threshold];
        var commitments = new List<KeyValuePair<FrostIdentifier, FrostSigningCommitments>>();
        for (int i = 0; i < threshold; i++)
        {
            (FrostSigningNonces nonces, FrostSigningCommitments c) = FrostParticipant.Commit(_signers[i]);
            (hiding[i], binding[i]) = nonces.Consume();
            commitments.Add(new(_signers[i].Identifier, c));
        }

        FirstSignerCommitments = commitments[0].Value;
        SigningPackage = new FrostSigningPackage(commitments, message);

        var shares = new List<KeyValuePair<FrostIdentifier, FrostSignatureShare>>();
        for (int i = 0; i < threshold; i++)
        {
            var nonces = new FrostSigningNonces(suite, hiding[i], binding[i], commitments[i].Value);
            shares.Add(new(_signers[i].Identifier, FrostParticipant.Sign(SigningPackage, nonces, _signers[i])));
        }

        SignatureShares = shares;
        Signature = FrostCoordinator.Aggregate(SigningPackage, SignatureShares, PublicKeyPackage);
        if (!suite.Verify(GroupPublicKey, message, Signature))
        {
            throw new InvalidOperationException($"The {suite.Name} benchmark signature does not verify.");
        }

        _hiding = hiding[0];
        _binding = binding[0];
        for (int i = 1; i < threshold; i++)
        {
            hiding[i].Clear();
            binding[i].Clear();
        }
    }

    public FrostCiphersuite Suite { get; }

    public int Threshold { get; }

    public int Participants { get; }

    public byte[] Message { get; }

    public FrostPublicKeyPackage PublicKeyPackage => _dealt.PublicKeyPackage;

    public ReadOnlySpan<byte> GroupPublicKey => _dealt.PublicKeyPackage.GroupVerifyingKey.Span;

    /// <summary>Participant 1's key package (a signer).</summary>
    public FrostKeyPackage FirstSigner => _signers[0];

    public FrostSigningCommitments FirstSignerCommitments { get; }

    public FrostSigningPackage SigningPackage { get; }

    public IReadOnlyList<KeyValuePair<FrostIdentifier, FrostSignatureShare>> SignatureShares { get; }

    public byte[] Signature { get; }

    /// <summary>Participant 1's round-one nonces for <see cref="SigningPackage"/>, fresh for one round-two call.</summary>
    public FrostSigningNonces FirstSignerNonces() => new(Suite, _hiding, _binding, FirstSignerCommitments);

    /// <summary>"2-of-3" -> (2, 3).</summary>
    public static (int Threshold, int Participants) ParseShape(string shape)
    {
        string[] parts = shape.Split("-of-");
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        _hiding.Clear();
        _binding.Clear();
        foreach (FrostKeyPackage signer in _signers)
        {
            signer.Dispose();
        }

        _dealt.Dispose();
    }
}
