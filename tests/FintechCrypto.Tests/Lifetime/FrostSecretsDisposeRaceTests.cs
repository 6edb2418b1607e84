// FROST secrets used while they are disposed (issue 11 defect 4): every read of a signing share, nonce or DKG
// coefficient holds a lease (SecretScalar, FrostDkgRound1SecretPackage), so a signature share, an encoding or a share
// check racing Dispose uses the real secret or throws ObjectDisposedException, never a cleared scalar.

using System;
using System.Collections.Generic;
using System.Text;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Lifetime;

public class FrostSecretsDisposeRaceTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("release batch 2026-12-07/44");

    public static TheoryData<string> Suites => new() { "FROST-ED25519-SHA512-v1", "FROST-P256-SHA256-v1" };

    [Theory]
    [MemberData(nameof(Suites))]
    public void Sign_KeyPackageDisposedBetweenItsCheckAndTheShareRead_MakesAValidSignatureShare(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
        FrostKeyPackage k1 = dealt.SecretShares[0].ToKeyPackage();
        using FrostKeyPackage k2 = dealt.SecretShares[1].ToKeyPackage();
        (FrostSigningNonces n1, FrostSigningCommitments c1) = FrostParticipant.Commit(k1);
        (FrostSigningNonces n2, FrostSigningCommitments c2) = FrostParticipant.Commit(k2);
        var package = new FrostSigningPackage(
            new Dictionary<FrostIdentifier, FrostSigningCommitments> { [k1.Identifier] = c1, [k2.Identifier] = c2 }, Message);

        FrostSignatureShare share;
        using (var armed = DisposeDuringUse.Arm(k1, owner: k1))
        {
            share = FrostParticipant.Sign(package, n1, k1);
            Assert.True(armed.Fired);
        }

        // Signed with the real share (a cleared share would make a share that fails this check).
        Assert.True(FrostCoordinator.VerifySignatureShare(k1.Identifier, share, package, dealt.PublicKeyPackage));
        FrostSignatureShare share2 = FrostParticipant.Sign(package, n2, k2);
        byte[] signature = FrostCoordinator.Aggregate(
            package, new Dictionary<FrostIdentifier, FrostSignatureShare> { [k1.Identifier] = share, [k2.Identifier] = share2 }, dealt.PublicKeyPackage);
        Assert.NotEmpty(signature);
        Assert.Throws<ObjectDisposedException>(() => k1.ToBytes());
    }

    [Fact]
    public void Sign_NoncesDisposedWhileTheyAreRead_ThrowsObjectDisposed_NeverSignsWithClearedNonces()
    {
        FrostCiphersuite suite = FrostCiphersuite.Ed25519;
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
        using FrostKeyPackage k1 = dealt.SecretShares[0].ToKeyPackage();
        using FrostKeyPackage k2 = dealt.SecretShares[1].ToKeyPackage();
        (FrostSigningNonces n1, FrostSigningCommitments c1) = FrostParticipant.Commit(k1);
        (FrostSigningNonces n2, FrostSigningCommitments c2) = FrostParticipant.Commit(k2);
        using (n2)
        {
            var package = new FrostSigningPackage(
                new Dictionary<FrostIdentifier, FrostSigningCommitments> { [k1.Identifier] = c1, [k2.Identifier] = c2 }, Message);
            using var armed = DisposeDuringUse.Arm(n1, owner: n1);

            // The hiding nonce is read under its lease; Dispose then clears the binding nonce at once, so its read fails.
            Assert.Throws<ObjectDisposedException>(() => FrostParticipant.Sign(package, n1, k1));
            Assert.True(armed.Fired);
            Assert.True(n1.IsConsumed);
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void SecretShareAndKeyPackageReads_DisposedMidway_UseTheRealShare(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
        byte[] shareBytes = dealt.SecretShares[0].ToBytes();

        FrostSecretShare share = FrostSecretShare.FromBytes(shareBytes);
        using (var armed = DisposeDuringUse.Arm(share, owner: share))
        {
            Assert.True(share.Verify());
            Assert.True(armed.Fired);
        }

        Assert.Throws<ObjectDisposedException>(() => share.Verify());

        FrostSecretShare other = FrostSecretShare.FromBytes(shareBytes);
        using (var armed = DisposeDuringUse.Arm(other, owner: other))
        {
            Assert.Equal(shareBytes, other.ToBytes());
            Assert.True(armed.Fired);
        }

        using FrostKeyPackage original = dealt.SecretShares[0].ToKeyPackage();
        byte[] keyPackageBytes = original.ToBytes();
        FrostKeyPackage keyPackage = FrostKeyPackage.FromBytes(keyPackageBytes);
        using (var armed = DisposeDuringUse.Arm(keyPackage, owner: keyPackage))
        {
            Assert.Equal(keyPackageBytes, keyPackage.ToBytes());
            Assert.True(armed.Fired);
        }

        Assert.Throws<ObjectDisposedException>(() => keyPackage.ToBytes());
    }

    [Fact]
    public void DkgRound1SecretPackage_DisposedBetweenItsCheckAndTheCoefficientRead_EncodesTheRealCoefficients()
    {
        FrostCiphersuite suite = FrostCiphersuite.Ed25519;
        (FrostDkgRound1SecretPackage original, _) = FrostDkg.Part1(FrostIdentifier.FromInteger(suite, 1), 2, 3);
        byte[] expected;
        using (original)
        {
            expected = original.ToBytes();
        }

        FrostDkgRound1SecretPackage secret = FrostDkgRound1SecretPackage.FromBytes(expected);
        using (var armed = DisposeDuringUse.Arm(secret, owner: secret))
        {
            Assert.Equal(expected, secret.ToBytes());
            Assert.True(armed.Fired);
        }

        Assert.Throws<ObjectDisposedException>(() => secret.ToBytes());
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void KeyPackageToBytesOnManyThreads_RacingDispose_EitherEncodesTheRealShareOrThrowsObjectDisposed(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
        byte[] expected;
        using (FrostKeyPackage original = dealt.SecretShares[0].ToKeyPackage())
        {
            expected = original.ToBytes();
        }

        DisposeRace.Run(
            rounds: 30,
            workers: 3,
            () => FrostKeyPackage.FromBytes(expected),
            keyPackage => keyPackage.ToBytes(),
            bytes => bytes.AsSpan().SequenceEqual(expected));
    }

    [Fact]
    public void SecretShareVerifyOnManyThreads_RacingDispose_EitherChecksTheRealShareOrThrowsObjectDisposed()
    {
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(FrostCiphersuite.Ed25519, 2, 3);
        byte[] shareBytes = dealt.SecretShares[1].ToBytes();
        DisposeRace.Run(
            rounds: 30,
            workers: 3,
            () => FrostSecretShare.FromBytes(shareBytes),
            share => share.Verify(),
            valid => valid,
            maxOperationsPerWorker: 100);
    }
}
