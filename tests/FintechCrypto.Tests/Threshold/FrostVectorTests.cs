using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Testing;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// RFC 9591 Appendix E vectors and the Zcash Foundation's supplementary vectors (vectors.json and
/// vectors-big-identifier.json; key "verifying_key_key" for the group key), written once for every suite:
/// every intermediate value is reproduced: the shares from the given secret and coefficients, the nonces from the
/// given randomness, the commitments, the binding factor inputs and factors, the signature shares and the signature.
/// </summary>
[Trait("Category", "KnownAnswer")]
public sealed class FrostVectorTests
{
    public static TheoryData<string, string> Files() => FrostTestSuites.SigningVectorFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryIntermediateValue_IsReproduced(string suiteName, string manifestPath)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        ScalarField field = suite.Suite.Scalars;
        PrimeOrderGroup group = suite.Suite.Group;
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(VectorFiles.Resolve(manifestPath)));
        JsonElement config = doc.RootElement.GetProperty("config");
        JsonElement inputs = doc.RootElement.GetProperty("inputs");

        int maxParticipants = int.Parse(config.GetProperty("MAX_PARTICIPANTS").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        int minParticipants = int.Parse(config.GetProperty("MIN_PARTICIPANTS").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        byte[] groupSecretKey = Hex.Decode(inputs.GetProperty("group_secret_key").GetString()!);
        string groupPublicKeyHex = (inputs.TryGetProperty("group_public_key", out JsonElement gpk) ? gpk : inputs.GetProperty("verifying_key_key")).GetString()!;
        byte[] message = Hex.Decode(inputs.GetProperty("message").GetString()!);
        var coefficients = new List<byte[]>();
        foreach (JsonElement c in inputs.GetProperty("share_polynomial_coefficients").EnumerateArray())
        {
            coefficients.Add(Hex.Decode(c.GetString()!));
        }

        Assert.Equal(minParticipants - 1, coefficients.Count);

        // Key generation (RFC 9591 Appendix C) from the given secret and coefficients, identifiers 1..MAX.
        var identifiers = new List<FrostIdentifier>();
        for (int i = 1; i <= maxParticipants; i++)
        {
            identifiers.Add(FrostIdentifier.FromInteger(suite, (ulong)i));
        }

        using FrostTrustedDealerResult dealt = FrostTrustedDealer.SplitForTesting(suite, groupSecretKey, coefficients, identifiers);
        Assert.Equal(groupPublicKeyHex, Hex.Encode(dealt.PublicKeyPackage.GroupVerifyingKey.Span));
        Assert.Equal(groupPublicKeyHex, Hex.Encode(dealt.Commitment.GroupVerifyingKey.Span));
        Assert.Equal(minParticipants, dealt.PublicKeyPackage.MinSigners);

        var keyPackages = new Dictionary<FrostIdentifier, FrostKeyPackage>();
        int sharesChecked = 0;
        foreach (JsonElement share in inputs.GetProperty("participant_shares").EnumerateArray())
        {
            int id = share.GetProperty("identifier").GetInt32();
            FrostSecretShare secretShare = dealt.SecretShares[id - 1];
            Assert.Equal(identifiers[id - 1], secretShare.Identifier);
            Assert.True(secretShare.Verify());
            FrostKeyPackage keyPackage = secretShare.ToKeyPackage();
            keyPackages[secretShare.Identifier] = keyPackage;
            Assert.Equal(share.GetProperty("participant_share").GetString(), Hex.Encode(ShareBytes(keyPackage)));
            Assert.Equal(keyPackage.VerifyingShare.ToArray(), dealt.PublicKeyPackage.GetVerifyingShare(secretShare.Identifier));
            sharesChecked++;
        }

        Assert.Equal(maxParticipants, sharesChecked);

        // Round one: nonces from the given randomness (RFC 9591 §4.1, §5.1).
        var nonces = new Dictionary<FrostIdentifier, FrostSigningNonces>();
        var commitments = new List<KeyValuePair<FrostIdentifier, FrostSigningCommitments>>();
        var expectedBindingInputs = new Dictionary<FrostIdentifier, string>();
        var expectedBindingFactors = new Dictionary<FrostIdentifier, string>();
        var participantList = new List<FrostIdentifier>();
        foreach (JsonElement p in inputs.GetProperty("participant_list").EnumerateArray())
        {
            participantList.Add(FrostIdentifier.FromInteger(suite, (ulong)p.GetInt32()));
        }

        foreach (JsonElement output in doc.RootElement.GetProperty("round_one_outputs").GetProperty("outputs").EnumerateArray())
        {
            FrostIdentifier id = FrostIdentifier.FromInteger(suite, (ulong)output.GetProperty("identifier").GetInt32());
            Assert.Contains(id, participantList);
            FrostKeyPackage keyPackage = keyPackages[id];
            byte[] hidingRandomness = Hex.Decode(output.GetProperty("hiding_nonce_randomness").GetString()!);
            byte[] bindingRandomness = Hex.Decode(output.GetProperty("binding_nonce_randomness").GetString()!);

            Scalar secret = keyPackage.GetSigningShare();
            Scalar hiding = Round1.NonceGenerate(suite.Suite, secret, hidingRandomness);
            Scalar binding = Round1.NonceGenerate(suite.Suite, secret, bindingRandomness);
            Assert.Equal(output.GetProperty("hiding_nonce").GetString(), Hex.Encode(field.Encode(hiding)));
            Assert.Equal(output.GetProperty("binding_nonce").GetString(), Hex.Encode(field.Encode(binding)));

            (FrostSigningNonces n, FrostSigningCommitments c) = FrostParticipant.CommitForTesting(keyPackage, hidingRandomness, bindingRandomness);
            Assert.Equal(output.GetProperty("hiding_nonce_commitment").GetString(), Hex.Encode(group.SerializeElement(c.Hiding)));
            Assert.Equal(output.GetProperty("binding_nonce_commitment").GetString(), Hex.Encode(group.SerializeElement(c.Binding)));
            Assert.True(group.ElementEquals(c.Hiding, group.MultiplyBase(hiding)));
            Assert.Equal(c, n.Commitments);
            nonces[id] = n;
            commitments.Add(new KeyValuePair<FrostIdentifier, FrostSigningCommitments>(id, c));
            expectedBindingInputs[id] = output.GetProperty("binding_factor_input").GetString()!;
            expectedBindingFactors[id] = output.GetProperty("binding_factor").GetString()!;
        }

        Assert.Equal(participantList.Count, commitments.Count);

        // The coordinator's signing package, in reverse order to check the sort (RFC 9591 §4.3).
        commitments.Reverse();
        var package = new FrostSigningPackage(commitments, message);
        Assert.Equal(participantList, package.Identifiers);

        // Binding factors (RFC 9591 §4.4).
        GroupElement groupKey = dealt.PublicKeyPackage.VerifyingKeyElement;
        byte[][] bindingInputs = BindingFactors.ComputeInputs(suite.Suite, groupKey, package.CommitmentList, message);
        Scalar[] bindingFactors = BindingFactors.Compute(suite.Suite, groupKey, package.CommitmentList, message);
        for (int i = 0; i < package.Count; i++)
        {
            FrostIdentifier id = package.Identifiers[i];
            Assert.Equal(expectedBindingInputs[id], Hex.Encode(bindingInputs[i]));
            Assert.Equal(expectedBindingFactors[id], Hex.Encode(field.Encode(bindingFactors[i])));
        }

        // Round two (RFC 9591 §5.2).
        var ourShares = new Dictionary<FrostIdentifier, FrostSignatureShare>();
        var vectorShares = new Dictionary<FrostIdentifier, FrostSignatureShare>();
        foreach (JsonElement output in doc.RootElement.GetProperty("round_two_outputs").GetProperty("outputs").EnumerateArray())
        {
            FrostIdentifier id = FrostIdentifier.FromInteger(suite, (ulong)output.GetProperty("identifier").GetInt32());
            FrostSignatureShare share = FrostParticipant.Sign(package, nonces[id], keyPackages[id]);
            Assert.True(nonces[id].IsConsumed);
            Assert.Equal(output.GetProperty("sig_share").GetString(), Hex.Encode(share.ToScalarBytes()));
            Assert.True(FrostCoordinator.VerifySignatureShare(id, share, package, dealt.PublicKeyPackage));
            ourShares[id] = share;
            vectorShares[id] = new FrostSignatureShare(suite, field.Decode(Hex.Decode(output.GetProperty("sig_share").GetString()!), "vector share"));
        }

        Assert.Equal(package.Count, ourShares.Count);

        // Aggregation (RFC 9591 §5.3) from our shares and from the vector's shares.
        string expectedSignature = doc.RootElement.GetProperty("final_output").GetProperty("sig").GetString()!;
        byte[] signature = FrostCoordinator.Aggregate(package, ourShares, dealt.PublicKeyPackage);
        Assert.Equal(expectedSignature, Hex.Encode(signature));
        Assert.Equal(expectedSignature, Hex.Encode(FrostCoordinator.Aggregate(package, vectorShares, dealt.PublicKeyPackage)));
        Assert.Equal(suite.SignatureLength, signature.Length);

        Assert.True(suite.Verify(Hex.Decode(groupPublicKeyHex), message, signature));
        Assert.True(dealt.PublicKeyPackage.Verify(message, signature));
        byte[] otherMessage = [.. message, 0];
        Assert.False(suite.Verify(Hex.Decode(groupPublicKeyHex), otherMessage, signature));

        foreach (FrostKeyPackage kp in keyPackages.Values)
        {
            kp.Dispose();
        }
    }

    private static byte[] ShareBytes(FrostKeyPackage keyPackage)
    {
        Scalar s = keyPackage.GetSigningShare();
        return keyPackage.Ciphersuite.Suite.Scalars.Encode(s);
    }
}
