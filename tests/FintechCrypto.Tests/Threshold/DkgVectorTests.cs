using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Keys;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The internal DKG (src/Crypto/Internal/Frost/Keys/Dkg.cs) against the Zcash Foundation's vectors_dkg.json,
/// used as frost-core's check_dkg_keygen uses it (docs/frost-keygen.md §a) and more: our commitments, the shares
/// we send and our own proofs are checked too.
/// </summary>
[Trait("Category", "KnownAnswer")]
public sealed class DkgVectorTests
{
    public static TheoryData<string> Suites => KeyGenSuites.Names;

    [Theory]
    [MemberData(nameof(Suites))]
    public void EveryParticipantReachesTheVectorKeys(string name)
    {
        var v = DkgVector.Load(name);
        FrostSuite suite = v.Suite;
        Assert.Equal(3, v.Participants.Length);
        Assert.Equal(2, v.MinSigners);

        for (int i = 0; i < v.Participants.Length; i++)
        {
            (DkgVector.Participant me, DkgVector.Participant[] others, Scalar[] senders, List<FrostDkgRound1Package> round1) = v.ViewOf(i);

            // Part 1 from the vector's polynomial: the commitment must be the vector's; our proof must verify.
            FrostDkgRound1SecretPackage round1Secret = v.Part1(me, suite.Scalars.FromUInt64(0x1234567u + (ulong)me.Number), out FrostDkgRound1Package mine);
            Assert.Equal(me.CommitmentHex, mine.CommitmentElements.Select(e => Hex.Encode(suite.Group.SerializeElement(e))).ToArray());
            Assert.True(Dkg.VerifyProofOfKnowledge(suite, me.Identifier, mine.CommitmentElements, mine.ProofR, mine.ProofMu));
            Assert.True(Dkg.VerifyProofOfKnowledge(suite, me.Identifier, me.Broadcast.CommitmentElements, me.Broadcast.ProofR, me.Broadcast.ProofMu));

            // Part 2 with the others' vector round-1 packages: their proofs verify, and the shares we send are
            // the ones the vector lists as received by them.
            FrostDkgRound2SecretPackage round2Secret = Dkg.Part2(round1Secret, senders, round1, out FrostDkgRound2Package[] outgoing);
            for (int k = 0; k < others.Length; k++)
            {
                Assert.Equal(others[k].ReceivedHex[me.Number], Hex.Encode(suite.Scalars.Encode(outgoing[k].GetValue())));
            }

            // Part 3 with the shares the vector lists as received by us.
            (FrostKeyPackage output, FrostPublicKeyPackage outputPublic) = Dkg.Part3(round2Secret, senders, round1, senders, v.ReceivedBy(me, others));

            Assert.Equal(me.SigningShareHex, Hex.Encode(suite.Scalars.Encode(output.GetSigningShare())));
            Assert.Equal(me.VerifyingShareHex, Hex.Encode(suite.Group.SerializeElement(output.VerifyingShareElement)));
            Assert.Equal(v.VerifyingKeyHex, Hex.Encode(suite.Group.SerializeElement(output.VerifyingKeyElement)));
            Assert.Equal(v.MinSigners, output.MinSigners);
            Assert.Equal(v.MinSigners, outputPublic.MinSigners);
            Assert.True(suite.Group.ElementEquals(output.VerifyingKeyElement, outputPublic.VerifyingKeyElement));
            Assert.Equal(v.Participants.Select(p => p.VerifyingShareHex).ToArray(), outputPublic.Identifiers.Select(id => outputPublic.FindVerifyingShare(id)!).Select(e => Hex.Encode(suite.Group.SerializeElement(e))).ToArray());
            Assert.Equal(v.Participants.Select(p => p.Number).ToArray(), outputPublic.Identifiers.Select(id => (int)suite.Scalars.ToBigInteger(id.Scalar)).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void ATweakedProofOfKnowledgeNamesItsSender(string name)
    {
        var v = DkgVector.Load(name);
        FrostSuite suite = v.Suite;
        ScalarField f = suite.Scalars;
        (DkgVector.Participant me, DkgVector.Participant[] others, Scalar[] senders, _) = v.ViewOf(0);

        // mu + 1, then R replaced by R + B: each is caught and blamed on participant 3 only.
        FrostDkgRound1Package good = others[1].Broadcast;
        var badMu = new FrostDkgRound1Package(v.Ciphersuite, good.CommitmentElements, good.ProofR, f.Add(good.ProofMu, f.One));
        var badR = new FrostDkgRound1Package(v.Ciphersuite, good.CommitmentElements, suite.Group.Add(good.ProofR, suite.Group.Generator), good.ProofMu);
        var otherIdentity = new FrostDkgRound1Package(v.Ciphersuite, good.CommitmentElements, good.ProofR, good.ProofMu);
        foreach (FrostDkgRound1Package bad in new[] { badMu, badR })
        {
            FrostDkgRound1SecretPackage secret = v.Part1(me, f.One, out _);
            var e = Assert.Throws<KeyGenCulpritException>(() => Dkg.Part2(secret, senders, [others[0].Broadcast, bad], out _));
            Assert.Single(e.Culprits);
            Assert.True(f.Equal(others[1].Identifier, e.Culprits[0]));
        }

        // A valid proof replayed under another identifier fails too: the challenge binds the identifier.
        FrostDkgRound1SecretPackage s2 = v.Part1(me, f.One, out _);
        var swapped = Assert.Throws<KeyGenCulpritException>(() => Dkg.Part2(s2, senders, [otherIdentity, others[0].Broadcast], out _));
        Assert.Equal(2, swapped.Culprits.Count);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void ATamperedShareNamesItsSender(string name)
    {
        var v = DkgVector.Load(name);
        FrostSuite suite = v.Suite;
        ScalarField f = suite.Scalars;
        (DkgVector.Participant me, DkgVector.Participant[] others, Scalar[] senders, List<FrostDkgRound1Package> round1) = v.ViewOf(1);
        FrostDkgRound2SecretPackage round2 = Dkg.Part2(v.Part1(me, f.One, out _), senders, round1, out _);
        Scalar[] received = v.ReceivedBy(me, others);

        Scalar[] tampered = (Scalar[])received.Clone();
        tampered[0] = f.Add(tampered[0], f.One);
        var e = Assert.Throws<KeyGenCulpritException>(() => Dkg.Part3(round2, senders, round1, senders, tampered));
        Assert.Single(e.Culprits);
        Assert.True(f.Equal(others[0].Identifier, e.Culprits[0]));

        // Both wrong: both named.
        tampered[1] = f.Add(tampered[1], f.One);
        e = Assert.Throws<KeyGenCulpritException>(() => Dkg.Part3(round2, senders, round1, senders, tampered));
        Assert.Equal(2, e.Culprits.Count);

        // Shares swapped between the senders: each fails against its claimed sender's commitment.
        e = Assert.Throws<KeyGenCulpritException>(() => Dkg.Part3(round2, senders, round1, senders, [received[1], received[0]]));
        Assert.Equal(2, e.Culprits.Count);

        // The untampered shares still work after all that.
        (FrostKeyPackage output, _) = Dkg.Part3(round2, senders, round1, senders, received);
        Assert.Equal(me.SigningShareHex, Hex.Encode(f.Encode(output.GetSigningShare())));
    }

    /// <summary>vectors_dkg.json parsed into internal values.</summary>
    internal sealed class DkgVector
    {
        internal FrostCiphersuite Ciphersuite { get; private init; } = null!;

        internal FrostSuite Suite => Ciphersuite.Suite;

        internal int MinSigners { get; private init; }

        internal int MaxSigners { get; private init; }

        internal string VerifyingKeyHex { get; private init; } = "";

        internal Participant[] Participants { get; private init; } = [];

        internal static DkgVector Load(string name)
        {
            FrostCiphersuite ciphersuite = KeyGenSuites.Ciphersuite(name);
            using JsonDocument doc = KeyGenSuites.LoadVector(name, "vectors_dkg.json");
            JsonElement config = doc.RootElement.GetProperty("config");
            JsonElement inputs = doc.RootElement.GetProperty("inputs");
            int max = config.GetProperty("MAX_PARTICIPANTS").GetInt32();
            var participants = new List<Participant>();
            for (int i = 1; i <= max; i++)
            {
                JsonElement p = inputs.GetProperty(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                participants.Add(Participant.Parse(ciphersuite, p));
            }

            return new DkgVector
            {
                Ciphersuite = ciphersuite,
                MinSigners = config.GetProperty("MIN_PARTICIPANTS").GetInt32(),
                MaxSigners = max,
                VerifyingKeyHex = inputs.GetProperty("verifying_key").GetString()!,
                Participants = [.. participants],
            };
        }

        /// <summary>Participant <paramref name="index"/>, the others in vector order, their identifiers and round-1 messages.</summary>
        internal (Participant Me, Participant[] Others, Scalar[] Senders, List<FrostDkgRound1Package> Round1) ViewOf(int index)
        {
            Participant[] others = [.. Participants.Where((_, k) => k != index)];
            return (Participants[index], others, [.. others.Select(o => o.Identifier)], [.. others.Select(o => o.Broadcast)]);
        }

        /// <summary>Part 1 of <paramref name="me"/> from the vector's polynomial (a_0, a_1) with the given proof nonce.</summary>
        internal FrostDkgRound1SecretPackage Part1(Participant me, in Scalar nonce, out FrostDkgRound1Package broadcast) =>
            Dkg.Part1Derandomized(FrostIdentifier.FromScalar(Ciphersuite, me.Identifier), MaxSigners, MinSigners, [me.SigningKey, me.Coefficient], nonce, out broadcast);

        /// <summary>The shares the vector lists as received by <paramref name="me"/> from each of <paramref name="senders"/>.</summary>
        internal Scalar[] ReceivedBy(Participant me, Participant[] senders) =>
            [.. senders.Select(o => Suite.Scalars.Decode(Hex.Decode(me.ReceivedHex[o.Number]), "share"))];

        internal sealed class Participant
        {
            internal int Number { get; private init; }

            internal Scalar Identifier { get; private init; }

            internal Scalar SigningKey { get; private init; }

            internal Scalar Coefficient { get; private init; }

            internal string[] CommitmentHex { get; private init; } = [];

            internal FrostDkgRound1Package Broadcast { get; private init; } = null!;

            /// <summary>Sender number -> the share this participant received from it (hex).</summary>
            internal Dictionary<int, string> ReceivedHex { get; private init; } = [];

            internal string SigningShareHex { get; private init; } = "";

            internal string VerifyingShareHex { get; private init; } = "";

            internal static Participant Parse(FrostCiphersuite ciphersuite, JsonElement p)
            {
                FrostSuite suite = ciphersuite.Suite;
                ScalarField f = suite.Scalars;
                PrimeOrderGroup g = suite.Group;
                int number = p.GetProperty("identifier").GetInt32();
                string[] commitmentHex = p.GetProperty("vss_commitments").EnumerateArray().Select(e => e.GetString()!).ToArray();
                var commitment = commitmentHex.Select(h => Element(g, h)).ToArray();
                byte[] proof = Hex.Decode(p.GetProperty("proof_of_knowledge").GetString()!);
                Assert.Equal(g.ElementLength + f.Length, proof.Length);
                var received = new Dictionary<int, string>();
                foreach (JsonProperty share in p.GetProperty("signing_shares").EnumerateObject())
                {
                    received[int.Parse(share.Name, System.Globalization.CultureInfo.InvariantCulture)] = share.Value.GetString()!;
                }

                return new Participant
                {
                    Number = number,
                    Identifier = f.FromUInt64((ulong)number),
                    SigningKey = KeyGenSuites.ReadScalar(f, p, "signing_key"),
                    Coefficient = KeyGenSuites.ReadScalar(f, p, "coefficient"),
                    CommitmentHex = commitmentHex,
                    Broadcast = new FrostDkgRound1Package(ciphersuite, commitment, Element(g, Hex.Encode(proof.AsSpan(0, g.ElementLength))), f.Decode(proof.AsSpan(g.ElementLength), "proof z")),
                    ReceivedHex = received,
                    SigningShareHex = p.GetProperty("signing_share").GetString()!,
                    VerifyingShareHex = p.GetProperty("verifying_share").GetString()!,
                };
            }

            private static GroupElement Element(PrimeOrderGroup g, string hex)
            {
                Assert.True(g.TryDeserializeElement(Hex.Decode(hex), out GroupElement e));
                return e;
            }
        }
    }
}
