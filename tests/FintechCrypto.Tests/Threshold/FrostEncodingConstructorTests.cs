using System;
using System.Collections.Generic;
using System.Linq;
using FintechCrypto.Threshold;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The public constructors from RFC 9591 encodings (scalars and elements) of <see cref="FrostVssCommitment"/>,
/// <see cref="FrostSecretShare"/>, <see cref="FrostKeyPackage"/> and <see cref="FrostPublicKeyPackage"/>: they rebuild
/// the dealer's objects byte for byte, and refuse bad encodings with <see cref="FintechCryptoException"/> and bad
/// arguments with <see cref="ArgumentException"/>.
/// </summary>
public sealed class FrostEncodingConstructorTests
{
    private static readonly Dictionary<FrostCiphersuite, FrostVssCommitment> s_commitments =
        FrostTestSuites.Suites().ToDictionary(s => s, s => FrostTrustedDealer.Generate(s, 2, 2).Commitment);

    public static TheoryData<string> Suites() => FrostTestSuites.Names();

    [Theory]
    [MemberData(nameof(Suites))]
    public void FromEncodings_RebuildsTheDealersObjects(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);

        var commitment = new FrostVssCommitment(suite, [.. dealt.Commitment.CoefficientCommitments.Select(c => c.ToArray())]);
        Assert.Equal(dealt.Commitment.ToBytes(), commitment.ToBytes());
        Assert.Equal(dealt.Commitment, commitment);
        Assert.Equal(2, commitment.CoefficientCommitments.Count);
        Assert.Same(commitment.CoefficientCommitments, commitment.CoefficientCommitments); // encoded once

        var verifyingShares = new Dictionary<FrostIdentifier, byte[]>();
        foreach (FrostIdentifier id in dealt.PublicKeyPackage.Identifiers.Reverse())
        {
            verifyingShares[id] = dealt.PublicKeyPackage.GetVerifyingShare(id)!;
        }

        var publicKeys = new FrostPublicKeyPackage(suite, verifyingShares, dealt.PublicKeyPackage.GroupVerifyingKey.Span, 2);
        Assert.Equal(dealt.PublicKeyPackage.ToBytes(), publicKeys.ToBytes());

        byte[] written = new byte[suite.ScalarLength + 3];
        foreach (FrostSecretShare original in dealt.SecretShares)
        {
            byte[] share = original.ExportSigningShare();
            Assert.Equal(suite.ScalarLength, original.ExportSigningShare(written));
            Assert.Equal(share, written[..suite.ScalarLength]);

            using var rebuilt = new FrostSecretShare(suite, original.Identifier, share, commitment);
            Assert.True(rebuilt.Verify());
            Assert.Equal(original.ToBytes(), rebuilt.ToBytes());

            using FrostKeyPackage expected = original.ToKeyPackage();
            using var keyPackage = new FrostKeyPackage(suite, original.Identifier, share, expected.VerifyingShare.Span, expected.GroupVerifyingKey.Span, 2);
            Assert.Equal(expected.ToBytes(), keyPackage.ToBytes());
            Assert.Equal(share, keyPackage.ExportSigningShare());
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void PublicKeyProperties_AreEncodedOnce(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
        using FrostKeyPackage kp = dealt.SecretShares[0].ToKeyPackage();

        // ReadOnlyMemory<byte>.Equals is true only for the same array: no read allocates a new one.
        Assert.True(kp.GroupVerifyingKey.Equals(kp.GroupVerifyingKey));
        Assert.True(kp.VerifyingShare.Equals(kp.VerifyingShare));
        Assert.True(dealt.PublicKeyPackage.GroupVerifyingKey.Equals(dealt.PublicKeyPackage.GroupVerifyingKey));
        Assert.True(dealt.Commitment.GroupVerifyingKey.Equals(dealt.Commitment.GroupVerifyingKey));
        Assert.Same(dealt.PublicKeyPackage.Identifiers, dealt.PublicKeyPackage.Identifiers);
        Assert.Equal(suite.ElementLength, kp.GroupVerifyingKey.Length);
        Assert.Equal(kp.GroupVerifyingKey.ToArray(), dealt.Commitment.GroupVerifyingKey.ToArray());
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void BadEncodings_AreRefusedWithOurException(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
        FrostSecretShare original = dealt.SecretShares[0];
        using FrostKeyPackage kp = original.ToKeyPackage();
        byte[] share = original.ExportSigningShare();
        byte[] nonCanonical = [.. Enumerable.Repeat((byte)0xff, suite.ScalarLength)];
        byte[] notAnElement = [.. Enumerable.Repeat((byte)0xff, suite.ElementLength)];
        byte[] identity = IdentityEncoding(suite);
        byte[] otherShare = dealt.SecretShares[1].ExportSigningShare();

        foreach (byte[] bad in new[] { notAnElement, identity, [], kp.VerifyingShare.ToArray()[..^1] })
        {
            FintechCryptoException e = Assert.Throws<FintechCryptoException>(() => new FrostVssCommitment(suite, [dealt.Commitment.CoefficientCommitments[0].ToArray(), bad]));
            Assert.Contains("element", e.Message, StringComparison.Ordinal);
            Assert.Throws<FintechCryptoException>(() => new FrostKeyPackage(suite, kp.Identifier, share, bad, kp.GroupVerifyingKey.Span, 2));
            Assert.Throws<FintechCryptoException>(() => new FrostKeyPackage(suite, kp.Identifier, share, kp.VerifyingShare.Span, bad, 2));
            Assert.Throws<FintechCryptoException>(() => new FrostPublicKeyPackage(suite, new Dictionary<FrostIdentifier, byte[]> { [kp.Identifier] = bad, [dealt.SecretShares[1].Identifier] = kp.VerifyingShare.ToArray() }, kp.GroupVerifyingKey.Span, 2));
            Assert.Throws<FintechCryptoException>(() => new FrostPublicKeyPackage(suite, new Dictionary<FrostIdentifier, byte[]> { [kp.Identifier] = kp.VerifyingShare.ToArray(), [dealt.SecretShares[1].Identifier] = kp.VerifyingShare.ToArray() }, bad, 2));
        }

        foreach (byte[] bad in new[] { nonCanonical, [], share[..^1], [.. share, 0] })
        {
            FintechCryptoException e = Assert.Throws<FintechCryptoException>(() => new FrostSecretShare(suite, original.Identifier, bad, dealt.Commitment));
            Assert.Contains("scalar", e.Message, StringComparison.Ordinal);
            Assert.Throws<FintechCryptoException>(() => new FrostKeyPackage(suite, kp.Identifier, bad, kp.VerifyingShare.Span, kp.GroupVerifyingKey.Span, 2));
        }

        // Another participant's share under this verifying share: inconsistent (sk_i B != PK_i).
        FintechCryptoException mismatch = Assert.Throws<FintechCryptoException>(() => new FrostKeyPackage(suite, kp.Identifier, otherShare, kp.VerifyingShare.Span, kp.GroupVerifyingKey.Span, 2));
        Assert.Contains("inconsistent", mismatch.Message, StringComparison.Ordinal);

        // A secret share that decodes but does not match the commitment is built, and fails Verify.
        using var wrong = new FrostSecretShare(suite, original.Identifier, otherShare, dealt.Commitment);
        Assert.False(wrong.Verify());
        Assert.Throws<FrostProtocolException>(() => wrong.ToKeyPackage());
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void BadArguments_AreArgumentExceptions(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        FrostCiphersuite other = suite == FrostCiphersuite.Ed25519 ? FrostCiphersuite.P256 : FrostCiphersuite.Ed25519;
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
        using FrostTrustedDealerResult elsewhere = FrostTrustedDealer.Generate(other, 2, 3);
        using FrostKeyPackage kp = dealt.SecretShares[0].ToKeyPackage();
        byte[] share = kp.ExportSigningShare();
        byte[] vs = kp.VerifyingShare.ToArray();
        byte[] pk = kp.GroupVerifyingKey.ToArray();

        Assert.Throws<ArgumentNullException>(() => new FrostVssCommitment(null!, [pk]));
        Assert.Throws<ArgumentNullException>(() => new FrostVssCommitment(suite, null!));
        Assert.Throws<ArgumentNullException>(() => new FrostVssCommitment(suite, [pk, null!]));
        Assert.Throws<ArgumentException>(() => new FrostVssCommitment(suite, []));

        Assert.Throws<ArgumentNullException>(() => new FrostSecretShare(suite, null!, share, dealt.Commitment));
        Assert.Throws<ArgumentNullException>(() => new FrostSecretShare(suite, kp.Identifier, share, null!));
        Assert.Throws<ArgumentException>(() => new FrostSecretShare(suite, elsewhere.SecretShares[0].Identifier, share, dealt.Commitment));
        Assert.Throws<ArgumentException>(() => new FrostSecretShare(suite, kp.Identifier, share, elsewhere.Commitment));

        Assert.Throws<ArgumentNullException>(() => new FrostKeyPackage(suite, null!, share, vs, pk, 2));
        Assert.Throws<ArgumentException>(() => new FrostKeyPackage(suite, elsewhere.SecretShares[0].Identifier, share, vs, pk, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrostKeyPackage(suite, kp.Identifier, share, vs, pk, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrostKeyPackage(suite, kp.Identifier, share, vs, pk, 65536));

        var one = new Dictionary<FrostIdentifier, byte[]> { [kp.Identifier] = vs };
        var two = new Dictionary<FrostIdentifier, byte[]> { [kp.Identifier] = vs, [dealt.SecretShares[1].Identifier] = vs };
        Assert.Throws<ArgumentNullException>(() => new FrostPublicKeyPackage(suite, null!, pk, 2));
        Assert.Throws<ArgumentException>(() => new FrostPublicKeyPackage(suite, new Dictionary<FrostIdentifier, byte[]>(), pk, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrostPublicKeyPackage(suite, one, pk, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrostPublicKeyPackage(suite, two, pk, 3));
        Assert.Throws<ArgumentNullException>(() => new FrostPublicKeyPackage(suite, new Dictionary<FrostIdentifier, byte[]> { [kp.Identifier] = vs, [dealt.SecretShares[1].Identifier] = null! }, pk, 2));
        Assert.Throws<ArgumentException>(() => new FrostPublicKeyPackage(suite, new Dictionary<FrostIdentifier, byte[]> { [kp.Identifier] = vs, [elsewhere.SecretShares[1].Identifier] = vs }, pk, 2));

        Assert.Throws<ArgumentException>(() => kp.ExportSigningShare(new byte[suite.ScalarLength - 1]));
    }

    [Property(MaxTest = 100)]
    public void GarbageEncodings_GiveFintechCryptoExceptionOnly(byte[] a, byte[] b, byte[] c)
    {
        a ??= [];
        b ??= [];
        c ??= [];
        foreach (FrostCiphersuite suite in FrostTestSuites.Suites())
        {
            FrostIdentifier id1 = FrostIdentifier.FromInteger(suite, 1);
            FrostIdentifier id2 = FrostIdentifier.FromInteger(suite, 2);
            MustBeOurs(() => new FrostVssCommitment(suite, [a, b]));
            MustBeOurs(() => new FrostVssCommitment(suite, [Sized(c, suite.ElementLength)]));
            MustBeOurs(() => new FrostSecretShare(suite, id1, Sized(a, suite.ScalarLength), s_commitments[suite]).Dispose());
            MustBeOurs(() => new FrostKeyPackage(suite, id1, Sized(a, suite.ScalarLength), Sized(b, suite.ElementLength), Sized(c, suite.ElementLength), 2).Dispose());
            MustBeOurs(() => new FrostPublicKeyPackage(suite, new Dictionary<FrostIdentifier, byte[]> { [id1] = Sized(a, suite.ElementLength), [id2] = b.ToArray() }, Sized(c, suite.ElementLength), 2));
        }
    }

    // Garbage at the right length half the time, so the decoders (not the length check) judge it.
    private static byte[] Sized(byte[] bytes, int length)
    {
        if (bytes.Length % 2 != 0)
        {
            return bytes;
        }

        byte[] sized = new byte[length];
        bytes.AsSpan(0, Math.Min(length, bytes.Length)).CopyTo(sized);
        return sized;
    }


    private static void MustBeOurs(Action action)
    {
        try
        {
            action();
        }
        catch (FintechCryptoException)
        {
        }
    }

    private static byte[] IdentityEncoding(FrostCiphersuite suite)
    {
        // The identity's encoding where the group has one (Edwards: (0, 1); Weierstrass: none, so a 0x00 prefix).
        if (suite == FrostCiphersuite.P256 || suite == FrostCiphersuite.Secp256k1)
        {
            return new byte[suite.ElementLength];
        }

        byte[] identity = new byte[suite.ElementLength];
        if (suite != FrostCiphersuite.Ristretto255)
        {
            identity[0] = 1;
        }

        return identity;
    }
}
