using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FintechCrypto.Threshold;
using Org.BouncyCastle.Crypto.Parameters;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace FintechCrypto.Benchmarks.Threshold;

/// <summary>
/// The figures RESULTS.md states as ratios, in one run on the 1 KiB pacs.008 message:
/// (a) FintechCrypto's Ed25519 (RFC 8032) sign and verify against BouncyCastle's (the baseline of categories
/// "Ed25519-Sign" and "Ed25519-Verify"); (b) the per-participant cost of FROST(Ed25519) 2-of-3 round two, the
/// coordinator's aggregation with share verification, and the group-signature verification, each against ONE
/// Ed25519 verification of ours (the baseline of category "FROST-vs-Ed25519-Verify").
/// </summary>
/// <remarks>
/// A benchmark belongs to one category group, so our Ed25519 verification appears twice: as the comparand of
/// BouncyCastle's and as the baseline of the FROST group; the two must agree within noise.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class FrostEd25519ComparisonBenchmarks
{
    private const string VersusVerify = "FROST-vs-Ed25519-Verify";
    private readonly byte[] _message = Iso20022Message.Create();
    private readonly byte[] _signatureBuffer = new byte[64];
    private SigningKey _key = null!;
    private VerificationKey _publicKey = null!;
    private byte[] _signature = null!;
    private Ed25519PrivateKeyParameters _bcKey = null!;
    private Ed25519PublicKeyParameters _bcPublicKey = null!;
    private FrostSigningSetup _frost = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        _publicKey = _key.PublicKey;
        _signature = _key.Sign(_message);
        _bcKey = new Ed25519PrivateKeyParameters(_key.Export(KeyBlobFormat.RawPrivateKey));
        _bcPublicKey = _bcKey.GeneratePublicKey();
        _frost = new FrostSigningSetup(FrostCiphersuite.Ed25519, threshold: 2, participants: 3, _message);

        // The FROST(Ed25519) signature is an RFC 8032 signature: our Ed25519 verifier must accept it.
        using VerificationKey groupKey = VerificationKey.Import(SignatureAlgorithm.Ed25519, _frost.GroupPublicKey, KeyBlobFormat.RawPublicKey);
        if (!groupKey.Verify(_message, _frost.Signature))
        {
            throw new InvalidOperationException("The FROST(Ed25519) signature does not verify as Ed25519.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _key.Dispose();
        _frost.Dispose();
    }

    // ---- (a) Ed25519: ours against BouncyCastle's ----

    [Benchmark, BenchmarkCategory("Ed25519-Sign")]
    public int Ed25519Sign_FintechCrypto() => _key.Sign(_message.AsSpan(), _signatureBuffer.AsSpan());

    [Benchmark(Baseline = true), BenchmarkCategory("Ed25519-Sign")]
    public byte[] Ed25519Sign_BouncyCastle()
    {
        _bcKey.Sign(BcEd25519.Algorithm.Ed25519, null, _message, 0, _message.Length, _signatureBuffer, 0);
        return _signatureBuffer;
    }

    [Benchmark, BenchmarkCategory("Ed25519-Verify")]
    public bool Ed25519Verify_FintechCrypto() => _publicKey.Verify(_message, _signature);

    [Benchmark(Baseline = true), BenchmarkCategory("Ed25519-Verify")]
    public bool Ed25519Verify_BouncyCastle() =>
        _bcPublicKey.Verify(BcEd25519.Algorithm.Ed25519, null, _message, 0, _message.Length, _signature, 0);

    // ---- (b) FROST(Ed25519) 2-of-3 against one Ed25519 verification of ours ----

    [Benchmark(Baseline = true), BenchmarkCategory(VersusVerify)]
    public bool OneEd25519Verify_FintechCrypto() => _publicKey.Verify(_message, _signature);

    /// <summary>Round two of one participant (RFC 9591 §5.2) in a 2-signer package.</summary>
    [Benchmark, BenchmarkCategory(VersusVerify)]
    public FrostSignatureShare FrostRound2_PerParticipant() =>
        FrostParticipant.Sign(_frost.SigningPackage, _frost.FirstSignerNonces(), _frost.FirstSigner);

    /// <summary>The coordinator: both shares verified (RFC 9591 §5.4), aggregated (§5.3), and the result checked.</summary>
    [Benchmark, BenchmarkCategory(VersusVerify)]
    public byte[] FrostAggregate_WithShareVerification() =>
        FrostCoordinator.Aggregate(_frost.SigningPackage, _frost.SignatureShares, _frost.PublicKeyPackage);

    /// <summary>The group signature through the FROST suite's verifier (cofactored Schnorr, RFC 9591 §6.1).</summary>
    [Benchmark, BenchmarkCategory(VersusVerify)]
    public bool FrostVerify_GroupSignature() => FrostCiphersuite.Ed25519.Verify(_frost.GroupPublicKey, _message, _frost.Signature);
}
