using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Keys;
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
            (DkgVector.Participant me, DkgVector.Participant[] others, Scalar[] senders, List<DkgRound1Broadcast> round1) = v.ViewOf(i);

            // Part 1 from the vector's polynomial: the commitment must be the vector's; our proof must verify.
            DkgRound1Secret round1Secret = v.Part1(me, suite.Scalars.FromUInt64(0x1234567u + (ulong)me.Number), out DkgRound1Broadcast mine);
            Assert.Equal(me.CommitmentHex, mine.Commitment.Select(e => Hex.Encode(suite.Group.SerializeElement(e))).ToArray());
            Assert.True(Dkg.VerifyProofOfKnowledge(suite, me.Identifier, mine.Commitment, mine.ProofR!, mine.ProofZ));
            Assert.True(Dkg.VerifyProofOfKnowledge(suite, me.Identifier, me.Broadcast.Commitment, me.Broadcast.ProofR!, me.Broadcast.ProofZ));

            // Part 2 with the others' vector round-1 packages: their proofs verify, and the shares we send are
            // the ones the vector lists as received by them.
            DkgRound2Secret round2Secret = Dkg.Part2(suite, round1Secret, senders, round1, out Scalar[] outgoing);
            for (int k = 0; k < others.Length; k++)
            {
                Assert.Equal(others[k].ReceivedHex[me.Number], Hex.Encode(suite.Scalars.Encode(outgoing[k])));
            }

            // Part 3 with the shares the vector lists as received by us.
            KeyGenOutput output = Dkg.Part3(suite, round2Secret, senders, round1, senders, v.ReceivedBy(me, others));

            Assert.Equal(me.SigningShareHex, Hex.Encode(suite.Scalars.Encode(output.SigningShare)));
            Assert.Equal(me.VerifyingShareHex, Hex.Encode(suite.Group.SerializeElement(output.VerifyingShare)));
            Assert.Equal(v.VerifyingKeyHex, Hex.Encode(suite.Group.SerializeElement(output.VerifyingKey)));
            Assert.Equal(v.MinSigners, output.MinSigners);
            Assert.Equal(v.Participants.Select(p => p.VerifyingShareHex).ToArray(), output.VerifyingShares.Select(e => Hex.Encode(suite.Group.SerializeElement(e))).ToArray());
            Assert.Equal(v.Participants.Select(p => p.Number).ToArray(), output.Participants.Select(id => (int)suite.Scalars.ToBigInteger(id)).ToArray());
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
        DkgRound1Broadcast good = others[1].Broadcast;
        var badMu = new DkgRound1Broadcast(good.Commitment, good.ProofR, f.Add(good.ProofZ, f.One));
        var badR = new DkgRound1Broadcast(good.Commitment, suite.Group.Add(good.ProofR!, suite.Group.Generator), good.ProofZ);
        var otherIdentity = new DkgRound1Broadcast(good.Commitment, good.ProofR, good.ProofZ);
        foreach (DkgRound1Broadcast bad in new[] { badMu, badR })
        {
            DkgRound1Secret secret = v.Part1(me, f.One, out _);
            var e = Assert.Throws<KeyGenCulpritException>(() => Dkg.Part2(suite, secret, senders, [others[0].Broadcast, bad], out _));
            Assert.Single(e.Culprits);
            Assert.True(f.Equal(others[1].Identifier, e.Culprits[0]));
        }

        // A valid proof replayed under another identifier fails too: the challenge binds the identifier.
        DkgRound1Secret s2 = v.Part1(me, f.One, out _);
        var swapped = Assert.Throws<KeyGenCulpritException>(() => Dkg.Part2(suite, s2, senders, [otherIdentity, others[0].Broadcast], out _));
        Assert.Equal(2, swapped.Culprits.Count);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void ATamperedShareNamesItsSender(string name)
    {
        var v = DkgVector.Load(name);
        FrostSuite suite = v.Suite;
        ScalarField f = suite.Scalars;
        (DkgVector.Participant me, DkgVector.Participant[] others, Scalar[] senders, List<DkgRound1Broadcast> round1) = v.ViewOf(1);
        DkgRound2Secret round2 = Dkg.Part2(suite, v.Part1(me, f.One, out _), senders, round1, out _);
        Scalar[] received = v.ReceivedBy(me, others);

        Scalar[] tampered = (Scalar[])received.Clone();
        tampered[0] = f.Add(tampered[0], f.One);
        var e = Assert.Throws<KeyGenCulpritException>(() => Dkg.Part3(suite, round2, senders, round1, senders, tampered));
        Assert.Single(e.Culprits);
        Assert.True(f.Equal(others[0].Identifier, e.Culprits[0]));

        // Both wrong: both named.
        tampered[1] = f.Add(tampered[1], f.One);
        e = Assert.Throws<KeyGenCulpritException>(() => Dkg.Part3(suite, round2, senders, round1, senders, tampered));
        Assert.Equal(2, e.Culprits.Count);

        // Shares swapped between the senders: each fails against its claimed sender's commitment.
        e = Assert.Throws<KeyGenCulpritException>(() => Dkg.Part3(suite, round2, senders, round1, senders, [received[1], received[0]]));
        Assert.Equal(2, e.Culprits.Count);

        // The untampered shares still work after all that.
        KeyGenOutput output = Dkg.Part3(suite, round2, senders, round1, senders, received);
        Assert.Equal(me.SigningShareHex, Hex.Encode(f.Encode(output.SigningShare)));
    }

    /// <summary>vectors_dkg.json parsed into internal values.</summary>
    internal sealed class DkgVector
    {
        internal FrostSuite Suite { get; private init; } = null!;

        internal int MinSigners { get; private init; }

        internal int MaxSigners { get; private init; }

        internal string VerifyingKeyHex { get; private init; } = "";

        internal Participant[] Participants { get; private init; } = [];

        internal static DkgVector Load(string name)
        {
            FrostSuite suite = KeyGenSuites.Get(name);
            using JsonDocument doc = KeyGenSuites.LoadVector(name, "vectors_dkg.json");
            JsonElement config = doc.RootElement.GetProperty("config");
            JsonElement inputs = doc.RootElement.GetProperty("inputs");
            int max = config.GetProperty("MAX_PARTICIPANTS").GetInt32();
            var participants = new List<Participant>();
            for (int i = 1; i <= max; i++)
            {
                JsonElement p = inputs.GetProperty(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                participants.Add(Participant.Parse(suite, p));
            }

            return new DkgVector
            {
                Suite = suite,
                MinSigners = config.GetProperty("MIN_PARTICIPANTS").GetInt32(),
                MaxSigners = max,
                VerifyingKeyHex = inputs.GetProperty("verifying_key").GetString()!,
                Participants = [.. participants],
            };
        }

        /// <summary>Participant <paramref name="index"/>, the others in vector order, their identifiers and round-1 messages.</summary>
        internal (Participant Me, Participant[] Others, Scalar[] Senders, List<DkgRound1Broadcast> Round1) ViewOf(int index)
        {
            Participant[] others = [.. Participants.Where((_, k) => k != index)];
            return (Participants[index], others, [.. others.Select(o => o.Identifier)], [.. others.Select(o => o.Broadcast)]);
        }

        /// <summary>Part 1 of <paramref name="me"/> from the vector's polynomial (a_0, a_1) with the given proof nonce.</summary>
        internal DkgRound1Secret Part1(Participant me, in Scalar nonce, out DkgRound1Broadcast broadcast) =>
            Dkg.Part1Derandomized(Suite, me.Identifier, MaxSigners, MinSigners, [me.SigningKey, me.Coefficient], nonce, out broadcast);

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

            internal DkgRound1Broadcast Broadcast { get; private init; } = null!;

            /// <summary>Sender number -> the share this participant received from it (hex).</summary>
            internal Dictionary<int, string> ReceivedHex { get; private init; } = [];

            internal string SigningShareHex { get; private init; } = "";

            internal string VerifyingShareHex { get; private init; } = "";

            internal static Participant Parse(FrostSuite suite, JsonElement p)
            {
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
                    Broadcast = new DkgRound1Broadcast(commitment, Element(g, Hex.Encode(proof.AsSpan(0, g.ElementLength))), f.Decode(proof.AsSpan(g.ElementLength), "proof z")),
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
