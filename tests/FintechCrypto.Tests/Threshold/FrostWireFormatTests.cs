using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// The FROST signing and dealer wire formats (docs/frost-wire.md, types 1-7): the checks of
/// <see cref="WireCodecTests"/> for every message and suite, plus decoded messages that still sign, a pinned layout,
/// refusal of unsorted or duplicate lists, identity and invalid elements, and unknown suites or versions.
/// </summary>
public sealed class FrostWireFormatTests : WireCodecTests
{
    private static readonly WireCodec[] s_codecs =
    [
        WireCodec.Of("signing commitments", 1, b => FrostSigningCommitments.FromBytes(b), FrostSigningCommitments.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("signing package", 2, b => FrostSigningPackage.FromBytes(b), FrostSigningPackage.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("signature share", 3, b => FrostSignatureShare.FromBytes(b), FrostSignatureShare.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("secret share", 4, b => FrostSecretShare.FromBytes(b), FrostSecretShare.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("key package", 5, b => FrostKeyPackage.FromBytes(b), FrostKeyPackage.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("public key package", 6, b => FrostPublicKeyPackage.FromBytes(b), FrostPublicKeyPackage.FromJson, m => m.ToBytes(), m => m.ToJson()),
        WireCodec.Of("VSS commitment", 7, b => FrostVssCommitment.FromBytes(b), FrostVssCommitment.FromJson, m => m.ToBytes(), m => m.ToJson()),
    ];

    // One valid message of each type per suite (index-aligned with s_codecs), made once.
    private static readonly Lazy<List<(FrostCiphersuite Suite, object[] Messages)>> s_samples = new(() =>
    {
        var list = new List<(FrostCiphersuite, object[])>();
        foreach (FrostCiphersuite suite in FrostTestSuites.Suites())
        {
            FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
            FrostKeyPackage kp1 = dealt.SecretShares[0].ToKeyPackage();
            FrostKeyPackage kp2 = dealt.SecretShares[1].ToKeyPackage();
            (FrostSigningNonces n1, FrostSigningCommitments c1) = FrostParticipant.Commit(kp1);
            (_, FrostSigningCommitments c2) = FrostParticipant.Commit(kp2);
            var package = new FrostSigningPackage(new Dictionary<FrostIdentifier, FrostSigningCommitments> { [kp1.Identifier] = c1, [kp2.Identifier] = c2 }, Encoding.UTF8.GetBytes("pay 100 EUR"));
            FrostSignatureShare share = FrostParticipant.Sign(package, n1, kp1);
            list.Add((suite, [c1, package, share, dealt.SecretShares[2], kp2, dealt.PublicKeyPackage, dealt.Commitment]));
        }

        return list;
    });

    private protected override IReadOnlyList<WireCodec> Codecs => s_codecs;

    private protected override IReadOnlyList<(FrostCiphersuite Suite, (WireCodec Codec, object Message)[] Messages)> Samples =>
        [.. s_samples.Value.Select(s => (s.Suite, s.Messages.Select((m, i) => (s_codecs[i], m)).ToArray()))];

    private protected override string[] JsonPropertyNames =>
    [
        "version", "type", "ciphersuite", "hiding", "binding", "share", "identifier", "signing_share", "verifying_share", "verifying_key",
        "min_signers", "message", "commitments", "coefficients", "commitment", "verifying_shares",
    ];

    [Theory]
    [MemberData(nameof(Suites))]
    public void DecodedMessages_StillWork(string suiteName)
    {
        FrostCiphersuite suite = FrostCiphersuite.FromName(suiteName);
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(suite, 2, 3);
        byte[] shareBytes = dealt.SecretShares[0].ToBytes();
        using FrostSecretShare received = FrostSecretShare.FromBytes(shareBytes);
        using FrostKeyPackage kp1 = FrostKeyPackage.FromJson(received.ToKeyPackage().ToJson());
        using FrostKeyPackage kp3 = FrostKeyPackage.FromBytes(FrostSecretShare.FromJson(dealt.SecretShares[2].ToJson()).ToKeyPackage().ToBytes());
        FrostPublicKeyPackage publicKeys = FrostPublicKeyPackage.FromJson(dealt.PublicKeyPackage.ToJson());

        (FrostSigningNonces n1, FrostSigningCommitments c1) = FrostParticipant.Commit(kp1);
        (FrostSigningNonces n3, FrostSigningCommitments c3) = FrostParticipant.Commit(kp3);
        var commitments = new Dictionary<FrostIdentifier, FrostSigningCommitments>
        {
            [kp1.Identifier] = FrostSigningCommitments.FromBytes(c1.ToBytes()),
            [kp3.Identifier] = FrostSigningCommitments.FromJson(c3.ToJson()),
        };
        byte[] message = Encoding.UTF8.GetBytes("transfer");
        FrostSigningPackage sent = FrostSigningPackage.FromBytes(new FrostSigningPackage(commitments, message).ToBytes());
        FrostSignatureShare s1 = FrostSignatureShare.FromBytes(FrostParticipant.Sign(FrostSigningPackage.FromJson(sent.ToJson()), n1, kp1).ToBytes());
        FrostSignatureShare s3 = FrostSignatureShare.FromJson(FrostParticipant.Sign(sent, n3, kp3).ToJson());
        byte[] signature = FrostCoordinator.Aggregate(sent, new Dictionary<FrostIdentifier, FrostSignatureShare> { [kp1.Identifier] = s1, [kp3.Identifier] = s3 }, publicKeys);
        Assert.True(suite.Verify(dealt.Commitment.GroupVerifyingKey.Span, message, signature));
    }

    [Fact]
    public void SignatureShare_HasThePinnedLayout()
    {
        // header(version 1, type 3, "FROST-P256-SHA256-v1") || share: the RFC 9591 §E.4 P-256 share of participant 1.
        const string shareHex = "400308eaed7a2ddee02a265abe6a1cfe04d946ee8720768899619cfabe7a3aeb";
        byte[] expected = [1, 3, 20, .. Encoding.ASCII.GetBytes("FROST-P256-SHA256-v1"), .. Hex.Decode(shareHex)];
        FrostSignatureShare share = FrostSignatureShare.FromBytes(expected);
        Assert.Equal(shareHex, Hex.Encode(share.ToScalarBytes()));
        Assert.Equal(expected, share.ToBytes());
        Assert.Equal("{\"version\":1,\"type\":\"signature_share\",\"ciphersuite\":\"FROST-P256-SHA256-v1\",\"share\":\"" + shareHex + "\"}", share.ToJson());
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void SigningPackage_WithDuplicateOrUnsortedIdentifiers_IsRefused(string suiteName)
    {
        (_, object[] messages) = s_samples.Value.Single(s => s.Suite.Name == suiteName);
        var package = (FrostSigningPackage)messages[1];
        byte[] bytes = package.ToBytes();
        int headerLength = 3 + bytes[2];
        int ns = package.Ciphersuite.ScalarLength;
        int entry = ns + (2 * package.Ciphersuite.ElementLength);

        // Swap the two entries: unsorted.
        byte[] swapped = (byte[])bytes.Clone();
        bytes.AsSpan(headerLength + 2, entry).CopyTo(swapped.AsSpan(headerLength + 2 + entry));
        bytes.AsSpan(headerLength + 2 + entry, entry).CopyTo(swapped.AsSpan(headerLength + 2));
        Assert.Throws<FintechCryptoException>(() => FrostSigningPackage.FromBytes(swapped));

        // Copy the first entry over the second: a duplicate identifier.
        byte[] duplicated = (byte[])bytes.Clone();
        bytes.AsSpan(headerLength + 2, entry).CopyTo(duplicated.AsSpan(headerLength + 2 + entry));
        Assert.Throws<FintechCryptoException>(() => FrostSigningPackage.FromBytes(duplicated));

        // An empty list.
        byte[] empty = [.. bytes[..headerLength], 0, 0, 0, 0, 0, 0];
        Assert.Throws<FintechCryptoException>(() => FrostSigningPackage.FromBytes(empty));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void IdentityAndInvalidCommitments_AreRefused(string suiteName)
    {
        (FrostCiphersuite suite, object[] messages) = s_samples.Value.Single(s => s.Suite.Name == suiteName);
        byte[] bytes = ((FrostSigningCommitments)messages[0]).ToBytes();
        int headerLength = 3 + bytes[2];
        int ne = suite.ElementLength;
        bool weierstrass = suite.Suite.Group is WeierstrassGroup;
        bool ristretto = suite.Name.Contains("RISTRETTO", StringComparison.Ordinal);

        // The identity's encoding where it has one (Edwards: y = 1; ristretto255: all zeros); SEC 1's identity is
        // the single byte 0x00, so an all-zero 33-byte string is simply invalid.
        byte[] identity = new byte[ne];
        if (!weierstrass && !ristretto)
        {
            identity[0] = 1;
        }

        byte[] withIdentity = (byte[])bytes.Clone();
        identity.CopyTo(withIdentity, headerLength);
        Assert.Throws<FintechCryptoException>(() => FrostSigningCommitments.FromBytes(withIdentity));

        // Not an element: SEC 1 uncompressed prefix, or a non-canonical all-ones string.
        byte[] invalid = (byte[])bytes.Clone();
        if (weierstrass)
        {
            invalid[headerLength] = 0x04;
        }
        else
        {
            invalid.AsSpan(headerLength, ne).Fill(0xff);
        }

        Assert.Throws<FintechCryptoException>(() => FrostSigningCommitments.FromBytes(invalid));
    }

    [Fact]
    public void UnknownSuiteOrVersion_IsRefused()
    {
        byte[] share = ((FrostSignatureShare)s_samples.Value[0].Messages[2]).ToBytes();
        byte[] version = (byte[])share.Clone();
        version[0] = 2;
        Assert.Throws<FintechCryptoException>(() => FrostSignatureShare.FromBytes(version));
        byte[] suite = (byte[])share.Clone();
        suite[3] = (byte)'X';
        Assert.Throws<FintechCryptoException>(() => FrostSignatureShare.FromBytes(suite));
        string json = ((FrostSignatureShare)s_samples.Value[0].Messages[2]).ToJson();
        Assert.Throws<FintechCryptoException>(() => FrostSignatureShare.FromJson(json.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal)));
        Assert.Throws<FintechCryptoException>(() => FrostSignatureShare.FromJson(json.Replace("FROST-", "FROSTY-", StringComparison.Ordinal)));
        Assert.Throws<FintechCryptoException>(() => FrostSignatureShare.FromJson(json.Replace("}", ",\"extra\":1}", StringComparison.Ordinal)));
        Assert.Throws<FintechCryptoException>(() => FrostSignatureShare.FromJson(json.Replace("}", ",\"share\":\"00\"}", StringComparison.Ordinal)));
        Assert.Throws<ArgumentNullException>(() => FrostSignatureShare.FromJson(null!));
        Assert.Throws<FintechCryptoException>(() => FrostSignatureShare.FromJson("\ud800"));
        Assert.Throws<FintechCryptoException>(() => FrostSignatureShare.FromJson(json.Replace("FROST-", "\ud800FROST-", StringComparison.Ordinal)));
        Assert.Throws<FintechCryptoException>(() => FrostSignatureShare.FromJson(string.Empty));
        Assert.Throws<FintechCryptoException>(() => FrostSignatureShare.FromJson("[]"));
        Assert.Throws<FintechCryptoException>(() => FrostSignatureShare.FromBytes([]));
    }
}
