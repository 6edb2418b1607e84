using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The public DKG (FrostDkg, its packages and their wire forms): the Zcash Foundation vectors through the public
/// API, whole runs whose keys sign, identifiable abort, and argument contracts.
/// </summary>
public sealed class FrostDkgTests
{
    public static TheoryData<string> Suites => KeyGenSuites.Names;

    [Theory]
    [MemberData(nameof(Suites))]
    [Trait("Category", "KnownAnswer")]
    public void ZcashFoundationVectors_ThroughThePublicApi(string name)
    {
        FrostCiphersuite suite = KeyGenSuites.Ciphersuite(name);
        ScalarField f = suite.Suite.Scalars;
        var v = DkgVectorTests.DkgVector.Load(name);
        var round1 = v.Participants.ToDictionary(
            p => FrostIdentifier.FromInteger(suite, (ulong)p.Number),
            p => new FrostDkgRound1Package(suite, p.Broadcast.CommitmentElements, p.Broadcast.ProofR, p.Broadcast.ProofMu));

        foreach (DkgVectorTests.DkgVector.Participant me in v.Participants)
        {
            FrostIdentifier id = FrostIdentifier.FromInteger(suite, (ulong)me.Number);
            (FrostDkgRound1SecretPackage s1, FrostDkgRound1Package mine) = FrostDkg.Part1ForTesting(id, 2, 3, [me.SigningKey, me.Coefficient], f.FromUInt64(99));
            Assert.Equal(round1[id].Commitment, mine.Commitment);
            using (JsonDocument commitment = JsonDocument.Parse(mine.Commitment.ToJson()))
            {
                Assert.Equal(me.CommitmentHex, commitment.RootElement.GetProperty("coefficients").EnumerateArray().Select(e => e.GetString()!).ToArray());
            }


            Dictionary<FrostIdentifier, FrostDkgRound1Package> others = FrostKeyGenFlows.Others(round1, id);
            (FrostDkgRound2SecretPackage s2, IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> sent) = FrostDkg.Part2(FrostKeyGenFlows.Hop(s1, json: false), others);
            foreach ((FrostIdentifier to, FrostDkgRound2Package package) in sent)
            {
                DkgVectorTests.DkgVector.Participant recipient = v.Participants.Single(p => p.Number == (int)to.Value);
                Assert.Equal(recipient.ReceivedHex[me.Number], Hex.Encode(package.ToBytes().AsSpan(package.ToBytes().Length - suite.ScalarLength)));
            }

            var received = me.ReceivedHex.ToDictionary(
                p => FrostIdentifier.FromInteger(suite, (ulong)p.Key),
                p => new FrostDkgRound2Package(suite, f.Decode(Hex.Decode(p.Value), "share")));
            (FrostKeyPackage key, FrostPublicKeyPackage pub) = FrostDkg.Part3(FrostKeyGenFlows.Hop(s2, json: true), others, received);

            Assert.Equal(v.VerifyingKeyHex, Hex.Encode(key.GroupVerifyingKey.Span));
            Assert.Equal(me.VerifyingShareHex, Hex.Encode(key.VerifyingShare.Span));
            Assert.Equal(2, key.MinSigners);
            using (JsonDocument doc = JsonDocument.Parse(key.ToJson()))
            {
                Assert.Equal(me.SigningShareHex, doc.RootElement.GetProperty("signing_share").GetString());
            }

            Assert.Equal(v.VerifyingKeyHex, Hex.Encode(pub.GroupVerifyingKey.Span));
            Assert.Equal(2, pub.MinSigners);
            foreach (DkgVectorTests.DkgVector.Participant p in v.Participants)
            {
                Assert.Equal(p.VerifyingShareHex, Hex.Encode(pub.GetVerifyingShare(FrostIdentifier.FromInteger(suite, (ulong)p.Number))!));
            }

            key.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Dkg_GivesConsistentKeysThatSign(string name)
    {
        FrostCiphersuite suite = KeyGenSuites.Ciphersuite(name);
        FrostIdentifier[] ids =
        [
            FrostIdentifier.FromInteger(suite, 3),
            FrostIdentifier.Derive(suite, Encoding.UTF8.GetBytes("treasury@bank.example")),
            FrostIdentifier.FromInteger(suite, 1),
            FrostIdentifier.FromInteger(suite, 40000),
        ];
        using FrostKeyGenFlows.DkgRun run = FrostKeyGenFlows.RunDkg(ids, 3, json: name.Contains("p256", StringComparison.Ordinal) || name.Contains("ed25519", StringComparison.Ordinal));

        // The group key is the sum of the commitments' constant terms; everyone agrees on the public key package.
        var group = suite.Suite.Group;
        var sum = group.Identity;
        foreach (FrostDkgRound1Package p in run.Round1.Values)
        {
            Assert.Equal(3, p.Commitment.MinSigners);
            Assert.True(group.TryDeserializeElement(p.Commitment.GroupVerifyingKey.Span, out var c0));
            sum = group.Add(sum, c0);
        }

        byte[] groupKey = group.SerializeElement(sum);
        foreach (FrostPublicKeyPackage pub in run.PublicKeyPackages)
        {
            Assert.Equal(run.PublicKeyPackages[0].ToBytes(), pub.ToBytes());
            Assert.Equal(groupKey, pub.GroupVerifyingKey.ToArray());
            Assert.Equal(ids.Order(), pub.Identifiers);
        }

        foreach (FrostKeyPackage key in run.KeyPackages)
        {
            Assert.Equal(groupKey, key.GroupVerifyingKey.ToArray());
            Assert.Equal(3, key.MinSigners);
            Assert.Equal(run.PublicKeyPackages[0].GetVerifyingShare(key.Identifier), key.VerifyingShare.ToArray());
        }

        // Any 3 sign; the signature verifies under the group key (a plain Schnorr signature of the suite).
        FrostPublicKeyPackage pkp = run.PublicKeyPackages[0];
        byte[] sig = FrostKeyGenFlows.Sign(run.KeyPackages[..3], pkp, "pay 100 EUR");
        Assert.True(suite.Verify(groupKey, Encoding.UTF8.GetBytes("pay 100 EUR"), sig));
        Assert.False(suite.Verify(groupKey, Encoding.UTF8.GetBytes("pay 900 EUR"), sig));
        byte[] sig2 = FrostKeyGenFlows.Sign([run.KeyPackages[3], run.KeyPackages[1], run.KeyPackages[0]], pkp, "second");
        Assert.True(pkp.Verify(Encoding.UTF8.GetBytes("second"), sig2));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void ABadProofOfKnowledge_NamesItsSender(string name)
    {
        FrostCiphersuite suite = KeyGenSuites.Ciphersuite(name);
        FrostIdentifier[] ids = [.. Enumerable.Range(1, 3).Select(i => FrostIdentifier.FromInteger(suite, (ulong)i))];
        var secrets = new FrostDkgRound1SecretPackage[3];
        var round1 = new Dictionary<FrostIdentifier, FrostDkgRound1Package>();
        for (int i = 0; i < 3; i++)
        {
            (secrets[i], round1[ids[i]]) = FrostDkg.Part1(ids[i], 2, 3);
        }

        // Participant 3's proof with mu + 1 (edited in its byte encoding), and participant 2 replaying 3's package.
        byte[] bytes = round1[ids[2]].ToBytes();
        ScalarField f = suite.Suite.Scalars;
        Span<byte> mu = bytes.AsSpan(bytes.Length - suite.ScalarLength);
        f.Encode(f.Add(f.Decode(mu, "mu"), f.One), mu);
        var tampered = new Dictionary<FrostIdentifier, FrostDkgRound1Package> { [ids[1]] = round1[ids[1]], [ids[2]] = FrostDkgRound1Package.FromBytes(bytes) };
        var e = Assert.Throws<FrostProtocolException>(() => FrostDkg.Part2(secrets[0], tampered));
        Assert.Equal([ids[2]], e.Culprits);
        Assert.Contains("3", e.Message, StringComparison.Ordinal);

        var replayed = new Dictionary<FrostIdentifier, FrostDkgRound1Package> { [ids[1]] = round1[ids[2]], [ids[2]] = round1[ids[2]] };
        e = Assert.Throws<FrostProtocolException>(() => FrostDkg.Part2(secrets[0], replayed));
        Assert.Equal([ids[1]], e.Culprits);

        // The honest set still goes through.
        (FrostDkgRound2SecretPackage s2, _) = FrostDkg.Part2(secrets[0], FrostKeyGenFlows.Others(round1, ids[0]));
        s2.Dispose();
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void ATamperedShare_NamesItsSender(string name)
    {
        FrostCiphersuite suite = KeyGenSuites.Ciphersuite(name);
        FrostIdentifier[] ids = [.. Enumerable.Range(1, 4).Select(i => FrostIdentifier.FromInteger(suite, (ulong)i))];
        var s1 = new FrostDkgRound1SecretPackage[4];
        var round1 = new Dictionary<FrostIdentifier, FrostDkgRound1Package>();
        for (int i = 0; i < 4; i++)
        {
            (s1[i], round1[ids[i]]) = FrostDkg.Part1(ids[i], 3, 4);
        }

        var s2 = new FrostDkgRound2SecretPackage[4];
        var sent = new IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package>[4];
        for (int i = 0; i < 4; i++)
        {
            (s2[i], sent[i]) = FrostDkg.Part2(s1[i], FrostKeyGenFlows.Others(round1, ids[i]));
        }

        // Participant 1 receives: from 2 a share for someone else (the one 2 made for 3), from 4 a share + 1.
        ScalarField f = suite.Suite.Scalars;
        byte[] plusOne = sent[3][ids[0]].ToBytes();
        Span<byte> z = plusOne.AsSpan(plusOne.Length - suite.ScalarLength);
        f.Encode(f.Add(f.Decode(z, "share"), f.One), z);
        var inbox = new Dictionary<FrostIdentifier, FrostDkgRound2Package>
        {
            [ids[1]] = sent[1][ids[2]],
            [ids[2]] = sent[2][ids[0]],
            [ids[3]] = FrostDkgRound2Package.FromBytes(plusOne),
        };
        var e = Assert.Throws<FrostProtocolException>(() => FrostDkg.Part3(s2[0], FrostKeyGenFlows.Others(round1, ids[0]), inbox));
        Assert.Equal([ids[1], ids[3]], e.Culprits);

        // Packages from a participant that is not in the DKG, or missing ones: refused without culprits.
        var wrongSenders = new Dictionary<FrostIdentifier, FrostDkgRound2Package>
        {
            [ids[1]] = sent[1][ids[0]],
            [ids[2]] = sent[2][ids[0]],
            [FrostIdentifier.FromInteger(suite, 9)] = sent[3][ids[0]],
        };
        Assert.Empty(Assert.Throws<FrostProtocolException>(() => FrostDkg.Part3(s2[0], FrostKeyGenFlows.Others(round1, ids[0]), wrongSenders)).Culprits);
        var missing = new Dictionary<FrostIdentifier, FrostDkgRound2Package> { [ids[1]] = sent[1][ids[0]] };
        Assert.Throws<FrostProtocolException>(() => FrostDkg.Part3(s2[0], FrostKeyGenFlows.Others(round1, ids[0]), missing));

        // The honest inbox works.
        var honest = new Dictionary<FrostIdentifier, FrostDkgRound2Package> { [ids[1]] = sent[1][ids[0]], [ids[2]] = sent[2][ids[0]], [ids[3]] = sent[3][ids[0]] };
        (FrostKeyPackage key, _) = FrostDkg.Part3(s2[0], FrostKeyGenFlows.Others(round1, ids[0]), honest);
        key.Dispose();
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Contracts_ArgumentsAndDisposal(string name)
    {
        FrostCiphersuite suite = KeyGenSuites.Ciphersuite(name);
        FrostCiphersuite other = suite == FrostCiphersuite.P256 ? FrostCiphersuite.Secp256k1 : FrostCiphersuite.P256;
        FrostIdentifier one = FrostIdentifier.FromInteger(suite, 1), two = FrostIdentifier.FromInteger(suite, 2);
        Assert.Throws<ArgumentNullException>(() => FrostDkg.Part1(null!, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostDkg.Part1(one, 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostDkg.Part1(one, 4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostDkg.Part1(one, 2, 65536));

        (FrostDkgRound1SecretPackage s1, FrostDkgRound1Package p1) = FrostDkg.Part1(one, 2, 2);
        (_, FrostDkgRound1Package p2) = FrostDkg.Part1(two, 2, 2);
        (_, FrostDkgRound1Package pOther) = FrostDkg.Part1(FrostIdentifier.FromInteger(other, 2), 2, 2);
        Assert.Throws<ArgumentNullException>(() => FrostDkg.Part2(null!, new Dictionary<FrostIdentifier, FrostDkgRound1Package>()));
        Assert.Throws<ArgumentNullException>(() => FrostDkg.Part2(s1, null!));
        Assert.Throws<ArgumentNullException>(() => FrostDkg.Part2(s1, new Dictionary<FrostIdentifier, FrostDkgRound1Package> { [two] = null! }));
        Assert.Throws<ArgumentException>(() => FrostDkg.Part2(s1, new Dictionary<FrostIdentifier, FrostDkgRound1Package> { [two] = pOther }));
        Assert.Throws<ArgumentException>(() => FrostDkg.Part2(s1, new Dictionary<FrostIdentifier, FrostDkgRound1Package> { [FrostIdentifier.FromInteger(other, 2)] = p2 }));
        Assert.Throws<FrostProtocolException>(() => FrostDkg.Part2(s1, new Dictionary<FrostIdentifier, FrostDkgRound1Package>()));
        Assert.Throws<FrostProtocolException>(() => FrostDkg.Part2(s1, new Dictionary<FrostIdentifier, FrostDkgRound1Package> { [one] = p1 }));

        // A refresh state is not a DKG state.
        (FrostDkgRound1SecretPackage refresh, _) = FrostRefresh.DkgPart1(one, 2, 2);
        Assert.True(refresh.IsRefresh);
        Assert.False(s1.IsRefresh);
        Assert.Throws<ArgumentException>(() => FrostDkg.Part2(refresh, new Dictionary<FrostIdentifier, FrostDkgRound1Package> { [two] = p2 }));

        // Secrets are redacted and cleared.
        Assert.DoesNotContain(Hex.Encode(s1.ToBytes()[^suite.ScalarLength..]), s1.ToString(), StringComparison.Ordinal);
        Assert.Contains("<redacted>", s1.ToString(), StringComparison.Ordinal);
        s1.Dispose();
        Assert.Throws<ObjectDisposedException>(() => s1.ToBytes());
        Assert.Throws<ObjectDisposedException>(() => s1.ToJson());
        Assert.Throws<ObjectDisposedException>(() => FrostDkg.Part2(s1, new Dictionary<FrostIdentifier, FrostDkgRound1Package> { [two] = p2 }));
    }
}
