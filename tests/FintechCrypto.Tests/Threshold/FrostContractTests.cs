using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The FROST API's contracts: ciphersuite lookup and sizes, identifiers, dealer parameters, refusals in round two
/// and aggregation, disposal and redaction of secrets.
/// </summary>
public sealed class FrostContractTests
{
    public static TheoryData<string> Suites() => FrostTestSuites.Names();

    private static (FrostTrustedDealerResult Dealt, FrostKeyPackage[] Keys) Deal(FrostCiphersuite suite, int t, int n)
    {
        FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, t, n);
        return (dealt, [.. dealt.SecretShares.Select(s => s.ToKeyPackage())]);
    }

    // The participants' messages keyed by their identifiers, as the coordinator files them.
    private static Dictionary<FrostIdentifier, T> ById<T>(params (FrostKeyPackage Key, T Value)[] entries) =>
        entries.ToDictionary(e => e.Key.Identifier, e => e.Value);

    [Fact]
    public void Ciphersuites_AreNamedByTheirContextStrings()
    {
        Assert.Equal("FROST-P256-SHA256-v1", FrostCiphersuite.P256.Name);
        Assert.Equal("FROST-secp256k1-SHA256-v1", FrostCiphersuite.Secp256k1.Name);
        Assert.Same(FrostCiphersuite.P256, FrostCiphersuite.FromName("FROST-P256-SHA256-v1"));
        Assert.Same(FrostCiphersuite.Secp256k1, FrostCiphersuite.FromName("FROST-secp256k1-SHA256-v1"));
        Assert.Contains(FrostCiphersuite.P256, FrostCiphersuite.All);
        Assert.Contains(FrostCiphersuite.Secp256k1, FrostCiphersuite.All);
        Assert.Throws<ArgumentException>(() => FrostCiphersuite.FromName("FROST-p256-SHA256-v1"));
        Assert.Throws<ArgumentNullException>(() => FrostCiphersuite.FromName(null!));
        foreach (FrostCiphersuite suite in new[] { FrostCiphersuite.P256, FrostCiphersuite.Secp256k1 })
        {
            Assert.Equal(33, suite.ElementLength);
            Assert.Equal(32, suite.ScalarLength);
            Assert.Equal(65, suite.SignatureLength);
            Assert.Equal(suite.Name, suite.ToString());
        }

        Assert.NotEqual(FrostCiphersuite.P256, FrostCiphersuite.Secp256k1);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Identifiers_AreNonZeroScalarsOrderedByValue(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        FrostIdentifier one = FrostIdentifier.FromInteger(suite, 1);
        FrostIdentifier two = FrostIdentifier.FromInteger(suite, 2);
        FrostIdentifier big = FrostIdentifier.FromInteger(suite, 65536);
        Assert.True(one < two && two < big && big > one);
        Assert.Equal(new BigInteger(65536), big.Value);
        Assert.Equal(EncodeInteger(suite, 65536), big.ToBytes());
        Assert.Equal(one, FrostIdentifier.FromBytes(suite, one.ToBytes()));
        Assert.Equal(one.GetHashCode(), FrostIdentifier.FromInteger(suite, 1).GetHashCode());
        Assert.Equal("2", two.ToString());

        Assert.Throws<ArgumentOutOfRangeException>(() => FrostIdentifier.FromInteger(suite, 0));
        Assert.Throws<FintechCryptoException>(() => FrostIdentifier.FromBytes(suite, new byte[suite.ScalarLength]));
        Assert.Throws<FintechCryptoException>(() => FrostIdentifier.FromBytes(suite, new byte[suite.ScalarLength - 1]));
        Assert.Throws<FintechCryptoException>(() => FrostIdentifier.FromBytes(suite, EncodeInteger(suite, suite.Suite.Scalars.Order)));

        // Derive: HID(name), deterministic, distinct per name, sorted by value like any identifier.
        FrostIdentifier alice = FrostIdentifier.Derive(suite, Encoding.UTF8.GetBytes("alice@bank.example"));
        Assert.Equal(alice, FrostIdentifier.Derive(suite, Encoding.UTF8.GetBytes("alice@bank.example")));
        Assert.NotEqual(alice, FrostIdentifier.Derive(suite, Encoding.UTF8.GetBytes("bob@bank.example")));
        Assert.Equal(suite.Suite.Scalars.ToBigInteger(suite.Suite.HId(Encoding.UTF8.GetBytes("alice@bank.example"))), alice.Value);

        FrostCiphersuite other = FrostTestSuites.Suites().First(s => s != suite);
        Assert.NotEqual(one, FrostIdentifier.FromInteger(other, 1));
        Assert.Throws<ArgumentException>(() => one.CompareTo(FrostIdentifier.FromInteger(other, 1)));
    }

    [Fact]
    public void DerivedIdentifier_MatchesTheZcashFoundationConstruction()
    {
        // frost-core Identifier::derive(s) = HID(s) = hash_to_field(s) with DST = contextString || "id".
        FrostCiphersuite suite = FrostCiphersuite.P256;
        byte[] name = Encoding.UTF8.GetBytes("alice");
        byte[] uniform = new byte[48];
        Internal.Frost.ExpandMessageXmd.Sha256(name, Encoding.ASCII.GetBytes("FROST-P256-SHA256-v1id"), uniform);
        BigInteger expected = new BigInteger(uniform, isUnsigned: true, isBigEndian: true) % suite.Suite.Scalars.Order;
        Assert.Equal(expected, FrostIdentifier.Derive(suite, name).Value);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Dealer_RefusesBadParameters(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostTrustedDealer.Generate(suite, 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostTrustedDealer.Generate(suite, 4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostTrustedDealer.Generate(suite, 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostTrustedDealer.Generate(suite, 2, 65536));
        Assert.Throws<ArgumentNullException>(() => FrostTrustedDealer.Generate(null!, 2, 3));
        FrostIdentifier a = FrostIdentifier.FromInteger(suite, 5);
        Assert.Throws<ArgumentException>(() => FrostTrustedDealer.Generate(suite, 2, [a, FrostIdentifier.FromInteger(suite, 5)]));
        FrostCiphersuite other = FrostTestSuites.Suites().First(s => s != suite);
        Assert.Throws<ArgumentException>(() => FrostTrustedDealer.Generate(suite, 2, [a, FrostIdentifier.FromInteger(other, 6)]));
        Assert.Throws<InvalidKeyEncodingException>(() => FrostTrustedDealer.Split(suite, new byte[32], 2, 3));
        Assert.Throws<InvalidKeyEncodingException>(() => FrostTrustedDealer.Split(suite, new byte[31], 2, 3));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Split_SharesTheGivenSecret(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        ScalarField f = suite.Suite.Scalars;
        Scalar secret = f.RandomNonZero();
        FrostIdentifier[] ids = [FrostIdentifier.FromInteger(suite, 7), FrostIdentifier.FromInteger(suite, 3), FrostIdentifier.Derive(suite, [1, 2])];
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Split(suite, f.Encode(secret), 2, ids);
        Assert.Equal(suite.Suite.Group.SerializeElement(suite.Suite.Group.MultiplyBase(secret)), dealt.PublicKeyPackage.GroupVerifyingKey.ToArray());
        Assert.Equal(ids, dealt.SecretShares.Select(s => s.Identifier));
        Assert.Equal(ids.Order(), dealt.PublicKeyPackage.Identifiers);
        Assert.Equal(2, dealt.Commitment.MinSigners);
        Assert.Equal(3, dealt.PublicKeyPackage.MaxSigners);

        // Any two shares interpolate to the secret (RFC 9591 §4.2 Lagrange coefficients at 0).
        using FrostKeyPackage k0 = dealt.SecretShares[0].ToKeyPackage();
        using FrostKeyPackage k2 = dealt.SecretShares[2].ToKeyPackage();
        Scalar[] xs = [k0.Identifier.Scalar, k2.Identifier.Scalar];
        Scalar l0 = Internal.Frost.Polynomial.DeriveInterpolatingValue(f, xs, xs[0]);
        Scalar l2 = Internal.Frost.Polynomial.DeriveInterpolatingValue(f, xs, xs[1]);
        Scalar recovered = f.Add(f.Multiply(l0, k0.GetSigningShare()), f.Multiply(l2, k2.GetSigningShare()));
        Assert.True(f.Equal(secret, recovered));
        Assert.Equal(dealt.Commitment.GetVerifyingShare(k2.Identifier), k2.VerifyingShare.ToArray());
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void TamperedSecretShare_FailsVerification(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
        byte[] bytes = dealt.SecretShares[1].ToBytes();
        int shareOffset = 3 + bytes[2] + suite.ScalarLength;
        // A middle byte: the share stays a canonical scalar for every suite (Ed448's top byte is always 0, so
        // flipping a bit there would make the encoding non-canonical instead of wrong).
        bytes[shareOffset + (suite.ScalarLength / 2)] ^= 1;
        using FrostSecretShare tampered = FrostSecretShare.FromBytes(bytes);
        Assert.False(tampered.Verify());
        FrostProtocolException e = Assert.Throws<FrostProtocolException>(() => tampered.ToKeyPackage());
        Assert.Empty(e.Culprits); // the dealer, not the participant, is at fault
        Assert.True(dealt.SecretShares[1].Verify());
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Sign_RefusesPackagesThatDoNotFit(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        (FrostTrustedDealerResult dealt, FrostKeyPackage[] keys) = Deal(suite, 2, 3);
        using FrostTrustedDealerResult dealtScope = dealt;
        (FrostSigningNonces n0, FrostSigningCommitments c0) = FrostParticipant.Commit(keys[0]);
        (FrostSigningNonces n1, FrostSigningCommitments c1) = FrostParticipant.Commit(keys[1]);
        (_, FrostSigningCommitments c2) = FrostParticipant.Commit(keys[2]);

        // A package without the signer.
        var without = new FrostSigningPackage(ById((keys[1], c1), (keys[2], c2)), [1]);
        Assert.Throws<FrostProtocolException>(() => FrostParticipant.Sign(without, n0, keys[0]));
        Assert.True(n0.IsConsumed); // a failed round two still spends the nonces

        // A package with someone else's commitments under the signer's identifier.
        var swapped = new FrostSigningPackage(ById((keys[1], c2), (keys[2], c1)), [1]);
        Assert.Throws<FrostProtocolException>(() => FrostParticipant.Sign(swapped, n1, keys[1]));

        // Another suite's nonces or package.
        FrostCiphersuite other = FrostTestSuites.Suites().First(s => s != suite);
        (FrostTrustedDealerResult otherDealt, FrostKeyPackage[] otherKeys) = Deal(other, 2, 2);
        using FrostTrustedDealerResult otherScope = otherDealt;
        (FrostSigningNonces on, _) = FrostParticipant.Commit(otherKeys[0]);
        Assert.Throws<ArgumentException>(() => FrostParticipant.Sign(without, on, keys[1]));
        Assert.Throws<ArgumentNullException>(() => FrostParticipant.Sign(null!, on, keys[1]));
        Assert.Throws<ArgumentNullException>(() => FrostParticipant.Commit(null!));

        // The package constructor's own checks.
        Assert.Throws<ArgumentException>(() => new FrostSigningPackage(new Dictionary<FrostIdentifier, FrostSigningCommitments>(), [1]));
        Assert.Throws<ArgumentException>(() => new FrostSigningPackage(
            [KeyValuePair.Create(keys[1].Identifier, c1), KeyValuePair.Create(keys[1].Identifier, c2)], [1]));
        Assert.Throws<ArgumentException>(() => new FrostSigningPackage(
            [KeyValuePair.Create(keys[1].Identifier, c1), KeyValuePair.Create(otherKeys[1].Identifier, c2)], [1]));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Aggregate_RefusesSharesThatDoNotMatchThePackage(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        (FrostTrustedDealerResult dealt, FrostKeyPackage[] keys) = Deal(suite, 2, 3);
        using FrostTrustedDealerResult dealtScope = dealt;
        (FrostSigningNonces n0, FrostSigningCommitments c0) = FrostParticipant.Commit(keys[0]);
        (FrostSigningNonces n1, FrostSigningCommitments c1) = FrostParticipant.Commit(keys[1]);
        var package = new FrostSigningPackage(ById((keys[0], c0), (keys[1], c1)), [5]);
        FrostSignatureShare s0 = FrostParticipant.Sign(package, n0, keys[0]);
        FrostSignatureShare s1 = FrostParticipant.Sign(package, n1, keys[1]);
        FrostPublicKeyPackage pk = dealt.PublicKeyPackage;

        // Missing share.
        Assert.Throws<FrostProtocolException>(() => FrostCoordinator.Aggregate(package, ById((keys[0], s0)), pk));

        // A share from a participant outside the package.
        Assert.Throws<FrostProtocolException>(() => FrostCoordinator.Aggregate(package, ById((keys[0], s0), (keys[1], s1), (keys[2], s1)), pk));

        // Two shares under one identifier.
        Assert.Throws<FrostProtocolException>(() => FrostCoordinator.Aggregate(package,
            [KeyValuePair.Create(keys[0].Identifier, s0), KeyValuePair.Create(keys[0].Identifier, s0), KeyValuePair.Create(keys[1].Identifier, s1)], pk));

        // Shares swapped between signers: both are named.
        FrostProtocolException e = Assert.Throws<FrostProtocolException>(() => FrostCoordinator.Aggregate(package, ById((keys[0], s1), (keys[1], s0)), pk));
        Assert.Equal([keys[0].Identifier, keys[1].Identifier], e.Culprits);
        Assert.DoesNotContain(Hex.Encode(s0.ToScalarBytes()), e.Message, StringComparison.Ordinal);

        // A signer without a verifying share in the public key package.
        using FrostTrustedDealerResult elsewhere = FrostTrustedDealer.Generate(suite, 2, [FrostIdentifier.FromInteger(suite, 1), FrostIdentifier.FromInteger(suite, 9)]);
        Assert.Throws<FrostProtocolException>(() => FrostCoordinator.Aggregate(package, ById((keys[0], s0), (keys[1], s1)), elsewhere.PublicKeyPackage));

        // Another group's public key package with the same identifiers: every share fails.
        using FrostTrustedDealerResult otherGroup = FrostTrustedDealer.Generate(suite, 2, 3);
        FrostProtocolException all = Assert.Throws<FrostProtocolException>(() => FrostCoordinator.Aggregate(package, ById((keys[0], s0), (keys[1], s1)), otherGroup.PublicKeyPackage));
        Assert.Equal(2, all.Culprits.Count);

        // And the right inputs still aggregate.
        byte[] signature = FrostCoordinator.Aggregate(package, ById((keys[0], s0), (keys[1], s1)), pk);
        Assert.True(pk.Verify([5], signature));
        Assert.False(FrostCoordinator.VerifySignatureShare(keys[2].Identifier, s0, package, pk));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Verify_ReturnsFalseForMalformedInput(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        (FrostTrustedDealerResult dealt, FrostKeyPackage[] keys) = Deal(suite, 2, 2);
        using FrostTrustedDealerResult dealtScope = dealt;
        byte[] key = dealt.PublicKeyPackage.GroupVerifyingKey.ToArray();
        int ne = suite.ElementLength;
        Assert.False(suite.Verify(key, [1], new byte[suite.SignatureLength]));
        Assert.False(suite.Verify(key, [1], new byte[suite.SignatureLength - 1]));
        Assert.False(suite.Verify(key, [1], []));
        Assert.False(suite.Verify(new byte[ne], [1], new byte[suite.SignatureLength]));
        Assert.False(suite.Verify([], [1], new byte[suite.SignatureLength]));

        // z = n (not canonical) with a valid R.
        byte[] signature = new byte[suite.SignatureLength];
        key.CopyTo(signature, 0);
        EncodeInteger(suite, suite.Suite.Scalars.Order).CopyTo(signature, ne);
        Assert.False(suite.Verify(key, [1], signature));
        Assert.Equal(2, keys.Length);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Secrets_AreRedactedAndClearedOnDispose(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 2);
        FrostSecretShare share = dealt.SecretShares[0];
        FrostKeyPackage kp = share.ToKeyPackage();
        string shareHex = Hex.Encode(suite.Suite.Scalars.Encode(kp.GetSigningShare()));
        (FrostSigningNonces nonces, _) = FrostParticipant.Commit(kp);

        foreach (object secret in new object[] { share, kp, nonces, dealt })
        {
            string text = secret.ToString()!;
            Assert.Contains("redacted", text, StringComparison.Ordinal);
            Assert.DoesNotContain(shareHex, text, StringComparison.OrdinalIgnoreCase);
        }

        kp.Dispose();
        kp.Dispose(); // a second Dispose is a no-op
        Assert.Throws<ObjectDisposedException>(() => FrostParticipant.Commit(kp));
        Assert.Throws<ObjectDisposedException>(() => kp.ToBytes());
        Assert.Throws<ObjectDisposedException>(() => kp.ToJson());
        Assert.Equal(suite.ElementLength, kp.VerifyingShare.Length); // public parts stay readable

        dealt.Dispose();
        Assert.Throws<ObjectDisposedException>(() => share.Verify());
        Assert.Throws<ObjectDisposedException>(() => share.ToBytes());

        nonces.Dispose();
        Assert.True(nonces.IsConsumed);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void InterpolatingValues_FollowRfc9591Section42(string suiteName)
    {
        ScalarField f = FrostCiphersuite.FromName(suiteName).Suite.Scalars;
        Scalar[] list = [f.FromUInt64(1), f.FromUInt64(3), f.FromUInt64(4), f.FromUInt64(9)];
        Scalar[] all = Internal.Frost.Polynomial.DeriveInterpolatingValues(f, list);
        Scalar sum = f.Zero;
        for (int i = 0; i < list.Length; i++)
        {
            Scalar one = Internal.Frost.Polynomial.DeriveInterpolatingValue(f, list, list[i]);
            Assert.True(f.Equal(one, all[i]));
            sum = f.Add(sum, one);
        }

        // The Lagrange basis at 0 sums to 1 (it interpolates the constant polynomial 1); lambda_1 for {1, 3} is 3/2.
        Assert.True(f.Equal(f.One, sum));
        Scalar l1 = Internal.Frost.Polynomial.DeriveInterpolatingValue(f, [f.FromUInt64(1), f.FromUInt64(3)], f.FromUInt64(1));
        Assert.True(f.Equal(f.FromUInt64(3), f.Multiply(l1, f.FromUInt64(2))));

        Assert.Throws<FintechCryptoException>(() => Internal.Frost.Polynomial.DeriveInterpolatingValue(f, list, f.FromUInt64(2)));
        Assert.Throws<FintechCryptoException>(() => Internal.Frost.Polynomial.DeriveInterpolatingValue(f, [list[0], list[1], list[1]], list[0]));
        Assert.Throws<FintechCryptoException>(() => Internal.Frost.Polynomial.DeriveInterpolatingValues(f, [list[0], list[0]]));
    }

    // An integer as an Ns-byte string in the suite's scalar byte order (no reduction).
    private static byte[] EncodeInteger(FrostCiphersuite suite, BigInteger value)
    {
        ScalarField f = suite.Suite.Scalars;
        byte[] little = new byte[f.Length];
        value.ToByteArray(isUnsigned: true, isBigEndian: false).CopyTo(little, 0);
        if (!f.LittleEndian)
        {
            Array.Reverse(little);
        }

        return little;
    }
}
