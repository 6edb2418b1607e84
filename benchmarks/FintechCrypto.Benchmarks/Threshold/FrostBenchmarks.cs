using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FintechCrypto.Threshold;

namespace FintechCrypto.Benchmarks.Threshold;

/// <summary>
/// FROST (RFC 9591) for every ciphersuite the library lists (a suite added to <see cref="FrostCiphersuite.All"/> is
/// measured without a change here), in the shapes 2-of-3 and 7-of-10, on the 1 KiB pacs.008 message:
/// trusted-dealer key generation (Appendix C, all n shares and the VSS commitment), round one for one participant
/// (§5.1 commit), round two for one participant (§5.2 sign, with t signers in the package), aggregation by the
/// coordinator with every share verified (§5.3, §5.4), and verification of the group signature.
/// </summary>
/// <remarks>
/// BouncyCastle has no FROST, so these have no in-run baseline; <see cref="FrostEd25519ComparisonBenchmarks"/> puts
/// FROST(Ed25519) 2-of-3 beside one Ed25519 verification, and the two Ed25519 implementations side by side.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class FrostBenchmarks
{
    private readonly byte[] _message = Iso20022Message.Create();
    private FrostSigningSetup _setup = null!;
    private FrostCiphersuite _suite = null!;
    private SigningKey _ed25519 = null!;
    private VerificationKey _ed25519Public = null!;
    private byte[] _ed25519Signature = null!;
    private readonly byte[] _signatureBuffer = new byte[64];
    private int _threshold;
    private int _participants;

    /// <summary>The RFC 9591 context strings of the library's suites.</summary>
    public static IEnumerable<string> SuiteNames() => FrostCiphersuite.All.Select(s => s.Name);

    [ParamsSource(nameof(SuiteNames))]
    public string Suite { get; set; } = "FROST-ED25519-SHA512-v1";

    [Params("2-of-3", "7-of-10")]
    public string Shape { get; set; } = "2-of-3";

    [GlobalSetup]
    public void Setup()
    {
        _suite = FrostCiphersuite.FromName(Suite);
        (_threshold, _participants) = FrostSigningSetup.ParseShape(Shape);
        _setup = new FrostSigningSetup(_suite, _threshold, _participants, _message);
        _ed25519 = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        _ed25519Public = _ed25519.PublicKey;
        _ed25519Signature = _ed25519.Sign(_message);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _setup.Dispose();
        _ed25519.Dispose();
    }

    /// <summary>The yardstick in every run: one Ed25519 signature of ours on the same message.</summary>
    [Benchmark, BenchmarkCategory("Yardstick")]
    public int Yardstick_Ed25519Sign() => _ed25519.Sign(_message.AsSpan(), _signatureBuffer.AsSpan());

    /// <summary>The yardstick in every run: one Ed25519 verification of ours on the same message.</summary>
    [Benchmark, BenchmarkCategory("Yardstick")]
    public bool Yardstick_Ed25519Verify() => _ed25519Public.Verify(_message, _ed25519Signature);

    /// <summary>Trusted dealer (RFC 9591 Appendix C): a random key, n shares, the VSS commitment, the verifying shares.</summary>
    [Benchmark, BenchmarkCategory("KeyGen")]
    public int KeyGen_TrustedDealer()
    {
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(_suite, _threshold, _participants);
        return dealt.SecretShares.Count;
    }

    /// <summary>Round one of one participant (RFC 9591 §5.1): two nonces and their commitments.</summary>
    [Benchmark, BenchmarkCategory("Round1")]
    public FrostSigningCommitments Round1_Commit()
    {
        (FrostSigningNonces nonces, FrostSigningCommitments commitments) = FrostParticipant.Commit(_setup.FirstSigner);
        nonces.Dispose();
        return commitments;
    }

    /// <summary>Round two of one participant (RFC 9591 §5.2): binding factors, group commitment, challenge, share.</summary>
    [Benchmark, BenchmarkCategory("Round2")]
    public FrostSignatureShare Round2_Sign() =>
        FrostParticipant.Sign(_setup.SigningPackage, _setup.FirstSignerNonces(), _setup.FirstSigner);

    /// <summary>The coordinator (RFC 9591 §5.3 with §5.4): verify t shares, aggregate, check the result.</summary>
    [Benchmark, BenchmarkCategory("Aggregate")]
    public byte[] Aggregate_WithShareVerification() =>
        FrostCoordinator.Aggregate(_setup.SigningPackage, _setup.SignatureShares, _setup.PublicKeyPackage);

    /// <summary>Verification of the group signature under the group public key (the suite's Schnorr verification).</summary>
    [Benchmark, BenchmarkCategory("Verify")]
    public bool Verify_GroupSignature() => _suite.Verify(_setup.GroupPublicKey, _message, _setup.Signature);
}
